"""allocation.chances.supply_and_demand: a worked table, figures counted by hand."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings

from allocation.chances import DemandLine, GroupLine, Intention, supply_and_demand
from allocation.lottery import Eligibility
from allocation.registry import FlatStatus
from allocation.rules import AreaBand, FlatRestriction
from tests.allocation.test_chances import WIDE, _case, flat, flats_st, households_st

ONLY_B = FlatRestriction(layouts=("B",))


def test_supply_and_demand_worked_example() -> None:
    """Flats: 1-1-101 A, 1-1-102 A (80 m², building 1), 2-1-101 B, 2-1-102 B (100 m²,
    building 2; 2-1-102 reserved, so it counts nowhere).

    H1, H2: group 0, restricted to B; H1 wants B in building 2, H2 said nothing.
    H3: group 1, band 50–85 m² (A only), wants A, 2 flats. H4: group 1, wants A then B.
    H5: group 1, wants C, which the stock has none of.

    A: 2 flats; may take: H3, H4, H5 (H1, H2 are restricted to B) = 3; first: H3, H4 = 2,
       wanting 2 + 1 = 3 flats; balance 2 − 2 = 0.
    B: 1 flat; may take: H1, H2, H4, H5 = 4; first: H1; balance 0.
    C: 0 flats; first: H5; balance −1, short.
    Building 1: 2 flats, may take 3 (as A), first: nobody (only H1 named a building).
    Building 2: 1 flat, may take 4, first: H1.
    Group 0: 2 households, 1 flat its restriction allows: short. Group 1: 3 households,
    3 flats: not short. Unknown: 1 (H2).
    """
    flats = [flat("101", "A"), flat("102", "A"),
             flat("101", "B", building="2", area="100.00"),
             flat("102", "B", building="2", area="100.00", status=FlatStatus.RESERVED)]
    small = AreaBand(Decimal("50"), Decimal("85"))
    eligibility = {
        "H1": Eligibility("H1", WIDE, 0, "优先组", ONLY_B),
        "H2": Eligibility("H2", WIDE, 0, "优先组", ONLY_B),
        "H3": Eligibility("H3", small, 1, "一般组", None),
        "H4": Eligibility("H4", WIDE, 1, "一般组", None),
        "H5": Eligibility("H5", WIDE, 1, "一般组", None),
    }
    intentions = {"H1": Intention(("B",), buildings=("2",)), "H3": Intention(("A",), flats=2),
                  "H4": Intention(("A", "B")), "H5": Intention(("C",))}
    table = supply_and_demand(list(eligibility), eligibility, flats, intentions)
    assert (table.households, table.unknown) == (5, 1)
    assert table.layouts == (DemandLine("A", 2, 3, 2, 3), DemandLine("B", 1, 4, 1, 1),
                             DemandLine("C", 0, 0, 1, 1))
    assert [line.balance for line in table.layouts] == [0, 0, -1]
    assert [line.short for line in table.layouts] == [False, False, True]
    assert table.buildings == (DemandLine("1", 2, 3, 0, 0), DemandLine("2", 1, 4, 1, 1))
    assert table.groups == (GroupLine(0, "优先组", ONLY_B, 2, 1),
                            GroupLine(1, "一般组", None, 3, 3))
    assert [g.short for g in table.groups] == [True, False]


@settings(max_examples=60, deadline=None)
@given(flats_st, households_st)
def test_may_take_is_the_desk_rule(raw_flats: list, raw_households: list) -> None:
    """"May take" per layout and per building counts, household by household, the flats that
    Eligibility.allows (the desk's rule) among the available ones; first choices add up to the
    households with an intention."""
    order, eligibility, flats, intentions = _case(raw_flats, raw_households)
    table = supply_and_demand(order, eligibility, flats, intentions)
    free = [f for f in flats if f.status is FlatStatus.AVAILABLE]
    for line in table.layouts:
        assert line.flats == sum(1 for f in free if f.layout == line.name)
        assert line.may_take == sum(1 for c in order if any(
            f.layout == line.name and eligibility[c].allows(f) for f in free))
    for line in table.buildings:
        assert line.may_take == sum(1 for c in order if any(
            f.building == line.name and eligibility[c].allows(f) for f in free))
    assert sum(line.want_first for line in table.layouts) == len(intentions)
    assert table.unknown == len(order) - len(intentions)
