"""The case log dialog and the teams dialog on a real database, driven as an operator would."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import db.audit.chain as audit
import db.casework.operations as casework
import desktop.casework.entries_tabs as casework_entries
from allocation.casework.vocabulary import FlagKind, FlagStatus, RequestStatus, VisitMethod
from allocation.registry.model import Household, HouseholdId, HouseholdStatus
from db.casework.queries import case_log
from db.records.casework import VisitRecord
from db.registry.operations import get_household
from desktop.casework.case_log_dialog import CaseLogDialog, open_case_log
from desktop.casework.requests_tabs import FlagsTab, RequestsTab
from desktop.casework.teams import TeamsDialog
from desktop.common.actions import MainAction
from desktop.common.context import AppContext
from desktop.registry.households_page import HouseholdsPage
from tests.desktop.conftest import settle
from tests.factories import make_household

AddFn = Callable[[Household], HouseholdId]


@pytest.fixture
def household(add: AddFn) -> HouseholdId:
    return add(make_household("H001", seq=1))


@pytest.fixture
def crew(ctx: AppContext) -> dict[str, int]:
    with ctx.factory.begin() as s:
        team = casework.add_team(s, project_id=ctx.project_id, name="第一组", actor="tester")
        return {"team": team,
                "李一": casework.add_staff(s, team_id=team, name="李一", actor="tester"),
                "张二": casework.add_staff(s, team_id=team, name="张二", actor="tester")}


@pytest.fixture
def dialog(qtbot: QtBot, ctx: AppContext, household: HouseholdId) -> CaseLogDialog:
    found = open_case_log(ctx, household, None)
    qtbot.addWidget(found)
    settle(qtbot, lambda: found.log is not None)
    return found


def _log(ctx: AppContext, household: int):
    with ctx.factory() as session:
        return case_log(session, household)


def _after(qtbot: QtBot, dialog: CaseLogDialog, condition: Callable[[], bool]) -> None:
    settle(qtbot, lambda: condition() or bool(dialog.message_label.text()))
    assert dialog.message_label.text() == ""


def test_the_households_page_opens_the_selected_households_case_log(
        qtbot: QtBot, ctx: AppContext, household: HouseholdId) -> None:
    page = HouseholdsPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.set_project()
    action = page.actions_by_name[MainAction.CASE_LOG]
    assert not action.isEnabled()
    page.select_view_row(0)
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+L"
    dialog = page.open_case_log()
    assert dialog is not None
    qtbot.addWidget(dialog)
    settle(qtbot, lambda: dialog.log is not None)
    assert "H001" in dialog.windowTitle() and "张三" in dialog.title_label.text()


def test_a_visit_typed_in_the_dialog_is_stored_listed_and_logged(
        qtbot: QtBot, ctx: AppContext, dialog: CaseLogDialog, household: HouseholdId) -> None:
    tab = dialog.tab(casework_entries.VisitsTab)
    tab.date_edit.setDate(QDate(2026, 8, 3))
    tab.method_combo.setCurrentIndex(tab.method_combo.findData(VisitMethod.PHONE.value))
    tab.visitors_edit.setText("李一、张二")
    tab.summary_edit.setPlainText("约定周六看样板房")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    _after(qtbot, dialog, lambda: tab.model.rowCount() == 1)
    assert [tab.model.text(0, c) for c in range(3)] == ["2026-08-03", "Phone call", "李一、张二"]
    assert tab.summary_edit.toPlainText() == ""  # cleared for the next one
    [visit] = _log(ctx, household).visits
    assert (visit.visited_on, visit.method, visit.summary) == (
        date(2026, 8, 3), VisitMethod.PHONE, "约定周六看样板房")
    with ctx.factory() as session:
        events = [e for e in audit.events_for(session) if e.entity == "visit"]
    assert [(e.action, e.entity_key, e.actor) for e in events] == [("create", "H001", "tester")]


def test_a_refused_entry_is_explained_and_nothing_is_stored(
        qtbot: QtBot, ctx: AppContext, dialog: CaseLogDialog) -> None:
    tab = dialog.tab(casework_entries.VisitsTab)
    tab.summary_edit.setPlainText("   ")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, lambda: bool(dialog.message_label.text()))
    assert dialog.message_label.text() == "summary of the visit is required"
    with ctx.factory() as session:
        assert session.scalars(select(VisitRecord)).all() == []


def test_a_request_is_added_answered_closed_and_reopened_with_the_buttons_following(
        qtbot: QtBot, ctx: AppContext, dialog: CaseLogDialog, household: HouseholdId) -> None:
    tab: RequestsTab = dialog.tab(RequestsTab)
    tab.received_edit.setDate(QDate(2026, 8, 1))
    tab.text_edit.setPlainText("希望安排低楼层")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    _after(qtbot, dialog, lambda: tab.model.rowCount() == 1)
    tab.table.selectRow(0)
    assert (tab.answer_button.isEnabled(), tab.close_button.isEnabled(),
            tab.reopen_button.isEnabled()) == (True, False, False)
    tab.answer_edit.setPlainText("可选一、二层")
    tab.answered_edit.setDate(QDate(2026, 8, 4))
    qtbot.mouseClick(tab.answer_button, Qt.MouseButton.LeftButton)
    _after(qtbot, dialog, lambda: _log(ctx, household).requests[0].status
           is RequestStatus.ANSWERED)
    settle(qtbot, lambda: tab.model.text(0, 2) == "Answered")
    tab.table.selectRow(0)
    assert (tab.answer_button.isEnabled(), tab.close_button.isEnabled()) == (False, True)
    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)
    _after(qtbot, dialog, lambda: _log(ctx, household).requests[0].status
           is RequestStatus.CLOSED)
    settle(qtbot, lambda: tab.model.text(0, 2) == "Closed")
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.reopen_button, Qt.MouseButton.LeftButton)
    _after(qtbot, dialog, lambda: _log(ctx, household).requests[0].status
           is RequestStatus.OPEN)
    request = _log(ctx, household).requests[0]
    assert (request.answer, request.answered_on, request.closed_on) == ("", None, None)


def test_a_special_case_is_raised_and_decided(
        qtbot: QtBot, ctx: AppContext, dialog: CaseLogDialog, household: HouseholdId) -> None:
    tab: FlagsTab = dialog.tab(FlagsTab)
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData(FlagKind.SECOND_CHILD.value))
    tab.raised_edit.setDate(QDate(2026, 7, 1))
    tab.note_edit.setText("二孩2026年3月出生")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    _after(qtbot, dialog, lambda: tab.model.rowCount() == 1)
    tab.table.selectRow(0)
    tab.status_combo.setCurrentIndex(tab.status_combo.findData(FlagStatus.APPROVED.value))
    tab.decided_edit.setDate(QDate(2026, 7, 9))
    qtbot.mouseClick(tab.status_button, Qt.MouseButton.LeftButton)
    _after(qtbot, dialog, lambda: _log(ctx, household).flags[0].status is FlagStatus.APPROVED)
    assert _log(ctx, household).flags[0].decided_on == date(2026, 7, 9)
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData(FlagKind.SECOND_CHILD.value))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)  # the same kind twice
    settle(qtbot, lambda: bool(dialog.message_label.text()))
    assert "already has the special case" in dialog.message_label.text()


def test_signing_and_moving_out_from_the_progress_tab_move_the_households_status(
        qtbot: QtBot, ctx: AppContext, dialog: CaseLogDialog, household: HouseholdId) -> None:
    tab = dialog.progress_tab
    moved_out = HouseholdStatus.MOVED_OUT
    tab.date_edits[moved_out].setDate(QDate(2026, 7, 5))
    tab.record(moved_out)  # before signing: refused, in words
    settle(qtbot, lambda: bool(dialog.message_label.text()))
    assert "only after it signed" in dialog.message_label.text()
    tab.date_edits[HouseholdStatus.SIGNED].setDate(QDate(2026, 7, 2))
    qtbot.mouseClick(tab.record_buttons[HouseholdStatus.SIGNED], Qt.MouseButton.LeftButton)
    _after(qtbot, dialog, lambda: "order 1" in tab.date_labels[HouseholdStatus.SIGNED].text())
    assert not tab.record_buttons[HouseholdStatus.SIGNED].isEnabled()
    qtbot.mouseClick(tab.record_buttons[moved_out], Qt.MouseButton.LeftButton)
    _after(qtbot, dialog, lambda: tab.date_labels[moved_out].text() == "2026-07-05")
    with ctx.factory() as session:
        stored = get_household(session, household).household
    assert (stored.status, stored.signed_on, stored.signing_seq) == (
        moved_out, date(2026, 7, 2), 1)
    assert tab.remove_buttons[moved_out].isEnabled()


def test_the_pair_is_chosen_from_the_teams_active_staff(
        qtbot: QtBot, ctx: AppContext, crew: dict[str, int], dialog: CaseLogDialog,
        household: HouseholdId) -> None:
    settle(qtbot, lambda: bool(dialog.teams))
    chooser = dialog.open_assignment()
    assert chooser is not None
    qtbot.addWidget(chooser)
    assert [chooser.first_combo.itemText(i) for i in range(chooser.first_combo.count())] == [
        "张二", "李一"]
    chooser.first_combo.setCurrentIndex(chooser.first_combo.findData(crew["李一"]))
    chooser.second_combo.setCurrentIndex(chooser.second_combo.findData(crew["张二"]))
    chooser.accept()
    _after(qtbot, dialog, lambda: "李一、张二" in dialog.pair_label.text())
    assert "第一组" in dialog.pair_label.text()
    assert _log(ctx, household).assignment is not None


def test_notes_and_files_are_added(qtbot: QtBot, ctx: AppContext, dialog: CaseLogDialog,
                                   household: HouseholdId, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    notes = dialog.tab(casework_entries.NotesTab)
    notes.text_edit.setPlainText("户主长期在外地，联系其女儿")
    qtbot.mouseClick(notes.add_button, Qt.MouseButton.LeftButton)
    _after(qtbot, dialog, lambda: notes.model.rowCount() == 1)
    assert notes.model.text(0, 1) == "tester"
    scan = tmp_path / "残疾证.jpg"
    scan.write_bytes(b"\xff\xd8 scan")
    monkeypatch.setattr(casework_entries, "ask_attachment", lambda _parent: str(scan))
    files = dialog.tab(casework_entries.FilesTab)
    qtbot.mouseClick(files.attach_button, Qt.MouseButton.LeftButton)
    _after(qtbot, dialog, lambda: files.model.rowCount() == 1)
    assert (files.model.text(0, 0), files.model.text(0, 3)) == ("残疾证.jpg", "unchanged")
    scan.write_bytes(b"another")
    dialog.reload()
    settle(qtbot, lambda: files.model.text(0, 3) == "changed since attached")


def test_the_teams_dialog_adds_teams_and_staff_and_retires_staff(
        qtbot: QtBot, ctx: AppContext) -> None:
    dialog = TeamsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.team_name.setText("第二组")
    dialog.leader_name.setText("王组长")
    qtbot.mouseClick(dialog.add_team_button, Qt.MouseButton.LeftButton)
    settle(qtbot, lambda: dialog.team_model.rowCount() == 1)
    dialog.team_table.selectRow(0)
    dialog.staff_name.setText("赵三")
    qtbot.mouseClick(dialog.add_staff_button, Qt.MouseButton.LeftButton)
    settle(qtbot, lambda: dialog.staff_model.rowCount() == 1)
    dialog.staff_table.selectRow(0)
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    settle(qtbot, lambda: dialog.staff_model.text(0, 2) == "no")
    dialog.team_name.setText("第二组")
    qtbot.mouseClick(dialog.add_team_button, Qt.MouseButton.LeftButton)
    settle(qtbot, lambda: bool(dialog.message_label.text()))
    assert "already exists" in dialog.message_label.text()
