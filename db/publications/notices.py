"""The publications registry: every printed public notice (公示) as a version, and its objections.

Printing a public notice registers it here in the same transaction as the
file is written (desktop/printing/documents.py): the kind, the next version of that
kind (第1版, 第2版, …), the objection period and the SHA-256 of the PDF as
printed. Residents' objections (异议) are recorded against one version and
decided by a supervisor: *upheld* (the notice was wrong: the next version
corrects it and records which objections it answers) or *dismissed* (with
the reason). Everything is in the audit log, and `anju audit verify` compares
the stored rows with it.

Nothing here is ever edited in place except an objection's decision and the
version answering it, each once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from allocation.errors import ConflictError, NotFoundError, ValidationError
from allocation.registry import ProjectId, mask_name
from db import audit
from db.admin import OPERATOR, SUPERVISOR, require_role
from db.audit import Snapshot
from db.records import Base, ObjectionRecord, PublicationRecord
from db.registry import require_project

#: The kinds of public notice (the CLI's names); statistics and papers for households are not.
#: The void notice (选房活动作废公告) and the session plan's schedule (选房时间安排表) are
#: posted for everyone too; the plan's appointment notices are letters to one household.
NOTICE_KINDS: Final = ("notice-households", "notice-flats", "notice-rules", "notice-pool",
                       "notice-draw", "notice-results", "notice-supply", "notice-day",
                       "notice-void", "schedule")
# Objection status: open until a supervisor decides it.
OPEN, UPHELD, DISMISSED = "open", "upheld", "dismissed"
OUTCOMES: Final = (UPHELD, DISMISSED)
ENTITY_PUBLICATION: Final = "publication"
ENTITY_OBJECTION: Final = "objection"
_SHA256: Final = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class PublishedNotice:
    """One registered version of a notice; ``answers`` are the objection numbers it corrects."""

    id: int
    kind: str
    version: int
    period_start: date
    period_end: date
    content_sha256: str
    pages: int
    registered_by: str
    registered_at: datetime
    answers: tuple[int, ...] = ()

    @property
    def label(self) -> str:
        """The version as printed on the notice: 第N版."""
        return f"第{self.version}版"

    def days_left(self, today: date) -> int:
        """Days of the objection period still to come, today included (0 once it ended)."""
        if today > self.period_end:
            return 0
        return (self.period_end - max(today, self.period_start)).days + 1


@dataclass(frozen=True, slots=True)
class Objection:
    """An objection as stored; ``objector`` is the full name: show :attr:`masked_objector`."""

    number: int
    kind: str
    version: int
    period_end: date
    objector: str
    household_code: str
    contact: str
    item: str
    text: str
    received_on: date
    recorded_by: str
    status: str
    resolution: str
    decided_by: str
    decided_on: date | None
    answered_in: int | None  # the version that corrected the notice

    @property
    def open(self) -> bool:
        return self.status == OPEN

    @property
    def late(self) -> bool:
        """Received after the objection period ended (recorded all the same)."""
        return self.received_on > self.period_end

    @property
    def masked_objector(self) -> str:
        return mask_name(self.objector)


# --- publications ------------------------------------------------------------------


def next_version(session: Session, project_id: ProjectId, kind: str) -> int:
    """The version the next printing of ``kind`` will be registered as."""
    newest = session.scalar(select(func.max(PublicationRecord.version)).where(
        PublicationRecord.project_id == project_id, PublicationRecord.kind == kind))
    return (newest or 0) + 1


def pending_answers(session: Session, project_id: ProjectId, kind: str) -> tuple[int, ...]:
    """Numbers of the upheld objections to ``kind`` that no version has corrected yet."""
    query = (select(ObjectionRecord.number)
             .join(PublicationRecord, ObjectionRecord.publication_id == PublicationRecord.id)
             .where(ObjectionRecord.project_id == project_id, PublicationRecord.kind == kind,
                    ObjectionRecord.status == UPHELD, ObjectionRecord.answered_in_id.is_(None))
             .order_by(ObjectionRecord.number))
    return tuple(session.scalars(query))


def register_publication(session: Session, *, project_id: ProjectId, kind: str,
                         pdf_sha256: str, start: date, end: date, actor: str, pages: int = 0,
                         version: int | None = None,
                         answers: Sequence[int] | None = None) -> PublishedNotice:
    """Register a printed notice as the next version of its kind.

    Steps:
        1. refuse a user below operator, an unknown kind, a malformed hash or
           a period ending before it starts;
        2. the version is the next of this project and kind; if the caller
           printed the notice with a version number already (``version``),
           it must still be the next one — another workstation may have
           registered it meanwhile;
        3. the objections it answers: ``answers`` (numbers), by default every
           upheld objection to this kind that no version has corrected yet;
           each is marked as answered by this version;
        4. log the publication and each answered objection.

    Raises:
        PermissionDenied: ``not_permitted``.
        ValidationError: ``unknown_notice_kind``, ``bad_content_hash``,
            ``period_ends_before_start``.
        ConflictError: ``publication_version_taken`` (``kind``, ``version``,
            ``next``); ``objection_not_upheld``, ``objection_already_answered``,
            ``objection_other_notice`` for a bad ``answers`` entry.
        NotFoundError: ``objection_not_found``.
    """
    require_role(session, actor, OPERATOR)
    require_project(session, project_id)
    _check_publication(kind, pdf_sha256, start, end)
    expected = next_version(session, project_id, kind)
    if version is not None and version != expected:
        raise ConflictError("publication_version_taken", kind=kind, version=version,
                            next=expected)
    record = PublicationRecord(
        project_id=project_id, kind=kind, version=expected, period_start=start, period_end=end,
        content_sha256=pdf_sha256, pages=pages, registered_by=actor,
        registered_at=datetime.now(UTC))
    session.add(record)
    session.flush()
    numbers = pending_answers(session, project_id, kind) if answers is None else answers
    answered = [_answerable(session, project_id, kind, number) for number in numbers]
    entries = [audit.AuditEntry(project_id, actor, "publish", ENTITY_PUBLICATION,
                                f"{kind} v{expected}", after=row_snapshot(record))]
    for objection in answered:
        before = row_snapshot(objection)
        objection.answered_in_id = record.id
        entries.append(_objection_entry(project_id, actor, "answer", before, objection))
    session.flush()
    audit.record_many(session, entries)
    return _published(session, record)


def _check_publication(kind: str, pdf_sha256: str, start: date, end: date) -> None:
    if kind not in NOTICE_KINDS:
        raise ValidationError("unknown_notice_kind", kind=kind, allowed=NOTICE_KINDS)
    if not _SHA256.fullmatch(pdf_sha256):
        raise ValidationError("bad_content_hash", value=pdf_sha256)
    if end < start:
        raise ValidationError("period_ends_before_start", start=start.isoformat(),
                              end=end.isoformat())


def _answerable(session: Session, project_id: int, kind: str, number: int) -> ObjectionRecord:
    objection = _objection(session, project_id, number)
    publication = session.get(PublicationRecord, objection.publication_id)
    if publication is None or publication.kind != kind:
        raise ConflictError("objection_other_notice", number=number, kind=kind)
    if objection.status != UPHELD:
        raise ConflictError("objection_not_upheld", number=number, status=objection.status)
    if objection.answered_in_id is not None:
        raise ConflictError("objection_already_answered", number=number)
    return objection


def list_publications(session: Session, project_id: ProjectId,
                      kind: str | None = None) -> list[PublishedNotice]:
    """Every registered version of the project's notices (of one kind), oldest first."""
    query = select(PublicationRecord).where(PublicationRecord.project_id == project_id)
    if kind is not None:
        query = query.where(PublicationRecord.kind == kind)
    records = session.scalars(query.order_by(PublicationRecord.id)).all()
    answers = _answers_by_publication(session, project_id)
    return [_published(session, r, answers.get(r.id, ())) for r in records]


