"""A draw is final once a session uses it (issue 18, item 4): retraction is refused while a
session (open, paused or closed) stands on the draw; a supervisor voids the session instead,
its choices kept, marked revoked with the void's reason, its flats back in stock, audited."""

from __future__ import annotations

import json
import threading

import pytest
from alembic import command
from sqlalchemy import func, select

import db.lottery.draws as draws
import db.selection.desk as selection
from allocation.errors import ConflictError, NotFoundError, ValidationError
from allocation.registry.model import FlatStatus
from db.records.tables import (
    AuditEventRecord,
    FlatRecord,
    SelectionRecord,
    SelectionSessionRecord,
    SelectionTurnRecord,
)
from db.replay.check import verify_audit
from db.selection import void_session, voided_sessions
from db.store.migrate import alembic_config, current_revision, head_revision
from tests.db.test_selection import ON, SOURCES, build_drawn_project


@pytest.fixture
def drawn(factory):
    with factory.begin() as s:
        return build_drawn_project(s)


def _open(factory, project_id):
    with factory.begin() as s:
        return selection.open_session(s, project_id=project_id, operator="sup", held_on=ON)


def _choose(factory, project_id, count):
    """The first ``count`` households of the order each take their first offer."""
    chosen = []
    for _ in range(count):
        with factory.begin() as s:
            turn = selection.call_next(s, project_id=project_id, operator="op")
            key = selection.offers(s, project_id, turn.code)[0].flat.key
            chosen.append(selection.select_flat(s, project_id=project_id, code=turn.code,
                                                flat_key=key, operator="op"))
    return chosen


def _retract(factory, project_id):
    with factory.begin() as s:
        return draws.retract_draw(s, project_id=project_id, reason="种子公布有误", actor="sup")


def test_retraction_is_refused_once_a_session_opened_on_the_draw(factory, drawn):
    _open(factory, drawn)
    with pytest.raises(ConflictError) as refused:
        _retract(factory, drawn)
    assert refused.value.code == "draw_in_use"
    assert refused.value.params["session_status"] == "open"
    assert refused.value.params["chosen"] == 0
    with factory() as s:
        assert draws.counting_draw(s, drawn).status == "active"  # nothing happened


def test_the_refusal_counts_the_flats_chosen_and_holds_on_a_paused_session(factory, drawn):
    _open(factory, drawn)
    _choose(factory, drawn, 2)
    with factory.begin() as s:
        selection.pause(s, project_id=drawn, operator="op")
    with pytest.raises(ConflictError) as refused:
        _retract(factory, drawn)
    assert (refused.value.params["session_status"], refused.value.params["chosen"]) == ("paused", 2)


def test_voiding_needs_a_reason_and_a_session(factory, drawn):
    with factory.begin() as s, pytest.raises(NotFoundError) as none:
        void_session(s, project_id=drawn, reason="现场秩序混乱", supervisor="sup")
    assert none.value.code == "session_not_found"
    _open(factory, drawn)
    with factory.begin() as s, pytest.raises(ValidationError) as blank:
        void_session(s, project_id=drawn, reason="  ", supervisor="sup")
    assert blank.value.params == {"field": "reason"}


