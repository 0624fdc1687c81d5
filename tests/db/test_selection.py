"""The on-site selection session on a real database: calling, skipping, proxies, choosing,
revoking, closing, and the database constraint that no flat is chosen twice."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import db.lottery.draws as draws
import db.registry.importing as importing
import db.registry.operations as registry
import db.rules.versions as policies
import db.selection.desk as selection
from allocation.demo.policy import demo_policy
from allocation.demo.register import demo_flats, demo_households
from allocation.errors import ConflictError, NotFoundError, ValidationError
from allocation.registry.ids import make_id
from allocation.registry.model import FlatStatus, ProjectId
from allocation.rules import Policy
from db.records.tables import FlatRecord, SelectionRecord, SelectionTurnRecord
from db.registry.queries import summary
from db.replay.check import verify_audit
from db.store.engine import make_engine, make_session_factory

ON = date(2026, 11, 1)
SOURCES = ["931", "2 5 12 18 26 33", "7 14 21 28 35 3"]
PROXY_ID = make_id("420106", date(1980, 5, 17), 12, "F")


def build_drawn_project(session: Session, *, name: str = "选房测试", households: int = 12,
                        rehearsal: bool = True, policy: Policy | None = None) -> ProjectId:
    """A project with demo households and flats, frozen demo rules (or ``policy``), a
    published pool, drawn."""
    project_id = registry.create_project(session, name=name, actor="op", rehearsal=rehearsal)
    importing.import_households(session, project_id=project_id,
                                households=demo_households()[:households], actor="op")
    importing.import_flats(session, project_id=project_id, flats=demo_flats(), actor="op")
    policies.set_policy(session, project_id=project_id, policy=policy or demo_policy(),
                        actor="op")
    policies.freeze_policy(session, project_id=project_id, actor="sup")
    draws.publish_pool(session, project_id=project_id, actor="op", on=ON)
    draws.announce_and_draw(session, project_id=project_id, sources=SOURCES, actor="op")
    return project_id


def check_invariants(session: Session, project_id: int) -> None:
    """What must hold after any sequence of operations, whatever the desk did."""
    active = session.execute(select(SelectionRecord.flat_id, SelectionRecord.household_id,
                                    SelectionRecord.flat_no)
                             .where(SelectionRecord.project_id == project_id,
                                    SelectionRecord.revoked_at.is_(None))).all()
    flats = [f for f, _, _ in active]
    assert len(flats) == len(set(flats)), "a flat is chosen twice"
    numbers: dict[int, list[int]] = {}
    for _, household, number in active:
        numbers.setdefault(household, []).append(number)
    assert all(sorted(n) == list(range(1, len(n) + 1)) for n in numbers.values()), \
        "a household's flats are not numbered 1…n"
    selected = set(session.scalars(select(FlatRecord.id).where(
        FlatRecord.project_id == project_id, FlatRecord.status == FlatStatus.SELECTED.value)))
    assert selected == set(flats), "flat status and active selections disagree"
    turns = selection.session_turns(session, ProjectId(project_id))
    assert sum(t.state == "called" for t in turns) <= 1
    assert len({t.place for t in turns}) == len(turns)
    chosen = {t.code for t in turns if t.state == "selected"}
    assert len(chosen) == len(numbers)
    assert verify_audit(session, project_id).ok


@pytest.fixture
def drawn(factory) -> ProjectId:
    with factory.begin() as s:
        return build_drawn_project(s)


def _open(factory, project_id, **settings) -> selection.SessionInfo:
    with factory.begin() as s:
        return selection.open_session(s, project_id=project_id, operator="op", held_on=ON,
                                      settings=selection.SessionSettings(**settings))


def _first_offer(factory, project_id, code) -> str:
    with factory() as s:
        return selection.offers(s, project_id, code)[0].flat.key


def test_a_session_needs_a_draw(factory, project_id):
    with factory.begin() as s, pytest.raises(NotFoundError) as refused:
        selection.open_session(s, project_id=project_id, operator="op")
    assert refused.value.code == "draw_not_found"


def test_open_gives_every_household_its_turn_in_the_final_order(factory, drawn):
    info = _open(factory, drawn)
    assert info.settings == selection.SessionSettings(180, 3, True)
    assert info.status == "open" and info.held_on == ON
    with factory() as s:
        order = draws.counting_draw(s, drawn).final_order
        turns = selection.session_turns(s, drawn)
    assert [t.code for t in turns] == order
    assert [t.order_no for t in turns] == [t.place for t in turns] == list(range(1, 13))
    assert {t.state for t in turns} == {"waiting"}
    with factory.begin() as s, pytest.raises(ConflictError) as again:
        selection.open_session(s, project_id=drawn, operator="op")
    assert again.value.code == "session_exists"


def test_settings_are_checked(factory, drawn):
    with factory.begin() as s, pytest.raises(ValidationError) as refused:
        selection.open_session(s, project_id=drawn, operator="op",
                               settings=selection.SessionSettings(calls_before_move=0))
    assert refused.value.params == {"field": "calls_before_move"}


def test_a_small_session_call_skip_proxy_select_revoke_close(factory, drawn):
    """The desk's whole repertoire, with the audit log and the data agreeing throughout."""
    _open(factory, drawn)
    with factory.begin() as s:
        first = selection.call_next(s, project_id=drawn, operator="op")
        assert first is not None and (first.order_no, first.calls) == (1, 1)
        for calls in (2, 3):  # not there: called again, up to three calls
            again = selection.skip(s, project_id=drawn, code=first.code, operator="op")
            assert (again.state, again.calls) == ("called", calls)
        moved = selection.skip(s, project_id=drawn, code=first.code, operator="op")
    assert (moved.state, moved.place, moved.calls, moved.call_round) == ("moved_to_end", 13, 0, 2)
    with factory.begin() as s:
        second = selection.call_next(s, project_id=drawn, operator="op")
        assert second is not None and second.order_no == 2
        with pytest.raises(ValidationError) as bad_id:
            selection.set_proxy(s, project_id=drawn, code=second.code, name="王代理",
                                id_number=PROXY_ID[:-1] + "0", operator="op")
        assert bad_id.value.code == "invalid_id_number"
        assert bad_id.value.params["field"] == "proxy_id"
        proxy = selection.set_proxy(s, project_id=drawn, code=second.code, name=" 王代理 ",
                                    id_number=PROXY_ID, operator="op")
    assert (proxy.proxy_name, proxy.proxy_id) == ("王代理", PROXY_ID)
    key = _first_offer(factory, drawn, second.code)
    with factory.begin() as s:
        chosen = selection.select_flat(s, project_id=drawn, code=second.code, flat_key=key,
                                       operator="op")
    assert chosen.flat_key == key and chosen.proxy_name == "王代理" and chosen.active
    assert chosen.settlement == chosen.compensation - chosen.price_total
    assert chosen.chain_head is not None and len(chosen.chain_head) == 64
    with factory() as s:
        state = selection.session_state(s, drawn)
        assert state is not None and state.at_desk is None
        assert state.taken_flats == {key} and state.last_selection == chosen
        assert state.turns_by_state == {"moved_to_end": 1, "selected": 1, "waiting": 10}
        check_invariants(s, drawn)
    with factory.begin() as s:
        revoked = selection.revoke(s, project_id=drawn, code=second.code,
                                   reason="操作员点错房源", supervisor="李监督")
    assert not revoked.active and revoked.revoked_by == "李监督"
    building, unit, number = key.split("-")
    with factory.begin() as s:
        flat = s.scalar(select(FlatRecord.status).where(
            FlatRecord.project_id == drawn, FlatRecord.building == building,
            FlatRecord.unit == unit, FlatRecord.number == number))
        assert flat == "available"
        again = selection.call_next(s, project_id=drawn, operator="op")
        assert again is not None and again.code == second.code  # the revoked one comes first
        selection.select_flat(s, project_id=drawn, code=second.code, flat_key=key,
                              operator="op")
    _run_to_the_end(factory, drawn, absent={first.code})
    with factory() as s:
        counts = summary(s, drawn)
        check_invariants(s, drawn)
        turns = {t.code: t for t in selection.session_turns(s, drawn)}
    assert turns[first.code].state == "absent"
    assert counts["selected_households"] == counts["flats_selected"] == 11
    assert counts["households_done"] == 12


