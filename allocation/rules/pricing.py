"""Price of the flats a household chooses (补差价, 多退少补), and its settlement.

The chosen flats are laid end to end, in the order given, along the
household's area scale, which is cut into segments:

* ``within``: 0 → entitlement, at the base price (the policy's
  ``base_price``, or each flat's own base price when the policy has none);
* ``tier`` *i*: entitlement + ``start`` → entitlement + ``end``, at the
  tier's ``price`` or ``factor`` × base price (e.g. the first 15 m² over at
  the base price, 15–30 m² at +50 %: factors 1 and 1.5);
* ``beyond_cap``: above entitlement + cap, at ``beyond_cap_price`` (a market
  price), or refused (``area_beyond_cap``) when the policy has none.

Each piece of a flat is one line: area × unit price, where the unit price
includes the flat's floor coefficient (a multiplier per floor range, 1 for
floors without one). Unit prices are rounded to the fen first, then each
line's amount, and the total is the sum of the rounded lines, so the
printed lines always add up.

When the chosen area is below the entitlement and the policy has a
``refund_price``, a ``refund`` line (negative) pays the difference back:
(entitlement − area) × refund price, without floor coefficient. It pays
for the unused right: where the entitlement is bought at the base price, a
m² not taken is already a m² not paid for, so a refund at the base price
would count it twice; it fits entitlements that are free or cheap (1:1
产权调换).

Several flats share one entitlement: the first flat listed uses it first.
The selection band and group restrictions are not checked here (a price is
shown for any candidate); :func:`allocation.explain.explain_household`
reports them, and the selection desk refuses flats outside them.

Settlement = compensation − price: positive is paid to the household,
negative is due from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal, Protocol

from allocation.errors import ValidationError
from allocation.money import Area, Factor, Price
from allocation.registry import Flat, Household, quantize_area, quantize_money
from allocation.rules.entitlement import Entitlement, EntitlementPolicy, compute_entitlement
from allocation.trace import PolicyProblem, TraceStep

ZERO = Decimal("0.00")
ONE = Decimal(1)


@dataclass(frozen=True, slots=True)
class Tier:
    """Area ``start``–``end`` m² above the entitlement, at ``price`` or ``factor`` × base price."""

    start: Area
    end: Area
    price: Price | None = None
    factor: Factor | None = None


@dataclass(frozen=True, slots=True)
class FloorCoefficient:
    """Floors ``first_floor``..``last_floor`` (inclusive) multiply a flat's prices by ``factor``."""

    first_floor: int
    last_floor: int
    factor: Factor


@dataclass(frozen=True, slots=True)
class PricingRules:
    """Prices per m²; ``None`` base price means each flat's own (房源表) base price."""

    base_price: Price | None = None
    tiers: tuple[Tier, ...] = ()
    beyond_cap_price: Price | None = None
    refund_price: Price | None = None
    floor_coefficients: tuple[FloorCoefficient, ...] = ()


@dataclass(frozen=True, slots=True)
class PriceLine:
    """One line of a price: ``code`` is within | tier | beyond_cap | refund."""

    code: str
    area: Decimal
    unit_price: Decimal
    amount: Decimal
    flat: str | None = None
    tier: int | None = None


@dataclass(frozen=True, slots=True)
class PriceBreakdown:
    """The price of a household's chosen flats, line by line."""

    lines: tuple[PriceLine, ...]
    total: Decimal
    area: Decimal
    entitlement: Decimal
    trace: tuple[TraceStep, ...]


@dataclass(frozen=True, slots=True)
class Settlement:
    """Compensation − price; ``direction`` says who pays whom."""

    compensation: Decimal
    price: Decimal
    balance: Decimal
    direction: Literal["to_household", "from_household", "none"]


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------


def check_pricing(rules: PricingRules, cap: Decimal, path: str) -> list[PolicyProblem]:
    """Tiers contiguous from 0 to the cap, each with one price; floor ranges disjoint."""
    problems = _check_tiers(rules.tiers, cap, f"{path}.tiers")
    return problems + _check_floors(rules.floor_coefficients, f"{path}.floor_coefficients")


