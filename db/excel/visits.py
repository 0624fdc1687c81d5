"""The visits workbook (走访记录): template, reader and writer, in the registry files' manner.

One sheet, one row per visit: 户号, 走访日期, 方式, 走访人, 内容摘要. The
reader reuses the registry's machinery (content sniffing, header matching
with aliases and the user's column mapping, merged cells, formula errors,
one ImportProblem per bad cell) and adds the visit's own rules. Whether
each 户号 exists is the database's question (db/casework/files.py).
The writer writes the same columns, so an exported case log's visits
sheet imports again as it is.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Final

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.cell import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from allocation.casework import MAX_TEXT, VISIT_METHOD_ZH, VisitMethod
from db.excel.columns import Kind, SheetSpec, _c, cell_text, normalise_sheet_name
from db.excel.problems import ImportProblem, freeze_params, sort_problems
from db.excel.sheets import Progress, SheetReader, Unreadable
from db.excel.workbook import ColumnMapping, corrupt, read_session
from db.excel.writer import INSTRUCTIONS_SHEET, _SheetWriter

VISITS: Final = "visits"
VISIT_SHEET: Final = SheetSpec(VISITS, "走访记录", "visits", (
    _c("code", "户号", "Code", Kind.CODE, "户编号", "household code", "household", required=True,
       width=10),
    _c("visited_on", "走访日期", "Visited on", Kind.DATE, "日期", "走访时间", "date",
       required=True, width=12),
    _c("method", "方式", "Method", Kind.TEXT, "走访方式", "联系方式", width=11),
    _c("visitors", "走访人", "Visitors", Kind.TEXT, "走访人员", "包户人", "经办人", required=True,
       width=16),
    _c("summary", "内容摘要", "Summary", Kind.TEXT, "内容", "走访内容", "情况记录", "摘要",
       required=True, width=60),
), aliases=("走访", "走访台账", "visit"))  # fmt: skip

# What offices write in 方式, besides the exact words of VISIT_METHOD_ZH.
_METHOD_NAMES: Final = {
    **{zh: method for method, zh in VISIT_METHOD_ZH.items()},
    **{method.value: method for method in VisitMethod},
    "入户": VisitMethod.HOME, "上门": VisitMethod.HOME, "走访": VisitMethod.HOME,
    "电话": VisitMethod.PHONE, "微信": VisitMethod.PHONE, "来访": VisitMethod.OFFICE,
    "接待": VisitMethod.OFFICE, "来电": VisitMethod.PHONE,
}  # fmt: skip
MAX_VISITORS: Final = 200


@dataclass(frozen=True, slots=True)
class VisitLine:
    """One row of the file, parsed: its row number and the visit."""

    row: int
    code: str
    visited_on: date
    method: VisitMethod
    visitors: str
    summary: str


@dataclass(frozen=True, slots=True)
class VisitsRead:
    """Visits (file order) and every problem; ``items`` is empty whenever there is one."""

    items: list[VisitLine]
    problems: list[ImportProblem]
    sheet: str = VISIT_SHEET.zh
    headers: dict[str, str] = field(default_factory=dict)  # field -> header as in the file

    @property
    def ok(self) -> bool:
        return not self.problems


def parse_method(value: object) -> VisitMethod | None:
    """入户走访 / 入户 / 电话 / home …; None for a word we do not know. Blank is a home visit."""
    text = unicodedata.normalize("NFKC", cell_text(value)).strip().lower()
    if not text:
        return VisitMethod.HOME
    return _METHOD_NAMES.get(text)


def read_visits(path: Any, *, mapping: ColumnMapping | None = None,
                sheet: str | None = None, progress: Progress | None = None) -> VisitsRead:
    """Read the visits sheet; never raises for a bad file (see db/excel/reader.py).

    Args:
        mapping: {"visits": {field: header text}} for headers that did not match.
        sheet: the sheet's name when it is not 走访记录 (or an alias).
    """
    with read_session(path, (), mapping, None, progress) as session:
        if session.book is None:
            return VisitsRead([], session.finish())
        title = _locate(session.book.sheetnames, sheet, session.problems)
        if title is None:
            return VisitsRead([], session.finish())
        try:
            reader = SheetReader(session.book[title], VISIT_SHEET,
                                 (mapping or {}).get(VISITS, {}), session.problems,
                                 session.progress)
            lines = [_line(row, values, reader, session.problems)
                     for row, values, ok in reader.rows() if ok]
        except Unreadable as error:
            session.problems.append(corrupt(error))
            return VisitsRead([], session.finish())
        headers = {b.spec.field: b.header for b in reader.layout.columns}
        order = {(title, b.header): b.index for b in reader.layout.columns}
        problems = sort_problems(session.problems, session.book.sheetnames, order)
    items = [] if problems else [line for line in lines if line is not None]
    return VisitsRead(items, problems, title, headers)


def _locate(titles: list[str], wanted: str | None, problems: list[ImportProblem]) -> str | None:
    names = {normalise_sheet_name(n) for n in ((wanted,) if wanted else VISIT_SHEET.names)}
    found = [t for t in titles if normalise_sheet_name(t) in names]
    if not found:
        problems.append(ImportProblem("", None, None, "", "missing_sheet", freeze_params(
            {"kind": VISITS, "expected": wanted or VISIT_SHEET.zh, "found": tuple(titles)})))
        return None
    return found[0]


def _line(row: int, values: dict[str, Any], reader: SheetReader,
          problems: list[ImportProblem]) -> VisitLine | None:
    """The visit of a row whose cells parsed, after the visit's own rules."""
    layout = reader.layout
    ok = True

    def problem(name: str, value: object, code: str, **params: Any) -> None:
        nonlocal ok
        ok = False
        problems.append(ImportProblem(layout.sheet, row, layout.header(name), cell_text(value),
                                      code, freeze_params({"field": name, **params})))

    method = parse_method(values.get("method"))
    if method is None:
        problem("method", values.get("method"), "unknown_visit_method")
    for name, limit in (("visitors", MAX_VISITORS), ("summary", MAX_TEXT)):
        if len(values[name]) > limit:
            problem(name, values[name][:20] + "…", "too_long", max=limit)
    if not ok or method is None:
        return None
    return VisitLine(row, values["code"], values["visited_on"], method, values["visitors"],
                     values["summary"])


