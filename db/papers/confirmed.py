"""The confirmed selections a batch of agreements or slips prints, and those it leaves out.

Agreements and slips are printed only for households with a confirmed
selection, priced again under the policy the selection was confirmed with,
on the session's date. A household whose price now differs from the one
confirmed at the desk (its data changed since) is left out and reported:
its papers would contradict the slip it signed. The same holds when its
entitlement changed, even if the price did not, and, for a value swap
(价值互换), when its value available (assessed value and subsidies) changed.
Each is priced in the household's compensation mode
(:func:`allocation.rules.settle_household`).

A household that chose money compensation (货币补偿) takes no flat: it is
not in these batches at all (neither printed nor "not chosen"); its own
agreement, the 货币补偿协议, is :func:`money_papers`'.

Functions take the session first, read in the caller's transaction and
never write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Final

from sqlalchemy.orm import Session

from allocation.errors import NotFoundError, ValidationError
from allocation.registry import CompensationMode, Flat, Household, ProjectId
from allocation.rules import HouseholdSettlement, Policy, PriceBreakdown, ValueSwap
from allocation.rules import settle_household as settle_in_mode
from db import registry, selection
from db import rules as policies
from db.selection import (
    HouseholdChoice,
    Selection,
    Turn,
    household_choices,
    selection_results,
    session_turns,
)

# Why a household has no agreement or slip in a batch.
NOT_CHOSEN: Final = "not_chosen"
PRICE_CHANGED: Final = "price_changed"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A household left out of a batch, and why (``not_chosen`` or ``price_changed``)."""

    code: str
    reason: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Chosen:
    """A household's confirmed selection, with what its papers need.

    ``selection`` is its first flat's (its time, operator, proxy, number);
    ``selections`` every flat's, in order (一户多套), and ``flats`` the flats.
    """

    household: Household
    selection: Selection
    turn: Turn | None
    flats: tuple[Flat, ...]
    policy: Policy
    selections: tuple[Selection, ...] = ()

    @property
    def choice(self) -> HouseholdChoice:
        """The household's flats together: their figures add up to the household's."""
        return HouseholdChoice(self.selections or (self.selection,))


@dataclass(frozen=True, slots=True)
class SessionPapers:
    """The selections to print, in selection order, and the households left out."""

    held_on: date
    chosen: list[Chosen]
    skipped: list[Skipped] = field(default_factory=list)


def session_papers(session: Session, project_id: ProjectId, kind: str,
                   household: str | None = None) -> SessionPapers:
    """Every active selection (of one household), in selection order.

    Each carries the policy it was confirmed with (found by its hash among
    the project's versions). Households without one are ``not_chosen``,
    except money households, which take no flat and are left out silently.

    Raises:
        NotFoundError: ``no_selection_session`` (nothing was chosen yet);
            ``household_not_found``; ``household_has_no_selection`` when the
            one household asked for has not chosen; ``policy_not_frozen``
            when a selection's policy is unknown and none is frozen.
    """
    found = selection.find_session(session, project_id)
    if found is None:
        name = registry.require_project(session, project_id).name
        raise NotFoundError("no_selection_session", project=name, kind=kind)
    households = {h.code: h for h in registry.load_households(session, project_id)}
    if household is not None and household not in households:
        raise NotFoundError("household_not_found", code=household)
    flats = {stored.flat.key: stored.flat for stored in registry.load_flats(session, project_id)}
    by_hash = {v.sha256: v.policy for v in policies.policy_history(session, project_id)}
    turns = {t.code: t for t in session_turns(session, project_id)}
    made = household_choices(selection_results(session, project_id, active_only=True))
    codes = [household] if household is not None else _in_order(households, turns)
    chosen, skipped = [], []
    for code in codes:
        if code not in made:
            if households[code].compensation_mode is not CompensationMode.MONEY:
                skipped.append(Skipped(code, NOT_CHOSEN))
            continue
        picked = made[code]
        policy = (by_hash.get(picked.first.policy_sha256)
                  or policies.frozen_policy(session, project_id).policy)
        chosen.append(Chosen(households[code], picked.first, turns.get(code),
                             tuple(flats[key] for key in picked.flat_keys), policy,
                             picked.selections))
    if household is not None and not chosen:
        raise NotFoundError("household_has_no_selection", household=household)
    return SessionPapers(found.held_on, chosen, skipped)


