"""The session plan's printouts from the project's stored draw: 选房时间安排表 and 选房通知书.

The plan is built here, each time it is printed, from the counting draw's
final order (:func:`db.papers.drawn_turns`) and the batches asked for:
either a plan file's batches or a batch size (or one batch per priority
group) from a first day and time. It is not stored: the same draw and the
same request print the same plan (:func:`allocation.schedule.make_plan` is
deterministic), so the schedule and the notices always agree when printed
with the same options.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from sqlalchemy.orm import Session

from allocation.chances import Chances
from allocation.errors import NotFoundError, ValidationError
from allocation.schedule import (
    BatchSpec,
    Pause,
    SessionPlan,
    make_plan,
    specs_by_count,
    specs_by_group,
)
from db import papers, registry, selection
from desktop.printing import data
from desktop.printing.progress import reporting
from printouts import Appointment, AppointmentData, BaseDocument, ScheduleNotice

DEFAULT_VENUE: Final = "选房现场（具体地点另行通知）"
DEFAULT_MINUTES: Final = 3
PLAN_KINDS: Final = (ScheduleNotice.kind, Appointment.kind)


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanRequest:
    """How to cut the order: a plan file's ``batches``, else ``batch_size`` households a batch
    (or, with ``by_group``, one batch per priority group) from ``first``, ``per_day`` a day."""

    first: datetime | None = None
    minutes: int = DEFAULT_MINUTES
    batch_size: int | None = None
    by_group: bool = False
    per_day: int = 1
    pause: Pause | None = None
    batches: tuple[BatchSpec, ...] = ()
    venue: str = DEFAULT_VENUE


def session_plan(session: Session, facts: data.ProjectFacts,
                 request: PlanRequest) -> tuple[SessionPlan, dict[str, str | None]]:
    """The plan over the counting draw's final order, and each household's group.

    Raises:
        NotFoundError: ``draw_not_found``.
        ValidationError: ``plan_needs_batches`` and those of
            :func:`allocation.schedule.make_plan`.
    """
    turns = papers.drawn_turns(session, facts.id)
    if not turns:
        raise NotFoundError("draw_not_found", project=facts.name)
    order = [t.code for t in turns]
    groups = {t.code: t.group for t in turns}
    specs = list(request.batches)
    if not specs:
        if request.first is None or (request.batch_size is None and not request.by_group):
            raise ValidationError("plan_needs_batches")
        if request.by_group:
            specs = specs_by_group(order, groups, first=request.first, minutes=request.minutes,
                                   pause=request.pause, per_day=request.per_day)
        else:
            assert request.batch_size is not None
            specs = specs_by_count(len(order), size=request.batch_size, first=request.first,
                                   minutes=request.minutes, pause=request.pause,
                                   per_day=request.per_day)
    return make_plan(order, specs, groups), groups


def _chances(session: Session, facts: data.ProjectFacts, on: date) -> Chances | None:
    """The households' chances judged on the session's first day; None where the rules
    cannot compare them (households under different area bases): the notices go out
    without that section rather than not at all."""
    try:
        return selection.draw_chances(session, facts.id, on=on)
    except ValidationError as error:
        if error.code == "chances_mixed_pricing":
            return None
        raise


def plan_document(session: Session, facts: data.ProjectFacts, kind: str, request: PlanRequest,
                  *, office: str, household: str | None = None
                  ) -> tuple[BaseDocument, list[AppointmentData]]:
    """The schedule, or the appointment notices (one household's with ``household``), and the
    notices as items for a split. Both dated the day they are printed."""
    plan, groups = session_plan(session, facts, request)
    info = data.document_info(session, facts)
    today = info.printed_at.date()
    households = registry.load_households(session, facts.id)
    if kind == ScheduleNotice.kind:
        names = {h.code: h.head_name for h in households}
        return reporting(ScheduleNotice)(info, plan, names, venue=request.venue, office=office,
                              issued_on=today), []
    first_day = plan.batches[0].on
    policy = facts.policy.policy if facts.policy is not None else None
    on = papers.judged_on(session, facts.id, first_day)
    counts = data.tallies(households, policy, on, data.published_groups(session, facts))
    by_code = {h.code: h for h in households}
    if household is not None:
        plan.slot(household)  # household_not_in_plan if the draw did not place it
    chances = _chances(session, facts, on)
    found = {h.code: h for h in chances.households} if chances is not None else {}
    items = [AppointmentData(
        number=papers.appointment_number(facts.id, first_day, slot.order_number),
        household=by_code[slot.code], slot=slot, batch=plan.batches[slot.batch - 1],
        venue=request.venue, office=office, issued_on=today,
        entitlement=(counts.entitlements or {}).get(slot.code),
        group=groups.get(slot.code) or "", chances=found.get(slot.code),
        chances_method=chances.method if chances else "",
        chances_replays=chances.replays if chances else 0,
        chances_seed=chances.seed if chances else "")
        for slot in plan.slots if household is None or slot.code == household]
    return reporting(Appointment)(info, items), items
