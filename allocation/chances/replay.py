"""Each household's chances after the draw: a guaranteed bound and a replayed estimate.

For every layout a household may take (an available flat of that layout it
is eligible for, :meth:`allocation.lottery.Eligibility.allows`, the desk's
own rule), two figures:

* **guaranteed**: the flats of that layout it may take, minus the
  households ahead of it that may take at least one of those same flats,
  floored at 0. Each household takes one flat a turn, so at least that many
  are left whatever the others choose.
* **simulated chance**: the session replayed ``replays`` times from the drawn
  order; the share of replays in which at least one of those flats is still
  free when the household's turn comes. In each replay every household
  ahead chooses:

  1. with an :class:`~allocation.chances.Intention`: its layouts best first,
     each narrowed to its buildings and floors; the first that still has a
     free flat it may take gives one of them, each equally likely;
  2. without one ("unknown"), or when nothing it wished for is left: any free
     flat it may take, each equally likely;
  3. nothing, when no flat it may take is left.

The replays draw from ``random.Random`` seeded by :func:`chances_seed` of
the draw record's hash, so that anyone re-running them from the same draw,
rules and stock gets the same figures (nothing here iterates a set or a
hash-ordered dict, so the process's hash seed plays no part). It is an
estimate of what others will do, never a promise: the method, the number of
replays and the seed go with the figures.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Final

from allocation.chances.intention import Intention
from allocation.chances.stock import EligibleStock, eligible_stock
from allocation.errors import ValidationError
from allocation.lottery import Eligibility
from allocation.registry import Flat

#: The name printed with the figures: this module's choice model, version 1.
METHOD: Final = "anju-chances/1"
SEED_SUFFIX: Final = "chances"


def chances_seed(record_sha256: str) -> str:
    """The replays' seed: hex SHA-256 of the draw record's hash followed by ``"chances"``.

    Raises:
        ValidationError: ``chances_record_hash`` when ``record_sha256`` is
            not 64 hex digits.
    """
    if len(record_sha256) != 64 or any(c not in "0123456789abcdefABCDEF" for c in record_sha256):
        raise ValidationError("chances_record_hash", value=record_sha256)
    return hashlib.sha256((record_sha256.lower() + SEED_SUFFIX).encode("ascii")).hexdigest()


@dataclass(frozen=True, slots=True)
class LayoutChance:
    """One household's figures for one layout it may take."""

    layout: str
    flats: int  # available flats of the layout the household may take
    ahead: int  # households before it that may take one of those flats
    left: int  # replays in which one of them was still free at its turn
    replays: int

    @property
    def guaranteed(self) -> int:
        """Flats of the layout left at its turn whatever the others choose (at least)."""
        return max(0, self.flats - self.ahead)

    @property
    def chance(self) -> Fraction:
        """The simulated chance that one is left: ``left`` out of ``replays``."""
        return Fraction(self.left, self.replays)


@dataclass(frozen=True, slots=True)
class HouseholdChances:
    """A household's place in the order (1-based) and its figures, layouts in stock order."""

    code: str
    place: int
    layouts: tuple[LayoutChance, ...]

    def layout(self, name: str) -> LayoutChance | None:
        return next((lc for lc in self.layouts if lc.layout == name), None)


@dataclass(frozen=True, slots=True)
class Chances:
    """Every household's chances, with what is needed to print and re-run them."""

    method: str
    replays: int
    seed: str
    households: tuple[HouseholdChances, ...]

    def of(self, code: str) -> HouseholdChances | None:
        return next((h for h in self.households if h.code == code), None)


def compute_chances(
    order: Sequence[str],
    eligibility: Mapping[str, Eligibility],
    flats: Iterable[Flat],
    intentions: Mapping[str, Intention],
    *,
    replays: int,
    seed: str,
) -> Chances:
    """The :class:`Chances` of every household of ``order`` (the drawn order, first first).

    ``eligibility`` gives each household's rules (as the desk applies them:
    :func:`db.selection.published_eligibility`); only ``available`` flats of
    ``flats`` count; intentions of households not in ``order`` are ignored.

    Raises:
        ValidationError: ``order_duplicate_code``, ``order_unknown_household``
            (a code without eligibility), ``chances_replays`` (below 1),
            ``chances_seed`` (not hex), ``inner_area_missing``.
    """
    if replays < 1:
        raise ValidationError("chances_replays", replays=replays)
    try:
        seed_number = int(seed, 16)
    except ValueError:
        raise ValidationError("chances_seed", value=seed) from None
    seen: set[str] = set()
    for place, code in enumerate(order, start=1):
        if code in seen:
            raise ValidationError("order_duplicate_code", code=code, place=place)
        if code not in eligibility:
            raise ValidationError("order_unknown_household", code=code, place=place)
        seen.add(code)
    stock = eligible_stock({code: eligibility[code] for code in order}, flats)
    plan = _Plan(order, stock, intentions)
    hits = plan.replay(replays, random.Random(seed_number))
    ahead = plan.ahead()
    households = []
    for h, code in enumerate(order):
        households.append(HouseholdChances(code, h + 1, tuple(
            LayoutChance(layout, len(plan.members[cell]), ahead[slot], hits[slot], replays)
            for layout, cell, slot in plan.checks[h])))
    return Chances(METHOD, replays, seed, tuple(households))


