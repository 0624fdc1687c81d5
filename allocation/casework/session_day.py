"""The figures of each day of a selection session (选房当日情况), from plain facts.

A session of a few hundred households runs over several days; at the close
of each the office reports, and posts, how the day went: the households that
chose (and the flats they took), the households called that day who did not
come, those left to serve, and the flats taken and left by layout.

Inputs are what the session's records say, each dated by the office's local
calendar day: every choice with the day it was confirmed and the day it was
revoked (if it was), and every turn with the days it was called and did not
come (过号, or skipped in its last round), the day it came and took no flat,
and the day the close marked it absent. A day's figures are "as of its
close": a choice revoked on a later day still counts on the day it stood,
so the figures of a day already reported never change afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class TurnFacts:
    """One household's turn in the session.

    Args:
        code: the household code.
        order_no: its selection order number.
        missed_on: the days it was called and did not come (moved to the end
            of the queue, or skipped in its last round), one entry per miss.
        declined_on: the day it came and took no flat, if it did.
        absent_on: the day the session's close marked it absent, if it did.
    """

    code: str
    order_no: int
    missed_on: tuple[date, ...] = ()
    declined_on: date | None = None
    absent_on: date | None = None


@dataclass(frozen=True, slots=True)
class ChoiceFacts:
    """One flat confirmed at the desk (a household taking two flats has two)."""

    code: str
    flat_key: str
    layout: str
    chosen_on: date
    revoked_on: date | None = None

    def stands_on(self, day: date) -> bool:
        """Confirmed by the close of ``day`` and not revoked by then."""
        return self.chosen_on <= day and (self.revoked_on is None or self.revoked_on > day)


@dataclass(frozen=True, slots=True)
class StockFlat:
    """A flat offered at the session (its stock, in the order the notices list it)."""

    key: str
    layout: str


@dataclass(frozen=True, slots=True)
class LayoutDay:
    """One layout at the close of a day: the flats offered, taken that day and by then."""

    layout: str
    flats: int
    taken_today: int
    taken: int

    @property
    def left(self) -> int:
        return self.flats - self.taken


@dataclass(frozen=True, slots=True)
class SessionDay:
    """The figures of one day at its close; ``number`` is its place among the session's
    days (第1日, 第2日, …), 0 for a day on which nothing happened at the desk."""

    day: date
    number: int
    households: int
    selected_today: int  # households whose flats were confirmed that day
    selected: int  # by the close of the day
    flats_today: int  # flats confirmed that day (a household may take several)
    absent_today: int  # called that day, did not come, neither chose nor declined by the close
    declined_today: int
    declined: int  # came and took no flat, by the close
    absent: int  # marked absent for good at the session's close, by then
    layouts: tuple[LayoutDay, ...]
    chosen: tuple[str, ...] = ()  # the codes counted in selected_today, in order number order
    missed: tuple[int, ...] = ()  # the order numbers counted in absent_today, in order

    @property
    def begun(self) -> bool:
        """Whether the desk had begun by the close (a day before the session's first has
        nothing to report)."""
        return bool(self.number or self.selected or self.declined or self.absent)

    @property
    def remaining(self) -> int:
        """Households still to serve: neither chosen, nor declined, nor absent for good."""
        return self.households - self.selected - self.declined - self.absent

    @property
    def flats(self) -> int:
        return sum(line.flats for line in self.layouts)

    @property
    def flats_taken(self) -> int:
        return sum(line.taken for line in self.layouts)

    @property
    def flats_left(self) -> int:
        return self.flats - self.flats_taken


def session_dates(turns: Iterable[TurnFacts], choices: Iterable[ChoiceFacts]) -> list[date]:
    """The days something happened at the desk, in order: the session's days."""
    found: set[date] = set()
    for turn in turns:
        found.update(turn.missed_on)
        found.update(d for d in (turn.declined_on, turn.absent_on) if d is not None)
    for choice in choices:
        found.update(d for d in (choice.chosen_on, choice.revoked_on) if d is not None)
    return sorted(found)


def day_figures(day: date, turns: Sequence[TurnFacts], choices: Sequence[ChoiceFacts],
                stock: Sequence[StockFlat]) -> SessionDay:
    """The figures at the close of ``day``.

    Steps:
        1. the choices standing at the close (confirmed by then, not revoked by
           then) and the households they belong to; those confirmed that day;
        2. declined and absent households: by the day their turn says;
        3. absent that day: called that day and missed, and at the close
           neither chosen nor declined (a household the close marks absent
           for good that day was absent that day too);
        4. per layout of the stock (in stock order; a chosen flat's layout not
           in the stock after them): flats, taken that day, taken by the close.
    """
    standing = [c for c in choices if c.stands_on(day)]
    selected = {c.code for c in standing}
    today = [c for c in standing if c.chosen_on == day]
    declined = {t.code for t in turns if t.declined_on is not None and t.declined_on <= day
                and t.code not in selected}
    absent = {t.code for t in turns if t.absent_on is not None and t.absent_on <= day
              and t.code not in selected | declined}
    missed = {t.code for t in turns if day in t.missed_on} - selected - declined
    dates = session_dates(turns, choices)
    order = {t.code: t.order_no for t in turns}
    chosen_today = {c.code for c in today}
    return SessionDay(
        day=day,
        number=dates.index(day) + 1 if day in dates else 0,
        households=len({t.code for t in turns}),
        selected_today=len(chosen_today),
        selected=len(selected),
        flats_today=len(today),
        absent_today=len(missed),
        declined_today=sum(1 for t in turns if t.declined_on == day and t.code in declined),
        declined=len(declined),
        absent=len(absent),
        layouts=_layouts(day, stock, standing),
        chosen=tuple(sorted(chosen_today, key=lambda code: (order.get(code, 0), code))),
        missed=tuple(sorted(order[code] for code in missed)),
    )


def session_days(turns: Sequence[TurnFacts], choices: Sequence[ChoiceFacts],
                 stock: Sequence[StockFlat]) -> tuple[SessionDay, ...]:
    """Every session day's figures at its close, first day first."""
    return tuple(day_figures(d, turns, choices, stock) for d in session_dates(turns, choices))


def _layouts(day: date, stock: Sequence[StockFlat],
             standing: Sequence[ChoiceFacts]) -> tuple[LayoutDay, ...]:
    offered: dict[str, set[str]] = {}
    for flat in stock:
        offered.setdefault(flat.layout, set()).add(flat.key)
    for choice in standing:  # a flat withdrawn from the stock after it was taken
        offered.setdefault(choice.layout, set()).add(choice.flat_key)
    return tuple(
        LayoutDay(layout, len(keys),
                  sum(1 for c in standing if c.layout == layout and c.chosen_on == day),
                  sum(1 for c in standing if c.layout == layout))
        for layout, keys in offered.items())
