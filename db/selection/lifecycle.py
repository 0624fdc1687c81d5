"""The session's life: opening it over the draw, finding it again, pausing, the final call, closing.

Opening gives every household of the final order a turn; closing records the
households still passed over as absent. Like every session operation these
take the session first, never commit, and log what they change (see
:mod:`db.selection`).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from allocation.errors import ConflictError, NotFoundError, ValidationError
from allocation.registry import ProjectId
from allocation.rules import PoolEntry
from db.admin import OPERATOR, SUPERVISOR, backup_before, require_role, witness_on_commit
from db.lottery import counting_draw, current_pool, lock_counting_draw
from db.records import HouseholdRecord
from db.registry import require_project
from db.rules import frozen_policy
from db.selection.base import (
    ABSENT,
    CLOSED,
    ENTITY_SESSION,
    ENTITY_TURN,
    FINAL_ROUND,
    MOVED_TO_END,
    OPEN,
    PAUSED,
    QUEUED,
    SKIPPED,
    WAITING,
    Row,
    SessionInfo,
    SessionSettings,
    Turn,
    entry,
    session_info,
    session_snapshot,
    turn_of,
    turn_snapshot,
)
from db.selection.rows import (
    LIVE,
    SESSIONS,
    TURNS,
    append,
    called_turn,
    change_session,
    end_place,
    last_batch,
    lock_session,
    now,
    queue_head,
    read_session,
    refuse_if_called,
    require_not_closed,
    require_running,
    turn_change,
)
from db.selection.session_plan import stored_session_plan

# --- opening and finding ----------------------------------------------------------


def open_session(session: Session, *, project_id: ProjectId, operator: str,
                 settings: SessionSettings | None = None,
                 held_on: date | None = None) -> SessionInfo:
    """Open the project's selection session over the active draw's final order.

    Steps:
        1. refuse a second session, a project without an active draw or
           without a frozen policy;
        2. give every household of the final order a turn, waiting, with its
           order number = place = its position, the group it was
           published in (its flat restriction follows that group), and its
           batch in the stored session plan (1 without one): from now on the
           plan is fixed (db.selection.session_plan);
        3. log the session and every turn, so the audit replay knows them.

    Args:
        held_on: the date ages and prices are judged on (default: today).

    Raises:
        ConflictError: ``session_exists``, ``session_plan_draw_changed``.
        NotFoundError: ``draw_not_found``, ``policy_not_frozen``.
        ValidationError: ``not_positive`` (a setting), ``order_unknown_household``.
    """
    require_role(session, operator, SUPERVISOR)
    settings = settings or SessionSettings()
    settings.check()
    require_project(session, project_id)
    if read_session(session, project_id) is not None:
        raise ConflictError("session_exists", project=project_id)
    draw, pool = counting_draw(session, project_id), current_pool(session, project_id)
    if draw is None or pool is None:
        raise NotFoundError("draw_not_found", project=project_id)
    frozen_policy(session, project_id)  # choosing needs frozen rules: refuse now, not later
    backup_before(session, project_id=project_id, act="session")
    witness_on_commit(session, project_id=project_id, act="session-open")
    # Lock the draw's row: a retraction racing from another workstation either went
    # first (the draw no longer counts) or waits and then finds this session.
    locked = lock_counting_draw(session, project_id)
    if locked is None or locked[1].seq != draw.seq:
        raise NotFoundError("draw_not_found", project=project_id)
    draw_id, draw = locked
    at = now(session)  # the session's opening time is its event's
    try:
        session.execute(insert(SESSIONS).values(
            project_id=project_id, draw_id=draw_id, draw_sha256=draw.record_sha256 or "",
            held_on=held_on or date.today(),
            seconds_per_household=settings.seconds_per_household,
            calls_before_move=settings.calls_before_move, final_call=settings.final_call,
            final_call_held=False, status=OPEN, opened_by=operator, opened_at=at,
            change_seq=1))
    except IntegrityError as error:  # another workstation opened it a moment ago
        raise ConflictError("session_exists", project=project_id) from error
    row = read_session(session, project_id)
    assert row is not None
    _add_turns(session, row, draw.final_order, {e.code: e for e in pool.entries}, operator,
               _batches(session, project_id), at)
    return session_info(row)


def _batches(session: Session, project_id: ProjectId) -> dict[str, int]:
    """Each household's batch in the stored plan (none without one: all are batch 1).

    Raises ConflictError ``session_plan_draw_changed`` when the plan was cut from
    another draw: the appointments sent out no longer match the order.
    """
    found = stored_session_plan(session, project_id)
    return {} if found is None else {slot.code: slot.batch for slot in found[1].slots}


def _add_turns(session: Session, row: Row, order: list[str], entries: dict[str, PoolEntry],
               operator: str, batches: dict[str, int], at: datetime) -> None:
    ids = dict(session.execute(select(HouseholdRecord.code, HouseholdRecord.id)
                               .where(HouseholdRecord.project_id == row["project_id"])).all())
    turns = []
    for place, code in enumerate(order, start=1):
        if code not in ids:  # deleted after the pool was published
            raise ValidationError("order_unknown_household", code=code, place=place)
        published = entries[code]
        turns.append({"session_id": row["id"], "household_id": ids[code], "code": code,
                      "order_no": place, "place": place, "group_rank": published.group_rank,
                      "group_name": published.group or "", "state": WAITING, "calls": 0,
                      "call_round": 1, "proxy_name": None, "proxy_id": None, "reason": "",
                      "called_at": None, "finished_at": None, "operator": operator,
                      "batch": batches.get(code, 1)})
    if turns:
        session.execute(insert(TURNS), turns)
    events = [entry(row["project_id"], operator, "open", ENTITY_SESSION, None,
                    session_snapshot(row), at=at)]
    events += [entry(row["project_id"], operator, "create", ENTITY_TURN, None,
                     turn_snapshot(turn), at=at) for turn in turns]
    append(session, events)


def find_session(session: Session, project_id: ProjectId) -> SessionInfo | None:
    """The project's session, in whatever status, or None."""
    found = read_session(session, project_id)
    return None if found is None else session_info(found)


