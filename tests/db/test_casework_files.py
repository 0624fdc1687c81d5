"""Visits imported from the documented template (all or nothing), case log and progress exported."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

import db.casework.operations as casework
import db.casework.requests as casework_requests
import db.registry.operations as registry
from allocation.casework.vocabulary import RequestKind, VisitMethod
from db.casework.files import export_case_log_file, export_progress_file, import_visits_file
from db.casework.queries import case_log
from db.excel.visits import VISIT_SHEET, write_visits_template
from db.records.casework import VisitRecord
from db.registry.importing import ImportRejected
from db.replay.check import verify_audit
from tests.factories import make_household

HEADER = [c.zh for c in VISIT_SHEET.columns]


@pytest.fixture
def ids(factory, project_id):
    with factory.begin() as s:
        return {f"H00{n}": registry.add_household(s, project_id=project_id, actor="op",
                                                  household=make_household(f"H00{n}", seq=n))
                for n in (1, 2)}


def _workbook(path, rows, header=HEADER, title="走访记录"):
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _visits(factory):
    with factory() as s:
        return s.scalar(select(func.count()).select_from(VisitRecord))


def test_the_template_documents_every_column_and_imports_once_filled(factory, project_id, ids,
                                                                     tmp_path):
    path = tmp_path / "template.xlsx"
    write_visits_template(path)
    book = load_workbook(path)
    assert book.sheetnames == ["走访记录", "说明"]
    assert [c.value for c in book["走访记录"][1]] == HEADER
    notes = {row[0]: row[3] for row in book["说明"].iter_rows(min_row=2, values_only=True)
             if row and row[0] in HEADER}
    assert set(notes) == set(HEADER) and "入户走访" in notes["方式"]
    sheet = book["走访记录"]
    sheet.append(["H001", datetime(2026, 8, 1), "电话", "李一、张二", "约定签约时间"])
    sheet.append(["H002", "2026年8月3日", None, "李一", "宣讲政策"])
    book.save(path)
    with factory.begin() as s:
        assert import_visits_file(s, project_id=project_id, path=path, actor="op") == 2
    with factory() as s:
        visits = case_log(s, ids["H001"]).visits + case_log(s, ids["H002"]).visits
        assert [(v.visited_on, v.method, v.visitors) for v in visits] == [
            (date(2026, 8, 1), VisitMethod.PHONE, "李一、张二"),
            (date(2026, 8, 3), VisitMethod.HOME, "李一")]
        assert verify_audit(s, project_id).ok


def test_a_file_with_problems_imports_nothing_and_names_each_row(factory, project_id, ids,
                                                                  tmp_path):
    path = _workbook(tmp_path / "bad.xlsx", [
        ["H001", "2026-08-01", "入户", "李一", "正常的一行"],
        ["H001", "下周一", "入户", "李一", "日期不对"],
        ["H002", "2026-08-02", "飞鸽传书", "李一", "方式不对"],
        ["H002", "2026-08-02", "电话", "李一", None],
    ])
    with factory.begin() as s, pytest.raises(ImportRejected) as rejected:
        import_visits_file(s, project_id=project_id, path=path, actor="op")
    found = [(p.row, p.column, p.code) for p in rejected.value.rejections]
    assert found == [(3, "走访日期", "bad_date"), (4, "方式", "unknown_visit_method"),
                     (5, "内容摘要", "required_value_missing")]
    assert _visits(factory) == 0


def test_an_unknown_household_is_reported_on_its_row(factory, project_id, ids, tmp_path):
    path = _workbook(tmp_path / "codes.xlsx", [
        ["H001", "2026-08-01", "入户", "李一", "有这户"],
        ["H999", "2026-08-01", "入户", "李一", "没有这户"],
    ], header=["户编号", "日期", "方式", "走访人员", "走访内容"], title="走访")
    with factory.begin() as s, pytest.raises(ImportRejected) as rejected:
        import_visits_file(s, project_id=project_id, path=path, actor="op")
    [problem] = rejected.value.rejections
    assert (problem.sheet, problem.row, problem.column, problem.value, problem.code) == (
        "走访", 3, "户编号", "H999", "household_not_found")
    assert _visits(factory) == 0


def test_a_file_that_is_not_a_workbook_or_lacks_the_sheet_is_refused(factory, project_id,
                                                                      tmp_path):
    text = tmp_path / "visits.xlsx"
    text.write_text("户号,走访日期\nH001,2026-08-01\n", encoding="utf-8")
    other = _workbook(tmp_path / "other.xlsx", [], title="Sheet1")
    for path, code in ((text, "not_excel"), (other, "missing_sheet")):
        with factory.begin() as s, pytest.raises(ImportRejected) as rejected:
            import_visits_file(s, project_id=project_id, path=path, actor="op")
        assert [p.code for p in rejected.value.rejections] == [code]


def test_the_case_log_export_holds_every_kind_and_its_visits_import_again(
        factory, project_id, ids, tmp_path):
    with factory.begin() as s:
        team = casework.add_team(s, project_id=project_id, name="第一组", actor="op")
        staff = casework.add_staff(s, team_id=team, name="李一", actor="op")
        casework.assign_household(s, household_id=ids["H001"], team_id=team,
                                  first_staff_id=staff, on=date(2026, 6, 1), actor="op")
        casework.add_visit(s, household_id=ids["H001"], visited_on=date(2026, 8, 1),
                           method=VisitMethod.OFFICE, visitors="李一", summary="来访咨询",
                           actor="op")
        casework_requests.add_request(s, household_id=ids["H002"], kind=RequestKind.REQUEST,
                                      text="过渡费", received_on=date(2026, 8, 2), actor="op")
        casework.add_note(s, household_id=ids["H002"], text="外出务工", written_on=date(2026, 8, 3),
                          actor="op")
    path = tmp_path / "case-log.xlsx"
    with factory() as s:
        assert export_case_log_file(s, project_id=project_id, path=path) == 4
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["包户", "走访记录", "诉求建议", "特殊情况", "备注", "附件"]
    rows = {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    assert rows["包户"][1][:4] == ("H001", "张三", "第一组", "李一")
    assert rows["诉求建议"][1][3:7] == ("诉求", "过渡费", datetime(2026, 8, 2), "待答复")
    assert len(rows["特殊情况"]) == 1  # the header only
    book.close()
    with factory.begin() as s:
        copy = registry.create_project(s, name="副本", actor="op")
        registry.add_household(s, project_id=copy, household=make_household("H001", seq=7),
                               actor="op")
        assert import_visits_file(s, project_id=copy, path=path, actor="op") == 1


def test_the_progress_export_has_a_row_per_household(factory, project_id, ids, tmp_path):
    path = tmp_path / "progress.xlsx"
    with factory() as s:
        assert export_progress_file(s, project_id=project_id, path=path) == 2
    book = load_workbook(path, read_only=True)
    rows = list(book["进度"].iter_rows(values_only=True))
    book.close()
    assert rows[0][:4] == ("户号", "户主", "状态", "工作组")
    assert [r[0] for r in rows[1:]] == ["H001", "H002"]
    assert rows[1][2] == "已登记" and rows[1][-2] is None and rows[1][-1] == 0
