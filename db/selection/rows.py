"""The session's rows, read and written with Core statements built once: the lock, turns, time.

The session row is the lock: every operation first raises its change
counter with an UPDATE, which takes the row lock on PostgreSQL and the write
lock on SQLite, so two workstations acting on one session take turns and a
display sees the number change once per committed operation.

Why Core and not ORM objects here: a rehearsal of 10,000 households runs
each of these statements 10,000 times or more, and on SQLite building a
statement or an ORM object costs more than running the statement.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import CursorResult, Executable, bindparam, func, select, union_all, update
from sqlalchemy.orm import Session

from allocation.errors import ConflictError, NotFoundError
from db import audit
from db.audit import Snapshot
from db.records import (
    SelectionRecord,
    SelectionSessionRecord,
    SelectionTurnRecord,
    SessionPlanRecord,
)
from db.selection.base import (
    CALLED,
    CLOSED,
    ENTITY_PLAN,
    ENTITY_SELECTION,
    ENTITY_SESSION,
    ENTITY_TURN,
    PAUSED,
    QUEUED,
    VOID,
    Row,
    as_utc,
    entry,
    plan_snapshot,
    selection_snapshot,
    session_snapshot,
    snapshot_key,
    turn_snapshot,
)

SESSIONS = SelectionSessionRecord.__table__
TURNS = SelectionTurnRecord.__table__
SELECTIONS = SelectionRecord.__table__
PLANS = SessionPlanRecord.__table__

# RETURNING (SQLite 3.35+, PostgreSQL): the lock and the read in one statement.
# A project's session is its live one: a voided session is history (read by id).
LIVE = SESSIONS.c.status != VOID
_LOCK = (update(SESSIONS).where(SESSIONS.c.project_id == bindparam("project"), LIVE)
         .values(change_seq=SESSIONS.c.change_seq + 1).returning(*SESSIONS.c))
_SESSION = select(SESSIONS).where(SESSIONS.c.project_id == bindparam("project"), LIVE)
_ALL_SESSIONS = (select(SESSIONS).where(SESSIONS.c.project_id == bindparam("project"))
                 .order_by(SESSIONS.c.id))
_TURN_BY_CODE = select(TURNS).where(TURNS.c.session_id == bindparam("session"),
                                    TURNS.c.code == bindparam("code"))
_TURN_IN_STATE = (select(TURNS).where(TURNS.c.session_id == bindparam("session"),
                                      TURNS.c.state == bindparam("state"))
                  .order_by(TURNS.c.place).limit(bindparam("count")))
# The first turns of each queued state, and the one called, in one statement: one
# index range each, where ``state IN (...)`` would sort every waiting turn (10,000).
_STATES = (CALLED, *QUEUED)
_FRONT = union_all(*(
    select(TURNS).where(TURNS.c.session_id == bindparam("session"), TURNS.c.state == state)
    .order_by(TURNS.c.batch, TURNS.c.place).limit(bindparam("count"))
    .subquery(f"front_{i}").select()
    for i, state in enumerate(_STATES)))
_LAST_PLACE = (select(TURNS.c.place).where(TURNS.c.session_id == bindparam("session"))
               .order_by(TURNS.c.place.desc()).limit(1))
_LAST_BATCH = select(func.max(TURNS.c.batch)).where(TURNS.c.session_id == bindparam("session"))
_TURNS = select(TURNS).where(TURNS.c.session_id == bindparam("session"))
_SELECTIONS = select(SELECTIONS).where(SELECTIONS.c.session_id == bindparam("session"))
_PLANS = (select(PLANS).where(PLANS.c.project_id == bindparam("project"))
          .order_by(PLANS.c.version))


# --- the session ----------------------------------------------------------------------


def lock_session(session: Session, project_id: int) -> Row:
    """Take the session's lock, raise its change counter, and read it.

    Raises:
        NotFoundError: ``session_not_found``.
    """
    session.flush()  # the statements below go to the connection, past autoflush
    row = run(session, _LOCK, {"project": project_id}).mappings().first()
    if row is None:
        raise NotFoundError("session_not_found", project=project_id)
    return row


def run(session: Session, statement: Executable, params: dict[str, Any]) -> CursorResult[Any]:
    """Execute a Core statement in the session's transaction.

    Straight on its connection: the ORM's per-statement bookkeeping costs as
    much as SQLite's work for these one-row statements.
    """
    return session.connection().execute(statement, params)


def read_session(session: Session, project_id: int) -> Row | None:
    """The project's session row without locking it (readers, and the first look)."""
    return run(session, _SESSION, {"project": project_id}).mappings().first()


