"""Price of the flats a household chooses (补差价, 多退少补), and its settlement.

The chosen flats are laid end to end, in the order given, along the
household's area scale, which is cut into segments:

* ``within``: 0 → entitlement, at the base price (the policy's
  ``base_price``, or each flat's own base price when the policy has none);
* ``tier`` *i*: entitlement + ``start`` → entitlement + ``end``, at the
  tier's ``price`` or ``factor`` × base price (e.g. the first 15 m² over at
  the base price, 15–30 m² at +50 %: factors 1 and 1.5). A tier with
  ``end_share_of_legal`` s ends sooner when the old home was small:
  at min(``end``, s × legal area) m² over the entitlement (超出部分不超过原合法
  面积10%的部分…), and the next tier starts where it really ended, so the
  tiers still cover 0 → cap end to end. The last tier, which must reach the
  cap, may not have one;
* ``beyond_cap``: above entitlement + cap, at ``beyond_cap_price`` (a market
  price), or refused (``area_beyond_cap``) when the policy has none.

Each piece of a flat is one line: area × unit price, where the unit price
adjusts the segment's price P for where the flat is::

    unit = round_fen(P × floor coefficient × orientation coefficient + floor increment)

* floor coefficient (楼层调节系数): a multiplier per floor range, 1 for
  floors without one;
* orientation coefficient (朝向系数): a multiplier per orientation, as the
  flat register writes it ("南北"), 1 for orientations without one;
* floor increment (楼层差价): yuan/m² added per floor range (negative takes
  off, e.g. −50 on floor 1), 0 for floors without one. It is added after
  the multipliers, because policies state it in yuan, not as a share of a
  price; an increment may make a unit price negative (a free 1:1 exchange
  that pays floor-1 households back 50 yuan/m²).

These apply to every piece of the flat (within the entitlement, in a tier,
beyond the cap) alike, since they describe the flat, not the household.
Unit prices are rounded to the fen first, then each line's amount, and the
total is the sum of the rounded lines, so the printed lines always add up.

When the chosen area is below the entitlement and the policy has a
``refund_price``, a ``refund`` line (negative) pays the difference back:
(entitlement − area) × refund price, without floor or orientation
coefficient or floor increment: no flat stands for it. It pays
for the unused right: where the entitlement is bought at the base price, a
m² not taken is already a m² not paid for, so a refund at the base price
would count it twice; it fits entitlements that are free or cheap (1:1
产权调换).

Several flats share one entitlement: the first flat listed uses it first.
A policy may limit how many flats one household takes (``max_flats`` of
the entitlement rules); more are refused (``too_many_flats``).
The selection band and group restrictions are not checked here (a price is
shown for any candidate); :func:`allocation.explain.explain_household`
reports them, and the selection desk refuses flats outside them.

Counted area (计价面积): every area above — the flats laid on the scale, the
total compared with the cap and the band — is each flat's
:func:`counted_area`: its building area (建筑面积), or under ``area_basis``
"inner" its inner area (套内建筑面积), or for a flat without one its area ×
(1 − ``shared_area_share``) (公摊 taken off), rounded half up to 0.01 m².

Round-up (就近上靠, ``round_up``): a household taking a single flat whose
counted area is over its entitlement by at most ``max_area`` m² pays the
whole excess at the round-up price (a ``round_up`` line; ``price``, or
``factor`` × base price, adjusted for the flat as every line is) instead
of the tiers; an excess over ``max_area``, or several flats, get the tiers.
``max_area`` is within the cap, so round-up never reaches area beyond it.

Single-flat bonus (单套奖励, ``single_flat_bonus``): a household taking
exactly one flat has the bonus taken off its price, a ``bonus`` line
(negative amount, area and unit price 0, no flat). Area mode only: a value
swap values flats and has neither the bonus nor the round-up.

Settlement = compensation − price: positive is paid to the household,
negative is due from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal, Protocol

from allocation.errors import ValidationError
from allocation.money import Amount, Area, Factor, Price, PriceChange
from allocation.registry import Flat, Household, quantize_area, quantize_money
from allocation.rules.entitlement import (
    LEFT_OUT_WHEN_DEFAULT as LEFT_OUT_WHEN_DEFAULT,  # named here as before, for compensation
)
from allocation.rules.entitlement import (
    Entitlement,
    EntitlementPolicy,
    compute_entitlement,
    flats_allowed,
)
from allocation.trace import PolicyProblem, TraceStep, check_name

ZERO = Decimal("0.00")
ONE = Decimal(1)
AreaBasis = Literal["building", "inner"]


@dataclass(frozen=True, slots=True)
class Tier:
    """Area ``start``–``end`` m² above the entitlement, at ``price`` or ``factor`` × base price."""

    start: Area
    end: Area
    price: Price | None = None
    factor: Factor | None = None
    end_share_of_legal: Factor | None = None


@dataclass(frozen=True, slots=True)
class FloorCoefficient:
    """Floors ``first_floor``..``last_floor`` (inclusive) multiply a flat's prices by ``factor``."""

    first_floor: int
    last_floor: int
    factor: Factor


