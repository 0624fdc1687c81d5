"""Allocation mechanisms on top of the final order: order only, serial choice, 摇号定房.

Every mechanism takes the same :class:`AllocationInput` (the final order of
the draw, each household's :class:`Eligibility`, the housing stock) and
returns an :class:`Allocation`, which
:func:`allocation.lottery.assignment_check.check_allocation` verifies without using
this module's code.

Rules shared by all mechanisms:

* one flat per household;
* only flats whose status is ``available`` are allocatable;
* a flat is *eligible* for a household when its group restriction allows it
  and its counted area (:func:`allocation.rules.counted_area`: the building
  area, or the inner area under a policy that counts it) lies within the
  household's entitlement band (bounds included);
* the *stock order* of flats is building, unit, floor, number, where a name
  made only of ASCII digits compares as a number (building ``"2"`` before
  ``"10"``) and comes before any other name. It is the order of the
  published flat list, breaks ties when a layout is chosen, and numbers the
  flats for the flat draw.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Final

from allocation.errors import ValidationError
from allocation.lottery.rfc3797 import DEFAULT_METHOD, draw_from_key
from allocation.registry import Flat, FlatStatus, Household
from allocation.rules import (
    AreaBand,
    FlatRestriction,
    PricingRules,
    assign_group,
    compute_entitlement,
    counted_area,
    flat_allowed,
    group_restriction,
)
from allocation.trace import TraceStep

if TYPE_CHECKING:
    from allocation.rules import Policy

ORDER_ONLY: Final = "order_only"
SERIAL_CHOICE: Final = "serial_choice"
LOTTERY_ASSIGNMENT: Final = "lottery_assignment"

#: The flat draw's key is the household draw's key K followed by this source
#: string, i.e. the announced sources plus one more text source, ``FLATS``.
FLAT_DRAW_SUFFIX: Final = "FLATS./"

# Reasons a household ends without a flat.
NO_PREFERENCES: Final = "no_preferences"
PREFERENCES_EXHAUSTED: Final = "preferences_exhausted"
NO_ELIGIBLE_FLAT: Final = "no_eligible_flat"
NO_ELIGIBLE_FLAT_LEFT: Final = "no_eligible_flat_left"
NO_LAYOUT_CHOSEN: Final = "no_layout_chosen"

# Reasons a preference item is skipped.
UNKNOWN_ITEM: Final = "unknown_item"
FLAT_NOT_AVAILABLE: Final = "flat_not_available"
FLAT_NOT_ELIGIBLE: Final = "flat_not_eligible"
FLAT_TAKEN: Final = "flat_taken"
LAYOUT_NOT_ELIGIBLE: Final = "layout_not_eligible"
LAYOUT_TAKEN: Final = "layout_taken"


@dataclass(frozen=True, slots=True)
class Eligibility:
    """What one household may take: its entitlement band and its group's flat restriction.

    ``pricing`` is the policy's price rules, of which the band check reads the area basis
    (a flat's counted area against the band); the default counts building areas.
    """

    code: str
    band: AreaBand
    group_rank: int
    group_name: str
    restriction: FlatRestriction | None
    pricing: PricingRules = PricingRules()

    def allows(self, flat: Flat) -> bool:
        """Whether ``flat`` is eligible (its status is not looked at).

        Raises:
            ValidationError: ``inner_area_missing`` (:func:`counted_area`).
        """
        return (flat_allowed(self.restriction, flat)
                and self.band.contains(counted_area(flat, self.pricing)))


@dataclass(frozen=True, slots=True)
class AllocationInput:
    """A validated round: final order, eligibility of each household in it, the stock."""

    order: tuple[str, ...]
    eligibility: Mapping[str, Eligibility]
    flats: tuple[Flat, ...]


@dataclass(frozen=True, slots=True)
class Assignment:
    """One household's flat and why.

    ``rank`` is, for serial choice, the 1-based rank of the preference item
    that gave the flat (``item`` is that item); for a lottery assignment,
    the flat's 1-based place in the flat draw (``item`` is the household's
    class: its chosen layout, or ``""`` for its whole band).
    """

    code: str
    flat_key: str
    rank: int
    item: str = ""


@dataclass(frozen=True, slots=True)
class Unassigned:
    """A household in the order that got no flat, with a reason code."""

    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class Allocation:
    """The result of a mechanism; ``steps`` is its trace, in the order things happened."""

    mechanism: str
    order: tuple[str, ...]
    assignments: tuple[Assignment, ...] = ()
    unassigned: tuple[Unassigned, ...] = ()
    steps: tuple[TraceStep, ...] = ()
    flat_draw: tuple[str, ...] = ()

    def flat_of(self, code: str) -> str | None:
        """The key of the flat assigned to ``code``, if any."""
        return next((a.flat_key for a in self.assignments if a.code == code), None)


# --- inputs ----------------------------------------------------------------


def eligibility_of(household: Household, policy: Policy, on: date) -> Eligibility:
    """The :class:`Eligibility` of ``household`` under ``policy`` on ``on``."""
    band = compute_entitlement(household, policy, on).band
    group = assign_group(household, policy, on)
    restriction = group_restriction(policy, group.rank)
    return Eligibility(household.code, band, group.rank, group.name, restriction,
                       policy.pricing)


def prepare_input(
    order: Sequence[str],
    households: Mapping[str, Household],
    flats: Iterable[Flat],
    policy: Policy,
    on: date,
) -> AllocationInput:
    """Validate a round and compute each ordered household's eligibility once.

    Raises:
        ValidationError: ``order_duplicate_code``, ``order_unknown_household``,
            ``duplicate_flat_key``.
    """
    check_order(order, households)
    stock = tuple(flats)
    seen: set[str] = set()
    for flat in stock:
        if flat.key in seen:
            raise ValidationError("duplicate_flat_key", flat=flat.key)
        seen.add(flat.key)
    eligibility = {code: eligibility_of(households[code], policy, on) for code in order}
    return AllocationInput(tuple(order), eligibility, stock)


def check_order(order: Sequence[str], known: Mapping[str, object]) -> None:
    """Refuse an order naming a household twice or one not in ``known``, with its place."""
    seen: set[str] = set()
    for place, code in enumerate(order, start=1):
        if code in seen:
            raise ValidationError("order_duplicate_code", code=code, place=place)
        if code not in known:
            raise ValidationError("order_unknown_household", code=code, place=place)
        seen.add(code)


def _check_codes(codes: Iterable[str], order: Sequence[str], error: str) -> None:
    known = set(order)
    for code in codes:
        if code not in known:
            raise ValidationError(error, code=code)


def stock_key(flat: Flat) -> tuple[tuple[int, int, str], ...]:
    """Sort key of the stock order (see the module docstring)."""
    return (_natural(flat.building), _natural(flat.unit), (0, flat.floor, ""),
            _natural(flat.number))


def _natural(name: str) -> tuple[int, int, str]:
    # str.isdigit alone would accept "²" and other digits int() refuses.
    if name.isascii() and name.isdigit():
        return (0, int(name), name)
    return (1, 0, name)


def allocatable(flats: Iterable[Flat]) -> list[Flat]:
    """The available flats, in stock order."""
    return sorted((f for f in flats if f.status is FlatStatus.AVAILABLE), key=stock_key)


def eligible_flats(eligibility: Eligibility, flats: Iterable[Flat]) -> list[Flat]:
    """The flats of ``flats`` that ``eligibility`` allows, in the given order.

    Each is a whole allocation on its own: these mechanisms give a household
    one flat, never a combination whose total area lies in the band.
    """
    return [flat for flat in flats if eligibility.allows(flat)]


def _allocation(
    mechanism: str,
    order: tuple[str, ...],
    picks: Sequence[Assignment | Unassigned],
    steps: Sequence[TraceStep],
    flat_draw: tuple[str, ...] = (),
) -> Allocation:
    assignments = tuple(p for p in picks if isinstance(p, Assignment))
    unassigned = tuple(p for p in picks if isinstance(p, Unassigned))
    return Allocation(mechanism, order, assignments, unassigned, tuple(steps), flat_draw)


# --- order only --------------------------------------------------------------


def order_only(inputs: AllocationInput) -> Allocation:
    """The final order as the calling order of the selection session; no flat is assigned.

    Steps:
        1. take the validated final order as it is;
        2. for each household, in order, record its place and how many
           allocatable flats are eligible for it before anyone chooses
           (a hint for the session: 0 means it will find nothing).
    """
    stock = allocatable(inputs.flats)
    steps = tuple(
        TraceStep("order_only.call", {"code": code, "place": place},
                  len(eligible_flats(inputs.eligibility[code], stock)))
        for place, code in enumerate(inputs.order, start=1)
    )
    return Allocation(ORDER_ONLY, inputs.order, steps=steps)


# --- serial choice -----------------------------------------------------------


def serial_choice(
    inputs: AllocationInput, preferences: Mapping[str, Sequence[str]]
) -> Allocation:
    """Each household in order gets its best-ranked preference still free and eligible.

    ``preferences[code]`` ranks items, best first. An item is a flat key
    (``"1-2-301"``) if any flat of the stock has that key, else a layout
    (``"3室2厅1卫"``) meaning "any eligible flat of that layout".

    Steps:
        1. the allocatable flats are the available ones, in stock order;
        2. for each household in the final order, walk its items best first:
           a. a flat key: skip it if the flat is not available, not eligible
              for the household, or taken earlier in this run; else assign it;
           b. a layout: among the allocatable flats of that layout that are
              eligible, skip if there are none (``layout_not_eligible``) or
              all are taken (``layout_taken``); else assign the first free
              one in stock order;
           c. anything else: skip (``unknown_item``);
        3. a household with no items is unassigned (``no_preferences``); one
           whose items were all skipped, ``preferences_exhausted``.

    Every skip and assignment is a trace step with its reason.

    Raises:
        ValidationError: ``preferences_unknown_household`` for a code not in
            the order.
    """
    _check_codes(preferences, inputs.order, "preferences_unknown_household")
    chooser = _SerialChooser(inputs.flats)
    picks = [chooser.choose(inputs.eligibility[code], tuple(preferences.get(code, ())))
             for code in inputs.order]
    return _allocation(SERIAL_CHOICE, inputs.order, picks, chooser.steps)


class _SerialChooser:
    """The state of a serial-choice run: which flats are taken, and the trace so far."""

    def __init__(self, flats: Iterable[Flat]) -> None:
        stock = list(flats)
        self.by_key = {flat.key: flat for flat in stock}
        self.by_layout: dict[str, list[Flat]] = {}
        for flat in allocatable(stock):
            self.by_layout.setdefault(flat.layout, []).append(flat)
        self.taken: set[str] = set()
        self.steps: list[TraceStep] = []

    def choose(self, who: Eligibility, items: Sequence[str]) -> Assignment | Unassigned:
        """Assign ``who`` its first item that yields a flat, or say why none did."""
        for rank, item in enumerate(items, start=1):
            flat, reason = self._resolve(who, item)
            inputs = {"code": who.code, "rank": rank, "item": item}
            if flat is None:
                self.steps.append(TraceStep("serial_choice.skip", inputs, reason))
                continue
            self.taken.add(flat.key)
            self.steps.append(TraceStep("serial_choice.assign", inputs, flat.key))
            return Assignment(who.code, flat.key, rank, item)
        reason = PREFERENCES_EXHAUSTED if items else NO_PREFERENCES
        self.steps.append(TraceStep("serial_choice.unassigned", {"code": who.code}, reason))
        return Unassigned(who.code, reason)

    def _resolve(self, who: Eligibility, item: str) -> tuple[Flat | None, str]:
        """The flat ``item`` gives ``who`` now, or ``None`` and the skip reason."""
        flat = self.by_key.get(item)
        if flat is not None:
            if flat.status is not FlatStatus.AVAILABLE:
                return None, FLAT_NOT_AVAILABLE
            if not who.allows(flat):
                return None, FLAT_NOT_ELIGIBLE
            return (None, FLAT_TAKEN) if flat.key in self.taken else (flat, "")
        if item not in self.by_layout:
            return None, UNKNOWN_ITEM
        candidates = eligible_flats(who, self.by_layout[item])
        if not candidates:
            return None, LAYOUT_NOT_ELIGIBLE
        free = next((f for f in candidates if f.key not in self.taken), None)
        return (None, LAYOUT_TAKEN) if free is None else (free, "")


# --- lottery assignment (摇号定房) ---------------------------------------------


def flat_draw_key(key: str) -> str:
    """The key string of the flat draw, from the household draw's key string K."""
    return key + FLAT_DRAW_SUFFIX


