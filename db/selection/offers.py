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
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Select, and_, bindparam, or_, select
from sqlalchemy.orm import Session

from allocation.errors import NotFoundError, ValidationError
from allocation.lottery import Eligibility, stock_key
from allocation.registry import (
    KEY_SEPARATOR,
    CompensationMode,
    Flat,
    FlatStatus,
    Household,
    ProjectId,
    quantize_area,
)
from allocation.rules import (
    AreaBand,
    Entitlement,
    Policy,
    PriceBreakdown,
    PricingRules,
    Settlement,
    ValueSwap,
    compute_compensation,
    compute_entitlement,
    counted_area,
    flat_allowed,
    flats_allowed,
    group_restriction,
    policy_from_json,
    price_flats,
    refusal_step,
    settle,
    settle_household,
    value_available,
)
from allocation.trace import TraceStep
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
    def most_flats(self) -> int:
        """How many flats the desk lets the household take (:func:`desk_most_flats`)."""
        return desk_most_flats(self.policy, self.entitlement.area)

    @property
    def mode(self) -> CompensationMode:
        return self.household.compensation_mode


def desk_most_flats(policy: Policy, entitlement: Decimal | None = None) -> int:
    """How many flats the desk lets a household of ``entitlement`` (m²) take under
    ``policy`` (一户多套); without ``entitlement``, the most any household may.

    The rules' ``max_flats`` when it is above one (one for a household below the
    rules' ``several_flats_from``: :func:`allocation.rules.flats_allowed`); otherwise
    one, as the desk
    always took: a policy naming no maximum prices several flats together (an
    explanation may show it) but does not say how many a desk should hand out.
    """
    rules = policy.entitlement
    most = rules.max_flats if entitlement is None else flats_allowed(rules, entitlement)
    return most if most is not None and most > 1 else 1


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
    def flat_area(self) -> Decimal:
        """The flat's own counted area: ``price.area`` is the household's, with the flats
        taken before it (一户多套)."""
        return sum((line.area for line in self.price.lines if line.flat == self.flat.key),
                   ZERO)

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
        return self.price.flats[-1].unit_value if isinstance(self.price, ValueSwap) else None

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
    entitlement, compensation, refusal = _figures(household, sha256, policy, on)
    eligibility = published_eligibility(household, policy, on, turn["group_rank"],
                                        turn["group_name"], entitlement)
    return Chooser(household, eligibility, entitlement, compensation, policy, sha256, on,
                   refusal)


#: The figures of households settled lately, by (household as stored, rules' hash, date):
#: a turn asks for them at its offers and again at its confirmation (2 ms a household).
_FIGURES: dict[tuple[Household, str, date],
               tuple[Entitlement, Decimal, ValidationError | None]] = {}
_FIGURES_KEPT = 256


def _figures(household: Household, sha256: str, policy: Policy, on: date,
             ) -> tuple[Entitlement, Decimal, ValidationError | None]:
    """The household's entitlement and compensation (or its mode's refusal) under the rules
    of hash ``sha256`` on ``on``; kept while the same values come back, since they depend on
    nothing else. A refusal is not kept: it is an exception, raised afresh each time."""
    key = (household, sha256, on)
    found = _FIGURES.get(key)
    if found is not None:
        return found
    compensation, refusal = _compensation(household, policy, on)
    figures = (compute_entitlement(household, policy, on), compensation, refusal)
    if refusal is None:
        if len(_FIGURES) >= _FIGURES_KEPT:
            del _FIGURES[next(iter(_FIGURES))]
        _FIGURES[key] = figures
    return figures


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


def offers(session: Session, project_id: ProjectId, code: str,
           taken: Sequence[str] = ()) -> list[FlatOffer]:
    """The available flats household ``code`` may take, in stock order, each priced.

    The database narrows by band and group restriction; the rules then
    decide (the same :meth:`Eligibility.allows` that :func:`select_flat` uses).
    The band narrows by building area only where that is the area counted
    (:func:`allocation.rules.counted_area`); under the inner basis the rules
    alone judge it.

    ``taken`` are the flats the household has taken at the desk so far and not
    yet confirmed (一户多套, :attr:`Chooser.most_flats` above one): each offer is
    then the next flat, priced and settled together with them (the running
    total), and only the band's top bounds the total until the household is
    confirmed. None once it has taken as many as it may.
    """
    chooser = turn_eligibility(session, project_id, code)
    if taken:
        return _further_offers(session, project_id, chooser,
                               taken_flats(session, project_id, taken))
    band = chooser.band
    query = _restricted(select(FLATS).where(
        FLATS.c.project_id == project_id, FLATS.c.status == FlatStatus.AVAILABLE.value), chooser)
    several = chooser.most_flats > 1
    if chooser.policy.pricing.area_basis == "building":
        query = query.where(FLATS.c.area <= band.high)
        if not several:
            query = query.where(FLATS.c.area >= band.low)
    if chooser.refusal is not None:
        return []
    flats = sorted((flat_from_record(r) for r in session.execute(query)), key=stock_key)
    allowed = ((lambda f: fits(chooser, [f])) if several else chooser.eligibility.allows)
    found = (_offer(chooser, [], flat) for flat in flats if allowed(flat))
    return [offer for offer in found if offer is not None]