def _check_tiers(tiers: tuple[Tier, ...], cap: Decimal, path: str) -> list[PolicyProblem]:
    problems: list[PolicyProblem] = []
    reached = ZERO
    for index, tier in enumerate(tiers):
        item = f"{path}[{index}]"
        if tier.end <= tier.start:
            params = {"start": str(tier.start), "end": str(tier.end)}
            problems.append(PolicyProblem(item, "empty_tier", params))
        if tier.start < reached:
            params = {"start": str(tier.start), "previous_end": str(reached)}
            problems.append(PolicyProblem(f"{item}.start", "tiers_overlap", params))
        elif tier.start > reached:
            params = {"start": str(tier.start), "expected": str(reached)}
            problems.append(PolicyProblem(f"{item}.start", "tiers_gap", params))
        if (tier.price is None) == (tier.factor is None):
            problems.append(PolicyProblem(item, "tier_price_ambiguous"))
        reached = max(reached, tier.end)
    ends = {"end": str(reached), "cap": str(cap)}
    if reached < cap:
        problems.append(PolicyProblem(path, "tiers_short_of_cap", ends))
    elif reached > cap:
        problems.append(PolicyProblem(path, "tier_beyond_cap", ends))
    return problems


def _check_floors(floors: tuple[FloorCoefficient, ...], path: str) -> list[PolicyProblem]:
    problems: list[PolicyProblem] = []
    for index, floor in enumerate(floors):
        if floor.first_floor > floor.last_floor:
            params: dict[str, object] = {"low": floor.first_floor, "high": floor.last_floor}
            problems.append(PolicyProblem(f"{path}[{index}]", "empty_floor_range", params))
        if floor.factor <= 0:
            params = {"value": str(floor.factor)}
            problems.append(PolicyProblem(f"{path}[{index}].factor", "non_positive_factor", params))
    order = sorted(range(len(floors)), key=lambda i: floors[i].first_floor)
    for before, after in zip(order, order[1:], strict=False):
        if floors[after].first_floor <= floors[before].last_floor:
            params = {"other": f"{path}[{before}]"}
            problems.append(PolicyProblem(f"{path}[{after}]", "floor_ranges_overlap", params))
    return problems


# ---------------------------------------------------------------------------
# Price
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Segment:
    code: str
    low: Decimal
    high: Decimal | None  # None: no upper end
    tier: int | None = None
    price: Decimal | None = None  # fixed unit price; None: factor × base price
    factor: Decimal = ONE


def floor_factor(rules: PricingRules, floor: int) -> Decimal:
    """The floor coefficient of ``floor`` (1 where the policy sets none)."""
    for coefficient in rules.floor_coefficients:
        if coefficient.first_floor <= floor <= coefficient.last_floor:
            return coefficient.factor
    return ONE


def flat_base_price(rules: PricingRules, flat: Flat) -> Decimal:
    """The base price of ``flat``: the policy's, or the flat's own (房源表) when it sets none."""
    return rules.base_price if rules.base_price is not None else flat.base_price


def adjusted_unit_price(rules: PricingRules, flat: Flat, price: Decimal) -> Decimal:
    """``price`` per m² adjusted for where ``flat`` is (its floor coefficient), to the fen.

    The one place where a flat's position changes its price: every priced
    line (:func:`price_flats`) and the unit value of a value swap
    (:func:`flat_unit_value`) go through it, so an adjustment added here
    reaches both.
    """
    return quantize_money(price * floor_factor(rules, flat.floor))


def flat_unit_value(rules: PricingRules, flat: Flat) -> Decimal:
    """What one m² of ``flat`` is worth (yuan/m², to the fen): its base price, adjusted.

    The unit price of the flat's area within an entitlement, with no tier:
    :mod:`allocation.rules.value_swap` values every m² of a flat at it.
    """
    return adjusted_unit_price(rules, flat, flat_base_price(rules, flat))


class PricingPolicy(EntitlementPolicy, Protocol):
    """What pricing reads of a policy (:class:`allocation.rules.policy.Policy` is one)."""

    @property
    def pricing(self) -> PricingRules: ...


