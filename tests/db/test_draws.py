"""The draw workflow on a real database: publish, announce, draw once, retract with a reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import text

import db.audit.chain as audit
import db.lottery.draws as draws
import db.registry.importing as importing
import db.rules.versions as policies
from allocation.demo.policy import demo_policy
from allocation.demo.register import demo_households
from allocation.errors import ConflictError, NotFoundError, ValidationError
from allocation.lottery.verifier import first_mismatch, verify_record
from allocation.registry import Household, Member, make_id
from allocation.rules import assign_group, explain_household, trace_text
from db.replay.check import verify_audit

ON = date(2026, 11, 1)
SOURCES = ["931", "2 5 12 18 26 33", "7 14 21 28 35 3"]
WITNESSES = [("公证员", "王公证"), ("监督员", "李监督")]


@pytest.fixture
def ready(factory, project_id):
    """A project with 40 demo households and a frozen policy."""
    with factory.begin() as s:
        importing.import_households(s, project_id=project_id,
                                    households=demo_households()[:40], actor="op")
        policies.set_policy(s, project_id=project_id, policy=demo_policy(), actor="op")
        policies.freeze_policy(s, project_id=project_id, actor="sup")
    return project_id


def _publish_and_draw(factory, project_id, sources=SOURCES):
    with factory.begin() as s:
        draws.announce_sources(s, project_id=project_id, sources=sources,
                               method="rfc3797-md5", witnesses=WITNESSES, actor="op")
        return draws.run_draw(s, project_id=project_id, actor="op",
                              drawn_at=datetime(2026, 11, 2, 10, tzinfo=UTC))


def test_publish_announce_draw_verifies(factory, ready):
    with factory.begin() as s:
        pool = draws.publish_pool(s, project_id=ready, actor="op", on=ON)
    codes = [e.code for e in pool.entries]
    assert codes == sorted(codes) and len(codes) == 40
    assert [e.position for e in pool.entries] == list(range(1, 41))
    done = _publish_and_draw(factory, ready)
    assert done.status == "active" and done.seq == 1
    record = done.record
    assert first_mismatch(verify_record(record)) is None
    assert record["pool_sha256"] == pool.pool_sha256
    assert record["operator"] == "op"
    assert record["witnesses"][0] == {"role": "公证员", "name": "王公证"}
    with factory() as s:
        stored = draws.counting_draw(s, ready)
        policy_hash = policies.frozen_policy(s, ready).sha256
    assert stored is not None and stored.record == record
    assert stored.record_sha256 == record["record_sha256"]
    assert record["policy_sha256"] == policy_hash
    ranks = {e.code: e.group_rank for e in pool.entries}
    order = [ranks[c] for c in done.final_order]
    assert order == sorted(order) and sorted(done.final_order) == codes


def test_a_second_draw_and_late_announcement_are_refused(factory, ready):
    with factory.begin() as s:
        draws.publish_pool(s, project_id=ready, actor="op", on=ON)
    _publish_and_draw(factory, ready)
    with factory.begin() as s, pytest.raises(ConflictError) as refused:
        draws.run_draw(s, project_id=ready, actor="op")
    assert refused.value.code == "draw_already_run"
    with factory.begin() as s, pytest.raises(ConflictError) as late:
        draws.announce_sources(s, project_id=ready, sources=["1 2 3"], method="rfc3797-md5",
                               actor="op")
    assert late.value.code == "draw_already_run"
    with factory.begin() as s, pytest.raises(ConflictError) as again:
        draws.publish_pool(s, project_id=ready, actor="op", on=ON)
    assert again.value.code == "pool_already_published"


def test_draw_needs_an_announcement_and_bad_sources_are_refused(factory, ready):
    with factory.begin() as s, pytest.raises(NotFoundError) as no_pool:
        draws.announce_sources(s, project_id=ready, sources=SOURCES, actor="op")
    assert no_pool.value.code == "pool_not_published"
    with factory.begin() as s:
        draws.publish_pool(s, project_id=ready, actor="op", on=ON)
    with factory.begin() as s, pytest.raises(ConflictError) as unannounced:
        draws.run_draw(s, project_id=ready, actor="op")
    assert unannounced.value.code == "draw_not_announced"
    with factory.begin() as s, pytest.raises(ValidationError) as bad:
        draws.announce_sources(s, project_id=ready, sources=["12", "  "], actor="op")
    assert bad.value.code == "source_empty"


def test_retract_keeps_the_old_draw_and_allows_a_new_one(factory, ready):
    with factory.begin() as s:
        draws.publish_pool(s, project_id=ready, actor="op", on=ON)
    first = _publish_and_draw(factory, ready)
    with factory.begin() as s, pytest.raises(ValidationError) as no_reason:
        draws.retract_draw(s, project_id=ready, reason="  ", actor="sup")
    assert no_reason.value.code == "required_value_missing"
    with factory.begin() as s:
        retracted = draws.retract_draw(s, project_id=ready, reason="公证员未到场", actor="sup")
    assert retracted.status == "retracted" and retracted.reason == "公证员未到场"
    with factory() as s:
        assert draws.counting_draw(s, ready) is None
    with factory.begin() as s, pytest.raises(ConflictError) as unannounced:
        draws.run_draw(s, project_id=ready, actor="op")
    assert unannounced.value.code == "draw_not_announced"
    second = _publish_and_draw(factory, ready, sources=["1234", "3 9 17 22 30 31"])
    assert second.seq == 2 and second.record["key"] != first.record["key"]
    with factory() as s:
        history = draws.draw_history(s, ready)
        assert [(d.seq, d.status) for d in history] == [(1, "retracted"), (2, "active")]
        assert history[0].record == first.record
        assert first_mismatch(verify_record(history[0].record)) is None
        assert audit.verify_chain(s) is None
        report = verify_audit(s, ready)
        assert report.ok, report
        actions = s.execute(text("SELECT action FROM audit_event WHERE entity = 'draw' "
                                 "ORDER BY seq")).scalars().all()
    assert actions == ["announce", "draw", "retract", "announce", "draw"]


def test_publish_needs_a_frozen_policy(factory, project_id):
    with factory.begin() as s:
        importing.import_households(s, project_id=project_id,
                                    households=demo_households()[:5], actor="op")
        policies.set_policy(s, project_id=project_id, policy=demo_policy(), actor="op")
    with factory.begin() as s, pytest.raises(NotFoundError) as refused:
        draws.publish_pool(s, project_id=project_id, actor="op", on=ON)
    assert refused.value.code == "policy_not_frozen"


def test_edited_draw_record_is_found_by_the_audit_check(factory, ready):
    with factory.begin() as s:
        draws.publish_pool(s, project_id=ready, actor="op", on=ON)
    _publish_and_draw(factory, ready)
    with factory.begin() as s:
        s.execute(text("UPDATE draw SET record = REPLACE(record, '\"operator\":\"op\"', "
                       "'\"operator\":\"x\"')"))
    with factory() as s:
        report = verify_audit(s, ready)
    assert report.mismatch is not None and report.mismatch.entity == "draw"
    assert report.mismatch.field == "sealed_sha256"


def test_the_counting_draw_through_a_draw_a_retraction_and_a_redraw(factory, ready):
    """Worked example: draw 1 counts; retracted, nothing counts (the pool notice still
    has no announced sources); draw 2 announced, still nothing counts but its sources
    stand; drawn, draw 2 counts."""

    def seen():
        with factory() as s:
            pool, history = draws.current_pool(s, ready), draws.draw_history(s, ready)
            counting = draws.counting_draw(s, ready)
        loaded = draws.counting_draw_of(pool, history)
        assert (loaded and loaded.seq) == (counting and counting.seq)
        standing = draws.standing_draw_of(pool, history)
        return (counting and (counting.seq, counting.status),
                standing and (standing.seq, standing.status))

    assert seen() == (None, None)  # not published
    with factory.begin() as s:
        draws.publish_pool(s, project_id=ready, actor="op", on=ON)
    assert seen() == (None, None)  # published, not drawn
    first = _publish_and_draw(factory, ready)
    assert seen() == ((1, "active"), (1, "active"))
    with factory.begin() as s:
        draws.retract_draw(s, project_id=ready, reason="公证员未到场", actor="sup")
    assert seen() == (None, None)  # the retracted draw neither counts nor stands
    with factory.begin() as s:
        draws.announce_sources(s, project_id=ready, sources=["1234", "3 9 17 22 30 31"],
                               method="rfc3797-md5", actor="op")
    assert seen() == (None, (2, "announced"))
    with factory.begin() as s:
        second = draws.run_draw(s, project_id=ready, actor="op")
    assert seen() == ((2, "active"), (2, "active"))
    with factory() as s:
        counting = draws.counting_draw(s, ready)
    assert counting is not None and counting.final_order == second.final_order
    assert counting.record_sha256 != first.record_sha256


def test_a_draw_of_another_pool_never_counts(factory, ready):
    with factory.begin() as s:
        pool = draws.publish_pool(s, project_id=ready, actor="op", on=ON)
    done = _publish_and_draw(factory, ready)
    other = draws.PublishedPool(pool.id + 1, pool.pool_sha256, pool.policy_sha256,
                                pool.entries, pool.published_at, pool.published_by)
    assert draws.counting_draw_of(pool, [done]) == done
    assert draws.counting_draw_of(other, [done]) is None
    assert draws.counting_draw_of(None, [done]) is None


def test_published_groups_keep_the_group_a_head_had_when_the_pool_was_published(
        factory, ready):
    """Worked example: 李老伯 is 79 when the pool is published on 1 Nov 2026, so he is in
    “其他家庭”; he turns 80 on 15 Dec 2026, which by today's facts puts him in
    “高龄、残疾家庭”. His papers and trace keep the published “其他家庭”."""
    head_id = make_id("110101", date(1946, 12, 15), 7, "M")
    elder = Household("Z001", "李老伯", head_id, Decimal("60.00"),
                      members=(Member("李老伯", head_id),))
    with factory.begin() as s:
        importing.import_households(s, project_id=ready, households=[elder], actor="op")
        assert draws.published_groups(s, ready) == {}  # nothing published yet
        draws.publish_pool(s, project_id=ready, actor="op", on=ON)
    later = date(2027, 1, 10)
    with factory() as s:
        groups = draws.published_groups(s, ready)
        policy = policies.frozen_policy(s, ready).policy
        pool = draws.current_pool(s, ready)
    assert pool is not None and groups == {e.code: e.group for e in pool.entries}
    assert len(groups) == 41 and groups["Z001"] == "其他家庭"
    # The rules count ages to their reference date (1 Nov 2026): today says the same…
    assert assign_group(elder, policy, later).name == "其他家庭"
    # …where rules naming no date (schema 1) would judge him on the day, and disagree.
    undated = replace(policy, reference_date=None)
    assert assign_group(elder, undated, later).name == "高龄、残疾家庭"

    trace = explain_household(elder, policy, later, published_group=groups["Z001"])
    rules = [step.rule for step in trace.steps]
    assert "group.published" in rules and "group.test" not in rules
    published = trace.steps[rules.index("group.published")]
    assert published.inputs == {"group": "其他家庭", "rank": len(policy.groups)}
    order = trace.steps[rules.index("order.key")]
    assert order.inputs["group"] == "其他家庭" and order.inputs["order_within"] == "lottery"
    assert "摇号名单公示时所列优先组 → “其他家庭”" in trace_text(trace)
    assert "group as published in the lottery pool → “其他家庭”" in trace_text(trace, "en")
    # Without the published group, the trace recomputes it, and undated rules would disagree.
    fresh = explain_household(elder, undated, later)
    assert "group.published" not in [step.rule for step in fresh.steps]
    first = next(step for step in fresh.steps if step.rule == "group.test")
    assert (first.inputs["group"], first.result) == ("高龄、残疾家庭", True)


def test_published_groups_stand_only_under_the_policy_the_pool_was_published_with(
        factory, ready):
    """Worked example: the pool is published under version 1; version 1 is then superseded
    by version 2, which renames the default group “其他家庭” to “一般家庭”. Under version 1
    the 41 published groups stand; under version 2 nothing was published (an empty map),
    so its traces recompute the group rather than print a name version 2 does not have."""
    with factory.begin() as s:
        draws.publish_pool(s, project_id=ready, actor="op", on=ON)
        first = policies.frozen_policy(s, ready)
        renamed = policies.supersede_policy(
            s, project_id=ready, policy=replace(demo_policy(), default_group="一般家庭"),
            reason="更正组名", actor="sup")
    with factory() as s:
        assert len(draws.published_groups(s, ready)) == 40  # no policy named: the pool's
        under_first = draws.published_groups(s, ready, policy_sha256=first.sha256)
        under_renamed = draws.published_groups(s, ready, policy_sha256=renamed.sha256)
    assert len(under_first) == 40 and "其他家庭" in under_first.values()
    assert under_renamed == {}


def test_sources_announced_again_by_another_are_signed_by_them(factory, ready):
    """The operator announces the sources, the supervisor corrects them before the draw:
    the draw row says the supervisor announced them (the correcting act's actor), and
    verify agrees; set back to the operator in SQL, it is named."""
    with factory.begin() as s:
        draws.publish_pool(s, project_id=ready, actor="op", on=ON)
        draws.announce_sources(s, project_id=ready, sources=SOURCES, method="rfc3797-md5",
                               witnesses=WITNESSES, actor="op")
    with factory.begin() as s:
        draws.announce_sources(s, project_id=ready, sources=SOURCES[:2], method="rfc3797-md5",
                               witnesses=WITNESSES, actor="sup")
    with factory.begin() as s:
        assert s.execute(text("SELECT announced_by FROM draw")).scalar_one() == "sup"
        assert verify_audit(s, ready).ok
        s.execute(text("UPDATE draw SET announced_by = 'op'"))
    with factory() as s:
        report = verify_audit(s, ready)
    assert report.mismatch is not None
    assert (report.mismatch.table, report.mismatch.column) == ("draw", "announced_by")