def _restricted(query: Select[Any], chooser: Chooser) -> Select[Any]:
    restriction = chooser.eligibility.restriction
    if restriction is not None:
        if restriction.floor_min is not None:
            query = query.where(FLATS.c.floor >= restriction.floor_min)
        if restriction.floor_max is not None:
            query = query.where(FLATS.c.floor <= restriction.floor_max)
        if restriction.buildings:
            query = query.where(FLATS.c.building.in_(restriction.buildings))
        if restriction.layouts:
            query = query.where(FLATS.c.layout.in_(restriction.layouts))
    return query


def _further_offers(session: Session, project_id: ProjectId, chooser: Chooser,
                    taken: list[Flat]) -> list[FlatOffer]:
    """The next flat for a household that has taken ``taken``, each priced with them."""
    if chooser.refusal is not None or len(taken) >= chooser.most_flats:
        return []
    query = _restricted(select(FLATS).where(
        FLATS.c.project_id == project_id,
        FLATS.c.status == FlatStatus.AVAILABLE.value), chooser)
    return further_offers_among(chooser, taken,
                                [flat_from_record(r) for r in session.execute(query)])


def further_offers_among(chooser: Chooser, taken: Sequence[Flat],
                         available: Collection[Flat]) -> list[FlatOffer]:
    """The next flats among ``available`` for a household that has taken ``taken``, in stock
    order, each priced with them: what :func:`offers` gives with ``taken`` when ``available``
    holds every available flat (or at least each that fits beside them)."""
    found = (_offer(chooser, taken, flat) for flat in further_flats(chooser, taken, available))
    return [offer for offer in found if offer is not None]


def further_flats(chooser: Chooser, taken: Sequence[Flat],
                  available: Collection[Flat]) -> list[Flat]:
    """The flats of :func:`further_offers_among`, in its order, unpriced where the household's
    mode allows: by area a further flat is refused only for the total area beyond the cap
    (:func:`allocation.rules.price_flats`), so only the chosen one need be priced (the
    rehearsal chooses among hundreds)."""
    if chooser.refusal is not None or len(taken) >= chooser.most_flats:
        return []
    restriction, pricing = chooser.eligibility.restriction, chooser.policy.pricing
    if not all(flat_allowed(restriction, flat) for flat in taken):
        return []
    # fits() of each [*taken, flat], with the taken flats' area added up once.
    keys, before, high = {flat.key for flat in taken}, total_area(chooser, taken), chooser.band.high
    by_area = chooser.mode is CompensationMode.AREA and pricing.beyond_cap_price is None
    cap = chooser.entitlement.max_area
    fitting = []
    for flat in available:
        area = before + counted_area(flat, pricing)
        if area <= high and flat_allowed(restriction, flat) and flat.key not in keys \
                and (not by_area or quantize_area(area) <= cap):
            fitting.append(flat)
    fitting.sort(key=stock_key)
    if chooser.mode is not CompensationMode.AREA:
        return [flat for flat in fitting if _offer(chooser, taken, flat) is not None]
    return fitting


def fits(chooser: Chooser, flats: Sequence[Flat]) -> bool:
    """Whether ``flats`` (so far) may be a household's: each in its group's restriction, not
    more than it may take, their total counted area not above the band (the band's low end
    is the confirmation's: :func:`band_refusal`)."""
    return (len(flats) <= chooser.most_flats
            and all(flat_allowed(chooser.eligibility.restriction, f) for f in flats)
            and total_area(chooser, flats) <= chooser.band.high)


def total_area(chooser: Chooser, flats: Sequence[Flat]) -> Decimal:
    return sum((counted_area(f, chooser.policy.pricing) for f in flats), ZERO)


def taken_flats(session: Session, project_id: ProjectId, keys: Sequence[str]) -> list[Flat]:
    """The flats of ``keys``, in that order, as stored now (status included)."""
    # Only the flats named, by their unique (building, unit, number): reading the whole
    # stock here, as once, made every further offer cost the project's size.
    named = [key.split(KEY_SEPARATOR, 2) for key in dict.fromkeys(keys)]
    named_rows = session.execute(select(FLATS).where(
        FLATS.c.project_id == project_id,
        or_(*(and_(FLATS.c.building == parts[0], FLATS.c.unit == parts[1],
                   FLATS.c.number == parts[2]) for parts in named if len(parts) == 3)),
    )) if any(len(parts) == 3 for parts in named) else ()
    rows = {flat.key: flat for flat in map(flat_from_record, named_rows)}
    missing = [key for key in keys if key not in rows]
    if missing:
        raise NotFoundError("flat_not_found", key=missing[0])
    return [rows[key] for key in keys]


