"""The progress table of a project and the figures of its daily report (日通报), from the database.

Both are read with a few set queries over the whole project and returned as
plain data; the counting itself is allocation.casework.daily_figures (pure, so the
same figures come out of the GUI, the CLI and the printout).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from allocation.casework import (
    DailyFigures,
    HouseholdFacts,
    Pair,
    RequestFacts,
    RequestKind,
    RequestStatus,
    daily_figures,
    household_stage,
)
from allocation.registry import HouseholdStatus, ProjectId
from db.casework.progress import chosen_flats, project_steps
from db.casework.queries import assignments
from db.records import HouseholdRecord, RequestRecord, TeamRecord, VisitRecord
from db.registry import HouseholdRow, household_rows


@dataclass(frozen=True, slots=True)
class ProgressRow:
    """One household's line of the progress table (一户一档的进度)."""

    household_id: int
    code: str
    head_name: str
    status: HouseholdStatus
    pair: Pair | None
    team_id: int | None
    registered_on: date | None
    verified_on: date | None
    signed_on: date | None
    signing_seq: int | None
    moved_out_on: date | None
    flat_key: str | None
    flat_chosen_on: date | None
    keys_handed_on: date | None
    visits: int
    last_visit: date | None
    open_requests: int

    @property
    def team(self) -> str | None:
        return self.pair.team if self.pair else None


def progress_rows(session: Session, project_id: ProjectId) -> list[ProgressRow]:
    """Every household of a project in code order, with its steps, team and casework counts."""
    steps = project_steps(session, project_id)
    given = assignments(session, project_id)
    flats = chosen_flats(session, project_id)
    visits = {hid: (count, last) for hid, count, last in session.execute(
        select(VisitRecord.household_id, func.count(), func.max(VisitRecord.visited_on))
        .where(VisitRecord.project_id == project_id).group_by(VisitRecord.household_id))}
    waiting = dict(session.execute(
        select(RequestRecord.household_id, func.count())
        .where(RequestRecord.project_id == project_id,
               RequestRecord.status == RequestStatus.OPEN.value)
        .group_by(RequestRecord.household_id)).all())
    h = HouseholdRecord.__table__.c
    query = (select(h.id, h.code, h.head_name, h.status, h.signed_on, h.signing_seq)
             .where(h.project_id == project_id).order_by(h.code))
    rows = []
    for hid, code, name, status, signed_on, seq in session.execute(query):
        done = steps.get(hid, {})
        flat_key, chosen_on = flats.get(hid, (None, None))
        count, last = visits.get(hid, (0, None))
        assignment = given.get(hid)
        rows.append(ProgressRow(
            hid, code, name, _stage(HouseholdStatus(status), done, chosen_on is not None),
            assignment.pair if assignment else None, assignment.team_id if assignment else None,
            done.get(HouseholdStatus.REGISTERED), done.get(HouseholdStatus.VERIFIED),
            signed_on, seq, done.get(HouseholdStatus.MOVED_OUT), flat_key, chosen_on,
            done.get(HouseholdStatus.KEYS_HANDED), count, last, waiting.get(hid, 0)))
    return rows


def _stage(status: HouseholdStatus, done: dict[HouseholdStatus, date],
           chosen: bool) -> HouseholdStatus:
    # A flat chosen at the session is a step reached (the household row does not say it).
    return household_stage(status, [*done, *([HouseholdStatus.FLAT_CHOSEN] if chosen else [])])


def project_stages(session: Session, project_id: ProjectId) -> dict[int, HouseholdStatus]:
    """household id -> its stage (allocation.casework.household_stage), for a whole project
    in three set queries: the Households page shows it for every household."""
    steps = project_steps(session, project_id)
    chosen = chosen_flats(session, project_id)
    h = HouseholdRecord.__table__.c
    query = select(h.id, h.status).where(h.project_id == project_id)
    return {hid: _stage(HouseholdStatus(status), steps.get(hid, {}), hid in chosen)
            for hid, status in session.execute(query)}


def household_rows_at_their_stage(session: Session,
                                  project_id: ProjectId) -> list[HouseholdRow]:
    """The Households page's rows (db.registry.household_rows) with each one's stage."""
    stages = project_stages(session, project_id)
    return [row._replace(stage=stages.get(row.id, row.status))
            for row in household_rows(session, project_id)]


def report_facts(session: Session, project_id: ProjectId,
                 ) -> tuple[list[HouseholdFacts], list[RequestFacts], list[str]]:
    """What the daily report counts: households, requests, and the team names in order."""
    rows = progress_rows(session, project_id)
    households = [HouseholdFacts(r.code, r.head_name, r.team, r.signed_on, r.moved_out_on)
                  for r in rows]
    codes = {r.household_id: r.code for r in rows}
    query = select(RequestRecord.household_id, RequestRecord.kind, RequestRecord.received_on,
                   RequestRecord.answered_on, RequestRecord.closed_on).where(
        RequestRecord.project_id == project_id)
    requests = [RequestFacts(codes[hid], RequestKind(kind), received, answered, closed)
                for hid, kind, received, answered, closed in session.execute(query)]
    names = list(session.scalars(select(TeamRecord.name).where(
        TeamRecord.project_id == project_id).order_by(TeamRecord.id)))
    return households, requests, names


def daily_report(session: Session, project_id: ProjectId, day: date) -> DailyFigures:
    """The daily report's figures for the end of ``day``."""
    households, requests, names = report_facts(session, project_id)
    return daily_figures(day, households, requests, teams=names)
