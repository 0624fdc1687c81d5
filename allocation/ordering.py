"""Final order of a draw: priority group, then sort key, then lottery rank.

One draw orders the whole pool; priority groups and sort keys are applied
afterwards as a sort on (group_rank, sort_key, lottery rank), so within a
group (and sort key) the order stays uniformly random. Sort keys compare by
Unicode code point (Python ``str`` order), which any verifier reproduces;
whoever builds the pool must write them so that this order is the intended
one (e.g. zero-padded numbers). A missing sort key sorts as ``""``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from allocation.errors import ValidationError


class Orderable(Protocol):
    """What :func:`final_order` reads from a pool entry."""

    @property
    def position(self) -> int: ...

    @property
    def group_rank(self) -> int: ...

    @property
    def sort_key(self) -> str | None: ...


E = TypeVar("E", bound=Orderable)


@dataclass(frozen=True)
class PoolEntry:
    """One published pool line: number 1..P, household code, priority group."""

    position: int
    code: str
    group: str | None = None
    group_rank: int = 0
    sort_key: str | None = None


def final_order(entries: Sequence[E], lottery_order: Sequence[int]) -> list[E]:
    """The entries sorted by (group_rank, sort_key or "", lottery rank).

    Args:
        entries: the pool, each with a distinct ``position``.
        lottery_order: every entry's position exactly once, in selection order.

    Raises:
        ValidationError: ``lottery_order_mismatch`` if ``lottery_order`` is
            not a permutation of the entries' positions.
    """
    rank = {position: i for i, position in enumerate(lottery_order)}
    positions = {e.position for e in entries}
    if len(rank) != len(lottery_order) or rank.keys() != positions:
        missing = sorted(positions - rank.keys())[:5]
        extra = sorted(rank.keys() - positions)[:5]
        raise ValidationError("lottery_order_mismatch", missing=missing, extra=extra)
    return sorted(entries, key=lambda e: (e.group_rank, e.sort_key or "", rank[e.position]))