def _run_to_the_end(factory, project_id, absent: set[str]) -> None:
    """Call everyone left; ``absent`` never answer (moved, skipped, final call, absent)."""
    while True:
        with factory.begin() as s:
            turn = selection.call_next(s, project_id=project_id, operator="op")
            if turn is None:
                break
            if turn.code in absent:
                while turn.state == "called":
                    turn = selection.skip(s, project_id=project_id, code=turn.code,
                                          operator="op")
                continue
            key = selection.offers(s, project_id, turn.code)[0].flat.key
            selection.select_flat(s, project_id=project_id, code=turn.code, flat_key=key,
                                  operator="op")
    with factory.begin() as s, pytest.raises(ConflictError) as pending:
        selection.close_session(s, project_id=project_id, operator="op")
    assert pending.value.code == "final_call_pending"
    with factory.begin() as s:
        assert selection.start_final_call(s, project_id=project_id, operator="op") == len(absent)
    _run_queue(factory, project_id, absent)
    with factory.begin() as s:
        closed = selection.close_session(s, project_id=project_id, operator="op")
    assert closed.status == "closed" and closed.closed_at is not None


def _run_queue(factory, project_id, absent):
    while True:
        with factory.begin() as s:
            turn = selection.call_next(s, project_id=project_id, operator="op")
            if turn is None:
                return
            assert turn.code in absent and turn.call_round == 3
            while turn.state == "called":
                turn = selection.skip(s, project_id=project_id, code=turn.code, operator="op")
            assert turn.state == "skipped"


