"""An independent check of an allocation: no flat twice, eligibility, the order respected.

Written apart from :mod:`allocation.lottery.mechanisms` on purpose: it re-derives,
from the inputs and the result alone, what each household could still have
had when its turn came, using only the basic predicates (the entitlement
band, the group restriction) and the public lottery. A bug in a mechanism
then shows up as a disagreement instead of being repeated here. Only the
published constants (mechanism names, reason codes, the flat draw's key
suffix) are shared.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from allocation.errors import ValidationError
from allocation.lottery import mechanisms as m
from allocation.lottery.rfc3797 import DEFAULT_METHOD, draw_from_key
from allocation.registry import Flat, FlatStatus
from allocation.rules import counted_area, flat_allowed


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken property of an allocation: a code and the facts that show it."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


def check_allocation(
    allocation: m.Allocation,
    order: Sequence[str],
    eligibility: Mapping[str, m.Eligibility],
    flats: Sequence[Flat],
    *,
    preferences: Mapping[str, Sequence[str]] | None = None,
    key: str | None = None,
    method: str = DEFAULT_METHOD,
    layouts: Mapping[str, str] | None = None,
) -> list[Violation]:
    """Every violation found in ``allocation`` (an empty list: it is sound).

    Args:
        allocation: the result to check.
        order, eligibility, flats: the round's inputs, as given to the mechanism.
        preferences: needed for a serial choice.
        key, method, layouts: needed for a lottery assignment (``key`` is the
            household draw's key string K, as given to the mechanism).

    Steps:
        1. the result carries the given order;
        2. every household of the result is in the order and appears once;
           for the assigning mechanisms every household of the order appears;
        3. no flat is assigned twice; each assigned flat exists, is
           available, is allowed by the household's group restriction and
           lies within its band;
        4. order respected, walking the order with the flats of earlier
           households taken:
           order only: nothing assigned, nobody unassigned;
           serial choice: the first preference item that still had a free
           eligible flat gave the household's flat, and a household is
           unassigned (with the right reason) only if no item had one;
           lottery: the household got, among its free candidates, the flat
           the re-run flat draw placed first, and is unassigned (with the
           right reason) only if it had no free candidate.

    Raises:
        ValidationError: ``check_needs_preferences`` or ``check_needs_key``
            when the mechanism's own input is missing.
    """
    found: list[Violation] = []
    if tuple(allocation.order) != tuple(order):
        found.append(Violation("order_changed", {"expected": tuple(order)}))
    found += _check_households(allocation, order)
    found += _check_flats(allocation, eligibility, {f.key: f for f in flats})
    found += _check_mechanism(allocation, order, eligibility, flats,
                              preferences=preferences, key=key, method=method, layouts=layouts)
    return found


def _check_households(allocation: m.Allocation, order: Sequence[str]) -> list[Violation]:
    codes = [a.code for a in allocation.assignments] + [u.code for u in allocation.unassigned]
    counts = Counter(codes)
    known = set(order)
    found = [Violation("household_twice", {"code": c}) for c, n in counts.items() if n > 1]
    found += [Violation("unknown_household", {"code": c}) for c in counts if c not in known]
    if allocation.mechanism == m.ORDER_ONLY:
        found += [Violation("order_only_assigned", {"code": c}) for c in counts]
    else:
        found += [Violation("household_missing", {"code": c}) for c in order if c not in counts]
    return found


def _check_flats(
    allocation: m.Allocation, eligibility: Mapping[str, m.Eligibility], by_key: Mapping[str, Flat]
) -> list[Violation]:
    counts = Counter(a.flat_key for a in allocation.assignments)
    found = [Violation("flat_twice", {"flat": k, "times": n}) for k, n in counts.items() if n > 1]
    for assignment in allocation.assignments:
        flat = by_key.get(assignment.flat_key)
        who = eligibility.get(assignment.code)
        params = {"code": assignment.code, "flat": assignment.flat_key}
        if flat is None:
            found.append(Violation("unknown_flat", params))
            continue
        if flat.status is not FlatStatus.AVAILABLE:
            found.append(Violation("flat_not_available", {**params, "status": flat.status.value}))
        if who is not None and not flat_allowed(who.restriction, flat):
            found.append(Violation("flat_restricted", {**params, "group": who.group_name}))
        area = counted_area(flat, who.pricing) if who is not None else None
        if who is not None and area is not None and not who.band.contains(area):
            band = (who.band.low, who.band.high)
            found.append(Violation("flat_outside_band", {**params, "area": area, "band": band}))
    return found


def _check_mechanism(
    allocation: m.Allocation,
    order: Sequence[str],
    eligibility: Mapping[str, m.Eligibility],
    flats: Sequence[Flat],
    **inputs: Any,
) -> list[Violation]:
    if allocation.mechanism == m.ORDER_ONLY:
        return []  # nothing assigned: step 2 already said so if not
    walk = _Walk(allocation, eligibility, flats)
    if allocation.mechanism == m.SERIAL_CHOICE:
        if inputs["preferences"] is None:
            raise ValidationError("check_needs_preferences")
        return walk.serial(order, inputs["preferences"])
    if allocation.mechanism == m.LOTTERY_ASSIGNMENT:
        if inputs["key"] is None:
            raise ValidationError("check_needs_key")
        drawn = _drawn(walk.available, inputs["key"], inputs["method"])
        return walk.lottery(order, drawn, inputs["layouts"])
    return [Violation("unknown_mechanism", {"mechanism": allocation.mechanism})]


def _drawn(available: Iterable[Flat], key: str, method: str) -> list[Flat]:
    """The available flats in the order the public flat draw gives them."""
    # The published flat list, re-sorted here rather than imported (see module docstring).
    stock = sorted(available, key=lambda f: (
        _number_first(f.building), _number_first(f.unit), f.floor, _number_first(f.number)))
    if not stock:
        return []
    run = draw_from_key(len(stock), key + m.FLAT_DRAW_SUFFIX, method, steps=False)
    return [stock[p - 1] for p in run.order]


def _number_first(name: str) -> tuple[int, int, str]:
    if name.isascii() and name.isdigit():
        return (0, int(name), name)
    return (1, 0, name)


class _Walk:
    """The order walked once: each household's flat from the result, the flats taken so far."""

    def __init__(
        self, allocation: m.Allocation, eligibility: Mapping[str, m.Eligibility],
        flats: Sequence[Flat],
    ) -> None:
        self.got: dict[str, str] = {}
        for assignment in allocation.assignments:
            self.got.setdefault(assignment.code, assignment.flat_key)
        self.reasons = {u.code: u.reason for u in allocation.unassigned}
        self.eligibility = eligibility
        self.by_key = {f.key: f for f in flats}
        self.available = [f for f in flats if f.status is FlatStatus.AVAILABLE]
        self.taken: set[str] = set()

    def _free(self, code: str, flat: Flat) -> bool:
        """``flat`` is available, eligible for ``code`` and not taken by an earlier household."""
        who = self.eligibility[code]
        return (flat.status is FlatStatus.AVAILABLE and flat.key not in self.taken
                and flat_allowed(who.restriction, flat)
                and who.band.contains(counted_area(flat, who.pricing)))

    def _options(self, code: str, item: str) -> set[str]:
        """The flats ``item`` could still give ``code`` (a flat key wins over a layout)."""
        flat = self.by_key.get(item)
        if flat is not None:
            return {flat.key} if self._free(code, flat) else set()
        return {f.key for f in self.available if f.layout == item and self._free(code, f)}

    def serial(
        self, order: Sequence[str], preferences: Mapping[str, Sequence[str]]
    ) -> list[Violation]:
        found: list[Violation] = []
        for code in order:
            items = tuple(preferences.get(code, ()))
            first = next(((rank, item, options) for rank, item in enumerate(items, start=1)
                          if (options := self._options(code, item))), None)
            if first is None:
                reason = m.PREFERENCES_EXHAUSTED if items else m.NO_PREFERENCES
                found += self._expect_none(code, reason)
            else:
                found += self._expect_one_of(code, first[2], {"rank": first[0],
                                                               "item": first[1]})
            self._take(code)
        return found

    def lottery(
        self, order: Sequence[str], drawn: Sequence[Flat], layouts: Mapping[str, str] | None
    ) -> list[Violation]:
        found: list[Violation] = []
        for code in order:
            if layouts is not None and code not in layouts:
                found += self._expect_none(code, m.NO_LAYOUT_CHOSEN)
                self._take(code)
                continue
            candidates = [f for f in drawn
                          if (layouts is None or f.layout == layouts[code])
                          and flat_allowed(self.eligibility[code].restriction, f)
                          and self.eligibility[code].band.contains(
                              counted_area(f, self.eligibility[code].pricing))]
            free = next((f for f in candidates if f.key not in self.taken), None)
            if free is None:
                reason = m.NO_ELIGIBLE_FLAT_LEFT if candidates else m.NO_ELIGIBLE_FLAT
                found += self._expect_none(code, reason)
            else:
                found += self._expect_one_of(code, {free.key}, {"drawn_first": free.key})
            self._take(code)
        return found

    def _expect_none(self, code: str, reason: str) -> list[Violation]:
        got = self.got.get(code)
        if got is not None:
            return [Violation("assigned_without_option", {"code": code, "flat": got})]
        actual = self.reasons.get(code)
        if actual is not None and actual != reason:
            params = {"code": code, "reason": actual, "expected": reason}
            return [Violation("unassigned_reason_wrong", params)]
        return []  # a missing household was reported in step 2

    def _expect_one_of(self, code: str, options: set[str], why: dict[str, Any]) -> list[Violation]:
        got = self.got.get(code)
        if got is None:
            return [Violation("unassigned_but_free", {"code": code, "free": sorted(options),
                                                      **why})]
        if got not in options:
            return [Violation("order_violated", {"code": code, "flat": got,
                                                 "expected": sorted(options), **why})]
        return []

    def _take(self, code: str) -> None:
        got = self.got.get(code)
        if got is not None:
            self.taken.add(got)