@dataclass(frozen=True, slots=True)
class FloorIncrement:
    """Floors ``first_floor``..``last_floor`` (inclusive) add ``amount`` yuan/m² (may be < 0)."""

    first_floor: int
    last_floor: int
    amount: PriceChange


@dataclass(frozen=True, slots=True)
class OrientationCoefficient:
    """Flats whose orientation is written ``orientation`` multiply their prices by ``factor``."""

    orientation: str
    factor: Factor


@dataclass(frozen=True, slots=True)
class RoundUp:
    """就近上靠: one flat over the entitlement by at most ``max_area`` m² pays the whole
    excess at ``price`` or ``factor`` × base price (exactly one), instead of the tiers."""

    max_area: Area
    price: Price | None = None
    factor: Factor | None = None


@dataclass(frozen=True, slots=True)
class PricingRules:
    """Prices per m²; ``None`` base price means each flat's own (房源表) base price."""

    base_price: Price | None = None
    tiers: tuple[Tier, ...] = ()
    beyond_cap_price: Price | None = None
    refund_price: Price | None = None
    floor_coefficients: tuple[FloorCoefficient, ...] = ()
    floor_increments: tuple[FloorIncrement, ...] = ()
    orientation_coefficients: tuple[OrientationCoefficient, ...] = ()
    # Area basis, single-flat bonus and round-up (see the module text): later keys, left out
    # of the canonical form at their defaults so that policies frozen before keep their hash.
    area_basis: AreaBasis = field(default="building", metadata=LEFT_OUT_WHEN_DEFAULT)
    shared_area_share: Factor | None = field(default=None, metadata=LEFT_OUT_WHEN_DEFAULT)
    single_flat_bonus: Amount | None = field(default=None, metadata=LEFT_OUT_WHEN_DEFAULT)
    round_up: RoundUp | None = field(default=None, metadata=LEFT_OUT_WHEN_DEFAULT)


@dataclass(frozen=True, slots=True)
class PriceLine:
    """One line of a price: ``code`` is within | tier | round_up | beyond_cap | refund | bonus
    (``value`` in a value swap)."""

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
    """Tiers contiguous from 0 to the cap, each with one price; floor ranges disjoint,
    coefficients above zero, orientations named once."""
    problems = _check_tiers(rules.tiers, cap, f"{path}.tiers")
    problems += _check_floor_ranges(rules.floor_coefficients, f"{path}.floor_coefficients")
    problems += _check_floor_ranges(rules.floor_increments, f"{path}.floor_increments")
    for index, floor in enumerate(rules.floor_coefficients):
        problems += _check_positive(floor.factor, f"{path}.floor_coefficients[{index}].factor")
    seen: set[str] = set()
    for index, facing in enumerate(rules.orientation_coefficients):
        item = f"{path}.orientation_coefficients[{index}]"
        problems += check_name(facing.orientation, f"{item}.orientation", seen)
        problems += _check_positive(facing.factor, f"{item}.factor")
    problems += _check_area_basis(rules, f"{path}.shared_area_share")
    problems += _check_round_up(rules.round_up, cap, f"{path}.round_up")
    return problems


