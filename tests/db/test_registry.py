"""Registry operations on a real database: projects, households, flats, and their rules."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select

import db.registry.operations as registry
from allocation.errors import ConflictError, NotFoundError, ValidationError
from allocation.registry.model import Condition, FlatStatus, Member
from db.audit.chain import events_for
from db.records.tables import MemberRecord
from db.registry.queries import household_rows, summary
from tests.factories import make_flat, make_household, person_id, with_condition


def test_create_and_rename_project(factory):
    """A project is created once per name and can be renamed; both are audited."""
    with factory.begin() as s:
        pid = registry.create_project(s, name=" 东湖安置 ", actor="op")
    with factory.begin() as s, pytest.raises(ConflictError) as error:
        registry.create_project(s, name="东湖安置", actor="op")
    assert error.value.code == "project_exists"
    with factory.begin() as s:
        registry.rename_project(s, project_id=pid, name="东湖二期", actor="op")
    with factory() as s:
        assert [p.name for p in registry.list_projects(s)] == ["东湖二期"]
        assert registry.find_project(s, "东湖二期") == pid
        assert [e.action for e in events_for(s, project_id=pid)] == ["create", "rename"]


def test_household_round_trip(factory, project_id):
    """What is stored is what comes back, Decimal areas and conditions included."""
    household = with_condition(make_household("D001", seq=1), 1, Condition.DISABILITY, 2)
    with factory.begin() as s:
        hid = registry.add_household(s, project_id=project_id, household=household, actor="op")
    with factory() as s:
        stored = registry.get_household(s, hid)
    assert stored.household == household
    assert stored.household.legal_area == Decimal("88.50")
    assert stored.version == 1


def test_same_person_in_two_households_names_both(factory, project_id):
    """One ID number in two households is refused, naming both households."""
    first = make_household("D001", seq=1)
    with factory.begin() as s:
        registry.add_household(s, project_id=project_id, household=first, actor="op")
    intruder = first.members[1]
    second = make_household("D002", seq=2)
    second = replace(second, members=second.members + (replace(intruder, relation="女"),))
    with factory.begin() as s, pytest.raises(ConflictError) as error:
        registry.add_household(s, project_id=project_id, household=second, actor="op")
    assert error.value.code == "person_in_other_household"
    assert error.value.params["household"] == "D002"
    assert error.value.params["other_household"] == "D001"
    assert error.value.params["id_number"] == intruder.id_number
    with factory() as s:
        assert len(household_rows(s, project_id)) == 1


def test_same_person_allowed_in_another_project(factory, project_id):
    """The rule is per project: another resettlement may register the same person."""
    with factory.begin() as s:
        other = registry.create_project(s, name="另一项目", actor="op")
        registry.add_household(s, project_id=project_id, household=make_household(), actor="op")
        registry.add_household(s, project_id=other, household=make_household(), actor="op")
    with factory() as s:
        assert s.query(MemberRecord).count() == 6


def test_database_constraint_backs_the_check(factory, project_id):
    """Even bypassing the service, the database refuses a person twice in a project."""
    from sqlalchemy.exc import IntegrityError

    with factory.begin() as s:
        hid = registry.add_household(s, project_id=project_id, household=make_household(),
                                     actor="op")
    with factory() as s, pytest.raises(IntegrityError):
        s.add(MemberRecord(household_id=hid, project_id=project_id, position=9, name="X",
                           id_number=person_id(10, __import__("datetime").date(1960, 3, 1)),
                           relation="子"))
        s.flush()


@pytest.mark.parametrize(("change", "code", "field"), [
    ({"legal_area": Decimal("0")}, "not_positive", "legal_area"),
    ({"legal_area": Decimal("-5")}, "not_positive", "legal_area"),
    ({"code": " "}, "required_value_missing", "code"),
    ({"head_id": "110101197001010011"}, "invalid_id_number", "head_id"),
    ({"members": ()}, "household_without_members", "members"),
    # The 户主 member is 张三 (tests.factories): a head named otherwise is refused by name.
    ({"head_name": "张叁"}, "head_name_mismatch", "head_name"),
])
def test_invalid_household_is_refused(factory, project_id, change, code, field):
    """Bad data never reaches the table; the error names the rule and the field."""
    with factory.begin() as s, pytest.raises(ValidationError) as error:
        registry.add_household(s, project_id=project_id,
                               household=replace(make_household(), **change), actor="op")
    assert (error.value.code, error.value.params["field"]) == (code, field)
    with factory() as s:
        assert household_rows(s, project_id) == []


def test_update_replaces_members_and_is_audited(factory, project_id):
    """An edit stores the new members and logs before and after."""
    household = make_household("D001", seq=1, size=3)
    with factory.begin() as s:
        hid = registry.add_household(s, project_id=project_id, household=household, actor="op")
    smaller = replace(household, members=household.members[:2], phone="13900000000")
    with factory.begin() as s:
        version = registry.update_household(s, household_id=hid, household=smaller,
                                            actor="op2", expected_version=1)
    assert version == 2
    with factory() as s:
        assert registry.get_household(s, hid).household == smaller
        last = events_for(s, project_id=project_id, entity_key="D001")[-1]
        assert (last.action, last.actor) == ("update", "op2")
        assert '"13800138000"' in last.before and '"13900000000"' in last.after


def test_member_can_move_within_household(factory, project_id):
    """Reordering members (same ID numbers) does not trip the uniqueness constraint."""
    household = make_household("D001", seq=1, size=3)
    with factory.begin() as s:
        hid = registry.add_household(s, project_id=project_id, household=household, actor="op")
    m = household.members
    reordered = replace(household, members=(m[0], m[2], m[1]))
    with factory.begin() as s:
        registry.update_household(s, household_id=hid, household=reordered, actor="op")
    with factory() as s:
        assert registry.get_household(s, hid).household.members == (m[0], m[2], m[1])


def test_stale_edit_is_refused(factory, project_id):
    """Two workstations: the second save of a stale copy is refused, not overwritten."""
    household = make_household("D001", seq=1)
    with factory.begin() as s:
        hid = registry.add_household(s, project_id=project_id, household=household, actor="op")
    with factory.begin() as s:
        registry.update_household(s, household_id=hid, household=replace(household, notes="A"),
                                  actor="desk1", expected_version=1)
    with factory.begin() as s, pytest.raises(ConflictError) as error:
        registry.update_household(s, household_id=hid, household=replace(household, notes="B"),
                                  actor="desk2", expected_version=1)
    assert error.value.code == "stale_household"
    with factory() as s:
        assert registry.get_household(s, hid).household.notes == "A"


def test_delete_household_removes_members(factory, project_id):
    with factory.begin() as s:
        hid = registry.add_household(s, project_id=project_id, household=make_household(),
                                     actor="op")
    with factory.begin() as s:
        deleted = registry.delete_household(s, household_id=hid, actor="op")
    assert deleted.code == "H001"
    with factory() as s:
        assert s.scalars(select(MemberRecord)).all() == []
        assert events_for(s, project_id=project_id)[-1].action == "delete"
        with pytest.raises(NotFoundError):
            registry.get_household(s, hid)


def test_flats_unique_per_project_and_summary(factory, project_id):
    """Flat keys are unique; the summary counts flats by status."""
    with factory.begin() as s:
        registry.add_flat(s, project_id=project_id, flat=make_flat(number="301"), actor="op")
        fid = registry.add_flat(s, project_id=project_id, flat=make_flat(number="302"),
                                actor="op")
        registry.add_household(s, project_id=project_id, household=make_household(), actor="op")
    with factory.begin() as s, pytest.raises(ConflictError) as error:
        registry.add_flat(s, project_id=project_id, flat=make_flat(number="301"), actor="op")
    assert error.value.params["key"] == "1-1-301"
    with factory.begin() as s:
        registry.update_flat(s, flat_id=fid, flat=make_flat(number="302",
                             status=FlatStatus.RESERVED), actor="op", expected_version=1)
    with factory() as s:
        counts = summary(s, project_id)
    assert counts["flats"] == 2
    assert counts["flats_by_status"] == {"available": 1, "reserved": 1, "selected": 0,
                                         "unavailable": 0}
    assert (counts["households"], counts["members"], counts["recognised_members"]) == (1, 3, 3)


def test_household_rows_carry_counts_and_search_text(factory, project_id):
    """Table rows aggregate members: counts, conditions and every searchable name and ID."""
    household = with_condition(make_household("D007", seq=7), 2, Condition.LOW_INCOME)
    members = list(household.members)
    members[1] = replace(members[1], recognised=False)
    household = replace(household, members=tuple(members))
    with factory.begin() as s:
        registry.add_household(s, project_id=project_id, household=household, actor="op")
    with factory() as s:
        (row,) = household_rows(s, project_id)
    assert (row.code, row.members, row.recognised) == ("D007", 3, 2)
    assert row.conditions == {Condition.LOW_INCOME}
    assert "张小明" in row.search_text and household.members[2].id_number.lower() in row.search_text


def test_member_dataclass_defaults_are_recognised_head():
    assert Member("甲", person_id(1)).is_head
