"""The Progress page (进度): the daily report by team with charts, every household's progress,
the requests waiting for an answer, supply against demand (人房供需), and each day of the
selection session at its close (选房当日情况).

The day's figures, the progress table and the teams are read in one
background load (db.casework.progress_report); the request list has its own load,
as its filters change more often. Every data change makes the page stale
(casework changes are logged with no more specific flag than that); a
stale page reloads when it is shown, so a hidden one costs nothing while
the desk works through a session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from allocation.casework import OVERDUE_DAYS, DailyFigures, TeamFigures
from allocation.registry import ProjectId
from db.casework import ProgressRow, TeamInfo, daily_report, progress_rows, teams
from desktop.casework import files as casework_files
from desktop.casework.bar_chart import BarChart
from desktop.casework.case_log_dialog import open_case_log
from desktop.casework.lists import HouseholdsProgress, RequestsList
from desktop.casework.session_days_tab import SessionDaysTab
from desktop.casework.supply_demand_tab import SupplyDemandTab
from desktop.casework.tables import RowsModel, rows_view
from desktop.casework.teams import TeamsDialog
from desktop.common import NO_CHANGES, AppContext, Changes, ProjectPage
from desktop.i18n import show_error


@dataclass(frozen=True)
class ProgressData:
    figures: DailyFigures
    rows: list[ProgressRow]
    teams: list[TeamInfo]


def load_progress(session: Session, project_id: ProjectId, day: date) -> ProgressData:
    return ProgressData(daily_report(session, project_id, day),
                        progress_rows(session, project_id), teams(session, project_id))


class ProgressPage(ProjectPage, QWidget):
    """Daily report, progress table and request list of the current project."""

    # The daily report counts visits and requests, households' stages and the
    # flats chosen at the session.
    # Supply and demand count the flats and the rules' groups too.
    follows = ("casework", "households", "session", "flats", "rules", "draw")
    reloads_after_own_writes = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow(ctx)
        self.data: ProgressData | None = None
        self._stale = True
        self._build()

    # --- building -------------------------------------------------------------------

    def _build(self) -> None:
        self.day_edit = QDateEdit(QDate.currentDate())
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.dateChanged.connect(lambda _day: self.reload())
        self.team_combo = QComboBox()
        # Filled after the first load: sized then, so no team name is cut off.
        self.team_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.team_combo.currentIndexChanged.connect(self._team_chosen)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("font-size: 11pt; padding: 4px 0;")
        self.team_model = RowsModel(self._team_headers(), self, numeric=range(2, 12))
        self.team_table = rows_view(self.team_model, sortable=False, stretch=1)
        self.trend_chart, self.team_chart = BarChart(), BarChart()
        self.households = HouseholdsProgress(self._open_case_log)
        self.requests = RequestsList(self._ctx, self._open_case_log)
        self.supply = SupplyDemandTab(self._ctx)
        self.session_days = SessionDaysTab(self._ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._daily_tab(), self.tr("Daily report"))
        self.tabs.addTab(self.households, self.tr("Household progress"))
        self.tabs.addTab(self.requests, self.tr("Requests"))
        self.tabs.addTab(self.supply, self.tr("Supply and demand"))
        self.tabs.addTab(self.session_days, self.tr("Session days"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._bar())
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)

    def _bar(self) -> QHBoxLayout:
        self.print_button = QPushButton(self.tr("&Print daily report…"))
        self.print_button.clicked.connect(
            lambda: casework_files.print_daily_report(self._ctx, self.day(), self))
        self.teams_button = QPushButton(self.tr("&Teams and staff…"))
        self.teams_button.clicked.connect(self.open_teams)
        self.files_button = QToolButton()
        self.files_button.setText(self.tr("Excel"))
        self.files_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        for text, slot in (
                (self.tr("Export the progress table…"),
                 lambda: casework_files.export(self._ctx, "progress", self)),
                (self.tr("Export the case log…"),
                 lambda: casework_files.export(self._ctx, "case_log", self)),
                (self.tr("Import visits…"), lambda: casework_files.import_visits(self._ctx, self)),
                (self.tr("Save the visits template…"),
                 lambda: casework_files.save_visits_template(self))):
            self.files_button.addAction(text).triggered.connect(slot)
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("Day:")), self.day_edit, QLabel(self.tr("Team:")),
                       self.team_combo):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.print_button, self.teams_button, self.files_button):
            bar.addWidget(widget)
        return bar

    def _team_headers(self) -> list[str]:
        return [self.tr("Rank"), self.tr("Team"), self.tr("Households"),
                self.tr("Signed today"), self.tr("Signed"), self.tr("Signed %"),
                self.tr("Moved out today"), self.tr("Moved out"), self.tr("Requests today"),
                self.tr("Answered today"), self.tr("Waiting"),
                self.tr("Over {days} days").format(days=OVERDUE_DAYS)]

    def _daily_tab(self) -> QWidget:
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.trend_chart)
        charts.addWidget(self.team_chart)
        charts.setSizes([600, 400])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.team_table)
        split.addWidget(charts)
        split.setSizes([230, 330])
        return split

    # --- loading --------------------------------------------------------------------

    def day(self) -> date:
        return self.day_edit.date().toPython()  # type: ignore[no-any-return]

    def set_day(self, day: date) -> None:
        self.day_edit.setDate(QDate(day.year, day.month, day.day))

    def set_project(self) -> None:
        self.refresh(NO_CHANGES, None)

    def refresh(self, changes: Changes, initiator: Any) -> None:
        # Off screen, only remember: a daily report is not worth reading unseen.
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        project_id, day = self._ctx.project_id, self.day()
        if project_id is None:
            self._loads.cancel()
            return
        self._stale = False
        self._loads.run(lambda s: load_progress(s, project_id, day), self._show,
                        self._failed)
        self.requests.reload(day)
        self.supply.reload(day)
        self.session_days.reload(day)

    def _failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            show_error(self, error)

    def _show(self, data: ProgressData) -> None:
        self.data = data
        self._fill_teams(data.teams)
        figures = data.figures
        self.summary_label.setText(self.summary_text(figures))
        self.team_model.set_rows([_team_cells(t) for t in figures.teams]
                                 + [_team_cells(figures.total, "")])
        self.trend_chart.set_data(
            self.tr("Signed and moved out per week"),
            [f"{w.last.month}/{w.last.day}" for w in figures.trend],
            [(self.tr("Signed"), [w.signed for w in figures.trend]),
             (self.tr("Moved out"), [w.moved for w in figures.trend])])
        self.team_chart.set_data(
            self.tr("Households per team"), [t.team for t in figures.teams],
            [(self.tr("Signed"), [t.signed_total for t in figures.teams]),
             (self.tr("Not signed yet"), [t.households - t.signed_total for t in figures.teams])],
            stacked=True)
        self.households.set_rows(data.rows, self.team_combo.currentData())

    def summary_text(self, figures: DailyFigures) -> str:
        t = figures.total
        return self.tr(
            "By the end of {day}: {signed} of {households} households signed ({rate} %), "
            "{signed_today} today; {moved} moved out, {moved_today} today. "
            "{received} requests came in today and {answered} were answered; {waiting} are "
            "waiting, {overdue} of them for more than {days} days.").format(
            day=figures.day.isoformat(), signed=t.signed_total, households=t.households,
            rate=t.signing_rate, signed_today=t.signed_today, moved=t.moved_total,
            moved_today=t.moved_today, received=t.received_today, answered=t.answered_today,
            waiting=t.open_total, overdue=t.overdue, days=OVERDUE_DAYS)

    def _fill_teams(self, found: list[TeamInfo]) -> None:
        """The team filter: all teams, each team, and households without one."""
        current = self.team_combo.currentData()
        self.team_combo.blockSignals(True)
        self.team_combo.clear()
        self.team_combo.addItem(self.tr("All teams"), None)
        for team in found:
            self.team_combo.addItem(team.name, team.id)
        self.team_combo.addItem(self.tr("No team"), 0)
        index = self.team_combo.findData(current)
        self.team_combo.setCurrentIndex(max(0, index))
        self.team_combo.blockSignals(False)
        if self.requests.team != self.team_combo.currentData():  # a team of another project
            self.requests.set_team(self.team_combo.currentData())

    def _team_chosen(self, _index: int) -> None:
        team_id = self.team_combo.currentData()
        if self.data is not None:
            self.households.set_rows(self.data.rows, team_id)
        self.requests.set_team(team_id)

    # --- commands -------------------------------------------------------------------

    def _open_case_log(self, household_id: int) -> None:
        open_case_log(self._ctx, household_id, self.window())

    def open_teams(self) -> TeamsDialog | None:
        if self._ctx.project_id is None:
            return None
        dialog = TeamsDialog(self._ctx, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


def _team_cells(t: TeamFigures, rank: str | None = None) -> list[Any]:
    return [rank if rank is not None else t.rank, t.team, t.households, t.signed_today,
            t.signed_total, f"{t.signing_rate}%", t.moved_today, t.moved_total,
            t.received_today, t.answered_today, t.open_total, t.overdue]
