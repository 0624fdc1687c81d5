"""desktop/printing/documents.py at the desk: every kind built from the database, read back.

Agreements and slips exist only for households that chose; a notice is
registered as it is written, prints its version and answers upheld
objections; batches report progress per household and can be stopped.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

import db.lottery.draws as draws
import db.publications.notices as publications
import db.registry.operations as registry
import db.rules.versions as rules
import db.selection.desk as selection
from allocation.errors import ConflictError, NotFoundError
from allocation.registry import Condition
from allocation.rules import assign_group
from db.papers import NOT_CHOSEN, PRICE_CHANGED
from db.replay.check import verify_audit
from db.store.engine import make_engine, make_session_factory
from desktop.printing.documents import (
    KINDS,
    PrintCancelled,
    PrintRequest,
    prepare,
    print_split,
    print_to,
    publish,
    render,
)
from tests.desktop import printing_scenario
from tests.desktop.printing_scenario import NAME, PROXY_ID, PROXY_NAME
from tests.printouts.readback import id_number_in

START = date(2026, 11, 26)


@pytest.fixture
def factory(db_url):
    engine = make_engine(db_url)
    yield make_session_factory(engine)
    engine.dispose()


@pytest.fixture
def scene(factory):
    return printing_scenario.build(factory)


def request(kind: str, **changes) -> PrintRequest:
    return replace(PrintRequest(kind, NAME, START), **changes)


def text_of(pdf: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def printed(factory, kind: str, tmp_path, **changes):
    out = tmp_path / f"{kind}.pdf"
    with factory.begin() as session:
        done = print_to(session, request(kind, **changes), out)
    return done, text_of(out.read_bytes())


def test_agreements_only_for_households_that_chose(factory, scene, tmp_path):
    done, text = printed(factory, "agreements", tmp_path)
    assert done.sections == 3
    assert sorted(s.code for s in done.skipped) == sorted(scene.waiting)
    assert {s.reason for s in done.skipped} == {NOT_CHOSEN}
    with factory() as session:
        households = {h.code: h for h in registry.load_households(session, scene.project_id)}
    for code in scene.chosen:
        assert f"AZ{scene.project_id:03d}-2026-{code}" in text
        assert households[code].head_name in text and households[code].head_id in text
    assert "2026年12月25日前搬迁完毕" in text  # the session day + 30 days by default
    with factory() as session:
        prepared = prepare(session, request("agreements", payment_term="签约后三十日内"))
    if any(item.settlement.direction != "none" for item in prepared.items):
        _done, custom = printed(factory, "agreements", tmp_path, payment_term="签约后三十日内")
        assert "签约后三十日内" in custom
    assert not any(code in text for code in scene.waiting)
    assert done.publication is None  # not a public notice: nothing registered


def test_slips_print_what_was_confirmed(factory, scene, tmp_path):
    done, text = printed(factory, "slips", tmp_path)
    assert done.sections == 3 and done.pages == 3
    with factory() as session:
        made = {s.code: s for s in selection.selection_results(session, scene.project_id)}
    for number, code in enumerate(scene.chosen, start=1):
        assert f"第{number}号" in text
        assert made[code].chain_head in text and made[code].flat_key in text
    assert PROXY_NAME in text and PROXY_ID in text


def test_one_household(factory, scene, tmp_path):
    done, text = printed(factory, "slips", tmp_path, household=scene.chosen[2])
    assert done.sections == 1 and scene.chosen[2] in text and scene.chosen[0] not in text
    for code, error in ((scene.waiting[0], "household_has_no_selection"),
                        ("X999", "household_not_found")):
        with factory() as session, pytest.raises(NotFoundError) as refused:
            prepare(session, request("agreements", household=code))
        assert refused.value.code == error


def test_without_a_session_papers_and_results_are_refused(factory, tmp_path):
    with factory.begin() as session:
        printing_scenario.build_drawn(session)
    for kind in ("agreements", "slips", "notice-results"):
        with factory() as session, pytest.raises(NotFoundError) as refused:
            prepare(session, request(kind))
        assert refused.value.code == "no_selection_session"
    done, text = printed(factory, "traces", tmp_path)  # explanations need no session
    assert done.sections == printing_scenario.HOUSEHOLDS and "尚未选房" in text


def test_traces_give_the_drawn_order_and_the_chosen_flat(factory, scene, tmp_path):
    done, text = printed(factory, "traces", tmp_path, household=scene.chosen[0])
    assert done.sections == 1 and done.pages >= 1
    with factory() as session:
        [made] = [s for s in selection.selection_results(session, scene.project_id)
                  if s.code == scene.chosen[0]]
    assert "选房顺序号为第1号" in text and made.flat_key in text


def test_results_notice_and_statistics(factory, scene, tmp_path):
    done, text = printed(factory, "notice-results", tmp_path)
    assert text.count("未选房") >= len(scene.waiting) and not id_number_in(text)
    assert "已选房3户" in text and done.publication is not None
    _done, stats = printed(factory, "statistics", tmp_path)
    assert "已选房3户" in stats and not id_number_in(stats)


#: Kinds this scene has nothing for: no session voided, no plan stored (their own tests:
#: tests/desktop/test_cli_registered_notices.py); each is refused in words.
NOTHING_TO_PRINT = {"notice-void": "no_voided_session", "schedule": "session_plan_not_found"}


def test_every_kind_prints(factory, scene, tmp_path):
    for kind in KINDS:
        if kind in NOTHING_TO_PRINT:
            with pytest.raises(NotFoundError) as refused:
                printed(factory, kind, tmp_path)
            assert refused.value.code == NOTHING_TO_PRINT[kind]
            continue
        done, text = printed(factory, kind, tmp_path)
        assert done.pages >= 1 and NAME in text, kind


def test_a_notice_is_registered_with_its_hash_and_prints_its_version(factory, scene, tmp_path):
    done, text = printed(factory, "notice-households", tmp_path)
    notice = done.publication
    assert notice is not None and notice.version == 1
    assert notice.content_sha256 == hashlib.sha256(done.path.read_bytes()).hexdigest()
    assert (notice.period_start, notice.period_end) == (START, date(2026, 12, 2))
    assert "（第1版）" in text and "2026年12月2日止" in text
    with factory() as session:
        assert verify_audit(session, scene.project_id).ok


def test_the_corrected_version_answers_the_upheld_objection(factory, scene, tmp_path):
    printed(factory, "notice-households", tmp_path)
    with factory.begin() as session:
        publications.record_objection(
            session, project_id=scene.project_id, kind="notice-households", objector="张三丰",
            item=scene.chosen[0], text="面积有误", received_on=START, actor="op")
        publications.resolve_objection(session, project_id=scene.project_id, number=1,
                                       outcome=publications.UPHELD, resolution="更正",
                                       decided_on=START, actor="op")
    done, text = printed(factory, "notice-households", tmp_path)
    assert done.publication is not None and done.publication.answers == (1,)
    assert "第2版（据异议第1号更正）" in text


def test_a_version_registered_meanwhile_refuses_the_stale_one(factory, scene, tmp_path):
    """Two workstations prepare 第1版; the second to publish is refused and writes nothing."""
    with factory() as session:
        first = prepare(session, request("notice-flats"))
        second = prepare(session, request("notice-flats"))
    with factory.begin() as session:
        publish(session, first, render(first), tmp_path / "first.pdf")
    late = tmp_path / "second.pdf"
    with factory.begin() as session, pytest.raises(ConflictError) as refused:
        publish(session, second, render(second), late)
    assert refused.value.code == "publication_version_taken" and not late.exists()


def test_a_changed_price_leaves_the_household_out(factory, scene, tmp_path):
    """Data edited after the desk would make the agreement contradict the slip: left out."""
    code = scene.chosen[0]
    with factory.begin() as session:
        stored = registry.find_household(session, scene.project_id, code)
        bigger = replace(stored.household, legal_area=stored.household.legal_area + Decimal(40))
        registry.update_household(session, household_id=stored.id, household=bigger,
                                  actor="op")
    done, text = printed(factory, "agreements", tmp_path)
    changed = [s for s in done.skipped if s.reason == PRICE_CHANGED]
    assert [s.code for s in changed] == [code] and done.sections == 2
    assert f"-{code}" not in text


def test_batch_progress_counts_households_and_can_stop(factory, scene):
    seen: list[tuple[int, int]] = []
    with factory() as session:
        prepared = prepare(session, request("traces"))
    render(prepared, lambda done, total: seen.append((done, total)))
    assert seen[-1] == (12, 12) and {t for _d, t in seen} == {12}
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    with factory() as session:
        prepared = prepare(session, request("traces"))
    with pytest.raises(PrintCancelled):
        render(prepared, lambda done, total: done < 4)


def test_split_writes_one_file_per_household(factory, scene, tmp_path):
    seen: list[tuple[int, int]] = []
    with factory() as session:
        files = print_split(session, request("agreements"), tmp_path / "split",
                            lambda done, total: seen.append((done, total)))
    assert sorted(p.path.name for p in files) == sorted(f"{c}-agreement.pdf"
                                                         for c in scene.chosen)
    assert seen == [(1, 3), (2, 3), (3, 3)]
    for item in files:
        code = item.path.name.split("-")[0]
        text = text_of(item.path.read_bytes())
        assert code in text and len(PdfReader(item.path).pages) == item.pages


def test_split_stops_between_files(factory, scene, tmp_path):
    with factory() as session, pytest.raises(PrintCancelled):
        print_split(session, request("slips"), tmp_path / "stop", lambda done, total: done < 2)
    assert len(list((tmp_path / "stop").glob("*.pdf"))) == 2


def test_statistics_count_a_household_that_chose_as_flat_chosen(factory, scene, tmp_path):
    """The desk does not rewrite the household row; the status table still counts the
    households that chose under 已选房, as many as chose."""
    printed(factory, "statistics", tmp_path)
    first_page = PdfReader(tmp_path / "statistics.pdf").pages[0].extract_text()
    status_table = first_page[first_page.index("按户状态统计"):first_page.index("按优先组统计")]
    cells = [cell.strip() for cell in status_table.splitlines()]
    # One cell a line; the 已选房 row (8 cells) comes just before the 已交房 row, and the
    # header's "已选房 户数" comes earlier, so search from there.
    households_in_row = cells[cells.index("已选房", cells.index("已交房") - 9) + 1]
    assert households_in_row == str(len(scene.chosen))


def test_the_papers_keep_the_group_the_pool_was_published_with(factory, scene):
    """Worked example: a household still waiting, published in a group other than
    “高龄、残疾家庭”, has a member recognised as disabled (grade 2) after the draw. By
    today's facts it would be in “高龄、残疾家庭” (group 1); its drawn number was given in
    its published group, so its trace sheet and the statistics keep that group."""
    with factory() as session:
        groups = draws.published_groups(session, scene.project_id)
    code = next(c for c in scene.waiting if groups[c] != "高龄、残疾家庭")
    with factory.begin() as session:
        stored = registry.find_household(session, scene.project_id, code)
        first, *rest = stored.household.members
        disabled = replace(first, conditions=first.conditions | {Condition.DISABILITY},
                           disability_grade=2)
        changed = replace(stored.household, members=(disabled, *rest))
        registry.update_household(session, household_id=stored.id, household=changed,
                                  actor="op")
        policy = rules.frozen_policy(session, scene.project_id).policy
    assert assign_group(changed, policy, START).name == "高龄、残疾家庭"  # what today says

    with factory() as session:
        [sheet] = prepare(session, request("traces", household=code)).items
        statistics = prepare(session, request("statistics")).document
    steps = {step.rule: step for step in sheet.trace.steps}
    assert steps["group.published"].inputs["group"] == groups[code]
    assert "group.test" not in steps
    assert statistics.groups[code] == groups[code]
