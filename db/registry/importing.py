"""Bulk registration of parsed households and flats: all or nothing, every problem reported.

The Excel reader (db/excel) finds what is wrong inside a file; this module
finds what is wrong against the database (a 户号 or a person already
registered) and then writes everything in one transaction with set-based
inserts and one audit event per flat, or per batch of 1,000 households.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from os import PathLike
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, tuple_
from sqlalchemy.orm import Session

from allocation.errors import AnjuError
from allocation.registry import Flat, Household, ProjectId, check_household, check_new_flat
from db import audit
from db.admin import OPERATOR, require_role
from db.audit import flat_snapshot
from db.excel import (
    FLATS,
    HOUSEHOLDS,
    MEMBERS,
    ColumnMapping,
    ImportProblem,
    Places,
    freeze_params,
    read_flats,
    read_households,
    write_flats,
    write_households,
)
from db.records import FlatRecord, HouseholdRecord, MemberRecord
from db.registry.operations import (
    load_flats,
    load_households,
    people_in_other_households,
    require_project,
    with_mode_day,
)
from db.registry.repositories import flat_columns, household_columns, member_columns
from db.store import insert_rows

Progress = Callable[[int, int], bool]
CHUNK = 900  # below SQLite's bound-parameter limit for IN (...)


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why one household or flat of a batch cannot be registered."""

    key: str  # household code or flat key
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    field: str | None = None
    member: int | None = None


class ImportRejected(AnjuError):
    """A batch was refused as a whole; ``rejections`` lists every reason."""

    def __init__(self, rejections: Sequence[Any]) -> None:
        super().__init__("import_rejected", count=len(rejections))
        self.rejections = list(rejections)

    def __reduce__(self) -> tuple[Any, ...]:
        return (ImportRejected, (self.rejections,))