def _in_order(households: dict[str, Household], turns: dict[str, Turn]) -> list[str]:
    """Households by order number; those outside the session after them, by code."""
    last = len(turns) + 1
    return sorted(households, key=lambda c: (turns[c].order_no if c in turns else last, c))


def reprice(papers: SessionPapers,
            chosen: Chosen) -> tuple[Chosen, PriceBreakdown | ValueSwap] | Skipped:
    """``chosen`` priced again on the session's date under the policy it was confirmed with,
    in its mode: the price by area (:class:`PriceBreakdown`) or by value (:class:`ValueSwap`).

    Left out as ``price_changed`` (with the confirmed and today's figures)
    when the price, the entitlement or (value swap) the value available is
    not what was confirmed, or when its mode now refuses the flat (the code
    in the detail: it changed to 货币补偿, its value no longer carries it).
    """
    settled = settlement_of(papers, chosen)
    if isinstance(settled, Skipped):
        return settled
    price = settled.price
    assert price is not None
    return chosen, price


def settlement_of(papers: SessionPapers, chosen: Chosen) -> HouseholdSettlement | Skipped:
    """:func:`reprice`'s settlement in full (compensation, price, balance), or why it is left
    out."""
    h, confirmed = chosen.household, chosen.choice  # all its flats' figures, summed
    try:
        settled = settle_in_mode(h, chosen.flats, chosen.policy, papers.held_on)
    except ValidationError as error:
        return Skipped(h.code, PRICE_CHANGED, f"{confirmed.price_total} → {error.code}")
    price = settled.price
    assert price is not None  # a money household's flats are refused above
    if isinstance(price, PriceBreakdown):
        if (price.total, price.entitlement) != (confirmed.price_total, confirmed.entitlement):
            return Skipped(h.code, PRICE_CHANGED,
                           f"{confirmed.entitlement} m² / {confirmed.price_total} → "
                           f"{price.entitlement} m² / {price.total}")
        return settled
    value = settled.compensation.total
    if (price.total, value) != (confirmed.price_total, confirmed.compensation):
        return Skipped(h.code, PRICE_CHANGED,
                       f"{confirmed.compensation} / {confirmed.price_total} → "
                       f"{value} / {price.total}")
    return settled


@dataclass(frozen=True, slots=True)
class MoneyPapers:
    """The money households (货币补偿) to print, by code, each with its policy and date."""

    on: date
    policy: Policy
    settled: list[HouseholdSettlement]
    households: list[Household]


def money_papers(session: Session, project_id: ProjectId, on: date,
                 household: str | None = None) -> MoneyPapers:
    """Every household that chose money compensation (or the one asked for), settled under the
    frozen policy on ``on``: printed whether or not there was a session. None chose it: the
    batch is empty (its document says so, as an empty batch of agreements does).

    Raises:
        NotFoundError: ``policy_not_frozen``; ``household_not_found``;
            ``household_not_money`` (the household asked for is in another mode).
        ValidationError: ``mode_not_offered``, ``assessed_value_missing``.
    """
    policy = policies.frozen_policy(session, project_id).policy
    households = sorted(registry.load_households(session, project_id), key=lambda h: h.code)
    if household is not None:
        households = [h for h in households if h.code == household]
        if not households:
            raise NotFoundError("household_not_found", code=household)
        if households[0].compensation_mode is not CompensationMode.MONEY:
            raise NotFoundError("household_not_money", household=household,
                                mode=households[0].compensation_mode.zh)
    money = [h for h in households if h.compensation_mode is CompensationMode.MONEY]
    return MoneyPapers(on, policy, [settle_in_mode(h, (), policy, on) for h in money], money)


def active_selections(session: Session, project_id: ProjectId) -> dict[str, tuple[Flat, ...]]:
    """The flats each household has chosen (active selections only), by code."""
    flats = {stored.flat.key: stored.flat for stored in registry.load_flats(session, project_id)}
    made = household_choices(selection_results(session, project_id, active_only=True))
    return {code: tuple(flats[key] for key in choice.flat_keys) for code, choice in made.items()}
