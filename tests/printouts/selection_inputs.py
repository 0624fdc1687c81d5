"""Inputs for the agreement, slip, trace, statistics and results tests: the demo, flats chosen.

The demo has households and flats but no selections, so these choose one
flat per household: the first flat still free that lies in the household's
area band and that its priority group may take (else the first free flat it
may buy at all, else any flat it may buy). Everything is computed by
``allocation``; the tests only read what the documents print.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import cache

from allocation.demo.register import DEMO_TODAY, demo_flats, demo_households
from allocation.registry.model import Flat, Household
from allocation.rules.entitlement import compute_entitlement
from allocation.rules.priority import assign_group, flat_allowed
from printouts.papers.agreement import AgreementData, agreement_data
from tests.printouts.notice_inputs import policy

OFFICE = "武昌区房屋征收管理办公室"
MOVING_DEADLINE = date(2026, 12, 31)
PAYMENT_TERM = "本协议生效之日起15日内"
CONFIRMED_AT = datetime(2026, 11, 25, 9, 13)


@cache
def households() -> tuple[Household, ...]:
    return tuple(demo_households())


@cache
def assignments() -> dict[str, tuple[Flat, ...]]:
    """One flat per household code, chosen greedily in registry order (see the module docstring)."""
    stock = demo_flats()
    free = list(stock)
    chosen: dict[str, tuple[Flat, ...]] = {}
    for household in households():
        entitlement = compute_entitlement(household, policy(), DEMO_TODAY)
        rank = assign_group(household, policy(), DEMO_TODAY).rank
        groups = policy().groups
        restriction = groups[rank].flat_restriction if rank < len(groups) else None

        def fits(flat: Flat, band=entitlement.band, restriction=restriction) -> bool:
            return band.contains(flat.area) and flat_allowed(restriction, flat)

        def buyable(flat: Flat, most: Decimal = entitlement.max_area) -> bool:
            return flat.area <= most

        flat = (next((f for f in free if fits(f)), None)
                or next((f for f in free if buyable(f)), None)
                or next(f for f in stock if buyable(f)))  # fmt: skip
        if flat in free:
            free.remove(flat)
        chosen[household.code] = (flat,)
    return chosen


def order_numbers() -> dict[str, int]:
    """A selection order: the registry reversed, so order and registry position differ."""
    return {h.code: n for n, h in enumerate(reversed(households()), start=1)}


def agreement_number(code: str) -> str:
    return f"LDJ-2026-{code}"


def make_agreement(household: Household, flats: tuple[Flat, ...] | None = None) -> AgreementData:
    return agreement_data(
        household, flats or assignments()[household.code], policy(), DEMO_TODAY,
        number=agreement_number(household.code), office=OFFICE, payment_term=PAYMENT_TERM,
        moving_deadline=MOVING_DEADLINE, location="武昌区粮道街安置小区",
    )  # fmt: skip


@cache
def agreements() -> tuple[AgreementData, ...]:
    return tuple(make_agreement(h) for h in households())


def flat_over(household: Household, over: Decimal, *, floor: int = 3) -> Flat:
    """A flat ``over`` m² larger than the household's entitlement, at 4,000 yuan/m²."""
    entitlement = compute_entitlement(household, policy(), DEMO_TODAY).area
    return Flat(building="9", unit="1", floor=floor, number=f"{floor}01", area=entitlement + over,
                layout="3室2厅2卫", base_price=Decimal("4000.00"), orientation="南北")  # fmt: skip
