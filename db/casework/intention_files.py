"""Intentions (选房意向) from and to Excel: the whole file or nothing, each row audited.

The reader (db/excel/intentions.py) finds what is wrong inside the file,
this module what is wrong against the database (a 户号 not registered in
the project). A household's new intention replaces what it said before,
the way recording it in the case log does (the log keeps the old one).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from allocation.registry import ProjectId
from db.admin import OPERATOR, require_role
from db.casework.base import changed
from db.casework.bulk import insert_logged
from db.casework.files import household_ids
from db.casework.intentions import intention_columns, intention_entries
from db.casework.snapshots import row_snapshot
from db.excel import (
    ColumnMapping,
    ImportProblem,
    Progress,
    freeze_params,
    read_intentions,
    write_intentions,
)
from db.records import IntentionRecord
from db.registry import ImportRejected, require_project


def import_intentions_file(session: Session, *, project_id: ProjectId, path: Any, actor: str,
                           mapping: ColumnMapping | None = None, sheet: str | None = None,
                           progress: Progress | None = None) -> int:
    """Read an intentions workbook and store every row; returns how many households.

    Steps:
        1. read the file (every problem in it is reported, nothing stored);
        2. look up each 户号 in the project (each unknown one is a problem on its row);
        3. replace the intentions of households that had one, insert the others;
           each change is logged with the action "import".

    Raises:
        ImportRejected: with every ImportProblem (sheet, row, column, value, code).
        ReadCancelled: ``progress`` returned False while reading.
    """
    require_role(session, actor, OPERATOR)
    require_project(session, project_id)
    read = read_intentions(path, mapping=mapping, sheet=sheet, progress=progress)
    if read.problems:
        raise ImportRejected(read.problems)
    ids = household_ids(session, project_id, {line.code for line in read.items})
    unknown = [ImportProblem(read.sheet, line.row, read.headers.get("code", "户号"), line.code,
                             "household_not_found", freeze_params({"code": line.code}))
               for line in read.items if line.code not in ids]
    if unknown:
        raise ImportRejected(unknown)
    stored = {r.household_id: r for r in session.scalars(select(IntentionRecord).where(
        IntentionRecord.project_id == project_id))}
    new_rows, new_keys = [], []
    for line in read.items:
        columns = intention_columns(line.intention, line.recorded_on, line.recorded_by)
        record = stored.get(ids[line.code])
        if record is None:
            new_rows.append({"project_id": project_id, "household_id": ids[line.code],
                             **columns})
            new_keys.append(line.code)
            continue
        before = row_snapshot(record)
        for name, value in columns.items():
            setattr(record, name, value)
        changed(session, record, before, actor, action="import")
    insert_logged(session, IntentionRecord, new_rows, keys=new_keys, actor=actor,
                  action="import")
    return len(read.items)


def export_intentions_file(session: Session, *, project_id: ProjectId, path: Any) -> int:
    """Write every stored intention of the project (by 户号); returns how many."""
    require_project(session, project_id)
    rows = [{"code": code, "head_name": name, "intention": entry.intention,
             "recorded_on": entry.recorded_on, "recorded_by": entry.recorded_by}
            for code, name, entry in intention_entries(session, project_id)]
    write_intentions(path, rows)
    return len(rows)
