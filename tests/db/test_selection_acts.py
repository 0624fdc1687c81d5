"""Which desk acts the session allows (db.selection.allowed_acts), on states that the session
operations build on a real database, and that the database agrees with what is allowed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

import db.selection.desk as selection
from allocation.errors import AnjuError
from allocation.registry.model import ProjectId
from db.selection import Act, allowed_acts
from tests.db.test_selection import ON, PROXY_ID, build_drawn_project

A = Act
SERVING = {A.CALL, A.SKIP, A.PROXY, A.CONFIRM, A.DECLINE, A.PAUSE}
CHOSEN = {A.REVOKE, A.REPRINT}  # a selection was confirmed: it may be revoked or reprinted


def _open(factory: sessionmaker[Session], *, households: int, final_call: bool = True,
          ) -> ProjectId:
    """A drawn project with its session open; one call before a household is passed over."""
    with factory.begin() as s:
        project_id = build_drawn_project(s, households=households)
        selection.open_session(s, project_id=project_id, operator="op", held_on=ON,
                               settings=selection.SessionSettings(180, 1, final_call))
    return project_id


def _state(factory: sessionmaker[Session], project_id: ProjectId) -> selection.SessionState:
    with factory() as s:
        state = selection.session_state(s, project_id)
    assert state is not None
    return state


def _turn(factory: sessionmaker[Session], project_id: ProjectId, code: str) -> selection.Turn:
    with factory() as s:
        return next(t for t in selection.session_turns(s, project_id) if t.code == code)


def _revocable(state: selection.SessionState) -> bool:
    """As the desk decides it when no turn is picked: the latest selection, if active."""
    return state.last_selection is not None and state.last_selection.active


def acts(state: selection.SessionState | None, picked: selection.Turn | None = None, *,
         idle: bool = True) -> frozenset[Act]:
    revocable = state is not None and _revocable(state)
    return allowed_acts(state, idle=idle, picked=picked, revocable=revocable)


def _do(factory: sessionmaker[Session], fn: Callable[[Session], Any]) -> Any:
    with factory.begin() as s:
        return fn(s)


def _walk(factory: sessionmaker[Session], project_id: ProjectId,
          ) -> Iterator[tuple[str, selection.SessionState, selection.Turn | None]]:
    """Two households, through every phase of a session: (step, state, turn picked)."""
    pid, op = project_id, "op"
    yield "opened", _state(factory, pid), None
    first = _do(factory, lambda s: selection.call_next(s, project_id=pid, operator=op))
    yield "first at the desk", _state(factory, pid), None
    _do(factory, lambda s: selection.pause(s, project_id=pid, operator=op))
    yield "paused with the first at the desk", _state(factory, pid), None
    _do(factory, lambda s: selection.resume(s, project_id=pid, operator=op))
    _do(factory, lambda s: selection.skip(s, project_id=pid, code=first.code, operator=op))
    yield "first moved to the end", _state(factory, pid), None
    second = _do(factory, lambda s: selection.call_next(s, project_id=pid, operator=op))
    key = _do(factory, lambda s: selection.offers(s, pid, second.code)[0].flat.key)
    _do(factory, lambda s: selection.select_flat(s, project_id=pid, code=second.code,
                                                 flat_key=key, operator=op))
    yield "second chose a flat", _state(factory, pid), None
    _do(factory, lambda s: selection.call_next(s, project_id=pid, operator=op))
    _do(factory, lambda s: selection.skip(s, project_id=pid, code=first.code, operator=op))
    yield "first skipped, final call due", _state(factory, pid), None
    yield "the skipped one picked", _state(factory, pid), _turn(factory, pid, first.code)
    _do(factory, lambda s: selection.pause(s, project_id=pid, operator=op))
    yield "paused with the final call due", _state(factory, pid), None
    _do(factory, lambda s: selection.resume(s, project_id=pid, operator=op))
    _do(factory, lambda s: selection.start_final_call(s, project_id=pid, operator=op))
    yield "final call held", _state(factory, pid), None
    _do(factory, lambda s: selection.call_next(s, project_id=pid, operator=op))
    _do(factory, lambda s: selection.skip(s, project_id=pid, code=first.code, operator=op))
    yield "skipped again after the final call", _state(factory, pid), None
    _do(factory, lambda s: selection.close_session(s, project_id=pid, operator=op))
    yield "closed", _state(factory, pid), _turn(factory, pid, first.code)


EXPECTED = {
    "opened": {A.CALL, A.PAUSE},
    "first at the desk": SERVING,
    # Paused: nobody is called or served, but a proxy can still be written down.
    "paused with the first at the desk": {A.PAUSE, A.PROXY},
    "first moved to the end": {A.CALL, A.PAUSE},
    "second chose a flat": {A.CALL, A.PAUSE, *CHOSEN},
    # Nobody at the desk or waiting, someone skipped: the final call, not the close.
    "first skipped, final call due": {A.FINAL_CALL, A.PAUSE, *CHOSEN},
    "the skipped one picked": {A.FINAL_CALL, A.PAUSE, A.REQUEUE, *CHOSEN},
    "paused with the final call due": {A.PAUSE, *CHOSEN},
    "final call held": {A.CALL, A.PAUSE, *CHOSEN},
    "skipped again after the final call": {A.CLOSE, A.PAUSE, *CHOSEN},
    # Closed: a confirmed slip can still be printed again, nothing else (the turn picked
    # was skipped, now absent: not requeued).
    "closed": {A.REPRINT},
}


def test_without_a_session_only_opening_one_is_allowed(factory):
    with factory.begin() as s:
        project_id = build_drawn_project(s, households=2)
    with factory() as s:
        state = selection.session_state(s, project_id)
    assert state is None
    assert acts(state) == {A.OPEN}
    assert acts(state, idle=False) == set()


def test_each_phase_of_a_session_allows_its_acts(factory):
    """A worked session of two households: the acts allowed at each step, by name."""
    project_id = _open(factory, households=2)
    seen = {}
    for step, state, picked in _walk(factory, project_id):
        seen[step] = acts(state, picked)
    assert seen == EXPECTED


def test_nothing_is_allowed_while_an_act_is_under_way(factory):
    project_id = _open(factory, households=2)
    for step, state, picked in _walk(factory, project_id):
        assert acts(state, picked, idle=False) == set(), step


def test_a_closed_session_without_a_selection_allows_nothing(factory):
    project_id = _open(factory, households=1, final_call=False)
    code = _do(factory, lambda s: selection.call_next(s, project_id=project_id,
                                                      operator="op")).code
    _do(factory, lambda s: selection.decline(s, project_id=project_id, code=code,
                                             reason="本户放弃", operator="op"))
    assert acts(_state(factory, project_id)) == {A.CLOSE, A.PAUSE}
    _do(factory, lambda s: selection.close_session(s, project_id=project_id, operator="op"))
    state = _state(factory, project_id)
    assert state.info.status == "closed"
    assert acts(state, _turn(factory, project_id, code)) == set()


@pytest.mark.parametrize(("final_call", "ending"), [(True, A.FINAL_CALL), (False, A.CLOSE)])
def test_the_final_call_is_offered_only_when_the_session_asks_for_one(factory, final_call,
                                                                       ending):
    """One household passed over twice (moved to the end, then skipped), nobody waiting."""
    project_id = _open(factory, households=1, final_call=final_call)
    for _ in range(2):
        code = _do(factory, lambda s: selection.call_next(s, project_id=project_id,
                                                          operator="op")).code
        _do(factory, lambda s, c=code: selection.skip(s, project_id=project_id, code=c,
                                                      operator="op"))
    state = _state(factory, project_id)
    assert state.turns_by_state == {"skipped": 1} and not state.upcoming
    assert acts(state) == {ending, A.PAUSE}


# --- the desk offers what the database does, and nothing it refuses -----------------------


def _at(state: selection.SessionState) -> str | None:
    return None if state.at_desk is None else state.at_desk.turn.code


def _tries(s: Session, pid: ProjectId, state: selection.SessionState,
           picked: selection.Turn | None) -> dict[Act, Callable[[], Any] | None]:
    """Each act as the desk would do it; None where it has nothing to act on."""
    op, code = "op", _at(state)
    last = state.last_selection if _revocable(state) else None
    offers = selection.offers(s, pid, code) if code is not None else []
    pause = selection.resume if state.info.status == "paused" else selection.pause
    def when(ready: object, act: Callable[[], Any]) -> Callable[[], Any] | None:
        return act if ready else None

    return {
        A.CALL: (lambda: selection.call(s, project_id=pid, code=code, operator=op))
        if code else (lambda: selection.call_next(s, project_id=pid, operator=op)),
        A.SKIP: when(code, lambda: selection.skip(s, project_id=pid, code=code, operator=op)),
        A.PROXY: when(code, lambda: selection.set_proxy(
            s, project_id=pid, code=code, name="王代理", id_number=PROXY_ID, operator=op)),
        A.CONFIRM: when(code and offers, lambda: selection.select_flat(
            s, project_id=pid, code=code, flat_key=offers[0].flat.key, operator=op)),
        A.DECLINE: when(code, lambda: selection.decline(
            s, project_id=pid, code=code, reason="本户放弃", operator=op)),
        A.PAUSE: lambda: pause(s, project_id=pid, operator=op),
        A.REQUEUE: when(picked, lambda: selection.requeue(
            s, project_id=pid, code=picked.code, operator=op)),
        A.REVOKE: when(last, lambda: selection.revoke(
            s, project_id=pid, code=last.code, reason="点错房源", supervisor="sup")),
        A.FINAL_CALL: lambda: selection.start_final_call(s, project_id=pid, operator=op),
        A.CLOSE: lambda: selection.close_session(s, project_id=pid, operator=op),
    }


def _succeeds(factory: sessionmaker[Session], pid: ProjectId, state: selection.SessionState,
              picked: selection.Turn | None, act: Act) -> bool:
    """Whether the database does ``act`` now (tried, then rolled back)."""
    with factory() as s:
        try:
            attempt = _tries(s, pid, state, picked)[act]
            return attempt is not None and attempt() is not None
        except AnjuError:
            return False
        finally:
            s.rollback()


def test_the_database_does_exactly_the_acts_allowed(factory):
    """At every step of the worked session, an act the desk offers succeeds, and one it
    withholds is refused (opening and reprinting are not session writes: not tried)."""
    project_id = _open(factory, households=2)
    tried = set(Act) - {A.OPEN, A.REPRINT}
    for step, state, picked in _walk(factory, project_id):
        done = {act for act in tried if _succeeds(factory, project_id, state, picked, act)}
        assert done == acts(state, picked) & tried, step
