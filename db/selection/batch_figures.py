"""The figures of each batch of a session as it was played (分批选房情况): selected, absent,
remaining at each batch's end, and at the final call's.

Why by batch and from the turns' log, not by day: the desk's acts are dated by
the clock (:func:`db.selection.rows.now`), so a rehearsal played in minutes
puts every batch on today, and the per-day figures (db.selection.days) see one
day. The batch a household was called in is in every logged snapshot of its
turn, so the log says, whatever the clock, in which batch a household chose,
took nothing, or missed its call; the plan gives each batch its date.

A household's act falls in the batch of its turn at that moment: a miss (过号
or skip) in the batch it was called in (the snapshot before the move), a
choice or a refusal in the batch it came in; the final call (末轮补叫) is a row
of its own, after the batches.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from allocation.errors import ConflictError, NotFoundError
from allocation.registry import ProjectId
from db.records import FINAL_ROUND, AuditEventRecord
from db.selection.base import ABSENT, ENTITY_TURN
from db.selection.rows import TURNS, read_session
from db.selection.session_plan import stored_session_plan

#: The row of the final call at the close, after the batches.
FINAL_CALL: Final = 0
#: The turn actions that count in a batch: served (选定, 放弃) or missed (过号, skipped).
_SERVED: Final = ("select", "decline")
_MISSED: Final = ("move_to_end", "skip")


@dataclass(frozen=True, slots=True)
class BatchFigures:
    """One batch at its end (``batch`` 0: the final call). ``households`` are those the
    plan put in it (for the final call: those called in it); ``absent`` those called in
    it who missed and were not served in it; ``remaining`` those still to serve after it
    (neither chosen nor declined, nor, after the final call, absent for good)."""

    batch: int
    on: date | None
    households: int
    selected: int
    declined: int
    absent: int
    remaining: int


def batch_figures(session: Session, project_id: ProjectId) -> tuple[BatchFigures, ...]:
    """Each batch of the live session as played so far, in order, then the final call if
    it was held; empty without a session. Without a stored plan: one batch of all."""
    row = read_session(session, project_id)
    if row is None:
        return ()
    planned, dates = _planned(session, project_id, row)
    served: dict[int, dict[str, str]] = {}  # bucket -> code -> "select"/"decline"
    missed: dict[int, set[str]] = {}
    final_called: set[str] = set()
    a = AuditEventRecord.__table__.c
    prefix = f"turn-{row['id']}-"  # db.selection.base.snapshot_key of a turn
    for action, before, after in session.execute(
            select(a.action, a.before, a.after).where(
                a.project_id == project_id, a.entity == ENTITY_TURN,
                a.action.in_((*_SERVED, *_MISSED, "final_call")),
                a.entity_key.startswith(prefix, autoescape=True)).order_by(a.seq)):
        snapshot = _json(before if action in _MISSED else after)
        code, bucket = snapshot["code"], _bucket(snapshot)
        if action == "final_call":
            final_called.add(code)
        elif action in _SERVED:
            served.setdefault(bucket, {})[code] = action
        else:
            missed.setdefault(bucket, set()).add(code)
    absent_for_good = session.execute(select(TURNS.c.code).where(
        TURNS.c.session_id == row["id"], TURNS.c.state == ABSENT)).scalars().all()
    buckets = sorted((set(planned) | set(served) | set(missed)) - {FINAL_CALL})
    if final_called or FINAL_CALL in served or FINAL_CALL in missed:
        buckets.append(FINAL_CALL)
    total = sum(planned.values())
    done = 0
    figures = []
    for bucket in buckets:
        acts = served.get(bucket, {})
        done += len(acts)
        left = total - done - (len(absent_for_good) if bucket == FINAL_CALL else 0)
        figures.append(BatchFigures(
            bucket, dates.get(bucket, dates.get(max(dates, default=1))),
            len(final_called) if bucket == FINAL_CALL else planned.get(bucket, 0),
            sum(1 for act in acts.values() if act == "select"),
            sum(1 for act in acts.values() if act == "decline"),
            len(missed.get(bucket, set()) - set(acts)), left))
    return tuple(figures)


def _planned(session: Session, project_id: ProjectId, row: Mapping[str, Any]
             ) -> tuple[dict[int, int], dict[int, date]]:
    """Households per planned batch and each batch's date (one batch on the session's
    day without a usable plan)."""
    try:
        found = stored_session_plan(session, project_id)
    except (ConflictError, NotFoundError):
        found = None
    if found is None:
        count = session.execute(select(func.count()).where(
            TURNS.c.session_id == row["id"])).scalar_one()
        return {1: count}, ({1: row["held_on"]} if row.get("held_on") else {})
    batches = found[1].batches
    return ({b.number: len(b.slots) for b in batches}, {b.number: b.on for b in batches})


def _bucket(snapshot: Mapping[str, Any]) -> int:
    # Snapshots of batch 1 leave the batch out (db.selection.base.turn_snapshot).
    if snapshot.get("call_round") == FINAL_ROUND:
        return FINAL_CALL
    return int(snapshot.get("batch", 1))


def _json(text: str | None) -> dict[str, Any]:
    found = json.loads(text or "{}")
    return found if isinstance(found, dict) else {}
