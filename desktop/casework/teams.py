"""Teams and staff (工作组 and 包户人员): add teams, add staff to a team, retire staff.

Staff are never deleted once they may have looked after households: they are
made inactive, which keeps every logged assignment readable.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from allocation.registry import ProjectId
from db import casework
from db.casework import StaffInfo, TeamInfo, teams
from desktop.casework.tables import RowsModel, rows_view, selected_payload
from desktop.common import AppContext, LatestLoad
from desktop.i18n import describe_error


class TeamsDialog(QDialog):
    """The project's teams with their staff; changes are stored at once (and logged)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.teams: list[TeamInfo] = []
        self._loads = LatestLoad(ctx.factory, self)
        self.setWindowTitle(self.tr("Teams and staff"))
        self.resize(720, 480)
        self.team_model = RowsModel([self.tr("Team"), self.tr("Leader"), self.tr("Staff"),
                                     self.tr("Households")], self, numeric=(2, 3))
        self.team_table = rows_view(self.team_model, sortable=False, stretch=0)
        self.team_table.selectionModel().selectionChanged.connect(lambda *_: self._show_staff())
        self.staff_model = RowsModel([self.tr("Name"), self.tr("Phone"), self.tr("Active")],
                                     self)
        self.staff_table = rows_view(self.staff_model, sortable=False, stretch=0)
        self.team_name, self.leader_name = QLineEdit(), QLineEdit()
        self.team_name.setPlaceholderText(self.tr("New team, e.g. 第一工作组"))
        self.leader_name.setPlaceholderText(self.tr("Leader"))
        self.add_team_button = QPushButton(self.tr("Add &team"))
        self.add_team_button.clicked.connect(self.add_team)
        self.staff_name, self.staff_phone = QLineEdit(), QLineEdit()
        self.staff_name.setPlaceholderText(self.tr("Name"))
        self.staff_phone.setPlaceholderText(self.tr("Phone"))
        self.add_staff_button = QPushButton(self.tr("Add &staff to the team"))
        self.add_staff_button.clicked.connect(self.add_staff)
        self.active_button = QPushButton(self.tr("Make &inactive / active"))
        self.active_button.clicked.connect(self.toggle_active)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b71c1c;")
        self._lay_out()
        self.reload()

    def _lay_out(self) -> None:
        team_row, staff_row = QHBoxLayout(), QHBoxLayout()
        for widget in (self.team_name, self.leader_name, self.add_team_button):
            team_row.addWidget(widget)
        for widget in (self.staff_name, self.staff_phone, self.add_staff_button,
                       self.active_button):
            staff_row.addWidget(widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        tables = QHBoxLayout()
        tables.addWidget(self.team_table, 3)
        tables.addWidget(self.staff_table, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(tables, 1)
        layout.addLayout(team_row)
        layout.addLayout(staff_row)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)

    def reload(self) -> None:
        project_id = self.ctx.project_id
        if project_id is not None:
            self._loads.run(lambda s: teams(s, ProjectId(project_id)), self._show,
                            self._failed)

    def _show(self, found: list[TeamInfo]) -> None:
        chosen = self.selected_team()
        self.teams = found
        self.team_model.set_rows([[t.name, t.leader, len(t.staff), t.households] for t in found],
                                 list(found))
        index = next((i for i, t in enumerate(found) if chosen and t.id == chosen.id),
                     0 if found else None)
        if index is not None:
            self.team_table.selectRow(index)
        self._show_staff()

    def selected_team(self) -> TeamInfo | None:
        found = selected_payload(self.team_table)
        return next((t for t in self.teams if found and t.id == found.id), None)

    def _show_staff(self) -> None:
        team = self.selected_team()
        staff = list(team.staff) if team else []
        yes, no = self.tr("yes"), self.tr("no")
        self.staff_model.set_rows([[s.name, s.phone, yes if s.active else no] for s in staff],
                                  staff)
        self.add_staff_button.setEnabled(team is not None)

    def _failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            self.message_label.setText(describe_error(error))

    def _run(self, fn: Any, done: Any = None) -> None:
        self.message_label.setText("")

        def stored(_result: Any) -> None:
            if shiboken6.isValid(self):
                if done is not None:
                    done()
                self.reload()

        self.ctx.op(fn, initiator=self).success(stored).failure(self._failed).run_in_background()

    def add_team(self) -> None:
        project_id, actor = self.ctx.project_id, self.ctx.actor
        name, leader = self.team_name.text(), self.leader_name.text()
        if project_id is None:
            return

        def clear() -> None:
            self.team_name.clear()
            self.leader_name.clear()

        self._run(lambda s: casework.add_team(s, project_id=ProjectId(project_id), name=name,
                                              leader=leader, actor=actor), clear)

    def add_staff(self) -> None:
        team, actor = self.selected_team(), self.ctx.actor
        if team is None:
            return
        name, phone = self.staff_name.text(), self.staff_phone.text()

        def clear() -> None:
            self.staff_name.clear()
            self.staff_phone.clear()

        self._run(lambda s: casework.add_staff(s, team_id=team.id, name=name, phone=phone,
                                               actor=actor), clear)

    def toggle_active(self) -> None:
        person: StaffInfo | None = selected_payload(self.staff_table)
        if person is None:
            return
        actor = self.ctx.actor

        def change(session: Session) -> None:
            casework.set_staff_active(session, staff_id=person.id, active=not person.active,
                                      actor=actor)

        self._run(change)
