"""The Progress page's supply and demand (人房供需): per layout and per priority group.

Per layout: the flats available, the households the rules let take one,
those that want it first (their stated intentions, 选房意向) and the flats
they want, and the balance; a layout wanted first by more households than
it has flats is flagged. Per group: its households and the flats its
restriction allows; a group whose restricted stock is smaller than the
group is flagged too. A bar chart sets flats against first wishes. The
figures are db.selection.project_supply_demand's, read in the background.
"""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from allocation.chances import DemandLine, GroupLine, SupplyDemand
from allocation.errors import NotFoundError
from allocation.registry import ProjectId
from allocation.rules import restriction_text
from db import selection
from desktop.casework.bar_chart import BarChart
from desktop.casework.tables import RowsModel, rows_view
from desktop.common import AppContext, LatestLoad
from desktop.i18n import describe_error


class SupplyDemandTab(QWidget):
    """Two tables and a chart; ``table`` is what was last read (None: nothing to show)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._loads = LatestLoad(ctx.factory, self)
        self.table: SupplyDemand | None = None
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.layout_model = RowsModel(
            [self.tr("Layout"), self.tr("Flats available"), self.tr("May take it"),
             self.tr("Want it first"), self.tr("Flats wanted"), self.tr("Balance"),
             self.tr("Shortage")], self, numeric=range(1, 6))
        self.group_model = RowsModel(
            [self.tr("Rank"), self.tr("Group"), self.tr("Flats it may take"),
             self.tr("Households"), self.tr("Flats allowed"), self.tr("Shortage")], self,
            numeric=(0, 3, 4))
        self.layout_view = rows_view(self.layout_model, sortable=False, stretch=6)
        self.group_view = rows_view(self.group_model, sortable=False, stretch=2)
        self.chart = BarChart()
        tables = QSplitter(Qt.Orientation.Vertical)
        tables.addWidget(self.layout_view)
        tables.addWidget(self.group_view)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(tables)
        split.addWidget(self.chart)
        split.setSizes([700, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(split, 1)

    def reload(self, day: date) -> None:
        project_id = self._ctx.project_id
        if project_id is None:
            self._loads.cancel()
            return

        def read(session: Session) -> SupplyDemand | None:
            try:
                return selection.project_supply_demand(session, ProjectId(project_id), on=day)
            except NotFoundError as error:
                if error.code == "policy_not_frozen":  # nothing to judge "may take" by yet
                    return None
                raise

        self._loads.run(read, self.show_table, self._failed)

    def _failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            self.summary_label.setText(describe_error(error))

    def show_table(self, table: SupplyDemand | None) -> None:
        self.table = table
        if table is None:
            self.summary_label.setText(self.tr(
                "Supply and demand are counted under the frozen rules: freeze them first."))
            self.layout_model.set_rows([])
            self.group_model.set_rows([])
            self.chart.set_data("", [], [])
            return
        self.summary_label.setText(self.summary_text(table))
        self.layout_model.set_rows([self._layout_cells(line) for line in table.layouts],
                                   flagged=[i for i, line in enumerate(table.layouts)
                                            if line.short])
        self.group_model.set_rows([self._group_cells(group) for group in table.groups],
                                  flagged=[i for i, group in enumerate(table.groups)
                                           if group.short])
        self.chart.set_data(
            self.tr("Flats against first wishes, per layout"),
            [line.name for line in table.layouts],
            [(self.tr("Flats available"), [line.flats for line in table.layouts]),
             (self.tr("Households wanting it first"),
              [line.want_first for line in table.layouts])])

    def summary_text(self, table: SupplyDemand) -> str:
        short = [line.name for line in table.layouts if line.short]
        groups = [group.name for group in table.groups if group.short]
        text = self.tr("{known} of {households} households have stated an intention; "
                       "{unknown} are unknown.").format(
            known=table.households - table.unknown, households=table.households,
            unknown=table.unknown)
        if short:
            text += " " + self.tr("Wanted first by more households than there are flats: "
                                  "{layouts}.").format(layouts="、".join(short))
        if groups:
            text += " " + self.tr("Groups with fewer flats allowed than households: "
                                  "{groups}.").format(groups="、".join(groups))
        return text

    def _layout_cells(self, line: DemandLine) -> list[object]:
        flag = self.tr("short by {count}").format(count=-line.balance) if line.short else ""
        return [line.name, line.flats, line.may_take, line.want_first, line.flats_wanted,
                line.balance, flag]

    def _group_cells(self, group: GroupLine) -> list[object]:
        # The rules' own words, in the language the interface is in (as the Rules page's).
        chinese = QLocale().language() == QLocale.Language.Chinese
        limits = restriction_text(group.restriction, "zh" if chinese else "en") or self.tr("any")
        flag = (self.tr("short by {count}").format(count=group.households - group.flats)
                if group.short else "")
        return [group.rank + 1, group.name, limits, group.households, group.flats, flag]
