"""What a household says it wants before the session (选房意向摸底).

Staff ask every household during their visits; what it says is an
:class:`Intention`. A household without one is "unknown": the figures of
:mod:`allocation.chances` then assume nothing of it beyond the rules (it may
take any flat it is eligible for, each as likely as any other).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from allocation.errors import ValidationError
from allocation.registry import Flat

#: How a list of layouts or buildings is written (stored, exported, shown): 2室1厅、3室2厅.
NAME_SEPARATOR: Final = "、"
#: What people type between names: the 顿号, commas and semicolons of either width, new lines.
_SEPARATORS: Final = re.compile(r"[、,，;；\n]+")
#: Longest layout or building name the stock stores (FlatRecord: String(32)).
MAX_NAME_LENGTH: Final = 32


@dataclass(frozen=True, slots=True)
class Intention:
    """The layouts a household wants, best first, and where.

    ``buildings`` (best first too; empty: any) and the floor range (``None``:
    no bound, bounds included) narrow every layout named. ``flats`` is how
    many flats the household says it wants: supply and demand count it; the
    replay gives one flat a turn, as the desk does.

    Raises:
        ValidationError: ``intention_no_layout``, ``intention_floor_range``
            (``floor_min`` above ``floor_max``), ``intention_flats`` (below 1).
    """

    layouts: tuple[str, ...]
    buildings: tuple[str, ...] = ()
    floor_min: int | None = None
    floor_max: int | None = None
    flats: int = 1

    def __post_init__(self) -> None:
        if not self.layouts:
            raise ValidationError("intention_no_layout")
        if (self.floor_min is not None and self.floor_max is not None
                and self.floor_min > self.floor_max):
            raise ValidationError("intention_floor_range", floor_min=self.floor_min,
                                  floor_max=self.floor_max)
        if self.flats < 1:
            raise ValidationError("intention_flats", flats=self.flats)

    def wants(self, flat: Flat, layout: str) -> bool:
        """Whether ``flat`` is of ``layout`` and where this intention wants it."""
        return (flat.layout == layout
                and (not self.buildings or flat.building in self.buildings)
                and (self.floor_min is None or flat.floor >= self.floor_min)
                and (self.floor_max is None or flat.floor <= self.floor_max))


def split_names(field: str, text: str) -> tuple[str, ...]:
    """The names written in ``text`` (best first), each once: "2室1厅、3室2厅" -> both.

    Raises:
        ValidationError: ``intention_duplicate`` (a name twice), ``too_long``
            (a name longer than the stock stores); both with ``field``.
    """
    names = tuple(n.strip() for n in _SEPARATORS.split(text) if n.strip())
    for place, name in enumerate(names):
        if len(name) > MAX_NAME_LENGTH:
            raise ValidationError("too_long", field=field, max=MAX_NAME_LENGTH)
        if name in names[:place]:
            raise ValidationError("intention_duplicate", field=field, name=name)
    return names


def join_names(names: Iterable[str]) -> str:
    """The names as one text, the way :func:`split_names` reads them back."""
    return NAME_SEPARATOR.join(names)


def stored_intention(layouts: str, buildings: str, floor_min: int | None,
                     floor_max: int | None, flats: int) -> Intention:
    """The :class:`Intention` of a stored row or a spreadsheet row (lists as written)."""
    return Intention(split_names("layouts", layouts), split_names("buildings", buildings),
                     floor_min, floor_max, flats)