def _offer(chooser: Chooser, taken: Sequence[Flat], flat: Flat) -> FlatOffer | None:
    """``flat`` after ``taken``, priced and settled in the household's mode, or None if the
    mode refuses it."""
    try:
        price, balance = settle_flats(chooser, [*taken, flat])
    except ValidationError as error:
        if error.code in FLAT_REFUSALS or (taken and error.code == "area_beyond_cap"):
            return None
        raise
    return FlatOffer(flat, price, balance.balance, chooser.entitlement.area)


def refusal(chooser: Chooser, taken: Sequence[Flat],
            flat: Flat) -> TraceStep | ValidationError | None:
    """Why the rules refuse ``flat`` after ``taken`` (as the trace words it), or None.

    Steps, the first that fails: the group's flat restriction; the number of
    flats (``price.too_many_flats``); the price in the household's mode (area
    beyond the cap: ``price.refused``; a value swap's refusals); the total
    against the band's top (``entitlement.band_check``; an only flat against
    the whole band). A refusal the
    trace has no words for (the household's mode takes no flat) is the error.
    """
    flats = [*taken, flat]
    restriction = chooser.eligibility.restriction
    if not flat_allowed(restriction, flat):
        return TraceStep("group.flat_restriction", {
            "flat": flat.key, "group": chooser.eligibility.group_name, "floor": flat.floor},
            False)
    if len(flats) > chooser.most_flats:
        return TraceStep("price.too_many_flats", {"count": len(flats),
                                                  "max_flats": chooser.most_flats}, False)
    area = total_area(chooser, flats)
    try:
        settle_flats(chooser, flats)
    except ValidationError as error:
        if error.code == "area_beyond_cap":
            return TraceStep("price.refused", {"area": area,
                                               "max_area": chooser.entitlement.max_area}, False)
        if error.code in FLAT_REFUSALS - {"flats_in_money_mode"}:
            return refusal_step(error)
        return error
    band = chooser.band
    if area > band.high or (chooser.most_flats == 1 and area < band.low):
        return TraceStep("entitlement.band_check", {"area": area, "low": band.low,
                                                    "high": band.high}, False)
    return None


def band_refusal(chooser: Chooser, flats: Sequence[Flat]) -> ValidationError | None:
    """The household's flats against its whole band, at confirmation (``flat_not_eligible``)."""
    area = total_area(chooser, flats)
    if all(flat_allowed(chooser.eligibility.restriction, f) for f in flats) \
            and chooser.band.contains(area):
        return None
    return ValidationError("flat_not_eligible", household=chooser.household.code,
                           flat="、".join(f.key for f in flats), area=str(area),
                           low=str(chooser.band.low), high=str(chooser.band.high))


def settle_flat(chooser: Chooser, flat: Flat) -> tuple[PriceBreakdown | ValueSwap, Settlement]:
    """:func:`settle_flats` of one flat."""
    return settle_flats(chooser, [flat])


def settle_flats(chooser: Chooser, flats: Sequence[Flat],
                 ) -> tuple[PriceBreakdown | ValueSwap, Settlement]:
    """What ``flats`` (in the order taken) cost the household in its mode, and the settlement
    against its compensation.

    Area mode prices by the entitlement computed once for the chooser (the
    same figures :func:`settle_household` gives, without recomputing the
    entitlement and the items for every flat); value and money mode are
    :func:`settle_household`'s.

    Raises:
        ValidationError: the chooser's ``refusal``; area mode's
            ``area_beyond_cap``; ``value_exhausted``,
            ``last_flat_share_too_small``, ``layout_taken_alone_only``,
            ``flats_in_money_mode``; ``too_many_flats`` beyond
            :attr:`Chooser.most_flats`.
    """
    if chooser.refusal is not None:
        raise chooser.refusal
    if len(flats) > chooser.most_flats:
        raise ValidationError("too_many_flats", household=chooser.household.code,
                              count=len(flats), max_flats=chooser.most_flats)
    if chooser.mode is CompensationMode.AREA:
        price = price_flats(chooser.household, flats, chooser.policy, chooser.held_on,
                            entitlement=chooser.entitlement)
        return price, settle(chooser.compensation, price.total)
    settled = settle_household(chooser.household, list(flats), chooser.policy,
                               chooser.held_on)
    assert settled.price is not None  # a money household's flat is refused above
    return settled.price, settled.settlement


def flat_shares(price: PriceBreakdown | ValueSwap, flats: Sequence[Flat],
                pricing: PricingRules) -> list[tuple[Decimal, Decimal]]:
    """Each flat's (counted area, price share) of the household's ``price``.

    A flat's share is the sum of its own lines; the lines of no flat (a
    refund, a single-flat bonus) go on the last flat. The shares add up to
    ``price.total`` to the fen, and an only flat's share is the whole price.
    """
    shares = [sum((line.amount for line in price.lines if line.flat == flat.key), ZERO)
              for flat in flats]
    shares[-1] += sum((line.amount for line in price.lines if line.flat is None), ZERO)
    return [(counted_area(flat, pricing), share) for flat, share in zip(flats, shares,
                                                                          strict=True)]


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
