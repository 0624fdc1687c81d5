"""allocation.chances: the guaranteed bound and the replayed chance, by hand and exhaustively."""

from __future__ import annotations

import hashlib
import json
import math
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from allocation.chances import Chances, Intention, chances_seed, compute_chances
from allocation.errors import ValidationError
from allocation.lottery import Eligibility
from allocation.registry import Flat, FlatStatus
from allocation.rules import AreaBand, FlatRestriction
from tests.factories import make_flat

ROOT = Path(__file__).resolve().parents[2]
SEED = chances_seed("ab" * 32)
WIDE = AreaBand(Decimal("0"), Decimal("500"))


def flat(number: str, layout: str, *, building: str = "1", floor: int = 1,
         area: str = "80.00", **changes: object) -> Flat:
    return make_flat(building=building, floor=floor, number=number, layout=layout,
                     area=Decimal(area), **changes)


def who(code: str, band: AreaBand = WIDE, restriction: FlatRestriction | None = None,
        rank: int = 0) -> Eligibility:
    return Eligibility(code, band, rank, f"组{rank}", restriction)


def run(order: Sequence[str], eligibility: Mapping[str, Eligibility], flats: Sequence[Flat],
        intentions: Mapping[str, Intention] | None = None, replays: int = 4000) -> Chances:
    return compute_chances(order, eligibility, flats, intentions or {}, replays=replays,
                           seed=SEED)


def figures(result: Chances) -> dict[tuple[str, str], tuple[int, int, Fraction]]:
    return {(h.code, lc.layout): (lc.flats, lc.guaranteed, lc.chance)
            for h in result.households for lc in h.layouts}


# --- worked examples ---------------------------------------------------------------------


def test_three_households_two_flats_of_one_layout() -> None:
    """3 households, 2 flats of layout A, everyone may take both, nobody said anything.

    H1: 2 flats, nobody ahead: guaranteed 2, always one left (chance 1).
    H2: 1 household ahead: guaranteed 2 − 1 = 1, chance 1.
    H3: 2 ahead: guaranteed 0; H1 and H2 each take a flat (A is all there is), so
    none is ever left: chance 0.
    """
    flats = [flat("101", "A"), flat("102", "A")]
    order = ["H1", "H2", "H3"]
    result = run(order, {c: who(c) for c in order}, flats)
    assert figures(result) == {("H1", "A"): (2, 2, Fraction(1)),
                               ("H2", "A"): (2, 1, Fraction(1)),
                               ("H3", "A"): (2, 0, Fraction(0))}
    assert [h.place for h in result.households] == [1, 2, 3]
    assert (result.method, result.replays, result.seed) == ("anju-chances/1", 4000, SEED)


def test_unknown_household_ahead_chooses_uniformly() -> None:
    """One flat of A, one of B; H1 (unknown) may take either, then H2.

    H2, layout A: 1 flat, 1 household ahead that may take it: guaranteed 0.
    H1 takes A or B with probability 1/2 each, so A is left half the time. With
    4,000 replays the estimate is within 5 standard deviations (5 × 0.5/√4000 ≈ 0.04)
    of 1/2; the figure is fixed by the seed, so this does not flake.
    """
    flats = [flat("101", "A"), flat("102", "B")]
    result = run(["H1", "H2"], {c: who(c) for c in ("H1", "H2")}, flats)
    a = result.households[1].layout("A")
    assert a is not None
    assert (a.flats, a.ahead, a.guaranteed) == (1, 1, 0)
    assert abs(float(a.chance) - 0.5) < 0.04


def test_intention_ahead_decides() -> None:
    """As above, but H1 said it wants B: it takes B every time, A is always left for H2
    (chance 1) though nothing guarantees it (guaranteed 0). B is never left (chance 0)."""
    flats = [flat("101", "A"), flat("102", "B")]
    result = run(["H1", "H2"], {c: who(c) for c in ("H1", "H2")}, flats,
                 {"H1": Intention(("B",))})
    assert figures(result)[("H2", "A")] == (1, 0, Fraction(1))
    assert figures(result)[("H2", "B")] == (1, 0, Fraction(0))


