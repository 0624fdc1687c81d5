"""The figures of the daily report (日通报), computed from plain facts: per team and in total.

Inputs are what the ledger says about each household (its team, when it
signed and moved out) and each request (when it came in, was answered,
closed). The report is "as of the end of ``day``": a request answered the
day after still counts as open on ``day``. Reopened requests count from
their current answer date only (the earlier answer is in the audit log).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from allocation.casework.vocabulary import RequestKind

UNASSIGNED: Final = "未分组"
# Open requests by days since received: (first day, last day or None), and their labels.
AGE_BUCKETS: Final = ((0, 3), (4, 7), (8, 14), (15, None))
AGE_LABELS: Final = ("3日内", "4-7日", "8-14日", "超14日")
OVERDUE_DAYS: Final = 7  # answered within a week, as offices promise
# A signing campaign runs for months: daily bars would be mostly empty, weekly ones show it.
TREND_WEEKS: Final = 18


@dataclass(frozen=True, slots=True)
class HouseholdFacts:
    code: str
    head_name: str
    team: str | None
    signed_on: date | None
    moved_out_on: date | None


@dataclass(frozen=True, slots=True)
class RequestFacts:
    code: str
    kind: RequestKind
    received_on: date
    answered_on: date | None
    closed_on: date | None

    def open_on(self, day: date) -> bool:
        """Received by the end of ``day`` and neither answered nor closed by then."""
        if self.received_on > day:
            return False
        done = [d for d in (self.answered_on, self.closed_on) if d is not None and d <= day]
        return not done


@dataclass(frozen=True, slots=True)
class TeamFigures:
    """One row of the report; ``rank`` 1 is the best team (0 for the total row)."""

    team: str
    households: int
    signed_today: int
    signed_total: int
    moved_today: int
    moved_total: int
    received_today: int
    answered_today: int
    open_by_age: tuple[int, ...]
    rank: int = 0

    @property
    def open_total(self) -> int:
        return sum(self.open_by_age)

    @property
    def overdue(self) -> int:
        """Open for more than OVERDUE_DAYS days."""
        return sum(n for (first, _last), n in zip(AGE_BUCKETS, self.open_by_age, strict=True)
                   if first > OVERDUE_DAYS)

    @property
    def signing_rate(self) -> Decimal:
        """Signed share in per cent, to 0.1 (0 for a team without households)."""
        return percent(self.signed_total, self.households)


@dataclass(frozen=True, slots=True)
class OpenRequest:
    """An open request as the report lists it (the name masked by whoever prints it)."""

    code: str
    head_name: str
    team: str
    kind: RequestKind
    received_on: date
    age: int


@dataclass(frozen=True, slots=True)
class WeekFigures:
    """Signings and move-outs in the seven days ``first``..``last``."""

    first: date
    last: date
    signed: int
    moved: int


@dataclass(frozen=True, slots=True)
class DailyFigures:
    day: date
    teams: tuple[TeamFigures, ...]  # ranked
    total: TeamFigures
    trend: tuple[WeekFigures, ...]  # the last TREND_WEEKS weeks, oldest first
    oldest_open: tuple[OpenRequest, ...] = field(default=())


def percent(part: int, whole: int) -> Decimal:
    if whole == 0:
        return Decimal("0.0")
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def age_bucket(age: int) -> int:
    """The index in AGE_BUCKETS of a request open for ``age`` days."""
    for index, (first, last) in enumerate(AGE_BUCKETS):
        if age >= first and (last is None or age <= last):
            return index
    raise ValueError(f"negative age {age}")


def daily_figures(day: date, households: Sequence[HouseholdFacts],
                  requests: Sequence[RequestFacts], *, teams: Iterable[str] = (),
                  oldest: int = 5) -> DailyFigures:
    """The report for the end of ``day``.

    Steps:
        1. group households by team (``teams`` first, in their order, even
           when empty; households without a team under UNASSIGNED);
        2. per team, count signings and move-outs on the day and up to it,
           requests received and answered on the day, and the requests
           still open at the end of the day by age;
        3. rank the teams: signing rate, then signed households, then fewer
           overdue requests, then name;
        4. add the total row, the weekly trend of the last TREND_WEEKS weeks
           (the last one ending on ``day``) and the
           ``oldest`` longest-open requests.
    """
    team_of = {h.code: h.team or UNASSIGNED for h in households}
    names = list(dict.fromkeys([*teams, *(team_of[h.code] for h in households)]))
    rows = [_team_row(day, name, [h for h in households if team_of[h.code] == name],
                      [r for r in requests if team_of.get(r.code, UNASSIGNED) == name])
            for name in names]
    ranked = sorted(rows, key=lambda t: (-t.signing_rate, -t.signed_total, t.overdue, t.team))
    ranked = [_with_rank(t, i) for i, t in enumerate(ranked, start=1)]
    return DailyFigures(day, tuple(ranked), _team_row(day, "合计", households, requests),
                        _trend(day, households), _oldest(day, households, requests, team_of,
                                                         oldest))


def _team_row(day: date, name: str, households: Sequence[HouseholdFacts],
              requests: Sequence[RequestFacts]) -> TeamFigures:
    ages = [0] * len(AGE_BUCKETS)
    for request in requests:
        if request.open_on(day):
            ages[age_bucket((day - request.received_on).days)] += 1
    return TeamFigures(
        team=name,
        households=len(households),
        signed_today=sum(1 for h in households if h.signed_on == day),
        signed_total=sum(1 for h in households if h.signed_on and h.signed_on <= day),
        moved_today=sum(1 for h in households if h.moved_out_on == day),
        moved_total=sum(1 for h in households if h.moved_out_on and h.moved_out_on <= day),
        received_today=sum(1 for r in requests if r.received_on == day),
        answered_today=sum(1 for r in requests if r.answered_on == day),
        open_by_age=tuple(ages),
    )


def _with_rank(row: TeamFigures, rank: int) -> TeamFigures:
    return TeamFigures(row.team, row.households, row.signed_today, row.signed_total,
                       row.moved_today, row.moved_total, row.received_today,
                       row.answered_today, row.open_by_age, rank)


def _trend(day: date, households: Sequence[HouseholdFacts]) -> tuple[WeekFigures, ...]:
    signed = _count_by_day(h.signed_on for h in households)
    moved = _count_by_day(h.moved_out_on for h in households)
    weeks = []
    for back in range(TREND_WEEKS - 1, -1, -1):
        last = day - timedelta(days=7 * back)
        days = [last - timedelta(days=n) for n in range(7)]
        weeks.append(WeekFigures(days[-1], last, sum(signed.get(d, 0) for d in days),
                                 sum(moved.get(d, 0) for d in days)))
    return tuple(weeks)


def _count_by_day(days: Iterable[date | None]) -> dict[date, int]:
    counts: dict[date, int] = {}
    for found in days:
        if found is not None:
            counts[found] = counts.get(found, 0) + 1
    return counts


def _oldest(day: date, households: Sequence[HouseholdFacts], requests: Sequence[RequestFacts],
            team_of: dict[str, str], count: int) -> tuple[OpenRequest, ...]:
    names = {h.code: h.head_name for h in households}
    waiting = sorted((r for r in requests if r.open_on(day)),
                     key=lambda r: (r.received_on, r.code))
    return tuple(OpenRequest(r.code, names.get(r.code, ""), team_of.get(r.code, UNASSIGNED),
                             r.kind, r.received_on, (day - r.received_on).days)
                 for r in waiting[:count])
