"""What a household at the desk may take: its entitlement, band and group, and the flats, priced.

The rules are the frozen policy's, applied on the session's date, with the
group the household was published in. Nothing here writes.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from allocation.errors import NotFoundError
from allocation.lottery import Eligibility, stock_key
from allocation.registry import Flat, FlatStatus, Household, ProjectId
from allocation.rules import (
    AreaBand,
    Entitlement,
    Policy,
    PriceBreakdown,
    compute_compensation,
    compute_entitlement,
    group_restriction,
    policy_from_json,
    price_flats,
    settle,
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


@dataclass(frozen=True, slots=True)
class Chooser:
    """A household at the desk as the rules see it: entitlement, band, group, compensation."""

    household: Household
    eligibility: Eligibility
    entitlement: Entitlement
    compensation: Decimal
    policy: Policy
    policy_sha256: str
    held_on: date

    @property
    def band(self) -> AreaBand:
        return self.eligibility.band


@dataclass(frozen=True, slots=True)
class FlatOffer:
    """One flat the household may take, priced before it commits."""

    flat: Flat
    price: PriceBreakdown
    settlement: Decimal  # compensation − price: positive is paid to the household


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
    compensation = compute_compensation(household, policy, on).total
    return Chooser(household, eligibility, entitlement, compensation, policy, sha256, on)


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
    return Eligibility(household.code, band, group_rank, group_name, restriction)


def offers(session: Session, project_id: ProjectId, code: str) -> list[FlatOffer]:
    """The available flats household ``code`` may take, in stock order, each priced.

    The database narrows by band and group restriction; the rules then
    decide (the same :meth:`Eligibility.allows` that :func:`select_flat` uses).
    """
    chooser = turn_eligibility(session, project_id, code)
    band, restriction = chooser.band, chooser.eligibility.restriction
    query = select(FLATS).where(
        FLATS.c.project_id == project_id, FLATS.c.status == FlatStatus.AVAILABLE.value,
        FLATS.c.area >= band.low, FLATS.c.area <= band.high)
    if restriction is not None:
        if restriction.floor_min is not None:
            query = query.where(FLATS.c.floor >= restriction.floor_min)
        if restriction.floor_max is not None:
            query = query.where(FLATS.c.floor <= restriction.floor_max)
        if restriction.buildings:
            query = query.where(FLATS.c.building.in_(restriction.buildings))
        if restriction.layouts:
            query = query.where(FLATS.c.layout.in_(restriction.layouts))
    flats = sorted((flat_from_record(r) for r in session.execute(query)), key=stock_key)
    return [_offer(chooser, flat) for flat in flats if chooser.eligibility.allows(flat)]


def _offer(chooser: Chooser, flat: Flat) -> FlatOffer:
    price = price_of(chooser, flat)
    return FlatOffer(flat, price, settle(chooser.compensation, price.total).balance)


def price_of(chooser: Chooser, flat: Flat) -> PriceBreakdown:
    """What ``flat`` costs the household (its entitlement first, then the tiers)."""
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