class _Plan:
    """The replay's precomputed shape: flats as places 0..F-1, sets of them as numbered cells.

    A cell is a set of flat places someone looks at: a household's eligible
    flats of one layout (what its chance is about, and how an unknown
    household chooses), or those narrowed by an intention. Equal sets share
    one cell. Each replay keeps, per cell, the list of its free places (and
    each place's index in it), so that "is one left?" and "pick one, each
    equally likely" cost O(1), and taking a flat removes it from the few
    cells that hold it.
    """

    def __init__(self, order: Sequence[str], stock: EligibleStock,
                 intentions: Mapping[str, Intention]) -> None:
        self.cells: dict[tuple[int, ...], int] = {}
        self.members: list[tuple[int, ...]] = []
        flats = stock.flats
        self.kind = [stock.kind[code] for code in order]
        # checks[h]: (layout, cell, slot) for each layout household h may take; slot numbers
        # the figure in the flat list of results.
        self.checks: list[list[tuple[str, int, int]]] = []
        self.wishes: list[tuple[int, ...]] = []  # cells of its intention, best first
        self.anything: list[tuple[int, ...]] = []  # its layout cells: all it may take
        slots = 0
        by_kind: dict[int, list[tuple[str, int]]] = {}
        for h, code in enumerate(order):
            kind = self.kind[h]
            layout_cells = by_kind.get(kind)
            if layout_cells is None:
                by_layout: dict[str, list[int]] = {}
                for place in stock.of[code]:
                    by_layout.setdefault(flats[place].layout, []).append(place)
                layout_cells = by_kind[kind] = [
                    (layout, self._cell(tuple(places))) for layout, places in by_layout.items()]
            self.checks.append([(layout, cell, slots + i)
                                for i, (layout, cell) in enumerate(layout_cells)])
            slots += len(layout_cells)
            self.anything.append(tuple(cell for _, cell in layout_cells))
            intention = intentions.get(code)
            wished: list[int] = []
            if intention is not None:
                for layout in intention.layouts:
                    places = tuple(p for p in stock.of[code] if intention.wants(flats[p], layout))
                    if places:
                        wished.append(self._cell(places))
            self.wishes.append(tuple(wished))
        self.slots = slots
        self.where: list[list[int]] = [[] for _ in flats]
        for cell, places in enumerate(self.members):
            for place in places:
                self.where[place].append(cell)

    def _cell(self, places: tuple[int, ...]) -> int:
        cell = self.cells.get(places)
        if cell is None:
            cell = self.cells[places] = len(self.members)
            self.members.append(places)
        return cell

    def replay(self, replays: int, rng: random.Random) -> list[int]:
        """For each figure slot, the replays in which its cell had a free flat at that turn."""
        hits = [0] * self.slots
        bases = [dict(zip(places, range(len(places)), strict=True)) for places in self.members]
        randrange = rng.randrange
        where = self.where
        turns = list(zip(self.checks, self.wishes, self.anything, strict=True))
        last = len(turns) - 1
        for _ in range(replays):
            live = [list(places) for places in self.members]
            index = [base.copy() for base in bases]
            for turn, (checks, wishes, anything) in enumerate(turns):
                for _layout, cell, slot in checks:
                    if live[cell]:
                        hits[slot] += 1
                if turn == last:
                    break
                flat = _pick(live, wishes, anything, randrange)
                if flat < 0:
                    continue
                for cell in where[flat]:
                    free = live[cell]
                    at = index[cell].pop(flat)
                    moved = free.pop()
                    if moved != flat:
                        free[at] = moved
                        index[cell][moved] = at
        return hits

    def ahead(self) -> list[int]:
        """For each figure slot, the households before its own that may take a flat of its cell."""
        kinds_of_place: list[list[int]] = [[] for _ in self.where]
        kind_places: dict[int, tuple[int, ...]] = {}
        for h, checks in enumerate(self.checks):
            if self.kind[h] not in kind_places:
                kind_places[self.kind[h]] = tuple(
                    p for _, cell, _ in checks for p in self.members[cell])
        for kind, places in kind_places.items():
            for place in places:
                kinds_of_place[place].append(kind)
        # touched[k]: the layout cells a household of kind k may take a flat of.
        checked = sorted({cell for checks in self.checks for _, cell, _ in checks})
        touched: dict[int, list[int]] = {kind: [] for kind in kind_places}
        for cell in checked:
            kinds = sorted({k for p in self.members[cell] for k in kinds_of_place[p]})
            for kind in kinds:
                touched[kind].append(cell)
        seen = [0] * len(self.members)
        ahead = [0] * self.slots
        for h, checks in enumerate(self.checks):
            for _, cell, slot in checks:
                ahead[slot] = seen[cell]
            for cell in touched.get(self.kind[h], ()):
                seen[cell] += 1
        return ahead


def _pick(live: list[list[int]], wishes: tuple[int, ...], anything: tuple[int, ...],
          randrange: Callable[[int], int]) -> int:
    """The place of the flat a household takes (steps 1-3 of the module docstring), or -1."""
    for cell in wishes:
        free = live[cell]
        if free:
            return free[randrange(len(free))]
    total = 0
    for cell in anything:
        total += len(live[cell])
    if not total:
        return -1
    r = randrange(total)
    for cell in anything:
        free = live[cell]
        if r < len(free):
            return free[r]
        r -= len(free)
    raise AssertionError("unreachable: r < total")