def _check_area_basis(rules: PricingRules, path: str) -> list[PolicyProblem]:
    """A shared-area share only under the inner basis, and below 1 (a flat all 公摊 is none)."""
    share = rules.shared_area_share
    if share is None:
        return []
    if rules.area_basis != "inner":
        return [PolicyProblem(path, "share_without_inner_basis")]
    return [] if share < 1 else [PolicyProblem(path, "share_not_below_one",
                                               {"value": str(share)})]


def _check_round_up(round_up: RoundUp | None, cap: Decimal, path: str) -> list[PolicyProblem]:
    """One price; a positive reach that stays within the cap (area past it is refused or
    bought at the market price, never rounded up to)."""
    if round_up is None:
        return []
    problems: list[PolicyProblem] = []
    if (round_up.price is None) == (round_up.factor is None):
        problems.append(PolicyProblem(path, "round_up_price_ambiguous"))
    if round_up.factor is not None:
        problems += _check_positive(round_up.factor, f"{path}.factor")
    if round_up.max_area <= 0:
        problems.append(PolicyProblem(f"{path}.max_area", "non_positive_round_up",
                                      {"value": str(round_up.max_area)}))
    elif round_up.max_area > cap:
        problems.append(PolicyProblem(f"{path}.max_area", "round_up_beyond_cap",
                                      {"max_area": str(round_up.max_area), "cap": str(cap)}))
    return problems


def _check_positive(factor: Decimal, path: str) -> list[PolicyProblem]:
    # A coefficient of 0 would give flats away: a typing error, not a rule.
    return [] if factor > 0 else [PolicyProblem(path, "non_positive_factor",
                                                {"value": str(factor)})]


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
        problems += _check_share(tier, index == len(tiers) - 1, f"{item}.end_share_of_legal")
        reached = max(reached, tier.end)
    ends = {"end": str(reached), "cap": str(cap)}
    if reached < cap:
        problems.append(PolicyProblem(path, "tiers_short_of_cap", ends))
    elif reached > cap:
        problems.append(PolicyProblem(path, "tier_beyond_cap", ends))
    return problems


def _check_share(tier: Tier, last: bool, path: str) -> list[PolicyProblem]:
    share = tier.end_share_of_legal
    if share is None:
        return []
    if last:
        # The last tier must reach the cap; ended sooner, area below the cap would be unpriced.
        return [PolicyProblem(path, "share_on_last_tier")]
    return [] if share > 0 else [PolicyProblem(path, "non_positive_share", {"value": str(share)})]


def _check_floor_ranges(
    floors: Sequence[FloorCoefficient | FloorIncrement], path: str
) -> list[PolicyProblem]:
    problems: list[PolicyProblem] = []
    for index, floor in enumerate(floors):
        if floor.first_floor > floor.last_floor:
            params: dict[str, object] = {"low": floor.first_floor, "high": floor.last_floor}
            problems.append(PolicyProblem(f"{path}[{index}]", "empty_floor_range", params))
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


def floor_increment(rules: PricingRules, floor: int) -> Decimal:
    """The yuan/m² that ``floor`` adds to a unit price (0 where the policy sets none)."""
    for increment in rules.floor_increments:
        if increment.first_floor <= floor <= increment.last_floor:
            return increment.amount
    return ZERO


def orientation_factor(rules: PricingRules, orientation: str) -> Decimal:
    """The coefficient of a flat facing ``orientation``, as written (1 where none is set)."""
    for coefficient in rules.orientation_coefficients:
        if coefficient.orientation == orientation:
            return coefficient.factor
    return ONE


