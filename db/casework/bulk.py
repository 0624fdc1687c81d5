"""Many casework rows at once (an imported visits file, the demo): one insert, one audit append.

Rows go in with a single executemany and come back with their ids in
parameter order; the audit log gets one event per row under one lock, with
the same snapshot :func:`db.casework.snapshots.row_snapshot` would take of
the stored row, so the check in `anju audit verify` sees no difference
between a row added here and one added through the single-row operations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from db import audit
from db.audit import Snapshot
from db.casework.snapshots import ENTITIES, plain
from db.records import Base


def insert_logged(session: Session, record_class: type[Base], rows: Sequence[Mapping[str, Any]],
                  *, keys: Sequence[str], actor: str, action: str = "create") -> list[int]:
    """Insert ``rows`` (every column but ``id``) and log each; returns the new ids.

    Args:
        keys: the audit key of each row (its household's code, or a name).

    Raises:
        ValueError: a row lacks a column (its snapshot would not match the stored row).
    """
    table = record_class.__table__  # type: ignore[attr-defined]
    columns = [c.name for c in table.columns if c.name != "id"]
    for row in rows:
        if missing := set(columns) - set(row):
            raise ValueError(f"{table.name} row without {sorted(missing)}")
    if not rows:
        return []
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    ids = list(session.scalars(statement, [dict(row) for row in rows]))
    entity = ENTITIES[record_class]
    audit.record_many(session, (
        audit.AuditEntry(row["project_id"], actor, action, entity, key,
                         after=_snapshot(columns, row, new_id))
        for row, key, new_id in zip(rows, keys, ids, strict=True)))
    return ids


def _snapshot(columns: Sequence[str], row: Mapping[str, Any], new_id: int) -> Snapshot:
    snapshot = {name: plain(row[name]) for name in columns if name != "project_id"}
    snapshot["id"] = new_id
    return snapshot