def test_the_desk_is_refused_what_the_rules_forbid(factory, drawn):
    _open(factory, drawn)
    with factory.begin() as s:
        first = selection.call_next(s, project_id=drawn, operator="op")
        assert first is not None
    with factory() as s:
        turns = selection.session_turns(s, drawn)
        chooser = selection.turn_eligibility(s, drawn, first.code)
        flats = [stored.flat for stored in registry.load_flats(s, drawn)]
    other = turns[1].code
    allowed = next(f for f in flats if chooser.eligibility.allows(f))
    forbidden = next(f for f in flats if not chooser.eligibility.allows(f))
    cases = [
        (ConflictError, "household_already_called",
         lambda s: selection.call_next(s, project_id=drawn, operator="op")),
        (ConflictError, "not_households_turn",
         lambda s: selection.select_flat(s, project_id=drawn, code=other,
                                         flat_key=allowed.key, operator="op")),
        (ValidationError, "flat_not_eligible",
         lambda s: selection.select_flat(s, project_id=drawn, code=first.code,
                                         flat_key=forbidden.key, operator="op")),
        (NotFoundError, "flat_not_found",
         lambda s: selection.select_flat(s, project_id=drawn, code=first.code,
                                         flat_key="9-9-999", operator="op")),
        (NotFoundError, "household_not_in_session",
         lambda s: selection.skip(s, project_id=drawn, code="X999", operator="op")),
        (NotFoundError, "selection_not_found",
         lambda s: selection.revoke(s, project_id=drawn, code=first.code, reason="r",
                                    supervisor="sup")),
        (ValidationError, "required_value_missing",
         lambda s: selection.revoke(s, project_id=drawn, code=first.code, reason=" ",
                                    supervisor="sup")),
        (ConflictError, "households_still_waiting",
         lambda s: selection.close_session(s, project_id=drawn, operator="op")),
    ]
    with factory.begin() as s, pytest.raises(ConflictError) as called:
        selection.close_session(s, project_id=drawn, operator="op")
    assert called.value.code == "household_already_called"
    for error, code, act in cases[:-1]:
        with factory.begin() as s, pytest.raises(error) as refused:
            act(s)
        assert refused.value.code == code
    with factory.begin() as s:
        recalled = selection.call(s, project_id=drawn, code=first.code, operator="op")
        assert recalled.calls == 2
        selection.select_flat(s, project_id=drawn, code=first.code, flat_key=allowed.key,
                              operator="op")
    with factory.begin() as s:
        assert selection.call(s, project_id=drawn, code=other, operator="op").code == other
        with pytest.raises(ConflictError) as taken:
            selection.select_flat(s, project_id=drawn, code=other, flat_key=allowed.key,
                                  operator="op")
        assert taken.value.code == "flat_already_selected"
    with factory.begin() as s:
        selection.pause(s, project_id=drawn, operator="op")
    with factory.begin() as s, pytest.raises(ConflictError) as paused:
        selection.skip(s, project_id=drawn, code=other, operator="op")
    assert paused.value.code == "session_paused"
    with factory() as s:
        check_invariants(s, drawn)


