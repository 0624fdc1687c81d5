"""What a household at the desk may take: its entitlement, band and group, and the flats, priced.

The rules are the frozen policy's, applied on the session's date, with the
group the household was published in. Each flat is settled in the
compensation mode the household chose (:func:`allocation.rules.settle_household`):
by area (产权调换（按面积）, the entitlement priced by segment), by value
(价值互换: the assessed value with its subsidies buys the flat's value), and a
money household (货币补偿) is offered no flat at all. A flat the mode refuses
(``value_exhausted``, ``last_flat_share_too_small``...) is not offered.
Nothing here writes.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from allocation.errors import NotFoundError, ValidationError
from allocation.lottery import Eligibility, stock_key
from allocation.registry import CompensationMode, Flat, FlatStatus, Household, ProjectId
from allocation.rules import (
    AreaBand,
    Entitlement,
    Policy,
    PriceBreakdown,
    Settlement,
    ValueSwap,
    compute_compensation,
    compute_entitlement,
    group_restriction,
    policy_from_json,
    price_flats,
    settle,
    settle_household,
    value_available,
)
from db.records import FlatRecord, HouseholdRecord, MemberRecord, PolicyRecord
from db.registry import flat_from_record, household_from_record
from db.selection.base import Row
from db.selection.rows import find_turn, read_session, run

FLATS = FlatRecord.__table__
# Statements built once (see db/selection/rows.py): they run for every confirmation.
_HOUSEHOLD = select(HouseholdRecord.__table__).where(
    HouseholdRecord.__table__.c.id == bindparam("id"))
_MEMBERS = (select(MemberRecord.__table__)
            .where(MemberRecord.__table__.c.household_id == bindparam("id"))
            .order_by(MemberRecord.__table__.c.position))
_LATEST_POLICY = (select(PolicyRecord.status, PolicyRecord.sha256, PolicyRecord.document)
                  .where(PolicyRecord.project_id == bindparam("project"))
                  .order_by(PolicyRecord.version.desc()).limit(1))


ZERO = Decimal("0.00")
#: Why a flat is not offered to a household in its mode (the flat's refusal, not the household's).
FLAT_REFUSALS = frozenset({"value_exhausted", "last_flat_share_too_small",
                           "layout_taken_alone_only", "flats_in_money_mode"})


@dataclass(frozen=True, slots=True)
class Chooser:
    """A household at the desk as the rules see it: entitlement, band, group, compensation.

    ``compensation`` is what its mode counts: area mode's items, a value swap's
    value available (assessed value and subsidies), a money household's
    amount. ``refusal`` is why its mode cannot be settled at all
    (``mode_not_offered``, ``assessed_value_missing``): it is then offered no
    flat and a choice is refused with that code.
    """

    household: Household
    eligibility: Eligibility
    entitlement: Entitlement
    compensation: Decimal
    policy: Policy
    policy_sha256: str
    held_on: date
    refusal: ValidationError | None = None

    @property
    def band(self) -> AreaBand:
        return self.eligibility.band

    @property
    def mode(self) -> CompensationMode:
        return self.household.compensation_mode


@dataclass(frozen=True, slots=True)
class FlatOffer:
    """One flat the household may take, priced in its mode before it commits.

    ``price`` is the flat by area (:class:`PriceBreakdown`) or by value
    (:class:`ValueSwap`: its value, the value used and what remains).
    """

    flat: Flat
    price: PriceBreakdown | ValueSwap
    settlement: Decimal  # compensation − price: positive is paid to the household
    entitlement: Decimal = ZERO  # the household's entitlement (m²), as the band is judged by

    @property
    def difference(self) -> Decimal:
        """The area chosen beyond the entitlement (negative: below it)."""
        return self.price.area - self.entitlement

    @property
    def by_value(self) -> bool:
        """Whether the flat is taken by value (价值互换): no entitlement, a value instead."""
        return isinstance(self.price, ValueSwap)

    @property
    def unit_value(self) -> Decimal | None:
        """The flat's value per m² when taken by value; None by area."""
        return self.price.flats[0].unit_value if isinstance(self.price, ValueSwap) else None

    @property
    def available(self) -> Decimal | None:
        """The household's value available before this flat when taken by value; None by area."""
        return self.price.available if isinstance(self.price, ValueSwap) else None


# --- what a household may take ----------------------------------------------------------


def turn_eligibility(session: Session, project_id: ProjectId, code: str) -> Chooser:
    """The rules applied to household ``code`` on the session's date.

    The group (and so its flat restriction) is the one the household was
    published in with the pool, which ordered the draw; the band is its
    entitlement band under the frozen policy.

    Raises:
        NotFoundError: ``session_not_found``, ``household_not_in_session``,
            ``policy_not_frozen``.
    """
    row = read_session(session, project_id)
    if row is None:
        raise NotFoundError("session_not_found", project=project_id)
    return chooser_of(session, row, find_turn(session, row["id"], code))


def chooser_of(session: Session, row: Row, turn: Row) -> Chooser:
    """The :class:`Chooser` of the household of ``turn`` in session ``row``."""
    sha256, policy = _frozen_policy(session, row["project_id"])
    household = _household(session, turn["household_id"])
    on = row["held_on"]
    entitlement = compute_entitlement(household, policy, on)
    eligibility = published_eligibility(household, policy, on, turn["group_rank"],
                                        turn["group_name"], entitlement)
    compensation, refusal = _compensation(household, policy, on)
    return Chooser(household, eligibility, entitlement, compensation, policy, sha256, on,
                   refusal)