def test_intention_narrowed_by_building_and_fallback() -> None:
    """A-flats 1-1-101 and 2-1-101. H1 wants A in building 2; H2 wants B, of which
    there is none, so it takes any flat it may: the A-flat left (1-1-101). H3: 2 flats,
    2 households ahead: guaranteed 0, and none left ever: chance 0. H2: guaranteed
    2 − 1 = 1, chance 1."""
    flats = [flat("101", "A", building="1"), flat("101", "A", building="2")]
    order = ["H1", "H2", "H3"]
    result = run(order, {c: who(c) for c in order}, flats,
                 {"H1": Intention(("A",), buildings=("2",)), "H2": Intention(("B",))})
    assert figures(result)[("H2", "A")] == (2, 1, Fraction(1))
    assert figures(result)[("H3", "A")] == (2, 0, Fraction(0))


def test_rules_decide_who_is_ahead() -> None:
    """Flats: A of 60 m², B of 100 m². H1's band is 90–110 m² (only B); H2's is wide.

    H2, A: 1 flat, nobody ahead may take it (H1's band excludes 60): guaranteed 1,
    chance 1. H2, B: 1 flat, H1 may take it: guaranteed 0, and H1 takes it every
    time (all it may take): chance 0. H1 has one line only: B.
    """
    flats = [flat("101", "A", area="60.00"), flat("102", "B", area="100.00")]
    narrow = AreaBand(Decimal("90"), Decimal("110"))
    result = run(["H1", "H2"], {"H1": who("H1", narrow), "H2": who("H2")}, flats)
    assert figures(result) == {("H1", "B"): (1, 1, Fraction(1)),
                               ("H2", "A"): (1, 1, Fraction(1)),
                               ("H2", "B"): (1, 0, Fraction(0))}


def test_group_restriction_and_unavailable_flats() -> None:
    """H1's group may take building 2 only; the reserved flat counts for nobody.

    Flats 1-1-101 (A), 2-1-101 (A), 1-1-102 (A, reserved). H2, A: 2 available flats;
    H1 may take one of them (2-1-101), so 1 household ahead: guaranteed 1, chance 1.
    """
    flats = [flat("101", "A"), flat("101", "A", building="2"),
             flat("102", "A", status=FlatStatus.RESERVED)]
    result = run(["H1", "H2"], {"H1": who("H1", restriction=FlatRestriction(buildings=("2",))),
                                "H2": who("H2")}, flats)
    assert figures(result) == {("H1", "A"): (1, 1, Fraction(1)),
                               ("H2", "A"): (2, 1, Fraction(1))}


def test_seed_is_the_draw_hash_plus_chances() -> None:
    record = "0123456789abcdef" * 4
    assert chances_seed(record) == hashlib.sha256(
        (record + "chances").encode("ascii")).hexdigest()
    with pytest.raises(ValidationError) as raised:
        chances_seed("not a hash")
    assert raised.value.code == "chances_record_hash"


def test_bad_inputs_name_what() -> None:
    with pytest.raises(ValidationError) as raised:
        run(["H1", "H9"], {"H1": who("H1")}, [flat("101", "A")])
    assert (raised.value.code, raised.value.params) == (
        "order_unknown_household", {"code": "H9", "place": 2})
    with pytest.raises(ValidationError) as raised:
        run(["H1"], {"H1": who("H1")}, [flat("101", "A")], replays=0)
    assert raised.value.code == "chances_replays"
    for bad, code in [({"layouts": ()}, "intention_no_layout"),
                      ({"layouts": ("A",), "floor_min": 5, "floor_max": 2},
                       "intention_floor_range"),
                      ({"layouts": ("A",), "flats": 0}, "intention_flats")]:
        with pytest.raises(ValidationError) as raised:
            Intention(**bad)  # type: ignore[arg-type]
        assert raised.value.code == code