def test_the_database_refuses_a_flat_chosen_twice_even_by_raw_sql(factory, drawn):
    """The partial unique index, not the service, is the last word: any active pair fails."""
    _open(factory, drawn)
    with factory.begin() as s:
        turn = selection.call_next(s, project_id=drawn, operator="op")
        assert turn is not None
        key = selection.offers(s, drawn, turn.code)[0].flat.key
        selection.select_flat(s, project_id=drawn, code=turn.code, flat_key=key, operator="op")
    with factory() as s:
        row = s.execute(select(SelectionRecord.__table__)).mappings().one()
        other = s.execute(select(SelectionTurnRecord.id, SelectionTurnRecord.household_id)
                          .where(SelectionTurnRecord.code != turn.code).limit(1)).one()
    copy = {k: v for k, v in row.items() if k != "id"}
    second = {**copy, "turn_id": other.id, "household_id": other.household_id}
    insert = SelectionRecord.__table__.insert()
    for duplicate in (second, copy | {"flat_id": row["flat_id"] + 1}):
        with pytest.raises(IntegrityError), factory.begin() as s:
            s.execute(insert, duplicate)
    with factory.begin() as s:  # a revoked row next to the active one is history, allowed
        s.execute(insert, second | {"revoked_at": row["selected_at"], "revoked_by": "sup"})
        assert s.scalar(select(func.count()).select_from(SelectionRecord)) == 2


def test_a_lost_race_at_the_index_is_flat_already_selected(factory, drawn):
    """A row the service did not see (written behind its back) makes its insert fail: coded."""
    _open(factory, drawn)
    with factory.begin() as s:
        turn = selection.call_next(s, project_id=drawn, operator="op")
        assert turn is not None
        nxt_code = selection.session_turns(s, drawn)[1].code
        both = {o.flat.key for o in selection.offers(s, drawn, nxt_code)}
        key = next(o.flat.key for o in selection.offers(s, drawn, turn.code)
                   if o.flat.key in both)
        selection.select_flat(s, project_id=drawn, code=turn.code, flat_key=key, operator="op")
    with factory.begin() as s:  # the flat is put back by hand, its selection left active
        s.execute(text("UPDATE flat SET status = 'available' WHERE status = 'selected'"))
        nxt = selection.call_next(s, project_id=drawn, operator="op")
        assert nxt is not None
    with factory.begin() as s, pytest.raises(ConflictError) as lost:
        selection.select_flat(s, project_id=drawn, code=nxt.code, flat_key=key, operator="op")
    assert lost.value.code == "flat_already_selected" and lost.value.params["flat"] == key


