"""Table models of the desk: the flats the household may take (priced), and every turn.

Both are filled with ``set_rows`` from plain data and hold no database
state, so they are tested without windows.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from db.selection import (
    CALLED,
    REVOKED,
    SELECTED,
    SKIPPED,
    FlatOffer,
    HouseholdChoice,
    Selection,
    Turn,
)
from desktop.session.session_words import area, signed_area, signed_yuan, turn_state, yuan

AnyIndex = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
PAID_TO_HOUSEHOLD = QColor("#1b5e20")
PAID_BY_HOUSEHOLD = QColor("#b71c1c")


class OfferColumn(enum.IntEnum):
    """The floor is in the flat's number (1-2-301): no column of its own, the money needs room."""

    FLAT = 0
    LAYOUT = 1
    ORIENTATION = 2
    AREA = 3
    DIFFERENCE = 4
    PRICE = 5
    SETTLEMENT = 6


OFFER_HEADERS: dict[OfferColumn, str] = {
    OfferColumn.FLAT: QT_TRANSLATE_NOOP("OffersModel", "Flat"),
    OfferColumn.LAYOUT: QT_TRANSLATE_NOOP("OffersModel", "Layout"),
    OfferColumn.ORIENTATION: QT_TRANSLATE_NOOP("OffersModel", "Facing"),
    OfferColumn.AREA: QT_TRANSLATE_NOOP("OffersModel", "Area (m²)"),
    OfferColumn.DIFFERENCE: QT_TRANSLATE_NOOP("OffersModel", "± entitlement (m²)"),
    OfferColumn.PRICE: QT_TRANSLATE_NOOP("OffersModel", "Price to pay (yuan)"),
    OfferColumn.SETTLEMENT: QT_TRANSLATE_NOOP("OffersModel", "Settlement (yuan)"),
}
# By value (价值互换) two columns say something else: no entitlement, a value per m² instead.
VALUE_HEADERS: dict[OfferColumn, str] = {
    OfferColumn.DIFFERENCE: QT_TRANSLATE_NOOP("OffersModel", "Unit value (yuan/m²)"),
    OfferColumn.PRICE: QT_TRANSLATE_NOOP("OffersModel", "Flat's value (yuan)"),
}
# With flats taken before (一户多套) three columns are the household's, all its flats together.
TOGETHER_HEADERS: dict[OfferColumn, str] = {
    OfferColumn.DIFFERENCE: QT_TRANSLATE_NOOP("OffersModel", "± entitlement, all (m²)"),
    OfferColumn.PRICE: QT_TRANSLATE_NOOP("OffersModel", "Price, all flats (yuan)"),
    OfferColumn.SETTLEMENT: QT_TRANSLATE_NOOP("OffersModel", "Settlement, all (yuan)"),
}


def header_lines(header: str) -> str:
    """A column's name over its unit: "Price to pay (yuan)" as "Price to pay" above
    "(yuan)", "合计结算（元）" as "合计结算" above "（元）". The money columns are then as
    wide as their figures rather than their names, and the six an operator reads out fit
    the desk's list at 1280 px also in English and with the 合计 headers of 一户多套."""
    for opening in (" (", "（"):
        name, found, unit = header.rpartition(opening)
        if found and name:
            return f"{name}\n{opening.strip()}{unit}"
    return header


OFFER_TIPS: dict[OfferColumn, str] = {
    OfferColumn.PRICE: QT_TRANSLATE_NOOP(
        "OffersModel", "What the household pays for the flat under the frozen rules: the "
        "entitlement at the base price, the area above it by tiers, a refund below it"),
    OfferColumn.SETTLEMENT: QT_TRANSLATE_NOOP(
        "OffersModel", "Compensation minus the price: positive is paid to the household, "
        "negative is paid by it"),
}