def counted_area(flat: Flat, rules: PricingRules) -> Decimal:
    """The area of ``flat`` that prices and values count (计价面积), in m².

    The one place that says it: the price lines, a value swap's flat value,
    the band checks of the explanation, the draw's mechanisms
    (:class:`allocation.lottery.Eligibility`) and the selection desk all read it.
    Under ``area_basis`` "building" it is the building area (建筑面积); under
    "inner" the inner area (套内建筑面积), or, for a flat the register gives
    none, area × (1 − ``shared_area_share``) (公摊 taken off), rounded half up
    to 0.01 m².

    Raises:
        ValidationError: ``inner_area_missing`` (``flat``, ``path``) under
            "inner" for a flat without inner area when the policy has no share.
    """
    if rules.area_basis == "building":
        return flat.area
    if flat.inner_area is not None:
        return flat.inner_area
    if rules.shared_area_share is None:
        raise ValidationError("inner_area_missing", path="pricing.area_basis", flat=flat.key)
    return quantize_area(flat.area * (ONE - rules.shared_area_share))


def flat_base_price(rules: PricingRules, flat: Flat) -> Decimal:
    """The base price of ``flat``: the policy's, or the flat's own (房源表) when it sets none."""
    return rules.base_price if rules.base_price is not None else flat.base_price


