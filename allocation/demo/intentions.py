"""The demo's intentions (选房意向摸底): what most households told their pair they want.

Bigger families want bigger layouts, as offices find: the first layout
follows the recognised members, a second choice is the next size up or
down; some name buildings or a floor range, a few large families want two
flats; about one household in seven has not said (unknown). These facts
came after the register and its casework, so they are drawn from a random
stream of their own: every other fact of the demo stays what it was.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from allocation.chances import Intention
from allocation.registry import Household

#: The seed of the intentions' own stream (the register's is DEMO_SEED).
INTENTIONS_SEED: Final = 20261207

#: Each household's chance of not having said what it wants (unknown).
UNKNOWN_SHARE: Final = 0.15

#: The demo stock's layouts, smallest first.
LAYOUTS: Final = ("1室1厅1卫", "2室1厅1卫", "2室2厅1卫", "3室2厅1卫", "3室2厅2卫")
BUILDINGS: Final = ("1", "2", "3", "4")

#: The survey ran over the autumn before the session.
SURVEY_START: Final = date(2026, 9, 1)
SURVEY_DAYS: Final = 60


@dataclass(frozen=True, slots=True)
class DemoIntention:
    code: str
    intention: Intention
    recorded_on: date
    recorded_by: str


def demo_intentions(households: Sequence[Household],
                    recorders: dict[str, str]) -> list[DemoIntention]:
    """The intentions of ``households`` (the demo register, in code order).

    Args:
        recorders: household code -> the staff member who asked (its first responsible).
    """
    rng = random.Random(INTENTIONS_SEED)
    found = []
    for household in households:
        if rng.random() < UNKNOWN_SHARE:
            continue
        found.append(DemoIntention(
            household.code, _intention(rng, household),
            SURVEY_START + timedelta(days=rng.randrange(SURVEY_DAYS)),
            recorders.get(household.code, "")))
    return found


def _intention(rng: random.Random, household: Household) -> Intention:
    size = min(max(household.recognised_count, 1), 5)  # 1 person: the smallest layout
    first = min(len(LAYOUTS) - 1, max(0, size - 1 + rng.choice((-1, 0, 0, 0, 1))))
    layouts = [LAYOUTS[first]]
    if rng.random() < 0.6:
        second = first + rng.choice((-1, 1))
        if 0 <= second < len(LAYOUTS):
            layouts.append(LAYOUTS[second])
    buildings = tuple(rng.sample(BUILDINGS, rng.randint(1, 2))) if rng.random() < 0.3 else ()
    floor_min = floor_max = None
    if rng.random() < 0.25:  # the elderly want low floors, others the middle
        floor_min, floor_max = (1, 3) if rng.random() < 0.5 else (4, 12)
    flats = 2 if size >= 5 and rng.random() < 0.3 else 1
    return Intention(tuple(layouts), buildings, floor_min, floor_max, flats)
