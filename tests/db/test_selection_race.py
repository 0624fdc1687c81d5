"""Two workstations on one PostgreSQL database confirm the same flat at once: exactly one wins.

Each workstation is a separate process with its own engine, as two desk
computers would be. Both wait at a barrier, then confirm; the loser must be
told ``flat_already_selected`` and the database must hold one selection.
"""

from __future__ import annotations

import multiprocessing
from typing import Any

import pytest
from sqlalchemy import func, select

import db.selection.desk as selection
from db.records.tables import SelectionRecord
from db.store.engine import make_engine, make_session_factory
from tests.db.conftest import POSTGRES_URL, REQUIRE_POSTGRES, _empty_postgres
from tests.db.test_selection import ON, build_drawn_project

# The same switch as the fixtures' PostgreSQL variants: skipped without a server,
# except in CI (ANJU_REQUIRE_POSTGRES=1), where a missing server fails.
pytestmark = [pytest.mark.postgres,
              pytest.mark.skipif(not POSTGRES_URL and not REQUIRE_POSTGRES,
                                 reason="ANJU_TEST_POSTGRES_URL not set")]


def _desk(url: str, project_id: int, code: str, key: str, barrier: Any, results: Any) -> None:
    """One workstation: its own engine, confirm when both are ready, report what happened."""
    engine = make_engine(url)
    factory = make_session_factory(engine)
    try:
        barrier.wait(30)
        with factory.begin() as session:
            chosen = selection.select_flat(session, project_id=project_id, code=code,
                                           flat_key=key, operator="desk")
        results.put(("won", chosen.flat_key))
    except Exception as error:  # noqa: BLE001 - reported to the test, whatever it is
        results.put(("lost", getattr(error, "code", repr(error))))
    finally:
        engine.dispose()


def test_two_processes_confirm_one_flat_exactly_one_wins(postgres_engine):
    _empty_postgres(postgres_engine)
    factory = make_session_factory(postgres_engine)
    with factory.begin() as s:
        project_id = build_drawn_project(s)
        selection.open_session(s, project_id=project_id, operator="op", held_on=ON)
    with factory.begin() as s:
        turn = selection.call_next(s, project_id=project_id, operator="op")
        assert turn is not None
        key = selection.offers(s, project_id, turn.code)[0].flat.key
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    url = postgres_engine.url.render_as_string(hide_password=False)
    desks = [context.Process(target=_desk, args=(url, project_id, turn.code, key, barrier,
                                                 results), name=str(i)) for i in range(2)]
    for desk in desks:
        desk.start()
    outcomes = sorted(results.get(timeout=60) for _ in desks)
    for desk in desks:
        desk.join(30)
    assert outcomes == [("lost", "flat_already_selected"), ("won", key)]
    with factory() as s:
        count = s.scalar(select(func.count()).select_from(SelectionRecord))
        state = selection.session_state(s, project_id)
    assert count == 1 and state is not None and state.taken_flats == {key}
