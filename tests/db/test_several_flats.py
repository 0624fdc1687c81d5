"""Several flats per household (一户多套, issue 13 item 1) on a real database: taken one by
one and priced together, refused with the trace's words, confirmed in one transaction,
revoked together, and a flat still never taken twice."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import db.lottery.draws as draws
import db.registry.importing as importing
import db.registry.operations as registry
import db.rules.versions as policies
import db.selection as selection
from allocation.demo.policy import demo_policy
from allocation.errors import ConflictError, ValidationError
from allocation.registry.model import FlatStatus, ProjectId
from allocation.rules import step_text
from db.records.tables import FlatRecord, SelectionRecord
from db.replay.check import verify_audit
from tests.db.test_selection import ON, SOURCES
from tests.factories import make_flat, make_household

#: The worked example's flats: 90 m² at 5,000 yuan/m², 60 m² at 6,000, 100 m² and 20 m².
FLATS = (
    make_flat("1", "1", 3, "301", area=Decimal("90.00"), base_price=Decimal("5000.00")),
    make_flat("1", "1", 3, "302", area=Decimal("60.00"), base_price=Decimal("6000.00")),
    make_flat("1", "1", 4, "401", area=Decimal("100.00"), base_price=Decimal("5000.00")),
    make_flat("1", "1", 4, "402", area=Decimal("20.00"), base_price=Decimal("5000.00"),
              layout="1室1厅1卫"),
)


def two_flat_policy(max_flats: int | None = 2, several_flats_from: Decimal | None = None):
    """The demo rules with at most ``max_flats`` flats a household (from an entitlement of
    ``several_flats_from`` m² when given)."""
    rules = demo_policy()
    return replace(rules, entitlement=replace(rules.entitlement, max_flats=max_flats,
                                              several_flats_from=several_flats_from))


def build_two_flat_project(session: Session, *, name: str = "一户多套",
                           max_flats: int | None = 2,
                           several_flats_from: Decimal | None = None) -> ProjectId:
    """One household of two people with 150 m² of legal area, unsigned; the four flats above;
    the demo rules allowing ``max_flats`` flats; frozen, pooled and drawn."""
    project_id = registry.create_project(session, name=name, actor="op", rehearsal=True)
    household = make_household("H001", 1, size=2, legal_area=Decimal("150.00"))
    importing.import_households(session, project_id=project_id, households=[household],
                                actor="op")
    importing.import_flats(session, project_id=project_id, flats=list(FLATS), actor="op")
    policies.set_policy(session, project_id=project_id,
                        policy=two_flat_policy(max_flats, several_flats_from), actor="op")
    policies.freeze_policy(session, project_id=project_id, actor="sup")
    draws.publish_pool(session, project_id=project_id, actor="op", on=ON)
    draws.announce_and_draw(session, project_id=project_id, sources=SOURCES, actor="op")
    selection.open_session(session, project_id=project_id, operator="op", held_on=ON)
    selection.call_next(session, project_id=project_id, operator="op")
    return project_id


@pytest.fixture
def two_flats(factory) -> ProjectId:
    with factory.begin() as s:
        return build_two_flat_project(s)


def _offered(factory, project_id, taken=()) -> list[str]:
    with factory() as s:
        return [o.flat.key for o in selection.desk.offers(s, project_id, "H001", taken)]


def test_the_worked_example_two_flats_settled_to_the_fen(factory, two_flats):
    """Entitlement 150 m² (legal area 150 × 1, above 2 people × 25 m²), cap 30 m².

    Flats 1-1-301 (90 m², 5,000 yuan/m²) then 1-1-302 (60 m², 6,000 yuan/m²), by hand:
    the first lies on 0 → 90 m² of the entitlement, the second on 90 → 150 m², both
    within it at their own base price (no floor coefficients in the demo rules):

    * 1-1-301: 90 × 5,000 = 450,000.00 yuan;
    * 1-1-302: 60 × 6,000 = 360,000.00 yuan; price 810,000.00 yuan in all;
    * compensation: 房屋价值补偿 150 m² × 9,000 = 1,350,000.00 yuan, and the transition
      allowance 2 people × 600 yuan × 18 months = 21,600.00 yuan: 1,371,600.00 yuan (no
      other item holds: no illness, disability or low income, not signed);
    * settlement: 1,371,600.00 − 810,000.00 = 561,600.00 yuan, paid to the household.

    The rows: flat 1 carries the compensation (1,371,600.00 − 450,000.00 = 921,600.00),
    flat 2 none (0 − 360,000.00 = −360,000.00); 921,600.00 − 360,000.00 = 561,600.00.
    """
    assert "1-1-301" in _offered(factory, two_flats)
    second = _offered(factory, two_flats, ["1-1-301"])
    # 90 + 100 = 190 m² is over 150 + 30: not offered; 90 + 20 = 110 and 90 + 60 are.
    assert second == ["1-1-302", "1-1-402"]
    with factory() as s:
        view = selection.desk_view(s, two_flats, ["1-1-301", "1-1-302"])
    assert view.most_flats == 2 and [f.key for f in view.taken] == ["1-1-301", "1-1-302"]
    assert view.running is not None and view.running.settlement == Decimal("561600.00")
    assert view.offers == ()  # two taken: as many as it may
    with factory.begin() as s:
        made = selection.select_flats(s, project_id=two_flats, code="H001",
                                      flat_keys=["1-1-301", "1-1-302"], operator="op")
    assert [(m.flat_no, m.flat_key, m.area, m.price_total, m.compensation, m.settlement)
            for m in made] == [
        (1, "1-1-301", Decimal("90.00"), Decimal("450000.00"), Decimal("1371600.00"),
         Decimal("921600.00")),
        (2, "1-1-302", Decimal("60.00"), Decimal("360000.00"), Decimal("0.00"),
         Decimal("-360000.00"))]
    with factory() as s:
        choice = selection.household_choices(selection.selection_results(s, two_flats))["H001"]
        assert (choice.price_total, choice.compensation, choice.settlement, choice.area) == (
            Decimal("810000.00"), Decimal("1371600.00"), Decimal("561600.00"),
            Decimal("150.00"))
        statuses = dict(s.execute(select(FlatRecord.number, FlatRecord.status)).all())
        assert statuses == {"301": "selected", "302": "selected", "401": "available",
                            "402": "available"}
        turn = selection.session_turns(s, two_flats)[0]
        assert turn.state == "selected"
        assert verify_audit(s, two_flats).ok
        display = selection.display_view(s, two_flats)
    assert display.last_choice is not None
    assert display.last_choice.flats_text == "1-1-301、1-1-302"


def test_a_further_flat_is_refused_with_the_rules_words(factory, two_flats):
    with factory() as s:
        beyond = selection.flat_refusal(s, two_flats, "H001", ["1-1-301"], "1-1-401")
        third = selection.flat_refusal(s, two_flats, "H001", ["1-1-301", "1-1-302"],
                                       "1-1-402")
        fine = selection.flat_refusal(s, two_flats, "H001", ["1-1-301"], "1-1-402")
    assert fine is None
    assert step_text(beyond) == "所选面积190平方米超过可购买上限180平方米，不予安置"
    assert step_text(beyond, "en") == "190 m² exceeds the maximum 180 m²: refused"
    assert step_text(third) == "所选房源3套，超过每户最多2套，不予安置"
    with factory.begin() as s, pytest.raises(ValidationError) as refused:
        selection.select_flats(s, project_id=two_flats, code="H001",
                               flat_keys=["1-1-301", "1-1-302", "1-1-402"], operator="op")
    assert refused.value.code == "too_many_flats"
    with factory.begin() as s, pytest.raises(ValidationError) as capped:
        selection.select_flats(s, project_id=two_flats, code="H001",
                               flat_keys=["1-1-301", "1-1-401"], operator="op")
    assert capped.value.code == "flat_not_eligible"
    with factory() as s:  # refused whole: nothing was written
        assert s.scalar(select(SelectionRecord.id)) is None


def test_revoking_returns_every_flat_and_the_household_is_called_again(factory, two_flats):
    with factory.begin() as s:
        selection.select_flats(s, project_id=two_flats, code="H001",
                               flat_keys=["1-1-302", "1-1-301"], operator="op")
    with factory.begin() as s:
        selection.desk.revoke(s, project_id=two_flats, code="H001", reason="填错房号",
                              supervisor="sup")
    with factory() as s:
        rows = s.execute(select(SelectionRecord.flat_key, SelectionRecord.flat_no,
                                SelectionRecord.revoke_reason)
                         .order_by(SelectionRecord.id)).all()
        assert [tuple(r) for r in rows] == [("1-1-302", 1, "填错房号"),
                                            ("1-1-301", 2, "填错房号")]
        assert set(s.scalars(select(FlatRecord.status))) == {"available"}
        assert selection.session_turns(s, two_flats)[0].state == "revoked"
        assert verify_audit(s, two_flats).ok
    with factory.begin() as s:  # called again, it takes them in the other order
        selection.call_next(s, project_id=two_flats, operator="op")
        again = selection.select_flats(s, project_id=two_flats, code="H001",
                                       flat_keys=["1-1-301", "1-1-302"], operator="op")
    assert [a.flat_no for a in again] == [1, 2]
    with factory() as s:
        assert verify_audit(s, two_flats).ok


def test_a_flat_twice_and_a_household_flat_twice_are_refused_by_the_database(factory, two_flats):
    with factory.begin() as s, pytest.raises(ConflictError) as twice:
        selection.select_flats(s, project_id=two_flats, code="H001",
                               flat_keys=["1-1-301", "1-1-301"], operator="op")
    assert twice.value.code == "flat_already_selected"
    with factory.begin() as s:
        made = selection.select_flats(s, project_id=two_flats, code="H001",
                                      flat_keys=["1-1-301", "1-1-302"], operator="op")
    columns = ("project_id, session_id, turn_id, household_id, flat_id, code, flat_key, "
               "flat_no, selected_at, operator, area, entitlement, price_total, compensation, "
               "settlement, policy_sha256")
    with factory() as s:
        first = s.execute(text(f"SELECT {columns} FROM selection WHERE id = :id"),
                          {"id": made[0].id}).mappings().one()
        free = s.scalar(select(FlatRecord.id).where(FlatRecord.number == "402"))
    # Behind the service's back: the same flat again as flat 3, or another flat as flat 2.
    for changes in ({"flat_no": 3}, {"flat_id": free, "flat_key": "1-1-402"}):
        values = {**first, "flat_no": 2, **changes}
        with factory.begin() as s, pytest.raises(IntegrityError):
            s.execute(text(f"INSERT INTO selection ({columns}) VALUES "
                           f"({', '.join(':' + c.strip() for c in columns.split(','))})"),
                      values)


def test_no_maximum_or_one_keeps_the_desk_at_one_flat(factory):
    """Rules naming no maximum (or 1) take one flat at the desk, as always."""
    for number, most in enumerate((None, 1)):
        with factory.begin() as s:
            project_id = build_two_flat_project(s, name=f"单套{number}", max_flats=most)
        with factory() as s:
            view = selection.desk_view(s, project_id)
            refused = selection.flat_refusal(s, project_id, "H001", ["1-1-301"], "1-1-302")
        assert view.most_flats == 1 and not view.several
        assert step_text(refused) == "所选房源2套，超过每户最多1套，不予安置"
        with factory.begin() as s, pytest.raises(ValidationError) as refused_two:
            selection.select_flats(s, project_id=project_id, code="H001",
                                   flat_keys=["1-1-301", "1-1-302"], operator="op")
        assert refused_two.value.code == "too_many_flats"


def test_below_the_entitlement_for_several_flats_the_desk_takes_one(factory):
    """安置面积达到200平方米的可选购2套: the household's 150 m² (its legal area, 1:1) is below
    it, so the desk offers one flat and refuses a second with the limit of 1."""
    with factory.begin() as s:
        project_id = build_two_flat_project(s, name="大户多套",
                                            several_flats_from=Decimal("200.00"))
    with factory() as s:
        view = selection.desk_view(s, project_id)
        refused = selection.flat_refusal(s, project_id, "H001", ["1-1-301"], "1-1-302")
    assert view.most_flats == 1 and not view.several
    assert step_text(refused) == "所选房源2套，超过每户最多1套，不予安置"
    assert _offered(factory, project_id, ["1-1-301"]) == []


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.permutations(range(4)), st.integers(1, 2))
def test_property_rows_add_up_to_compensation_minus_all_flats(factory, two_flats, order, count):
    """Whatever flats (one or two, in any order) the rules let the household take, its rows
    add up to the compensation less the price of all its flats, priced together, to the fen."""
    keys = [FLATS[i].key for i in order]
    with factory() as s:
        taken: list[str] = []
        for key in keys:
            if len(taken) < count and selection.flat_refusal(s, two_flats, "H001", taken,
                                                             key) is None:
                taken.append(key)
        view = selection.desk_view(s, two_flats, taken)
    assert view.running is not None
    with factory.begin() as s:
        made = selection.select_flats(s, project_id=two_flats, code="H001", flat_keys=taken,
                                      operator="op")
        price = view.running.price
        assert sum(m.price_total for m in made) == price.total
        assert sum(m.settlement for m in made) == view.running.settlement == (
            made[0].compensation - price.total)
        assert sum(m.area for m in made) == price.area
        assert [m.flat_no for m in made] == list(range(1, len(taken) + 1))
        s.rollback()
    with factory() as s:
        assert s.scalar(select(SelectionRecord.id)) is None
        assert {st_ for st_ in s.scalars(select(FlatRecord.status))} == {
            FlatStatus.AVAILABLE.value}


def test_the_migration_keeps_an_only_flat_both_ways(engine, factory, two_flats):
    """0015 alters selection in place: an only flat survives going below it and back."""
    from alembic import command

    from db.store.migrate import alembic_config, current_revision, head_revision

    with factory.begin() as s:
        made = selection.select_flat(s, project_id=two_flats, code="H001",
                                     flat_key="1-1-301", operator="op")
    config = alembic_config(engine)
    command.downgrade(config, "0012")
    with engine.connect() as c:
        assert c.exec_driver_sql("SELECT flat_key FROM selection").scalars().all() == [
            "1-1-301"]
        assert c.exec_driver_sql("SELECT count(*) FROM selection_turn").scalar() == 1
    command.upgrade(config, "head")
    assert current_revision(engine) == head_revision()
    with factory() as s:
        again = selection.selection_results(s, two_flats)
        assert [(a.id, a.flat_key, a.flat_no) for a in again] == [(made.id, "1-1-301", 1)]
        assert verify_audit(s, two_flats).ok


def test_going_below_the_migration_is_refused_while_a_household_holds_two(engine, factory,
                                                                          two_flats):
    from alembic import command

    from db.store.migrate import alembic_config

    with factory.begin() as s:
        selection.select_flats(s, project_id=two_flats, code="H001",
                               flat_keys=["1-1-301", "1-1-302"], operator="op")
    with pytest.raises(RuntimeError, match="second or later flat"):
        command.downgrade(alembic_config(engine), "0012")


def test_the_rehearsals_unpriced_further_flats_are_the_desks_further_offers(factory, two_flats):
    """offers.further_flats (the rehearsal draws its second flat among them, pricing none)
    lists what the desk offers after each first flat, in its order."""
    from db.registry import load_flats
    from db.selection.offers import further_flats, taken_flats

    with factory() as s:
        chooser = selection.desk.turn_eligibility(s, two_flats, "H001")
        stock = [f.flat for f in load_flats(s, two_flats)]
        listed = []
        for first in _offered(factory, two_flats):
            offered = _offered(factory, two_flats, [first])
            unpriced = further_flats(chooser, taken_flats(s, two_flats, [first]), stock)
            assert [f.key for f in unpriced] == offered
            listed.append(len(offered))
    assert any(listed) and len(set(listed)) > 1  # some first flats leave fewer beside them
