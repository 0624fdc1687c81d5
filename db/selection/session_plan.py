"""The stored session plan (选房安排): saved by an audited act, read back, fixed once a session
opens on it.

The plan is what the appointment notices (选房通知书) tell each household: its
batch, date and window. Households plan their day by it, so it is a published
fact, not something printed differently each time: it is stored, versioned,
and printed from the store.

Why saving again adds a version rather than editing: the notices of an earlier
version may have gone out; its row and event stay, and the highest version is
the plan. Why no version can be added once a session is open (the error
``session_plan_fixed``) rather than recording one: the desk has already cut its
queue into that plan's batches and households were called by its windows; a
changed plan would contradict both. A voided session is history: a plan may
change before the next one opens.

The batches are kept as the plan file's JSON, every batch spelled out
(:func:`allocation.schedule.plan_data`), so the file a clerk wrote and the
stored plan read the same, and the cut is checked against the draw's final
order when saved and again when read (``session_plan_draw_changed`` when the
counting draw is no longer the one it was cut from).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from allocation.errors import ConflictError, NotFoundError, ValidationError
from allocation.registry import ProjectId
from allocation.schedule import BatchSpec, SessionPlan, make_plan, plan_data, read_plan
from db import audit
from db.admin import SUPERVISOR, require_role
from db.audit import canonical_json
from db.lottery import counting_draw
from db.records import SessionPlanRecord
from db.registry import require_project
from db.selection.base import ENTITY_PLAN, QUEUED, as_utc, plan_key, plan_snapshot
from db.selection.rows import PLANS, TURNS, front, now, read_session

MAX_VENUE: Final = 200


@dataclass(frozen=True, slots=True)
class StoredPlan:
    """A version of the plan as stored: its batch specs, venue and the draw it cuts."""

    version: int
    specs: tuple[BatchSpec, ...]
    venue: str
    draw_sha256: str
    saved_by: str
    saved_at: datetime


def set_plan(session: Session, *, project_id: ProjectId, plan: object, venue: str,
             operator: str) -> StoredPlan:
    """Store a new version of the project's plan from a parsed plan file (``plan``).

    Steps:
        1. a supervisor's act; refused while a session is open on the plan;
        2. the file is read (:func:`allocation.schedule.read_plan`) and cut
           along the counting draw's final order (:func:`make_plan`), so a
           plan that leaves households over or starves a batch is refused
           with the key path of the batch;
        3. the next version is inserted with its audit event.

    Raises:
        ConflictError: ``session_plan_fixed``.
        NotFoundError: ``draw_not_found``.
        ValidationError: ``required_value_missing`` / ``too_long`` (venue), and those of
            :func:`allocation.schedule.read_plan` and :func:`make_plan` (with ``path``).
    """
    require_role(session, operator, SUPERVISOR)
    require_project(session, project_id)
    venue = venue.strip()
    if not venue:
        raise ValidationError("required_value_missing", field="venue")
    if len(venue) > MAX_VENUE:
        raise ValidationError("too_long", field="venue", max=MAX_VENUE)
    live = read_session(session, project_id)
    if live is not None:
        raise ConflictError("session_plan_fixed", project=project_id, status=live["status"])
    specs = read_plan(plan)
    sha, order, groups = _drawn(session, project_id)
    make_plan(order, specs, groups)
    version = (session.execute(select(func.max(PLANS.c.version))
                               .where(PLANS.c.project_id == project_id)).scalar() or 0) + 1
    values = {"project_id": project_id, "version": version, "draw_sha256": sha,
              "batches": canonical_json(plan_data(specs)), "venue": venue,
              "saved_by": operator, "saved_at": now(session)}
    session.execute(insert(SessionPlanRecord).values(**values))
    audit.record(session, audit.AuditEntry(project_id, operator, "set", ENTITY_PLAN,
                                           plan_key(values), before=None,
                                           after=plan_snapshot(values)))
    return _stored(values)


def stored_plan(session: Session, project_id: ProjectId) -> StoredPlan | None:
    """The project's plan (its highest version), or None when none was stored."""
    row = session.execute(select(PLANS).where(PLANS.c.project_id == project_id)
                          .order_by(PLANS.c.version.desc()).limit(1)).mappings().first()
    return None if row is None else _stored(row)


def stored_session_plan(session: Session, project_id: ProjectId
                        ) -> tuple[StoredPlan, SessionPlan, dict[str, str | None]] | None:
    """The stored plan cut along the counting draw's final order, with each household's
    group; None when no plan is stored.

    Raises:
        ConflictError: ``session_plan_draw_changed`` (the draw it was cut from no
            longer counts: store the plan again).
        NotFoundError: ``draw_not_found``.
    """
    stored = stored_plan(session, project_id)
    if stored is None:
        return None
    sha, order, groups = _drawn(session, project_id)
    if sha != stored.draw_sha256:
        raise ConflictError("session_plan_draw_changed", version=stored.version)
    return stored, make_plan(order, list(stored.specs), groups), groups


def _drawn(session: Session, project_id: ProjectId
           ) -> tuple[str, list[str], dict[str, str | None]]:
    """The counting draw's record SHA-256, final order and each household's published group."""
    draw = counting_draw(session, project_id)
    if draw is None or draw.record is None:
        raise NotFoundError("draw_not_found", project=project_id)
    groups = {e["code"]: e["group"] for e in draw.record["pool"]}
    return draw.record_sha256 or "", list(draw.final_order), groups


def _stored(row: Mapping[Any, Any]) -> StoredPlan:
    specs = tuple(read_plan(json.loads(row["batches"])))
    return StoredPlan(row["version"], specs, row["venue"], row["draw_sha256"], row["saved_by"],
                      as_utc(row["saved_at"]) or row["saved_at"])


@dataclass(frozen=True, slots=True)
class CurrentBatch:
    """The batch the desk is calling (or calls next): its number of ``count``, date and
    window as planned, its households and how many of them still wait."""

    number: int
    count: int
    on: date
    start: datetime
    end: datetime
    households: int
    waiting: int


def current_batch(session: Session, project_id: ProjectId) -> CurrentBatch | None:
    """The batch of the household at the desk, else of the next in the queue (the first
    batch before the session opens); None without a stored plan, or when the queue is
    empty (every batch called: what is left is the final call and the close)."""
    try:
        found = stored_session_plan(session, project_id)
    except (ConflictError, NotFoundError):
        return None  # a plan of another draw: the desk works without batches, as before
    if found is None:
        return None
    plan = found[1]
    row = read_session(session, project_id)
    if row is None:
        number = 1
        waiting = len(plan.batches[0].slots)
    else:
        called, head = front(session, row["id"])
        now_calling = called or (head[0] if head else None)
        if now_calling is None:
            return None
        number = int(now_calling["batch"])
        waiting = session.execute(select(func.count()).where(
            TURNS.c.session_id == row["id"], TURNS.c.batch == number,
            TURNS.c.state.in_(QUEUED))).scalar_one()
    batch = plan.batches[min(number, len(plan.batches)) - 1]
    return CurrentBatch(number, len(plan.batches), batch.on, batch.start, batch.end,
                        len(batch.slots), waiting)
