"""The replay's view of the stock: strata of flats sorted by counted area, cells within them.

A *stratum* is the available flats of one layout that one flat restriction
allows (:func:`allocation.rules.flat_allowed`), sorted by counted area
(:func:`allocation.rules.counted_area`), then stock order. A household's
eligible flats of a layout are then one contiguous *cell* of its
restriction's stratum: those whose counted area lies in its band, bounds
included. That is :meth:`allocation.lottery.Eligibility.allows` (restriction
and band on the counted area) taken apart, so that the replay can ask "is
one left?" of a cell without looking at each flat, for 10,000 households as
for 10. All households of one session are judged under one policy, so under
one area basis: a mix is refused rather than compared on different areas.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from allocation.chances.intention import Intention
from allocation.errors import ValidationError
from allocation.lottery import Eligibility
from allocation.registry import Flat
from allocation.rules import AreaBand, FlatRestriction, PricingRules, counted_area, flat_allowed


@dataclass(frozen=True, slots=True)
class Cell:
    """A household's eligible flats of ``layout``: places [low, high) of a stratum."""

    layout: str
    stratum: int
    low: int
    high: int


@dataclass(frozen=True, slots=True)
class Turn:
    """What the replay needs of one household: its cells, what it wishes, its rule kind."""

    cells: tuple[Cell, ...]
    # Per wished layout with a flat it may take, best first: (stratum, places, i, j): the
    # wished flats are at places[i:j] of the stratum (places None: at i..j-1 themselves).
    wishes: tuple[tuple[int, list[int] | None, int, int], ...]
    total: int  # flats it may take in all
    kind: int  # its restriction's number
    band: AreaBand


