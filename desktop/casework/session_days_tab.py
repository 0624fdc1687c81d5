"""The Progress page's session days (选房当日情况): each day of the selection session at its
close, and the flats of each layout on the page's day.

One row per session day: households that chose that day and the flats they
took, those called that day who did not come, those who came and took
none, and by the close: households chosen and remaining, flats taken and
left. Below, per layout on the page's day (the last session day up to it):
flats, taken that day, taken by the close, left. The figures are
db.selection.project_session_days's (allocation.casework.session_days),
read in the background; the day's public notice (当日选房结果公告) prints
from the Printouts page.
"""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from allocation.casework import SessionDay
from allocation.registry import ProjectId
from db import selection
from desktop.casework.tables import RowsModel, rows_view
from desktop.common import AppContext, LatestLoad
from desktop.i18n import describe_error


class SessionDaysTab(QWidget):
    """The days table and the layouts table; ``days`` is what was last read."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._loads = LatestLoad(ctx.factory, self)
        self.days: tuple[SessionDay, ...] = ()
        self.day: date | None = None
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.days_model = RowsModel(
            [self.tr("Date"), self.tr("Day"), self.tr("Chose"), self.tr("Flats taken"),
             self.tr("Absent"), self.tr("Took none"), self.tr("Chosen so far"),
             self.tr("Remaining"), self.tr("Flats left")], self, numeric=range(1, 9))
        self.layouts_model = RowsModel(
            [self.tr("Layout"), self.tr("Flats"), self.tr("Taken that day"),
             self.tr("Taken so far"), self.tr("Left")], self, numeric=range(1, 5))
        self.days_view = rows_view(self.days_model, sortable=False, stretch=-1)
        self.layouts_view = rows_view(self.layouts_model, sortable=False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.days_view)
        split.addWidget(self.layouts_view)
        split.setSizes([260, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(split, 1)

    def reload(self, day: date) -> None:
        project_id = self._ctx.project_id
        if project_id is None:
            self._loads.cancel()
            return
        self.day = day

        def read(session: Session) -> tuple[SessionDay, ...]:
            return selection.project_session_days(session, ProjectId(project_id))

        self._loads.run(read, self.show_days, self._failed)

    def _failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            self.summary_label.setText(describe_error(error))

    def shown_day(self) -> SessionDay | None:
        """The last session day up to the page's day (None before the first)."""
        earlier = [d for d in self.days if self.day is None or d.day <= self.day]
        return earlier[-1] if earlier else None

    def show_days(self, days: tuple[SessionDay, ...]) -> None:
        self.days = days
        self.days_model.set_rows([
            [d.day.isoformat(), d.number, d.selected_today, d.flats_today, d.absent_today,
             d.declined_today, d.selected, d.remaining, d.flats_left] for d in days])
        shown = self.shown_day()
        if shown is None:
            self.summary_label.setText(self.tr(
                "No selection session has begun by this day: each of its days appears here "
                "at its close."))
            self.layouts_model.set_rows([])
            return
        self.summary_label.setText(self.summary_text(shown))
        rows = [[line.layout, line.flats, line.taken_today, line.taken, line.left]
                for line in shown.layouts]
        self.layouts_model.set_rows(rows, flagged=[i for i, line in enumerate(shown.layouts)
                                                   if line.left == 0])

    def summary_text(self, day: SessionDay) -> str:
        return self.tr(
            "Day {number} of the session ({day}): {chose} households chose {flats} flats, "
            "{absent} called did not come. By its close {chosen} of {households} households "
            "had chosen and {remaining} remain; {left} of {total} flats are left.").format(
            number=day.number, day=day.day.isoformat(), chose=day.selected_today,
            flats=day.flats_today, absent=day.absent_today, chosen=day.selected,
            households=day.households, remaining=day.remaining, left=day.flats_left,
            total=day.flats)
