"""What the documents print, turned into printouts/' data classes: papers, traces, tallies.

desktop/printing/documents.py decides which document to build; this module
reads the project's data in the caller's transaction and turns it into the
plain data the printouts/ classes take (:class:`~printouts.AgreementData`,
:class:`~printouts.SlipData`, :class:`~printouts.TraceSheetData`, result
lines, tallies). Nothing here writes.

Which confirmed selections the agreements and slips print, and which they
leave out and why, is db.papers' rule (:func:`db.papers.session_papers`,
:func:`db.papers.reprice`); so are the papers' numbers and the drawn order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Final

from sqlalchemy.orm import Session

from allocation.casework import SessionDay
from allocation.errors import NotFoundError
from allocation.registry import Household, ProjectId
from allocation.rules import (
    Policy,
    assign_group,
    compute_entitlement,
    explain_household,
    group_names,
)
from db import audit, registry, selection
from db import lottery as draws
from db import rules as policies
from db.casework import progress_rows
from db.papers import (
    MoneyPapers,
    SessionPapers,
    Skipped,
    active_selections,
    agreement_number,
    drawn_order,
    money_agreement_number,
    reprice,
    slip_number,
)
from db.records import ProjectRecord
from db.selection import session_turns
from printouts import (
    AgreementData,
    DocumentInfo,
    MoneyAgreementData,
    ResultLine,
    SlipData,
    TraceSheetData,
    agreement_data,
    money_agreement_data,
    result_lines,
)

DEFAULT_OFFICE: Final = "征收安置工作指挥部"
DEFAULT_PAYMENT_TERM: Final = "本协议签订之日起15个工作日内"
#: Days from the session to the moving deadline, unless one is given.
MOVING_DAYS: Final = 30


@dataclass(frozen=True, slots=True)
class ProjectFacts:
    """The project being printed: its id, name, rehearsal flag, frozen policy (if any) and
    the heading of its papers (its title, or its name where it has none)."""

    id: ProjectId
    name: str
    rehearsal: bool
    policy: policies.PolicyVersion | None
    heading: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PaperOptions:
    """The agreement's terms that are not in the data: office, payment, deadline, place."""

    office: str = DEFAULT_OFFICE
    payment_term: str = DEFAULT_PAYMENT_TERM
    moving_deadline: date | None = None
    location: str = ""
    handover_date: date | None = None


def project_facts(session: Session, name: str) -> ProjectFacts:
    project_id = registry.find_project(session, name)
    record = registry.require_project(session, project_id)
    assert isinstance(record, ProjectRecord)
    current = policies.current_policy(session, project_id)
    frozen = current if current is not None and current.frozen else None
    return ProjectFacts(project_id, record.name, record.rehearsal, frozen,
                        registry.project_title(record))


def document_info(session: Session, facts: ProjectFacts, version: str | None = None,
                  printed_at: datetime | None = None) -> DocumentInfo:
    """The header and footer facts: project, audit head now, print time, policy hash."""
    anchor = audit.current_anchor(session)
    return DocumentInfo(
        project=facts.heading, audit_head=anchor.head, audit_count=anchor.count,
        printed_at=printed_at or datetime.now().astimezone(), rehearsal=facts.rehearsal,
        policy_sha256=facts.policy.sha256 if facts.policy is not None else None,
        version=version)


def require_policy(facts: ProjectFacts) -> Policy:
    if facts.policy is None:
        raise NotFoundError("policy_not_frozen", project=facts.name)
    return facts.policy.policy


# --- agreements and slips ---------------------------------------------------------


def agreement_items(papers: SessionPapers, facts: ProjectFacts,
                    options: PaperOptions) -> tuple[list[AgreementData], list[Skipped]]:
    """One agreement per household that chose, numbered ``AZ<project>-<year>-<code>``."""
    deadline = options.moving_deadline or papers.held_on + timedelta(days=MOVING_DAYS)
    items, skipped = [], list(papers.skipped)
    for chosen in papers.chosen:
        priced = reprice(papers, chosen)
        if isinstance(priced, Skipped):
            skipped.append(priced)
            continue
        h = chosen.household
        items.append(agreement_data(
            h, chosen.flats, chosen.policy, papers.held_on,
            number=agreement_number(facts.id, papers.held_on, h.code), office=options.office,
            payment_term=options.payment_term, moving_deadline=deadline,
            location=options.location, handover_date=options.handover_date))
    return items, skipped


def money_agreement_items(papers: MoneyPapers, facts: ProjectFacts,
                          options: PaperOptions) -> list[MoneyAgreementData]:
    """One 货币补偿协议 per money household, numbered ``HB<project>-<year>-<code>``; the moving
    deadline is ``MOVING_DAYS`` after ``papers.on`` (the session's date, else the print date)
    unless one is given."""
    deadline = options.moving_deadline or papers.on + timedelta(days=MOVING_DAYS)
    return [money_agreement_data(h, papers.policy, papers.on,
                                 number=money_agreement_number(facts.id, papers.on, h.code),
                                 office=options.office, payment_term=options.payment_term,
                                 moving_deadline=deadline)
            for h in papers.households]


