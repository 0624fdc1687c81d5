"""The daily report's figures equal counts made here, straight from the tables of the demo."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

import pytest
from sqlalchemy import text

from allocation.casework.daily_report import UNASSIGNED
from allocation.demo.register import DEMO_TODAY
from db.casework.progress_report import daily_report
from db.demo.project import create_demo_project
from db.replay.check import verify_audit


@pytest.fixture
def demo(factory):
    with factory.begin() as s:
        return create_demo_project(s, actor="demo")


def _day(value: Any) -> date | None:
    # SQLite hands dates back as text through a plain SQL query, PostgreSQL as dates.
    return None if value is None else date.fromisoformat(str(value))


def _raw(session, project_id):
    """Team, signing and moving-out date per household, and every request, by plain SQL."""
    teams = dict(session.execute(text(
        "SELECT h.code, t.name FROM household h "
        "LEFT JOIN household_assignment a ON a.household_id = h.id "
        "LEFT JOIN team t ON t.id = a.team_id WHERE h.project_id = :p"), {"p": project_id}).all())
    signed = {code: _day(on) for code, on in session.execute(text(
        "SELECT code, signed_on FROM household WHERE project_id = :p"), {"p": project_id})}
    moved = {code: _day(on) for code, on in session.execute(text(
        "SELECT h.code, s.done_on FROM progress_step s JOIN household h ON h.id = s.household_id "
        "WHERE s.step = 'moved_out' AND s.project_id = :p"), {"p": project_id})}
    requests = [(code, _day(received), _day(answered), _day(closed))
                for code, received, answered, closed in session.execute(text(
                    "SELECT h.code, r.received_on, r.answered_on, r.closed_on FROM case_request r "
                    "JOIN household h ON h.id = r.household_id WHERE r.project_id = :p"),
                    {"p": project_id})]
    return teams, signed, moved, requests


def _expected(day, teams, signed, moved, requests):
    """Each team's figures counted the plain way: one pass, one dictionary per figure."""
    count: dict[str, Counter] = defaultdict(Counter)
    for code, team in teams.items():
        row = count[team or UNASSIGNED]
        row["households"] += 1
        row["signed_today"] += signed[code] == day
        row["signed_total"] += signed[code] is not None and signed[code] <= day
        row["moved_today"] += moved.get(code) == day
        row["moved_total"] += code in moved and moved[code] <= day
    for code, received, answered, closed in requests:
        row = count[teams[code] or UNASSIGNED]
        row["received_today"] += received == day
        row["answered_today"] += answered == day
        finished = [d for d in (answered, closed) if d is not None and d <= day]
        if received <= day and not finished:
            age = (day - received).days
            bucket = 0 if age <= 3 else 1 if age <= 7 else 2 if age <= 14 else 3
            row[f"open_{bucket}"] += 1
    return count


# Four days of the whole demo's casework, each recounted from the tables.
@pytest.mark.slow
@pytest.mark.parametrize("day", [DEMO_TODAY, date(2026, 10, 13), date(2026, 8, 20),
                                 date(2026, 7, 6)])
def test_every_figure_equals_the_count_from_the_tables(factory, demo, day):
    with factory() as s:
        figures = daily_report(s, demo, day)
        expected = _expected(day, *_raw(s, demo))
    assert {t.team for t in figures.teams} == set(expected)
    for team in figures.teams:
        want = expected[team.team]
        got = Counter({name: getattr(team, name) for name in (
            "households", "signed_today", "signed_total", "moved_today", "moved_total",
            "received_today", "answered_today")})
        got.update({f"open_{i}": n for i, n in enumerate(team.open_by_age)})
        assert +got == +want, team.team
    total = sum(expected.values(), Counter())
    assert figures.total.households == total["households"] == 199
    assert figures.total.signed_total == total["signed_total"]
    assert figures.total.open_total == sum(total[f"open_{i}"] for i in range(4))


def test_the_demo_report_day_has_news_and_the_ranking_is_by_signing_rate(factory, demo):
    with factory() as s:
        figures = daily_report(s, demo, DEMO_TODAY)
        assert verify_audit(s, demo).ok
    total = figures.total
    assert total.moved_today == 3 and total.received_today == 3 and total.answered_today == 2
    assert total.overdue == 2  # the two left waiting on purpose
    assert [t.rank for t in figures.teams] == list(range(1, 6))
    rates = [t.signing_rate for t in figures.teams]
    assert rates == sorted(rates, reverse=True)
    assert sum(w.signed for w in figures.trend) == total.signed_total  # the whole campaign
