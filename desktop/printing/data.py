"""What the documents print, read through db/: selections and prices, orders, traces, tallies.

desktop/printing.py decides which document to build; this module reads the
project's data in the caller's transaction and turns it into the plain data
the printouts/ classes take (:class:`~printouts.AgreementData`,
:class:`~printouts.SlipData`, :class:`~printouts.TraceSheetData`, result
lines, tallies). Nothing here writes.

Agreements and slips are printed only for households with a confirmed
selection, priced again under the policy the selection was confirmed with,
on the session's date. A household whose price now differs from the one
confirmed at the desk (its data changed since) is left out and reported:
its papers would contradict the slip it signed. The same holds when its
entitlement changed, even if the price did not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Final

from sqlalchemy.orm import Session

from allocation.errors import NotFoundError
from allocation.registry import Flat, Household, ProjectId
from allocation.rules import (
    Policy,
    PriceBreakdown,
    assign_group,
    compute_entitlement,
    explain_household,
    group_names,
    price_flats,
)
from db import audit, registry, selection
from db import lottery as draws
from db import rules as policies
from db.casework import progress_rows
from db.records import ProjectRecord
from db.selection import Selection, Turn, selection_results, session_turns
from printouts import (
    AgreementData,
    DocumentInfo,
    ResultLine,
    SlipData,
    TraceSheetData,
    agreement_data,
    result_lines,
)

DEFAULT_OFFICE: Final = "征收安置工作指挥部"
DEFAULT_PAYMENT_TERM: Final = "本协议签订之日起15个工作日内"
#: Days from the session to the moving deadline, unless one is given.
MOVING_DAYS: Final = 30
# Why a household has no agreement or slip in a batch.
NOT_CHOSEN: Final = "not_chosen"
PRICE_CHANGED: Final = "price_changed"


@dataclass(frozen=True, slots=True)
class ProjectFacts:
    """The project being printed: its id, name, rehearsal flag and frozen policy (if any)."""

    id: ProjectId
    name: str
    rehearsal: bool
    policy: policies.PolicyVersion | None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A household left out of a batch, and why (``not_chosen`` or ``price_changed``)."""

    code: str
    reason: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Chosen:
    """A household's confirmed selection, with what its papers need."""

    household: Household
    selection: Selection
    turn: Turn | None
    flats: tuple[Flat, ...]
    policy: Policy


@dataclass(frozen=True, slots=True)
class SessionPapers:
    """The selections to print, in selection order, and the households left out."""

    held_on: date
    chosen: list[Chosen]
    skipped: list[Skipped] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class PaperOptions:
    """The agreement's terms that are not in the data: office, payment, deadline, place."""

    office: str = DEFAULT_OFFICE
    payment_term: str = DEFAULT_PAYMENT_TERM
    moving_deadline: date | None = None
    location: str = ""


def project_facts(session: Session, name: str) -> ProjectFacts:
    project_id = registry.find_project(session, name)
    record = registry.require_project(session, project_id)
    assert isinstance(record, ProjectRecord)
    current = policies.current_policy(session, project_id)
    frozen = current if current is not None and current.frozen else None
    return ProjectFacts(project_id, record.name, record.rehearsal, frozen)


def document_info(session: Session, facts: ProjectFacts, version: str | None = None,
                  printed_at: datetime | None = None) -> DocumentInfo:
    """The header and footer facts: project, audit head now, print time, policy hash."""
    return DocumentInfo(
        project=facts.name, audit_head=audit.chain_head(session),
        printed_at=printed_at or datetime.now().astimezone(), rehearsal=facts.rehearsal,
        policy_sha256=facts.policy.sha256 if facts.policy is not None else None,
        version=version)


def require_policy(facts: ProjectFacts) -> Policy:
    if facts.policy is None:
        raise NotFoundError("policy_not_frozen", project=facts.name)
    return facts.policy.policy


# --- selections --------------------------------------------------------------------


def session_papers(session: Session, facts: ProjectFacts, kind: str,
                   household: str | None = None) -> SessionPapers:
    """Every active selection (of one household), in selection order.

    Raises:
        NotFoundError: ``no_selection_session`` (nothing was chosen yet);
            ``household_not_found``; ``household_has_no_selection`` when the
            one household asked for has not chosen.
    """
    found = selection.find_session(session, facts.id)
    if found is None:
        raise NotFoundError("no_selection_session", project=facts.name, kind=kind)
    households = {h.code: h for h in registry.load_households(session, facts.id)}
    if household is not None and household not in households:
        raise NotFoundError("household_not_found", code=household)
    flats = {stored.flat.key: stored.flat for stored in registry.load_flats(session, facts.id)}
    by_hash = {v.sha256: v.policy for v in policies.policy_history(session, facts.id)}
    turns = {t.code: t for t in session_turns(session, facts.id)}
    made = {s.code: s for s in selection_results(session, facts.id, active_only=True)}
    codes = [household] if household is not None else _in_order(households, turns)
    chosen, skipped = [], []
    for code in codes:
        if code not in made:
            skipped.append(Skipped(code, NOT_CHOSEN))
            continue
        picked = made[code]
        chosen.append(Chosen(households[code], picked, turns.get(code), (flats[picked.flat_key],),
                             by_hash.get(picked.policy_sha256) or require_policy(facts)))
    if household is not None and not chosen:
        raise NotFoundError("household_has_no_selection", household=household)
    return SessionPapers(found.held_on, chosen, skipped)


