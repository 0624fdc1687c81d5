"""Table model of a draw's final order, for the projector: names masked, large and plain."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)

from allocation.registry import mask_name

Index = QModelIndex
COL_ORDER, COL_CODE, COL_HEAD, COL_GROUP, COL_SORT_KEY, COL_LOTTERY = range(6)

HEADERS = (
    QT_TRANSLATE_NOOP("DrawOrderModel", "Order"),
    QT_TRANSLATE_NOOP("DrawOrderModel", "Household"),
    QT_TRANSLATE_NOOP("DrawOrderModel", "Head"),
    QT_TRANSLATE_NOOP("DrawOrderModel", "Group"),
    QT_TRANSLATE_NOOP("DrawOrderModel", "Sort key"),
    QT_TRANSLATE_NOOP("DrawOrderModel", "Lottery rank"),
)


def readable_sort_key(key: str | None) -> str:
    """Sort keys are zero-padded so that text order is numeric order; people read 47, not 0…047."""
    if not key or key == "~":
        return ""
    if key.isdigit():
        return key.lstrip("0") or "0"
    return key


@dataclass(frozen=True, slots=True)
class OrderRow:
    """One line of the final order; ``head`` is already masked."""

    order: int
    code: str
    head: str
    group: str
    sort_key: str
    lottery_rank: int


def order_rows(record: Mapping[str, Any], heads: Mapping[str, str]) -> list[OrderRow]:
    """The final order of a sealed record, with each head's name masked.

    ``lottery_rank`` is when the household's pool number came out of the draw (1 = first).
    """
    entries = {e["code"]: e for e in record["pool"]}
    rank = {position: i for i, position in enumerate(record["lottery_order"], start=1)}
    rows = []
    for order, code in enumerate(record["final_order"], start=1):
        entry = entries.get(code, {})
        rows.append(OrderRow(order, code, mask_name(heads.get(code, "")),
                             entry.get("group") or "", readable_sort_key(entry.get("sort_key")),
                             rank.get(entry.get("position"), 0)))
    return rows


class DrawOrderModel(QAbstractTableModel):
    """Read-only rows of the final order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[OrderRow] = []

    def set_rows(self, rows: list[OrderRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def codes(self) -> list[str]:
        return [r.code for r in self._rows]

    def rowCount(self, parent: Index = Index()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = Index()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return QCoreApplication.translate("DrawOrderModel", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (row.order, row.code, row.head, row.group, row.sort_key,
                      row.lottery_rank or "")
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (COL_ORDER, COL_LOTTERY):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None
