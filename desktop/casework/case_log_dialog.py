"""A household's case log (一户一档): who looks after it, its progress, visits, intention,
requests, cases, notes and files, each tab adding entries through the audited casework operations.

Every change runs on the database worker; when it is stored the log is read
again and the other views are told (the Progress page and the Audit page
reload; the Households page too when the household's status may have moved).
A refusal is shown under the tabs, in words, and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from allocation.casework import RECORDED_STEPS
from allocation.registry import HouseholdStatus, ProjectId
from db import casework
from db import casework as progress
from db.casework import CaseLog, TeamInfo, case_log, teams
from desktop.casework.entries_tabs import FilesTab, NotesTab, VisitsTab
from desktop.casework.intention_tab import IntentionTab
from desktop.casework.labels import day_text, no_team, step_label
from desktop.casework.requests_tabs import FlagsTab, RequestsTab
from desktop.common import AppContext, LatestLoad, chosen_date, date_edit
from desktop.i18n import describe_error

ERROR_STYLE = "color: #b71c1c;"


def open_case_log(ctx: AppContext, household_id: int, parent: QWidget | None) -> CaseLogDialog:
    dialog = CaseLogDialog(ctx, household_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class CaseLogDialog(QDialog):
    """The case log of one household; ``log`` is what was last read."""

    def __init__(self, ctx: AppContext, household_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.household_id = household_id
        self.log: CaseLog | None = None
        self.teams: list[TeamInfo] = []
        self._loads = LatestLoad(ctx.factory, self)
        self.setWindowTitle(self.tr("Case log"))
        self.resize(920, 620)
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.pair_label = QLabel()
        self.assign_button = QPushButton(self.tr("&Change team or pair…"))
        self.assign_button.clicked.connect(self.open_assignment)
        self.progress_tab = ProgressTab(self)
        self.tab_list: list[Any] = [self.progress_tab] + [
            tab(self, self) for tab in (VisitsTab, IntentionTab, RequestsTab, FlagsTab, NotesTab,
                                        FilesTab)]
        self.tabs = QTabWidget()
        for tab, title in zip(self.tab_list, (
                self.tr("Progress"), self.tr("Visits"), self.tr("Intention"), self.tr("Requests"),
                self.tr("Special cases"), self.tr("Notes"), self.tr("Files")), strict=True):
            self.tabs.addTab(tab, title)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        head = QHBoxLayout()
        head.addWidget(self.pair_label, 1)
        head.addWidget(self.assign_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.reload()

    def tab(self, kind: type) -> Any:
        return next(t for t in self.tab_list if isinstance(t, kind))

    # --- loading and changing -------------------------------------------------------

    def reload(self) -> None:
        household_id, project_id = self.household_id, self.ctx.project_id

        def read(session: Session) -> tuple[CaseLog, list[TeamInfo]]:
            found = teams(session, ProjectId(project_id)) if project_id is not None else []
            return case_log(session, household_id), found

        self._loads.run(read, self._show, self._failed)

    def _show(self, loaded: tuple[CaseLog, list[TeamInfo]]) -> None:
        self.log, self.teams = loaded
        log = self.log
        self.setWindowTitle(self.tr("Case log of {code}").format(code=log.code))
        self.title_label.setText(self.tr("{code}  {head} · {stage}").format(
            code=log.code, head=log.head_name, stage=step_label(log.status)))
        pair = log.assignment.pair if log.assignment else None
        self.pair_label.setText(self.tr("Team: {team} · Responsible: {pair}").format(
            team=pair.team if pair else no_team(), pair=pair.names if pair else "—"))
        for tab in self.tab_list:
            tab.show_log(log)

    def _failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            self.message_label.setText(describe_error(error))

    def run(self, fn: Callable[[Session], Any], done: Callable[[], None] | None = None) -> None:
        """Apply a change on the worker; then read the log again and tell the other views."""
        self.message_label.setText("")

        def stored(_result: Any) -> None:
            if not shiboken6.isValid(self):
                return
            if done is not None:
                done()
            self.reload()

        self.ctx.op(fn, initiator=self).success(stored).failure(self._failed).run_in_background()

    def open_assignment(self) -> AssignmentDialog | None:
        if self.log is None:
            return None
        dialog = AssignmentDialog(self, self.teams)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


class AssignmentDialog(QDialog):
    """Give the household to a team and a responsible pair (the change is logged)."""

    def __init__(self, case: CaseLogDialog, found: list[TeamInfo]) -> None:
        super().__init__(case)
        self.case = case
        self.teams = found
        self.setWindowTitle(self.tr("Team and responsible pair"))
        self.team_combo, self.first_combo, self.second_combo = QComboBox(), QComboBox(), \
            QComboBox()
        for team in found:
            self.team_combo.addItem(team.name, team.id)
        self.team_combo.currentIndexChanged.connect(self._fill_staff)
        self.since_edit = date_edit()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        form = QFormLayout(self)
        form.addRow(self.tr("Team"), self.team_combo)
        form.addRow(self.tr("Responsible"), self.first_combo)
        form.addRow(self.tr("Second responsible"), self.second_combo)
        form.addRow(self.tr("Since"), self.since_edit)
        form.addRow(buttons)
        current = case.log.assignment if case.log else None
        if current is not None:
            self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(current.team_id)))
        self._fill_staff()
        if current is not None:
            self.first_combo.setCurrentIndex(max(0, self.first_combo.findData(
                current.first_staff_id)))
            self.second_combo.setCurrentIndex(max(0, self.second_combo.findData(
                current.second_staff_id)))
        self.ok_button.setEnabled(bool(found))

    def _fill_staff(self) -> None:
        team = next((t for t in self.teams if t.id == self.team_combo.currentData()), None)
        staff = [s for s in team.staff if s.active] if team else []
        self.first_combo.clear()
        self.second_combo.clear()
        self.second_combo.addItem(self.tr("(nobody)"), None)
        for person in staff:
            self.first_combo.addItem(person.name, person.id)
            self.second_combo.addItem(person.name, person.id)

    def accept(self) -> None:
        household_id, team_id = self.case.household_id, self.team_combo.currentData()
        first, second = self.first_combo.currentData(), self.second_combo.currentData()
        on, actor = chosen_date(self.since_edit), self.case.ctx.actor
        if team_id is None or first is None:
            return
        self.case.run(lambda s: casework.assign_household(
            s, household_id=household_id, team_id=team_id, first_staff_id=first,
            second_staff_id=second, on=on, actor=actor))
        super().accept()


class ProgressTab(QWidget):
    """Each step with its date; steps kept as casework can be recorded and taken back here."""

    def __init__(self, case: CaseLogDialog) -> None:
        super().__init__(case)
        self.case = case
        self.date_labels: dict[HouseholdStatus, QLabel] = {}
        self.date_edits: dict[HouseholdStatus, QDateEdit] = {}
        self.record_buttons: dict[HouseholdStatus, QPushButton] = {}
        self.remove_buttons: dict[HouseholdStatus, QPushButton] = {}
        grid = QGridLayout(self)
        for row, step in enumerate(HouseholdStatus):
            grid.addWidget(QLabel(step_label(step)), row, 0)
            self.date_labels[step] = QLabel("—")
            grid.addWidget(self.date_labels[step], row, 1)
            if step in RECORDED_STEPS or step is HouseholdStatus.SIGNED:
                self._step_controls(grid, row, step)
        note = QLabel(self.tr("Signing is stored with the household (its signing order is "
                              "the next number); a flat is chosen at the selection session."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        grid.addWidget(note, len(HouseholdStatus), 0, 1, 5)
        grid.setColumnStretch(4, 1)
        grid.setRowStretch(len(HouseholdStatus) + 1, 1)

    def _step_controls(self, grid: QGridLayout, row: int, step: HouseholdStatus) -> None:
        self.date_edits[step] = date_edit()
        record = QPushButton(self.tr("Record"))
        record.clicked.connect(lambda: self.record(step))
        self.record_buttons[step] = record
        grid.addWidget(self.date_edits[step], row, 2)
        grid.addWidget(record, row, 3)
        if step is not HouseholdStatus.SIGNED:
            remove = QPushButton(self.tr("Take back"))
            remove.clicked.connect(lambda: self.remove(step))
            self.remove_buttons[step] = remove
            grid.addWidget(remove, row, 4, Qt.AlignmentFlag.AlignLeft)

    def show_log(self, log: CaseLog) -> None:
        for step, found in self.date_labels.items():
            on = log.steps.get(step)
            text = day_text(on) or "—"
            if step is HouseholdStatus.SIGNED and log.signing_seq is not None:
                text = self.tr("{day} (order {seq})").format(day=text, seq=log.signing_seq)
            found.setText(text)
        self.record_buttons[HouseholdStatus.SIGNED].setEnabled(
            HouseholdStatus.SIGNED not in log.steps)
        for step, button in self.remove_buttons.items():
            button.setEnabled(step in log.steps)

    def record(self, step: HouseholdStatus) -> None:
        household_id, actor = self.case.household_id, self.case.ctx.actor
        on = chosen_date(self.date_edits[step])
        if step is HouseholdStatus.SIGNED:
            self.case.run(lambda s: progress.record_signing(
                s, household_id=household_id, signed_on=on, actor=actor))
            return
        self.case.run(lambda s: progress.record_step(
            s, household_id=household_id, step=step, done_on=on, actor=actor))

    def remove(self, step: HouseholdStatus) -> None:
        household_id, actor = self.case.household_id, self.case.ctx.actor
        self.case.run(lambda s: progress.remove_step(
            s, household_id=household_id, step=step, actor=actor))
