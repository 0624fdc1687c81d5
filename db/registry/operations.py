"""Registry operations: projects, households with members, and flats, each change audited.

Every function takes the session first and never commits: the caller owns the
transaction (desktop/common/operations.py, the CLI, or a test), so a change and its
audit event are stored together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from allocation.errors import ConflictError, NotFoundError, ValidationError
from allocation.registry import (
    VALUED_MODES,
    Flat,
    FlatId,
    FlatStatus,
    Household,
    HouseholdId,
    ProjectId,
    check_flat,
    check_household,
    check_mode_change,
    check_new_flat,
    raise_first,
)
from db import audit
from db.admin import ADMIN, OPERATOR, require_role
from db.audit import Snapshot, flat_snapshot, household_snapshot
from db.records import FlatRecord, HouseholdRecord, MemberRecord, PolicyRecord, ProjectRecord
from db.registry.repositories import (
    flat_columns,
    flat_from_record,
    household_columns,
    household_from_record,
    member_columns,
)

#: The longest title a project's papers are headed with (the column's width).
MAX_PROJECT_TITLE = 200


@dataclass(frozen=True, slots=True)
class ProjectInfo:
    id: ProjectId
    name: str
    rehearsal: bool
    title: str = ""  # what its papers are headed with; empty: the name


@dataclass(frozen=True, slots=True)
class StoredHousehold:
    """A household as stored: its id and version (for optimistic locking) and data."""

    id: HouseholdId
    version: int
    household: Household


@dataclass(frozen=True, slots=True)
class StoredFlat:
    id: FlatId
    version: int
    flat: Flat


# --- projects -------------------------------------------------------------------


def create_project(session: Session, *, name: str, actor: str,
                   rehearsal: bool = False, title: str = "") -> ProjectId:
    """Create a project; names are unique and not blank; ``title`` heads its papers.

    Raises:
        ConflictError: ``project_exists``.
        ValidationError: a blank name, or a title over 200 characters.
    """
    require_role(session, actor, OPERATOR)
    name = _project_name(name)
    title = _project_title(title)
    if session.scalar(select(ProjectRecord.id).where(ProjectRecord.name == name)):
        raise ConflictError("project_exists", name=name)
    at = datetime.now(UTC)  # the row's time is its event's
    record = ProjectRecord(name=name, rehearsal=rehearsal, title=title, created_at=at)
    session.add(record)
    session.flush()
    audit.record(session, audit.AuditEntry(
        record.id, actor, "create", "project", name, after=project_snapshot(record), at=at))
    return ProjectId(record.id)


def project_title(record: ProjectRecord) -> str:
    """What a project's papers are headed with: its title, or its name if it has none."""
    return record.title or record.name


def project_snapshot(record: ProjectRecord) -> Snapshot:
    """A project as the audit log records it (and db.replay compares it)."""
    return {"name": record.name, "rehearsal": record.rehearsal, "title": record.title,
            "created_at": audit.moment_text(record.created_at)}


def upgrade_project_snapshot(data: Snapshot) -> Snapshot:
    """A logged project in today's form: logged before migration 0013 it had no title, and
    the oldest events did not state the rehearsal flag (off)."""
    return {"title": "", "rehearsal": False, **data}


def rename_project(session: Session, *, project_id: ProjectId, name: str, actor: str) -> None:
    require_role(session, actor, OPERATOR)
    record = require_project(session, project_id)
    name = _project_name(name)
    if name == record.name:
        return
    if session.scalar(select(ProjectRecord.id).where(ProjectRecord.name == name)):
        raise ConflictError("project_exists", name=name)
    before = project_snapshot(record)
    record.name = name
    audit.record(session, audit.AuditEntry(
        record.id, actor, "rename", "project", name,
        before=before, after=project_snapshot(record)))


def retitle_project(session: Session, *, project_id: ProjectId, title: str,
                    actor: str) -> None:
    """Give a project the title its papers are headed with (empty: headed with its name).

    Papers already printed keep the heading they were printed with; the next
    ones carry the new title.

    Raises:
        ValidationError: a title over 200 characters.
    """
    require_role(session, actor, OPERATOR)
    record = require_project(session, project_id)
    title = _project_title(title)
    if title == record.title:
        return
    before = project_snapshot(record)
    record.title = title
    audit.record(session, audit.AuditEntry(
        record.id, actor, "update", "project", record.name,
        before=before, after=project_snapshot(record)))


