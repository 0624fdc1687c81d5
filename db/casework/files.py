"""Casework files: visit records imported from Excel, the case log and progress table exported.

Import is all or nothing: the reader (db/excel/visits.py) finds what is
wrong inside the file, this module what is wrong against the database (a
户号 not registered in the project), and then stores every visit in one
insert, each in the audit log, inside the caller's transaction. Exports
read the project with a few set queries and hand plain rows to
db/excel/casework_export.py.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from allocation.casework import FlagKind, FlagStatus, RequestKind, RequestStatus, VisitMethod
from allocation.registry import ProjectId
from db.admin import OPERATOR, require_role
from db.casework.bulk import insert_logged
from db.casework.progress_report import progress_rows
from db.casework.queries import assignments
from db.excel import (
    ColumnMapping,
    ImportProblem,
    Progress,
    VisitLine,
    VisitsRead,
    freeze_params,
    read_visits,
    write_case_log,
    write_progress,
)
from db.records import (
    AttachmentRecord,
    CaseFlagRecord,
    CaseNoteRecord,
    HouseholdRecord,
    RequestRecord,
    VisitRecord,
)
from db.registry import ImportRejected, require_project


def import_visits_file(session: Session, *, project_id: ProjectId, path: Any, actor: str,
                       mapping: ColumnMapping | None = None, sheet: str | None = None,
                       progress: Progress | None = None) -> int:
    """Read a visits workbook and store its visits; returns how many.

    Steps:
        1. read the file (every problem in it is reported, nothing stored);
        2. look up each 户号 in the project (each unknown one is a problem on its row);
        3. insert the visits and log each one.

    Raises:
        ImportRejected: with every ImportProblem (sheet, row, column, value, code).
        ReadCancelled: ``progress`` returned False while reading.
    """
    require_role(session, actor, OPERATOR)
    require_project(session, project_id)
    read = read_visits(path, mapping=mapping, sheet=sheet, progress=progress)
    if read.problems:
        raise ImportRejected(read.problems)
    ids = household_ids(session, project_id, {line.code for line in read.items})
    unknown = [_unknown(read, line) for line in read.items if line.code not in ids]
    if unknown:
        raise ImportRejected(unknown)
    rows = [{"project_id": project_id, "household_id": ids[line.code],
             "visited_on": line.visited_on, "method": line.method.value,
             "visitors": line.visitors, "summary": line.summary} for line in read.items]
    insert_logged(session, VisitRecord, rows, keys=[line.code for line in read.items],
                  actor=actor, action="import")
    return len(rows)


def household_ids(session: Session, project_id: int, codes: set[str]) -> dict[str, int]:
    """户号 -> household id, for those of ``codes`` registered in the project."""
    wanted = sorted(codes)
    found: dict[str, int] = {}
    for start in range(0, len(wanted), 900):  # under SQLite's bound-parameter limit
        found.update(session.execute(select(HouseholdRecord.code, HouseholdRecord.id).where(
            HouseholdRecord.project_id == project_id,
            HouseholdRecord.code.in_(wanted[start:start + 900]))).all())
    return found


def _unknown(read: VisitsRead, line: VisitLine) -> ImportProblem:
    return ImportProblem(read.sheet, line.row, read.headers.get("code", "户号"), line.code,
                         "household_not_found", freeze_params({"code": line.code}))


# --- exports -------------------------------------------------------------------------------


def export_case_log_file(session: Session, *, project_id: ProjectId, path: Any) -> int:
    """Write the project's case log workbook; returns how many entries it holds."""
    require_project(session, project_id)
    people = {hid: (code, name) for hid, code, name in session.execute(
        select(HouseholdRecord.id, HouseholdRecord.code, HouseholdRecord.head_name)
        .where(HouseholdRecord.project_id == project_id))}
    pairs = assignments(session, project_id)

    def entries(record_class: Any, *order: Any) -> list[tuple[Any, dict[str, Any]]]:
        query = (select(record_class).where(record_class.project_id == project_id)
                 .order_by(*order, record_class.id))
        return [(r, _who(people, pairs, r.household_id)) for r in session.scalars(query)]

    sheets = {
        "assignments": [{**_who(people, pairs, hid), "pair": a.pair.names,
                         "assigned_on": a.assigned_on}
                        for hid, a in sorted(pairs.items(), key=lambda i: people[i[0]][0])],
        "visits": [{**who, "visited_on": r.visited_on, "method": VisitMethod(r.method),
                    "visitors": r.visitors, "summary": r.summary}
                   for r, who in entries(VisitRecord, VisitRecord.visited_on)],
        "requests": [{**who, "kind": RequestKind(r.kind).zh, "text": r.text,
                      "received_on": r.received_on, "status": RequestStatus(r.status).zh,
                      "answer": r.answer, "answered_by": r.answered_by,
                      "answered_on": r.answered_on, "closed_on": r.closed_on}
                     for r, who in entries(RequestRecord, RequestRecord.received_on)],
        "flags": [{**who, "kind": FlagKind(r.kind).zh, "status": FlagStatus(r.status).zh,
                   "raised_on": r.raised_on, "decided_on": r.decided_on, "note": r.note}
                  for r, who in entries(CaseFlagRecord, CaseFlagRecord.raised_on)],
        "notes": [{**who, "written_on": r.written_on, "author": r.author, "text": r.text}
                  for r, who in entries(CaseNoteRecord, CaseNoteRecord.written_on)],
        "attachments": [{**who, "title": r.title, "path": r.path, "sha256": r.sha256,
                         "size": r.size, "added_on": r.added_on}
                        for r, who in entries(AttachmentRecord, AttachmentRecord.added_on)],
    }
    write_case_log(path, **sheets)
    return sum(len(rows) for rows in sheets.values())


def _who(people: dict[int, tuple[str, str]], pairs: dict[int, Any],
         household_id: int) -> dict[str, Any]:
    code, name = people[household_id]
    pair = pairs.get(household_id)
    return {"code": code, "head_name": name, "team": pair.pair.team if pair else None}


def export_progress_file(session: Session, *, project_id: ProjectId, path: Any) -> int:
    """Write the progress table (one row per household); returns how many households."""
    require_project(session, project_id)
    rows = progress_rows(session, project_id)
    write_progress(path, ({
        "code": r.code, "head_name": r.head_name, "status": r.status.zh, "team": r.team,
        "pair": r.pair.names if r.pair else None, "registered_on": r.registered_on,
        "verified_on": r.verified_on, "signed_on": r.signed_on, "signing_seq": r.signing_seq,
        "moved_out_on": r.moved_out_on, "flat_key": r.flat_key,
        "flat_chosen_on": r.flat_chosen_on, "keys_handed_on": r.keys_handed_on,
        "visits": r.visits, "last_visit": r.last_visit, "open_requests": r.open_requests,
    } for r in rows))
    return len(rows)
