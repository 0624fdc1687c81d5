"""The desk working batch by batch over two days, on a real database, driven by its keys.

Six demo households drawn; the stored plan (worked by hand)::

    batch 1  2026-12-20  08:30, 3 households × 5 min → order 1…3, 08:30–08:45
    batch 2  2026-12-21  08:30, 3 households × 5 min → order 4…6, 08:30–08:45

and the rules send a household absent after its calls to the next batch. Day one:
order 1 is called three times and does not come (→ end of batch 2); order 2 takes
a flat; order 3 takes none. The desk is closed for the night. Day two, a new desk:
it shows batch 2 and calls order 4 first, then 5, 6, and order 1 at the batch's end.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

import db.lottery.draws as draws
import db.registry.importing as importing
import db.rules.versions as policies
import db.selection as selection
from allocation.demo.policy import demo_policy
from allocation.demo.register import demo_flats, demo_households
from allocation.rules import SessionRules
from db.replay.check import verify_audit
from desktop.session.session_page import SessionPage
from tests.desktop.test_desk import (
    answers,  # noqa: F401 - fixture
    at_desk,
    changed,
    make_desk,
    press,
    printed,  # noqa: F401 - fixture
    turn_of,
    version,
)
from tests.desktop.test_desk_scenario import HELD_ON, read

PLAN = {"minutes": 5, "batches": [{"date": "2026-12-20", "start": "08:30", "size": 3},
                                  {"date": "2026-12-21", "start": "08:30", "size": 3}]}


def _planned_project(s, project_id) -> None:
    importing.import_households(s, project_id=project_id, households=demo_households()[:6],
                                actor="op")
    importing.import_flats(s, project_id=project_id, flats=demo_flats(), actor="op")
    policy = dataclasses.replace(demo_policy(), session=SessionRules("next_batch"))
    policies.set_policy(s, project_id=project_id, policy=policy, actor="op")
    policies.freeze_policy(s, project_id=project_id, actor="op")
    draws.publish_pool(s, project_id=project_id, actor="op", on=HELD_ON)
    draws.announce_and_draw(s, project_id=project_id, sources=["931", "2 5 12 18 26 33"],
                            actor="op")
    selection.set_plan(s, project_id=project_id, plan=PLAN, venue="社区服务中心",
                       operator="op")
    selection.open_session(s, project_id=project_id, operator="op", held_on=HELD_ON)


def _keys(qtbot, page: SessionPage, *keys: Qt.Key) -> None:
    for key in keys:
        before = version(page)
        press(qtbot, page, key)
        changed(qtbot, page, before)


def test_two_batches_on_two_days_with_an_absent_household_carried_over(
        qtbot, ctx, answers, printed, tmp_path):  # noqa: F811
    with ctx.factory.begin() as s:
        _planned_project(s, ctx.project_id)
    order = read(ctx, lambda s: draws.counting_draw(s, ctx.project_id).final_order)
    page = make_desk(qtbot, ctx, tmp_path, printed)
    banner = page.batch_banner
    assert banner.isVisible()
    assert banner.text() == ("Batch 1 of 2 · 2026-12-20 08:30–08:45 · 3 households, "
                             "3 still to call")

    _keys(qtbot, page, Qt.Key.Key_F5, Qt.Key.Key_F6, Qt.Key.Key_F6, Qt.Key.Key_F6)
    absent = turn_of(ctx, order[0])
    assert (absent.state, absent.batch) == ("moved_to_end", 2) and at_desk(page) is None
    assert banner.text().endswith("3 households, 2 still to call")

    _keys(qtbot, page, Qt.Key.Key_F5)
    assert at_desk(page) == order[1]
    press(qtbot, page, Qt.Key.Key_Down)
    chosen = page.chosen_key
    assert chosen is not None
    _keys(qtbot, page, Qt.Key.Key_Return)
    assert turn_of(ctx, order[1]).state == "selected"
    _keys(qtbot, page, Qt.Key.Key_F5, Qt.Key.Key_F8)
    assert turn_of(ctx, order[2]).state == "declined"
    # Batch 1 is done: the banner already names tomorrow's batch, with order 1 carried in it.
    assert banner.text() == ("Batch 2 of 2 · 2026-12-21 08:30–08:45 · 3 households, "
                             "4 still to call")
    page.hide()
    page.close()  # the end of the day: the desk is shut

    morning = make_desk(qtbot, ctx, tmp_path, printed)
    assert at_desk(morning) is None
    assert morning.batch_banner.text().startswith("Batch 2 of 2 · 2026-12-21")
    _keys(qtbot, morning, Qt.Key.Key_F5)
    assert at_desk(morning) == order[3]  # the next batch's first household, not order 1
    _keys(qtbot, morning, Qt.Key.Key_F8)
    for code in order[4:6]:
        _keys(qtbot, morning, Qt.Key.Key_F5)
        assert at_desk(morning) == code
        _keys(qtbot, morning, Qt.Key.Key_F8)
    _keys(qtbot, morning, Qt.Key.Key_F5)
    assert at_desk(morning) == order[0]  # carried over, called at the end of batch 2
    assert morning.batch_banner.text().endswith("3 households, 0 still to call")
    # What was confirmed the day before is final: the same flat, still active.
    results = read(ctx, lambda s: selection.selection_results(s, ctx.project_id))
    assert [(r.code, r.flat_key, r.active) for r in results] == [(order[1], chosen, True)]
    assert read(ctx, lambda s: verify_audit(s, ctx.project_id)).ok
    morning.hide()


def test_the_hall_display_shows_the_batch_in_both_languages(qtbot, ctx, qapp):
    """Where a plan is stored the hall sees its batch: batch 1 of the plan above, 20 December
    from 08:30 (a morning), 3 households — 第1批 · 12月20日上午 · 共3户 in Chinese, above the
    progress line; and nothing of batches without a plan (test_display's sessions)."""
    from desktop.i18n import init_translations
    from desktop.session.display_window import DisplayWindow
    from tests.desktop.conftest import settle

    with ctx.factory.begin() as s:
        _planned_project(s, ctx.project_id)
    shown = []
    for lang in ("en", "zh_CN"):
        init_translations(qapp, lang)
        window = DisplayWindow(ctx.factory, ctx.project_id, "分批选房")
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        window.start()
        settle(qtbot, lambda w=window: w.loaded > 0)
        window.stop()
        shown.append(window.progress_label.text().split("\n"))
    english, chinese = shown
    assert english[0] == "Batch 1 · 12/20 morning · 3 households"
    assert chinese[0] == "第1批 · 12月20日上午 · 共3户"
    assert len(chinese) == 2 and "6" in chinese[1]  # the progress line: of 6 households
