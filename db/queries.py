"""Read-only queries that feed tables, counts and the summary; plain rows, fast at 100,000."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Integer, cast, func, select
from sqlalchemy.orm import Session

from allocation.model import Condition, FlatStatus, HouseholdId, HouseholdStatus, ProjectId
from db.records import FlatRecord, HouseholdRecord, MemberRecord
from db.repositories import conditions_from_text


@dataclass(frozen=True, slots=True)
class HouseholdRow:
    """One line of the Households page: the household and counts over its members."""

    id: HouseholdId
    code: str
    head_name: str
    head_id: str
    phone: str
    address: str
    legal_area: Decimal
    status: HouseholdStatus
    signed_on: date | None
    signing_seq: int | None
    members: int
    recognised: int
    new_members: int
    conditions: frozenset[Condition]
    # Lower-cased code, names, ID numbers and phone, for instant search.
    search_text: str


def household_rows(session: Session, project_id: ProjectId) -> list[HouseholdRow]:
    """Every household of a project as table rows, in code order (two queries).

    Runs on the Core connection, not through the ORM: at 100,000 households the
    ORM's row processing alone would exceed the page's one-second budget.
    """
    connection = session.connection()
    people = _member_aggregates(connection, project_id)
    h = HouseholdRecord.__table__.c
    query = (select(h.id, h.code, h.head_name, h.head_id, h.phone, h.address, h.legal_area,
                    h.status, h.signed_on, h.signing_seq)
             .where(h.project_id == project_id).order_by(h.code))
    statuses = {s.value: s for s in HouseholdStatus}
    empty = (0, 0, 0, "", "", "")
    rows = []
    for (hid, code, head_name, head_id, phone, address, legal_area, status, signed_on,
         signing_seq) in connection.execute(query):
        count, recognised, new_members, conditions, names, ids = people.get(hid, empty)
        rows.append(HouseholdRow(
            HouseholdId(hid), code, head_name, head_id, phone, address, legal_area,
            statuses[status], signed_on, signing_seq, count, recognised or 0, new_members or 0,
            _conditions(conditions or ""),
            f"{code} {head_name} {phone} {names or ''} {ids or ''}".lower()))
    return rows


@functools.lru_cache(maxsize=256)
def _conditions(text: str) -> frozenset[Condition]:
    # A project has few distinct combinations: parse each once.
    return conditions_from_text(",".join(sorted(set(text.split(",")) - {""})))


def _member_aggregates(connection: Connection, project_id: ProjectId,
                       ) -> dict[int, tuple[Any, ...]]:
    m = MemberRecord.__table__.c
    query = (select(m.household_id,
                    func.count(),
                    func.sum(cast(m.recognised, Integer)),
                    func.sum(cast(m.new_member, Integer)),
                    func.aggregate_strings(m.conditions, ","),
                    func.aggregate_strings(m.name, " "),
                    func.aggregate_strings(m.id_number, " "))
             .where(m.project_id == project_id)
             .group_by(m.household_id))
    return {row[0]: tuple(row[1:]) for row in connection.execute(query)}


def summary(session: Session, project_id: ProjectId) -> dict[str, Any]:
    """Counts for `anju summary`: households, people, recognised people, flats by status."""
    households = session.scalar(select(func.count()).select_from(HouseholdRecord)
                                .where(HouseholdRecord.project_id == project_id))
    members, recognised = session.execute(
        select(func.count(), func.sum(cast(MemberRecord.recognised, Integer)))
        .where(MemberRecord.project_id == project_id)).one()
    by_status = {status.value: 0 for status in FlatStatus}
    for status, count in session.execute(
            select(FlatRecord.status, func.count()).where(FlatRecord.project_id == project_id)
            .group_by(FlatRecord.status)):
        by_status[status] = count
    return {
        "households": households or 0,
        "members": members or 0,
        "recognised_members": recognised or 0,
        "flats": sum(by_status.values()),
        "flats_by_status": by_status,
    }
