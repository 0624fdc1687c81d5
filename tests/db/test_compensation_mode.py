"""A household's compensation mode (补偿方式) on a real database: stored, audited, settled by
signing, and the assessed value that value exchange and money compensation need."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from openpyxl import load_workbook
from sqlalchemy import text

import db.audit.chain as audit
import db.registry.importing as importing
import db.registry.operations as registry
from allocation.errors import ConflictError, ValidationError
from allocation.registry import check_household, check_mode_change, is_signed
from allocation.registry.model import CompensationMode, Household, HouseholdId, HouseholdStatus
from db.audit.snapshots import household_snapshot
from db.casework.progress import record_signing
from db.excel import read_households, write_households
from db.registry.queries import household_rows
from db.replay.check import verify_audit
from db.store.engine import make_engine, make_session_factory
from db.store.migrate import alembic_config, upgrade
from tests.db.old_rows import create_old_project
from tests.factories import make_household

CHOSEN = date(2026, 6, 15)
MONEY = replace(make_household("H001"), compensation_mode=CompensationMode.MONEY,
                mode_chosen_on=CHOSEN, assessed_value=Decimal("1234567.89"),
                appraisal_report="鄂华信评字[2026]第0123号")


# --- the rules alone (allocation.registry.checks), no database ---------------------------


def test_the_rules_alone():
    signed = replace(MONEY, signed_on=date(2026, 7, 1))
    assert not is_signed(MONEY) and is_signed(signed)
    assert is_signed(replace(MONEY, status=HouseholdStatus.FLAT_CHOSEN))
    assert check_household(MONEY) == []
    assert [(p.field, p.code) for p in check_household(replace(MONEY, assessed_value=None))] == [
        ("assessed_value", "assessed_value_required")]
    assert check_household(replace(MONEY, assessed_value=Decimal(0))) == []  # assessed at nil
    assert check_household(replace(MONEY, compensation_mode=CompensationMode.AREA,
                                   assessed_value=None)) == []
    assert [p.code for p in check_household(replace(MONEY, appraisal_report="号" * 65))] == [
        "too_long"]
    assert check_mode_change(MONEY, replace(MONEY, compensation_mode=CompensationMode.AREA)) == []
    moved = check_mode_change(signed, replace(signed, compensation_mode=CompensationMode.AREA,
                                              appraisal_report=""))
    assert [(p.field, p.code, p.params["household"]) for p in moved] == [
        ("compensation_mode", "compensation_mode_locked", "H001"),
        ("appraisal_report", "compensation_mode_locked", "H001")]
    assert check_mode_change(signed, replace(signed, phone="1")) == []


# --- on a database -------------------------------------------------------------------


def add(factory, project_id, household: Household) -> int:
    with factory.begin() as s:
        return registry.add_household(s, project_id=project_id, household=household, actor="op")


def update(factory, household_id: int, household: Household) -> int:
    with factory.begin() as s:
        return registry.update_household(s, household_id=household_id, household=household,
                                         actor="op")


def stored(factory, household_id: int) -> Household:
    with factory() as s:
        return registry.get_household(s, household_id).household


def test_the_mode_is_stored_and_loaded(factory, project_id):
    """Every way of reading a household gives the mode, the day, the value and the report."""
    hid = add(factory, project_id, MONEY)
    area = make_household("H002", seq=2)
    add(factory, project_id, area)
    with factory() as s:
        assert registry.get_household(s, hid).household == MONEY
        assert registry.load_households(s, project_id) == [MONEY, area]
        assert registry.find_household(s, project_id, "H001").household.assessed_value == (
            Decimal("1234567.89"))
        rows = household_rows(s, project_id)
    assert [r.compensation_mode for r in rows] == [CompensationMode.MONEY, CompensationMode.AREA]
    assert area.compensation_mode is CompensationMode.AREA and area.mode_chosen_on is None


def test_the_largest_amount_keeps_its_cents(factory, project_id):
    big = replace(MONEY, assessed_value=Decimal("999999999999.99"))
    hid = add(factory, project_id, big)
    assert stored(factory, hid).assessed_value == Decimal("999999999999.99")
    with factory.begin() as s, pytest.raises(ValidationError) as error:
        registry.update_household(s, household_id=hid, actor="op", household=replace(
            big, assessed_value=Decimal("1000000000000.00")))
    assert (error.value.code, error.value.params["field"]) == ("too_large", "assessed_value")


def test_a_change_of_mode_is_audited_with_before_and_after(factory, project_id):
    hid = add(factory, project_id, make_household("H001"))
    value = replace(stored(factory, hid), compensation_mode=CompensationMode.VALUE,
                    mode_chosen_on=CHOSEN, assessed_value=Decimal("880000"),
                    appraisal_report="PG-17")
    assert update(factory, hid, value) == 2
    with factory() as s:
        event = audit.events_for(s, project_id=project_id, entity_key="H001")[-1]
        before, after = json.loads(event.before), json.loads(event.after)
        assert (event.action, event.entity, event.actor) == ("update", "household", "op")
        assert {k: before[k] for k in ("compensation_mode", "mode_chosen_on", "assessed_value",
                                       "appraisal_report")} == {
            "compensation_mode": "area", "mode_chosen_on": None, "assessed_value": None,
            "appraisal_report": ""}
        assert {k: after[k] for k in ("compensation_mode", "mode_chosen_on", "assessed_value",
                                      "appraisal_report")} == {
            "compensation_mode": "value", "mode_chosen_on": "2026-06-15",
            "assessed_value": "880000.00", "appraisal_report": "PG-17"}
        assert verify_audit(s, project_id).ok


def test_a_mode_changed_behind_the_logs_back_is_found(factory, project_id):
    add(factory, project_id, MONEY)
    with factory.begin() as s:
        s.execute(text("UPDATE household SET compensation_mode = 'area' WHERE code = 'H001'"))
    with factory() as s:
        report = verify_audit(s, project_id)
    assert report.mismatch is not None
    assert (report.mismatch.key, report.mismatch.field) == ("H001", "compensation_mode")


@pytest.mark.parametrize("mode", [CompensationMode.VALUE, CompensationMode.MONEY])
def test_value_and_money_need_an_assessed_value(factory, project_id, mode):
    bare = replace(make_household("H001"), compensation_mode=mode, mode_chosen_on=CHOSEN)
    with factory.begin() as s, pytest.raises(ValidationError) as error:
        registry.add_household(s, project_id=project_id, household=bare, actor="op")
    assert error.value.code == "assessed_value_required"
    assert (error.value.params["field"], error.value.params["key"]) == ("assessed_value", "H001")
    hid = add(factory, project_id, make_household("H001"))
    with factory.begin() as s, pytest.raises(ValidationError) as error:
        registry.update_household(s, household_id=hid, household=bare, actor="op")
    assert error.value.code == "assessed_value_required"
    assert stored(factory, hid).compensation_mode is CompensationMode.AREA


def test_a_negative_assessed_value_is_refused(factory, project_id):
    with factory.begin() as s, pytest.raises(ValidationError) as error:
        registry.add_household(s, project_id=project_id, actor="op", household=replace(
            MONEY, assessed_value=Decimal("-1")))
    assert (error.value.code, error.value.params["field"]) == ("negative", "assessed_value")


def test_the_day_chosen_is_the_day_of_the_change_unless_given(factory, project_id):
    hid = add(factory, project_id, replace(MONEY, mode_chosen_on=None))
    assert stored(factory, hid).mode_chosen_on == date.today()
    area = add(factory, project_id, make_household("H002", seq=2))
    assert stored(factory, area).mode_chosen_on is None  # the default mode needs no day
    update(factory, area, replace(stored(factory, area), compensation_mode=CompensationMode.VALUE,
                                  assessed_value=Decimal("1")))
    assert stored(factory, area).mode_chosen_on == date.today()


def _signed(factory, project_id) -> int:
    hid = add(factory, project_id, MONEY)
    with factory.begin() as s:
        record_signing(s, household_id=hid, signed_on=date(2026, 7, 1), actor="op")
    return hid


@pytest.mark.parametrize("change", [
    {"compensation_mode": CompensationMode.AREA},
    {"compensation_mode": CompensationMode.VALUE},
    {"mode_chosen_on": date(2026, 6, 16)},
    {"assessed_value": Decimal("1234567.90")},
    {"appraisal_report": "另一份报告"},
])
def test_the_choice_is_settled_once_the_household_signs(factory, project_id, change):
    hid = _signed(factory, project_id)
    signed = stored(factory, hid)
    assert signed.status is HouseholdStatus.SIGNED
    with factory.begin() as s, pytest.raises(ConflictError) as error:
        registry.update_household(s, household_id=hid, household=replace(signed, **change),
                                  actor="op")
    assert error.value.code == "compensation_mode_locked"
    assert error.value.params["household"] == "H001"
    assert error.value.params["field"] == next(iter(change))
    assert error.value.params["signed_on"] == "2026-07-01"
    assert stored(factory, hid) == signed
    # Anything else of a signed household is still edited as before.
    update(factory, hid, replace(signed, phone="13900000000"))
    assert stored(factory, hid).phone == "13900000000"


@pytest.mark.parametrize("status", [HouseholdStatus.SIGNED, HouseholdStatus.MOVED_OUT,
                                    HouseholdStatus.KEYS_HANDED])
def test_a_status_of_signed_or_later_settles_it_too(factory, project_id, status):
    """Imported ledgers may say 已签约 without a signing date."""
    hid = add(factory, project_id, replace(make_household("H001"), status=status))
    with factory.begin() as s, pytest.raises(ConflictError) as error:
        registry.update_household(s, household_id=hid, actor="op", household=replace(
            stored(factory, hid), compensation_mode=CompensationMode.MONEY,
            assessed_value=Decimal("10")))
    assert error.value.code == "compensation_mode_locked"
    assert error.value.params["signed_on"] == ""


def test_choosing_and_signing_in_one_change_and_its_undo(factory, project_id):
    """The choice may be made in the change that signs; undoing that change (signing taken
    back with it) restores the choice, as the dialog's undo does."""
    hid = add(factory, project_id, make_household("H001"))
    before = stored(factory, hid)
    chose_and_signed = replace(MONEY, signed_on=date(2026, 7, 1), signing_seq=1,
                               status=HouseholdStatus.SIGNED)
    update(factory, hid, chose_and_signed)
    assert stored(factory, hid) == chose_and_signed
    update(factory, hid, before)
    assert stored(factory, hid) == before
    with factory() as s:
        assert verify_audit(s, project_id).ok


