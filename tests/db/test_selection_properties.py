"""Whatever the desk presses, in whatever order, the session's invariants hold.

Hypothesis draws sequences of desk operations (some refused, which is
fine) over a small drawn project; after each one no flat is chosen twice,
flat status matches the active selections, at most one household is at the
desk, and at the end the audit log replays to exactly the data.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

import db.selection.desk as selection
from allocation.errors import AnjuError
from db.records.tables import FlatRecord, SelectionRecord
from db.store.engine import make_engine, make_session_factory, open_database
from tests.db.test_selection import ON, PROXY_ID, build_drawn_project, check_invariants

# Weighted by repetition: a desk mostly calls, skips and confirms.
OPERATIONS = ("call_next",) * 3 + ("skip",) * 3 + ("select",) * 4 + (
    "call", "call", "decline", "revoke", "revoke", "proxy", "pause", "resume", "resume",
    "requeue", "final_call", "close")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A drawn project of 8 households with its session open, copied for each example."""
    path = tmp_path_factory.mktemp("selection") / "template.sqlite3"
    engine, factory = open_database(f"sqlite:///{path}")
    with factory.begin() as s:
        project_id = build_drawn_project(s, households=8)
        selection.open_session(s, project_id=project_id, operator="op", held_on=ON,
                               settings=selection.SessionSettings(calls_before_move=2))
    engine.dispose()
    return path, project_id


def _act(s: Session, project_id: int, name: str, pick: int) -> None:
    """One desk operation on the pick-th household (or flat) it could apply to."""
    turns = selection.session_turns(s, project_id)
    code = turns[pick % len(turns)].code
    current = selection.current_turn(s, project_id)
    target = current.code if current is not None and pick % 3 else code
    chosen = [t.code for t in turns if t.state == "selected"] or [code]
    skipped = [t.code for t in turns if t.state == "skipped"] or [code]
    acts: dict[str, Callable[[], Any]] = {
        "call_next": lambda: selection.call_next(s, project_id=project_id, operator="op"),
        "call": lambda: selection.call(s, project_id=project_id, code=target, operator="op"),
        "skip": lambda: selection.skip(s, project_id=project_id, code=target, operator="op"),
        "select": lambda: _select(s, project_id, target, pick),
        "decline": lambda: selection.decline(s, project_id=project_id, code=target,
                                             reason="无合适房源", operator="op"),
        "revoke": lambda: selection.revoke(s, project_id=project_id,
                                           code=chosen[pick % len(chosen)], reason="更正",
                                           supervisor="sup"),
        "proxy": lambda: selection.set_proxy(s, project_id=project_id, code=code,
                                             name="代理人", id_number=PROXY_ID, operator="op"),
        "pause": lambda: selection.pause(s, project_id=project_id, operator="op"),
        "resume": lambda: selection.resume(s, project_id=project_id, operator="op"),
        "requeue": lambda: selection.requeue(s, project_id=project_id,
                                             code=skipped[pick % len(skipped)], operator="op"),
        "final_call": lambda: selection.start_final_call(s, project_id=project_id,
                                                         operator="op"),
        "close": lambda: selection.close_session(s, project_id=project_id, operator="op"),
    }
    acts[name]()


def _select(s: Session, project_id: int, code: str, pick: int) -> None:
    """Any flat at all, often one the household may not take: refusals are part of it."""
    keys = [f.key for f in selection.flat_grid(s, project_id)]
    offered = [o.flat.key for o in selection.offers(s, project_id, code)] if pick % 2 else []
    key = (offered or keys)[pick % len(offered or keys)]
    selection.select_flat(s, project_id=project_id, code=code, flat_key=key, operator="op")


def _cheap_invariants(s: Session, project_id: int) -> None:
    active = s.scalars(select(SelectionRecord.flat_id).where(
        SelectionRecord.project_id == project_id, SelectionRecord.revoked_at.is_(None))).all()
    assert len(active) == len(set(active))
    selected = s.scalars(select(FlatRecord.id).where(FlatRecord.project_id == project_id,
                                                     FlatRecord.status == "selected")).all()
    assert set(selected) == set(active)
    assert sum(t.state == "called" for t in selection.session_turns(s, project_id)) <= 1


# 25 random desk sessions of up to 40 acts each.
@pytest.mark.slow
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 200)),
                      min_size=1, max_size=40))
def test_random_desk_operations_keep_the_invariants(template, tmp_path, steps):
    path, project_id = template
    copy = tmp_path / "example.sqlite3"
    shutil.copy(path, copy)
    engine = make_engine(f"sqlite:///{copy}")
    factory = make_session_factory(engine)
    try:
        for name, pick in steps:
            try:
                with factory.begin() as s:
                    _act(s, project_id, name, pick)
            except AnjuError:
                pass  # refused, and rolled back: the invariants must still hold
            with factory() as s:
                _cheap_invariants(s, project_id)
        with factory() as s:
            check_invariants(s, project_id)
    finally:
        engine.dispose()
        copy.unlink()