def _compensation(household: Household, policy: Policy,
                  on: date) -> tuple[Decimal, ValidationError | None]:
    """What the household's mode counts as its compensation, or why the mode cannot be settled.

    Area mode: the items (:func:`compute_compensation`), as always. Money mode:
    the amount paid. Value mode: the value available, which does not depend
    on the flats (:func:`allocation.rules.value_available`).
    """
    if household.compensation_mode is CompensationMode.AREA:
        return compute_compensation(household, policy, on).total, None
    try:
        if household.compensation_mode is CompensationMode.VALUE:
            return value_available(household, policy, on).total, None
        return settle_household(household, [], policy, on).compensation.total, None
    except ValidationError as error:
        return ZERO, error


def _household(session: Session, household_id: int) -> Household:
    found = run(session, _HOUSEHOLD, {"id": household_id}).one()
    members = run(session, _MEMBERS, {"id": household_id}).all()
    # household_from_record reads attributes: a row and its member rows have them all.
    return household_from_record(SimpleNamespace(**found._mapping, members=members))


def published_eligibility(household: Household, policy: Policy, on: date, group_rank: int,
                          group_name: str, entitlement: Entitlement | None = None,
                          ) -> Eligibility:
    """:func:`allocation.mechanisms.eligibility_of`, in the group the household was published in.

    The pool fixed each household's group before the draw, and the order it
    is called in follows from that group: its flat restriction must too,
    even if an age crossed a threshold since. The band is the entitlement's
    (computed on ``on`` unless given), exactly as ``eligibility_of`` takes it.
    """
    restriction = group_restriction(policy, group_rank)
    band = (entitlement or compute_entitlement(household, policy, on)).band
    return Eligibility(household.code, band, group_rank, group_name, restriction,
                       policy.pricing)


def offers(session: Session, project_id: ProjectId, code: str) -> list[FlatOffer]:
    """The available flats household ``code`` may take, in stock order, each priced.

    The database narrows by band and group restriction; the rules then
    decide (the same :meth:`Eligibility.allows` that :func:`select_flat` uses).
    The band narrows by building area only where that is the area counted
    (:func:`allocation.rules.counted_area`); under the inner basis the rules
    alone judge it.
    """
    chooser = turn_eligibility(session, project_id, code)
    band, restriction = chooser.band, chooser.eligibility.restriction
    query = select(FLATS).where(
        FLATS.c.project_id == project_id, FLATS.c.status == FlatStatus.AVAILABLE.value)
    if chooser.policy.pricing.area_basis == "building":
        query = query.where(FLATS.c.area >= band.low, FLATS.c.area <= band.high)
    if restriction is not None:
        if restriction.floor_min is not None:
            query = query.where(FLATS.c.floor >= restriction.floor_min)
        if restriction.floor_max is not None:
            query = query.where(FLATS.c.floor <= restriction.floor_max)
        if restriction.buildings:
            query = query.where(FLATS.c.building.in_(restriction.buildings))
        if restriction.layouts:
            query = query.where(FLATS.c.layout.in_(restriction.layouts))
    if chooser.refusal is not None:
        return []
    flats = sorted((flat_from_record(r) for r in session.execute(query)), key=stock_key)
    found = (_offer(chooser, flat) for flat in flats if chooser.eligibility.allows(flat))
    return [offer for offer in found if offer is not None]


def _offer(chooser: Chooser, flat: Flat) -> FlatOffer | None:
    """``flat`` priced and settled in the household's mode, or None if the mode refuses it."""
    try:
        price, balance = settle_flat(chooser, flat)
    except ValidationError as error:
        if error.code in FLAT_REFUSALS:
            return None
        raise
    return FlatOffer(flat, price, balance.balance, chooser.entitlement.area)


def settle_flat(chooser: Chooser, flat: Flat) -> tuple[PriceBreakdown | ValueSwap, Settlement]:
    """What ``flat`` costs the household in its mode, and the settlement against its compensation.

    Area mode prices by the entitlement computed once for the chooser (the
    same figures :func:`settle_household` gives, without recomputing the
    entitlement and the items for every flat); value and money mode are
    :func:`settle_household`'s.

    Raises:
        ValidationError: the chooser's ``refusal``; area mode's
            ``area_beyond_cap``; ``value_exhausted``,
            ``last_flat_share_too_small``, ``flats_in_money_mode``.
    """
    if chooser.refusal is not None:
        raise chooser.refusal
    if chooser.mode is CompensationMode.AREA:
        price = price_of(chooser, flat)
        return price, settle(chooser.compensation, price.total)
    settled = settle_household(chooser.household, [flat], chooser.policy, chooser.held_on)
    assert settled.price is not None  # a money household's flat is refused above
    return settled.price, settled.settlement


def price_of(chooser: Chooser, flat: Flat) -> PriceBreakdown:
    """What ``flat`` costs an area-mode household (its entitlement first, then the tiers)."""
    return price_flats(chooser.household, [flat], chooser.policy, chooser.held_on,
                       entitlement=chooser.entitlement)


# --- the frozen rules -----------------------------------------------------------------------


def _frozen_policy(session: Session, project_id: int) -> tuple[str, Policy]:
    """The frozen policy's hash and rules, parsed once per document (1 ms a parse)."""
    latest = run(session, _LATEST_POLICY, {"project": project_id}).first()
    if latest is None or latest.status != "frozen":
        raise NotFoundError("policy_not_frozen", project=project_id)
    return latest.sha256, _parse_policy(latest.document)


@functools.lru_cache(maxsize=16)
def _parse_policy(document: str) -> Policy:
    return policy_from_json(document)