def test_an_import_stores_each_mode_and_the_day_of_the_import(factory, project_id):
    batch = [MONEY,
             replace(make_household("H002", seq=2), compensation_mode=CompensationMode.VALUE,
                     assessed_value=Decimal("500000.5")),
             make_household("H003", seq=3)]
    with factory.begin() as s:
        importing.import_households(s, project_id=project_id, households=batch, actor="op")
    with factory() as s:
        loaded = {h.code: h for h in registry.load_households(s, project_id)}
        assert loaded["H001"] == MONEY
        assert loaded["H002"].mode_chosen_on == date.today()
        assert loaded["H002"].assessed_value == Decimal("500000.50")
        assert loaded["H003"].compensation_mode is CompensationMode.AREA
        assert verify_audit(s, project_id).ok


def test_an_import_without_the_assessed_value_is_refused_whole(factory, project_id):
    batch = [MONEY, replace(make_household("H002", seq=2),
                            compensation_mode=CompensationMode.VALUE)]
    with factory.begin() as s, pytest.raises(importing.ImportRejected) as error:
        importing.import_households(s, project_id=project_id, households=batch, actor="op")
    assert [(r.key, r.code, r.field) for r in error.value.rejections] == [
        ("H002", "assessed_value_required", "assessed_value")]
    with factory() as s:
        assert registry.load_households(s, project_id) == []


