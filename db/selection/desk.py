"""The on-site selection session (现场选房): the desk's operations, in one module to import.

A session follows the final order of the project's active draw. Each
household has a turn: it waits, is called (up to ``calls_before_move`` times
at its place), then chooses a flat, declines, or is passed over (过号: moved
to the end of the order once, then skipped until the final call at the
close). This module holds the calling and the proxies and re-exports the
rest: opening, pausing and closing (:mod:`db.selection.lifecycle`), what a
household may take (:mod:`db.selection.offers`), confirming and revoking
(:mod:`db.selection.choice`), and the read model for the desk and the hall's
display (:mod:`db.selection.state`).

Every operation takes the session first and never commits; it locks the
session row (:func:`db.selection.rows.lock_session`), changes rows and
writes their audit events in the caller's one transaction. All state is in
the database: after a crash, reopening finds the session, the household at
the desk and every confirmed selection.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from allocation.errors import ConflictError, ValidationError
from allocation.registry import ProjectId, validate_id
from allocation.rules import TO_FINAL_ROUND, TO_NEXT_BATCH, absent_rule
from db.admin import OPERATOR, require_role
from db.rules import frozen_policy
from db.selection.base import (
    CALLED,
    END_ROUND,
    FINISHED,
    MOVED_TO_END,
    SKIPPED,
    Row,
    Selection,
    SessionInfo,
    SessionSettings,
    Turn,
    turn_of,
)
from db.selection.choice import decline, revoke, select_flat, select_flats
from db.selection.lifecycle import (
    close_session,
    current_turn,
    find_session,
    heartbeat,
    open_session,
    pause,
    resume,
    start_final_call,
)
from db.selection.offers import Chooser, FlatOffer, offers, turn_eligibility
from db.selection.rows import (
    called_turn,
    change_turn,
    end_place,
    find_turn,
    front,
    last_batch,
    lock_session,
    now,
    require_not_closed,
    require_running,
)
from db.selection.state import (
    AtDesk,
    Pulse,
    QueueEntry,
    SessionState,
    flat_grid,
    selection_results,
    session_pulse,
    session_state,
    session_turns,
)

__all__ = [
    "AtDesk", "Chooser", "FlatOffer", "Pulse", "QueueEntry", "Selection", "SessionInfo",
    "SessionSettings", "SessionState", "Turn", "call", "call_next", "clear_proxy",
    "close_session", "current_turn", "decline", "find_session", "flat_grid", "heartbeat",
    "offers", "open_session", "pause", "requeue", "resume", "revoke", "select_flat",
    "select_flats",
    "selection_results", "session_pulse", "session_state", "session_turns", "set_proxy",
    "skip", "start_final_call", "turn_eligibility",
]


# --- calling -------------------------------------------------------------------------


def call_next(session: Session, *, project_id: ProjectId, operator: str) -> Turn | None:
    """Call the first household of the queue; None when the queue is empty.

    Raises:
        ConflictError: ``household_already_called`` (finish that one first),
            ``session_paused``, ``session_closed``.
    """
    require_role(session, operator, OPERATOR)
    row = lock_session(session, project_id)
    require_running(row)
    current, head = front(session, row["id"])
    if current is not None:
        raise ConflictError("household_already_called", household=current["code"])
    if not head:
        return None
    return turn_of(_call(session, row, head[0], operator))


def call(session: Session, *, project_id: ProjectId, code: str, operator: str) -> Turn:
    """Call household ``code``: again if it is at the desk, else if it is next in the queue.

    Each call counts; after ``calls_before_move`` calls without an answer,
    :func:`skip` moves the household on.

    Raises:
        ConflictError: ``not_households_turn`` (another household is at the
            desk or comes first), ``session_paused``, ``session_closed``.
        NotFoundError: ``household_not_in_session``.
    """
    require_role(session, operator, OPERATOR)
    row = lock_session(session, project_id)
    require_running(row)
    turn = find_turn(session, row["id"], code)
    if turn["state"] == CALLED:
        return turn_of(change_turn(session, project_id, turn, operator, "call",
                                   calls=turn["calls"] + 1))
    current, head = front(session, row["id"])
    if current is not None or not head or head[0]["id"] != turn["id"]:
        first = current or (head[0] if head else None)
        raise ConflictError("not_households_turn", household=code,
                            current=first["code"] if first else "")
    return turn_of(_call(session, row, turn, operator))


def _call(session: Session, row: Row, turn: Row, operator: str) -> Row:
    return change_turn(session, row["project_id"], turn, operator, "call", state=CALLED,
                       calls=1, called_at=now(session))


def skip(session: Session, *, project_id: ProjectId, code: str, operator: str) -> Turn:
    """The household at the desk did not answer this call (不在场).

    Steps:
        1. fewer than ``calls_before_move`` calls so far: call it again;
        2. else, at its first place: 过号, where the rules say
           (allocation.rules.absence): moved to the end of its batch (the
           whole order without a plan) or of the next batch, to be called
           afresh when its new place comes; or, by the rule ``final_round``,
           as in 3;
        3. else (already moved once, or in the final call): skipped, out of
           the queue until the final call at the close.

    Raises:
        ConflictError: ``not_households_turn``, ``session_paused``, ``session_closed``.
        NotFoundError: ``household_not_in_session``.
    """
    require_role(session, operator, OPERATOR)
    row = lock_session(session, project_id)
    require_running(row)
    turn = _require_called(session, row["id"], code)
    if turn["calls"] < row["calls_before_move"]:
        changed = change_turn(session, project_id, turn, operator, "call",
                              calls=turn["calls"] + 1)
    elif turn["call_round"] == 1 and (batch := _batch_after_calls(session, row, turn)):
        changed = change_turn(session, project_id, turn, operator, "move_to_end",
                              state=MOVED_TO_END, calls=0, call_round=END_ROUND,
                              place=end_place(session, row["id"]), batch=batch)
    else:
        changed = change_turn(session, project_id, turn, operator, "skip", state=SKIPPED)
    return turn_of(changed)


def _batch_after_calls(session: Session, row: Row, turn: Row) -> int | None:
    """The batch at whose end a household absent at its first place is called again, by
    the rules (allocation.rules.absence); None: not in the batches, in the final call."""
    rule = absent_rule(frozen_policy(session, row["project_id"]).policy.session)
    if rule == TO_FINAL_ROUND:
        return None
    if rule == TO_NEXT_BATCH:
        return min(turn["batch"] + 1, last_batch(session, row["id"]))
    return int(turn["batch"])


def _require_called(session: Session, session_id: int, code: str) -> Row:
    turn = find_turn(session, session_id, code)
    if turn["state"] != CALLED:
        current = called_turn(session, session_id)
        raise ConflictError("not_households_turn", household=code,
                            current=current["code"] if current else "")
    return turn


def requeue(session: Session, *, project_id: ProjectId, code: str, operator: str) -> Turn:
    """A skipped household arrived late: it goes to the end of the queue.

    Raises:
        ConflictError: ``turn_not_skipped``, ``session_closed``.
    """
    require_role(session, operator, OPERATOR)
    row = lock_session(session, project_id)
    require_not_closed(row)
    turn = find_turn(session, row["id"], code)
    if turn["state"] != SKIPPED:
        raise ConflictError("turn_not_skipped", household=code, state=turn["state"])
    # At the end of the batch being called now: late, it waits for that batch's last.
    current, head = front(session, row["id"])
    now_calling = current or (head[0] if head else None)
    batch = now_calling["batch"] if now_calling else last_batch(session, row["id"])
    return turn_of(change_turn(session, project_id, turn, operator, "requeue",
                               state=MOVED_TO_END, calls=0,
                               place=end_place(session, row["id"]), batch=batch))


# --- proxies ---------------------------------------------------------------------------


def set_proxy(session: Session, *, project_id: ProjectId, code: str, name: str,
              id_number: str, operator: str) -> Turn:
    """Record who chooses for the household (委托人: name and resident ID number).

    Raises:
        ValidationError: ``required_value_missing`` / ``too_long`` (``proxy_name``),
            ``invalid_id_number`` (``proxy_id``).
        ConflictError: ``turn_finished``, ``session_closed``.
    """
    require_role(session, operator, OPERATOR)
    name = name.strip()
    if not name:
        raise ValidationError("required_value_missing", field="proxy_name")
    if len(name) > 64:
        raise ValidationError("too_long", field="proxy_name", max=64)
    try:
        number = validate_id(id_number)
    except ValidationError as error:
        raise ValidationError("invalid_id_number", field="proxy_id", value=id_number,
                              reason=error.params.get("reason", "")) from None
    return _change_proxy(session, project_id, code, operator, name, number)


def clear_proxy(session: Session, *, project_id: ProjectId, code: str, operator: str) -> Turn:
    """The household chooses in person after all."""
    require_role(session, operator, OPERATOR)
    return _change_proxy(session, project_id, code, operator, None, None)


def _change_proxy(session: Session, project_id: ProjectId, code: str, operator: str,
                  name: str | None, number: str | None) -> Turn:
    row = lock_session(session, project_id)
    require_not_closed(row)
    turn = find_turn(session, row["id"], code)
    if turn["state"] in FINISHED:
        raise ConflictError("turn_finished", household=code, state=turn["state"])
    return turn_of(change_turn(session, project_id, turn, operator, "proxy",
                               proxy_name=name, proxy_id=number))
