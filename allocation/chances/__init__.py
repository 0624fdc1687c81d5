"""Supply and demand before the session, and each household's chances after the draw.

Households' intentions (选房意向), the table of supply against demand per
layout, building and priority group, and, from the drawn order, each
household's guaranteed bound and simulated chance per layout, replayed from
a seed derived from the draw so that anyone gets the same figures. The rules
are the desk's: :class:`allocation.lottery.Eligibility`.
"""

from allocation.chances.intention import (
    NAME_SEPARATOR,
    Intention,
    join_names,
    split_names,
    stored_intention,
)
from allocation.chances.replay import (
    METHOD,
    Chances,
    HouseholdChances,
    LayoutChance,
    chances_seed,
    compute_chances,
)
from allocation.chances.supply import DemandLine, GroupLine, SupplyDemand, supply_and_demand

__all__ = [
    "METHOD",
    "NAME_SEPARATOR",
    "Chances",
    "DemandLine",
    "GroupLine",
    "HouseholdChances",
    "Intention",
    "LayoutChance",
    "SupplyDemand",
    "chances_seed",
    "compute_chances",
    "join_names",
    "split_names",
    "stored_intention",
    "supply_and_demand",
]