def current_turn(session: Session, project_id: ProjectId) -> Turn | None:
    """The household at the desk (called), or None: what a restarted desk resumes with."""
    found = read_session(session, project_id)
    turn = None if found is None else called_turn(session, found["id"])
    return None if turn is None else turn_of(turn)


# --- pause, heartbeat, final call, close ----------------------------------------------------


def pause(session: Session, *, project_id: ProjectId, operator: str) -> SessionInfo:
    """Pause (a break): the display shows 暂停 and nobody is called until resumed."""
    require_role(session, operator, OPERATOR)
    return _set_status(session, project_id, operator, PAUSED)


def resume(session: Session, *, project_id: ProjectId, operator: str) -> SessionInfo:
    require_role(session, operator, OPERATOR)
    return _set_status(session, project_id, operator, OPEN)


def _set_status(session: Session, project_id: ProjectId, operator: str,
                status: str) -> SessionInfo:
    row = lock_session(session, project_id)
    require_not_closed(row)
    if row["status"] != status:
        action = "pause" if status == PAUSED else "resume"
        row, event = change_session(session, row, operator, action, status=status)
        append(session, [event])
    return session_info(row)


def heartbeat(session: Session, *, project_id: ProjectId) -> None:
    """The desk is alive. Not audited and not a change: call it every few seconds.

    It takes no session lock, so it never waits behind an operation.
    """
    session.execute(update(SESSIONS).where(SESSIONS.c.project_id == project_id, LIVE)
                    .values(heartbeat_at=now(session)))


def start_final_call(session: Session, *, project_id: ProjectId, operator: str) -> int:
    """Before the close: every skipped household is called once more (末轮补叫).

    They go to the end of the queue, in their order; returns how many.

    Raises:
        ConflictError: ``final_call_not_due`` (the session has no final call,
            it was held, or households still wait), ``session_paused``,
            ``session_closed``.
    """
    require_role(session, operator, OPERATOR)
    row = lock_session(session, project_id)
    require_running(row)
    waiting = called_turn(session, row["id"]) is not None or queue_head(session, row["id"])
    if not row["final_call"] or row["final_call_held"] or waiting:
        raise ConflictError("final_call_not_due")
    skipped = _turns_in(session, row["id"], SKIPPED)
    place, batch = end_place(session, row["id"]), last_batch(session, row["id"])
    events = [turn_change(session, project_id, turn, operator, "final_call",
                          state=MOVED_TO_END, calls=0, call_round=FINAL_ROUND,
                          place=place + offset, batch=batch)[1]
              for offset, turn in enumerate(skipped)]
    events.append(change_session(session, row, operator, "final_call",
                                 final_call_held=True)[1])
    append(session, events)
    return len(skipped)


def close_session(session: Session, *, project_id: ProjectId, operator: str) -> SessionInfo:
    """Close the session: households still skipped are recorded absent (未到场).

    Raises:
        ConflictError: ``household_already_called`` (finish it first),
            ``households_still_waiting``, ``final_call_pending`` (the
            settings ask for a final call: :func:`start_final_call`),
            ``session_closed``.
    """
    require_role(session, operator, SUPERVISOR)
    row = lock_session(session, project_id)
    require_not_closed(row)
    refuse_if_called(session, row["id"])
    waiting = session.execute(select(func.count()).where(
        TURNS.c.session_id == row["id"], TURNS.c.state.in_(QUEUED))).scalar_one()
    if waiting:
        raise ConflictError("households_still_waiting", count=waiting)
    skipped = _turns_in(session, row["id"], SKIPPED)
    if skipped and row["final_call"] and not row["final_call_held"]:
        raise ConflictError("final_call_pending", count=len(skipped))
    closed_at = now(session)
    witness_on_commit(session, project_id=project_id, act="session-close")
    events = [turn_change(session, project_id, turn, operator, "absent", state=ABSENT,
                          finished_at=closed_at)[1] for turn in skipped]
    row, event = change_session(session, row, operator, "close", status=CLOSED,
                                closed_at=closed_at)
    append(session, [*events, event])
    return session_info(row)


def _turns_in(session: Session, session_id: int, state: str) -> list[Row]:
    return list(session.execute(select(TURNS).where(
        TURNS.c.session_id == session_id, TURNS.c.state == state)
        .order_by(TURNS.c.place)).mappings())
