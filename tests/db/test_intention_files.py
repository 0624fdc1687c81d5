"""Intentions from and to Excel: a real file round trip, and every problem on its cell."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from sqlalchemy import select

import db.casework as casework
import db.selection as selection
from allocation.chances import Intention
from db.records import HouseholdRecord
from db.registry import ImportRejected
from db.replay import verify_audit
from tests.db.test_selection import build_drawn_project

DAY = date(2026, 10, 8)
HEADER = ["户号", "户主姓名", "意向户型", "意向楼栋", "最低楼层", "最高楼层", "意向套数",
          "登记日期", "登记人"]


def _project(factory, name: str) -> tuple[int, dict[str, int]]:
    with factory.begin() as s:
        project_id = build_drawn_project(s, name=name, households=6)
        return project_id, dict(s.execute(select(HouseholdRecord.code, HouseholdRecord.id)
                                          .where(HouseholdRecord.project_id == project_id)).all())


def _workbook(path, rows, header=HEADER, title="选房意向"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_exported_intentions_import_again_as_they_are(factory, tmp_path) -> None:
    """Two intentions exported from one project, imported into another of the same households:
    the stored intentions, dates and recorders are equal, and both logs verify."""
    one, ids = _project(factory, "甲")
    two, _ = _project(factory, "乙")
    wanted = {"D001": Intention(("3室2厅1卫", "2室2厅1卫"), ("1", "4"), 3, 9, 2),
              "D004": Intention(("1室1厅1卫",))}
    with factory.begin() as s:
        for code, intention in wanted.items():
            casework.record_intention(s, household_id=ids[code], intention=intention,
                                      recorded_on=DAY, recorded_by="李一", actor="op")
    path = tmp_path / "意向.xlsx"
    with factory() as s:
        assert casework.export_intentions_file(s, project_id=one, path=path) == 2
    sheet = openpyxl.load_workbook(path)["选房意向"]
    assert [c.value for c in sheet[1]] == HEADER
    assert [c.value for c in sheet[2]][2:7] == ["3室2厅1卫、2室2厅1卫", "1、4", 3, 9, 2]
    with factory.begin() as s:
        assert casework.import_intentions_file(s, project_id=two, path=path, actor="op") == 2
    with factory() as s:
        assert selection.stored_intentions(s, two) == wanted
        entries = casework.intention_entries(s, two)
        assert [(code, e.recorded_on, e.recorded_by) for code, _n, e in entries] == [
            ("D001", DAY, "李一"), ("D004", DAY, "李一")]
        assert verify_audit(s).ok


def test_an_import_replaces_what_a_household_said(factory, tmp_path) -> None:
    project_id, ids = _project(factory, "甲")
    with factory.begin() as s:
        casework.record_intention(s, household_id=ids["D002"], intention=Intention(("A",)),
                                  recorded_on=DAY, recorded_by="李一", actor="op")
    path = _workbook(tmp_path / "new.xlsx", [
        ["D002", None, "2室1厅1卫，3室2厅2卫", None, None, None, None, "2026-10-20", "张二"]])
    with factory.begin() as s:
        casework.import_intentions_file(s, project_id=project_id, path=path, actor="op")
    with factory() as s:
        assert selection.stored_intentions(s, project_id) == {
            "D002": Intention(("2室1厅1卫", "3室2厅2卫"))}
        assert verify_audit(s, project_id).ok


def test_a_file_with_problems_imports_nothing_and_names_each_cell(factory, tmp_path) -> None:
    project_id, _ids = _project(factory, "甲")
    path = _workbook(tmp_path / "bad.xlsx", [
        ["D001", None, "2室1厅1卫", None, None, None, None, "2026-10-01", "李一"],
        ["D002", None, "2室1厅1卫、2室1厅1卫", None, None, None, None, "2026-10-01", "李一"],
        ["D003", None, "2室1厅1卫", None, 8, 3, None, "2026-10-01", "李一"],
        ["D004", None, "2室1厅1卫", None, None, None, 0, "2026-10-01", "李一"],
        ["D005", None, None, None, None, None, None, "2026-10-01", "李一"],
        ["D001", None, "1室1厅1卫", None, None, None, None, "下周", "李一"],
        ["D006", None, "1室1厅1卫", None, None, None, None, "2026-10-01", "李一"],
        ["D006", None, "1室1厅1卫", None, None, None, None, "2026-10-02", "李一"],
    ])
    with factory.begin() as s, pytest.raises(ImportRejected) as rejected:
        casework.import_intentions_file(s, project_id=project_id, path=path, actor="op")
    found = [(p.row, p.column, p.code) for p in rejected.value.rejections]
    assert found == [(3, "意向户型", "intention_duplicate"),
                     (4, "最高楼层", "intention_floor_range"),
                     (5, "意向套数", "not_positive"),
                     (6, "意向户型", "required_value_missing"),
                     (7, "登记日期", "bad_date"),
                     (9, "户号", "duplicate_code")]
    with factory() as s:
        assert selection.stored_intentions(s, project_id) == {}


def test_an_unknown_household_is_reported_on_its_row(factory, tmp_path) -> None:
    project_id, _ids = _project(factory, "甲")
    path = _workbook(tmp_path / "codes.xlsx", [
        ["D001", None, "2室1厅1卫", None, None, None, None, "2026-10-01", "李一"],
        ["X999", None, "2室1厅1卫", None, None, None, None, "2026-10-01", "李一"]])
    with factory.begin() as s, pytest.raises(ImportRejected) as rejected:
        casework.import_intentions_file(s, project_id=project_id, path=path, actor="op")
    [problem] = rejected.value.rejections
    assert (problem.row, problem.column, problem.value, problem.code) == (
        3, "户号", "X999", "household_not_found")
