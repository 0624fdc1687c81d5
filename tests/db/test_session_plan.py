"""The stored session plan (选房安排) and the desk working batch by batch over two days.

The project is build_drawn_project's: 12 households drawn into a final order.
The plan used throughout, worked by hand::

    batch 1  2026-12-20  08:30, 6 households × 5 min → order 1…6,  08:30–09:00
    batch 2  2026-12-21  08:30, 6 households × 5 min → order 7…12, 08:30–09:00

so order number 3's window is 08:40–08:45 on the 20th, and order 12's is
08:55–09:00 on the 21st.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from sqlalchemy import text

import db.lottery.draws as draws
import db.selection as selection
from allocation.demo.policy import demo_policy
from allocation.errors import ConflictError, ValidationError
from allocation.registry.model import ProjectId
from allocation.rules import SessionRules
from db.replay.check import verify_audit
from tests.db.test_selection import ON, build_drawn_project

PLAN = {"minutes": 5, "batches": [{"date": "2026-12-20", "start": "08:30", "size": 6},
                                  {"date": "2026-12-21", "start": "08:30", "size": 6}]}
VENUE = "社区服务中心二楼"


def _project(factory, absent: str | None = None) -> ProjectId:
    policy = demo_policy()
    if absent is not None:
        policy = dataclasses.replace(policy, session=SessionRules(absent))  # type: ignore[arg-type]
    with factory.begin() as s:
        project_id = build_drawn_project(s, policy=policy)
        selection.set_plan(s, project_id=project_id, plan=PLAN, venue=VENUE, operator="sup")
    return project_id


def _open(factory, project_id) -> None:
    with factory.begin() as s:
        selection.open_session(s, project_id=project_id, operator="sup", held_on=ON)


def _order(factory, project_id) -> list[str]:
    with factory() as s:
        return list(draws.counting_draw(s, project_id).final_order)


def _pass_over(factory, project_id) -> str:
    """Call the next household and get no answer three times: 过号."""
    with factory.begin() as s:
        turn = selection.call_next(s, project_id=project_id, operator="op")
        assert turn is not None
        for _ in range(3):
            turn = selection.skip(s, project_id=project_id, code=turn.code, operator="op")
    return turn.code


def _serve(factory, project_id) -> str:
    """Call the next household; it comes and takes no flat (quicker than choosing one)."""
    with factory.begin() as s:
        turn = selection.call_next(s, project_id=project_id, operator="op")
        assert turn is not None
        selection.decline(s, project_id=project_id, code=turn.code, reason="不要", operator="op")
    return turn.code


def test_a_stored_plan_reads_back_as_the_plan_worked_by_hand(factory):
    project_id = _project(factory)
    order = _order(factory, project_id)
    with factory() as s:
        stored, plan, _ = selection.stored_session_plan(s, project_id)
        assert verify_audit(s, project_id).ok
    assert stored.version == 1 and stored.venue == VENUE and stored.saved_by == "sup"
    assert [(b.number, b.on, b.first, b.last) for b in plan.batches] == [
        (1, date(2026, 12, 20), 1, 6), (2, date(2026, 12, 21), 7, 12)]
    third, twelfth = plan.slots[2], plan.slots[11]
    assert (third.code, third.start, third.end) == (
        order[2], datetime(2026, 12, 20, 8, 40), datetime(2026, 12, 20, 8, 45))
    assert (twelfth.start, twelfth.end) == (datetime(2026, 12, 21, 8, 55),
                                            datetime(2026, 12, 21, 9, 0))


def test_saving_again_adds_a_version_and_an_open_session_fixes_the_plan(factory):
    project_id = _project(factory)
    later = {**PLAN, "minutes": 4}
    with factory.begin() as s:
        assert selection.set_plan(s, project_id=project_id, plan=later, venue=VENUE,
                                  operator="sup").version == 2
    with factory() as s:
        assert selection.stored_plan(s, project_id).specs[0].minutes == 4
    _open(factory, project_id)
    with factory.begin() as s, pytest.raises(ConflictError) as fixed:
        selection.set_plan(s, project_id=project_id, plan=PLAN, venue=VENUE, operator="sup")
    assert fixed.value.code == "session_plan_fixed"
    with factory() as s:
        turns = selection.session_turns(s, project_id)
        assert verify_audit(s, project_id).ok
    assert [t.batch for t in sorted(turns, key=lambda t: t.order_no)] == [1] * 6 + [2] * 6


def test_a_plan_that_does_not_cut_the_order_is_refused_with_its_key_path(factory):
    project_id = _project(factory)
    short = {"minutes": 5, "batches": [{"date": "2026-12-20", "start": "08:30", "size": 5}]}
    with factory.begin() as s, pytest.raises(ValidationError) as left:
        selection.set_plan(s, project_id=project_id, plan=short, venue=VENUE, operator="sup")
    # 12 households, a batch of 5: 7 left over from order number 6 on.
    assert (left.value.code, left.value.params["count"], left.value.params["first"]) == (
        "order_left_over", 7, 6)
    bad = {"minutes": 5, "batches": [{"date": "2026-12-20", "start": "8:30", "size": 12}]}
    with factory.begin() as s, pytest.raises(ValidationError) as clock:
        selection.set_plan(s, project_id=project_id, plan=bad, venue=VENUE, operator="sup")
    assert clock.value.params["path"] == "batches[0].start"


def test_next_batch_rule_carries_an_absent_household_to_the_next_days_batch(factory):
    """Order 1 is absent on the 20th: it is called at the end of batch 2 on the 21st.

    By hand: batch 1 calls 1 (absent, → batch 2), then 2…6; the desk closes for the
    night. In the morning it calls 7…12 (batch 2's own), then 1 at its end.
    """
    project_id = _project(factory, absent="next_batch")
    order = _order(factory, project_id)
    _open(factory, project_id)
    absent = _pass_over(factory, project_id)
    assert absent == order[0]
    with factory() as s:
        moved = next(t for t in selection.session_turns(s, project_id) if t.code == absent)
        batch = selection.current_batch(s, project_id)
    assert (moved.state, moved.batch) == ("moved_to_end", 2)
    assert (batch.number, batch.count, batch.on, batch.waiting) == (1, 2, date(2026, 12, 20), 5)
    day_one = [_serve(factory, project_id) for _ in range(5)]
    assert day_one == order[1:6]
    # Overnight: nothing is held but the database; the next morning starts at batch 2.
    with factory() as s:
        batch = selection.current_batch(s, project_id)
    assert (batch.number, batch.on, batch.start, batch.waiting) == (
        2, date(2026, 12, 21), datetime(2026, 12, 21, 8, 30), 7)
    day_two = [_serve(factory, project_id) for _ in range(7)]
    assert day_two == [*order[6:12], absent]
    with factory() as s:
        assert selection.current_batch(s, project_id) is None
        assert verify_audit(s, project_id).ok


def test_default_rule_calls_an_absent_household_again_at_the_end_of_its_own_batch(factory):
    project_id = _project(factory)
    order = _order(factory, project_id)
    _open(factory, project_id)
    absent = _pass_over(factory, project_id)
    served = [_serve(factory, project_id) for _ in range(6)]
    # By hand: 2…6 of batch 1, then 1 again at its end, before batch 2's first (7).
    assert served == [*order[1:6], absent]
    assert _serve(factory, project_id) == order[6]


def test_final_round_rule_keeps_an_absent_household_for_the_final_call(factory):
    project_id = _project(factory, absent="final_round")
    order = _order(factory, project_id)
    _open(factory, project_id)
    absent = _pass_over(factory, project_id)
    with factory() as s:
        assert next(t for t in selection.session_turns(s, project_id)
                    if t.code == absent).state == "skipped"
    assert [_serve(factory, project_id) for _ in range(11)] == order[1:]
    with factory.begin() as s:
        assert selection.call_next(s, project_id=project_id, operator="op") is None
        assert selection.start_final_call(s, project_id=project_id, operator="op") == 1
    assert _serve(factory, project_id) == absent


def test_a_plan_edited_behind_the_apps_back_is_named_by_verify(factory):
    project_id = _project(factory)
    with factory.begin() as s:
        s.execute(text("UPDATE session_plan SET venue = '别处'"))
    with factory() as s:
        found = verify_audit(s, project_id).mismatch
    assert (found.entity, found.key, found.field) == ("session_plan", "plan-v1", "venue")