def _in_order(households: dict[str, Household], turns: dict[str, Turn]) -> list[str]:
    """Households by order number; those outside the session after them, by code."""
    last = len(turns) + 1
    return sorted(households, key=lambda c: (turns[c].order_no if c in turns else last, c))


def _priced(papers: SessionPapers, chosen: Chosen) -> tuple[Chosen, PriceBreakdown] | Skipped:
    price = price_flats(chosen.household, chosen.flats, chosen.policy, papers.held_on)
    confirmed = chosen.selection
    if (price.total, price.entitlement) != (confirmed.price_total, confirmed.entitlement):
        return Skipped(chosen.household.code, PRICE_CHANGED,
                       f"{confirmed.entitlement} m² / {confirmed.price_total} → "
                       f"{price.entitlement} m² / {price.total}")
    return chosen, price


def agreement_items(papers: SessionPapers, facts: ProjectFacts,
                    options: PaperOptions) -> tuple[list[AgreementData], list[Skipped]]:
    """One agreement per household that chose, numbered ``AZ<project>-<year>-<code>``."""
    deadline = options.moving_deadline or papers.held_on + timedelta(days=MOVING_DAYS)
    items, skipped = [], list(papers.skipped)
    for chosen in papers.chosen:
        priced = _priced(papers, chosen)
        if isinstance(priced, Skipped):
            skipped.append(priced)
            continue
        h = chosen.household
        items.append(agreement_data(
            h, chosen.flats, chosen.policy, papers.held_on,
            number=agreement_number(facts, papers.held_on, h.code), office=options.office,
            payment_term=options.payment_term, moving_deadline=deadline,
            location=options.location))
    return items, skipped


def agreement_number(facts: ProjectFacts, held_on: date, code: str) -> str:
    """The agreement's number: stable for the household, unique across projects."""
    return f"AZ{facts.id:03d}-{held_on.year}-{code}"


def slip_number(facts: ProjectFacts, held_on: date, picked: Selection) -> str:
    """The slip's number: one per confirmation (a revoked one's slip keeps its own)."""
    return f"QR{facts.id:03d}-{held_on.year}-{picked.id:05d}"


def slip_items(papers: SessionPapers, facts: ProjectFacts) -> tuple[list[SlipData], list[Skipped]]:
    """One slip per confirmed selection, as confirmed: time, operator, proxy, chain head."""
    items, skipped = [], list(papers.skipped)
    for chosen in papers.chosen:
        priced = _priced(papers, chosen)
        if isinstance(priced, Skipped):
            skipped.append(priced)
            continue
        picked, turn = chosen.selection, chosen.turn
        items.append(SlipData(
            number=slip_number(facts, papers.held_on, picked), household=chosen.household,
            order_number=turn.order_no if turn is not None else 0, flats=chosen.flats,
            price=priced[1],
            confirmed_at=picked.selected_at.astimezone(), operator=picked.operator,
            audit_head=picked.chain_head or "", group=turn.group_name if turn else "",
            proxy_name=picked.proxy_name or "", proxy_id=picked.proxy_id or ""))
    return items, skipped


# --- order, traces, results, tallies ------------------------------------------------


@dataclass(frozen=True, slots=True)
class DrawnOrder:
    """The draw's order numbers and lottery ranks by household code (empty before a draw)."""

    numbers: dict[str, int]
    ranks: dict[str, int]


def drawn_order(session: Session, project_id: ProjectId) -> DrawnOrder:
    draw = draws.counting_draw(session, project_id)
    if draw is None or draw.record is None:
        return DrawnOrder({}, {})
    numbers = {code: n for n, code in enumerate(draw.final_order, start=1)}
    positions = {e["position"]: e["code"] for e in draw.record["pool"]}
    ranks = {positions[p]: n for n, p in enumerate(draw.record["lottery_order"], start=1)}
    return DrawnOrder(numbers, ranks)


def active_selections(session: Session, project_id: ProjectId) -> dict[str, tuple[Flat, ...]]:
    """The flats each household has chosen (active selections only), by code."""
    flats = {stored.flat.key: stored.flat for stored in registry.load_flats(session, project_id)}
    return {s.code: (flats[s.flat_key],)
            for s in selection_results(session, project_id, active_only=True)}


def households_at_their_stage(session: Session, project_id: ProjectId) -> list[Household]:
    """The households with the status the progress table shows: the furthest of the stored
    status, the recorded steps and a flat chosen at the session (the desk does not rewrite
    the household row)."""
    stages = {row.code: row.status for row in progress_rows(session, project_id)}
    return [replace(h, status=stages[h.code])
            for h in registry.load_households(session, project_id)]


def judged_on(session: Session, project_id: ProjectId, default: date) -> date:
    """The date entitlements and groups are judged on: the session's, else ``default``."""
    found = selection.find_session(session, project_id)
    return found.held_on if found is not None else default


def trace_items(session: Session, facts: ProjectFacts, on: date,
                household: str | None = None) -> list[TraceSheetData]:
    """One explanation per household (or the one asked for), by code."""
    policy = require_policy(facts)
    households = registry.load_households(session, facts.id)
    if household is not None:
        households = [registry.find_household(session, facts.id, household).household]
    order = drawn_order(session, facts.id)
    chosen = active_selections(session, facts.id)
    published = draws.published_groups(session, facts.id)
    return [TraceSheetData(household=h,
                           trace=explain_household(h, policy, on, chosen.get(h.code),
                                                   published_group=published.get(h.code)),
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
