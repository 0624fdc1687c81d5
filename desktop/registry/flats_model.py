"""The housing stock as a table: one row per flat, filtered and sorted in the model.

Filtering and sorting are list comprehensions over precomputed rows rather
than a QSortFilterProxyModel, which calls back into Python for every row and
gets slow past a few thousand flats. The status colours and labels here are
shared with the building view so both speak the same visual language.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from allocation.registry import FlatId, FlatStatus
from db.registry import StoredFlat

AnyIndex = QModelIndex | QPersistentModelIndex
#: The flat's FlatStatus value (a str: Qt turns str-enums into plain strings anyway).
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(enum.IntEnum):
    BUILDING = 0
    UNIT = 1
    FLOOR = 2
    NUMBER = 3
    AREA = 4
    LAYOUT = 5
    ORIENTATION = 6
    BASE_PRICE = 7
    TOTAL = 8
    STATUS = 9


HEADERS: dict[Column, str] = {
    Column.BUILDING: QT_TRANSLATE_NOOP("FlatTableModel", "Building"),
    Column.UNIT: QT_TRANSLATE_NOOP("FlatTableModel", "Unit"),
    Column.FLOOR: QT_TRANSLATE_NOOP("FlatTableModel", "Floor"),
    Column.NUMBER: QT_TRANSLATE_NOOP("FlatTableModel", "Number"),
    Column.AREA: QT_TRANSLATE_NOOP("FlatTableModel", "Area (m²)"),
    Column.LAYOUT: QT_TRANSLATE_NOOP("FlatTableModel", "Layout"),
    Column.ORIENTATION: QT_TRANSLATE_NOOP("FlatTableModel", "Orientation"),
    Column.BASE_PRICE: QT_TRANSLATE_NOOP("FlatTableModel", "Base price (yuan/m²)"),
    Column.TOTAL: QT_TRANSLATE_NOOP("FlatTableModel", "Total (yuan)"),
    Column.STATUS: QT_TRANSLATE_NOOP("FlatTableModel", "Status"),
}

NUMERIC_COLUMNS = frozenset({Column.FLOOR, Column.AREA, Column.BASE_PRICE, Column.TOTAL})

# --- status vocabulary shared with the building view --------------------------

STATUS_LABELS: dict[FlatStatus, str] = {
    FlatStatus.AVAILABLE: QT_TRANSLATE_NOOP("FlatTableModel", "Available"),
    FlatStatus.RESERVED: QT_TRANSLATE_NOOP("FlatTableModel", "Reserved"),
    FlatStatus.SELECTED: QT_TRANSLATE_NOOP("FlatTableModel", "Selected"),
    FlatStatus.UNAVAILABLE: QT_TRANSLATE_NOOP("FlatTableModel", "Unavailable"),
}


@dataclass(frozen=True, slots=True)
class StatusColours:
    """Background and text colour of a status; ``strike`` marks flats already taken."""

    background: QColor
    text: QColor
    strike: bool = False


# Chosen to keep ≥ 4.5:1 contrast for the text and to stay apart in
# lightness too, so they can be told apart without colour vision.
STATUS_COLOURS: dict[FlatStatus, StatusColours] = {
    FlatStatus.AVAILABLE: StatusColours(QColor("#d7f0d2"), QColor("#1e4d1a")),
    FlatStatus.RESERVED: StatusColours(QColor("#ffd980"), QColor("#5a3d00")),
    FlatStatus.SELECTED: StatusColours(QColor("#d4d4d4"), QColor("#5c5c5c"), strike=True),
    FlatStatus.UNAVAILABLE: StatusColours(QColor("#46505a"), QColor("#f2f2f2")),
}


def status_label(status: FlatStatus) -> str:
    """The translated name of a status, e.g. 可选."""
    return QCoreApplication.translate("FlatTableModel", STATUS_LABELS[status])


def building_label(building: str) -> str:
    """A building as people say it: "1" is 1号楼, while "A座" is already a name."""
    if building.isdigit():
        return QCoreApplication.translate("FlatTableModel", "Building {0}").format(building)
    return building


def unit_label(unit: str) -> str:
    """A unit as people say it: "2" is 2单元."""
    if unit.isdigit():
        return QCoreApplication.translate("FlatTableModel", "Unit {0}").format(unit)
    return unit


# --- formatting ---------------------------------------------------------------


def format_decimal(value: Decimal) -> str:
    """Two decimals with thousands separators, from the Decimal itself (never via float)."""
    return f"{value:,.2f}"


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[Any, ...]:
    """Sort "2" before "10" and "2号楼" before "10号楼": digits compare as numbers.

    Each part is tagged so that a number and a word never meet in a comparison
    (numbers sort first, as "1号楼" before "A座").
    """
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in _DIGITS.split(text.casefold()) if part)


# --- rows and filters ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FlatRow:
    """A stored flat with what the table shows and searches, computed once per load."""

    stored: StoredFlat
    total: Decimal
    search_text: str

    @property
    def id(self) -> FlatId:
        return self.stored.id


def make_row(stored: StoredFlat) -> FlatRow:
    flat = stored.flat
    words = (flat.key, flat.building, flat.number, flat.layout, flat.orientation,
             flat.status.zh, flat.status.value, status_label(flat.status))
    return FlatRow(stored, flat.list_price, " ".join(words).casefold())


@dataclass(frozen=True, slots=True)
class FlatFilter:
    """What the page asks to see; ``None`` means any."""

    text: str = ""
    building: str | None = None
    layout: str | None = None
    status: FlatStatus | None = None

    def accepts(self, row: FlatRow) -> bool:
        flat = row.stored.flat
        if self.building is not None and flat.building != self.building:
            return False
        if self.layout is not None and flat.layout != self.layout:
            return False
        if self.status is not None and flat.status != self.status:
            return False
        # Every word must appear somewhere: "3室 南北" finds 3室2厅 facing 南北.
        return all(word in row.search_text for word in self.text.casefold().split())


def _position_key(row: FlatRow) -> tuple[Any, ...]:
    flat = row.stored.flat
    return (natural_key(flat.building), natural_key(flat.unit), flat.floor,
            natural_key(flat.number))


SORT_KEYS: dict[Column, Callable[[FlatRow], Any]] = {
    Column.BUILDING: _position_key,
    Column.UNIT: lambda r: (natural_key(r.stored.flat.unit), _position_key(r)),
    Column.FLOOR: lambda r: (r.stored.flat.floor, _position_key(r)),
    Column.NUMBER: lambda r: (natural_key(r.stored.flat.number), _position_key(r)),
    Column.AREA: lambda r: (r.stored.flat.area, _position_key(r)),
    Column.LAYOUT: lambda r: (natural_key(r.stored.flat.layout), _position_key(r)),
    Column.ORIENTATION: lambda r: (r.stored.flat.orientation, _position_key(r)),
    Column.BASE_PRICE: lambda r: (r.stored.flat.base_price, _position_key(r)),
    Column.TOTAL: lambda r: (r.total, _position_key(r)),
    Column.STATUS: lambda r: (list(FlatStatus).index(r.stored.flat.status), _position_key(r)),
}


# --- the model ----------------------------------------------------------------


class FlatTableModel(QAbstractTableModel):
    """Flats of one project; ``set_rows`` replaces them, ``set_filter`` narrows what shows.

    Rows are addressed by their position among the *shown* rows; use
    :meth:`flat_at` and :meth:`row_of` to go between rows and flat ids.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[FlatRow] = []
        self._shown: list[FlatRow] = []
        self._filter = FlatFilter()
        self._sort_column = Column.BUILDING
        self._sort_order = Qt.SortOrder.AscendingOrder

    # --- content -------------------------------------------------------------

    def set_rows(self, rows: Iterable[StoredFlat]) -> None:
        self.beginResetModel()
        self._all = [make_row(stored) for stored in rows]
        self._shown = self._arranged()
        self.endResetModel()

    def set_filter(self, flat_filter: FlatFilter) -> None:
        if flat_filter == self._filter:
            return
        self.beginResetModel()
        self._filter = flat_filter
        self._shown = self._arranged()
        self.endResetModel()

    def current_filter(self) -> FlatFilter:
        return self._filter

    def _arranged(self) -> list[FlatRow]:
        shown = [row for row in self._all if self._filter.accepts(row)]
        shown.sort(key=SORT_KEYS[self._sort_column],
                   reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        return shown

    def all_flats(self) -> list[StoredFlat]:
        """Every loaded flat, whatever the filter."""
        return [row.stored for row in self._all]

    def shown_flats(self) -> list[StoredFlat]:
        return [row.stored for row in self._shown]

    def total_count(self) -> int:
        return len(self._all)

    def flat_at(self, row: int) -> StoredFlat:
        return self._shown[row].stored

    def row_of(self, flat_id: int) -> int | None:
        """The shown row of a flat, or None when it is filtered out or gone."""
        return next((i for i, row in enumerate(self._shown) if row.id == flat_id), None)

    def buildings(self) -> list[str]:
        return sorted({row.stored.flat.building for row in self._all}, key=natural_key)

    def layouts(self) -> list[str]:
        return sorted({row.stored.flat.layout for row in self._all}, key=natural_key)

    # --- Qt model interface --------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("FlatTableModel", HEADERS[column])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        row = self._shown[index.row()]
        column = Column(index.column())
        handler = _ROLE_HANDLERS.get(role)
        return handler(row, column) if handler else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._shown[i.row()].id if i.row() < len(self._shown) else None for i in old]
        self._sort_column, self._sort_order = Column(column), order
        self._shown = self._arranged()
        # Keep the view's selection on the same flats after they move.
        positions = {row.id: i for i, row in enumerate(self._shown)}
        new = [self.index(positions[fid], i.column()) if fid in positions else QModelIndex()
               for fid, i in zip(ids, old, strict=True)]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()


