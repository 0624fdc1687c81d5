"""Each household's chances, fed from what the database stores: the draw, the rules, the flats.

:func:`draw_chances` reads the counting draw's final order and its record's
hash (the seed), each household's group as the pool published it (as the
desk does: :func:`db.selection.offers.published_eligibility`), the frozen
rules, the housing stock as it stood before the session (:func:`stock_before_session`)
and the stored intentions (选房意向, recorded through db.casework), and hands them to
:func:`allocation.chances.compute_chances`. The figures are the same before and
throughout the session (the notices, the sheets and the desk agree), and a run
already made in this process is looked up rather than replayed again
(:data:`_MEMO`): 10,000 households take some 25 s, and the desk asks for them.
:func:`project_supply_demand` reads the same facts, before the draw too, for
:func:`allocation.chances.supply_and_demand`.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from allocation.chances import (
    Chances,
    Intention,
    SupplyDemand,
    chances_seed,
    compute_chances,
    stored_intention,
    supply_and_demand,
)
from allocation.errors import NotFoundError, ValidationError
from allocation.lottery import Eligibility
from allocation.registry import CompensationMode, Flat, FlatStatus, ProjectId
from allocation.rules import assign_group
from db.lottery import counting_draw, current_pool
from db.records import HouseholdRecord, IntentionRecord
from db.registry import load_flats, load_households
from db.rules import frozen_policy
from db.selection.lifecycle import find_session
from db.selection.offers import published_eligibility
from db.selection.state import selection_results

#: Replays when the caller names none: 2,000 keeps the estimate within about ±0.03 of the
#: exact chance (three standard deviations at worst, p = 1/2) in a few seconds for 200 households.
DEFAULT_REPLAYS: Final = 2_000


def draw_chances(session: Session, project_id: ProjectId, *,
                 intentions: Mapping[str, Intention] | None = None,
                 replays: int = DEFAULT_REPLAYS, on: date | None = None) -> Chances:
    """The chances of every household of the counting draw's final order.

    The rules are judged on ``on``: by default the session's date if a
    session is open (the desk's date), else today. The stock is the one
    before the session (:func:`stock_before_session`): the figures are an
    estimate made from the drawn order, and the flats taken since change
    them no more than the order does; what is left *now* is the desk's.

    Intentions are the stored ones unless ``intentions`` is given.

    Raises:
        NotFoundError: ``draw_not_found``, ``policy_not_frozen``.
        ValidationError: ``order_unknown_household`` (deleted since the pool was
            published), and as :func:`allocation.chances.compute_chances`.
    """
    draw, pool = counting_draw(session, project_id), current_pool(session, project_id)
    if draw is None or pool is None or draw.record_sha256 is None:
        raise NotFoundError("draw_not_found", project=project_id)
    if on is None:
        held = find_session(session, project_id)
        on = held.held_on if held is not None else date.today()
    policy = frozen_policy(session, project_id).policy
    households = {h.code: h for h in load_households(session, project_id)}
    entries = {entry.code: entry for entry in pool.entries}
    order = draw.final_order
    for place, code in enumerate(order, start=1):
        if code not in households:  # deleted after the pool was published
            raise ValidationError("order_unknown_household", code=code, place=place)
    eligibility = {code: published_eligibility(households[code], policy, on,
                                               entries[code].group_rank,
                                               entries[code].group or "")
                   for code in order}
    flats = stock_before_session(session, project_id)
    if intentions is None:
        intentions = stored_intentions(session, project_id)
    return _memoised(order, eligibility, flats, intentions, replays,
                     chances_seed(draw.record_sha256))


def stock_before_session(session: Session, project_id: ProjectId) -> list[Flat]:
    """The flats as they stood before the session: the available ones and those taken by
    an active (not revoked) selection, which were available when the session began."""
    taken = {s.flat_key for s in selection_results(session, project_id, active_only=True)}
    flats = []
    for stored in load_flats(session, project_id):
        flat = stored.flat
        if flat.key in taken and flat.status is FlatStatus.SELECTED:
            flat = replace(flat, status=FlatStatus.AVAILABLE)
        flats.append(flat)
    return flats


#: The latest runs in this process by their inputs' digest: the same inputs give the same
#: figures (compute_chances is a function of them), so a run is never stale, only reused.
_MEMO: OrderedDict[str, Chances] = OrderedDict()
_MEMO_SIZE: Final = 4


def _memoised(order: Sequence[str], eligibility: Mapping[str, Eligibility], flats: list[Flat],
              intentions: Mapping[str, Intention], replays: int, seed: str) -> Chances:
    known = {code: intentions[code] for code in order if code in intentions}
    digest = hashlib.sha256(repr((list(order), [eligibility[c] for c in order], flats,
                                  sorted(known.items()), replays, seed)).encode()).hexdigest()
    found = _MEMO.get(digest)
    if found is None:
        found = compute_chances(order, eligibility, flats, known, replays=replays, seed=seed)
        _MEMO[digest] = found
        while len(_MEMO) > _MEMO_SIZE:
            _MEMO.popitem(last=False)
    _MEMO.move_to_end(digest)
    return found


def stored_intentions(session: Session, project_id: ProjectId) -> dict[str, Intention]:
    """household code -> its stored intention; a household without one is not in it (unknown)."""
    query = (select(HouseholdRecord.code, IntentionRecord)
             .join(IntentionRecord, IntentionRecord.household_id == HouseholdRecord.id)
             .where(HouseholdRecord.project_id == project_id))
    return {code: stored_intention(r.layouts, r.buildings, r.floor_min, r.floor_max, r.flats)
            for code, r in session.execute(query)}


def project_supply_demand(session: Session, project_id: ProjectId, *,
                          on: date | None = None) -> SupplyDemand:
    """Supply against demand of a project, under its frozen rules, on ``on`` (default today).

    The households are the published pool's, each in the group it was
    published in; before the pool, every household taking a flat (not money
    compensation) in the group the rules give it on ``on``.

    Raises:
        NotFoundError: ``policy_not_frozen``.
    """
    on = on or date.today()
    policy = frozen_policy(session, project_id).policy
    households = load_households(session, project_id)
    pool = current_pool(session, project_id)
    eligibility: dict[str, Eligibility] = {}
    if pool is not None:
        by_code = {h.code: h for h in households}
        for entry in pool.entries:
            if entry.code in by_code:
                eligibility[entry.code] = published_eligibility(
                    by_code[entry.code], policy, on, entry.group_rank, entry.group or "")
    else:
        for household in households:
            if household.compensation_mode is not CompensationMode.MONEY:
                group = assign_group(household, policy, on)
                eligibility[household.code] = published_eligibility(
                    household, policy, on, group.rank, group.name)
    flats = [stored.flat for stored in load_flats(session, project_id)]
    return supply_and_demand(list(eligibility), eligibility, flats,
                             stored_intentions(session, project_id))
