"""Supply and demand before the session (人房供需): per layout, building and priority group.

For each layout (and each building): the available flats, the households
that may take one under the rules (the desk's
:meth:`allocation.lottery.Eligibility.allows`), and the households that
want it first (the first layout, or first building, of their
:class:`~allocation.chances.Intention`), with the flats those want. The
balance is flats minus households wanting it first: below 0 is a shortage.

For each priority group: its households, and the available flats its flat
restriction allows (:func:`allocation.rules.flat_allowed`), whatever their
band; a group whose restricted stock is smaller than the group is short:
some of its households cannot be housed within the restriction, whatever
the order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from allocation.chances.intention import Intention
from allocation.chances.strata import Strata
from allocation.lottery import Eligibility, allocatable
from allocation.registry import Flat
from allocation.rules import FlatRestriction, flat_allowed


@dataclass(frozen=True, slots=True)
class DemandLine:
    """Supply against demand for one layout or one building."""

    name: str
    flats: int  # available flats
    may_take: int  # households that may take at least one of them
    want_first: int  # households whose intention names it first
    flats_wanted: int  # the flats those households want (Intention.flats)

    @property
    def balance(self) -> int:
        """Flats minus households wanting it first; below 0, the shortage."""
        return self.flats - self.want_first

    @property
    def short(self) -> bool:
        return self.balance < 0


@dataclass(frozen=True, slots=True)
class GroupLine:
    """One priority group: its households and the stock its restriction allows."""

    rank: int
    name: str
    restriction: FlatRestriction | None
    households: int
    flats: int  # available flats the restriction allows

    @property
    def short(self) -> bool:
        """Whether the group's restricted stock is smaller than the group."""
        return self.flats < self.households


@dataclass(frozen=True, slots=True)
class SupplyDemand:
    """The whole table: layouts and buildings in stock order, groups by rank."""

    households: int
    unknown: int  # households without an intention
    layouts: tuple[DemandLine, ...]
    buildings: tuple[DemandLine, ...]
    groups: tuple[GroupLine, ...]


def supply_and_demand(
    households: Sequence[str],
    eligibility: Mapping[str, Eligibility],
    flats: Iterable[Flat],
    intentions: Mapping[str, Intention],
) -> SupplyDemand:
    """The :class:`SupplyDemand` of ``households`` (each with its eligibility) for ``flats``.

    Only available flats count; intentions of households not listed are ignored.

    Raises:
        ValidationError: ``chances_mixed_pricing``, ``inner_area_missing``
            (:func:`allocation.rules.counted_area`).
    """
    stock = allocatable(flats)
    strata = Strata([eligibility[code] for code in households], stock)
    turns = {code: strata.turn(eligibility[code], None) for code in households}
    wanted = {code: intentions[code] for code in households if code in intentions}

    def lines(name_of: str) -> tuple[DemandLine, ...]:
        names: dict[str, int] = {}
        for flat in stock:
            name = getattr(flat, name_of)
            names[name] = names.get(name, 0) + 1
        may = dict.fromkeys(names, 0)
        for turn in turns.values():
            found = (dict.fromkeys(cell.layout for cell in turn.cells) if name_of == "layout"
                     else dict.fromkeys(b for cell in turn.cells
                                        for b in strata.buildings_in(cell)))
            for name in found:
                may[name] += 1
        first = dict.fromkeys(names, 0)
        first_flats = dict.fromkeys(names, 0)
        for intention in wanted.values():
            choices = intention.layouts if name_of == "layout" else intention.buildings
            if choices:
                first[choices[0]] = first.get(choices[0], 0) + 1
                first_flats[choices[0]] = first_flats.get(choices[0], 0) + intention.flats
        # A name wanted but not in the stock is a line too: all its demand is a shortage.
        return tuple(DemandLine(name, names.get(name, 0), may.get(name, 0), first[name],
                                first_flats[name]) for name in first)

    groups: dict[tuple[int, str], tuple[FlatRestriction | None, int]] = {}
    for code in households:
        who = eligibility[code]
        restriction, count = groups.get((who.group_rank, who.group_name), (who.restriction, 0))
        groups[(who.group_rank, who.group_name)] = (restriction, count + 1)
    group_lines = tuple(
        GroupLine(rank, name, restriction, count,
                  sum(1 for flat in stock if flat_allowed(restriction, flat)))
        for (rank, name), (restriction, count) in sorted(groups.items()))
    return SupplyDemand(len(households), len(households) - len(wanted), lines("layout"),
                        lines("building"), group_lines)