class OffersModel(QAbstractTableModel):
    """The flats the household at the desk may take, in stock order, each priced."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._offers: list[FlatOffer] = []
        self.together = False

    def set_rows(self, offers: Sequence[FlatOffer], together: bool = False) -> None:
        """``together``: each offer is priced with the flats the household took before it."""
        self.beginResetModel()
        self._offers = list(offers)
        self.together = together
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(OfferColumn) - 1)

    @property
    def by_value(self) -> bool:
        """Whether the household at the desk takes its flats by value (价值互换)."""
        return any(offer.by_value for offer in self._offers)

    def offer_at(self, row: int) -> FlatOffer | None:
        return self._offers[row] if 0 <= row < len(self._offers) else None

    def row_of(self, key: str) -> int | None:
        return next((r for r, o in enumerate(self._offers) if o.flat.key == key), None)

    def keys(self) -> list[str]:
        return [o.flat.key for o in self._offers]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._offers)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(OfferColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(OfferColumn):
            return None
        column = OfferColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            names = (VALUE_HEADERS if self.by_value and column is OfferColumn.DIFFERENCE else
                     TOGETHER_HEADERS if self.together and column in TOGETHER_HEADERS else
                     VALUE_HEADERS if self.by_value and column in VALUE_HEADERS else
                     OFFER_HEADERS)
            return header_lines(QCoreApplication.translate("OffersModel", names[column]))
        if role == Qt.ItemDataRole.ToolTipRole and column in OFFER_TIPS:
            return QCoreApplication.translate("OffersModel", OFFER_TIPS[column])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        offer = self.offer_at(index.row()) if index.isValid() else None
        if offer is None:
            return None
        column = OfferColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(offer, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column >= OfferColumn.AREA else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole and column == OfferColumn.SETTLEMENT:
            return QBrush(PAID_TO_HOUSEHOLD if offer.settlement >= 0 else PAID_BY_HOUSEHOLD)
        return None

    def _text(self, offer: FlatOffer, column: OfferColumn) -> str:
        flat, price = offer.flat, offer.price
        texts = {
            OfferColumn.FLAT: flat.key, OfferColumn.LAYOUT: flat.layout,
            OfferColumn.ORIENTATION: flat.orientation,
            OfferColumn.AREA: area(offer.flat_area),  # the counted area, as the band judges it
            OfferColumn.DIFFERENCE: (yuan(offer.unit_value) if offer.unit_value is not None
                                     else signed_area(offer.difference)),
            OfferColumn.PRICE: yuan(price.total),
            OfferColumn.SETTLEMENT: signed_yuan(offer.settlement),
        }
        return texts[column]


class TurnColumn(enum.IntEnum):
    ORDER = 0
    CODE = 1
    HEAD = 2
    STATE = 3
    CALLS = 4
    FLAT = 5


TURN_HEADERS: dict[TurnColumn, str] = {
    TurnColumn.ORDER: QT_TRANSLATE_NOOP("TurnsModel", "No."),
    TurnColumn.CODE: QT_TRANSLATE_NOOP("TurnsModel", "Household"),
    TurnColumn.HEAD: QT_TRANSLATE_NOOP("TurnsModel", "Head"),
    TurnColumn.STATE: QT_TRANSLATE_NOOP("TurnsModel", "State"),
    TurnColumn.CALLS: QT_TRANSLATE_NOOP("TurnsModel", "Calls"),
    TurnColumn.FLAT: QT_TRANSLATE_NOOP("TurnsModel", "Flat"),
}
STATE_COLOURS: dict[str, QColor] = {
    CALLED: QColor("#fff3c4"), SELECTED: QColor("#e3f1e0"), SKIPPED: QColor("#fde2e0"),
    REVOKED: QColor("#ffe0b2"),
}


class TurnsModel(QAbstractTableModel):
    """Every turn of the session in calling order, with the flat chosen if any."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._turns: list[Turn] = []
        self._names: Mapping[str, str] = {}
        self._chosen: Mapping[str, Selection] = {}
        self._choices: Mapping[str, HouseholdChoice] = {}

    def set_rows(self, turns: Sequence[Turn], names: Mapping[str, str],
                 chosen: Mapping[str, Selection],
                 choices: Mapping[str, HouseholdChoice] | None = None) -> None:
        """``choices``: every flat of each household (一户多套) for the flat column."""
        self.beginResetModel()
        self._turns, self._names, self._chosen = list(turns), names, chosen
        self._choices = choices or {}
        self.endResetModel()

    def turn_at(self, row: int) -> Turn | None:
        return self._turns[row] if 0 <= row < len(self._turns) else None

    def row_of(self, code: str) -> int | None:
        return next((r for r, t in enumerate(self._turns) if t.code == code), None)

    def selection_of(self, code: str) -> Selection | None:
        return self._chosen.get(code)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._turns)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(TurnColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(TurnColumn):
            return QCoreApplication.translate("TurnsModel", TURN_HEADERS[TurnColumn(section)])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        turn = self.turn_at(index.row()) if index.isValid() else None
        if turn is None:
            return None
        column = TurnColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(turn, column)
        if role == Qt.ItemDataRole.ToolTipRole and column is TurnColumn.HEAD:
            return self._text(turn, column)  # the column is narrow: a long name is elided
        if role == Qt.ItemDataRole.BackgroundRole and turn.state in STATE_COLOURS:
            return QBrush(STATE_COLOURS[turn.state])
        if role == Qt.ItemDataRole.ForegroundRole and turn.state in STATE_COLOURS:
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (TurnColumn.ORDER,
                                                                     TurnColumn.CALLS):
            return _RIGHT
        return None

    def _text(self, turn: Turn, column: TurnColumn) -> str:
        chosen = self._chosen.get(turn.code)
        choice = self._choices.get(turn.code)
        texts = {
            TurnColumn.ORDER: str(turn.order_no), TurnColumn.CODE: turn.code,
            TurnColumn.HEAD: self._names.get(turn.code, ""),
            TurnColumn.STATE: turn_state(turn.state),
            TurnColumn.CALLS: str(turn.calls) if turn.calls else "",
            TurnColumn.FLAT: "、".join(choice.flat_keys) if choice is not None
            else chosen.flat_key if chosen is not None else "",
        }
        return texts[column]
