"""Audit snapshots of casework rows: every column but the project, dates as ISO text.

One generic snapshot for every casework table keeps the audit log and the
check in `anju audit verify` complete: any column changed behind the
application's back differs from the logged after-state. Snapshots name the
household by id, not by code, so renaming a household (a change of its
户号) does not make its case log look edited. The audit event's key is the
household's code (or the team's or staff member's name) for people reading
the log; the check keys each row as ``<entity>-<id>``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.audit import Snapshot
from db.records import (
    AssignmentRecord,
    AttachmentRecord,
    Base,
    CaseFlagRecord,
    CaseNoteRecord,
    IntentionRecord,
    ProgressStepRecord,
    RequestRecord,
    StaffRecord,
    TeamRecord,
    VisitRecord,
)

#: Audit entity name of each casework record class.
ENTITIES: Final[dict[type[Base], str]] = {
    TeamRecord: "team",
    StaffRecord: "staff",
    AssignmentRecord: "assignment",
    VisitRecord: "visit",
    RequestRecord: "request",
    CaseFlagRecord: "case_flag",
    CaseNoteRecord: "case_note",
    AttachmentRecord: "attachment",
    ProgressStepRecord: "progress_step",
    IntentionRecord: "intention",
}
ENTITY_NAMES: Final = frozenset(ENTITIES.values())


def plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def row_snapshot(record: Base) -> Snapshot:
    """The row as logged: every column except ``project_id`` (the event carries it)."""
    columns = record.__table__.columns  # type: ignore[attr-defined]
    return {c.name: plain(getattr(record, c.key)) for c in columns if c.name != "project_id"}


def entity_of(record: Base) -> str:
    return ENTITIES[type(record)]


def casework_key(entity: str, snapshot: Snapshot) -> str | None:
    """The check's key of a casework snapshot (None: not a casework entity)."""
    if entity not in ENTITY_NAMES:
        return None
    return f"{entity}-{snapshot['id']}"


def stored_snapshots(session: Session, project_id: int) -> Iterator[tuple[str, str, Snapshot]]:
    """(entity, key, snapshot) of every stored casework row of a project."""
    for record_class, entity in ENTITIES.items():
        query = select(record_class).where(
            record_class.project_id == project_id)  # type: ignore[attr-defined]
        for record in session.scalars(query):
            snapshot = row_snapshot(record)
            yield entity, f"{entity}-{snapshot['id']}", snapshot


EntityKey = tuple[int, str, str]  # (project id, entity, key), as db.replay keys its state


class CaseworkReplay:
    """Follows, while the audit log is replayed, which household each casework row belongs to.

    A household deleted through the application takes its case log with it
    (ON DELETE CASCADE), and only the household's own deletion is logged.
    Casework events carry the household's code as their key and their rows
    its id, so this index knows which replayed rows went with a deleted
    household, also after the household's code was changed.
    """

    def __init__(self) -> None:
        self._code: dict[tuple[int, int], str] = {}  # (project, household id) -> code
        self._ids: dict[tuple[int, str], set[int]] = {}  # (project, code) -> household ids
        self._rows: dict[tuple[int, int], set[EntityKey]] = {}  # (project, id) -> state keys

    def follow(self, state: dict[EntityKey, Snapshot], event: Any) -> None:
        """Update the index after ``event`` was applied to ``state``."""
        project = event.project_id or 0
        if event.entity in ENTITY_NAMES:
            self._casework(project, event)
        elif event.entity == "household" and event.before is not None:
            before, after = json.loads(event.before), event.after and json.loads(event.after)
            self._household(state, project, before["code"], after["code"] if after else None)
        elif event.entity == "project" and event.action == "delete":
            for index in (self._code, self._ids, self._rows):
                for key in [k for k in index if k[0] == project]:
                    del index[key]

    def _casework(self, project: int, event: Any) -> None:
        for text, present in ((event.before, False), (event.after, True)):
            if not text:
                continue
            snapshot = json.loads(text)
            household = snapshot.get("household_id")
            if household is None:
                continue
            key = (project, event.entity, f"{event.entity}-{snapshot['id']}")
            rows = self._rows.setdefault((project, household), set())
            if present:
                rows.add(key)
                self._link(project, household, event.entity_key)
            else:
                rows.discard(key)

    def _link(self, project: int, household: int, code: str) -> None:
        old = self._code.get((project, household))
        if old is not None:
            self._ids.get((project, old), set()).discard(household)
        self._code[(project, household)] = code
        self._ids.setdefault((project, code), set()).add(household)

    def _household(self, state: dict[EntityKey, Snapshot], project: int, code: str,
                   new_code: str | None) -> None:
        households = self._ids.pop((project, code), set())
        for household in households:
            if new_code is not None:  # an update: the household may have a new code
                self._link(project, household, new_code)
                continue
            del self._code[(project, household)]
            for key in self._rows.pop((project, household), set()):
                state.pop(key, None)
