"""Intentions (选房意向) stored: recorded, replaced, cleared, audited, replayed, read by chances."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from sqlalchemy import inspect, select, text

import db.casework as casework
import db.registry.importing as importing
import db.registry.operations as registry
import db.rules.versions as policies
import db.selection as selection
from allocation.chances import Intention
from allocation.demo.policy import demo_policy
from allocation.demo.register import demo_flats, demo_households
from allocation.errors import ValidationError
from db.demo.project import create_demo_project
from db.records import HouseholdRecord
from db.replay import verify_audit
from db.store.migrate import alembic_config
from tests.db.test_selection import ON, build_drawn_project
from tests.factories import make_household

DAY = date(2026, 10, 8)


def _ids(session, project_id) -> dict[str, int]:
    return dict(session.execute(select(HouseholdRecord.code, HouseholdRecord.id).where(
        HouseholdRecord.project_id == project_id)).all())


@pytest.fixture
def drawn(factory):
    with factory.begin() as s:
        project_id = build_drawn_project(s)
        return project_id, _ids(s, project_id)


def test_recorded_replaced_and_cleared_each_in_the_log(factory, drawn) -> None:
    """D001 first wants 3室2厅1卫 then 2室2厅1卫 in building 1, floors 2–6; recorded again it
    wants 1室1厅1卫 alone; cleared, it is unknown. Three events: create, update, delete;
    the data equals the replayed log after each."""
    project_id, ids = drawn
    first = Intention(("3室2厅1卫", "2室2厅1卫"), ("1",), 2, 6)
    with factory.begin() as s:
        casework.record_intention(s, household_id=ids["D001"], intention=first,
                                  recorded_on=DAY, recorded_by="李一", actor="op")
    with factory() as s:
        log = casework.case_log(s, ids["D001"])
        assert log.intention is not None and log.intention.intention == first
        assert (log.intention.recorded_on, log.intention.recorded_by) == (DAY, "李一")
        assert selection.stored_intentions(s, project_id) == {"D001": first}
        assert verify_audit(s, project_id).ok
        stored = s.execute(text("SELECT layouts, buildings FROM selection_intention")).one()
        assert tuple(stored) == ("3室2厅1卫、2室2厅1卫", "1")
    with factory.begin() as s:
        casework.record_intention(s, household_id=ids["D001"], intention=Intention(("1室1厅1卫",)),
                                  recorded_on=DAY, recorded_by="张二", actor="op")
    with factory() as s:
        assert selection.stored_intentions(s, project_id) == {"D001": Intention(("1室1厅1卫",))}
        assert verify_audit(s, project_id).ok
    with factory.begin() as s:
        casework.clear_intention(s, household_id=ids["D001"], actor="op")
    with factory() as s:
        assert casework.case_log(s, ids["D001"]).intention is None
        assert selection.stored_intentions(s, project_id) == {}
        assert verify_audit(s, project_id).ok
        actions = s.execute(text("SELECT action FROM audit_event WHERE entity = 'intention' "
                                 "ORDER BY seq")).scalars().all()
    assert actions == ["create", "update", "delete"]


def test_an_edit_behind_the_apps_back_is_named(factory, drawn) -> None:
    project_id, ids = drawn
    with factory.begin() as s:
        casework.record_intention(s, household_id=ids["D002"], intention=Intention(("2室1厅1卫",)),
                                  recorded_on=DAY, recorded_by="李一", actor="op")
    with factory.begin() as s:
        s.execute(text("UPDATE selection_intention SET layouts = '3室2厅2卫'"))
    with factory() as s:
        report = verify_audit(s, project_id)
    assert report.mismatch is not None
    assert (report.mismatch.entity, report.mismatch.reason, report.mismatch.field) == (
        "intention", "changed_outside_app", "layouts")


def test_a_deleted_household_takes_its_intention_and_the_check_knows(factory, project_id) -> None:
    with factory.begin() as s:
        household_id = registry.add_household(s, project_id=project_id, actor="op",
                                              household=make_household("H001", seq=1))
        casework.record_intention(s, household_id=household_id,
                                  intention=Intention(("2室1厅",)), recorded_on=DAY,
                                  recorded_by="李一", actor="op")
    with factory.begin() as s:
        registry.delete_household(s, household_id=household_id, actor="op")
    with factory() as s:
        assert s.execute(text("SELECT count(*) FROM selection_intention")).scalar() == 0
        assert verify_audit(s, project_id).ok


def test_bad_intentions_are_refused(factory, drawn) -> None:
    _project_id, ids = drawn
    with factory.begin() as s, pytest.raises(ValidationError) as raised:
        casework.record_intention(s, household_id=ids["D001"], intention=Intention(("A",)),
                                  recorded_on=DAY, recorded_by=" ", actor="op")
    assert raised.value.code == "required_value_missing"


def test_the_chances_read_the_stored_intentions(factory, drawn) -> None:
    """The figures with the stored intentions equal those with the same intentions given."""
    project_id, ids = drawn
    wanted = {"D001": Intention(("3室2厅1卫",)), "D005": Intention(("3室2厅1卫", "2室2厅1卫"))}
    with factory.begin() as s:
        for code, intention in wanted.items():
            casework.record_intention(s, household_id=ids[code], intention=intention,
                                      recorded_on=DAY, recorded_by="李一", actor="op")
    with factory() as s:
        stored = selection.draw_chances(s, project_id, replays=40, on=ON)
        given = selection.draw_chances(s, project_id, replays=40, on=ON, intentions=wanted)
    assert stored == given


def test_supply_and_demand_counts_the_stored_intentions(factory, drawn) -> None:
    """Worked by hand: 3 of the 12 pool households want 3室2厅1卫 first (one of them 2 flats),
    1 wants 1室1厅1卫 first in building 4; 8 are unknown. The demo stock has 44 flats of
    3室2厅1卫 and 44 of 1室1厅1卫 (counted in SQL here), so the balances are 44 − 3 = 41
    and 44 − 1 = 43, no shortage; building 4 is wanted first by one household."""
    project_id, ids = drawn
    wanted = {"D001": Intention(("3室2厅1卫",)), "D002": Intention(("3室2厅1卫",), flats=2),
              "D003": Intention(("3室2厅1卫", "1室1厅1卫")),
              "D004": Intention(("1室1厅1卫",), ("4",))}
    with factory.begin() as s:
        for code, intention in wanted.items():
            casework.record_intention(s, household_id=ids[code], intention=intention,
                                      recorded_on=DAY, recorded_by="李一", actor="op")
    with factory() as s:
        table = selection.project_supply_demand(s, project_id, on=ON)
        counted = dict(s.execute(text(
            "SELECT layout, count(*) FROM flat WHERE project_id = :p GROUP BY layout"),
            {"p": project_id}).all())
    assert (table.households, table.unknown) == (12, 8)
    lines = {line.name: line for line in table.layouts}
    big, small = lines["3室2厅1卫"], lines["1室1厅1卫"]
    assert (big.flats, big.want_first, big.flats_wanted, big.balance) == (
        counted["3室2厅1卫"], 3, 4, 41)
    assert (small.flats, small.want_first, small.balance) == (counted["1室1厅1卫"], 1, 43)
    assert not big.short and not small.short
    assert {line.name: line.want_first for line in table.buildings} == {"1": 0, "2": 0, "3": 0,
                                                                        "4": 1}


def test_supply_and_demand_before_the_pool_takes_the_rules_groups(factory, project_id) -> None:
    """Without a pool every household taking a flat counts, in the group the rules give it."""
    with factory.begin() as s:
        importing.import_households(s, project_id=project_id, households=demo_households()[:5],
                                    actor="op")
        importing.import_flats(s, project_id=project_id, flats=demo_flats()[:10], actor="op")
        policies.set_policy(s, project_id=project_id, policy=demo_policy(), actor="op")
        policies.freeze_policy(s, project_id=project_id, actor="sup")
    with factory() as s:
        table = selection.project_supply_demand(s, project_id, on=ON)
    assert table.households == 5 and table.unknown == 5
    assert sum(group.households for group in table.groups) == 5


def test_the_migration_goes_down_and_up_again(engine) -> None:
    config = alembic_config(engine)
    command.downgrade(config, "0012")
    assert "selection_intention" not in inspect(engine).get_table_names()
    command.upgrade(config, "head")
    assert "selection_intention" in inspect(engine).get_table_names()


def test_the_demo_records_intentions_for_most_households(factory) -> None:
    """Most of the 199 demo households said what they want, some did not (unknown); each was
    recorded by its pair's first responsible, and the demo still passes audit verify."""
    with factory.begin() as s:
        project_id = create_demo_project(s, actor="demo")
    with factory() as s:
        entries = casework.intention_entries(s, project_id)
        first = dict(s.execute(text(
            "SELECT h.code, st.name FROM household_assignment a JOIN household h "
            "ON h.id = a.household_id JOIN staff st ON st.id = a.first_staff_id")).all())
        table = selection.project_supply_demand(s, project_id, on=ON)
        assert verify_audit(s, project_id).ok
    assert 150 <= len(entries) < 199
    assert all(entry.recorded_by == first[code] for code, _name, entry in entries)
    assert table.unknown == table.households - len(entries)
    assert any(line.short for line in table.layouts)  # the survey finds a mismatch