def slip_items(session: Session, papers: SessionPapers,
               facts: ProjectFacts) -> tuple[list[SlipData], list[Skipped]]:
    """One slip per confirmed selection, as confirmed: time, operator, proxy, chain head."""
    items, skipped = [], list(papers.skipped)
    counts = audit.anchors_of(session, [c.choice.selections[-1].chain_head or ""
                                         for c in papers.chosen])
    for chosen in papers.chosen:
        priced = reprice(papers, chosen)
        if isinstance(priced, Skipped):
            skipped.append(priced)
            continue
        picked, turn = chosen.selection, chosen.turn
        items.append(SlipData(
            number=slip_number(facts.id, papers.held_on, picked), household=chosen.household,
            order_number=turn.order_no if turn is not None else 0, flats=chosen.flats,
            price=priced[1],
            confirmed_at=picked.selected_at.astimezone(), operator=picked.operator,
            # Several flats: the chain head after the last one's event, which follows them all.
            audit_head=chosen.choice.selections[-1].chain_head or "",
            group=turn.group_name if turn else "",
            proxy_name=picked.proxy_name or "", proxy_id=picked.proxy_id or "",
            audit_count=counts.get(chosen.choice.selections[-1].chain_head or "")))
    return items, skipped


# --- order, traces, results, tallies ------------------------------------------------


def households_at_their_stage(session: Session, project_id: ProjectId) -> list[Household]:
    """The households with the status the progress table shows: the furthest of the stored
    status, the recorded steps and a flat chosen at the session (the desk does not rewrite
    the household row)."""
    stages = {row.code: row.status for row in progress_rows(session, project_id)}
    return [replace(h, status=stages[h.code])
            for h in registry.load_households(session, project_id)]


def published_groups(session: Session, facts: ProjectFacts) -> dict[str, str]:
    """The groups the published pool froze, if it was published under the frozen policy the
    papers print under (:func:`db.lottery.published_groups`); empty otherwise."""
    if facts.policy is None:
        return {}
    return draws.published_groups(session, facts.id, policy_sha256=facts.policy.sha256)


def trace_items(session: Session, facts: ProjectFacts, on: date,
                household: str | None = None) -> list[TraceSheetData]:
    """One explanation per household (or the one asked for), by code."""
    policy = require_policy(facts)
    assert facts.policy is not None
    sha256 = facts.policy.sha256  # as frozen: a schema 1 text hashes as it was printed
    households = registry.load_households(session, facts.id)
    if household is not None:
        households = [registry.find_household(session, facts.id, household).household]
    order = drawn_order(session, facts.id)
    chosen = active_selections(session, facts.id)
    published = published_groups(session, facts)
    return [TraceSheetData(household=h,
                           trace=explain_household(h, policy, on, chosen.get(h.code),
                                                   published_group=published.get(h.code),
                                                   sha256=sha256),
                           order_number=order.numbers.get(h.code),
                           lottery_rank=order.ranks.get(h.code), flats=chosen.get(h.code, ()))
            for h in households]


def results(session: Session, facts: ProjectFacts) -> list[ResultLine]:
    """The results notice's lines; refused before any session (nothing to announce)."""
    if selection.find_session(session, facts.id) is None:
        raise NotFoundError("no_selection_session", project=facts.name, kind="notice-results")
    households = registry.load_households(session, facts.id)
    order = {t.code: t.order_no for t in session_turns(session, facts.id)}
    return result_lines(households, active_selections(session, facts.id), order)


def day_results(session: Session, facts: ProjectFacts,
                day: date) -> tuple[SessionDay, list[ResultLine]]:
    """当日选房结果公告's facts: the session's figures at the close of ``day`` and the
    results lines of the households that chose that day; refused before any session."""
    figures = selection.session_day(session, facts.id, day)
    if figures is None:
        raise NotFoundError("no_selection_session", project=facts.name, kind="notice-day")
    chosen = set(figures.chosen)
    return figures, [line for line in results(session, facts) if line.code in chosen]


@dataclass(frozen=True, slots=True)
class Tallies:
    """What the statistics need besides households and flats."""

    entitlements: dict[str, Decimal] | None
    groups: dict[str, str] | None
    group_order: Sequence[str]


def tallies(households: Sequence[Household], policy: Policy | None, on: date,
            published: dict[str, str] | None = None) -> Tallies:
    """Entitlements and groups on ``on``; a household in the published pool keeps the group
    ``published`` (``db.lottery.published_groups``) gives it."""
    if policy is None:
        return Tallies(None, None, ())
    published = published or {}
    return Tallies({h.code: compute_entitlement(h, policy, on).area for h in households},
                   {h.code: published.get(h.code) or assign_group(h, policy, on).name
                    for h in households},
                   group_names(policy))