def _alignment(column: Column) -> Qt.AlignmentFlag:
    horizontal = (Qt.AlignmentFlag.AlignRight if column in NUMERIC_COLUMNS
                  else Qt.AlignmentFlag.AlignLeft)
    return horizontal | Qt.AlignmentFlag.AlignVCenter


def _display(row: FlatRow, column: Column) -> str:
    flat = row.stored.flat
    if column == Column.AREA:
        return format_decimal(flat.area)
    if column == Column.BASE_PRICE:
        return format_decimal(flat.base_price)
    if column == Column.TOTAL:
        return format_decimal(row.total)
    if column == Column.STATUS:
        return status_label(flat.status)
    if column == Column.FLOOR:
        return str(flat.floor)
    return str(getattr(flat, column.name.lower()))


def _edit_value(row: FlatRow, column: Column) -> Any:
    """The exact value behind a cell (Decimal for money and areas), for tests and copying.

    A status comes back as its plain value: Qt converts str subclasses to str.
    """
    flat = row.stored.flat
    values: dict[Column, Any] = {
        Column.AREA: flat.area, Column.BASE_PRICE: flat.base_price, Column.TOTAL: row.total,
        Column.STATUS: flat.status, Column.FLOOR: flat.floor,
    }
    return values.get(column, _display(row, column))


