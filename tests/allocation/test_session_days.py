"""Per-day figures of a selection session (选房当日情况): worked by hand, and properties."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from allocation.casework import (
    ChoiceFacts,
    StockFlat,
    TurnFacts,
    day_figures,
    session_dates,
    session_days,
)

D1, D2, D3 = date(2026, 12, 1), date(2026, 12, 2), date(2026, 12, 3)
STOCK = [StockFlat("1-1-101", "两室一厅"), StockFlat("1-1-102", "两室一厅"),
         StockFlat("1-1-201", "三室两厅"), StockFlat("1-1-202", "三室两厅"),
         StockFlat("1-1-301", "一室一厅")]


def _example() -> tuple[list[TurnFacts], list[ChoiceFacts]]:
    turns = [
        TurnFacts("A", 1),
        TurnFacts("B", 2, missed_on=(D1,)),        # missed on day 1, chose on day 2
        TurnFacts("C", 3),
        TurnFacts("D", 4, declined_on=D2),
        TurnFacts("E", 5, missed_on=(D1, D2), absent_on=D3),
        TurnFacts("F", 6),
    ]
    choices = [
        ChoiceFacts("A", "1-1-101", "两室一厅", D1),
        ChoiceFacts("A", "1-1-301", "一室一厅", D1),  # A takes two flats
        ChoiceFacts("C", "1-1-201", "三室两厅", D1, revoked_on=D2),  # revoked on day 2
        ChoiceFacts("B", "1-1-102", "两室一厅", D2),
        ChoiceFacts("C", "1-1-202", "三室两厅", D2),  # C chose again on day 2
    ]
    return turns, choices


def test_a_session_over_three_days_worked_by_hand() -> None:
    """Six households, five flats (2 两室一厅, 2 三室两厅, 1 一室一厅).

    Day 1: A takes 101 and 301, C takes 201; B and E are called and miss.
        selected today 2 (A, C), flats today 3; absent today 2 (B, E);
        remaining 6 - 2 = 4 (B, D, E, F).
        两室一厅 2 flats, 1 taken, 1 left; 三室两厅 2, 1 taken, 1 left;
        一室一厅 1, 1 taken, 0 left. Flats taken 3, left 2.
    Day 2: C's 201 revoked, C takes 202; B takes 102; D declines; E misses.
        selected today 2 (B, C: C's standing choice is of day 2), flats today 2;
        selected by the close 3 (A, B, C); declined 1 (D); absent today 1 (E);
        remaining 6 - 3 - 1 = 2 (E, F).
        两室一厅 2 taken (101, 102), 0 left; 三室两厅 1 taken (202), 1 left (201 back);
        一室一厅 1 taken. Flats taken 4, left 1.
    Day 3: the close marks E absent: absent 1, remaining 6 - 3 - 1 - 1 = 1 (F);
        nothing chosen: selected today 0, absent today 0 (E is absent for good).
    Day 1 at its close still counts C's 201, revoked only on day 2.
    """
    turns, choices = _example()
    assert session_dates(turns, choices) == [D1, D2, D3]
    one, two, three = session_days(turns, choices, STOCK)

    assert (one.number, one.households, one.selected_today, one.selected, one.flats_today,
            one.absent_today, one.declined, one.absent, one.remaining) == (
        1, 6, 2, 2, 3, 2, 0, 0, 4)
    assert [(x.layout, x.flats, x.taken_today, x.taken, x.left) for x in one.layouts] == [
        ("两室一厅", 2, 1, 1, 1), ("三室两厅", 2, 1, 1, 1), ("一室一厅", 1, 1, 1, 0)]
    assert (one.flats, one.flats_taken, one.flats_left) == (5, 3, 2)
    assert (one.chosen, one.missed) == (("A", "C"), (2, 5))

    assert (two.number, two.selected_today, two.selected, two.flats_today, two.absent_today,
            two.declined_today, two.declined, two.remaining) == (2, 2, 3, 2, 1, 1, 1, 2)
    assert [(x.layout, x.taken_today, x.taken, x.left) for x in two.layouts] == [
        ("两室一厅", 1, 2, 0), ("三室两厅", 1, 1, 1), ("一室一厅", 0, 1, 0)]
    assert (two.flats_taken, two.flats_left) == (4, 1)
    assert (two.chosen, two.missed) == (("B", "C"), (5,))

    assert (three.number, three.selected_today, three.absent_today, three.absent,
            three.remaining, three.flats_left) == (3, 0, 0, 1, 1, 1)


def test_a_day_without_desk_work_has_number_zero_and_the_running_figures() -> None:
    """The day after day 3: nothing happened; the figures are day 3's, none "today"."""
    turns, choices = _example()
    later = day_figures(D3 + timedelta(days=1), turns, choices, STOCK)
    assert (later.number, later.selected_today, later.selected, later.remaining) == (0, 0, 3, 1)
    assert later.begun and not day_figures(D1 - timedelta(days=1), turns, choices, STOCK).begun


codes = st.sampled_from("ABCDEFGH")
days = st.integers(0, 4).map(lambda n: D1 + timedelta(days=n))


@st.composite
def sessions(draw: st.DrawFn) -> tuple[list[TurnFacts], list[ChoiceFacts]]:
    households = draw(st.lists(codes, min_size=1, max_size=8, unique=True))
    turns = []
    for number, code in enumerate(households, start=1):
        outcome = draw(st.sampled_from(("none", "declined", "absent")))
        turns.append(TurnFacts(code, number, tuple(draw(st.lists(days, max_size=3))),
                               draw(days) if outcome == "declined" else None,
                               draw(days) if outcome == "absent" else None))
    choices = []
    for flat in STOCK:
        if draw(st.booleans()):
            chosen = draw(days)
            revoked = draw(st.one_of(st.none(), days.filter(lambda d, c=chosen: d > c)))
            choices.append(ChoiceFacts(draw(st.sampled_from(households)), flat.key,
                                       flat.layout, chosen, revoked))
    return turns, choices


@given(sessions(), days)
def test_every_household_is_counted_once_and_every_flat_once(
        session: tuple[list[TurnFacts], list[ChoiceFacts]], day: date) -> None:
    turns, choices = session
    figures = day_figures(day, turns, choices, STOCK)
    assert figures.selected + figures.declined + figures.absent + figures.remaining == len(turns)
    assert figures.remaining >= 0
    assert figures.absent_today <= figures.remaining + figures.absent
    assert figures.flats_taken + figures.flats_left == len(STOCK)
    assert figures.flats_today <= figures.flats_taken
    assert sum(x.taken_today for x in figures.layouts) == figures.flats_today
    assert (len(figures.chosen), len(figures.missed)) == (figures.selected_today,
                                                          figures.absent_today)


@given(sessions())
def test_a_day_once_closed_does_not_change_with_what_comes_later(
        session: tuple[list[TurnFacts], list[ChoiceFacts]]) -> None:
    """Facts dated after a day (choices, revocations, turns) never change that day's figures."""
    turns, choices = session
    for figures in session_days(turns, choices, STOCK):
        cut = figures.day
        early_choices = [c if c.revoked_on is None or c.revoked_on <= cut
                         else ChoiceFacts(c.code, c.flat_key, c.layout, c.chosen_on)
                         for c in choices if c.chosen_on <= cut]
        early_turns = [TurnFacts(t.code, t.order_no, tuple(d for d in t.missed_on if d <= cut),
                                 t.declined_on if t.declined_on and t.declined_on <= cut
                                 else None,
                                 t.absent_on if t.absent_on and t.absent_on <= cut else None)
                       for t in turns]
        again = day_figures(cut, early_turns, early_choices, STOCK)
        assert again == figures
