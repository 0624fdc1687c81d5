"""Household progress: registered, verified, signed, moved out, flat chosen, keys handed over.

One fact, one place: signing is the household's own ``signed_on`` and
``signing_seq`` (the policy may order households by them), recorded here
through the registry's audited update; a chosen flat is the household's
active selection at the session; the other steps are rows of
``progress_step``. The household's ``status`` follows the furthest step
reached, so the Households page and the statistics agree with the progress.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from allocation.casework import STEP_ORDER, check_step, check_text, furthest
from allocation.errors import ConflictError
from allocation.registry import HouseholdId, HouseholdStatus, ProjectId
from db import registry
from db.admin import OPERATOR, require_role
from db.casework.base import changed, created, removed, require_household
from db.casework.snapshots import row_snapshot
from db.records import HouseholdRecord, ProgressStepRecord, SelectionRecord, local_date


def reached_steps(session: Session, household_id: int) -> dict[HouseholdStatus, date]:
    """Every step a household has reached, with its date (registration may have none)."""
    household = require_household(session, household_id)
    reached = {HouseholdStatus(r.step): r.done_on for r in session.scalars(
        select(ProgressStepRecord).where(ProgressStepRecord.household_id == household_id))}
    if household.signed_on is not None:
        reached[HouseholdStatus.SIGNED] = household.signed_on
    chosen = session.scalar(select(SelectionRecord.selected_at).where(
        SelectionRecord.household_id == household_id, SelectionRecord.revoked_at.is_(None)))
    if chosen is not None:
        reached[HouseholdStatus.FLAT_CHOSEN] = local_date(chosen)
    return reached


def record_step(session: Session, *, household_id: int, step: HouseholdStatus, done_on: date,
                actor: str, note: str = "") -> None:
    """Record (or re-date) a step of a household's progress.

    Steps:
        1. check the step against the steps reached: moving out needs a
           signed agreement, handing over keys a chosen flat, neither dated
           before what it needs;
        2. store the step, or correct its date and note;
        3. move the household's status forward to the furthest step.

    Raises:
        ValidationError: ``step_not_recorded``, ``step_needs``, ``step_before``.
    """
    require_role(session, actor, OPERATOR)
    household = require_household(session, household_id)
    step = HouseholdStatus(step)
    check_step(step, done_on, reached_steps(session, household_id))
    note = check_text("note", note, required=False)
    record = session.scalar(select(ProgressStepRecord).where(
        ProgressStepRecord.household_id == household_id, ProgressStepRecord.step == step.value))
    if record is None:
        created(session, ProgressStepRecord(project_id=household.project_id,
                                            household_id=household_id, step=step.value,
                                            done_on=done_on, note=note), actor)
    else:
        before = row_snapshot(record)
        record.done_on, record.note = done_on, note
        changed(session, record, before, actor)
    sync_status(session, household_id, actor, backwards=False)


def remove_step(session: Session, *, household_id: int, step: HouseholdStatus,
                actor: str) -> None:
    """Take back a step recorded by mistake; the status falls back to what was reached."""
    require_role(session, actor, OPERATOR)
    record = session.scalar(select(ProgressStepRecord).where(
        ProgressStepRecord.household_id == household_id,
        ProgressStepRecord.step == HouseholdStatus(step).value))
    if record is None:
        return
    removed(session, record, actor)
    sync_status(session, household_id, actor, backwards=True)


def record_signing(session: Session, *, household_id: int, signed_on: date, actor: str,
                   signing_seq: int | None = None) -> int:
    """Record that a household signed its agreement; returns its signing order (签约顺序号).

    The order is the next free number unless given. The household itself is
    changed (signed_on, signing_seq, status) through the registry, so the
    audit log shows it as an update of the household.

    Raises:
        ConflictError: ``already_signed``, ``signing_seq_taken``.
    """
    require_role(session, actor, OPERATOR)
    stored = registry.get_household(session, HouseholdId(household_id))
    household = stored.household
    if household.signed_on is not None:
        raise ConflictError("already_signed", code=household.code,
                            signed_on=household.signed_on.isoformat())
    project_id = require_household(session, household_id).project_id
    seq = signing_seq if signing_seq is not None else _next_seq(session, project_id)
    holder = session.scalar(select(HouseholdRecord.code).where(
        HouseholdRecord.project_id == project_id, HouseholdRecord.signing_seq == seq))
    if holder is not None:
        raise ConflictError("signing_seq_taken", seq=seq, code=holder)
    status = household.status
    if STEP_ORDER[status] < STEP_ORDER[HouseholdStatus.SIGNED]:
        status = HouseholdStatus.SIGNED
    registry.update_household(session, household_id=stored.id, actor=actor, household=replace(
        household, signed_on=signed_on, signing_seq=seq, status=status))
    return seq


def _next_seq(session: Session, project_id: int) -> int:
    highest = session.scalar(select(func.max(HouseholdRecord.signing_seq)).where(
        HouseholdRecord.project_id == project_id))
    return (highest or 0) + 1


def sync_status(session: Session, household_id: int, actor: str, *, backwards: bool) -> None:
    """Set the household's status to the furthest step reached (only forward unless asked)."""
    stored = registry.get_household(session, HouseholdId(household_id))
    target = furthest(reached_steps(session, household_id))
    current = stored.household.status
    if target == current or (not backwards and STEP_ORDER[target] < STEP_ORDER[current]):
        return
    registry.update_household(session, household_id=stored.id, actor=actor,
                              household=replace(stored.household, status=target))


def project_steps(session: Session, project_id: ProjectId,
                  ) -> dict[int, dict[HouseholdStatus, date]]:
    """household id -> {recorded step: date} for a whole project (one query)."""
    found: dict[int, dict[HouseholdStatus, date]] = {}
    query = select(ProgressStepRecord.household_id, ProgressStepRecord.step,
                   ProgressStepRecord.done_on).where(ProgressStepRecord.project_id == project_id)
    for household_id, step, done_on in session.execute(query):
        found.setdefault(household_id, {})[HouseholdStatus(step)] = done_on
    return found


def chosen_flats(session: Session, project_id: ProjectId) -> dict[int, tuple[str, date]]:
    """household id -> (flat key, local date) of every active selection of a project."""
    query = select(SelectionRecord.household_id, SelectionRecord.flat_key,
                   SelectionRecord.selected_at).where(
        SelectionRecord.project_id == project_id, SelectionRecord.revoked_at.is_(None))
    return {hid: (key, local_date(at)) for hid, key, at in session.execute(query)}
