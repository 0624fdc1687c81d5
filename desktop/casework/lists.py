"""The Progress page's two lists: every household's progress, and the requests by age and team.

A double-click (or Enter) on a row opens that household's case log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from allocation.casework import RequestKind
from db.casework import ProgressRow, RequestLine, find_requests
from desktop.casework.labels import day_text, label, no_team, step_label
from desktop.casework.tables import RowsModel, rows_view, selected_payload
from desktop.common import AppContext, LatestLoad
from desktop.i18n import show_error

OpenCaseLog = Callable[[int], None]


class HouseholdsProgress(QWidget):
    """One row per household: stage, team and pair, the date of each step, casework counts."""

    def __init__(self, open_case_log: OpenCaseLog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RowsModel([
            self.tr("Code"), self.tr("Head"), self.tr("Stage"), self.tr("Team"),
            self.tr("Responsible"), self.tr("Registered"), self.tr("Verified"),
            self.tr("Signed"), self.tr("Order"), self.tr("Moved out"), self.tr("Flat"),
            self.tr("Flat chosen"), self.tr("Keys"), self.tr("Visits"), self.tr("Last visit"),
            self.tr("Waiting requests")], self, numeric=(8, 13, 15))
        self.table = rows_view(self.model)
        self.table.doubleClicked.connect(lambda _index: self._open(open_case_log))
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def set_rows(self, rows: Sequence[ProgressRow], team_id: int | None) -> None:
        """Show ``rows``; ``team_id`` None: every household, 0: those without a team."""
        shown = [r for r in rows if _in_team(r, team_id)]
        self.model.set_rows([_cells(r) for r in shown], [r.household_id for r in shown])
        self.count_label.setText(self.tr("{shown} of {total} households").format(
            shown=len(shown), total=len(rows)))

    def _open(self, open_case_log: OpenCaseLog) -> None:
        household_id = selected_payload(self.table)
        if household_id is not None:
            open_case_log(household_id)


def _in_team(row: ProgressRow, team_id: int | None) -> bool:
    if team_id is None:
        return True
    return row.pair is None if team_id == 0 else row.team_id == team_id


def _cells(r: ProgressRow) -> list[Any]:
    return [r.code, r.head_name, step_label(r.status), r.team or no_team(),
            r.pair.names if r.pair else "", day_text(r.registered_on), day_text(r.verified_on),
            day_text(r.signed_on), r.signing_seq, day_text(r.moved_out_on), r.flat_key or "",
            day_text(r.flat_chosen_on), day_text(r.keys_handed_on), r.visits,
            day_text(r.last_visit), r.open_requests]


class RequestsList(QWidget):
    """Requests and suggestions of the project: open ones older than N days, by team, by kind."""

    def __init__(self, ctx: AppContext, open_case_log: OpenCaseLog,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._loads = LatestLoad(ctx.factory, self)
        self._day = date.today()
        self.team: int | None = None  # as the page's team filter says
        self.lines: list[RequestLine] = []
        self.older_spin = QSpinBox()
        self.older_spin.setRange(0, 3650)
        self.older_spin.setSpecialValueText(self.tr("any age"))
        self.older_spin.setSuffix(self.tr(" days"))
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Requests and suggestions"), None)
        for kind in RequestKind:
            self.kind_combo.addItem(label(kind), kind.value)
        self.open_only = QCheckBox(self.tr("Only those waiting for an answer"))
        self.open_only.setChecked(True)
        for signal in (self.older_spin.valueChanged, self.kind_combo.currentIndexChanged,
                       self.open_only.toggled):
            signal.connect(lambda *_: self.reload())
        self.model = RowsModel([
            self.tr("Code"), self.tr("Head"), self.tr("Team"), self.tr("Kind"),
            self.tr("Received"), self.tr("Days"), self.tr("Status"), self.tr("Text"),
            self.tr("Answer")], self, numeric=(5,))
        self.table = rows_view(self.model, stretch=7)
        self.table.doubleClicked.connect(lambda _index: self._open(open_case_log))
        self.count_label = QLabel()
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("Older than:")), self.older_spin, self.kind_combo,
                       self.open_only):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def set_team(self, team_id: int | None) -> None:
        self.team = team_id
        self.reload()

    def reload(self, day: date | None = None) -> None:
        """Load the requests matching the filters, ages counted to ``day``."""
        if day is not None:
            self._day = day
        project_id = self._ctx.project_id
        if project_id is None:
            self._loads.cancel()
            return
        today, team, older = self._day, self.team, self.older_spin.value() or None
        kind = self.kind_combo.currentData()
        open_only = self.open_only.isChecked()
        self._loads.run(lambda s: find_requests(
            s, project_id, today=today, open_only=open_only, older_than=older, team_id=team,
            kinds=[RequestKind(kind)] if kind else []), self._show, self._failed)

    def _failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            show_error(self, error)

    def _show(self, lines: list[RequestLine]) -> None:
        self.lines = lines
        self.model.set_rows([
            [line.code, line.head_name, line.team or no_team(), label(line.entry.kind),
             day_text(line.entry.received_on), line.entry.age_on(self._day),
             label(line.entry.status), line.entry.text, line.entry.answer]
            for line in lines], [line.entry.household_id for line in lines],
            [line.entry.text for line in lines])
        self.count_label.setText(self.tr("{count} shown").format(count=len(lines)))

    def _open(self, open_case_log: OpenCaseLog) -> None:
        household_id = selected_payload(self.table)
        if household_id is not None:
            open_case_log(household_id)
