"""Rehearsal (演练): a whole selection session run headless through the desk's own operations.

For training, for the demo, and to test the session end to end: households
are called in order, some are absent, the others choose at random among the
flats they may take. Unlike the other db/ modules this one commits: a
session is a sequence of transactions, one per household's turn, exactly as
at the desk, so killing a rehearsal at any moment loses at most the turn in
progress and running it again resumes where it stopped.

Randomness is ``random.Random`` seeded per household and round from the
given seed (a rehearsal is not a draw), so a resumed rehearsal makes the
same choices as one that was never interrupted.

Where the rules let a household take several flats (一户多套), about half of
the households (``SECOND_FLAT_SHARE``) take a second flat after the first
when one fits beside it, and confirm both at once, as at the desk. Under
rules of one flat a household the choices, and so a demo's figures, are the
ones they always were: the extra draw is made only where a second flat may
be taken.
"""

from __future__ import annotations

import bisect
import random
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from allocation.errors import ConflictError
from allocation.lottery import Eligibility
from allocation.registry import Flat, FlatStatus, ProjectId
from allocation.rules import AreaBand, counted_area
from db.registry import load_flats, load_households, require_project
from db.rules import frozen_policy
from db.selection import desk as selection
from db.selection.base import (
    ABSENT,
    CALLED,
    CLOSED,
    DECLINED,
    FIRST_ROUND,
    PAUSED,
    SELECTED,
)
from db.selection.offers import desk_most_flats, further_flats, published_eligibility
from db.selection.rows import one_append

#: The reason recorded when a present household finds no flat it may take.
NO_FLAT_LEFT = "no_eligible_flat_left"
#: The share of households that take a second flat where the rules allow several.
SECOND_FLAT_SHARE = 0.5
#: Random picks tried in the band before listing every candidate of it.
_TRIES = 32

Progress = Callable[[int, int], object]


@dataclass(frozen=True, slots=True)
class RehearsalResult:
    """How the session stands after this run; ``turns`` were played by this run."""

    resumed: bool
    turns: int
    households: int
    selected: int
    declined: int
    absent: int
    closed: bool


def rehearse(factory: sessionmaker[Session], project_id: ProjectId, *, seed: int = 0,
             absent_rate: float = 0.0, operator: str = "rehearsal", pause_ms: int = 0,
             held_on: date | None = None, settings: selection.SessionSettings | None = None,
             rehearsal_only: bool = True, progress: Progress | None = None,
             absent_first: Collection[str] = ()) -> RehearsalResult:
    """Run (or resume) the project's session to its close.

    Steps:
        1. refuse a project not marked as a rehearsal (unless
           ``rehearsal_only`` is false: the demo's data is invented too);
        2. open the session, or resume the one that exists (unpausing it);
        3. one transaction per turn: call the next household (or take the
           one at the desk after a crash); absent with probability
           ``absent_rate`` (not answering each call, so it is moved to the
           end, later skipped), and so is every household of ``absent_first``
           at its first place (it comes when called again: a household the
           rules carry to another batch); else it chooses at random among the
           available flats it may take, or declines when there is none;
        4. when the queue is empty: the final call if the settings ask for
           it and someone was skipped, then the close.

    The desk calls batch by batch where a plan is stored (the queue is ordered
    by batch, db.selection.lifecycle), and moves an absent household as the
    rules' ``session.absent`` says (db.selection.desk.skip); the rehearsal
    only answers the calls. Every act is dated by the clock, not the batch's
    day: :func:`db.selection.batch_figures.batch_figures` gives the figures by
    batch.

    Raises:
        ConflictError: ``not_a_rehearsal_project``; the errors of
            :func:`db.selection.open_session`.
    """
    resumed, closed = _start(factory, project_id, operator, held_on, settings, rehearsal_only)
    if closed:
        return _result(factory, project_id, resumed, 0)
    stock = _Stock(factory, project_id)
    desk = _Desk(project_id, operator, seed, absent_rate, frozenset(absent_first))
    turns = 0
    while True:
        try:
            with factory.begin() as session, one_append(session):
                taken, more = desk.play_turn(session, stock)
        except ConflictError as error:
            if error.code not in ("flat_already_selected", "flat_not_available"):
                raise
            # Another desk was faster, or the flat was withdrawn (all rolled back): look
            # at the stock and the desk again.
            stock, desk.first = _Stock(factory, project_id), True
            continue
        for key in taken:
            stock.take(key)
        if not more:
            break
        turns += 1
        if progress is not None:
            progress(turns, len(stock.turns))
        if pause_ms:
            time.sleep(pause_ms / 1000)
    return _result(factory, project_id, resumed, turns)


