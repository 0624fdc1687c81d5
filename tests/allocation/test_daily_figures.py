"""The daily report's figures on small hand-made facts whose counts can be read off the page."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from allocation.casework.daily_report import (
    AGE_BUCKETS,
    TREND_WEEKS,
    UNASSIGNED,
    HouseholdFacts,
    RequestFacts,
    age_bucket,
    daily_figures,
)
from allocation.casework.vocabulary import RequestKind

DAY = date(2026, 10, 10)
D = timedelta(days=1)
R = RequestKind.REQUEST


def H(code, team, signed=None, moved=None):  # noqa: N802 - reads like a table row
    return HouseholdFacts(code, "张三", team, signed, moved)


HOUSEHOLDS = [
    H("A1", "甲组", DAY, None),
    H("A2", "甲组", DAY - 3 * D, DAY),
    H("A3", "甲组", None, None),
    H("B1", "乙组", DAY - 20 * D, DAY - 2 * D),
    H("B2", "乙组", DAY + D, None),  # signs tomorrow: not counted
    H("C1", None, DAY - 5 * D, None),
]
REQUESTS = [
    RequestFacts("A1", R, DAY, None, None),  # new today, open
    RequestFacts("A2", R, DAY - 10 * D, DAY, None),  # answered today
    RequestFacts("A3", RequestKind.SUGGESTION, DAY - 20 * D, None, None),  # open 20 days
    RequestFacts("B1", R, DAY - 5 * D, DAY + D, None),  # answered tomorrow: open today
    RequestFacts("B1", R, DAY - 9 * D, DAY - 8 * D, DAY - 7 * D),  # done long ago
    RequestFacts("C1", R, DAY + D, None, None),  # tomorrow's
]


@pytest.fixture(scope="module")
def figures():
    return daily_figures(DAY, HOUSEHOLDS, REQUESTS, teams=["乙组", "甲组", "丙组"], oldest=2)


def test_each_team_counts_its_own_households_and_requests(figures):
    rows = {t.team: t for t in figures.teams}
    assert set(rows) == {"甲组", "乙组", "丙组", UNASSIGNED}
    a, b, c, none = rows["甲组"], rows["乙组"], rows["丙组"], rows[UNASSIGNED]
    assert (a.households, a.signed_today, a.signed_total) == (3, 1, 2)
    assert (a.moved_today, a.moved_total) == (1, 1)
    assert (a.received_today, a.answered_today) == (1, 1)
    assert a.open_by_age == (1, 0, 0, 1)  # today's, and the 20-day-old suggestion
    assert (b.households, b.signed_total, b.moved_total, b.open_by_age) == (2, 1, 1, (0, 1, 0, 0))
    assert (c.households, c.signed_total, c.open_total) == (0, 0, 0)
    assert (none.households, none.signed_total, none.received_today) == (1, 1, 0)


def test_the_total_row_adds_up_the_teams(figures):
    total = figures.total
    for name in ("households", "signed_today", "signed_total", "moved_today", "moved_total",
                 "received_today", "answered_today", "open_total", "overdue"):
        assert getattr(total, name) == sum(getattr(t, name) for t in figures.teams), name
    assert total.overdue == 1


def test_teams_are_ranked_by_signing_rate_then_size(figures):
    assert [(t.rank, t.team) for t in figures.teams] == [
        (1, UNASSIGNED), (2, "甲组"), (3, "乙组"), (4, "丙组")]
    assert [str(t.signing_rate) for t in figures.teams] == ["100.0", "66.7", "50.0", "0.0"]


def test_the_oldest_open_requests_come_first(figures):
    assert [(r.code, r.age) for r in figures.oldest_open] == [("A3", 20), ("B1", 5)]


def test_the_trend_has_one_bar_a_week_ending_on_the_day(figures):
    assert len(figures.trend) == TREND_WEEKS
    last = figures.trend[-1]
    assert (last.first, last.last) == (DAY - 6 * D, DAY)
    assert (last.signed, last.moved) == (3, 2)  # A1, A2, C1 signed; A2, B1 moved
    assert figures.trend[-3].signed == 1  # B1, twenty days before


@pytest.mark.parametrize(("age", "bucket"), [(0, 0), (3, 0), (4, 1), (7, 1), (8, 2), (14, 2),
                                             (15, 3), (400, 3)])
def test_ages_fall_in_one_bucket(age, bucket):
    assert age_bucket(age) == bucket
    first, last = AGE_BUCKETS[bucket]
    assert first <= age and (last is None or age <= last)