def import_households(session: Session, *, project_id: ProjectId,
                      households: Sequence[Household], actor: str,
                      progress: Progress | None = None, checked: bool = False,
                      source: audit.ImportSource | None = None) -> int:
    """Register a batch of households; returns how many.

    ``source`` names the file they were read from in the audit events.

    ``checked`` says the caller already applied allocation.registry's rules to
    each household (the Excel reader does), so they are not run twice.

    Raises:
        ImportRejected: any household breaks a rule or clashes with stored data;
            nothing is written.
    """
    require_role(session, actor, OPERATOR)
    require_project(session, project_id)
    today = date.today()  # the day of the import, for a mode chosen on no given day
    households = [with_mode_day(h, today) for h in households]
    rejections = _household_rejections(session, project_id, households, checked)
    if rejections:
        raise ImportRejected(rejections)
    ids = _insert_households(session, project_id, households)
    _report(progress, len(households) // 2, len(households))
    _insert_members(session, project_id, households, ids)
    # One event per batch of households (db.audit.batches), not per household; the pages
    # showing one household are told of each by its code.
    audit.record_many(session, (
        audit.AuditEntry(project_id, actor, "import", audit.ENTITY_IMPORT_BATCH, key,
                         after_json=text)
        for key, text in audit.household_batches(households, source)))
    audit.note_changes(session, ((project_id, "household", h.code) for h in households))
    _report(progress, len(households), len(households))
    return len(households)


def _household_rejections(session: Session, project_id: ProjectId,
                          households: Sequence[Household], checked: bool) -> list[Rejection]:
    rejections = [] if checked else [Rejection(h.code, p.code, p.params, p.field, p.member)
                                     for h in households for p in check_household(h)]
    codes = [h.code for h in households]
    ids = [m.id_number for h in households for m in h.members]
    if _stored_households(session, project_id) <= len(households):
        existing, clash = _stored_clashes(session, project_id, codes, ids)
    else:
        existing = _existing(session, HouseholdRecord.code, HouseholdRecord.project_id,
                             project_id, codes)
        clash = people_in_other_households(session, project_id, ids)
    for code in existing:
        rejections.append(Rejection(code, "household_exists", {"code": code}, "code"))
    for household in households:
        for index, member in enumerate(household.members):
            if member.id_number in clash:
                name, other = clash[member.id_number]
                rejections.append(Rejection(
                    household.code, "person_in_other_household",
                    {"id_number": member.id_number, "name": name,
                     "household": household.code, "other_household": other},
                    "id_number", index))
    return rejections


def _stored_households(session: Session, project_id: ProjectId) -> int:
    return session.scalar(select(func.count()).select_from(HouseholdRecord).where(
        HouseholdRecord.project_id == project_id)) or 0


def _stored_clashes(session: Session, project_id: ProjectId, codes: Sequence[str],
                    ids: Sequence[str]) -> tuple[list[str], dict[str, tuple[str, str]]]:
    """The batch's codes already stored and its people registered in stored households,
    found by reading the project's codes and people once.

    The same answers as the IN (...) queries of 900 values each, but for a
    project holding no more households than the batch (a city's first file: none)
    two queries instead of hundreds (about 470 for 100,000 households).
    """
    stored = set(session.scalars(select(HouseholdRecord.code).where(
        HouseholdRecord.project_id == project_id)))
    wanted = set(ids)
    people = (select(MemberRecord.id_number, MemberRecord.name, HouseholdRecord.code)
              .join(HouseholdRecord, MemberRecord.household_id == HouseholdRecord.id)
              .where(MemberRecord.project_id == project_id))
    clash = {id_number: (name, code) for id_number, name, code in session.execute(people)
             if id_number in wanted}
    return [code for code in dict.fromkeys(codes) if code in stored], clash


def _existing(session: Session, column: Any, project_column: Any, project_id: int,
              values: Sequence[str]) -> list[str]:
    found: list[str] = []
    for start in range(0, len(values), CHUNK):
        found += session.scalars(select(column).where(
            project_column == project_id, column.in_(values[start:start + CHUNK])))
    return found


def _insert_households(session: Session, project_id: ProjectId,
                       households: Sequence[Household]) -> list[int]:
    """Insert the household rows; their ids, in the order given."""
    if not households:
        return []
    names = ("project_id", "version", *household_columns(households[0]))
    insert_rows(session, HouseholdRecord.__table__, names,
                ((project_id, 1, *household_columns(h).values()) for h in households))
    # The driver's bulk paths return no ids: the codes are unique within the project.
    query = select(HouseholdRecord.code, HouseholdRecord.id).where(
        HouseholdRecord.project_id == project_id)
    ids = {code: key for code, key in session.execute(query)}
    return [ids[h.code] for h in households]


def _insert_members(session: Session, project_id: ProjectId,
                    households: Sequence[Household], ids: Sequence[int]) -> None:
    first = next((h.members[0] for h in households if h.members), None)
    if first is None:
        return
    names = ("household_id", "project_id", *member_columns(first, 0))
    insert_rows(session, MemberRecord.__table__, names, (
        (hid, project_id, *member_columns(m, i).values())
        for hid, h in zip(ids, households, strict=True) for i, m in enumerate(h.members)))


def import_flats(session: Session, *, project_id: ProjectId, flats: Sequence[Flat],
                 actor: str, progress: Progress | None = None) -> int:
    """Register a batch of flats; returns how many. Raises ImportRejected, writing nothing."""
    require_role(session, actor, OPERATOR)
    require_project(session, project_id)
    rejections = [Rejection(f.key, p.code, p.params, p.field)
                  for f in flats for p in check_new_flat(f)]
    rejections += _stored_flat_rejections(session, project_id, flats)
    if rejections:
        raise ImportRejected(rejections)
    rows = [{"project_id": project_id, "version": 1, **flat_columns(f)} for f in flats]
    if rows:
        session.execute(insert(FlatRecord.__table__), rows)
    audit.record_many(session, (
        audit.AuditEntry(project_id, actor, "import", "flat", f.key, after=flat_snapshot(f))
        for f in flats))
    _report(progress, len(flats), len(flats))
    return len(flats)


def _stored_flat_rejections(session: Session, project_id: ProjectId,
                            flats: Sequence[Flat]) -> list[Rejection]:
    keys = [(f.building, f.unit, f.number) for f in flats]
    columns = tuple_(FlatRecord.building, FlatRecord.unit, FlatRecord.number)
    found: set[tuple[str, str, str]] = set()
    for start in range(0, len(keys), CHUNK // 3):
        query = select(FlatRecord.building, FlatRecord.unit, FlatRecord.number).where(
            FlatRecord.project_id == project_id, columns.in_(keys[start:start + CHUNK // 3]))
        found.update((b, u, n) for b, u, n in session.execute(query))
    return [Rejection(f.key, "flat_exists", {"key": f.key}, "number")
            for f in flats if (f.building, f.unit, f.number) in found]


def _report(progress: Progress | None, done: int, total: int) -> None:
    # Writing is one transaction: it cannot stop half-way, so the answer is ignored.
    if progress is not None:
        progress(done, total)


# --- files ------------------------------------------------------------------------


def import_households_file(session: Session, *, project_id: ProjectId, path: Any, actor: str,
                           mapping: ColumnMapping | None = None,
                           sheets: Mapping[str, str] | None = None,
                           progress: Progress | None = None) -> int:
    """Read an Excel file and register its households, all or nothing.

    Raises:
        ImportRejected: with every ImportProblem (sheet, row, column, value,
            code), found in the file itself or against the database.
        ReadCancelled: ``progress`` returned False while reading.
    """
    read = read_households(path, mapping=mapping, sheets=sheets, progress=progress)
    if read.problems:
        raise ImportRejected(read.problems)
    try:
        # The reader applied allocation.registry's rules already (checked=True).
        return import_households(session, project_id=project_id, households=read.items,
                                 actor=actor, progress=progress, checked=True,
                                 source=_source(path))
    except ImportRejected as rejected:
        raise ImportRejected([_household_problem(r, read.places)
                              for r in rejected.rejections]) from None


def _source(path: Any) -> audit.ImportSource | None:
    """The file's name and SHA-256, for the audit events of what was imported from it
    (None for an open stream rather than a path)."""
    if not isinstance(path, (str, PathLike)):
        return None
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return audit.ImportSource(Path(path).name, digest.hexdigest())


def import_flats_file(session: Session, *, project_id: ProjectId, path: Any, actor: str,
                      mapping: ColumnMapping | None = None,
                      sheets: Mapping[str, str] | None = None,
                      progress: Progress | None = None) -> int:
    """Read an Excel file and register its flats, all or nothing (see import_households_file)."""
    read = read_flats(path, mapping=mapping, sheets=sheets, progress=progress)
    if read.problems:
        raise ImportRejected(read.problems)
    try:
        return import_flats(session, project_id=project_id, flats=read.items, actor=actor,
                            progress=progress)
    except ImportRejected as rejected:
        raise ImportRejected([_problem(r, read.places, FLATS, r.key)
                              for r in rejected.rejections]) from None


def _household_problem(rejection: Rejection, places: Places) -> ImportProblem:
    """A clash with stored data, placed on the row that caused it (a person on 家庭成员)."""
    if rejection.member is not None and "id_number" in rejection.params:
        return _problem(rejection, places, MEMBERS, str(rejection.params["id_number"]))
    return _problem(rejection, places, HOUSEHOLDS, rejection.key)


def _problem(rejection: Rejection, places: Places, kind: str, key: str) -> ImportProblem:
    sheet, row, column = places.locate(kind, key, rejection.field)
    value = str(rejection.params.get(rejection.field or "", key))
    return ImportProblem(sheet, row, column, value, rejection.code,
                         freeze_params(rejection.params))


def export_households_file(session: Session, *, project_id: ProjectId, path: Any) -> int:
    """Write every household of a project in the import format; returns how many."""
    households = load_households(session, project_id)
    write_households(path, households)
    return len(households)


def export_flats_file(session: Session, *, project_id: ProjectId, path: Any) -> int:
    """Write every flat of a project in the import format; returns how many."""
    flats = [stored.flat for stored in load_flats(session, project_id)]
    write_flats(path, flats)
    return len(flats)