def _background(row: FlatRow, column: Column) -> QBrush | None:
    if column != Column.STATUS:
        return None
    return QBrush(STATUS_COLOURS[row.stored.flat.status].background)


def _foreground(row: FlatRow, column: Column) -> QBrush | None:
    if column != Column.STATUS:
        return None
    return QBrush(STATUS_COLOURS[row.stored.flat.status].text)


def _font(row: FlatRow, column: Column) -> QFont | None:
    if column != Column.STATUS or not STATUS_COLOURS[row.stored.flat.status].strike:
        return None
    font = QFont()
    font.setStrikeOut(True)
    return font


def _tooltip(row: FlatRow, _column: Column) -> str:
    flat = row.stored.flat
    template = QCoreApplication.translate(
        "FlatTableModel", "{key} · {layout} · {area} m² · {total} yuan")
    return template.format(key=flat.key, layout=flat.layout, area=format_decimal(flat.area),
                           total=format_decimal(row.total))


_ROLE_HANDLERS: dict[int, Callable[[FlatRow, Column], Any]] = {
    Qt.ItemDataRole.DisplayRole: _display,
    Qt.ItemDataRole.EditRole: _edit_value,
    Qt.ItemDataRole.TextAlignmentRole: lambda _row, column: _alignment(column),
    Qt.ItemDataRole.BackgroundRole: _background,
    Qt.ItemDataRole.ForegroundRole: _foreground,
    Qt.ItemDataRole.FontRole: _font,
    Qt.ItemDataRole.ToolTipRole: _tooltip,
    Qt.ItemDataRole.UserRole: lambda row, _column: row.id,
    STATUS_ROLE: lambda row, _column: row.stored.flat.status.value,
}

