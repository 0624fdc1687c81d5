"""One small read-only table model for the casework's lists, and a table view set up to match.

The casework lists are short (a household's visits, a project's open
requests, the teams): rows of display texts with the entry each row stands
for, so a view can act on the selected entry. Sorting is QTableView's own,
through a QSortFilterProxyModel keyed on a sort value per cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
#: A flagged row's background: a pale red that dark text stays readable on, also in greyscale.
FLAG_BACKGROUND = QColor("#F8D7D3")


class RowsModel(QAbstractTableModel):
    """Rows of cell values (texts or numbers) with one payload object per row."""

    def __init__(self, headers: Sequence[str], parent: Any = None, *,
                 numeric: Sequence[int] = ()) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.numeric = frozenset(numeric)
        self._rows: list[Sequence[Any]] = []
        self._payloads: list[Any] = []
        self._tips: list[str] = []
        self._flagged: frozenset[int] = frozenset()

    def set_rows(self, rows: Sequence[Sequence[Any]], payloads: Sequence[Any] = (),
                 tips: Sequence[str] = (), flagged: Sequence[int] = ()) -> None:
        """Show ``rows``; those numbered in ``flagged`` (a shortage…) on a warning background."""
        self.beginResetModel()
        self._rows = list(rows)
        self._payloads = list(payloads) or [None] * len(self._rows)
        self._tips = list(tips) or [""] * len(self._rows)
        self._flagged = frozenset(flagged)
        self.endResetModel()

    def is_flagged(self, row: int) -> bool:
        return row in self._flagged

    def payload(self, row: int) -> Any:
        return self._payloads[row]

    def text(self, row: int, column: int) -> str:
        value = self._rows[row][column]
        return "" if value is None else str(value)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == SORT_ROLE:
            value = self._rows[row][column]
            return value if isinstance(value, int | float) else self.text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.numeric:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole and self._tips[row]:
            return self._tips[row]
        if role == Qt.ItemDataRole.BackgroundRole and row in self._flagged:
            return FLAG_BACKGROUND
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if section < len(self.headers) else None
        return None


def rows_view(model: RowsModel, parent: QWidget | None = None, *, stretch: int = -1,
              sortable: bool = True) -> QTableView:
    """A read-only, row-selecting table over ``model`` (sorted through a proxy)."""
    view = QTableView(parent)
    if sortable:
        proxy = QSortFilterProxyModel(view)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    else:
        view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def selected_payload(view: QTableView) -> Any:
    """The payload of the selected row (through the proxy), or None."""
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    index = rows[0]
    model = view.model()
    if isinstance(model, QSortFilterProxyModel):
        index = model.mapToSource(index)
        model = model.sourceModel()
    assert isinstance(model, RowsModel)
    return model.payload(index.row())