# --- exhaustively, on small cases ---------------------------------------------------------


def _options(eligibility: Eligibility, intention: Intention | None,
             free: frozenset[int], flats: Sequence[Flat]) -> list[int]:
    """What the module docstring says a household ahead chooses among (each equally likely),
    written again here from the docstring, not from the module."""
    mine = [i for i in sorted(free) if eligibility.allows(flats[i])]
    if intention is not None:
        for layout in intention.layouts:
            wished = [i for i in mine if flats[i].layout == layout
                      and (not intention.buildings or flats[i].building in intention.buildings)
                      and (intention.floor_min is None or flats[i].floor >= intention.floor_min)
                      and (intention.floor_max is None or flats[i].floor <= intention.floor_max)]
            if wished:
                return wished
    return mine


def exact(order: Sequence[str], eligibility: Mapping[str, Eligibility], flats: Sequence[Flat],
          intentions: Mapping[str, Intention]) -> dict[tuple[str, str], Fraction]:
    """The exact chance of each (household, layout) by enumerating every choice with its
    probability."""
    available = frozenset(i for i, f in enumerate(flats) if f.status is FlatStatus.AVAILABLE)

    @cache
    def states(turn: int) -> dict[frozenset[int], Fraction]:
        if turn == 0:
            return {available: Fraction(1)}
        code = order[turn - 1]
        after: dict[frozenset[int], Fraction] = {}
        for free, p in states(turn - 1).items():
            options = _options(eligibility[code], intentions.get(code), free, flats)
            for nxt, q in ([(free - {i}, p / len(options)) for i in options]
                           if options else [(free, p)]):
                after[nxt] = after.get(nxt, Fraction(0)) + q
        return after

    result = {}
    for turn, code in enumerate(order):
        layouts = {flats[i].layout for i in available if eligibility[code].allows(flats[i])}
        for layout in layouts:
            result[(code, layout)] = sum(
                (p for free, p in states(turn).items()
                 if any(flats[i].layout == layout and eligibility[code].allows(flats[i])
                        for i in free)), Fraction(0))
    return result


def fewest_left(order: Sequence[str], eligibility: Mapping[str, Eligibility],
                flats: Sequence[Flat]) -> dict[tuple[str, str], int]:
    """The fewest flats of each layout a household may take left at its turn, over every
    choice (any flat or none) of those ahead."""
    available = frozenset(i for i, f in enumerate(flats) if f.status is FlatStatus.AVAILABLE)
    frontier = {available}
    result: dict[tuple[str, str], int] = {}
    for code in order:
        mine = [i for i in available if eligibility[code].allows(flats[i])]
        for layout in {flats[i].layout for i in mine}:
            result[(code, layout)] = min(
                sum(1 for i in free if i in mine and flats[i].layout == layout)
                for free in frontier)
        frontier = {free - {i} for free in frontier for i in free
                    if eligibility[code].allows(flats[i])} | frontier
    return result


AREAS = ["60.00", "80.00", "100.00"]
BANDS = [WIDE, AreaBand(Decimal("50"), Decimal("85")), AreaBand(Decimal("75"), Decimal("110"))]
RESTRICTIONS = [None, FlatRestriction(layouts=("A",)), FlatRestriction(buildings=("2",)),
                FlatRestriction(floor_min=2)]

flats_st = st.lists(st.tuples(st.sampled_from("AB"), st.sampled_from("12"),
                              st.integers(1, 3), st.sampled_from(AREAS),
                              st.sampled_from([FlatStatus.AVAILABLE] * 4 + [FlatStatus.RESERVED])),
                    min_size=1, max_size=5)
