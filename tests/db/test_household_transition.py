"""A household's transition housing (周转用房), payee account (收款账户) and old home use, and a
flat's inner area (套内建筑面积), on a real database: stored, audited, replayed, checked."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils.cell import get_column_letter
from sqlalchemy import text

import db.audit.chain as audit
import db.registry.importing as importing
import db.registry.operations as registry
from allocation.errors import ValidationError
from allocation.registry import account_digits, check_flat, check_household
from allocation.registry.model import Household, HouseholdId, OldHomeUse
from db.audit.snapshots import flat_snapshot, household_snapshot
from db.excel import (
    read_flats,
    read_households,
    write_flat_template,
    write_flats,
    write_household_template,
    write_households,
)
from db.replay.check import verify_audit
from db.store.engine import make_engine, make_session_factory
from db.store.migrate import alembic_config, upgrade
from tests.db.old_rows import create_old_project
from tests.factories import make_flat, make_household

LENT = replace(make_household("H001"), transition_housing="江汉区周转房3栋2单元501",
               transition_from=date(2026, 8, 1), transition_until=date(2028, 7, 31),
               payee_bank="中国工商银行武汉江汉支行", payee_name="张三",
               payee_account="6222 0200 1234 5678 901", old_home_use=OldHomeUse.NON_RESIDENTIAL)
NEW_FIELDS = ("transition_housing", "transition_from", "transition_until", "payee_bank",
              "payee_name", "payee_account", "old_home_use")


def codes(household: Household) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in check_household(household)]


# --- the rules alone (allocation.registry.checks), no database ---------------------------


def test_the_rules_alone():
    """Worked by hand: "6222 0200 1234 5678 901" is 4+4+4+4+3 = 19 digits, within 8–32;
    "1234-567" is 7 digits, one short; 33 nines one too many; a full-width ０ is not a digit
    a bank writes. A term ending 2026-07-31 before it starts 2026-08-01 is reversed."""
    assert codes(LENT) == []
    assert account_digits("6222 0200-1234") == "622202001234"
    assert codes(replace(LENT, payee_account="1234-567")) == [
        ("payee_account", "bad_payee_account")]
    assert codes(replace(LENT, payee_account="9" * 33)) == [("payee_account", "bad_payee_account")]
    assert codes(replace(LENT, payee_account="9" * 32)) == []
    assert codes(replace(LENT, payee_account="12345678")) == []
    assert codes(replace(LENT, payee_account="6222０200123456")) == [
        ("payee_account", "bad_payee_account")]
    assert codes(replace(LENT, payee_account="6222x200123456")) == [
        ("payee_account", "bad_payee_account")]
    assert codes(replace(LENT, transition_until=date(2026, 7, 31))) == [
        ("transition_until", "transition_term_reversed")]
    assert codes(replace(LENT, transition_until=date(2026, 8, 1))) == []  # one day is a term
    assert codes(replace(LENT, transition_housing="")) == [
        ("transition_housing", "transition_term_without_housing")]
    assert codes(replace(LENT, transition_housing="", transition_from=None,
                         transition_until=None)) == []  # 自行过渡
    assert codes(replace(LENT, transition_from=None, transition_until=None)) == []  # no term yet
    assert codes(replace(LENT, payee_bank="行" * 65, payee_name="名" * 65,
                         transition_housing="址" * 201)) == [
        ("transition_housing", "too_long"), ("payee_bank", "too_long"), ("payee_name", "too_long")]


def test_the_inner_area_rules():
    """The inner area is at most the floor area (85.00 m² in make_flat) and above nought."""
    assert check_flat(make_flat(inner_area=Decimal("85.00"))) == []
    assert check_flat(make_flat(inner_area=None)) == []
    assert [(p.field, p.code) for p in check_flat(make_flat(inner_area=Decimal("85.01")))] == [
        ("inner_area", "inner_area_exceeds_area")]
    assert [(p.field, p.code) for p in check_flat(make_flat(inner_area=Decimal(0)))] == [
        ("inner_area", "not_positive")]


@given(st.lists(st.text("0123456789", min_size=1, max_size=6), min_size=1, max_size=8),
       st.sampled_from([" ", "-", ""]))
def test_an_account_is_its_digits_however_grouped(groups, separator):
    account = separator.join(groups)
    digits = "".join(groups)
    assert account_digits(account) == digits
    problems = codes(replace(LENT, payee_account=account))
    if len(account) > 40:
        assert ("payee_account", "too_long") in problems
    ok = 8 <= len(digits) <= 32
    assert (("payee_account", "bad_payee_account") not in problems) == ok


# --- on a database -------------------------------------------------------------------


def stored(factory, household_id: int) -> Household:
    with factory() as s:
        return registry.get_household(s, household_id).household


def test_the_new_facts_are_stored_audited_and_replayed(factory, project_id):
    with factory.begin() as s:
        hid = registry.add_household(s, project_id=project_id, household=LENT, actor="op")
        fid = registry.add_flat(s, project_id=project_id, actor="op",
                                flat=make_flat(inner_area=Decimal("70.25")))
    assert stored(factory, hid) == LENT
    with factory() as s:
        assert registry.get_flat(s, fid).flat.inner_area == Decimal("70.25")
        created = audit.events_for(s, project_id=project_id, entity_key="H001")[-1]
        after = json.loads(created.after)
        assert {k: after[k] for k in NEW_FIELDS} == {
            "transition_housing": "江汉区周转房3栋2单元501", "transition_from": "2026-08-01",
            "transition_until": "2028-07-31", "payee_bank": "中国工商银行武汉江汉支行",
            "payee_name": "张三", "payee_account": "6222 0200 1234 5678 901",
            "old_home_use": "non_residential"}
        assert verify_audit(s, project_id).ok
    # Still editable once signed: they are not the compensation choice signing settles.
    signed = replace(LENT, signed_on=date(2026, 7, 1))
    with factory.begin() as s:
        registry.update_household(s, household_id=hid, household=signed, actor="op")
    back = replace(signed, transition_housing="", transition_from=None, transition_until=None,
                   payee_account="6222-0200-1234-5678", old_home_use=OldHomeUse.RESIDENTIAL)
    with factory.begin() as s:
        registry.update_household(s, household_id=hid, household=back, actor="op")
        registry.update_flat(s, flat_id=fid, actor="op", flat=make_flat(inner_area=None))
    assert stored(factory, hid) == back
    with factory() as s:
        event = audit.events_for(s, project_id=project_id, entity_key="H001")[-1]
        assert json.loads(event.before)["transition_housing"] == "江汉区周转房3栋2单元501"
        assert json.loads(event.after)["transition_housing"] == ""
        assert registry.get_flat(s, fid).flat.inner_area is None
        assert verify_audit(s, project_id).ok


def test_a_bad_account_is_refused_naming_the_field(factory, project_id):
    with factory.begin() as s, pytest.raises(ValidationError) as error:
        registry.add_household(s, project_id=project_id, actor="op",
                               household=replace(LENT, payee_account="0013 800"))  # 7 digits
    assert (error.value.code, error.value.params["field"]) == ("bad_payee_account",
                                                               "payee_account")


@pytest.mark.parametrize(("sql", "key", "field"), [
    ("UPDATE household SET payee_account = '6222000011112222' WHERE code = 'H001'",
     "H001", "payee_account"),
    ("UPDATE flat SET inner_area = 60.00", "1-1-301", "inner_area"),
])
def test_a_fact_changed_behind_the_logs_back_is_found(factory, project_id, sql, key, field):
    with factory.begin() as s:
        registry.add_household(s, project_id=project_id, household=LENT, actor="op")
        registry.add_flat(s, project_id=project_id, actor="op",
                          flat=make_flat(inner_area=Decimal("70.25")))
    with factory.begin() as s:
        s.execute(text(sql))
    with factory() as s:
        report = verify_audit(s, project_id)
    assert report.mismatch is not None
    assert (report.mismatch.key, report.mismatch.field) == (key, field)


# --- a database from before migration 0010 -------------------------------------------


def test_rows_logged_before_the_migration_get_its_defaults(tmp_path: Path):
    """Households and flats written before 0010 are 自行过渡, without a payee account, homes
    (住宅), without an inner area; their old snapshots (lacking the keys) still replay."""
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    command.upgrade(alembic_config(engine), "0009")
    factory = make_session_factory(engine)
    household, flat = make_household("H001"), make_flat()
    old_household, old_flat = household_snapshot(household), flat_snapshot(flat)
    for key in NEW_FIELDS:
        del old_household[key]
    del old_flat["inner_area"]
    with factory.begin() as s:
        project_id = create_old_project(s, "旧项目")
        s.execute(text(
            "INSERT INTO household (id, project_id, code, head_name, head_id, phone, address, "
            "legal_area, notes, status, member_count, recognised_count, new_member_count, "
            "member_conditions, search_text, version, compensation_mode, appraisal_report) "
            "VALUES (1, :p, 'H001', :name, :id, '13800138000', '中山路1号', 88.50, '', "
            "'registered', 3, 3, 0, '', '', 1, 'area', '')"),
            {"p": project_id, "name": household.head_name, "id": household.head_id})
        for position, member in enumerate(household.members):
            s.execute(text(
                "INSERT INTO member (household_id, project_id, position, name, id_number, "
                "relation, recognised, conditions, new_member) VALUES (1, :p, :pos, :name, "
                ":id, :relation, 1, '', 0)"),
                {"p": project_id, "pos": position, "name": member.name, "id": member.id_number,
                 "relation": member.relation})
        s.execute(text(
            "INSERT INTO flat (project_id, building, unit, floor, number, area, layout, "
            "orientation, base_price, status, version) VALUES (:p, '1', '1', 3, '301', 85.00, "
            "'3室2厅1卫', '南北', 4000.00, 'available', 1)"), {"p": project_id})
        audit.record(s, audit.AuditEntry(project_id, "op", "create", "household", "H001",
                                         after=old_household))
        audit.record(s, audit.AuditEntry(project_id, "op", "create", "flat", "1-1-301",
                                         after=old_flat))
    upgrade(engine)
    with factory() as s:
        assert registry.load_households(s, project_id) == [household]
        assert [f.flat for f in registry.load_flats(s, project_id)] == [flat]
        assert verify_audit(s, project_id).ok
    with factory.begin() as s:
        registry.update_household(s, household_id=HouseholdId(1), household=LENT, actor="op")
    with factory() as s:
        assert registry.get_household(s, HouseholdId(1)).household == LENT
        assert verify_audit(s, project_id).ok
    engine.dispose()


# --- Excel: read, written, in the template -------------------------------------------


def test_an_excel_file_imports_and_exports_back_exactly(factory, project_id, tmp_path: Path):
    """The export's new columns (O–U on 户, J on 房源) read back to the same facts, the
    account as text: 19 digits would lose four in a number cell (Excel keeps 15)."""
    plain = make_household("H002", seq=2)
    write_households(tmp_path / "in.xlsx", [LENT, plain])
    flats = [make_flat(inner_area=Decimal("70.25")), make_flat(number="302")]
    write_flats(tmp_path / "flats.xlsx", flats)
    sheet = load_workbook(tmp_path / "in.xlsx")["户"]
    assert [sheet[f"{c}1"].value for c in "OPQRSTU"] == [
        "原房屋用途", "周转房地址", "周转起始日期", "周转截止日期", "开户银行", "收款户名",
        "收款账号"]
    assert sheet["O2"].value == "非住宅" and sheet["O3"].value == "住宅"
    assert sheet["U2"].value == "6222 0200 1234 5678 901" and sheet["U2"].data_type == "s"
    assert sheet["U2"].number_format == "@"
    assert load_workbook(tmp_path / "flats.xlsx")["房源"]["J1"].value == "套内面积（㎡）"
    with factory.begin() as s:
        assert importing.import_households_file(s, project_id=project_id,
                                                path=tmp_path / "in.xlsx", actor="op") == 2
        importing.import_flats_file(s, project_id=project_id, path=tmp_path / "flats.xlsx",
                                    actor="op")
    with factory() as s:
        loaded = registry.load_households(s, project_id)
        importing.export_households_file(s, project_id=project_id, path=tmp_path / "out.xlsx")
        assert [f.flat for f in registry.load_flats(s, project_id)] == flats
        assert verify_audit(s, project_id).ok
    assert loaded == [LENT, plain]
    assert read_households(tmp_path / "out.xlsx").items == loaded
    assert read_flats(tmp_path / "flats.xlsx").items == flats


def test_the_template_has_the_columns_as_text(tmp_path: Path):
    write_household_template(tmp_path / "h.xlsx")
    write_flat_template(tmp_path / "f.xlsx")
    book = load_workbook(tmp_path / "h.xlsx")
    sheet = book["户"]
    headers = [c.value for c in sheet[1]]
    account = headers.index("收款账号") + 1
    assert sheet.column_dimensions[get_column_letter(account)].number_format == "@"
    assert {"原房屋用途", "周转房地址", "周转起始日期", "周转截止日期", "开户银行",
            "收款户名"} <= set(headers)
    notes = {row[1].value: row[4].value for row in book["说明"].iter_rows(min_row=2)}
    assert "勿转为数字" in notes["收款账号"] and "住宅" in notes["原房屋用途"]
    assert "套内面积（㎡）" in [c.value for c in load_workbook(tmp_path / "f.xlsx")["房源"][1]]


@pytest.mark.parametrize(("cell", "value", "column", "code"), [
    ("U2", 6222020012345678901, "收款账号", "account_number_cell"),
    ("U2", "6222 02", "收款账号", "bad_payee_account"),
    ("O2", "商铺", "原房屋用途", "unknown_old_home_use"),
    ("R2", date(2026, 7, 31), "周转截止日期", "transition_term_reversed"),
    ("P2", None, "周转房地址", "transition_term_without_housing"),
])
def test_a_bad_cell_is_named_and_nothing_is_imported(factory, project_id, tmp_path: Path,
                                                    cell, value, column, code):
    write_households(tmp_path / "in.xlsx", [LENT])
    book = load_workbook(tmp_path / "in.xlsx")
    book["户"][cell] = value
    book.save(tmp_path / "in.xlsx")
    with factory.begin() as s, pytest.raises(importing.ImportRejected) as error:
        importing.import_households_file(s, project_id=project_id, path=tmp_path / "in.xlsx",
                                         actor="op")
    assert [(p.sheet, p.row, p.column, p.code) for p in error.value.rejections] == [
        ("户", 2, column, code)]
    with factory() as s:
        assert registry.load_households(s, project_id) == []


def test_an_inner_area_above_the_floor_area_is_named(tmp_path: Path):
    write_flats(tmp_path / "f.xlsx", [make_flat()])
    book = load_workbook(tmp_path / "f.xlsx")
    book["房源"]["J2"] = 85.01  # make_flat's floor area is 85.00
    book.save(tmp_path / "f.xlsx")
    result = read_flats(tmp_path / "f.xlsx")
    assert [(p.sheet, p.row, p.column, p.code) for p in result.problems] == [
        ("房源", 2, "套内面积（㎡）", "inner_area_exceeds_area")]