class Strata:
    """The strata of ``flats`` (available, stock order) for the restrictions of ``rules``.

    ``places[s][p]`` is the flat (its index in ``flats``) at place ``p`` of
    stratum ``s``; ``where[f]`` lists (stratum, place) of flat ``f``.

    Raises:
        ValidationError: ``chances_mixed_pricing``; ``inner_area_missing``.
    """

    def __init__(self, rules: Sequence[Eligibility], flats: Sequence[Flat]) -> None:
        pricings = list(dict.fromkeys(who.pricing for who in rules))
        if len(pricings) > 1:
            raise ValidationError("chances_mixed_pricing", households=len(rules))
        pricing = pricings[0] if pricings else PricingRules()
        self.flats = list(flats)
        area = [counted_area(flat, pricing) for flat in self.flats]
        self.restrictions: dict[FlatRestriction | None, int] = {}
        for who in rules:
            self.restrictions.setdefault(who.restriction, len(self.restrictions))
        self.places: list[list[int]] = []
        self.areas: list[list[Decimal]] = []
        self.stratum: dict[tuple[int, str], int] = {}
        self.layouts: dict[int, list[str]] = {}  # per restriction, in stock order
        for restriction, kind in self.restrictions.items():
            by_layout: dict[str, list[int]] = {}
            for index, flat in enumerate(self.flats):
                if flat_allowed(restriction, flat):
                    by_layout.setdefault(flat.layout, []).append(index)
            self.layouts[kind] = list(by_layout)
            for layout, members in by_layout.items():
                members.sort(key=lambda i: (area[i], i))
                self.stratum[(kind, layout)] = len(self.places)
                self.places.append(members)
                self.areas.append([area[i] for i in members])
        self.where: list[list[tuple[int, int]]] = [[] for _ in self.flats]
        for stratum, members in enumerate(self.places):
            for place, index in enumerate(members):
                self.where[index].append((stratum, place))
        self._area = area
        self._by_building: dict[int, dict[str, list[int]]] = {}
        self._wished: dict[tuple[object, ...], list[int]] = {}
        self._pairs: dict[tuple[int, int, str], list[Decimal]] = {}

    def turn(self, who: Eligibility, intention: Intention | None) -> Turn:
        """The :class:`Turn` of a household with rules ``who`` and ``intention``."""
        kind = self.restrictions[who.restriction]
        cells = []
        for layout in self.layouts[kind]:
            stratum = self.stratum[(kind, layout)]
            low, high = _slice(self.areas[stratum], who.band)
            if low < high:
                cells.append(Cell(layout, stratum, low, high))
        wishes: list[tuple[int, list[int] | None, int, int]] = []
        if intention is not None:
            by_layout = {cell.layout: cell for cell in cells}
            narrowed = bool(intention.buildings) or intention.floor_min is not None or (
                intention.floor_max is not None)
            for layout in intention.layouts:
                cell = by_layout.get(layout)
                if cell is None:
                    continue
                if not narrowed:
                    wishes.append((cell.stratum, None, cell.low, cell.high))
                    continue
                wished = self._wished_in(cell.stratum, layout, intention)
                i, j = bisect_left(wished, cell.low), bisect_left(wished, cell.high)
                if i < j:
                    wishes.append((cell.stratum, wished, i, j))
        return Turn(tuple(cells), tuple(wishes), sum(c.high - c.low for c in cells), kind,
                    who.band)

    def _wished_in(self, stratum: int, layout: str, intention: Intention) -> list[int]:
        """The places of ``stratum`` whose flat is where ``intention`` wants it, ascending."""
        key = (stratum, intention.buildings, intention.floor_min, intention.floor_max)
        wished = self._wished.get(key)
        if wished is None:
            members = self.places[stratum]
            if intention.buildings:  # only the named buildings' places need asking
                by_building = self._buildings_of(stratum)
                candidates = sorted(p for b in dict.fromkeys(intention.buildings)
                                    for p in by_building.get(b, ()))
            else:
                candidates = list(range(len(members)))
            wished = self._wished[key] = [
                place for place in candidates
                if intention.wants(self.flats[members[place]], layout)]
        return wished

    def _buildings_of(self, stratum: int) -> dict[str, list[int]]:
        """The places of ``stratum`` per building (ascending), buildings in stock order."""
        by_building = self._by_building.get(stratum)
        if by_building is None:
            by_building = self._by_building[stratum] = {}
            for index in sorted(self.places[stratum]):
                by_building.setdefault(self.flats[index].building, [])
            for place, index in enumerate(self.places[stratum]):
                by_building[self.flats[index].building].append(place)
        return by_building

    def buildings_in(self, cell: Cell) -> list[str]:
        """The buildings with a flat in ``cell``."""
        return [building for building, places in self._buildings_of(cell.stratum).items()
                if bisect_left(places, cell.low) < bisect_left(places, cell.high)]

    def ahead(self, turns: Sequence[Turn]) -> list[int]:
        """For each figure (household, cell, in order): the households before it that may
        take a flat of its cell.

        For restrictions a (of the one ahead) and b (of the one whose turn it
        is) and a layout, the flats both allow, sorted by counted area, are a
        list in which each household's eligible flats are an interval of
        indices. Two intervals share a flat when each starts before the other
        ends; with nonempty intervals, the earlier households sharing one with
        [i, j) number those that start before j minus those that end by i,
        counted with two Fenwick trees per (a, b, layout), the order walked once.
        """
        kinds = sorted(self.restrictions.values())
        starts: dict[tuple[int, int, str], _Fenwick] = {}
        ends: dict[tuple[int, int, str], _Fenwick] = {}
        ahead = []
        for turn in turns:
            for cell in turn.cells:
                count = 0
                for a in kinds:
                    key = (a, turn.kind, cell.layout)
                    if key not in starts:
                        continue
                    low, high = _slice(self._pair(*key), turn.band)
                    if low < high:
                        count += starts[key].below(high) - ends[key].below(low + 1)
                ahead.append(count)
            for b in kinds:
                for layout in self.layouts[b]:
                    key = (turn.kind, b, layout)
                    pair = self._pair(*key)
                    low, high = _slice(pair, turn.band)
                    if low < high:
                        if key not in starts:
                            starts[key] = _Fenwick(len(pair) + 1)
                            ends[key] = _Fenwick(len(pair) + 1)
                        starts[key].add(low)
                        ends[key].add(high)
        return ahead

    def _pair(self, a: int, b: int, layout: str) -> list[Decimal]:
        """Counted areas, sorted, of the flats of ``layout`` both restrictions allow."""
        key = (a, b, layout)
        found = self._pairs.get(key)
        if found is None:
            restriction = next(r for r, k in self.restrictions.items() if k == a)
            stratum = self.stratum.get((b, layout))
            members = self.places[stratum] if stratum is not None else []
            found = self._pairs[key] = [self._area[i] for i in members
                                        if flat_allowed(restriction, self.flats[i])]
        return found


def _slice(areas: list[Decimal], band: AreaBand) -> tuple[int, int]:
    """The places whose area ``band`` contains (bounds included: AreaBand.contains)."""
    return bisect_left(areas, band.low), bisect_right(areas, band.high)


class _Fenwick:
    """Counts of inserted positions 0..size-1, with counts below a position in O(log size)."""

    def __init__(self, size: int) -> None:
        self.tree = [0] * (size + 1)

    def add(self, position: int) -> None:
        i = position + 1
        while i < len(self.tree):
            self.tree[i] += 1
            i += i & -i

    def below(self, position: int) -> int:
        """How many inserted positions are < ``position``."""
        total, i = 0, position
        while i > 0:
            total += self.tree[i]
            i -= i & -i
        return total
