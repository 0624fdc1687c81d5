"""Each session day's figures (选房当日情况) read from a real session over two days."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select, text

import db.selection as selection
from allocation.registry.model import ProjectId
from db.records.tables import FlatRecord
from tests.db.test_selection import build_drawn_project

#: Noon UTC: the same calendar day in every office time zone from UTC-11 to UTC+11.
DAY_ONE = date(2026, 11, 2)
NOON = datetime(2026, 11, 2, 12, tzinfo=UTC)


def _move_to_day_one(session) -> None:
    """What happened so far happened on DAY_ONE: the session's times and its turns' log."""
    params = {"at": NOON}
    session.execute(text("UPDATE selection SET selected_at = :at"), params)
    session.execute(text("UPDATE selection_turn SET finished_at = :at "
                         "WHERE finished_at IS NOT NULL"), params)
    session.execute(text("UPDATE audit_event SET at = :at WHERE entity = 'selection_turn'"),
                    params)


def _front(session, project_id) -> str:
    return selection.call_next(session, project_id=project_id, operator="op").code


def test_two_days_of_a_session_worked_by_hand(factory):
    """Four households, one missed call moving a household to the end (calls_before_move 1),
    no final call.

    Day one: the 1st chooses a flat; the 2nd is called and misses (moved to the end).
        selected today 1, flats today 1, absent today 1 (the 2nd), remaining 4 - 1 = 3.
    Day two (today): the 3rd chooses; the 4th declines; the 2nd is called again and
        misses (skipped), and the close marks it absent.
        selected today 1, selected 2, declined 1, absent today 1 (the 2nd, missing again),
        absent for good 1 (the same), remaining 4 - 2 - 1 - 1 = 0; flats taken 2, left:
        the offered flats - 2.
    """
    with factory.begin() as s:
        project_id = build_drawn_project(s, households=4)
        selection.open_session(s, project_id=project_id, operator="op", held_on=DAY_ONE,
                               settings=selection.SessionSettings(180, 1, False))
        first = _front(s, project_id)
        flat = selection.desk.offers(s, project_id, first)[0].flat.key
        selection.select_flat(s, project_id=project_id, code=first, flat_key=flat,
                              operator="op")
        second = _front(s, project_id)
        selection.skip(s, project_id=project_id, code=second, operator="op")
        _move_to_day_one(s)
    with factory.begin() as s:
        third = _front(s, project_id)
        selection.select_flat(s, project_id=project_id, code=third,
                              flat_key=selection.desk.offers(s, project_id, third)[0].flat.key,
                              operator="op")
        fourth = _front(s, project_id)
        selection.decline(s, project_id=project_id, code=fourth, reason="不满意",
                          operator="op")
        assert _front(s, project_id) == second
        selection.skip(s, project_id=project_id, code=second, operator="op")
        selection.close_session(s, project_id=project_id, operator="sup")
    with factory() as s:
        days = selection.project_session_days(s, ProjectId(project_id))
        offered = s.scalar(select(func.count()).select_from(FlatRecord).where(
            FlatRecord.project_id == project_id,
            FlatRecord.status.in_(("available", "selected"))))
    one, two = days
    today = datetime.now(UTC).astimezone().date()
    assert (one.day, one.number, two.day, two.number) == (DAY_ONE, 1, today, 2)
    assert (one.households, one.selected_today, one.flats_today, one.absent_today,
            one.remaining) == (4, 1, 1, 1, 3)
    assert (two.selected_today, two.selected, two.declined, two.absent, two.absent_today,
            two.remaining) == (1, 2, 1, 1, 1, 0)
    assert (two.flats_taken, two.flats_left, two.flats) == (2, offered - 2, offered)
    assert sum(line.taken_today for line in two.layouts) == 1
    with factory() as s:
        assert selection.session_day(s, ProjectId(project_id), DAY_ONE) == one


def test_no_session_no_days(factory, project_id):
    with factory() as s:
        assert selection.project_session_days(s, project_id) == ()
        assert selection.session_day(s, project_id, DAY_ONE) is None