def delete_project(session: Session, *, project_id: ProjectId, actor: str) -> None:
    """Delete a project with all its households and flats (the audit log keeps its history).

    Raises:
        PermissionDenied: the actor is not an admin.
        ConflictError: ``project_rules_frozen`` — once its rules were frozen a
            project is on the public record and is never deleted (a rehearsal
            project, 演练, may be).
    """
    require_role(session, actor, ADMIN)
    record = require_project(session, project_id)
    frozen = select(PolicyRecord.id).where(PolicyRecord.project_id == project_id,
                                           PolicyRecord.status != "draft").limit(1)
    if not record.rehearsal and session.scalar(frozen) is not None:
        raise ConflictError("project_rules_frozen", project=record.name)
    before = project_snapshot(record)
    session.delete(record)
    _flush(session)
    audit.record(session, audit.AuditEntry(
        project_id, actor, "delete", "project", before["name"], before=before))


def _project_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ValidationError("required_value_missing", field="name")
    return name


def _project_title(title: str) -> str:
    title = title.strip()
    if len(title) > MAX_PROJECT_TITLE:
        raise ValidationError("too_long", field="title", max=MAX_PROJECT_TITLE)
    return title


def list_projects(session: Session) -> list[ProjectInfo]:
    records = session.scalars(select(ProjectRecord).order_by(ProjectRecord.name))
    return [ProjectInfo(ProjectId(r.id), r.name, r.rehearsal, r.title) for r in records]


def find_project(session: Session, name: str) -> ProjectId:
    """The id of the project with this name, or NotFoundError."""
    found = session.scalar(select(ProjectRecord.id).where(ProjectRecord.name == name))
    if found is None:
        raise NotFoundError("project_not_found", name=name)
    return ProjectId(found)


def require_project(session: Session, project_id: int) -> ProjectRecord:
    record = session.get(ProjectRecord, project_id)
    if record is None:
        raise NotFoundError("project_not_found", id=project_id)
    return record


# --- households -----------------------------------------------------------------


def add_household(session: Session, *, project_id: ProjectId, household: Household,
                  actor: str) -> HouseholdId:
    """Register a household with its members.

    Raises:
        ValidationError: the household breaks a registry rule.
        ConflictError: its code exists, or one of its people is in another household.
    """
    require_role(session, actor, OPERATOR)
    require_project(session, project_id)
    household = with_mode_day(household)
    raise_first(check_household(household), "household", household.code)
    _check_code_free(session, project_id, household.code)
    _check_people_free(session, project_id, household, own_id=None)
    record = HouseholdRecord(project_id=project_id, **household_columns(household))
    record.members = _member_records(project_id, household)
    session.add(record)
    _flush(session)
    audit.record(session, audit.AuditEntry(
        project_id, actor, "create", "household", household.code,
        after=household_snapshot(household)))
    return HouseholdId(record.id)


def update_household(session: Session, *, household_id: HouseholdId, household: Household,
                     actor: str, expected_version: int | None = None) -> int:
    """Replace a household's data and members; returns the new version.

    ``expected_version`` is the version the editor loaded: if another
    workstation saved in between, the save is refused (``stale_household``)
    instead of silently overwriting its work.

    Raises:
        ConflictError: ``stale_household``; ``compensation_mode_locked`` — the
            household has signed, and the change touches its compensation mode,
            the day it chose, the assessed value or the report number
            (allocation.registry.check_mode_change); ``household_exists``,
            ``person_in_other_household``.
        ValidationError: the household breaks a registry rule (for example
            ``assessed_value_required``: value exchange or money without one).
    """
    require_role(session, actor, OPERATOR)
    record = _household(session, household_id)
    if expected_version is not None and record.version != expected_version:
        raise ConflictError("stale_household", code=record.code,
                            expected=expected_version, found=record.version)
    household = with_mode_day(household)
    before = household_from_record(record)
    locked = check_mode_change(before, household)
    if locked:
        raise ConflictError("compensation_mode_locked", household=before.code,
                            field=locked[0].field, fields=tuple(p.field for p in locked),
                            signed_on=locked[0].params["signed_on"])
    raise_first(check_household(household), "household", household.code)
    if household.code != record.code:
        _check_code_free(session, ProjectId(record.project_id), household.code)
    _check_people_free(session, ProjectId(record.project_id), household, own_id=record.id)
    if before == household:
        return record.version
    _apply_household(session, record, household)
    audit.record(session, audit.AuditEntry(
        record.project_id, actor, "update", "household", household.code,
        before=household_snapshot(before), after=household_snapshot(household)))
    return record.version


def with_mode_day(household: Household, today: date | None = None) -> Household:
    """The household with the day it chose its compensation mode, where that day is needed.

    Value exchange and money compensation need the day the household chose
    (选择日期); when none is given, it is the day of the change (``today``,
    by default the computer's date). Property exchange by area is the default
    mode and needs none.
    """
    if household.compensation_mode in VALUED_MODES and household.mode_chosen_on is None:
        return replace(household, mode_chosen_on=today or date.today())
    return household


