"""Priority groups: which group each household joins, which flats it may take, its order within.

A household joins the first group of the policy whose condition (see
:mod:`allocation.conditions`) holds for it, or else the default group, which
comes last.

Order within a group (``order_within``): ``"lottery"``, or a sort key with
the lottery as tie-break. A sort key is text that sorts, by code point, in
the intended order (that is how :func:`allocation.ordering.final_order`
compares them): ``signing_seq`` → the number zero-padded to 10 digits
(``"0000000042"``); ``signed_on`` → ISO date (``"2026-07-01"``);
``oldest_first`` → ``999 - age`` zero-padded to 3 digits. A missing value is
``"~"``, which sorts after every digit, so those households come last in
their group.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final, NamedTuple, Protocol

from allocation.errors import ValidationError
from allocation.registry import Flat, Household
from allocation.rules.conditions import (
    RECOGNISED,
    Dated,
    HouseholdCriteria,
    Members,
    evaluate,
    household_facts,
    judged_on,
)
from allocation.rules.ordering import PoolEntry
from allocation.trace import PolicyProblem, TraceStep, check_name

SORT_KEYS: Final = ("signing_seq", "signed_on", "oldest_first")
LOTTERY: Final = "lottery"
MISSING_SORT_VALUE: Final = "~"


@dataclass(frozen=True, slots=True)
class FlatRestriction:
    """Which flats a group may choose; empty lists and ``None`` bounds allow anything."""

    floor_min: int | None = None
    floor_max: int | None = None
    buildings: tuple[str, ...] = ()
    layouts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PriorityGroup:
    """A group of the selection order: who is in it, which flats it may take, how it is ordered."""

    name: str
    condition: HouseholdCriteria
    flat_restriction: FlatRestriction | None = None
    order_within: str = LOTTERY
    members: Members = RECOGNISED  # whose ages and conditions the condition reads


class GroupAssignment(NamedTuple):
    """The group of one household: rank 0.. (the default group last), name, trace."""

    rank: int
    name: str
    trace: tuple[TraceStep, ...]


def check_groups(
    groups: tuple[PriorityGroup, ...], default_group: str
) -> list[PolicyProblem]:
    """Names present and unique (the default group's too), known sort keys, sane floor ranges."""
    problems: list[PolicyProblem] = []
    seen: set[str] = set()
    for index, group in enumerate(groups):
        path = f"groups[{index}]"
        problems += check_name(group.name, f"{path}.name", seen)
        if group.order_within != LOTTERY and group.order_within not in SORT_KEYS:
            params = {"value": group.order_within, "allowed": (LOTTERY, *SORT_KEYS)}
            problems.append(PolicyProblem(f"{path}.order_within", "unknown_sort_key", params))
        if group.flat_restriction is not None:
            path_restriction = f"{path}.flat_restriction"
            problems += _check_restriction(group.flat_restriction, path_restriction)
    problems += check_name(default_group, "default_group", seen)
    return problems


def _check_restriction(flats: FlatRestriction, path: str) -> list[PolicyProblem]:
    problems: list[PolicyProblem] = []
    low, high = flats.floor_min, flats.floor_max
    if low is not None and high is not None and low > high:
        problems.append(PolicyProblem(path, "empty_floor_range", {"low": low, "high": high}))
    for key, names in (("buildings", flats.buildings), ("layouts", flats.layouts)):
        problems += [
            PolicyProblem(f"{path}.{key}[{i}]", "empty_name")
            for i, name in enumerate(names)
            if not name.strip()
        ]
    return problems


def flat_allowed(restriction: FlatRestriction | None, flat: Flat) -> bool:
    """Whether a group with ``restriction`` may choose ``flat``."""
    if restriction is None:
        return True
    r = restriction
    return (
        (r.floor_min is None or flat.floor >= r.floor_min)
        and (r.floor_max is None or flat.floor <= r.floor_max)
        and (not r.buildings or flat.building in r.buildings)
        and (not r.layouts or flat.layout in r.layouts)
    )


class PriorityPolicy(Dated, Protocol):
    """What the priority groups read of a policy (a :class:`~allocation.rules.policy.Policy`)."""

    @property
    def groups(self) -> tuple[PriorityGroup, ...]: ...

    @property
    def default_group(self) -> str: ...


def assign_group(household: Household, policy: PriorityPolicy, on: date) -> GroupAssignment:
    """The priority group of ``household``.

    Steps:
        1. compute the household's facts on the policy's day (:func:`judged_on`), over the
           members each group counts;
        2. test the groups in policy order; the first whose condition holds
           is the household's group (rank = its index);
        3. if none holds, the default group (rank = number of groups).

    Every group tested is a trace step, with each term's fact and outcome.
    """
    on = judged_on(policy, on)
    steps: list[TraceStep] = []
    for rank, group in enumerate(policy.groups):
        matched, terms = evaluate(group.condition, household_facts(household, on, group.members))
        inputs = {"group": group.name, "rank": rank, "mode": group.condition.mode, "terms": terms,
                  "members": group.members}
        steps.append(TraceStep("group.test", inputs, matched))
        if matched:
            return GroupAssignment(rank, group.name, tuple(steps))
    rank = len(policy.groups)
    steps.append(TraceStep("group.default", {"group": policy.default_group, "rank": rank}, True))
    return GroupAssignment(rank, policy.default_group, tuple(steps))


def group_names(policy: PriorityPolicy) -> list[str]:
    """The group names in rank order: the policy's groups, then the default group.

    The default group's rank is the number of groups; this is the one place
    that says so for names (:func:`group_restriction` and
    :func:`order_within` say it for restrictions and order).
    """
    return [group.name for group in policy.groups] + [policy.default_group]


def published_assignment(policy: PriorityPolicy, name: str) -> GroupAssignment:
    """The group a household was published in with the lottery pool, as an assignment.

    The pool froze each household's group when it was published; what a
    household's facts say today (a head who has turned 80 since) does not
    move it. The trace is one ``group.published`` step.

    Raises:
        ValidationError: ``not_one_of`` if ``policy`` has no group ``name``
            (a policy superseded after the pool was published).
    """
    names = group_names(policy)
    if name not in names:
        raise ValidationError("not_one_of", value=name, allowed=", ".join(names))
    rank = names.index(name)
    return GroupAssignment(rank, name, (
        TraceStep("group.published", {"group": name, "rank": rank}, True),))


def group_restriction(policy: PriorityPolicy, rank: int) -> FlatRestriction | None:
    """The flat restriction of the group of ``rank`` (the default group has none)."""
    return policy.groups[rank].flat_restriction if rank < len(policy.groups) else None


def order_within(policy: PriorityPolicy, rank: int) -> str:
    """How the group of ``rank`` is ordered (the default group by lottery)."""
    return policy.groups[rank].order_within if rank < len(policy.groups) else LOTTERY


def sort_key(household: Household, order: str, on: date) -> str | None:
    """The text sort key of ``household`` for ``order`` (``None`` for lottery order)."""
    if order == LOTTERY:
        return None
    if order == "signing_seq":
        seq = household.signing_seq
        return MISSING_SORT_VALUE if seq is None else f"{_bounded(seq, 10**10):010d}"
    if order == "signed_on":
        signed = household.signed_on
        return MISSING_SORT_VALUE if signed is None else signed.isoformat()
    if order == "oldest_first":
        age = household_facts(household, on)["max_member_age"]
        return MISSING_SORT_VALUE if age is None else f"{999 - _bounded(age, 1000):03d}"
    raise ValidationError("unknown_sort_key", value=order)


def _bounded(value: int, limit: int) -> int:
    # Out-of-range numbers would break the text order silently.
    if not 0 <= value < limit:
        raise ValidationError("sort_value_out_of_range", value=value, limit=limit)
    return value


def pool_entries(
    households: Sequence[Household], policy: PriorityPolicy, on: date
) -> list[PoolEntry]:
    """The lottery pool: positions 1..P in the given order, with group, rank and sort key.

    Raises:
        ValidationError: ``duplicate_pool_code`` if two households share a code.
    """
    on = judged_on(policy, on)
    entries: list[PoolEntry] = []
    seen: set[str] = set()
    for position, household in enumerate(households, start=1):
        if household.code in seen:
            raise ValidationError("duplicate_pool_code", code=household.code)
        seen.add(household.code)
        group = assign_group(household, policy, on)
        key = sort_key(household, order_within(policy, group.rank), on)
        entries.append(PoolEntry(position, household.code, group.name, group.rank, key))
    return entries