def price_flats(
    household: Household,
    flats: Sequence[Flat],
    policy: PricingPolicy,
    on: date,
    *,
    entitlement: Entitlement | None = None,
) -> PriceBreakdown:
    """The price ``household`` pays for ``flats`` (one or several) under ``policy``.

    Steps:
        1. the entitlement E (computed on ``on`` unless given) and the total
           chosen area A;
        2. refuse A above E + cap unless the policy prices area beyond the cap;
        3. cut the flats, laid end to end in the order given, at E, at each
           tier boundary and at the cap; each piece is a line at its
           segment's unit price × the flat's floor coefficient;
        4. if A < E and the policy has a refund price, add a negative refund line;
        5. total = the sum of the (rounded) lines.

    Raises:
        ValidationError: ``no_flats``; ``area_beyond_cap`` (``household``,
            ``area``, ``max_area``).
    """
    if not flats:
        raise ValidationError("no_flats", household=household.code)
    ent = entitlement or compute_entitlement(household, policy, on)
    rules = policy.pricing
    total_area = quantize_area(sum((f.area for f in flats), ZERO))
    if total_area > ent.max_area and rules.beyond_cap_price is None:
        raise ValidationError("area_beyond_cap", household=household.code,
                              area=str(total_area), max_area=str(ent.max_area))
    segments = _segments(rules, ent.area, ent.max_area)
    lines: list[PriceLine] = []
    steps: list[TraceStep] = []
    cursor = ZERO
    for flat in flats:
        for line, step in _flat_lines(flat, cursor, segments, rules):
            lines.append(line)
            steps.append(step)
        cursor += flat.area
    refund = _refund(rules, ent.area, total_area)
    if refund is not None:
        lines.append(refund[0])
        steps.append(refund[1])
    total = sum((line.amount for line in lines), ZERO)
    steps.append(TraceStep("price.total", {"area": total_area, "entitlement": ent.area}, total))
    return PriceBreakdown(tuple(lines), total, total_area, ent.area, tuple(steps))


def _segments(rules: PricingRules, area: Decimal, max_area: Decimal) -> list[_Segment]:
    segments = [_Segment("within", ZERO, area)]
    for index, tier in enumerate(rules.tiers):
        segments.append(_Segment("tier", area + tier.start, area + tier.end, index,
                                 tier.price, tier.factor if tier.factor is not None else ONE))
    segments.append(_Segment("beyond_cap", max_area, None, price=rules.beyond_cap_price))
    return segments


def _flat_lines(
    flat: Flat, start: Decimal, segments: list[_Segment], rules: PricingRules
) -> list[tuple[PriceLine, TraceStep]]:
    """The pieces of ``flat``, which occupies ``start`` → ``start + area`` on the area scale."""
    end = start + flat.area
    base = flat_base_price(rules, flat)
    coefficient = floor_factor(rules, flat.floor)
    out: list[tuple[PriceLine, TraceStep]] = []
    for segment in segments:
        top = end if segment.high is None else min(end, segment.high)
        piece = top - max(start, segment.low)
        if piece <= 0:
            continue
        raw = segment.price if segment.price is not None else base * segment.factor
        unit = adjusted_unit_price(rules, flat, raw)
        amount = quantize_money(piece * unit)
        line = PriceLine(segment.code, piece, unit, amount, flat.key, segment.tier)
        inputs = {"code": segment.code, "tier": segment.tier, "flat": flat.key, "area": piece,
                  "base_price": base, "fixed_price": segment.price, "factor": segment.factor,
                  "floor": flat.floor, "floor_factor": coefficient, "unit_price": unit}
        out.append((line, TraceStep("price.line", inputs, amount)))
    return out


def _refund(
    rules: PricingRules, entitlement: Decimal, area: Decimal
) -> tuple[PriceLine, TraceStep] | None:
    if rules.refund_price is None or area >= entitlement:
        return None
    short = entitlement - area
    unit = quantize_money(rules.refund_price)
    amount = -quantize_money(short * unit)
    inputs = {"code": "refund", "entitlement": entitlement, "area": area, "short": short,
              "unit_price": unit}
    return PriceLine("refund", short, unit, amount), TraceStep("price.refund", inputs, amount)


def settle(compensation: Decimal, price: Decimal) -> Settlement:
    """Compensation − price, and who pays: positive to the household, negative from it."""
    balance = quantize_money(compensation - price)
    direction: Literal["to_household", "from_household", "none"] = (
        "to_household" if balance > 0 else "from_household" if balance < 0 else "none"
    )
    return Settlement(quantize_money(compensation), quantize_money(price), balance, direction)
