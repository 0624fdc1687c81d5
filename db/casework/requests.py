"""Requests (诉求), suggestions (建议) and special cases (二孩指标, 新增人口, 补差价, hardship).

A request's status moves only as allocation.casework.request_transition
allows (open → answered → closed, reopen when the household is not
satisfied); each move is one audited change, so the log tells the whole
story of every request even after a reopening cleared its answer.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from allocation.casework import (
    MAX_NAME,
    FlagKind,
    FlagStatus,
    RequestAction,
    RequestKind,
    RequestStatus,
    check_order,
    check_text,
    request_transition,
)
from allocation.errors import ConflictError
from db.admin import OPERATOR, require_role
from db.casework.base import changed, created, removed, require, require_household
from db.casework.snapshots import row_snapshot
from db.records import CaseFlagRecord, RequestRecord

# --- requests and suggestions -------------------------------------------------------------


def add_request(session: Session, *, household_id: int, kind: RequestKind, text: str,
                received_on: date, actor: str) -> int:
    """Record a request or suggestion as received, open. ValidationError for a blank text."""
    require_role(session, actor, OPERATOR)
    household = require_household(session, household_id)
    record = RequestRecord(project_id=household.project_id, household_id=household_id,
                           kind=RequestKind(kind).value, text=check_text("request_text", text),
                           received_on=received_on, status=RequestStatus.OPEN.value,
                           answer="", answered_by="")
    created(session, record, actor)
    return record.id


def answer_request(session: Session, *, request_id: int, answer: str, answered_on: date,
                   actor: str, answered_by: str | None = None) -> None:
    """Record the office's answer (by ``answered_by``, else ``actor``).

    Raises:
        ValidationError: ``request_transition_not_allowed`` (not open), a blank
            answer, or ``date_before_start`` (answered before it was received).
    """
    require_role(session, actor, OPERATOR)
    record = require(session, RequestRecord, request_id, "request_not_found")
    before = row_snapshot(record)
    status = request_transition(RequestStatus(record.status), RequestAction.ANSWER)
    check_order("answered_on", record.received_on, answered_on)
    record.answer = check_text("answer", answer)
    record.answered_by = check_text("answered_by", answered_by or actor, limit=MAX_NAME)
    record.answered_on, record.status = answered_on, status.value
    changed(session, record, before, actor, action="answer")


def close_request(session: Session, *, request_id: int, closed_on: date, actor: str) -> None:
    """Close an answered request (办结). ValidationError if it is not answered yet."""
    require_role(session, actor, OPERATOR)
    record = require(session, RequestRecord, request_id, "request_not_found")
    before = row_snapshot(record)
    status = request_transition(RequestStatus(record.status), RequestAction.CLOSE)
    check_order("closed_on", record.answered_on or record.received_on, closed_on)
    record.closed_on, record.status = closed_on, status.value
    changed(session, record, before, actor, action="close")


def reopen_request(session: Session, *, request_id: int, actor: str) -> None:
    """Open an answered or closed request again; its answer is cleared (the log keeps it)."""
    require_role(session, actor, OPERATOR)
    record = require(session, RequestRecord, request_id, "request_not_found")
    before = row_snapshot(record)
    status = request_transition(RequestStatus(record.status), RequestAction.REOPEN)
    record.status, record.answer, record.answered_by = status.value, "", ""
    record.answered_on = record.closed_on = None
    changed(session, record, before, actor, action="reopen")


def delete_request(session: Session, *, request_id: int, actor: str) -> None:
    """Delete a request typed by mistake; only while open (ConflictError ``request_not_open``)."""
    require_role(session, actor, OPERATOR)
    record = require(session, RequestRecord, request_id, "request_not_found")
    if record.status != RequestStatus.OPEN.value:
        raise ConflictError("request_not_open", id=request_id, status=record.status)
    removed(session, record, actor)


# --- special cases -------------------------------------------------------------------------


def raise_flag(session: Session, *, household_id: int, kind: FlagKind, raised_on: date,
               actor: str, note: str = "") -> int:
    """Open a special case of a household, as claimed; one per kind (``flag_exists``)."""
    require_role(session, actor, OPERATOR)
    household = require_household(session, household_id)
    kind = FlagKind(kind)
    if session.scalar(select(CaseFlagRecord.id).where(
            CaseFlagRecord.household_id == household_id, CaseFlagRecord.kind == kind.value)):
        raise ConflictError("flag_exists", code=household.code, kind=kind.zh)
    record = CaseFlagRecord(project_id=household.project_id, household_id=household_id,
                            kind=kind.value, status=FlagStatus.CLAIMED.value,
                            raised_on=raised_on, note=check_text("note", note, required=False))
    created(session, record, actor)
    return record.id


def set_flag_status(session: Session, *, flag_id: int, status: FlagStatus, on: date,
                    actor: str, note: str | None = None) -> None:
    """Move a special case on (核实中, 已认定, 不予认定); a decision is dated ``on``.

    Raises:
        ValidationError: ``date_before_start`` (decided before it was raised).
    """
    require_role(session, actor, OPERATOR)
    record = require(session, CaseFlagRecord, flag_id, "flag_not_found")
    before = row_snapshot(record)
    status = FlagStatus(status)
    if status.decided:
        check_order("decided_on", record.raised_on, on)
    record.status = status.value
    record.decided_on = on if status.decided else None
    if note is not None:
        record.note = check_text("note", note, required=False)
    changed(session, record, before, actor)


def delete_flag(session: Session, *, flag_id: int, actor: str) -> None:
    require_role(session, actor, OPERATOR)
    removed(session, require(session, CaseFlagRecord, flag_id, "flag_not_found"), actor)