def _apply_household(session: Session, record: HouseholdRecord, household: Household) -> None:
    for key, value in household_columns(household).items():
        setattr(record, key, value)
    # Members are replaced as a whole: delete first so a person may move rows
    # within the household without tripping the unique ID constraint.
    record.members.clear()
    _flush(session)
    record.members.extend(_member_records(record.project_id, household))
    _flush(session)


def delete_household(session: Session, *, household_id: HouseholdId, actor: str) -> Household:
    """Delete a household and its members; returns what was deleted (for undo)."""
    require_role(session, actor, OPERATOR)
    record = _household(session, household_id)
    before = household_from_record(record)
    project_id = record.project_id
    session.delete(record)
    _flush(session)
    audit.record(session, audit.AuditEntry(
        project_id, actor, "delete", "household", before.code,
        before=household_snapshot(before)))
    return before


def get_household(session: Session, household_id: HouseholdId) -> StoredHousehold:
    record = _household(session, household_id)
    return StoredHousehold(HouseholdId(record.id), record.version, household_from_record(record))


def find_household(session: Session, project_id: ProjectId, code: str) -> StoredHousehold:
    found = session.scalar(select(HouseholdRecord.id).where(
        HouseholdRecord.project_id == project_id, HouseholdRecord.code == code))
    if found is None:
        raise NotFoundError("household_not_found", code=code)
    return get_household(session, HouseholdId(found))


def load_households(session: Session, project_id: ProjectId) -> list[Household]:
    """Every household of a project with its members, ordered by code."""
    query = (select(HouseholdRecord).where(HouseholdRecord.project_id == project_id)
             .order_by(HouseholdRecord.code).options(selectinload(HouseholdRecord.members)))
    return [household_from_record(r) for r in session.scalars(query)]


def iter_households(session: Session, project_id: ProjectId,
                    chunk: int = 2000) -> Iterator[Household]:
    """Every household of a project, ordered by code, read ``chunk`` at a time.

    For a pass over a whole city (the audit check): only one chunk of rows
    is held at a time, where load_households holds them all.
    """
    return (household_from_record(r) for r in iter_household_records(session, project_id, chunk))


def iter_household_records(session: Session, project_id: ProjectId,
                           chunk: int = 2000) -> Iterator[HouseholdRecord]:
    """The rows of iter_households, members loaded: for the audit check, which reads a row
    that no household can be made of (a value outside an enum typed in by hand) too."""
    last: str | None = None
    while True:
        query = (select(HouseholdRecord).where(HouseholdRecord.project_id == project_id)
                 .order_by(HouseholdRecord.code).limit(chunk)
                 .options(selectinload(HouseholdRecord.members)))
        if last is not None:
            query = query.where(HouseholdRecord.code > last)
        records = list(session.scalars(query).all())
        count, last = len(records), records[-1].code if records else last
        records.reverse()
        while records:  # the identity map holds rows weakly: once handed on, they go
            yield records.pop()
        if count < chunk:
            return


def _household(session: Session, household_id: int) -> HouseholdRecord:
    record = session.get(HouseholdRecord, household_id)
    if record is None:
        raise NotFoundError("household_not_found", id=household_id)
    return record


def _member_records(project_id: int, household: Household) -> list[MemberRecord]:
    return [MemberRecord(project_id=project_id, **member_columns(m, i))
            for i, m in enumerate(household.members)]


def _check_code_free(session: Session, project_id: ProjectId, code: str) -> None:
    if session.scalar(select(HouseholdRecord.id).where(
            HouseholdRecord.project_id == project_id, HouseholdRecord.code == code)):
        raise ConflictError("household_exists", code=code)


def _check_people_free(session: Session, project_id: ProjectId, household: Household,
                       own_id: int | None) -> None:
    """One person, one household: name both households when someone is already registered."""
    clash = people_in_other_households(
        session, project_id, [m.id_number for m in household.members], own_id)
    if clash:
        id_number, (name, other_code) = next(iter(clash.items()))
        raise ConflictError("person_in_other_household", id_number=id_number, name=name,
                            household=household.code, other_household=other_code)