def _start(factory: sessionmaker[Session], project_id: ProjectId, operator: str,
           held_on: date | None, settings: selection.SessionSettings | None,
           rehearsal_only: bool) -> tuple[bool, bool]:
    """Open or resume the session; returns (resumed, already closed)."""
    with factory.begin() as session:
        project = require_project(session, project_id)
        if rehearsal_only and not project.rehearsal:
            raise ConflictError("not_a_rehearsal_project", project=project.name)
        found = selection.find_session(session, project_id)
        if found is None:
            selection.open_session(session, project_id=project_id, operator=operator,
                                   settings=settings, held_on=held_on)
        elif found.status == PAUSED:
            selection.resume(session, project_id=project_id, operator=operator)
        return found is not None, found is not None and found.status == CLOSED


class _Desk:
    """Plays the turns, one per transaction, as an operator at the desk would."""

    def __init__(self, project_id: ProjectId, operator: str, seed: int,
                 absent_rate: float, absent_first: frozenset[str]) -> None:
        self.project_id, self.operator = project_id, operator
        self.seed, self.absent_rate, self.absent_first = seed, absent_rate, absent_first
        self.first = True  # only the first turn after a start can find someone at the desk
        self.last_beat = 0.0

    def play_turn(self, session: Session, stock: _Stock) -> tuple[list[str], bool]:
        """One household's turn; returns (the flats it took, whether the session goes on)."""
        pid, operator = self.project_id, self.operator
        self._heartbeat(session)
        turn = selection.current_turn(session, pid) if self.first else None
        self.first = False
        turn = turn or selection.call_next(session, project_id=pid, operator=operator)
        if turn is None:
            return [], _finish(session, pid, operator)
        rng = random.Random(f"{self.seed}:{turn.code}:{turn.call_round}")
        # The roll is drawn whoever is absent, so the choices after it stay the same.
        roll = rng.random()
        if roll < self.absent_rate or (turn.call_round == FIRST_ROUND
                                       and turn.code in self.absent_first):
            while turn.state == CALLED:
                turn = selection.skip(session, project_id=pid, code=turn.code,
                                      operator=operator)
            return [], True
        flat = stock.pick(stock.eligibility(turn.code), rng)
        if flat is None:
            selection.decline(session, project_id=pid, code=turn.code, reason=NO_FLAT_LEFT,
                              operator=operator)
            return [], True
        keys = [flat.key]
        if stock.most_flats > 1 and rng.random() < SECOND_FLAT_SHARE:
            # What the desk would offer next: priced with the first, within the band's top.
            # From the rehearsal's own stock: the desk's offers would read and price
            # every available flat of the project for each such household.
            chooser = selection.turn_eligibility(session, pid, turn.code)
            further = (further_flats(chooser, [flat], stock.beside(flat, chooser.band))
                       if chooser.most_flats > 1 else [])
            if further:
                keys.append(rng.choice(further).key)
        selection.select_flats(session, project_id=pid, code=turn.code, flat_keys=keys,
                               operator=operator)
        return keys, True

    def _heartbeat(self, session: Session) -> None:
        # Once a second is plenty for a display that calls the desk away after 15.
        if time.monotonic() - self.last_beat >= 1.0:
            selection.heartbeat(session, project_id=self.project_id)
            self.last_beat = time.monotonic()


