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
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Final

from allocation.chances.intention import Intention
from allocation.chances.strata import Strata, Turn
from allocation.errors import ValidationError
from allocation.lottery import Eligibility, allocatable, check_order
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

    @property
    def percent(self) -> Decimal:
        """The chance in per cent to one decimal (half up), as printed: 87.5."""
        return (Decimal(self.left) * 100 / self.replays).quantize(Decimal("0.1"),
                                                                    rounding=ROUND_HALF_UP)


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
            ``chances_seed`` (not hex), ``chances_mixed_pricing``,
            ``inner_area_missing``.
    """
    if replays < 1:
        raise ValidationError("chances_replays", replays=replays)
    try:
        seed_number = int(seed, 16)
    except ValueError:
        raise ValidationError("chances_seed", value=seed) from None
    check_order(order, eligibility)  # the draw's own check of an order
    plan = Strata([eligibility[code] for code in order], allocatable(flats))
    turns = [plan.turn(eligibility[code], intentions.get(code)) for code in order]
    hits = _replay(plan, turns, replays, random.Random(seed_number))
    ahead = plan.ahead(turns)
    households = []
    slot = 0
    for h, code in enumerate(order):
        lines = []
        for cell in turns[h].cells:
            lines.append(LayoutChance(cell.layout, cell.high - cell.low, ahead[slot], hits[slot],
                                      replays))
            slot += 1
        households.append(HouseholdChances(code, h + 1, tuple(lines)))
    return Chances(METHOD, replays, seed, tuple(households))


# Rejection tries before listing the free flats: while most are free, a try or two finds
# one; once few are left, listing them (skipping taken runs) is cheaper than trying on.
_TRIES: Final = 8


def _replay(plan: Strata, turns: list[Turn], replays: int, rng: random.Random) -> list[int]:
    """For each figure (household, layout, in order), the replays in which a flat was left.

    Each stratum's free places are a "next free place" forest (``nxt[p]`` is
    ``p`` while place ``p`` is free): a cell [low, high) has a free flat when
    the next free place from ``low`` is below ``high``. A choice "each flat
    equally likely" samples the cell's places and keeps the first free one
    (uniform over the free ones), and after :data:`_TRIES` misses lists the
    free ones and picks among them (uniform as well).
    """
    hits = [0] * sum(len(t.cells) for t in turns)
    sizes = [len(places) for places in plan.places]
    where = plan.where
    places = plan.places
    randrange = rng.randrange
    last = len(turns) - 1
    for _ in range(replays):
        nxt = [list(range(size + 1)) for size in sizes]
        slot = 0
        for number, turn in enumerate(turns):
            for cell in turn.cells:
                free = nxt[cell.stratum]
                p = cell.low
                root = p
                while free[root] != root:
                    root = free[root]
                while free[p] != root:  # path compression
                    free[p], p = root, free[p]
                if root < cell.high:
                    hits[slot] += 1
                slot += 1
            if number == last:
                break
            flat = _choose(turn, nxt, places, randrange)
            if flat >= 0:
                for stratum, place in where[flat]:
                    nxt[stratum][place] = place + 1
    return hits


def _choose(turn: Turn, nxt: list[list[int]], places: list[list[int]],
            randrange: Callable[[int], int]) -> int:
    """The flat ``turn``'s household takes (steps 1-3 of the module docstring), or -1."""
    for stratum, wished, i, j in turn.wishes:
        free = nxt[stratum]
        for _ in range(_TRIES):
            r = i + randrange(j - i)
            place = r if wished is None else wished[r]
            if free[place] == place:
                return places[stratum][place]
        left = (_free_places(free, i, j) if wished is None
                else [p for p in wished[i:j] if free[p] == p])
        if left:
            return places[stratum][left[randrange(len(left))]]
    if not turn.total:
        return -1
    for _ in range(_TRIES):
        r = randrange(turn.total)
        for cell in turn.cells:
            size = cell.high - cell.low
            if r < size:
                place = cell.low + r
                if nxt[cell.stratum][place] == place:
                    return places[cell.stratum][place]
                break
            r -= size
    choices = [places[cell.stratum][place] for cell in turn.cells
               for place in _free_places(nxt[cell.stratum], cell.low, cell.high)]
    return choices[randrange(len(choices))] if choices else -1


def _free_places(free: list[int], low: int, high: int) -> list[int]:
    """The free places in [low, high), jumping over taken runs."""
    found: list[int] = []
    p = low
    while True:
        root = p
        while free[root] != root:
            root = free[root]
        if root >= high:
            return found
        found.append(root)
        p = root + 1
