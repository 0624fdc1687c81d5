"""The case log's intention, typed as an operator would: in its tab, or with a visit."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

import db.audit.chain as audit
from allocation.chances import Intention
from db.casework.queries import case_log
from db.replay import verify_audit
from desktop.casework.case_log_dialog import CaseLogDialog
from desktop.casework.entries_tabs import VisitsTab
from desktop.casework.intention_tab import IntentionTab
from desktop.common.context import AppContext
from tests.desktop.conftest import settle
from tests.desktop.test_casework_dialog import dialog, household  # noqa: F401 (fixtures)


def _intention(ctx: AppContext, household_id: int):
    with ctx.factory() as session:
        return case_log(session, household_id).intention


def test_an_intention_typed_in_its_tab_is_stored_shown_and_cleared(
        qtbot: QtBot, ctx: AppContext, dialog: CaseLogDialog, household) -> None:  # noqa: F811
    """3室2厅1卫 then 2室2厅1卫, building 1 or 4, floors 2 to 6, two flats, asked by 李一."""
    tab = dialog.tab(IntentionTab)
    assert "unknown" in tab.current_label.text() and not tab.clear_button.isEnabled()
    tab.form.layouts_edit.setText("3室2厅1卫，2室2厅1卫")
    tab.form.buildings_edit.setText("1、4")
    tab.form.floor_min_box.setValue(2)
    tab.form.floor_max_box.setValue(6)
    tab.form.flats_box.setValue(2)
    tab.date_edit.setDate(QDate(2026, 9, 12))
    tab.recorder_edit.setText("李一")
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    settle(qtbot, lambda: "3室2厅1卫、2室2厅1卫" in tab.current_label.text()
           or bool(dialog.message_label.text()))
    assert dialog.message_label.text() == ""
    entry = _intention(ctx, household)
    assert entry.intention == Intention(("3室2厅1卫", "2室2厅1卫"), ("1", "4"), 2, 6, 2)
    assert (entry.recorded_on, entry.recorded_by) == (date(2026, 9, 12), "李一")
    assert "2026-09-12" in tab.current_label.text() and "李一" in tab.current_label.text()
    qtbot.mouseClick(tab.clear_button, Qt.MouseButton.LeftButton)
    settle(qtbot, lambda: "unknown" in tab.current_label.text())
    assert _intention(ctx, household) is None
    with ctx.factory() as session:
        events = [e.action for e in audit.events_for(session) if e.entity == "intention"]
        assert verify_audit(session).ok
    assert events == ["create", "delete"]


@pytest.mark.parametrize(("layouts", "floors", "message"), [
    ("2室1厅、2室1厅", (0, 0), "layouts wanted names “2室1厅” twice"),
    ("、", (0, 0), "an intention must name at least one layout"),
    ("2室1厅", (8, 3), "the lowest floor wanted (8) is above the highest (3)"),
])
def test_a_form_breaking_a_rule_is_refused_in_words(
        qtbot: QtBot, ctx: AppContext, dialog: CaseLogDialog, household,  # noqa: F811
        layouts: str, floors: tuple[int, int], message: str) -> None:
    tab = dialog.tab(IntentionTab)
    tab.form.layouts_edit.setText(layouts)
    tab.form.floor_min_box.setValue(floors[0])
    tab.form.floor_max_box.setValue(floors[1])
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    settle(qtbot, lambda: bool(dialog.message_label.text()))
    assert dialog.message_label.text() == message
    assert _intention(ctx, household) is None


def test_a_visit_records_the_intention_stated_in_it(
        qtbot: QtBot, ctx: AppContext, dialog: CaseLogDialog, household) -> None:  # noqa: F811
    """The visit's date and its first visitor are the intention's."""
    tab = dialog.tab(VisitsTab)
    assert not tab.intention_form.isEnabled()
    tab.date_edit.setDate(QDate(2026, 8, 3))
    tab.visitors_edit.setText("张二、李一")
    tab.summary_edit.setPlainText("摸底选房意向")
    tab.intention_check.setChecked(True)
    tab.intention_form.layouts_edit.setText("2室2厅1卫")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, lambda: tab.model.rowCount() == 1 or bool(dialog.message_label.text()))
    assert dialog.message_label.text() == ""
    entry = _intention(ctx, household)
    assert entry.intention == Intention(("2室2厅1卫",))
    assert (entry.recorded_on, entry.recorded_by) == (date(2026, 8, 3), "张二")
    assert not tab.intention_check.isChecked()


def test_a_visit_with_a_broken_intention_stores_neither(
        qtbot: QtBot, ctx: AppContext, dialog: CaseLogDialog, household) -> None:  # noqa: F811
    tab = dialog.tab(VisitsTab)
    tab.summary_edit.setPlainText("摸底")
    tab.intention_check.setChecked(True)
    tab.intention_form.layouts_edit.setText("")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, lambda: bool(dialog.message_label.text()))
    with ctx.factory() as session:
        log = case_log(session, household)
    assert log.visits == () and log.intention is None