def _finish(session: Session, project_id: ProjectId, operator: str) -> bool:
    """Hold the final call if it is due (the session goes on), else close it."""
    try:
        selection.close_session(session, project_id=project_id, operator=operator)
    except ConflictError as error:
        if error.code != "final_call_pending":
            raise
        selection.start_final_call(session, project_id=project_id, operator=operator)
        return True
    return False


def _result(factory: sessionmaker[Session], project_id: ProjectId, resumed: bool,
            turns: int) -> RehearsalResult:
    with factory() as session:
        state = selection.session_state(session, project_id)
    assert state is not None  # opened by _start
    counts = state.turns_by_state
    return RehearsalResult(resumed, turns, state.households, counts.get(SELECTED, 0),
                           counts.get(DECLINED, 0), counts.get(ABSENT, 0),
                           state.info.status == CLOSED)


class _Stock:
    """The available flats sorted by area (a household's band is a slice), and who may take what.

    Only a rehearsal's shortcut for choosing like a person would; the
    choice is then confirmed by :func:`db.selection.select_flat`, which
    checks everything again against the database.
    """

    def __init__(self, factory: sessionmaker[Session], project_id: ProjectId) -> None:
        with factory() as session:
            flats = [s.flat for s in load_flats(session, project_id)]
            self.turns = {t.code: t for t in selection.session_turns(session, project_id)}
            self.households = {h.code: h for h in load_households(session, project_id)}
            self.policy = frozen_policy(session, project_id).policy
            self.most_flats = desk_most_flats(self.policy)
            found = selection.find_session(session, project_id)
            assert found is not None  # opened by _start
            self.held_on = found.held_on
        # By the area the band is judged by (the counted area: building or inner).
        counted = {f.key: counted_area(f, self.policy.pricing) for f in flats}
        self.flats = sorted(flats, key=lambda f: (counted[f.key], f.key))
        self.areas = [counted[f.key] for f in self.flats]
        self.keys = [f.key for f in self.flats]
        self.available = {f.key for f in flats if f.status is FlatStatus.AVAILABLE}

    def take(self, key: str) -> None:
        self.available.discard(key)

    def eligibility(self, code: str) -> Eligibility:
        turn = self.turns[code]
        return published_eligibility(self.households[code], self.policy, self.held_on,
                                     turn.group_rank, turn.group_name)

    def pick(self, eligibility: Eligibility, rng: random.Random) -> Flat | None:
        """A uniformly random available flat ``eligibility`` allows, or None.

        Random probes of the band first (cheap while flats are plenty), then
        the whole band, so the choice stays uniform over the candidates.
        """
        band = eligibility.band
        low = bisect.bisect_left(self.areas, band.low)
        high = bisect.bisect_right(self.areas, band.high)
        if low >= high:
            return None
        for _ in range(_TRIES):
            flat = self.flats[rng.randrange(low, high)]
            if self._fits(eligibility, flat):
                return flat
        candidates = [f for f in self.flats[low:high] if self._fits(eligibility, f)]
        return rng.choice(candidates) if candidates else None

    def beside(self, flat: Flat, band: AreaBand) -> list[Flat]:
        """The available flats whose counted area leaves them and ``flat`` within the band's
        top: the only ones a second flat can be (:func:`db.selection.offers.fits`). ``flat``
        is among them, not yet taken: :func:`db.selection.offers.further_flats` leaves it out."""
        room = band.high - counted_area(flat, self.policy.pricing)
        high = bisect.bisect_right(self.areas, room)
        keys, available = self.keys, self.available
        return [self.flats[i] for i in range(high) if keys[i] in available]

    def _fits(self, eligibility: Eligibility, flat: Flat) -> bool:
        return flat.key in self.available and eligibility.allows(flat)