def test_audit_verify_finds_a_selection_edited_by_hand(factory, drawn):
    _open(factory, drawn)
    with factory.begin() as s:
        turn = selection.call_next(s, project_id=drawn, operator="op")
        assert turn is not None
        key = selection.offers(s, drawn, turn.code)[0].flat.key
        selection.select_flat(s, project_id=drawn, code=turn.code, flat_key=key, operator="op")
    edits = [("UPDATE selection SET price_total = price_total - 1000", "price_total"),
             ("UPDATE selection SET chain_head = 'x'", "chain_head"),
             ("UPDATE selection_turn SET state = 'waiting' WHERE state = 'selected'", "state")]
    for sql, field in edits:
        with factory() as s:
            s.execute(text(sql))
            report = verify_audit(s, drawn)
            s.rollback()
        assert report.mismatch is not None and report.mismatch.field == field, sql


def test_a_restarted_desk_finds_the_household_it_called(factory, drawn, engine):
    """Nothing is held in memory: a new engine (a restarted app) sees the same session."""
    _open(factory, drawn)
    with factory.begin() as s:
        called = selection.call_next(s, project_id=drawn, operator="op")
        selection.heartbeat(s, project_id=drawn)
    new_engine = make_engine(engine.url.render_as_string(False))
    try:
        with make_session_factory(new_engine)() as s:
            assert selection.current_turn(s, drawn) == called
            state = selection.session_state(s, drawn)
            pulse = selection.session_pulse(s, drawn)
    finally:
        new_engine.dispose()
    assert state is not None and state.at_desk is not None
    assert state.at_desk.turn == called and state.at_desk.seconds_left is not None
    assert 170 <= state.at_desk.seconds_left <= 180
    assert state.at_desk.household.code == called.code
    assert pulse is not None and pulse.version == state.version and not pulse.show_pause
    assert [u.order_no for u in state.upcoming] == [2, 3, 4, 5, 6]


def test_the_pulse_rises_with_each_operation_and_shows_a_pause(factory, drawn):
    _open(factory, drawn)
    with factory() as s:
        before = selection.session_pulse(s, drawn)
    assert before is not None and before.desk_away  # no heartbeat yet
    with factory.begin() as s:
        selection.heartbeat(s, project_id=drawn)
        selection.call_next(s, project_id=drawn, operator="op")
    with factory.begin() as s:
        selection.pause(s, project_id=drawn, operator="op")
    with factory() as s:
        after = selection.session_pulse(s, drawn)
    assert after is not None and after.version == before.version + 2
    assert not after.desk_away and after.show_pause


def test_a_flat_s_status_changes_only_through_the_session(factory, drawn):
    """A flat chosen at the desk cannot be made available again by editing it, nor can an
    available flat be marked chosen by hand: ``flat_status_by_session``, nothing stored. Its
    other data can still be corrected, and the session's own revoke frees it."""
    _open(factory, drawn)
    with factory.begin() as s:
        turn = selection.call_next(s, project_id=drawn, operator="op")
    key = _first_offer(factory, drawn, turn.code)
    with factory.begin() as s:
        selection.select_flat(s, project_id=drawn, code=turn.code, flat_key=key, operator="op")
    with factory() as s:
        chosen = next(f for f in registry.load_flats(s, drawn) if f.flat.key == key)
        free = next(f for f in registry.load_flats(s, drawn)
                    if f.flat.status == FlatStatus.AVAILABLE)
    assert chosen.flat.status == FlatStatus.SELECTED
    for stored, wanted in ((chosen, FlatStatus.AVAILABLE), (chosen, FlatStatus.RESERVED),
                           (free, FlatStatus.SELECTED)):
        with factory.begin() as s, pytest.raises(ConflictError) as refused:
            registry.update_flat(s, flat_id=stored.id, actor="op",
                                 flat=replace(stored.flat, status=wanted))
        assert refused.value.code == "flat_status_by_session"
        assert refused.value.params == {"key": stored.flat.key,
                                        "status": stored.flat.status.value,
                                        "wanted": wanted.value}
    with factory.begin() as s:  # its orientation, say, was typed wrong: that may be fixed
        registry.update_flat(s, flat_id=chosen.id, actor="op",
                             flat=replace(chosen.flat, orientation="南"))
        check_invariants(s, drawn)
        assert registry.get_flat(s, chosen.id).flat.status == FlatStatus.SELECTED
