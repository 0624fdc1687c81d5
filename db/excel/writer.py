"""Writing the registry to Excel in exactly the import format, and blank templates to fill in.

Exports stream with openpyxl's write-only mode (bold header, column widths,
frozen header row, number formats kept) so 100,000 households fit in memory.
What :mod:`db.excel.reader` reads back from an export equals what was
written (``read_households(write_households(x)) == x``) for every value the
reader can produce: text without surrounding white space and without the
control characters XML cannot hold (those are dropped on writing).

Templates have header rows only (an example row would import as data) and a
说明 sheet describing every column; the reader ignores sheets it does not know.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.cell import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from allocation.registry import (
    COMPENSATION_MODE_ZH,
    CONDITION_ZH,
    FLAT_STATUS_ZH,
    HOUSEHOLD_STATUS_ZH,
    MAX_CODE_LENGTH,
    OLD_HOME_USE_ZH,
    CompensationMode,
    Condition,
    Flat,
    Household,
    Member,
)
from db.excel.columns import (
    CONDITION_SEPARATOR,
    FLAT_SHEET,
    HOUSEHOLD_SHEET,
    MEMBER_SHEET,
    MODE_SHORT_ZH,
    NO,
    YES,
    ColumnSpec,
    Kind,
    SheetSpec,
)

INSTRUCTIONS_SHEET = "说明"

NUMBER_FORMATS: dict[Kind, str] = {
    # Text format keeps Excel from turning 0012 into 12 or an ID number into 1.1E+17
    # when someone edits the exported file.
    Kind.TEXT: "@",
    Kind.CODE: "@",
    Kind.ID_NUMBER: "@",
    Kind.ACCOUNT: "@",
    Kind.AREA: "0.00",
    Kind.MONEY: "0.00",
    Kind.AMOUNT: "0.00",
    Kind.DATE: "yyyy-mm-dd",
}
_TEXT_KINDS = frozenset({Kind.TEXT, Kind.CODE, Kind.ID_NUMBER, Kind.ACCOUNT})
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


# ---------------------------------------------------------------------------
# Exports
# ---------------------------------------------------------------------------


def write_households(path: str | Path, households: Iterable[Household]) -> None:
    """Sheets 户 (one row per household) and 家庭成员 (every member, head included)."""
    book = Workbook(write_only=True)
    household_sheet = _SheetWriter(book, HOUSEHOLD_SHEET)
    member_sheet = _SheetWriter(book, MEMBER_SHEET)
    for household in households:
        household_sheet.append(household)
        for member in household.members:
            member_sheet.append(member, code=household.code)
    household_sheet.finish()
    member_sheet.finish()
    book.save(path)


def write_flats(path: str | Path, flats: Iterable[Flat]) -> None:
    """Sheet 房源, one row per flat."""
    book = Workbook(write_only=True)
    sheet = _SheetWriter(book, FLAT_SHEET)
    for flat in flats:
        sheet.append(flat)
    sheet.finish()
    book.save(path)


def cell_value(kind: Kind, value: Any) -> Any:
    """A model value as the file holds it (是/否, 残疾、低保, 已登记, Decimal, date…)."""
    if value is None:
        return None
    if kind in _TEXT_KINDS:
        return ILLEGAL_CHARACTERS_RE.sub("", value) or None
    if kind is Kind.YES_NO:
        return YES if value else NO
    if kind is Kind.CONDITIONS:
        return CONDITION_SEPARATOR.join(c.zh for c in Condition if c in value) or None
    if kind in (Kind.HOUSEHOLD_STATUS, Kind.FLAT_STATUS, Kind.COMPENSATION_MODE,
                Kind.OLD_HOME_USE):
        return value.zh
    return value


class _SheetWriter:
    """One write-only sheet: formatted header, then rows through reused styled cells."""

    def __init__(self, book: Workbook, spec: SheetSpec) -> None:
        self.spec = spec
        self.sheet = book.create_sheet(spec.zh)
        self.rows = 1
        _set_widths(self.sheet, spec)
        self.sheet.freeze_panes = "A2"
        # One styled cell per column, refilled for every row: openpyxl writes a row as
        # soon as it is appended, and creating styled cells per value costs more.
        self.cells = [self._cell(c) for c in spec.columns]
        self.sheet.append([self._header(c) for c in spec.columns])

    def _cell(self, column: ColumnSpec) -> WriteOnlyCell | None:
        number_format = NUMBER_FORMATS.get(column.kind)
        if number_format is None:
            return None
        cell = WriteOnlyCell(self.sheet)
        cell.number_format = number_format
        return cell

    def _header(self, column: ColumnSpec) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet, value=column.zh)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        return cell

    def append(self, item: Household | Member | Flat, **extra: Any) -> None:
        row = []
        for column, cell in zip(self.spec.columns, self.cells, strict=True):
            raw = extra[column.field] if column.field in extra else getattr(item, column.field)
            row.append(_fill(cell, column.kind, cell_value(column.kind, raw)))
        self.sheet.append(row)
        self.rows += 1

    def finish(self) -> None:
        last = get_column_letter(len(self.spec.columns))
        self.sheet.auto_filter.ref = f"A1:{last}{self.rows}"


def _fill(cell: WriteOnlyCell | None, kind: Kind, value: Any) -> Any:
    if cell is None or value is None:
        return value
    cell.value = value
    if kind in _TEXT_KINDS:
        # Text that starts with "=" is text here, not a formula.
        cell.data_type = "s"
    return cell


def _set_widths(sheet: Any, spec: SheetSpec) -> None:
    for index, column in enumerate(spec.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width


# ---------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------


def write_household_template(path: str | Path) -> None:
    """Empty 户 and 家庭成员 sheets with their headers, and a 说明 sheet."""
    _write_template(path, (HOUSEHOLD_SHEET, MEMBER_SHEET))


def write_flat_template(path: str | Path) -> None:
    """An empty 房源 sheet with its headers, and a 说明 sheet."""
    _write_template(path, (FLAT_SHEET,))


def _write_template(path: str | Path, specs: tuple[SheetSpec, ...]) -> None:
    book = Workbook()
    book.remove(book.active)
    for spec in specs:
        _template_sheet(book, spec)
    _instructions_sheet(book, specs)
    book.save(path)


def _template_sheet(book: Workbook, spec: SheetSpec) -> None:
    sheet = book.create_sheet(spec.zh)
    _set_widths(sheet, spec)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(spec.columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.zh)
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
        letter = get_column_letter(index)
        if column.kind in _TEXT_KINDS:
            # Typed ID numbers and 户号 stay text in the whole column.
            sheet.column_dimensions[letter].number_format = "@"
        if (choices := _CHOICES.get(column.kind)) is not None:
            _add_choice_list(sheet, letter, choices)


# A warning, not a stop: the reader accepts more spellings (Y/N, English) than the list.
def _add_choice_list(sheet: Any, letter: str, choices: tuple[str, ...]) -> None:
    validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"',
                                allow_blank=True, errorStyle="warning")
    validation.add(f"{letter}2:{letter}1048576")
    sheet.add_data_validation(validation)


_CHOICES: dict[Kind, tuple[str, ...]] = {
    Kind.YES_NO: (YES, NO),
    Kind.GRADE: ("1", "2", "3", "4"),
    Kind.HOUSEHOLD_STATUS: tuple(HOUSEHOLD_STATUS_ZH.values()),
    Kind.FLAT_STATUS: tuple(FLAT_STATUS_ZH.values()),
    Kind.COMPENSATION_MODE: tuple(COMPENSATION_MODE_ZH.values()),
    Kind.OLD_HOME_USE: tuple(OLD_HOME_USE_ZH.values()),
}

# The 说明 sheet documents the file format for the people who fill it in, in the
# format's own language (like the headers); it is generated from the column tables.
_KIND_ZH: dict[Kind, str] = {
    Kind.TEXT: "文本",
    Kind.CODE: f"文本，最多{MAX_CODE_LENGTH}个字符",
    Kind.ID_NUMBER: "18位公民身份号码，末位可为X；请按文本填写，勿转为数字",
    Kind.AREA: "数字，单位平方米（m²），保留两位小数，须大于0",
    Kind.MONEY: "数字，单位元/平方米，保留两位小数，须大于0",
    Kind.AMOUNT: "数字，单位元，保留两位小数，不得为负数",
    Kind.INTEGER: "正整数",
    Kind.DATE: "日期，如 2023-05-01、2023/5/1、2023年5月1日、20230501",
    Kind.YES_NO: "是 / 否",
    Kind.CONDITIONS: "可填多项：" + "、".join(CONDITION_ZH.values()) + "，用顿号“、”分隔；无则留空",
    Kind.GRADE: "1–4 或 一级–四级；无则留空",
    Kind.HOUSEHOLD_STATUS: "、".join(HOUSEHOLD_STATUS_ZH.values()) + "；留空为“已登记”",
    Kind.FLAT_STATUS: "、".join(FLAT_STATUS_ZH.values()) + "；留空为“可选”",
    Kind.COMPENSATION_MODE: "、".join(COMPENSATION_MODE_ZH.values())
    + "；也可简写为" + "、".join(MODE_SHORT_ZH.values())
    + "；留空为“" + COMPENSATION_MODE_ZH[CompensationMode.AREA] + "”",
    Kind.OLD_HOME_USE: "、".join(OLD_HOME_USE_ZH.values()) + "；留空为“住宅”",
    Kind.ACCOUNT: "8–32位数字，可用空格或连字符分组；请按文本填写，勿转为数字"
    "（Excel 数字只保留15位，多出的数字会丢失）",
}

_FIELD_ZH: dict[tuple[str, str], str] = {
    ("households", "code"): "每户唯一；家庭成员表以户号对应到户",
    ("households", "head_name"): "须与家庭成员表中关系为“户主”者的姓名一致",
    ("households", "head_id"): "须与家庭成员表中关系为“户主”者的身份证号一致",
    ("households", "mode_chosen_on"):
        "被安置户选定补偿方式的日期；价值互换、货币补偿留空则为导入当日",
    ("households", "assessed_value"): "旧房评估价值；选择价值互换或货币补偿的须填写",
    ("households", "appraisal_report"): "评估价值所依据的评估报告编号",
    ("households", "transition_housing"):
        "借用周转用房过渡的填写其地址；自行过渡（领取过渡费）的留空",
    ("households", "transition_from"): "周转用房使用期限的起始日期；须填写周转房地址",
    ("households", "transition_until"): "周转用房使用期限的截止日期，不得早于起始日期",
    ("households", "payee_account"): "补偿款收款账号；个人信息，仅印于本户协议",
    ("flats", "inner_area"): "套内建筑面积，不得大于建筑面积；未测定的留空",
    ("members", "code"): "所属户的户号，须在“户”表中存在",
    ("members", "relation"): "户主本人也须列出，关系填“户主”；每户一名户主",
    ("members", "id_number"): "每人唯一，不得在文件中重复",
    ("members", "recognised"): "留空为“是”",
    ("members", "new_member"): "留空为“否”",
    ("flats", "number"): "同一楼栋、单元内房号不得重复",
}

_INSTRUCTION_HEADERS = ("工作表", "列名", "英文列名", "必填", "格式与允许值", "备注")
_INSTRUCTION_WIDTHS = (10, 14, 18, 6, 60, 44)


def _instructions_sheet(book: Workbook, specs: tuple[SheetSpec, ...]) -> None:
    sheet = book.create_sheet(INSTRUCTIONS_SHEET)
    sheet.append(_INSTRUCTION_HEADERS)
    for cell in sheet[1]:
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
    for index, width in enumerate(_INSTRUCTION_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for spec in specs:
        for column in spec.columns:
            sheet.append(_instruction_row(spec, column))
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _instruction_row(spec: SheetSpec, column: ColumnSpec) -> tuple[str, ...]:
    return (spec.zh, column.zh, column.en, YES if column.required else NO,
            _KIND_ZH[column.kind], _FIELD_ZH.get((spec.kind, column.field), ""))


__all__ = [
    "INSTRUCTIONS_SHEET",
    "cell_value",
    "write_flat_template",
    "write_flats",
    "write_household_template",
    "write_households",
]