def require_running(row: Row) -> None:
    """Calling and choosing need an open session: not paused, not closed."""
    require_not_closed(row)
    if row["status"] == PAUSED:
        raise ConflictError("session_paused")


def require_not_closed(row: Row) -> None:
    if row["status"] == CLOSED:
        raise ConflictError("session_closed")


def change_session(session: Session, row: Row, actor: str, action: str,
                   **values: Any) -> tuple[Row, audit.AuditEntry]:
    """Update the session row; returns it changed, and its audit entry to record."""
    changed = {**row, **values}
    session.execute(update(SESSIONS).where(SESSIONS.c.id == row["id"]).values(**values))
    return changed, entry(row["project_id"], actor, action, ENTITY_SESSION,
                          session_snapshot(row), session_snapshot(changed))


# --- turns ------------------------------------------------------------------------------


def find_turn(session: Session, session_id: int, code: str) -> Row:
    """The turn of household ``code``; NotFoundError ``household_not_in_session``."""
    row = run(session, _TURN_BY_CODE, {"session": session_id, "code": code}).mappings().first()
    if row is None:
        raise NotFoundError("household_not_in_session", household=code)
    return row


def called_turn(session: Session, session_id: int) -> Row | None:
    """The household at the desk now (at most one: a partial unique index says so)."""
    found = run(session, _TURN_IN_STATE, {"session": session_id, "state": CALLED, "count": 1})
    return found.mappings().first()


def front(session: Session, session_id: int, count: int = 1) -> tuple[Row | None, list[Row]]:
    """The household called now (or None), and the first ``count`` turns of the queue."""
    rows = run(session, _FRONT, {"session": session_id, "count": count}).mappings().all()
    called = next((r for r in rows if r["state"] == CALLED), None)
    # By batch, then place: a household moved on to a later batch waits for its end.
    queue = sorted((r for r in rows if r["state"] != CALLED),
                   key=lambda t: (t["batch"], t["place"]))
    return called, queue[:count]


def refuse_if_called(session: Session, session_id: int) -> None:
    """ConflictError ``household_already_called`` while a household is at the desk."""
    current = called_turn(session, session_id)
    if current is not None:
        raise ConflictError("household_already_called", household=current["code"])


def queue_head(session: Session, session_id: int, count: int = 1) -> list[Row]:
    """The first ``count`` turns of the queue, in calling order."""
    return front(session, session_id, count)[1]


def end_place(session: Session, session_id: int) -> int:
    """The place after the last one: where a household moved to the end goes."""
    last = run(session, _LAST_PLACE, {"session": session_id}).scalar()
    return (last or 0) + 1


def last_batch(session: Session, session_id: int) -> int:
    """The session's last batch (1 without a plan)."""
    return int(run(session, _LAST_BATCH, {"session": session_id}).scalar() or 1)


def turn_change(session: Session, project_id: int, turn: Row, actor: str, action: str,
                **values: Any) -> tuple[Row, audit.AuditEntry]:
    """Update a turn; returns it changed, and its audit entry (several go in one append)."""
    values["operator"] = actor
    changed = {**turn, **values}
    params = {f"new_{name}": value for name, value in values.items()}
    run(session, _turn_update(tuple(sorted(values))), {"turn": turn["id"], **params})
    return changed, entry(project_id, actor, action, ENTITY_TURN, turn_snapshot(turn),
                          turn_snapshot(changed))


