"""Each household's chances, fed from what the database stores: the draw, the rules, the flats.

:func:`draw_chances` reads the counting draw's final order and its record's
hash (the seed), each household's group as the pool published it (as the
desk does: :func:`db.selection.offers.published_eligibility`), the frozen
rules and the housing stock, and hands them to
:func:`allocation.chances.compute_chances`. Intentions are the caller's:
storing them is not this module's business.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Final

from sqlalchemy.orm import Session

from allocation.chances import Chances, Intention, chances_seed, compute_chances
from allocation.errors import NotFoundError, ValidationError
from allocation.registry import ProjectId
from db.lottery import counting_draw, current_pool
from db.registry import load_flats, load_households
from db.rules import frozen_policy
from db.selection.lifecycle import find_session
from db.selection.offers import published_eligibility

#: Replays when the caller names none: 2,000 keeps the estimate within about ±0.03 of the
#: exact chance (three standard deviations at worst, p = 1/2) in a few seconds for 200 households.
DEFAULT_REPLAYS: Final = 2_000


def draw_chances(session: Session, project_id: ProjectId, *,
                 intentions: Mapping[str, Intention] | None = None,
                 replays: int = DEFAULT_REPLAYS, on: date | None = None) -> Chances:
    """The chances of every household of the counting draw's final order.

    The rules are judged on ``on``: by default the session's date if a
    session is open (the desk's date), else today. Flats already taken are
    not available, so after some turns the figures are those of the stock
    left, from the draw's whole order.

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
    flats = [stored.flat for stored in load_flats(session, project_id)]
    return compute_chances(order, eligibility, flats, intentions or {}, replays=replays,
                           seed=chances_seed(draw.record_sha256))
