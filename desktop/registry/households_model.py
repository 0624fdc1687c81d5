"""The Households table: 100,000 rows with instant search, filters and sorting inside the model.

Why not QSortFilterProxyModel: it calls a Python ``filterAcceptsRow`` per
row, which takes seconds at 100,000 rows. Here one list comprehension over
the pre-lowered ``search_text`` of each row builds the list of visible rows,
and ``data()`` formats only the cells Qt paints (no per-row work up front).

Row indexes: *view rows* are what Qt sees (after sort and filter); each
maps through ``_visible`` to a position in ``_rows``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from allocation.registry import CompensationMode, Condition, HouseholdId, HouseholdStatus
from db.registry import HouseholdRow

Index = QModelIndex | QPersistentModelIndex

COL_CODE, COL_HEAD, COL_HEAD_ID, COL_PHONE, COL_MEMBERS, COL_RECOGNISED, COL_AREA, \
    COL_CONDITIONS, COL_STATUS, COL_SIGNED_ON, COL_SIGNING_SEQ, COL_MODE, \
    COL_TRANSITION = range(13)

CONTEXT = "HouseholdTableModel"
HEADERS = (
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Code"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Head"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Head's ID number"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Phone"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "People"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Recognised"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Legal area (m²)"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Special conditions"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Stage"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Signed on"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Signing order"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Compensation"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Transition"),
)
HEADER_TIPS = {
    COL_CODE: QT_TRANSLATE_NOOP(
        "HouseholdTableModel", "Household code (户号), unique in the project"),
    COL_MEMBERS: QT_TRANSLATE_NOOP("HouseholdTableModel", "Registered members of the household"),
    COL_RECOGNISED: QT_TRANSLATE_NOOP(
        "HouseholdTableModel", "Members recognised for the entitlement (认定人口)"),
    COL_AREA: QT_TRANSLATE_NOOP(
        "HouseholdTableModel", "Recognised floor area of the demolished home (原合法面积)"),
    COL_STATUS: QT_TRANSLATE_NOOP(
        "HouseholdTableModel", "The furthest step reached: registered, verified, signed, "
        "moved out, flat chosen at the selection session, keys handed over"),
    COL_SIGNING_SEQ: QT_TRANSLATE_NOOP(
        "HouseholdTableModel", "Order in which the agreement was signed (签约顺序号)"),
    COL_MODE: QT_TRANSLATE_NOOP(
        "HouseholdTableModel", "How the household is compensated (补偿方式): property exchange "
        "by area or by value, or money"),
    COL_TRANSITION: QT_TRANSLATE_NOOP(
        "HouseholdTableModel", "Where the household waits for its new flat (过渡方式): on the "
        "transition allowance, or in transition housing lent by the office; a household "
        "compensated in money has no transition"),
}
NUMERIC_COLUMNS = frozenset({COL_MEMBERS, COL_RECOGNISED, COL_AREA, COL_SIGNING_SEQ})
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

# The words are the ledger's own (allocation.registry's .zh); English is the source here so
# that an English interface says English, and the Chinese catalogue maps back to .zh.
LABELS_CONTEXT = "HouseholdLabels"
STATUS_LABELS: dict[HouseholdStatus, str] = {
    HouseholdStatus.REGISTERED: QT_TRANSLATE_NOOP("HouseholdLabels", "Registered"),
    HouseholdStatus.VERIFIED: QT_TRANSLATE_NOOP("HouseholdLabels", "Verified"),
    HouseholdStatus.SIGNED: QT_TRANSLATE_NOOP("HouseholdLabels", "Signed"),
    HouseholdStatus.MOVED_OUT: QT_TRANSLATE_NOOP("HouseholdLabels", "Moved out"),
    HouseholdStatus.FLAT_CHOSEN: QT_TRANSLATE_NOOP("HouseholdLabels", "Flat chosen"),
    HouseholdStatus.KEYS_HANDED: QT_TRANSLATE_NOOP("HouseholdLabels", "Keys handed over"),
}
CONDITION_LABELS: dict[Condition, str] = {
    Condition.DISABILITY: QT_TRANSLATE_NOOP("HouseholdLabels", "Disability"),
    Condition.LOW_INCOME: QT_TRANSLATE_NOOP("HouseholdLabels", "Low income"),
    Condition.EXTREME_HARDSHIP: QT_TRANSLATE_NOOP("HouseholdLabels", "Extreme hardship"),
    Condition.SERIOUS_ILLNESS: QT_TRANSLATE_NOOP("HouseholdLabels", "Serious illness"),
    Condition.MARTYR_FAMILY: QT_TRANSLATE_NOOP("HouseholdLabels", "Martyr's family"),
}
MODE_LABELS: dict[CompensationMode, str] = {
    CompensationMode.AREA: QT_TRANSLATE_NOOP("HouseholdLabels", "Property exchange (by area)"),
    CompensationMode.VALUE: QT_TRANSLATE_NOOP("HouseholdLabels", "Property exchange (by value)"),
    CompensationMode.MONEY: QT_TRANSLATE_NOOP("HouseholdLabels", "Money compensation"),
}
# The table's narrow column says it short (as offices write it: 按面积, 价值互换, 货币补偿);
# its tooltip and the dialog give the whole name.
MODE_SHORT_LABELS: dict[CompensationMode, str] = {
    CompensationMode.AREA: QT_TRANSLATE_NOOP("HouseholdLabels", "By area"),
    CompensationMode.VALUE: QT_TRANSLATE_NOOP("HouseholdLabels", "By value"),
    CompensationMode.MONEY: QT_TRANSLATE_NOOP("HouseholdLabels", "Money"),
}
# 过渡方式 as offices write it; a household compensated in money waits for no flat (—).
TRANSITION_LABELS: dict[bool, str] = {
    False: QT_TRANSLATE_NOOP("HouseholdLabels", "Own transition"),
    True: QT_TRANSLATE_NOOP("HouseholdLabels", "Transition housing"),
}
NO_TRANSITION = "—"
# Offices list conditions in this order (the order of allocation.registry).
CONDITION_ORDER = tuple(Condition)
# Chinese and Japanese IMEs type full-width digits; search matches them as ASCII.
_FULL_WIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"ｘ": "x", "Ｘ": "x"})


def status_label(status: HouseholdStatus) -> str:
    return QCoreApplication.translate(LABELS_CONTEXT, STATUS_LABELS[status])


def mode_label(mode: CompensationMode, *, short: bool = False) -> str:
    labels = MODE_SHORT_LABELS if short else MODE_LABELS
    return QCoreApplication.translate(LABELS_CONTEXT, labels[mode])


def transition_label(row: HouseholdRow) -> str:
    """自行过渡, 周转用房, or — for a household compensated in money."""
    if row.compensation_mode is CompensationMode.MONEY:
        return NO_TRANSITION
    return QCoreApplication.translate(LABELS_CONTEXT,
                                      TRANSITION_LABELS[bool(row.transition_housing)])


def _transition_rank(row: HouseholdRow) -> int:
    # own transition, transition housing, then the households with none
    if row.compensation_mode is CompensationMode.MONEY:
        return 2
    return 1 if row.transition_housing else 0


def condition_label(condition: Condition) -> str:
    return QCoreApplication.translate(LABELS_CONTEXT, CONDITION_LABELS[condition])


def conditions_text(conditions: frozenset[Condition]) -> str:
    """Conditions in office order, joined by the list separator (、 in Chinese)."""
    separator = QCoreApplication.translate("HouseholdLabels", ", ", "list separator")
    return separator.join(condition_label(c) for c in CONDITION_ORDER if c in conditions)


def _optional(value: Any) -> tuple[bool, Any]:
    # Rows without a value sort after all rows with one, in both directions' base order.
    return (value is None, value if value is not None else 0)


SORT_KEYS: dict[int, Callable[[HouseholdRow], Any]] = {
    COL_CODE: lambda r: r.code,
    COL_HEAD: lambda r: r.head_name,
    COL_HEAD_ID: lambda r: r.head_id,
    COL_PHONE: lambda r: r.phone,
    COL_MEMBERS: lambda r: r.members,
    COL_RECOGNISED: lambda r: r.recognised,
    COL_AREA: lambda r: r.legal_area,
    COL_CONDITIONS: lambda r: (len(r.conditions),
                               [CONDITION_ORDER.index(c) for c in CONDITION_ORDER
                                if c in r.conditions]),
    COL_STATUS: lambda r: list(HouseholdStatus).index(r.shown_stage),
    COL_SIGNED_ON: lambda r: _optional(r.signed_on),
    COL_SIGNING_SEQ: lambda r: _optional(r.signing_seq),
    COL_MODE: lambda r: list(CompensationMode).index(r.compensation_mode),
    COL_TRANSITION: _transition_rank,
}


# The text of each cell, formatted only for cells on screen.
_CELLS: dict[int, Callable[[HouseholdRow], str]] = {
    COL_CODE: lambda r: r.code,
    COL_HEAD: lambda r: r.head_name,
    COL_HEAD_ID: lambda r: r.head_id,
    COL_PHONE: lambda r: r.phone,
    COL_MEMBERS: lambda r: str(r.members),
    COL_RECOGNISED: lambda r: str(r.recognised),
    COL_AREA: lambda r: f"{r.legal_area:,.2f}",
    COL_CONDITIONS: lambda r: conditions_text(r.conditions),
    COL_STATUS: lambda r: status_label(r.shown_stage),
    COL_SIGNED_ON: lambda r: _date_text(r.signed_on),
    COL_SIGNING_SEQ: lambda r: "" if r.signing_seq is None else str(r.signing_seq),
    COL_MODE: lambda r: mode_label(r.compensation_mode, short=True),
    COL_TRANSITION: transition_label,
}


def _display(row: HouseholdRow, column: int) -> str:
    """The text of one cell; called only for cells on screen."""
    cell = _CELLS.get(column)
    return "" if cell is None else cell(row)


def _date_text(value: date | None) -> str:
    # ISO dates read the same in Chinese and English offices and sort as text.
    return "" if value is None else value.isoformat()


def _tooltip(row: HouseholdRow, column: int) -> str:
    if column == COL_RECOGNISED and row.new_members:
        return QCoreApplication.translate(
            "HouseholdTableModel", "{recognised} of {members} recognised, {new} new member(s)"
        ).format(recognised=row.recognised, members=row.members, new=row.new_members)
    if column == COL_CONDITIONS and row.conditions:
        return conditions_text(row.conditions)
    if column == COL_MODE:
        return mode_label(row.compensation_mode)
    if column == COL_TRANSITION and row.transition_housing:
        return row.transition_housing
    address = row.address or QCoreApplication.translate("HouseholdTableModel", "no address")
    return QCoreApplication.translate("HouseholdTableModel", "{code} {head} — {address}").format(
        code=row.code, head=row.head_name, address=address)


class HouseholdTableModel(QAbstractTableModel):
    """Rows of ``db.registry.household_rows``, sorted and filtered in Python lists."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[HouseholdRow] = []
        self._search: list[str] = []
        self._order: list[int] = []  # all rows, in the current sort order
        self._visible: list[int] = []  # the rows passing the filter, in sort order
        self._filter: tuple[str, Condition | None, HouseholdStatus | None] = ("", None, None)
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- loading, sorting, filtering ------------------------------------------------

    def set_rows(self, rows: Sequence[HouseholdRow]) -> None:
        """Replace all rows, keeping the current sort and filter."""
        self.beginResetModel()
        self._rows = list(rows)
        self._search = [r.search_text for r in self._rows]
        self._order = self._sorted_order()
        self._visible = self._filtered(self._order)
        self.endResetModel()

    def set_filter(self, text: str = "", condition: Condition | None = None,
                   status: HouseholdStatus | None = None) -> None:
        """Show rows whose search text holds every word of ``text`` and that match the filters.

        The search text of a row holds its code, every member's name and ID
        number, and the phone, lower-cased (see ``db.registry.queries``).
        """
        self.beginResetModel()
        self._filter = (text.translate(_FULL_WIDTH).lower(), condition, status)
        self._visible = self._filtered(self._order)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORT_KEYS:
            return
        self.layoutAboutToBeChanged.emit()
        old = self._persistent_rows()
        self._sort = (column, order)
        self._order = self._sorted_order()
        self._visible = self._filtered(self._order)
        self._restore_persistent(old)
        self.layoutChanged.emit()

    def _sorted_order(self) -> list[int]:
        if self._sort is None:
            return list(range(len(self._rows)))
        column, order = self._sort
        key, rows = SORT_KEYS[column], self._rows
        return sorted(range(len(rows)), key=lambda i: key(rows[i]),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def _filtered(self, order: list[int]) -> list[int]:
        text, condition, status = self._filter
        visible, search, rows = order, self._search, self._rows
        for word in text.split():
            visible = [i for i in visible if word in search[i]]
        if condition is not None:
            visible = [i for i in visible if condition in rows[i].conditions]
        if status is not None:
            visible = [i for i in visible if rows[i].shown_stage is status]
        return visible if visible is not order else list(order)

    def _persistent_rows(self) -> list[tuple[QModelIndex, int]]:
        return [(index, self._visible[index.row()]) for index in self.persistentIndexList()
                if 0 <= index.row() < len(self._visible)]

    def _restore_persistent(self, old: list[tuple[QModelIndex, int]]) -> None:
        # Keep the selection on the same households while the rows move.
        where = {row: view_row for view_row, row in enumerate(self._visible)}
        for index, row in old:
            view_row = where.get(row)
            new = QModelIndex() if view_row is None else self.index(view_row, index.column())
            self.changePersistentIndex(index, new)

    # --- what the page asks -------------------------------------------------------

    @property
    def total_count(self) -> int:
        return len(self._rows)

    @property
    def visible_count(self) -> int:
        return len(self._visible)

    def row_at(self, view_row: int) -> HouseholdRow:
        return self._rows[self._visible[view_row]]

    def id_of_code(self, code: str) -> HouseholdId | None:
        return next((r.id for r in self._rows if r.code == code), None)

    def view_row_of(self, household_id: HouseholdId) -> int | None:
        """Where a household is shown now, or None if it is filtered out or gone."""
        for view_row, row in enumerate(self._visible):
            if self._rows[row].id == household_id:
                return view_row
        return None

    # --- QAbstractTableModel ------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[self._visible[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in NUMERIC_COLUMNS else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section in HEADER_TIPS:
            return QCoreApplication.translate(CONTEXT, HEADER_TIPS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in NUMERIC_COLUMNS else _LEFT
        return None
