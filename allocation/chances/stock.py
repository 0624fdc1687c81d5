"""Which available flats each household may take, computed once for supply and replay.

The rule is the desk's own, :meth:`allocation.lottery.Eligibility.allows`
(band on the counted area, the group's flat restriction); this module only
avoids asking it the same question twice. What ``allows`` reads of a flat
is its building, floor, layout, area and inner area, and of a household its
band, restriction and price rules: flats alike in the first and households
alike in the second get the same answer, so it is asked once per pair of
kinds, of the first flat of its kind in stock order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from allocation.lottery import Eligibility, allocatable
from allocation.registry import Flat

_FlatKind = tuple[str, int, str, Decimal, Decimal | None]


@dataclass(frozen=True, slots=True)
class EligibleStock:
    """The available flats in stock order, and for each household the places of those it may take.

    ``of[code]`` is ascending (stock order); ``kind[code]`` numbers the
    household's eligibility kind, equal for households that may take the
    same flats for the same reason.
    """

    flats: tuple[Flat, ...]
    of: Mapping[str, tuple[int, ...]]
    kind: Mapping[str, int]


def eligible_stock(eligibility: Mapping[str, Eligibility], flats: Iterable[Flat]) -> EligibleStock:
    """The :class:`EligibleStock` of ``flats`` (only the available ones count) for ``eligibility``.

    Raises:
        ValidationError: ``inner_area_missing`` (:func:`allocation.rules.counted_area`).
    """
    stock = tuple(allocatable(flats))
    kinds: dict[_FlatKind, list[int]] = {}
    for index, flat in enumerate(stock):
        kinds.setdefault((flat.building, flat.floor, flat.layout, flat.area, flat.inner_area),
                         []).append(index)
    by_rule: dict[tuple[object, ...], int] = {}
    places: list[tuple[int, ...]] = []
    of: dict[str, tuple[int, ...]] = {}
    kind: dict[str, int] = {}
    for code, who in eligibility.items():
        rule = (who.band, who.restriction, who.pricing)
        number = by_rule.get(rule)
        if number is None:
            taken = [i for members in kinds.values() if who.allows(stock[members[0]])
                     for i in members]
            number = by_rule[rule] = len(places)
            places.append(tuple(sorted(taken)))
        of[code] = places[number]
        kind[code] = number
    return EligibleStock(stock, of, kind)