def latest_publication(session: Session, project_id: ProjectId,
                       kind: str) -> PublishedNotice | None:
    found = list_publications(session, project_id, kind)
    return found[-1] if found else None


def _answers_by_publication(session: Session, project_id: int) -> dict[int, tuple[int, ...]]:
    rows = session.execute(
        select(ObjectionRecord.answered_in_id, ObjectionRecord.number)
        .where(ObjectionRecord.project_id == project_id,
               ObjectionRecord.answered_in_id.is_not(None))
        .order_by(ObjectionRecord.number)).all()
    found: dict[int, list[int]] = {}
    for publication_id, number in rows:
        found.setdefault(publication_id, []).append(number)
    return {key: tuple(numbers) for key, numbers in found.items()}


def _published(session: Session, record: PublicationRecord,
               answers: tuple[int, ...] | None = None) -> PublishedNotice:
    if answers is None:
        answers = tuple(session.scalars(
            select(ObjectionRecord.number).where(ObjectionRecord.answered_in_id == record.id)
            .order_by(ObjectionRecord.number)))
    return PublishedNotice(record.id, record.kind, record.version, record.period_start,
                           record.period_end, record.content_sha256, record.pages,
                           record.registered_by, _utc(record.registered_at), answers)


def _find_publication(session: Session, project_id: int, kind: str,
                      version: int | None) -> PublicationRecord:
    query = select(PublicationRecord).where(PublicationRecord.project_id == project_id,
                                            PublicationRecord.kind == kind)
    if version is not None:
        query = query.where(PublicationRecord.version == version)
    record = session.scalars(query.order_by(PublicationRecord.version.desc()).limit(1)).first()
    if record is None:
        raise NotFoundError("publication_not_found", kind=kind, version=version or "")
    return record


