"""Intentions (选房意向) in the database: recorded, replaced or cleared, each change audited.

One row a household (IntentionRecord); recording again replaces what it
said (action "update", the before-state in the log). The chances engine and
the supply-and-demand table read them too (db.selection.chances, which sits
beside this package, not above it); a household without a row is
"unknown". Layouts and buildings are stored as the office writes them
(2室1厅、3室2厅), read back through allocation.chances.split_names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from allocation.casework import MAX_NAME, check_text
from allocation.chances import Intention, join_names, stored_intention
from allocation.errors import ValidationError
from allocation.registry import ProjectId
from db.admin import OPERATOR, require_role
from db.casework.base import changed, created, removed, require_household
from db.casework.snapshots import row_snapshot
from db.records import HouseholdRecord, IntentionRecord

#: Characters of a stored list of layouts or buildings (IntentionRecord: String(400)).
MAX_LIST: Final = 400


@dataclass(frozen=True, slots=True)
class IntentionEntry:
    """A household's stored intention, with when and by whom it was recorded."""

    id: int
    household_id: int
    intention: Intention
    recorded_on: date
    recorded_by: str


def intention_of(record: IntentionRecord) -> Intention:
    """The :class:`Intention` a stored row says."""
    return stored_intention(record.layouts, record.buildings, record.floor_min,
                            record.floor_max, record.flats)


def intention_entry(record: IntentionRecord) -> IntentionEntry:
    return IntentionEntry(record.id, record.household_id, intention_of(record),
                          record.recorded_on, record.recorded_by)


def intention_columns(intention: Intention, recorded_on: date, recorded_by: str) -> dict[str, Any]:
    """The row's columns for ``intention`` (the one place they are written from)."""
    return {"layouts": join_names(intention.layouts),
            "buildings": join_names(intention.buildings),
            "floor_min": intention.floor_min, "floor_max": intention.floor_max,
            "flats": intention.flats, "recorded_on": recorded_on,
            "recorded_by": check_text("recorded_by", recorded_by, limit=MAX_NAME)}


def record_intention(session: Session, *, household_id: int, intention: Intention,
                     recorded_on: date, recorded_by: str, actor: str) -> int:
    """Store what the household wants, replacing what it said before; returns the row's id.

    Raises:
        ValidationError: a blank or too long ``recorded_by``; the lists too
            long to store (``too_long``).
        NotFoundError: ``household_not_found``.
    """
    require_role(session, actor, OPERATOR)
    household = require_household(session, household_id)
    columns = intention_columns(intention, recorded_on, recorded_by)
    for field in ("layouts", "buildings"):
        if len(columns[field]) > MAX_LIST:
            raise ValidationError("too_long", field=field, max=MAX_LIST)
    record = session.scalar(select(IntentionRecord)
                            .where(IntentionRecord.household_id == household_id))
    if record is None:
        record = IntentionRecord(project_id=household.project_id, household_id=household_id,
                                 **columns)
        created(session, record, actor)
        return record.id
    before = row_snapshot(record)
    for name, value in columns.items():
        setattr(record, name, value)
    changed(session, record, before, actor)
    return record.id


def clear_intention(session: Session, *, household_id: int, actor: str) -> None:
    """Forget what the household said: it is "unknown" again (the log keeps it)."""
    require_role(session, actor, OPERATOR)
    require_household(session, household_id)
    record = session.scalar(select(IntentionRecord)
                            .where(IntentionRecord.household_id == household_id))
    if record is not None:
        removed(session, record, actor)


def household_intention(session: Session, household_id: int) -> IntentionEntry | None:
    record = session.scalar(select(IntentionRecord)
                            .where(IntentionRecord.household_id == household_id))
    return None if record is None else intention_entry(record)


def intention_entries(session: Session,
                      project_id: ProjectId) -> list[tuple[str, str, IntentionEntry]]:
    """(code, head name, entry) of every household of a project with an intention, by code."""
    query = (select(HouseholdRecord.code, HouseholdRecord.head_name, IntentionRecord)
             .join(IntentionRecord, IntentionRecord.household_id == HouseholdRecord.id)
             .where(HouseholdRecord.project_id == project_id)
             .order_by(HouseholdRecord.code))
    return [(code, name, intention_entry(record))
            for code, name, record in session.execute(query)]

