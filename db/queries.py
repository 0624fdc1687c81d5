"""Read-only queries that feed tables, counts and the summary; plain rows, fast at 100,000."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, cast, func, select
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
    """Every household of a project as table rows, in code order (two queries)."""
    people = _member_aggregates(session, project_id)
    query = (select(HouseholdRecord.id, HouseholdRecord.code, HouseholdRecord.head_name,
                    HouseholdRecord.head_id, HouseholdRecord.phone, HouseholdRecord.address,
                    HouseholdRecord.legal_area, HouseholdRecord.status,
                    HouseholdRecord.signed_on, HouseholdRecord.signing_seq)
             .where(HouseholdRecord.project_id == project_id)
             .order_by(HouseholdRecord.code))
    return [_household_row(row, people.get(row[0])) for row in session.execute(query)]


def _member_aggregates(session: Session, project_id: ProjectId) -> dict[int, tuple[Any, ...]]:
    query = (select(MemberRecord.household_id,
                    func.count(),
                    func.sum(cast(MemberRecord.recognised, Integer)),
                    func.sum(cast(MemberRecord.new_member, Integer)),
                    func.aggregate_strings(MemberRecord.conditions, ","),
                    func.aggregate_strings(MemberRecord.name, " "),
                    func.aggregate_strings(MemberRecord.id_number, " "))
             .where(MemberRecord.project_id == project_id)
             .group_by(MemberRecord.household_id))
    return {row[0]: tuple(row[1:]) for row in session.execute(query)}


def _household_row(row: Any, people: tuple[Any, ...] | None) -> HouseholdRow:
    (hid, code, head_name, head_id, phone, address, legal_area, status,
     signed_on, signing_seq) = row
    count, recognised, new_members, conditions, names, ids = people or (0, 0, 0, "", "", "")
    search = " ".join((code, head_name, phone, names or "", ids or "")).lower()
    return HouseholdRow(
        id=HouseholdId(hid), code=code, head_name=head_name, head_id=head_id, phone=phone,
        address=address, legal_area=legal_area, status=HouseholdStatus(status),
        signed_on=signed_on, signing_seq=signing_seq, members=count,
        recognised=recognised or 0, new_members=new_members or 0,
        conditions=conditions_from_text(conditions or ""), search_text=search)


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