intention_st = st.one_of(st.none(), st.builds(
    Intention, st.sampled_from([("A",), ("B",), ("A", "B"), ("B", "A"), ("C", "A")]),
    st.sampled_from([(), ("1",), ("2", "1")]),
    st.sampled_from([None, 2]), st.sampled_from([None, 2, 3])))
households_st = st.lists(st.tuples(st.sampled_from(BANDS), st.sampled_from(RESTRICTIONS),
                                   intention_st), min_size=1, max_size=6)


def _case(raw_flats: list[tuple[str, str, int, str, FlatStatus]],
          raw_households: list[tuple[AreaBand, FlatRestriction | None, Intention | None]],
          ) -> tuple[list[str], dict[str, Eligibility], list[Flat], dict[str, Intention]]:
    flats = [flat(f"{n}01", layout, building=b, floor=floor, area=area, status=status)
             for n, (layout, b, floor, area, status) in enumerate(raw_flats)]
    order = [f"H{n}" for n in range(len(raw_households))]
    eligibility = {code: who(code, band, restriction)
                   for code, (band, restriction, _) in zip(order, raw_households, strict=True)}
    intentions = {code: i for code, (_, _, i) in zip(order, raw_households, strict=True)
                  if i is not None}
    return order, eligibility, flats, intentions


REPLAYS = 3000
# Five standard deviations of a share estimated from REPLAYS replays, at worst (p = 1/2).
TOLERANCE = 5 * 0.5 / math.sqrt(REPLAYS)


@settings(max_examples=60, deadline=None)
@given(flats_st, households_st)
def test_replay_agrees_with_exhaustive_enumeration(raw_flats: list, raw_households: list) -> None:
    """The bound holds in every outcome; the estimate is within tolerance of the exact chance;
    a chance the enumeration finds 0 or 1 is estimated exactly 0 or 1."""
    order, eligibility, flats, intentions = _case(raw_flats, raw_households)
    result = compute_chances(order, eligibility, flats, intentions, replays=REPLAYS, seed=SEED)
    chances = exact(order, eligibility, flats, intentions)
    fewest = fewest_left(order, eligibility, flats)
    found = {(h.code, lc.layout): lc for h in result.households for lc in h.layouts}
    assert set(found) == set(chances)
    for key, lc in found.items():
        assert lc.guaranteed <= fewest[key]
        if lc.guaranteed > 0:
            assert lc.chance == 1
        if chances[key] in (0, 1):
            assert lc.chance == chances[key]
        assert abs(float(lc.chance) - float(chances[key])) <= TOLERANCE


# --- determinism, in another process ------------------------------------------------------

SCRIPT = """
import json, sys
sys.path.insert(0, {root!r})
from tests.allocation.test_chances import sample_figures
print(json.dumps(sample_figures()))
"""


def sample_figures() -> list[list[object]]:
    """Figures of a fixed case with unknown and stated intentions, as JSON-able rows."""
    flats = [flat(f"{n}01", "AB"[n % 2], building="12"[n % 3 % 2], floor=1 + n % 4,
                  area=AREAS[n % 3]) for n in range(12)]
    order = [f"H{n}" for n in range(10)]
    eligibility = {c: who(c, BANDS[n % 3], RESTRICTIONS[n % 4]) for n, c in enumerate(order)}
    intentions = {"H0": Intention(("B", "A")), "H3": Intention(("A",), buildings=("2",)),
                  "H5": Intention(("B",), floor_min=2)}
    result = compute_chances(order, eligibility, flats, intentions, replays=500,
                             seed=chances_seed("cd" * 32))
    return [[h.code, lc.layout, lc.flats, lc.guaranteed, lc.left, result.seed]
            for h in result.households for lc in h.layouts]


def test_same_draw_same_figures_in_another_process() -> None:
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", SCRIPT.format(root=str(ROOT))], env=env,
                         capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(out.stdout) == json.loads(json.dumps(sample_figures()))
    assert any(0 < row[4] < 500 for row in sample_figures())  # a figure the seed decides