# --- objections --------------------------------------------------------------------


def record_objection(session: Session, *, project_id: ProjectId, kind: str, objector: str,
                     item: str, text: str, received_on: date, actor: str,
                     version: int | None = None, household_code: str = "",
                     contact: str = "") -> Objection:
    """Record an objection to a notice (its newest version unless ``version`` is given).

    An objection received after the period is recorded all the same (the
    office decides whether it still counts; :attr:`Objection.late` says so).

    Raises:
        PermissionDenied: ``not_permitted``.
        NotFoundError: ``publication_not_found``.
        ValidationError: ``required_value_missing`` (``field``: objector,
            item or text); ``objection_before_notice``.
    """
    require_role(session, actor, OPERATOR)
    require_project(session, project_id)
    publication = _find_publication(session, project_id, kind, version)
    values = {"objector": objector.strip(), "item": item.strip(), "text": text.strip()}
    for field, value in values.items():
        if not value:
            raise ValidationError("required_value_missing", field=field)
    if received_on < publication.period_start:
        raise ValidationError("objection_before_notice", received=received_on.isoformat(),
                              start=publication.period_start.isoformat())
    record = ObjectionRecord(
        project_id=project_id, number=_next_number(session, project_id),
        publication_id=publication.id, household_code=household_code.strip(),
        contact=contact.strip(), received_on=received_on, recorded_by=actor, status=OPEN,
        resolution="", decided_by="", decided_on=None, answered_in_id=None, **values)
    session.add(record)
    session.flush()
    audit.record(session, _objection_entry(project_id, actor, "create", None, record))
    return _objection_of(session, record)


