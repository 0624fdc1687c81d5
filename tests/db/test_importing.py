"""Bulk registration: all or nothing, with every clash against stored data reported."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

import db.audit.chain as audit
import db.registry.importing as importing
import db.registry.operations as registry
from allocation.registry.model import FlatStatus
from db.audit import expand_batch
from db.registry.queries import household_rows, summary
from tests.factories import make_flat, make_household


def test_batch_is_registered_with_one_batch_event(factory, project_id):
    batch = [make_household(f"D{i:03}", seq=i) for i in range(1, 21)]
    seen = []
    with factory.begin() as s:
        count = importing.import_households(s, project_id=project_id, households=batch,
                                            actor="op", progress=lambda d, t: seen.append(d))
    assert count == 20 and seen[-1] == 20
    with factory() as s:
        assert [r.code for r in household_rows(s, project_id)] == [h.code for h in batch]
        assert registry.find_household(s, project_id, "D020").household == batch[-1]
        events = audit.events_for(s, project_id=project_id)
        imports = [e for e in events if e.action == "import"]
        assert [e.entity for e in imports] == ["import_batch"]
        assert [h["code"] for h in expand_batch(json.loads(imports[0].after))] == [
            h.code for h in batch]
        assert audit.verify_chain(s) is None


def test_clashes_reject_the_whole_batch(factory, project_id):
    """A stored 户号 and a person registered elsewhere: both reported, nothing written."""
    with factory.begin() as s:
        registry.add_household(s, project_id=project_id, household=make_household("D001", 1),
                               actor="op")
    stored_person = make_household("D001", 1).members[2]
    clash = make_household("D003", 3)
    clash = replace(clash, members=clash.members + (replace(stored_person, relation="女"),))
    batch = [make_household("D001", 11), make_household("D002", 2), clash]
    with factory.begin() as s, pytest.raises(importing.ImportRejected) as error:
        importing.import_households(s, project_id=project_id, households=batch, actor="op")
    found = {(r.key, r.code) for r in error.value.rejections}
    assert found == {("D001", "household_exists"), ("D003", "person_in_other_household")}
    person = next(r for r in error.value.rejections if r.code == "person_in_other_household")
    assert person.params["other_household"] == "D001" and person.member == 3
    with factory() as s:
        assert summary(s, project_id)["households"] == 1


def test_clashes_with_more_stored_than_the_batch(factory, project_id):
    """Three stored households, a batch of two (the stored side is then asked by IN (...),
    not read whole): D002 is stored, and D009 lists D003's second member (seq 3 → ID
    numbers 30, 31, 32: member 1 is 31); both reported, nothing written."""
    with factory.begin() as s:
        for seq in (1, 2, 3):
            registry.add_household(s, project_id=project_id,
                                   household=make_household(f"D00{seq}", seq), actor="op")
    stored_person = make_household("D003", 3).members[1]
    clash = make_household("D009", 9)
    clash = replace(clash, members=clash.members + (replace(stored_person, relation="女"),))
    batch = [make_household("D002", 12), clash]
    with factory.begin() as s, pytest.raises(importing.ImportRejected) as error:
        importing.import_households(s, project_id=project_id, households=batch, actor="op")
    found = {(r.key, r.code) for r in error.value.rejections}
    assert found == {("D002", "household_exists"), ("D009", "person_in_other_household")}
    person = next(r for r in error.value.rejections if r.code == "person_in_other_household")
    assert person.params["other_household"] == "D003" and person.member == 3
    with factory() as s:
        assert summary(s, project_id)["households"] == 3


def test_flats_batch_and_clash(factory, project_id):
    flats = [make_flat(number=f"{n}01", floor=n) for n in range(1, 7)]
    with factory.begin() as s:
        importing.import_flats(s, project_id=project_id, flats=flats, actor="op")
    again = [make_flat(number="101", floor=1), make_flat(number="701", floor=7,
                                                          status=FlatStatus.RESERVED)]
    with factory.begin() as s, pytest.raises(importing.ImportRejected) as error:
        importing.import_flats(s, project_id=project_id, flats=again, actor="op")
    assert [(r.key, r.code) for r in error.value.rejections] == [("1-1-101", "flat_exists")]
    with factory() as s:
        assert summary(s, project_id)["flats"] == 6
