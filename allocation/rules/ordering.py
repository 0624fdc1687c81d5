"""Final order of a draw: priority group, then sort key, then lottery rank.

One draw orders the whole pool; priority groups and sort keys are applied
afterwards as a stable sort on (group_rank, sort_key), the lottery order
breaking ties, so within a group (and sort key) the order stays uniformly
random. Sort keys compare by Unicode code point (Python ``str`` order),
which any verifier reproduces; whoever builds the pool must write them so
that this order is the intended one (e.g. zero-padded numbers). A missing
sort key sorts as ``""``.
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
        entries: the pool, numbered 1..P (in any order).
        lottery_order: every position 1..P exactly once, in selection order.

    Raises:
        ValidationError: ``pool_numbering`` if the positions are not 1..P;
            ``lottery_order_mismatch`` if ``lottery_order`` is not a
            permutation of them.
    """
    by_position = sorted(entries, key=lambda e: e.position)
    if [e.position for e in by_position] != list(range(1, len(entries) + 1)):
        raise ValidationError("pool_numbering", pool_size=len(entries))
    priorities = [(e.group_rank, e.sort_key) for e in by_position]
    return [by_position[p - 1] for p in final_positions(priorities, lottery_order)]


def final_positions(
    priorities: Sequence[tuple[int, str | None]], lottery_order: Sequence[int]
) -> list[int]:
    """Positions in final order, given ``priorities[p - 1] = (group_rank, sort_key)``.

    The stable sort is done as buckets filled in lottery order: O(P) plus
    sorting the distinct (group_rank, sort_key) pairs, so a million
    households take well under a second.

    Raises:
        ValidationError: ``lottery_order_mismatch``.
    """
    size = len(priorities)
    if len(lottery_order) != size or set(lottery_order) != set(range(1, size + 1)):
        raise ValidationError(
            "lottery_order_mismatch", pool_size=size, lottery_length=len(lottery_order)
        )
    buckets: dict[tuple[int, str], list[int]] = {}
    for position in lottery_order:
        rank, key = priorities[position - 1]
        buckets.setdefault((rank, key or ""), []).append(position)
    return [p for bucket in sorted(buckets) for p in buckets[bucket]]