def test_an_excel_file_of_each_mode_imports_and_exports_back_exactly(factory, project_id,
                                                                    tmp_path: Path):
    value = replace(make_household("H002", seq=2), compensation_mode=CompensationMode.VALUE,
                    assessed_value=Decimal("0.00"), appraisal_report="PG-2")
    area = replace(make_household("H003", seq=3), assessed_value=Decimal("45000.10"))
    write_households(tmp_path / "in.xlsx", [MONEY, value, area])
    with factory.begin() as s:
        assert importing.import_households_file(s, project_id=project_id,
                                                path=tmp_path / "in.xlsx", actor="op") == 3
    with factory() as s:
        loaded = registry.load_households(s, project_id)
        importing.export_households_file(s, project_id=project_id, path=tmp_path / "out.xlsx")
    assert loaded == [MONEY, replace(value, mode_chosen_on=date.today()), area]
    assert read_households(tmp_path / "out.xlsx").items == loaded


def test_a_bad_compensation_cell_is_named_and_nothing_is_imported(factory, project_id,
                                                                  tmp_path: Path):
    write_households(tmp_path / "in.xlsx", [MONEY])
    book = load_workbook(tmp_path / "in.xlsx")
    book["户"]["K2"] = "现金"
    book["户"]["M2"] = None
    book.save(tmp_path / "in.xlsx")
    with factory.begin() as s, pytest.raises(importing.ImportRejected) as error:
        importing.import_households_file(s, project_id=project_id, path=tmp_path / "in.xlsx",
                                         actor="op")
    assert [(p.sheet, p.row, p.column, p.value, p.code) for p in error.value.rejections] == [
        ("户", 2, "补偿方式", "现金", "unknown_compensation_mode")]
    book["户"]["K2"] = "货币补偿"
    book.save(tmp_path / "in.xlsx")
    with factory.begin() as s, pytest.raises(importing.ImportRejected) as error:
        importing.import_households_file(s, project_id=project_id, path=tmp_path / "in.xlsx",
                                         actor="op")
    assert [(p.sheet, p.row, p.column, p.code) for p in error.value.rejections] == [
        ("户", 2, "评估价值（元）", "assessed_value_required")]
    with factory() as s:
        assert registry.load_households(s, project_id) == []