def test_voided_session_keeps_its_choices_marked_and_frees_the_draw(factory, drawn):
    """Two households choose, then the session is voided.

    By hand: 2 choices made → after the void the 2 rows are still there, both
    with revoked_at set, revoked_by "sup" and the void's reason; their 2
    flats are available again; 0 active choices; the session's status is
    "void"; the log has 2 selection "void" events, 2 flat "void" events and
    1 session "void" event by "sup" with the reason. Then the draw can be
    retracted, and a second draw's session opened beside the voided one.
    """
    info = _open(factory, drawn)
    chosen = _choose(factory, drawn, 2)
    with factory.begin() as s:
        voided = void_session(s, project_id=drawn, reason=" 现场秩序混乱 ", supervisor="sup")
    assert voided.session.status == "void" and voided.reason == "现场秩序混乱"
    assert [v.flat_key for v in voided.selections] == [c.flat_key for c in chosen]
    with factory() as s:
        rows = s.scalars(select(SelectionRecord).order_by(SelectionRecord.id)).all()
        assert [r.flat_key for r in rows] == [c.flat_key for c in chosen]
        assert all(r.revoked_at is not None and r.revoked_by == "sup"
                   and r.revoke_reason == "现场秩序混乱" for r in rows)
        flats = {f"{f.building}-{f.unit}-{f.number}": f.status
                 for f in s.scalars(select(FlatRecord).where(FlatRecord.project_id == drawn))}
        assert {flats[c.flat_key] for c in chosen} == {FlatStatus.AVAILABLE.value}
        assert selection.find_session(s, drawn) is None  # no live session any more
        events = s.execute(select(AuditEventRecord.entity, AuditEventRecord.actor,
                                  AuditEventRecord.after)
                           .where(AuditEventRecord.action == "void")
                           .order_by(AuditEventRecord.seq)).all()
        assert [e.entity for e in events] == ["selection", "flat", "selection", "flat",
                                              "selection_session"]
        assert {e.actor for e in events} == {"sup"}
        last = json.loads(events[-1].after)
        assert (last["status"], last["void_reason"], last["voided_by"]) == (
            "void", "现场秩序混乱", "sup")
        assert verify_audit(s, drawn).ok
        kept = voided_sessions(s, drawn)
        assert [k.session.id for k in kept] == [info.id]
        assert [k.flat_key for k in kept[0].selections] == [c.flat_key for c in chosen]
    retracted = _retract(factory, drawn)
    assert retracted.status == "retracted"
    with factory.begin() as s:
        draws.announce_and_draw(s, project_id=drawn, sources=[*SOURCES, "42"], actor="sup")
    again = _open(factory, drawn)
    assert again.id != info.id and again.status == "open"
    _choose(factory, drawn, 1)  # a flat the void freed may be chosen again
    with factory() as s:
        assert len(selection.session_turns(s, drawn)) == 12  # the live session's turns only
        assert s.scalar(select(func.count()).select_from(SelectionTurnRecord)) == 24
        assert verify_audit(s, drawn).ok


def test_an_edit_to_the_void_behind_the_apps_back_is_named(factory, drawn):
    _open(factory, drawn)
    with factory.begin() as s:
        void_session(s, project_id=drawn, reason="现场秩序混乱", supervisor="sup")
    with factory.begin() as s:
        s.execute(SelectionSessionRecord.__table__.update().values(void_reason="别的理由"))
    with factory() as s:
        report = verify_audit(s, drawn)
    assert report.mismatch is not None
    assert (report.mismatch.entity, report.mismatch.field) == ("selection_session",
                                                               "void_reason")


def test_the_migration_keeps_sessions_turns_and_choices_both_ways(engine, factory, drawn):
    """0011 rebuilds selection_session on SQLite: its cascading rows must survive it."""
    _open(factory, drawn)
    chosen = _choose(factory, drawn, 1)
    config = alembic_config(engine)
    command.downgrade(config, "0010")
    assert current_revision(engine) == "0010"
    with engine.connect() as c:
        assert c.exec_driver_sql("SELECT count(*) FROM selection_turn").scalar() == 12
        assert c.exec_driver_sql("SELECT flat_key FROM selection").scalars().all() == [
            chosen[0].flat_key]
    command.upgrade(config, "head")
    assert current_revision(engine) == head_revision()
    with factory() as s:
        assert len(selection.session_turns(s, drawn)) == 12
        assert [r.flat_key for r in selection.selection_results(s, drawn)] == [
            chosen[0].flat_key]
        assert verify_audit(s, drawn).ok


def test_a_retraction_racing_an_opening_waits_for_it_and_is_refused(factory, drawn):
    """Two workstations: one opens the session, the other retracts before it commits.

    The retraction locks the draw's row, which the opening holds: it waits,
    then sees the committed session and refuses. Without the lock it would
    not see the uncommitted session and would retract under it.
    """
    outcome: list[object] = []

    def retract_elsewhere() -> None:
        try:
            outcome.append(_retract(factory, drawn))
        except ConflictError as error:
            outcome.append(error.code)

    with factory.begin() as s:
        selection.open_session(s, project_id=drawn, operator="sup", held_on=ON)
        other = threading.Thread(target=retract_elsewhere)
        other.start()
        other.join(timeout=1.0)  # it is waiting for the lock (or, unlocked, done already)
    other.join()
    assert outcome == ["draw_in_use"]
    with factory() as s:
        assert draws.counting_draw(s, drawn).status == "active"
