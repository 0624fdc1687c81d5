"""Writing the casework to Excel: the case log (one sheet per kind of entry) and the progress table.

Plain rows in (dicts keyed by the column fields), no database here. The
visits sheet is the import format itself (db/excel/visits.py), so visits
exported from one project can be imported into another; the other sheets
are for reading, filtering and printing in Excel.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from openpyxl import Workbook

from db.excel.columns import Kind, SheetSpec, _c
from db.excel.visits import add_visits_sheet
from db.excel.writer import _SheetWriter

Rows = Iterable[Mapping[str, Any]]
_T, _D, _N, _C = Kind.TEXT, Kind.DATE, Kind.INTEGER, Kind.CODE

ASSIGNMENT_SHEET: Final = SheetSpec("assignments", "包户", "assignments", (
    _c("code", "户号", "Code", _C, width=10), _c("head_name", "户主", "Head", _T, width=10),
    _c("team", "工作组", "Team", _T, width=14), _c("pair", "责任人", "Responsible", _T, width=16),
    _c("assigned_on", "包户日期", "Since", _D, width=12),
))  # fmt: skip
REQUEST_SHEET: Final = SheetSpec("requests", "诉求建议", "requests", (
    _c("code", "户号", "Code", _C, width=10), _c("head_name", "户主", "Head", _T, width=10),
    _c("team", "工作组", "Team", _T, width=14), _c("kind", "类别", "Kind", _T, width=8),
    _c("text", "内容", "Text", _T, width=40), _c("received_on", "收到日期", "Received", _D),
    _c("status", "状态", "Status", _T, width=9), _c("answer", "答复", "Answer", _T, width=40),
    _c("answered_by", "答复人", "Answered by", _T, width=10),
    _c("answered_on", "答复日期", "Answered on", _D), _c("closed_on", "办结日期", "Closed on", _D),
))  # fmt: skip
FLAG_SHEET: Final = SheetSpec("flags", "特殊情况", "special cases", (
    _c("code", "户号", "Code", _C, width=10), _c("head_name", "户主", "Head", _T, width=10),
    _c("kind", "类别", "Kind", _T, width=10), _c("status", "状态", "Status", _T, width=9),
    _c("raised_on", "申报日期", "Raised on", _D), _c("decided_on", "认定日期", "Decided on", _D),
    _c("note", "说明", "Note", _T, width=40),
))  # fmt: skip
NOTE_SHEET: Final = SheetSpec("notes", "备注", "notes", (
    _c("code", "户号", "Code", _C, width=10), _c("written_on", "日期", "Date", _D),
    _c("author", "记录人", "Author", _T, width=10), _c("text", "内容", "Text", _T, width=60),
))  # fmt: skip
ATTACHMENT_SHEET: Final = SheetSpec("attachments", "附件", "attachments", (
    _c("code", "户号", "Code", _C, width=10), _c("title", "名称", "Title", _T, width=20),
    _c("path", "文件位置", "Path", _T, width=50), _c("sha256", "SHA-256", "SHA-256", _T, width=66),
    _c("size", "字节数", "Bytes", _N, width=10), _c("added_on", "添加日期", "Added on", _D),
))  # fmt: skip
PROGRESS_SHEET: Final = SheetSpec("progress", "进度", "progress", (
    _c("code", "户号", "Code", _C, width=10), _c("head_name", "户主", "Head", _T, width=10),
    _c("status", "状态", "Status", _T, width=9), _c("team", "工作组", "Team", _T, width=14),
    _c("pair", "责任人", "Responsible", _T, width=16),
    _c("registered_on", "登记日期", "Registered", _D),
    _c("verified_on", "核实日期", "Verified", _D),
    _c("signed_on", "签约日期", "Signed", _D), _c("signing_seq", "签约顺序号", "Signing seq", _N),
    _c("moved_out_on", "搬迁日期", "Moved out", _D), _c("flat_key", "选定房源", "Flat", _T),
    _c("flat_chosen_on", "选房日期", "Flat chosen", _D),
    _c("keys_handed_on", "交钥匙日期", "Keys handed", _D), _c("visits", "走访次数", "Visits", _N),
    _c("last_visit", "最近走访", "Last visit", _D),
    _c("open_requests", "待答复诉求", "Open requests", _N),
))  # fmt: skip


def write_case_log(path: str | Path, *, assignments: Rows, visits: Rows, requests: Rows,
                   flags: Rows, notes: Rows, attachments: Rows) -> None:
    """The case log of a project: 包户, 走访记录 (import format), 诉求建议, 特殊情况, 备注, 附件."""
    book = Workbook(write_only=True)
    _sheet(book, ASSIGNMENT_SHEET, assignments)
    add_visits_sheet(book, visits)
    for spec, rows in ((REQUEST_SHEET, requests), (FLAG_SHEET, flags), (NOTE_SHEET, notes),
                       (ATTACHMENT_SHEET, attachments)):
        _sheet(book, spec, rows)
    book.save(path)


def write_progress(path: str | Path, rows: Rows) -> None:
    """The progress table: one row per household with the date of each step."""
    book = Workbook(write_only=True)
    _sheet(book, PROGRESS_SHEET, rows)
    book.save(path)


def _sheet(book: Workbook, spec: SheetSpec, rows: Rows) -> None:
    sheet = _SheetWriter(book, spec)
    fields: Sequence[str] = [c.field for c in spec.columns]
    for row in rows:
        sheet.append(None, **{name: row.get(name) for name in fields})
    sheet.finish()