def resolve_objection(session: Session, *, project_id: ProjectId, number: int, outcome: str,
                      resolution: str, decided_on: date, actor: str) -> Objection:
    """Decide an open objection: ``upheld`` (the next version corrects it) or ``dismissed``.

    Raises:
        PermissionDenied: ``not_permitted`` (a supervisor decides).
        NotFoundError: ``objection_not_found``.
        ValidationError: ``unknown_outcome``, ``required_value_missing``
            (``resolution``), ``decided_before_received``.
        ConflictError: ``objection_already_decided``.
    """
    require_role(session, actor, SUPERVISOR)
    record = _objection(session, project_id, number)
    if outcome not in OUTCOMES:
        raise ValidationError("unknown_outcome", outcome=outcome, allowed=OUTCOMES)
    if not resolution.strip():
        raise ValidationError("required_value_missing", field="resolution")
    if record.status != OPEN:
        raise ConflictError("objection_already_decided", number=number, status=record.status)
    if decided_on < record.received_on:
        raise ValidationError("decided_before_received", decided=decided_on.isoformat(),
                              received=record.received_on.isoformat())
    before = row_snapshot(record)
    record.status, record.resolution = outcome, resolution.strip()
    record.decided_by, record.decided_on = actor, decided_on
    session.flush()
    audit.record(session, _objection_entry(project_id, actor, "resolve", before, record))
    return _objection_of(session, record)


def list_objections(session: Session, project_id: ProjectId, *,
                    open_only: bool = False) -> list[Objection]:
    """The project's objections by number (only the undecided ones if ``open_only``)."""
    query = select(ObjectionRecord).where(ObjectionRecord.project_id == project_id)
    if open_only:
        query = query.where(ObjectionRecord.status == OPEN)
    return [_objection_of(session, r)
            for r in session.scalars(query.order_by(ObjectionRecord.number))]


def _next_number(session: Session, project_id: int) -> int:
    newest = session.scalar(select(func.max(ObjectionRecord.number))
                            .where(ObjectionRecord.project_id == project_id))
    return (newest or 0) + 1


def _objection(session: Session, project_id: int, number: int) -> ObjectionRecord:
    record = session.scalar(select(ObjectionRecord).where(
        ObjectionRecord.project_id == project_id, ObjectionRecord.number == number))
    if record is None:
        raise NotFoundError("objection_not_found", number=number)
    return record


def _objection_of(session: Session, record: ObjectionRecord) -> Objection:
    publication = session.get(PublicationRecord, record.publication_id)
    assert publication is not None  # a foreign key
    answered = (session.get(PublicationRecord, record.answered_in_id)
                if record.answered_in_id is not None else None)
    return Objection(
        record.number, publication.kind, publication.version, publication.period_end,
        record.objector, record.household_code, record.contact, record.item, record.text,
        record.received_on, record.recorded_by, record.status, record.resolution,
        record.decided_by, record.decided_on, answered.version if answered else None)


def _objection_entry(project_id: int, actor: str, action: str, before: Snapshot | None,
                     record: ObjectionRecord) -> audit.AuditEntry:
    return audit.AuditEntry(project_id, actor, action, ENTITY_OBJECTION,
                            f"objection-{record.number}", before=before,
                            after=row_snapshot(record))


# --- audit snapshots ---------------------------------------------------------------


def row_snapshot(record: Base) -> Snapshot:
    """The row as logged: every column but ``project_id``, dates and times as ISO text."""
    columns = record.__table__.columns  # type: ignore[attr-defined]
    return {c.name: _plain(getattr(record, c.key)) for c in columns if c.name != "project_id"}


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return _utc(value).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _utc(moment: datetime) -> datetime:
    # SQLite gives back naive datetimes: they were stored as UTC.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def publication_key(entity: str, snapshot: Snapshot) -> str | None:
    """The audit check's key of a publication or objection snapshot (None: neither)."""
    if entity == ENTITY_PUBLICATION:
        return f"{snapshot['kind']}-v{snapshot['version']}"
    if entity == ENTITY_OBJECTION:
        return f"objection-{snapshot['number']}"
    return None


def stored_snapshots(session: Session, project_id: int) -> Iterator[tuple[str, str, Snapshot]]:
    """(entity, key, snapshot) of every stored publication and objection of a project."""
    for entity, record_class in ((ENTITY_PUBLICATION, PublicationRecord),
                                 (ENTITY_OBJECTION, ObjectionRecord)):
        query = select(record_class).where(
            record_class.project_id == project_id)  # type: ignore[attr-defined]
        for record in session.scalars(query):
            snapshot = row_snapshot(record)
            yield entity, str(publication_key(entity, snapshot)), snapshot
