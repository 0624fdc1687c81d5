"""Value swap (价值互换): the old home's value, with subsidies, buys new flats' value.

Many cities settle the property exchange of Decree 590 Art. 21 by value
rather than by area. The value available is the assessed value with the
subsidies, items and allowance the section names
(:mod:`allocation.rules.assessed_value`). Each new flat is worth its counted
area (:func:`allocation.rules.pricing.counted_area`: building or inner area) ×
its unit value (:func:`allocation.rules.pricing.flat_unit_value`: the base
price with the flat's floor coefficient and whatever else the policy prices
a flat's position by; tiers do not apply — they price area beyond an
entitlement, and a value swap has none; nor do the single-flat bonus and the
round-up, which are area-mode prices of the same entitlement).

The household takes its flats in the order given while its value lasts:
each flat uses what is left of the value, up to the flat's own value. The
difference is settled in money (多退少补, :func:`~allocation.rules.pricing.settle`):
value left over is paid to the household, a flat not fully covered is paid
up by it. Rules found in real policies:

* ``last_flat_min_share``: a flat the value does not cover in full (the last
  one) may be taken only if what is left is at least this share of its
  value (0.5: half), else ``last_flat_share_too_small``. A flat taken when
  nothing is left is ``value_exhausted``, share or not;
* ``non_residential_layouts``: layouts that are not homes (商铺, 车库). The
  registry's flats carry no use, only a layout, so the policy names the
  layouts that are shops. They are exempt from the share rule (an office
  sells a shop to whoever pays the difference) but their value counts in
  the total like any flat's;
* ``alone_layouts``: layouts that may only be taken as the household's only
  flat (e.g. the smallest layout, 一室一厅, which policies keep for small
  households that take nothing else), else ``layout_taken_alone_only``.
  Named rather than found as "the least area offered", which would change
  with the stock and could not be printed in the notice before the stock is
  known.

The selection band and group restrictions are the desk's to check, as in
area mode (:func:`allocation.rules.explain.explain_household` reports them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from allocation.errors import ValidationError
from allocation.money import Factor
from allocation.registry import Flat, Household, quantize_area, quantize_money
from allocation.rules.assessed_value import Subsidy, check_basis
from allocation.rules.compensation import CompensationItem, TransitionAllowance
from allocation.rules.pricing import PriceLine, PricingRules, counted_areas, flat_unit_value
from allocation.trace import PolicyProblem, TraceStep, check_name

ZERO = Decimal("0.00")
ONE = Decimal(1)

#: The refusals of a value swap, each reported as a trace step by the explanation.
REFUSALS = frozenset({"value_exhausted", "last_flat_share_too_small", "layout_taken_alone_only"})


@dataclass(frozen=True, slots=True)
class ValueSwapRules:
    """The ``value_swap`` section: what the value is, and which flats it may buy."""

    subsidies: tuple[Subsidy, ...] = ()
    items: tuple[str, ...] = ()
    transition: bool = False
    last_flat_min_share: Factor | None = None
    alone_layouts: tuple[str, ...] = ()
    non_residential_layouts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FlatValue:
    """One flat against the value: ``available`` before it, ``used``, ``remaining`` after,
    and ``short``, the part of its value the household pays up (value − used)."""

    flat: str
    area: Decimal
    unit_value: Decimal
    value: Decimal
    available: Decimal
    used: Decimal
    remaining: Decimal
    short: Decimal


@dataclass(frozen=True, slots=True)
class ValueSwap:
    """The flats a household takes by value: one ``value`` line per flat, and their use."""

    lines: tuple[PriceLine, ...]
    flats: tuple[FlatValue, ...]
    available: Decimal
    total: Decimal
    area: Decimal
    trace: tuple[TraceStep, ...]


def check_value_swap(
    rules: ValueSwapRules | None, compensation: tuple[CompensationItem, ...],
    transition: TransitionAllowance | None, path: str = "value_swap",
) -> list[PolicyProblem]:
    """The shared keys (:func:`check_basis`), a share of at most 1, layout names present."""
    if rules is None:
        return []
    problems = check_basis(rules, compensation, transition, path)
    share = rules.last_flat_min_share
    if share is not None and share > ONE:
        problems.append(PolicyProblem(f"{path}.last_flat_min_share", "share_above_one",
                                      {"value": str(share)}))
    for key in ("alone_layouts", "non_residential_layouts"):
        seen: set[str] = set()
        for index, layout in enumerate(getattr(rules, key)):
            problems += check_name(layout, f"{path}.{key}[{index}]", seen)
    return problems


def swap_flats(
    household: Household, flats: Sequence[Flat], rules: ValueSwapRules, pricing: PricingRules,
    available: Decimal,
) -> ValueSwap:
    """The value of ``flats`` and how ``available`` (yuan) pays for them, in the order given.

    Steps:
        1. refuse no flats, or an alone-only layout among several flats;
        2. for each flat: value = area × unit value (to the fen); refuse it
           if nothing is left, or if what is left covers less than the share
           (unless it is non-residential); used = min(value, left);
        3. total = the sum of the flats' values.

    Raises:
        ValidationError: ``no_flats``; ``layout_taken_alone_only``
            (``household``, ``flat``, ``layout``); ``value_exhausted``
            (``household``, ``flat``, ``available``);
            ``last_flat_share_too_small`` (``household``, ``flat``,
            ``remaining``, ``value``, ``share``, ``minimum``).
    """
    steps: list[TraceStep] = []
    swap, refusal = walk_flats(household, flats, rules, pricing, available, steps)
    if refusal is not None:
        raise refusal
    assert swap is not None
    return swap


def walk_flats(
    household: Household, flats: Sequence[Flat], rules: ValueSwapRules, pricing: PricingRules,
    available: Decimal, steps: list[TraceStep],
) -> tuple[ValueSwap | None, ValidationError | None]:
    """:func:`swap_flats`, returning its refusal instead of raising it, with the steps so far.

    The explanation shows the flats valued before a refusal and then the
    refusal itself; ``steps`` receives them as they come.
    """
    if not flats:
        raise ValidationError("no_flats", household=household.code)
    if len(flats) > 1:
        for flat in flats:
            if flat.layout in rules.alone_layouts:
                return None, ValidationError("layout_taken_alone_only", household=household.code,
                                             flat=flat.key, layout=flat.layout)
    lines: list[PriceLine] = []
    uses: list[FlatValue] = []
    left = quantize_money(available)
    areas, counted = counted_areas(flats, pricing)
    steps += counted
    for flat, area in zip(flats, areas, strict=True):
        unit = flat_unit_value(pricing, flat)
        value = quantize_money(area * unit)
        refusal = _refusal(household, flat, rules, value, left, steps)
        if refusal is not None:
            return None, refusal
        used = min(value, left)
        use = FlatValue(flat.key, area, unit, value, left, used, left - used, value - used)
        left -= used
        lines.append(PriceLine("value", area, unit, value, flat.key))
        uses.append(use)
        steps.append(TraceStep("price.value", {
            "flat": flat.key, "layout": flat.layout, "area": area, "unit_value": unit,
            "available": use.available, "used": used, "remaining": use.remaining}, value))
        if use.short > 0:
            steps.append(TraceStep("price.value_short", {"flat": flat.key, "value": value,
                                                        "used": used}, use.short))
    total = sum((line.amount for line in lines), ZERO)
    area = quantize_area(sum(areas, ZERO))
    steps.append(TraceStep("price.value_total", {"area": area, "available": quantize_money(
        available)}, total))
    swap = ValueSwap(tuple(lines), tuple(uses), quantize_money(available), total, area,
                     tuple(steps))
    return swap, None


def _refusal(
    household: Household, flat: Flat, rules: ValueSwapRules, value: Decimal, left: Decimal,
    steps: list[TraceStep],
) -> ValidationError | None:
    """Why ``flat`` may not be taken with ``left`` yuan of value, or None (and its share step)."""
    if left <= 0:
        return ValidationError("value_exhausted", household=household.code, flat=flat.key,
                               available=str(left))
    share = rules.last_flat_min_share
    if left >= value or share is None:
        return None
    exempt = flat.layout in rules.non_residential_layouts
    minimum = quantize_money(value * share)
    inputs = {"flat": flat.key, "layout": flat.layout, "remaining": left, "value": value,
              "share": share, "minimum": minimum, "exempt": exempt}
    holds = exempt or left >= minimum
    steps.append(TraceStep("price.value_share_exempt" if exempt else "price.value_share",
                           inputs, holds))
    if holds:
        return None
    return ValidationError("last_flat_share_too_small", household=household.code, flat=flat.key,
                           remaining=str(left), value=str(value), share=str(share),
                           minimum=str(minimum))
