"""Read-only queries that feed tables, counts and the summary; plain rows, fast at 100,000."""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session

from allocation.registry import (
    CompensationMode,
    Condition,
    FlatStatus,
    HouseholdId,
    HouseholdStatus,
    ProjectId,
)
from db.records import (
    FINISHED,
    VOID,
    AuditEventRecord,
    FlatRecord,
    HouseholdRecord,
    MemberRecord,
    SelectionRecord,
    SelectionSessionRecord,
    SelectionTurnRecord,
)
from db.registry.repositories import conditions_from_text
from db.store import collector_paused


class HouseholdRow(NamedTuple):
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
    compensation_mode: CompensationMode = CompensationMode.AREA
    # The furthest step reached (db.casework.household_rows_at_their_stage); None: not read,
    # the stored status stands for it.
    stage: HouseholdStatus | None = None
    # Where it waits for its new flat (过渡方式): the transition flat's address, or empty
    # for its own transition on the allowance (自行过渡).
    transition_housing: str = ""

    @property
    def shown_stage(self) -> HouseholdStatus:
        return self.stage if self.stage is not None else self.status


def household_rows(session: Session, project_id: ProjectId) -> list[HouseholdRow]:
    """Every household of a project as table rows, in code order, from one table.

    Runs on the Core connection, not through the ORM, and reads the member
    counts kept on the household row: at 100,000 households the ORM's row
    processing, or a GROUP BY over the members, would each exceed the page's
    one-second budget.
    """
    h = HouseholdRecord.__table__.c
    query = (select(h.id, h.code, h.head_name, h.head_id, h.phone, h.address, h.legal_area,
                    h.status, h.signed_on, h.signing_seq, h.member_count, h.recognised_count,
                    h.new_member_count, h.member_conditions, h.search_text,
                    h.compensation_mode, h.transition_housing)
             .where(h.project_id == project_id).order_by(h.code))
    statuses = {s.value: s for s in HouseholdStatus}
    modes = {m.value: m for m in CompensationMode}
    with collector_paused():  # 100,000 new objects would trigger full collections
        return [
            HouseholdRow(HouseholdId(hid), code, head_name, head_id, phone, address,
                         legal_area, statuses[status], signed_on, signing_seq, count,
                         recognised, new_members, _conditions(conditions), search, modes[mode],
                         transition_housing=housing)
            for (hid, code, head_name, head_id, phone, address, legal_area, status, signed_on,
                 signing_seq, count, recognised, new_members, conditions, search, mode, housing)
            in session.connection().execute(query)]


@functools.lru_cache(maxsize=256)
def _conditions(text: str) -> frozenset[Condition]:
    # A project has few distinct combinations: parse each once.
    return conditions_from_text(text)


def summary(session: Session, project_id: ProjectId) -> dict[str, Any]:
    """Counts for `anju summary`: households, people, flats by status, and the session's progress.

    ``selected_households`` and ``flats_selected`` count active selections
    (revoked ones not); ``households_done`` counts turns that are over:
    selected, declined, or absent at the close.
    """
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
        **_session_counts(session, project_id),
    }


def _session_counts(session: Session, project_id: ProjectId) -> dict[str, int]:
    active = (select(func.count(func.distinct(SelectionRecord.household_id)),
                     func.count(func.distinct(SelectionRecord.flat_id)))
              .where(SelectionRecord.project_id == project_id,
                     SelectionRecord.revoked_at.is_(None)))
    households, flats = session.execute(active).one()
    done = session.scalar(
        select(func.count()).select_from(SelectionTurnRecord)
        .join(SelectionSessionRecord, SelectionTurnRecord.session_id == SelectionSessionRecord.id)
        .where(SelectionSessionRecord.project_id == project_id,
               SelectionSessionRecord.status != VOID,  # a voided session's turns are history
               SelectionTurnRecord.state.in_(FINISHED)))
    return {"selected_households": households or 0, "flats_selected": flats or 0,
            "households_done": done or 0}


class AuditRow(NamedTuple):
    """One audit event as the Audit page lists it (newest last)."""

    seq: int
    at: datetime
    actor: str
    action: str
    entity: str
    key: str
    before: str | None
    after: str | None


def audit_rows(session: Session, project_id: ProjectId | None = None) -> list[AuditRow]:
    """Every audit event, or those of one project, in chain order."""
    a = AuditEventRecord.__table__.c
    query = select(a.seq, a.at, a.actor, a.action, a.entity, a.entity_key, a.before,
                   a.after).order_by(a.seq)
    if project_id is not None:
        query = query.where(a.project_id == project_id)
    with collector_paused():
        return [AuditRow(seq, _as_utc(at), actor, action, entity, key, before, after)
                for seq, at, actor, action, entity, key, before, after
                in session.connection().execute(query)]


def _as_utc(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were stored as UTC.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