def people_in_other_households(session: Session, project_id: ProjectId,
                               id_numbers: Iterable[str], own_id: int | None = None,
                               ) -> dict[str, tuple[str, str]]:
    """ID number -> (name, household code) for people already registered elsewhere."""
    wanted = list(dict.fromkeys(id_numbers))
    found: dict[str, tuple[str, str]] = {}
    for start in range(0, len(wanted), 900):  # stay under SQLite's bound-parameter limit
        query = (select(MemberRecord.id_number, MemberRecord.name, HouseholdRecord.code)
                 .join(HouseholdRecord, MemberRecord.household_id == HouseholdRecord.id)
                 .where(MemberRecord.project_id == project_id,
                        MemberRecord.id_number.in_(wanted[start:start + 900])))
        if own_id is not None:
            query = query.where(MemberRecord.household_id != own_id)
        for id_number, name, code in session.execute(query):
            found[id_number] = (name, code)
    return found


# --- flats ----------------------------------------------------------------------


def add_flat(session: Session, *, project_id: ProjectId, flat: Flat, actor: str) -> FlatId:
    require_role(session, actor, OPERATOR)
    require_project(session, project_id)
    raise_first(check_new_flat(flat), "flat", flat.key)
    _check_flat_free(session, project_id, flat)
    record = FlatRecord(project_id=project_id, **flat_columns(flat))
    session.add(record)
    _flush(session)
    audit.record(session, audit.AuditEntry(
        project_id, actor, "create", "flat", flat.key, after=flat_snapshot(flat)))
    return FlatId(record.id)


def update_flat(session: Session, *, flat_id: FlatId, flat: Flat, actor: str,
                expected_version: int | None = None) -> int:
    """Replace a flat's data.

    Raises:
        ConflictError: ``stale_flat``; ``flat_status_by_session`` — a flat
            becomes 已选 only by a household's choice at the desk and is freed
            only by revoking that choice, so its status cannot be edited from
            or to "selected" (its other data can).
    """
    require_role(session, actor, OPERATOR)
    record = _flat(session, flat_id)
    if expected_version is not None and record.version != expected_version:
        raise ConflictError("stale_flat", key=flat.key, expected=expected_version,
                            found=record.version)
    raise_first(check_flat(flat), "flat", flat.key)
    before = flat_from_record(record)
    _check_status_by_hand(before, flat)
    if before.key != flat.key:
        _check_flat_free(session, ProjectId(record.project_id), flat)
    if before == flat:
        return record.version
    for key, value in flat_columns(flat).items():
        setattr(record, key, value)
    _flush(session)
    audit.record(session, audit.AuditEntry(
        record.project_id, actor, "update", "flat", flat.key,
        before=flat_snapshot(before), after=flat_snapshot(flat)))
    return record.version


def _check_status_by_hand(before: Flat, after: Flat) -> None:
    selected = FlatStatus.SELECTED
    if before.status != after.status and selected in (before.status, after.status):
        raise ConflictError("flat_status_by_session", key=before.key,
                            status=before.status.value, wanted=after.status.value)


def delete_flat(session: Session, *, flat_id: FlatId, actor: str) -> Flat:
    require_role(session, actor, OPERATOR)
    record = _flat(session, flat_id)
    before = flat_from_record(record)
    project_id = record.project_id
    session.delete(record)
    _flush(session)
    audit.record(session, audit.AuditEntry(
        project_id, actor, "delete", "flat", before.key, before=flat_snapshot(before)))
    return before


def get_flat(session: Session, flat_id: FlatId) -> StoredFlat:
    record = _flat(session, flat_id)
    return StoredFlat(FlatId(record.id), record.version, flat_from_record(record))


def load_flats(session: Session, project_id: ProjectId) -> list[StoredFlat]:
    query = (select(FlatRecord).where(FlatRecord.project_id == project_id)
             .order_by(FlatRecord.building, FlatRecord.unit, FlatRecord.floor,
                       FlatRecord.number))
    return [StoredFlat(FlatId(r.id), r.version, flat_from_record(r))
            for r in session.scalars(query)]


def _flat(session: Session, flat_id: int) -> FlatRecord:
    record = session.get(FlatRecord, flat_id)
    if record is None:
        raise NotFoundError("flat_not_found", id=flat_id)
    return record


def _check_flat_free(session: Session, project_id: ProjectId, flat: Flat) -> None:
    if session.scalar(select(FlatRecord.id).where(
            FlatRecord.project_id == project_id, FlatRecord.building == flat.building,
            FlatRecord.unit == flat.unit, FlatRecord.number == flat.number)):
        raise ConflictError("flat_exists", key=flat.key)


def _flush(session: Session) -> None:
    """Flush, turning a lost race into a coded error instead of a driver traceback."""
    try:
        session.flush()
    except StaleDataError as error:
        raise ConflictError("stale_record", detail=str(error)) from error
    except IntegrityError as error:
        raise ConflictError("constraint_violated", detail=str(error.orig)) from error