# --- a database from before migration 0009 -------------------------------------------


def test_households_logged_before_the_migration_are_in_area_mode(tmp_path: Path):
    """Rows and audit events written by Anju before 0009 migrate to the default mode, and the
    log still replays to the data (old snapshots lack the new keys)."""
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    command.upgrade(alembic_config(engine), "0008")
    factory = make_session_factory(engine)
    household = make_household("H001")
    old_snapshot = household_snapshot(household)
    for key in ("compensation_mode", "mode_chosen_on", "assessed_value", "appraisal_report"):
        del old_snapshot[key]
    with factory.begin() as s:
        project_id = create_old_project(s, "旧项目")
        s.execute(text(
            "INSERT INTO household (id, project_id, code, head_name, head_id, phone, address, "
            "legal_area, notes, status, member_count, recognised_count, new_member_count, "
            "member_conditions, search_text, version) VALUES (1, :p, 'H001', :name, :id, "
            "'13800138000', '中山路1号', 88.50, '', 'registered', 3, 3, 0, '', '', 1)"),
            {"p": project_id, "name": household.head_name, "id": household.head_id})
        for position, member in enumerate(household.members):
            s.execute(text(
                "INSERT INTO member (household_id, project_id, position, name, id_number, "
                "relation, recognised, conditions, new_member) VALUES (1, :p, :pos, :name, "
                ":id, :relation, 1, '', 0)"),
                {"p": project_id, "pos": position, "name": member.name, "id": member.id_number,
                 "relation": member.relation})
        audit.record(s, audit.AuditEntry(project_id, "op", "create", "household", "H001",
                                         after=old_snapshot))
    upgrade(engine)
    with factory() as s:
        assert registry.load_households(s, project_id) == [household]
        assert verify_audit(s, project_id).ok
    hid = HouseholdId(1)
    update(factory, hid, MONEY)
    with factory() as s:
        assert registry.get_household(s, hid).household == MONEY
        assert verify_audit(s, project_id).ok
    engine.dispose()
