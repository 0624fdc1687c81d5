"""The desk's offers table by mode: a household taking flats by value sees values, not areas.

Worked example (the value demo): D001 has 895,617.45 yuan of value available; flat
1-1-301 (55.34 m² at 9,700 yuan/m²) is worth 536,798.00, leaving 358,819.45 paid to it.
By area the same columns read ± entitlement and the price, as they always did.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from allocation.demo import (
    DEMO_TODAY,
    demo_flats,
    demo_households,
    demo_policy,
    value_flats,
    value_households,
    value_policy,
)
from allocation.rules import settle_household
from db.selection import FlatOffer
from desktop.session.desk_models import OfferColumn, OffersModel


def _offer(household, flat, policy) -> FlatOffer:
    settled = settle_household(household, [flat], policy, DEMO_TODAY)
    assert settled.price is not None
    return FlatOffer(flat, settled.price, settled.settlement.balance)


def _header(model: OffersModel, column: OfferColumn) -> str:
    """The column's name as one line (the model puts its unit on a second)."""
    return model.headerData(column, Qt.Orientation.Horizontal).replace("\n", " ")


def test_by_value_the_columns_show_unit_value_and_the_flats_value(qapp) -> None:
    household = next(h for h in value_households() if h.code == "D001")
    flat = next(f for f in value_flats() if f.key == "1-1-301")
    offer = _offer(household, flat, value_policy())
    assert offer.by_value and offer.available == Decimal("895617.45")
    model = OffersModel()
    model.set_rows([offer])
    assert _header(model, OfferColumn.DIFFERENCE) == "Unit value (yuan/m²)"
    cells = [model.data(model.index(0, c)) for c in OfferColumn]
    assert cells[OfferColumn.DIFFERENCE] == "9,700.00"
    assert cells[OfferColumn.PRICE] == "536,798.00"
    assert cells[OfferColumn.SETTLEMENT] == "+358,819.45"


def test_by_area_the_columns_are_as_before(qapp) -> None:
    household = next(h for h in demo_households() if h.code == "D002")
    flat = next(f for f in demo_flats() if f.key == "1-1-301")
    model = OffersModel()
    model.set_rows([_offer(household, flat, demo_policy())])
    assert not model.by_value
    assert _header(model, OfferColumn.DIFFERENCE) == "± entitlement (m²)"
