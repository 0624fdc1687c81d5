"""Reading the casework: teams, who looks after whom, a household's case log, request lists.

Everything returned is a plain dataclass. Lists for a whole project are read
with a handful of set queries (not one query per household), so the
Progress page and the exports stay quick on large projects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from allocation.casework import Pair, RequestKind, RequestStatus, household_stage
from allocation.registry import HouseholdStatus, ProjectId
from db.casework.base import (
    AttachmentEntry,
    FlagEntry,
    NoteEntry,
    RequestEntry,
    VisitEntry,
    attachment_entry,
    flag_entry,
    note_entry,
    request_entry,
    require_household,
    visit_entry,
)
from db.casework.intentions import IntentionEntry, household_intention
from db.casework.progress import reached_steps
from db.records import (
    AssignmentRecord,
    AttachmentRecord,
    CaseFlagRecord,
    CaseNoteRecord,
    HouseholdRecord,
    RequestRecord,
    StaffRecord,
    TeamRecord,
    VisitRecord,
)


@dataclass(frozen=True, slots=True)
class StaffInfo:
    id: int
    name: str
    team_id: int
    phone: str
    active: bool


@dataclass(frozen=True, slots=True)
class TeamInfo:
    id: int
    name: str
    leader: str
    staff: tuple[StaffInfo, ...]
    households: int


@dataclass(frozen=True, slots=True)
class AssignmentInfo:
    household_id: int
    team_id: int
    first_staff_id: int
    second_staff_id: int | None
    assigned_on: date
    pair: Pair


@dataclass(frozen=True, slots=True)
class CaseLog:
    """Everything the office knows about its work with one household."""

    household_id: int
    code: str
    head_name: str
    status: HouseholdStatus
    signing_seq: int | None
    assignment: AssignmentInfo | None
    steps: dict[HouseholdStatus, date]
    visits: tuple[VisitEntry, ...]
    requests: tuple[RequestEntry, ...]
    flags: tuple[FlagEntry, ...]
    notes: tuple[NoteEntry, ...]
    attachments: tuple[AttachmentEntry, ...]
    intention: IntentionEntry | None = None  # None: what it wants is unknown


@dataclass(frozen=True, slots=True)
class RequestLine:
    """A request in a project-wide list: the entry, its household and its team."""

    entry: RequestEntry
    code: str
    head_name: str
    team: str | None


def teams(session: Session, project_id: ProjectId) -> list[TeamInfo]:
    """Every team of a project with its staff (by name) and how many households it has."""
    counts = dict(session.execute(
        select(AssignmentRecord.team_id, func.count()).where(
            AssignmentRecord.project_id == project_id).group_by(AssignmentRecord.team_id)).all())
    staff: dict[int, list[StaffInfo]] = {}
    for s in session.scalars(select(StaffRecord).where(StaffRecord.project_id == project_id)
                             .order_by(StaffRecord.name)):
        staff.setdefault(s.team_id, []).append(StaffInfo(s.id, s.name, s.team_id, s.phone,
                                                         s.active))
    query = select(TeamRecord).where(TeamRecord.project_id == project_id).order_by(TeamRecord.id)
    return [TeamInfo(t.id, t.name, t.leader, tuple(staff.get(t.id, ())), counts.get(t.id, 0))
            for t in session.scalars(query)]


def assignments(session: Session, project_id: ProjectId) -> dict[int, AssignmentInfo]:
    """household id -> its team and responsible pair, for every assigned household."""
    first, second = aliased(StaffRecord), aliased(StaffRecord)
    query = (select(AssignmentRecord, TeamRecord.name, first.name, second.name)
             .join(TeamRecord, AssignmentRecord.team_id == TeamRecord.id)
             .join(first, AssignmentRecord.first_staff_id == first.id)
             .outerjoin(second, AssignmentRecord.second_staff_id == second.id)
             .where(AssignmentRecord.project_id == project_id))
    return {a.household_id: AssignmentInfo(a.household_id, a.team_id, a.first_staff_id,
                                           a.second_staff_id, a.assigned_on,
                                           Pair(team, one, two))
            for a, team, one, two in session.execute(query)}


def assignment_of(session: Session, household_id: int) -> AssignmentInfo | None:
    household = require_household(session, household_id)
    return assignments(session, ProjectId(household.project_id)).get(household_id)


def case_log(session: Session, household_id: int) -> CaseLog:
    """A household's whole case log, newest entries first."""
    household = require_household(session, household_id)
    steps = reached_steps(session, household_id)

    def rows(record_class: type, *order: object) -> list:  # type: ignore[type-arg]
        return list(session.scalars(select(record_class).where(
            record_class.household_id == household_id).order_by(*order)))

    return CaseLog(
        household_id=household_id,
        code=household.code,
        head_name=household.head_name,
        status=household_stage(HouseholdStatus(household.status), steps),
        signing_seq=household.signing_seq,
        assignment=assignment_of(session, household_id),
        steps=steps,
        visits=tuple(visit_entry(r) for r in rows(
            VisitRecord, VisitRecord.visited_on.desc(), VisitRecord.id.desc())),
        requests=tuple(request_entry(r) for r in rows(
            RequestRecord, RequestRecord.received_on.desc(), RequestRecord.id.desc())),
        flags=tuple(flag_entry(r) for r in rows(CaseFlagRecord, CaseFlagRecord.id)),
        notes=tuple(note_entry(r) for r in rows(
            CaseNoteRecord, CaseNoteRecord.written_on.desc(), CaseNoteRecord.id.desc())),
        attachments=tuple(attachment_entry(r) for r in rows(AttachmentRecord,
                                                            AttachmentRecord.id)),
        intention=household_intention(session, household_id),
    )


def find_requests(session: Session, project_id: ProjectId, *, today: date,
                  open_only: bool = True, older_than: int | None = None,
                  team_id: int | None = None, kinds: Sequence[RequestKind] = ()
                  ) -> list[RequestLine]:
    """Requests of a project, oldest first, filtered.

    Args:
        today: the day ages are counted to.
        open_only: only requests still waiting for an answer.
        older_than: only those received more than this many days before ``today``.
        team_id: only households of this team (0: households without a team).
        kinds: only these kinds (all when empty).
    """
    query = (select(RequestRecord, HouseholdRecord.code, HouseholdRecord.head_name,
                    TeamRecord.name)
             .join(HouseholdRecord, RequestRecord.household_id == HouseholdRecord.id)
             .outerjoin(AssignmentRecord, AssignmentRecord.household_id == HouseholdRecord.id)
             .outerjoin(TeamRecord, AssignmentRecord.team_id == TeamRecord.id)
             .where(RequestRecord.project_id == project_id)
             .order_by(RequestRecord.received_on, HouseholdRecord.code, RequestRecord.id))
    if open_only:
        query = query.where(RequestRecord.status == RequestStatus.OPEN.value)
    if older_than is not None:
        query = query.where(RequestRecord.received_on < date.fromordinal(
            today.toordinal() - older_than))
    if team_id == 0:
        query = query.where(AssignmentRecord.id.is_(None))
    elif team_id is not None:
        query = query.where(AssignmentRecord.team_id == team_id)
    if kinds:
        query = query.where(RequestRecord.kind.in_([RequestKind(k).value for k in kinds]))
    return [RequestLine(request_entry(r), code, name, team)
            for r, code, name, team in session.execute(query)]
