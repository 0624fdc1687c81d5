"""Casework operations: teams and staff, who looks after each household, visits, notes, files.

Every function takes the session first, never commits, and logs each change
in the audit log in the same transaction (db/casework/base.py). Requests
and special cases are in db/casework/requests.py, progress in db/casework/progress.py.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from allocation.casework import MAX_NAME, MAX_PATH, VisitMethod, check_text
from allocation.errors import ConflictError, NotFoundError, ValidationError
from allocation.registry import ProjectId
from db.admin import OPERATOR, require_role
from db.casework.base import changed, created, removed, require, require_household
from db.casework.snapshots import row_snapshot
from db.records import (
    AssignmentRecord,
    AttachmentRecord,
    CaseNoteRecord,
    StaffRecord,
    TeamRecord,
    VisitRecord,
)
from db.registry import require_project

# --- teams and staff ---------------------------------------------------------------------


def add_team(session: Session, *, project_id: ProjectId, name: str, actor: str,
             leader: str = "") -> int:
    """Create a working group; names are unique in a project.

    Raises:
        ValidationError: a blank or too long name.
        ConflictError: ``team_exists``.
    """
    require_role(session, actor, OPERATOR)
    require_project(session, project_id)
    name = check_text("name", name, limit=MAX_NAME)
    if session.scalar(select(TeamRecord.id).where(TeamRecord.project_id == project_id,
                                                  TeamRecord.name == name)):
        raise ConflictError("team_exists", name=name)
    record = TeamRecord(project_id=project_id, name=name,
                        leader=check_text("leader", leader, required=False, limit=MAX_NAME))
    created(session, record, actor)
    return record.id


def delete_team(session: Session, *, team_id: int, actor: str) -> None:
    """Delete a team that has no staff (and so no households); ConflictError ``team_not_empty``."""
    require_role(session, actor, OPERATOR)
    record = require(session, TeamRecord, team_id, "team_not_found")
    staff = session.scalar(select(func.count()).where(StaffRecord.team_id == team_id))
    if staff:
        raise ConflictError("team_not_empty", name=record.name, staff=staff)
    removed(session, record, actor)


def add_staff(session: Session, *, team_id: int, name: str, actor: str, phone: str = "") -> int:
    """Add a staff member to a team; names are unique (ConflictError ``staff_exists``)."""
    require_role(session, actor, OPERATOR)
    team = require(session, TeamRecord, team_id, "team_not_found")
    project_id = team.project_id
    name = check_text("name", name, limit=MAX_NAME)
    if session.scalar(select(StaffRecord.id).where(StaffRecord.project_id == project_id,
                                                   StaffRecord.name == name)):
        raise ConflictError("staff_exists", name=name)
    record = StaffRecord(project_id=project_id, team_id=team_id, name=name, active=True,
                         phone=check_text("phone", phone, required=False, limit=32))
    created(session, record, actor)
    return record.id


def set_staff_active(session: Session, *, staff_id: int, active: bool, actor: str) -> None:
    """Mark a staff member as (in)active: inactive staff can no longer be given households.

    Staff are never deleted once they looked after a household: the audit log
    and the case log keep referring to them.
    """
    require_role(session, actor, OPERATOR)
    record = require(session, StaffRecord, staff_id, "staff_not_found")
    before = row_snapshot(record)
    record.active = active
    changed(session, record, before, actor)


# --- who looks after a household (包户到人) ---------------------------------------------------


def assign_household(session: Session, *, household_id: int, team_id: int,
                     first_staff_id: int, actor: str, on: date,
                     second_staff_id: int | None = None) -> None:
    """Give a household to a team and a responsible pair (or one person).

    Steps:
        1. check the staff: active, members of the team, two different people;
        2. create the household's assignment, or change it (a reassignment,
           logged with the previous team and pair as its before-state).

    Raises:
        ValidationError: ``staff_not_in_team``, ``staff_inactive``, ``same_staff_twice``.
        NotFoundError: the household, team or a staff member does not exist.
    """
    require_role(session, actor, OPERATOR)
    household = require_household(session, household_id)
    team = require(session, TeamRecord, team_id, "team_not_found")
    if team.project_id != household.project_id:
        raise NotFoundError("team_not_found", id=team_id)
    _check_pair(session, team_id, first_staff_id, second_staff_id)
    record = session.scalar(select(AssignmentRecord)
                            .where(AssignmentRecord.household_id == household_id))
    if record is None:
        created(session, AssignmentRecord(
            project_id=household.project_id, household_id=household_id, team_id=team_id,
            first_staff_id=first_staff_id, second_staff_id=second_staff_id,
            assigned_on=on), actor)
        return
    before = row_snapshot(record)
    record.team_id, record.first_staff_id = team_id, first_staff_id
    record.second_staff_id, record.assigned_on = second_staff_id, on
    if row_snapshot(record) != before:
        changed(session, record, before, actor, action="reassign")


def _check_pair(session: Session, team_id: int, first: int, second: int | None) -> None:
    if second is not None and second == first:
        raise ValidationError("same_staff_twice", field="staff")
    for staff_id in (first, second):
        if staff_id is None:
            continue
        staff = require(session, StaffRecord, staff_id, "staff_not_found")
        if staff.team_id != team_id:
            raise ValidationError("staff_not_in_team", name=staff.name)
        if not staff.active:
            raise ValidationError("staff_inactive", name=staff.name)


def unassign_household(session: Session, *, household_id: int, actor: str) -> None:
    """Take a household from its team (it shows as 未分组 until given to another)."""
    require_role(session, actor, OPERATOR)
    record = session.scalar(select(AssignmentRecord)
                            .where(AssignmentRecord.household_id == household_id))
    if record is not None:
        removed(session, record, actor)


# --- visits ------------------------------------------------------------------------------


def add_visit(session: Session, *, household_id: int, visited_on: date, method: VisitMethod,
              visitors: str, summary: str, actor: str) -> int:
    """Log a visit or contact. ValidationError for blank visitors or summary."""
    require_role(session, actor, OPERATOR)
    household = require_household(session, household_id)
    record = VisitRecord(project_id=household.project_id, household_id=household_id,
                         visited_on=visited_on, method=VisitMethod(method).value,
                         visitors=check_text("visitors", visitors, limit=200),
                         summary=check_text("summary", summary))
    created(session, record, actor)
    return record.id


def update_visit(session: Session, *, visit_id: int, visited_on: date, method: VisitMethod,
                 visitors: str, summary: str, actor: str) -> None:
    """Correct a logged visit (the log keeps what it said before)."""
    require_role(session, actor, OPERATOR)
    record = require(session, VisitRecord, visit_id, "visit_not_found")
    before = row_snapshot(record)
    record.visited_on = visited_on
    record.method = VisitMethod(method).value
    record.visitors = check_text("visitors", visitors, limit=200)
    record.summary = check_text("summary", summary)
    changed(session, record, before, actor)


def delete_visit(session: Session, *, visit_id: int, actor: str) -> None:
    require_role(session, actor, OPERATOR)
    removed(session, require(session, VisitRecord, visit_id, "visit_not_found"), actor)


# --- notes and attachments ---------------------------------------------------------------


def add_note(session: Session, *, household_id: int, text: str, written_on: date,
             actor: str) -> int:
    """A free note, signed by ``actor``."""
    require_role(session, actor, OPERATOR)
    household = require_household(session, household_id)
    record = CaseNoteRecord(project_id=household.project_id, household_id=household_id,
                            written_on=written_on, author=actor, text=check_text("note", text))
    created(session, record, actor)
    return record.id


def delete_note(session: Session, *, note_id: int, actor: str) -> None:
    require_role(session, actor, OPERATOR)
    removed(session, require(session, CaseNoteRecord, note_id, "note_not_found"), actor)


def file_fingerprint(path: Path) -> tuple[str, int]:
    """(SHA-256, size) of a file. Raises NotFoundError ``attachment_file_missing``."""
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
                size += len(chunk)
    except OSError as error:
        raise NotFoundError("attachment_file_missing", path=str(path)) from error
    return digest.hexdigest(), size


def add_attachment(session: Session, *, household_id: int, path: Path, title: str,
                   added_on: date, actor: str) -> int:
    """Refer to a file (a scan of a certificate, a photo) and record its fingerprint.

    The file stays where it is (offices keep scans on a share); its SHA-256
    shows later whether the file at that path is still the one attached.
    """
    require_role(session, actor, OPERATOR)
    household = require_household(session, household_id)
    text_path = check_text("path", str(path), limit=MAX_PATH)
    sha256, size = file_fingerprint(path)
    record = AttachmentRecord(project_id=household.project_id, household_id=household_id,
                              title=check_text("title", title or path.name, limit=200),
                              path=text_path, sha256=sha256, size=size, added_on=added_on)
    created(session, record, actor)
    return record.id


def delete_attachment(session: Session, *, attachment_id: int, actor: str) -> None:
    require_role(session, actor, OPERATOR)
    removed(session, require(session, AttachmentRecord, attachment_id,
                             "attachment_not_found"), actor)


def attachment_state(path: str, sha256: str) -> str:
    """"ok", "missing" or "changed": is the file at ``path`` still the one attached?"""
    try:
        found, _size = file_fingerprint(Path(path))
    except NotFoundError:
        return "missing"
    return "ok" if found == sha256 else "changed"