def lottery_assignment(
    inputs: AllocationInput,
    *,
    key: str,
    method: str = DEFAULT_METHOD,
    layouts: Mapping[str, str] | None = None,
) -> Allocation:
    """摇号定房: a public lottery, not the household, decides which eligible flat it gets.

    A household's *class* is the layout it applied for (``layouts[code]``),
    or, when ``layouts`` is ``None``, its whole entitlement band: its
    *candidates* are the allocatable flats eligible for it (and of that
    layout). Households of one class with the same restriction share their
    candidates, so within a class the households, in final order, receive
    the class's flats in drawn order.

    Steps:
        1. number the allocatable flats 1..F in stock order (the published
           flat list);
        2. draw them with RFC 3797 (:func:`allocation.lottery.rfc3797.draw_from_key`,
           ``method``) from the key ``K + "FLATS./"``, where K is the
           household draw's key string: the same announced sources plus one
           more text source, ``FLATS``, so that the flat order is not the
           household order replayed and anyone can re-run it;
        3. for each household in the final order, assign the candidate flat
           drawn earliest among those not yet assigned;
        4. a household with no candidate at all is unassigned
           (``no_eligible_flat``); one whose candidates were all taken,
           ``no_eligible_flat_left``; with ``layouts`` given, one not in it,
           ``no_layout_chosen``.

    Raises:
        ValidationError: ``layouts_unknown_household``, or any error of the
            draw (``key_invalid``, ``pool_too_large_for_method``, ...).
    """
    if layouts is not None:
        _check_codes(layouts, inputs.order, "layouts_unknown_household")
    drawn = _draw_flats(allocatable(inputs.flats), key, method)
    draw_step = TraceStep("lottery_assignment.draw",
                          {"key": flat_draw_key(key), "method": method, "flats": len(drawn)},
                          tuple(f.key for f in drawn))
    steps = [draw_step]
    taken: set[str] = set()
    picks: list[Assignment | Unassigned] = []
    for code in inputs.order:
        pick = _lottery_pick(inputs.eligibility[code], drawn, taken, layouts)
        if isinstance(pick, Assignment):
            taken.add(pick.flat_key)
            facts = {"code": code, "class": pick.item, "draw_place": pick.rank}
            steps.append(TraceStep("lottery_assignment.assign", facts, pick.flat_key))
        else:
            steps.append(TraceStep("lottery_assignment.unassigned", {"code": code}, pick.reason))
        picks.append(pick)
    return _allocation(LOTTERY_ASSIGNMENT, inputs.order, picks, steps, draw_step.result)


def _draw_flats(stock: list[Flat], key: str, method: str) -> list[Flat]:
    """The allocatable flats in drawn order (none: no draw, nothing to order)."""
    if not stock:
        return []
    run = draw_from_key(len(stock), flat_draw_key(key), method, steps=False)
    return [stock[position - 1] for position in run.order]


def _lottery_pick(
    who: Eligibility, drawn: Sequence[Flat], taken: set[str], layouts: Mapping[str, str] | None
) -> Assignment | Unassigned:
    if layouts is not None and who.code not in layouts:
        return Unassigned(who.code, NO_LAYOUT_CHOSEN)
    layout = None if layouts is None else layouts[who.code]
    any_candidate = False
    for place, flat in enumerate(drawn, start=1):
        if (layout is None or flat.layout == layout) and who.allows(flat):
            any_candidate = True
            if flat.key not in taken:
                return Assignment(who.code, flat.key, place, layout or "")
    return Unassigned(who.code, NO_ELIGIBLE_FLAT_LEFT if any_candidate else NO_ELIGIBLE_FLAT)