def adjusted_unit_price(rules: PricingRules, flat: Flat, price: Decimal) -> Decimal:
    """``price`` per m² adjusted for where ``flat`` is, to the fen: × its floor coefficient ×
    its orientation coefficient + its floor increment.

    The one place where a flat's position changes its price: every priced
    line (:func:`price_flats`) and the unit value of a value swap
    (:func:`flat_unit_value`) go through it, so an adjustment added here
    reaches both.
    """
    return quantize_money(price * floor_factor(rules, flat.floor)
                          * orientation_factor(rules, flat.orientation)
                          + floor_increment(rules, flat.floor))


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
        1. the entitlement E (computed on ``on`` unless given); refuse more
           flats than the household may take (``max_flats``, one below
           ``several_flats_from``: :func:`flats_allowed`);
        2. the total chosen area A;
        3. refuse A above E + cap unless the policy prices area beyond the cap;
        4. tier ends stated as a share of the legal area, each a trace step;
        5. a single flat over E by at most the round-up's ``max_area``: the
           excess is one round-up segment instead of the tiers (a step says
           whether it applied and why);
        6. cut the flats, laid end to end in the order given, at E, at each
           tier boundary and at the cap; each piece is a line at its
           segment's price adjusted for the flat's floor and orientation
           (see the module docstring);
        7. if A < E and the policy has a refund price, add a negative refund
           line; one flat and a single-flat bonus: a negative bonus line;
        8. total = the sum of the (rounded) lines.

    A is the sum of the flats' :func:`counted_area` (step 2).

    Raises:
        ValidationError: ``no_flats``; ``too_many_flats`` (``household``,
            ``count``, ``max_flats``); ``area_beyond_cap`` (``household``,
            ``area``, ``max_area``); ``inner_area_missing`` (``flat``).
    """
    if not flats:
        raise ValidationError("no_flats", household=household.code)
    ent = entitlement or compute_entitlement(household, policy, on)
    most = flats_allowed(policy.entitlement, ent.area)
    if most is not None and len(flats) > most:
        raise ValidationError("too_many_flats", household=household.code, count=len(flats),
                              max_flats=most)
    rules = policy.pricing
    areas, steps = counted_areas(flats, rules)
    total_area = quantize_area(sum(areas, ZERO))
    if total_area > ent.max_area and rules.beyond_cap_price is None:
        raise ValidationError("area_beyond_cap", household=household.code,
                              area=str(total_area), max_area=str(ent.max_area))
    segments, limits = _segments(rules, ent.area, ent.max_area, household.legal_area)
    steps += limits
    rounded = _round_up(rules, ent.area, total_area, len(flats))
    if rounded is not None:
        steps.append(rounded[1])
        if rounded[0] is not None:
            segments = [segments[0], rounded[0]]
    lines: list[PriceLine] = []
    cursor = ZERO
    for flat, area in zip(flats, areas, strict=True):
        for line, step in _flat_lines(flat, area, cursor, segments, rules):
            lines.append(line)
            steps.append(step)
        cursor += area
    for extra in (_refund(rules, ent.area, total_area), _bonus(rules, len(flats))):
        if extra is not None:
            lines.append(extra[0])
            steps.append(extra[1])
    total = sum((line.amount for line in lines), ZERO)
    steps.append(TraceStep("price.total", {"area": total_area, "entitlement": ent.area}, total))
    return PriceBreakdown(tuple(lines), total, total_area, ent.area, tuple(steps))


def _segments(
    rules: PricingRules, area: Decimal, max_area: Decimal, legal_area: Decimal
) -> tuple[list[_Segment], list[TraceStep]]:
    """The segments of the area scale, and a trace step for each tier ended by a share.

    Each tier starts where the one before really ended (``reached``), which
    is its ``start`` unless a share of the legal area ended that one sooner.
    ``reached`` never falls and the last tier ends at its ``end``, the cap,
    so the tiers cover 0 → cap with neither gap nor overlap.
    """
    segments = [_Segment("within", ZERO, area)]
    steps: list[TraceStep] = []
    reached = ZERO
    for index, tier in enumerate(rules.tiers):
        end = tier.end
        if tier.end_share_of_legal is not None:
            limit = quantize_area(legal_area * tier.end_share_of_legal)
            end = max(reached, min(tier.end, limit))
            inputs = {"tier": index, "end": tier.end, "share": tier.end_share_of_legal,
                      "legal_area": legal_area, "limit": limit}
            steps.append(TraceStep("price.tier_limit", inputs, end))
        segments.append(_Segment("tier", area + reached, area + end, index,
                                 tier.price, tier.factor if tier.factor is not None else ONE))
        reached = end
    segments.append(_Segment("beyond_cap", max_area, None, price=rules.beyond_cap_price))
    return segments, steps


def counted_areas(
    flats: Sequence[Flat], rules: PricingRules
) -> tuple[list[Decimal], list[TraceStep]]:
    """:func:`counted_area` of each flat, and, off the building basis, a step for each."""
    areas = [counted_area(flat, rules) for flat in flats]
    if rules.area_basis == "building":
        return areas, []
    steps = [TraceStep("price.counted_area", {
        "flat": flat.key, "building_area": flat.area, "inner_area": flat.inner_area,
        "share": rules.shared_area_share}, area) for flat, area in zip(flats, areas, strict=True)]
    return areas, steps


def _round_up(
    rules: PricingRules, entitlement: Decimal, area: Decimal, count: int
) -> tuple[_Segment | None, TraceStep] | None:
    """The round-up segment (entitlement → no end) when it applies, and the step saying
    whether it did and why; None when the policy has none or the area is not over."""
    round_up = rules.round_up
    if round_up is None or area <= entitlement:
        return None
    excess = area - entitlement
    applies = count == 1 and excess <= round_up.max_area
    inputs = {"excess": excess, "max_area": round_up.max_area, "count": count,
              "fixed_price": round_up.price, "factor": round_up.factor}
    step = TraceStep("price.round_up", inputs, applies)
    if not applies:
        return None, step
    factor = round_up.factor if round_up.factor is not None else ONE
    return _Segment("round_up", entitlement, None, price=round_up.price, factor=factor), step


def _bonus(rules: PricingRules, count: int) -> tuple[PriceLine, TraceStep] | None:
    """单套奖励: a household taking exactly one flat has ``single_flat_bonus`` taken off."""
    bonus = rules.single_flat_bonus
    if bonus is None or count != 1:
        return None
    amount = -quantize_money(bonus)
    line = PriceLine("bonus", ZERO, ZERO, amount)
    return line, TraceStep("price.bonus", {"code": "bonus", "bonus": bonus}, amount)


def _flat_lines(
    flat: Flat, area: Decimal, start: Decimal, segments: list[_Segment], rules: PricingRules
) -> list[tuple[PriceLine, TraceStep]]:
    """The pieces of ``flat``, whose counted ``area`` occupies ``start`` → ``start + area``
    on the area scale."""
    end = start + area
    base = flat_base_price(rules, flat)
    coefficient = floor_factor(rules, flat.floor)
    facing = orientation_factor(rules, flat.orientation)
    increment = floor_increment(rules, flat.floor)
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
                  "floor": flat.floor, "floor_factor": coefficient,
                  "orientation": flat.orientation, "orientation_factor": facing,
                  "floor_increment": increment, "unit_price": unit}
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
