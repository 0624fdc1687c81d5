"""What the casework operations share: plain entry types, lookups, and audited writes.

Entries are frozen dataclasses built from records, so no ORM object leaves
db/. Every write goes through :func:`created`, :func:`changed` or
:func:`removed`, which flush and append the audit event in the caller's
transaction; the event's key is the household's code (or the team's or
staff member's name) so that the Audit page finds a household's whole case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from allocation.casework import FlagKind, FlagStatus, RequestKind, RequestStatus, VisitMethod
from allocation.errors import ConflictError, NotFoundError
from allocation.registry import HouseholdStatus
from db import audit
from db.audit import Snapshot
from db.casework.snapshots import entity_of, row_snapshot
from db.records import (
    AttachmentRecord,
    Base,
    CaseFlagRecord,
    CaseNoteRecord,
    HouseholdRecord,
    ProgressStepRecord,
    RequestRecord,
    VisitRecord,
)

R = TypeVar("R", bound=Base)


@dataclass(frozen=True, slots=True)
class VisitEntry:
    id: int
    household_id: int
    visited_on: date
    method: VisitMethod
    visitors: str
    summary: str


@dataclass(frozen=True, slots=True)
class RequestEntry:
    id: int
    household_id: int
    kind: RequestKind
    text: str
    received_on: date
    status: RequestStatus
    answer: str
    answered_by: str
    answered_on: date | None
    closed_on: date | None

    def age_on(self, day: date) -> int:
        """Days since it was received."""
        return (day - self.received_on).days


@dataclass(frozen=True, slots=True)
class FlagEntry:
    id: int
    household_id: int
    kind: FlagKind
    status: FlagStatus
    raised_on: date
    decided_on: date | None
    note: str


@dataclass(frozen=True, slots=True)
class NoteEntry:
    id: int
    household_id: int
    written_on: date
    author: str
    text: str


@dataclass(frozen=True, slots=True)
class AttachmentEntry:
    id: int
    household_id: int
    title: str
    path: str
    sha256: str
    size: int
    added_on: date


@dataclass(frozen=True, slots=True)
class StepEntry:
    id: int
    household_id: int
    step: HouseholdStatus
    done_on: date
    note: str


def visit_entry(r: VisitRecord) -> VisitEntry:
    return VisitEntry(r.id, r.household_id, r.visited_on, VisitMethod(r.method), r.visitors,
                      r.summary)


def request_entry(r: RequestRecord) -> RequestEntry:
    return RequestEntry(r.id, r.household_id, RequestKind(r.kind), r.text, r.received_on,
                        RequestStatus(r.status), r.answer, r.answered_by, r.answered_on,
                        r.closed_on)


def flag_entry(r: CaseFlagRecord) -> FlagEntry:
    return FlagEntry(r.id, r.household_id, FlagKind(r.kind), FlagStatus(r.status), r.raised_on,
                     r.decided_on, r.note)


def note_entry(r: CaseNoteRecord) -> NoteEntry:
    return NoteEntry(r.id, r.household_id, r.written_on, r.author, r.text)


def attachment_entry(r: AttachmentRecord) -> AttachmentEntry:
    return AttachmentEntry(r.id, r.household_id, r.title, r.path, r.sha256, r.size, r.added_on)


def step_entry(r: ProgressStepRecord) -> StepEntry:
    return StepEntry(r.id, r.household_id, HouseholdStatus(r.step), r.done_on, r.note)


# --- lookups ----------------------------------------------------------------------------


def require_household(session: Session, household_id: int) -> HouseholdRecord:
    record = session.get(HouseholdRecord, household_id)
    if record is None:
        raise NotFoundError("household_not_found", id=household_id)
    return record


def require(session: Session, record_class: type[R], entry_id: int, code: str) -> R:
    """A casework row by id, or NotFoundError ``code`` (e.g. "visit_not_found")."""
    record = session.get(record_class, entry_id)
    if record is None:
        raise NotFoundError(code, id=entry_id)
    return record


def audit_key(session: Session, record: Base) -> str:
    """The audit event's key: the household's code, else the record's own name."""
    household_id = getattr(record, "household_id", None)
    if household_id is not None:
        return require_household(session, household_id).code
    return str(getattr(record, "name", ""))


# --- audited writes ---------------------------------------------------------------------


def flush(session: Session) -> None:
    """Flush, turning a lost race (a duplicate name, a row gone) into a coded error."""
    try:
        session.flush()
    except IntegrityError as error:
        raise ConflictError("constraint_violated", detail=str(error.orig)) from error


def created(session: Session, record: Base, actor: str) -> None:
    """Store a new row and log its after-state."""
    session.add(record)
    flush(session)
    audit.record(session, audit.AuditEntry(
        record.project_id, actor, "create", entity_of(record),  # type: ignore[attr-defined]
        audit_key(session, record), after=row_snapshot(record)))


def changed(session: Session, record: Base, before: Snapshot, actor: str,
            action: str = "update") -> None:
    """Log a change already made to ``record`` (nothing logged when nothing changed)."""
    flush(session)
    after = row_snapshot(record)
    if after == before:
        return
    audit.record(session, audit.AuditEntry(
        record.project_id, actor, action, entity_of(record),  # type: ignore[attr-defined]
        audit_key(session, record), before=before, after=after))


def removed(session: Session, record: Base, actor: str) -> None:
    """Delete a row and log its before-state."""
    before = row_snapshot(record)
    key = audit_key(session, record)
    session.delete(record)
    flush(session)
    audit.record(session, audit.AuditEntry(
        record.project_id, actor, "delete", entity_of(record),  # type: ignore[attr-defined]
        key, before=before))
