"""The rehearsal engine: a whole session headless, resumable, and the same choices every time."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

import db.selection.desk as selection
from allocation.errors import ConflictError
from db.records.tables import FlatRecord
from db.selection.rehearsal import rehearse
from db.store.engine import open_database
from tests.db.test_selection import ON, build_drawn_project, check_invariants


class Interrupted(Exception):
    """Stands for a crash between two committed turns."""


def _choices(factory, project_id) -> dict[str, str]:
    with factory() as s:
        return {c.code: c.flat_key for c in selection.selection_results(s, project_id)
                if c.active}


def test_a_rehearsal_runs_the_session_to_its_close(factory):
    with factory.begin() as s:
        project_id = build_drawn_project(s, households=20)
    result = rehearse(factory, project_id, seed=3, absent_rate=0.6, held_on=ON)
    assert result.closed and not result.resumed and result.households == 20
    assert result.selected + result.declined + result.absent == 20
    assert result.absent > 0 and result.turns > 20  # absent three rounds: 0.6³ each
    with factory() as s:
        check_invariants(s, project_id)
        turns = selection.session_turns(s, project_id)
        selected = s.scalars(select(FlatRecord.status)
                             .where(FlatRecord.project_id == project_id,
                                    FlatRecord.status == "selected")).all()
    assert {t.state for t in turns} <= {"selected", "declined", "absent"}
    assert result.selected == len(_choices(factory, project_id))  # households that chose
    with factory() as s:  # a flat row taken for every active choice, of one flat or two
        rows = [c for c in selection.selection_results(s, project_id) if c.active]
    assert len(selected) == len(rows) >= result.selected
    again = rehearse(factory, project_id, seed=3, absent_rate=0.6)
    assert again.resumed and again.turns == 0 and again.closed


def test_an_interrupted_rehearsal_resumes_with_the_same_choices(tmp_path: Path):
    """Seeded per household and round: a crash and a restart change nothing in the result."""
    made = []
    for name in ("whole", "interrupted"):
        _engine, factory = open_database(f"sqlite:///{tmp_path / name}.sqlite3")
        with factory.begin() as s:
            made.append((factory, build_drawn_project(s, households=16)))
    (whole, project_id), (interrupted, same_id) = made
    assert project_id == same_id
    rehearse(whole, project_id, seed=11, absent_rate=0.25, held_on=ON)

    def crash(done: int, total: int) -> None:
        if done == 6:
            raise Interrupted

    with pytest.raises(Interrupted):
        rehearse(interrupted, project_id, seed=11, absent_rate=0.25, held_on=ON,
                 progress=crash)
    with interrupted() as s:
        assert selection.find_session(s, project_id).status == "open"
    resumed = rehearse(interrupted, project_id, seed=11, absent_rate=0.25)
    assert resumed.resumed and resumed.closed
    assert _choices(interrupted, project_id) == _choices(whole, project_id)
    with interrupted() as s:
        check_invariants(s, project_id)


def test_a_rehearsal_takes_over_the_household_at_the_desk(factory):
    with factory.begin() as s:
        project_id = build_drawn_project(s, households=6)
        selection.open_session(s, project_id=project_id, operator="desk", held_on=ON)
    with factory.begin() as s:
        called = selection.call_next(s, project_id=project_id, operator="desk")
        selection.pause(s, project_id=project_id, operator="desk")
    assert called is not None
    result = rehearse(factory, project_id, seed=1)
    assert result.resumed and result.closed and result.selected == 6
    assert called.code in _choices(factory, project_id)


def test_only_rehearsal_projects_are_rehearsed(factory):
    with factory.begin() as s:
        project_id = build_drawn_project(s, households=4, rehearsal=False)
    with pytest.raises(ConflictError) as refused:
        rehearse(factory, project_id)
    assert refused.value.code == "not_a_rehearsal_project"
    assert refused.value.params == {"project": "选房测试"}
    assert rehearse(factory, project_id, rehearsal_only=False).selected == 4


def test_every_household_is_done_exactly_once_with_many_absent(factory):
    """Absent households go to the end, are skipped, get the final call, end absent."""
    with factory.begin() as s:
        project_id = build_drawn_project(s, households=10)
    result = rehearse(factory, project_id, seed=5, absent_rate=0.9, held_on=ON)
    assert result.absent >= 5 and result.selected + result.absent == 10
    with factory() as s:
        check_invariants(s, project_id)
        rounds = {t.code: t.call_round for t in selection.session_turns(s, project_id)
                  if t.state == "absent"}
    assert set(rounds.values()) == {3}  # every absent one was called in the final round


def test_a_rehearsal_under_rules_of_two_flats_takes_some_second_flats(factory):
    """Rules allowing two flats a household: some households take two, confirmed together,
    each pair within the household's band; the invariants hold (no flat twice, flats 1…n)."""
    from tests.db.test_several_flats import two_flat_policy

    with factory.begin() as s:
        project_id = build_drawn_project(s, households=30, policy=two_flat_policy())
    result = rehearse(factory, project_id, seed=5, held_on=ON)
    assert result.closed
    with factory() as s:
        check_invariants(s, project_id)
        made = selection.selection_results(s, project_id, active_only=True)
    by_household: dict[str, list] = {}
    for chosen in made:
        by_household.setdefault(chosen.code, []).append(chosen)
    pairs = [rows for rows in by_household.values() if len(rows) == 2]
    assert pairs and all(len(rows) <= 2 for rows in by_household.values())
    for rows in pairs:
        first, second = sorted(rows, key=lambda r: r.flat_no)
        assert first.compensation > 0 and second.compensation == 0
        assert first.entitlement == second.entitlement
        assert first.area + second.area <= first.entitlement + 30  # the demo's cap
