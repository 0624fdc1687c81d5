"""Which of the desk's acts the session allows now, read from a :class:`SessionState`.

This is the session's rule seen from the desk: the operations (call, skip,
close...) refuse what does not fit the session anyway, so a desk that asks
:func:`allowed_acts` first offers only what would succeed. It is pure: no
database access, only the state already read.
"""

from __future__ import annotations

import enum

from db.selection.base import CLOSED, PAUSED, SKIPPED, Turn
from db.selection.state import SessionState


class Act(enum.StrEnum):
    """An act of the desk on the session, named as the desk's keys name it."""

    OPEN = "open"
    CALL = "call"
    SKIP = "skip"
    PROXY = "proxy"
    CONFIRM = "confirm"
    DECLINE = "decline"
    PAUSE = "pause"  # and resume: one key, the session's status says which
    REQUEUE = "requeue"
    REVOKE = "revoke"
    REPRINT = "reprint"
    FINAL_CALL = "final_call"
    CLOSE = "close"


def allowed_acts(state: SessionState | None, *, idle: bool, picked: Turn | None,
                 revocable: bool) -> frozenset[Act]:
    """The acts that make sense now; the database refuses the others.

    Steps:
        1. nothing is allowed while an act is under way (``idle`` false);
        2. without a session, only opening one;
        3. a closed session allows only printing a slip again;
        4. a paused one allows what neither calls nor chooses: resume, a
           proxy, requeue, revoke, reprint, and the close once nobody is at
           the desk or waiting and no final call is due;
        5. an open one also allows calling while someone is at the desk or
           waiting, serving the household at the desk, and, once nobody is
           at the desk or waiting, the final call if it is due (the session
           asks for one, it was not held, someone was skipped), else the close.

    Args:
        state: the session as last read, None if the project has none.
        idle: no act is under way and a project is chosen.
        picked: the turn chosen in the desk's list of turns, if any.
        revocable: there is a selection the revoke and reprint acts would take.
    """
    live = idle and state is not None and state.info.status != CLOSED
    running = live and state is not None and state.info.status != PAUSED
    at_desk = state is not None and state.at_desk is not None
    waiting = state is not None and bool(state.upcoming)
    skipped = state is not None and state.turns_by_state.get(SKIPPED, 0) > 0
    final_due = bool(state is not None and state.info.settings.final_call
                     and not state.info.final_call_held and skipped)
    allowed = {
        Act.OPEN: idle and state is None,
        Act.CALL: running and (at_desk or waiting),
        Act.SKIP: running and at_desk,
        Act.PROXY: live and at_desk,
        # Enter without a flat chosen says what to do rather than nothing at all.
        Act.CONFIRM: running and at_desk,
        Act.DECLINE: running and at_desk,
        Act.PAUSE: live,
        Act.REQUEUE: live and picked is not None and picked.state == SKIPPED,
        Act.REVOKE: live and revocable,
        Act.REPRINT: idle and revocable,
        Act.FINAL_CALL: running and not at_desk and not waiting and final_due,
        Act.CLOSE: live and not at_desk and not waiting and not final_due,
    }
    return frozenset(act for act, ok in allowed.items() if ok)