@functools.cache
def _turn_update(columns: tuple[str, ...]) -> Executable:
    # One statement per set of columns an operation changes: there are a handful.
    return (update(TURNS).where(TURNS.c.id == bindparam("turn"))
            .values({name: bindparam(f"new_{name}") for name in columns}))


def change_turn(session: Session, project_id: int, turn: Row, actor: str, action: str,
                **values: Any) -> Row:
    """Update a turn and log it with its before and after states."""
    changed, event = turn_change(session, project_id, turn, actor, action, **values)
    append(session, [event])
    return changed


# --- the audit log: one append per operation, or per turn of a rehearsal -------------------

_PENDING = "anju.selection.pending_audit"


def append(session: Session, events: list[audit.AuditEntry], *, head: bool = False) -> str | None:
    """Append an operation's audit events; returns the chain head after them.

    Inside :func:`one_append` the events wait for the block's end, unless
    ``head`` asks for the chain head now (a selection stores it): then they go
    with everything waiting, in order, and the head is the last event's.
    """
    pending: list[audit.AuditEntry] | None = session.info.get(_PENDING)
    if pending is None:
        return audit.record_block(session, events)
    pending.extend(events)
    if not head:
        return None
    session.info[_PENDING] = []
    return audit.record_block(session, pending)


@contextmanager
def one_append(session: Session) -> Iterator[None]:
    """Let the operations inside share one audit append (each append locks the chain).

    For the rehearsal, whose every turn is several operations in one
    transaction. The events are the same and in the same order, only written
    together. An exception inside must roll the transaction back: the events
    of the operations before it are dropped with their changes.
    """
    session.info[_PENDING] = []
    try:
        yield
        waiting = session.info[_PENDING]
        if waiting:
            audit.record_block(session, waiting)
    finally:
        session.info.pop(_PENDING, None)


# --- time and the audit replay ------------------------------------------------------------


def now(session: Session) -> datetime:
    """The time of a session event, aware UTC.

    On PostgreSQL it is the server's clock, shared by every workstation, so a
    display on another computer counts down and judges the desk's heartbeat
    without trusting its own clock. SQLite lives on one computer: its clock.
    """
    if session.get_bind().dialect.name == "postgresql":
        found = session.execute(select(func.clock_timestamp())).scalar_one()
        return as_utc(found) or datetime.now(UTC)
    return datetime.now(UTC)


def stored_snapshots(session: Session, project_id: int) -> Iterator[tuple[str, str, Snapshot]]:
    """(entity, key, snapshot) of a project's stored session plans, sessions (voided ones
    too), turns and selections."""
    rows: list[tuple[str, Snapshot]] = [
        (ENTITY_PLAN, plan_snapshot(p))
        for p in session.execute(_PLANS, {"project": project_id}).mappings().all()]
    for found in session.execute(_ALL_SESSIONS, {"project": project_id}).mappings().all():
        rows.append((ENTITY_SESSION, session_snapshot(found)))
        params = {"session": found["id"]}
        turns = session.execute(_TURNS, params).mappings().all()
        rows += [(ENTITY_TURN, turn_snapshot(t)) for t in turns]
        by_id = {t["id"]: t for t in turns}
        rows += [(ENTITY_SELECTION, _with_turn(selection_snapshot(s), s, by_id))
                 for s in session.execute(_SELECTIONS, params).mappings()]
    for entity, snapshot in rows:
        yield entity, str(snapshot_key(entity, snapshot)), snapshot


def _with_turn(snapshot: Snapshot, row: Row, turns: dict[int, Row]) -> Snapshot:
    """A selection's snapshot, and what ties it to its turn if that disagrees: the log
    states the household's code, the turn is the household's (only a hand edit repoints
    the turn or the household)."""
    turn = turns.get(row["turn_id"])
    if turn is not None and turn["household_id"] == row["household_id"]:
        return snapshot  # a turn whose own code was edited is named by the turn's check
    if turn is not None and turn["code"] == row["code"]:
        return {**snapshot, "household_id": row["household_id"]}
    return {**snapshot, "turn_id": row["turn_id"]}
