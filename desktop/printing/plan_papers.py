"""The session plan's printouts from the project's stored draw: 选房时间安排表 and 选房通知书.

The schedule is posted for everyone: a public notice, registered as a numbered
publication like the others (documents.py prepares its version and period);
the appointment notices are letters to one household each.

The plan printed is the stored one (:mod:`db.selection.session_plan`) when the
project has one: the schedule and the notices then always agree with each
other and with the desk, which works by its batches. Before a plan is stored
they may be printed from a request (a plan file's batches, or a batch size or
one batch per priority group from a first day and time) cut along the
counting draw's final order (:func:`db.papers.drawn_turns`); the same draw
and the same request print the same plan (:func:`allocation.schedule.make_plan`
is deterministic). A request that cuts the order is refused once a plan is
stored, so that no paper tells a household another window than the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from sqlalchemy.orm import Session

from allocation.chances import Chances
from allocation.errors import ConflictError, NotFoundError, ValidationError
from allocation.registry import ProjectId
from allocation.schedule import (
    DEFAULT_MINUTES,
    DEFAULT_VENUE,
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
from printouts import (
    Appointment,
    AppointmentData,
    BaseDocument,
    DocumentInfo,
    Publication,
    ScheduleNotice,
)

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

    @property
    def cuts(self) -> bool:
        """Whether it says how to cut the order at all (else: the stored plan)."""
        return bool(self.batches) or self.batch_size is not None or self.by_group


def session_plan(session: Session, facts: data.ProjectFacts, request: PlanRequest
                 ) -> tuple[SessionPlan, dict[str, str | None], str]:
    """The plan over the counting draw's final order, each household's group, and the venue.

    A request that does not say how to cut the order prints the stored plan
    (:func:`db.selection.stored_session_plan`): what households were told is the
    plan the session works by. One that does is refused while a plan is stored.

    Raises:
        NotFoundError: ``draw_not_found``, ``session_plan_not_found``.
        ConflictError: ``session_plan_stored``, ``session_plan_draw_changed``.
        ValidationError: ``plan_needs_batches`` and those of
            :func:`allocation.schedule.make_plan`.
    """
    stored = selection.stored_session_plan(session, facts.id)
    if stored is not None:
        if request.cuts:
            raise ConflictError("session_plan_stored", version=stored[0].version)
        return stored[1], stored[2], stored[0].venue
    if not request.cuts:
        raise NotFoundError("session_plan_not_found", project=facts.name)
    specs, order, groups = request_specs(session, facts.id, request)
    return make_plan(order, specs, groups), groups, request.venue


def request_specs(session: Session, project_id: ProjectId, request: PlanRequest
                  ) -> tuple[list[BatchSpec], list[str], dict[str, str | None]]:
    """The batches ``request`` cuts the counting draw's final order into, the order, and each
    household's group (what `anju plan set` stores from print's options).

    Raises:
        NotFoundError: ``draw_not_found``.
        ValidationError: ``plan_needs_batches``, ``bad_batch_size``, ``bad_per_day``,
            ``bad_minutes``.
    """
    turns = papers.drawn_turns(session, project_id)
    if not turns:
        raise NotFoundError("draw_not_found", project=project_id)
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
    return specs, order, groups


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


def schedule_document(session: Session, facts: data.ProjectFacts, request: PlanRequest,
                      info: DocumentInfo, posted: Publication) -> BaseDocument:
    """The schedule (选房时间安排表), a public notice: ``info`` carries the version it is
    registered as (documents.py), ``posted`` its posting period and issuer."""
    plan, _groups, venue = session_plan(session, facts, request)
    names = {h.code: h.head_name for h in registry.load_households(session, facts.id)}
    return reporting(ScheduleNotice)(info, plan, names, venue=venue, publication=posted)


def plan_document(session: Session, facts: data.ProjectFacts, kind: str, request: PlanRequest,
                  *, office: str, household: str | None = None
                  ) -> tuple[BaseDocument, list[AppointmentData]]:
    """The appointment notices (one household's with ``household``), and the notices as
    items for a split, dated the day they are printed. (The schedule is a public notice:
    :func:`schedule_document`.)"""
    if kind != Appointment.kind:
        raise NotFoundError("unknown_document_kind", kind=kind, allowed=(Appointment.kind,))
    plan, groups, venue = session_plan(session, facts, request)
    info = data.document_info(session, facts)
    today = info.printed_at.date()
    households = registry.load_households(session, facts.id)
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
        venue=venue, office=office, issued_on=today,
        entitlement=(counts.entitlements or {}).get(slot.code),
        group=groups.get(slot.code) or "", chances=found.get(slot.code),
        chances_method=chances.method if chances else "",
        chances_replays=chances.replays if chances else 0,
        chances_seed=chances.seed if chances else "")
        for slot in plan.slots if household is None or slot.code == household]
    return reporting(Appointment)(info, items), items