# --- writing --------------------------------------------------------------------------


def write_visits(path: str | Path, visits: Iterable[Mapping[str, Any]]) -> None:
    """The visits sheet as the reader reads it (values: code, visited_on, method, ...)."""
    book = Workbook(write_only=True)
    add_visits_sheet(book, visits)
    book.save(path)


def add_visits_sheet(book: Workbook, visits: Iterable[Mapping[str, Any]]) -> None:
    """Append the visits sheet to a write-only workbook; ``method`` may be a VisitMethod."""
    sheet = _SheetWriter(book, VISIT_SHEET)
    for visit in visits:
        method = visit["method"]
        sheet.append(None, **{**visit, "method": method.zh if isinstance(method, VisitMethod)
                              else method})
    sheet.finish()


_NOTES: Final = {
    "code": "被安置户的户号，须已在本项目登记",
    "visited_on": "日期，如 2026-08-01、2026/8/1、2026年8月1日",
    "method": "、".join(VISIT_METHOD_ZH.values()) + "（也可写入户、电话、来访）；留空为入户走访",
    "visitors": f"走访人姓名，多人用顿号“、”分隔，最多{MAX_VISITORS}个字符",
    "summary": f"走访情况摘要，最多{MAX_TEXT}个字符；请勿填写身份证号",
}
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def write_visits_template(path: str | Path) -> None:
    """An empty 走访记录 sheet (text 户号 column, a list for 方式) and a 说明 sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = VISIT_SHEET.zh
    sheet.freeze_panes = "A2"
    for index, column in enumerate(VISIT_SHEET.columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.zh)
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        if column.kind is Kind.CODE:
            sheet.column_dimensions[letter].number_format = "@"
        if column.field == "method":
            # A warning, not a stop: the reader takes more words than the list offers.
            validation = DataValidation(type="list", allow_blank=True, errorStyle="warning",
                                        formula1='"' + ",".join(VISIT_METHOD_ZH.values()) + '"')
            validation.add(f"{letter}2:{letter}1048576")
            sheet.add_data_validation(validation)
    _instructions(book)
    book.save(path)


def _instructions(book: Workbook) -> None:
    sheet = book.create_sheet(INSTRUCTIONS_SHEET)
    sheet.append(("列名", "英文列名", "必填", "填写说明"))
    for cell in sheet[1]:
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
    for column in VISIT_SHEET.columns:
        sheet.append((column.zh, column.en, "是" if column.required else "否",
                      _NOTES[column.field]))
    for letter, width in zip("ABCD", (12, 14, 6, 70), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.append(())
    sheet.append(("整个文件一次导入：任何一行有错，全部不导入，并列出每个错误所在的行和列。",))
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
