"""The registry's Excel format: sheets, columns (Chinese and English headers) and cell parsers.

One declarative table per sheet kind. The reader matches a file's headers
against these names, the writer writes the Chinese headers in table order,
and the template's 说明 sheet is generated from the same tables, so the
three cannot drift apart.

Cell parsers take a non-blank cell value as openpyxl returns it (str, int,
float, bool, datetime) and return the model value, or raise
:class:`~db.excel.problems.CellError`. Headers and sheet names are Chinese
*data* of the format (like CONDITION_ZH), not user-interface wording.
"""

from __future__ import annotations

import enum
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from allocation.errors import ValidationError
from allocation.registry import (
    COMPENSATION_MODE_ZH,
    CONDITION_ZH,
    FLAT_STATUS_ZH,
    HOUSEHOLD_STATUS_ZH,
    MAX_AMOUNT,
    MAX_CODE_LENGTH,
    MAX_INTEGER,
    OLD_HOME_USE_ZH,
    TEXT_LIMITS,
    CompensationMode,
    Condition,
    OldHomeUse,
    check_payee_account,
    quantize_area,
    quantize_money,
    validate_id,
)
from db.excel.problems import CellError

HOUSEHOLDS = "households"
MEMBERS = "members"
FLATS = "flats"

YES = "是"
NO = "否"
CONDITION_SEPARATOR = "、"

#: What Excel stores in a cell whose formula failed (data_only gives the text).
EXCEL_ERRORS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
                          "#GETTING_DATA", "#SPILL!", "#CALC!"})


class Kind(enum.Enum):
    """The type of a column: how it is parsed, written and described in the template."""

    TEXT = "text"
    CODE = "code"
    ID_NUMBER = "id_number"
    AREA = "area"
    MONEY = "money"  # a price per m²: more than zero
    AMOUNT = "amount"  # a sum of yuan: zero or more
    INTEGER = "integer"
    DATE = "date"
    YES_NO = "yes_no"
    CONDITIONS = "conditions"
    GRADE = "grade"
    HOUSEHOLD_STATUS = "household_status"
    FLAT_STATUS = "flat_status"
    COMPENSATION_MODE = "compensation_mode"
    OLD_HOME_USE = "old_home_use"
    ACCOUNT = "account"  # a bank account number: digits, kept as text


# ---------------------------------------------------------------------------
# Header and sheet-name matching
# ---------------------------------------------------------------------------

# After NFKC "（m²）" is "(m2)" and "㎡" is "m2"; a trailing bracket is a unit or a hint.
_TRAILING_BRACKET = re.compile(r"\([^()]*\)$")
_SEPARATORS = str.maketrans("", "", "_-.·:：")


def normalise_header(text: object) -> str:
    """The comparable form of a header: no spaces, no unit in brackets, no '*', lower case."""
    folded = unicodedata.normalize("NFKC", str(text))
    squeezed = "".join(folded.split()).strip("*")
    while _TRAILING_BRACKET.search(squeezed):
        squeezed = _TRAILING_BRACKET.sub("", squeezed).strip("*")
    return squeezed.translate(_SEPARATORS).lower()


def normalise_sheet_name(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


# ---------------------------------------------------------------------------
# Cell values as text (for problems and text columns)
# ---------------------------------------------------------------------------


def cell_text(value: object) -> str:
    """A cell value as the user would read it: 12 not 12.0, dates as 2023-05-01."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def is_blank(value: object) -> bool:
    return value is None or (type(value) is str and not value.strip())


# ---------------------------------------------------------------------------
# Parsers
# ---------------------------------------------------------------------------


def parse_text(value: object) -> str:
    """Any cell as stripped text; numbers typed into text columns (户号 1001) are kept whole."""
    if type(value) is str:  # the common case, without cell_text's type tests
        return value.strip()
    return cell_text(value).strip()


def parse_code(value: object) -> str:
    """A 户号: text, as long as the registry stores."""
    code = parse_text(value)
    if len(code) > MAX_CODE_LENGTH:
        raise CellError("too_long", max=MAX_CODE_LENGTH)
    return code


def parse_id_number(value: object) -> str:
    try:
        return validate_id(value)  # type: ignore[arg-type]  # normalise_id takes int too
    except ValidationError as error:
        reason = error.params.get("reason", "")
        if isinstance(value, int | float) and not isinstance(value, bool):
            # Excel turned the number into a numeric cell: the fix is a text column.
            raise CellError("invalid_id_number", reason=reason, number_cell=True) from None
        raise CellError("invalid_id_number", reason=reason) from None


_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


def parse_decimal(value: object) -> Decimal:
    """A number without float rounding: floats via repr (shortest exact), text via Decimal."""
    if isinstance(value, bool):
        raise CellError("not_a_number")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # An overflowing cell (1E+400) reads as inf: no number, as the same text would be.
        if not math.isfinite(value):
            raise CellError("not_a_number")
        return Decimal(repr(value))
    if isinstance(value, str):
        return _decimal_from_text(value)
    raise CellError("not_a_number")


def _decimal_from_text(text: str) -> Decimal:
    cleaned = "".join(unicodedata.normalize("NFKC", text).split())
    if _THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(",", "")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise CellError("not_a_number") from None
    if not number.is_finite():
        raise CellError("not_a_number")
    return number


# What the registry's columns hold (db/records/tables.py: flat area Numeric(10, 2), legal area and
# prices Numeric(12, 2)); anything bigger is a typing slip, and 1E+400 cannot even be rounded.
MAX_AREA = Decimal("99999999.99")
MAX_MONEY = Decimal("9999999999.99")


def _positive(number: Decimal, largest: Decimal, quantize: Callable[[Decimal], Decimal]) -> Decimal:
    if number < 0:
        raise CellError("negative")
    if number > largest:
        raise CellError("too_large", max=largest)
    # Rounded before the zero test: 0.004 m² is 0.00 m² and so not positive.
    rounded = quantize(number)
    if rounded == 0:
        raise CellError("not_positive")
    return rounded


def parse_area(value: object) -> Decimal:
    """m², > 0, kept to 0.01 (more decimals are rounded half up, as formulas leave them)."""
    return _positive(parse_decimal(value), MAX_AREA, quantize_area)


def parse_money(value: object) -> Decimal:
    return _positive(parse_decimal(value), MAX_MONEY, quantize_money)


def parse_amount(value: object) -> Decimal:
    """A sum of yuan (评估价值): zero or more, kept to 0.01, no bigger than the column holds."""
    number = parse_decimal(value)
    if number < 0:
        raise CellError("negative")
    if number > MAX_AMOUNT:
        raise CellError("too_large", max=MAX_AMOUNT)
    return quantize_money(number)


def parse_integer(value: object) -> int:
    if isinstance(value, bool):
        raise CellError("not_an_integer")
    if isinstance(value, int):
        return value
    try:
        number = parse_decimal(value)
    except CellError:
        raise CellError("not_an_integer") from None
    if number != number.to_integral_value():
        raise CellError("not_an_integer")
    return int(number)


def parse_positive_integer(value: object) -> int:
    number = parse_integer(value)
    if number < 0:
        raise CellError("negative")
    if number == 0:
        raise CellError("not_positive")
    if number > MAX_INTEGER:
        raise CellError("too_large", max=MAX_INTEGER)
    return number


# One separator throughout; an optional midnight-style time as pasted from other systems.
_DATE_SEPARATED = re.compile(
    r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_DATE_CHINESE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(value: object) -> date:
    """Excel dates, and text dates that cannot be misread: year first, four digits."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # calamine reads every number cell as a float
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # 20230501 typed as a number
    if not isinstance(value, str):
        raise CellError("bad_date")
    return _date_from_text(unicodedata.normalize("NFKC", value).strip())


def _date_from_text(text: str) -> date:
    match = _DATE_SEPARATED.match(text)
    if match:
        parts = match.group(1, 3, 4)
    else:
        match = _DATE_CHINESE.match(text) or _DATE_COMPACT.match(text)
        if match is None:
            raise CellError("bad_date")
        parts = match.group(1, 2, 3)
    try:
        return date(*(int(p) for p in parts))
    except ValueError:
        raise CellError("bad_date") from None


_YES_NO = {
    "是": True, "否": False, "y": True, "n": False, "yes": True, "no": False,
    "true": True, "false": False, "1": True, "0": False,
}  # fmt: skip


def parse_yes_no(value: object) -> bool:
    if type(value) is str and (exact := _YES_NO.get(value)) is not None:
        return exact  # 是/否 as written: skip normalising
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        answer = _YES_NO.get(unicodedata.normalize("NFKC", value).strip().lower())
        if answer is not None:
            return answer
    raise CellError("bad_yes_no")


_CONDITION_NAMES: dict[str, Condition] = (
    {zh: c for c, zh in CONDITION_ZH.items()} | {c.value: c for c in Condition}
)
_CONDITION_SPLIT = re.compile(r"[、,，;；/\s]+")
# What offices write for "none" in a column that is usually empty.
_NO_CONDITION = frozenset({"无", "none", "-", "—"})


def parse_conditions(value: object) -> frozenset[Condition]:
    """残疾、低保 / "disability, low_income": any separator, Chinese or English names."""
    text = unicodedata.normalize("NFKC", cell_text(value)).strip()
    found: set[Condition] = set()
    for token in _CONDITION_SPLIT.split(text):
        name = token.lower()
        if not name or name in _NO_CONDITION:
            continue
        condition = _CONDITION_NAMES.get(name)
        if condition is None:
            raise CellError("unknown_condition", condition=token)
        found.add(condition)
    return frozenset(found)


_GRADES = {"1": 1, "2": 2, "3": 3, "4": 4, "一": 1, "二": 2, "三": 3, "四": 4}


def parse_grade(value: object) -> int:
    """1–4, also 一级…四级 and 1级 as written on disability certificates."""
    if isinstance(value, bool):
        raise CellError("bad_disability_grade")
    if isinstance(value, int | float):
        if value in (1, 2, 3, 4):
            return int(value)
        raise CellError("bad_disability_grade")
    text = unicodedata.normalize("NFKC", str(value)).strip().removesuffix("级")
    grade = _GRADES.get(text)
    if grade is None:
        raise CellError("bad_disability_grade")
    return grade


def _status_parser(zh_names: dict[Any, str]) -> Callable[[object], Any]:
    names = {zh: status for status, zh in zh_names.items()}
    names |= {status.value: status for status in zh_names}

    def parse(value: object) -> Any:
        status = names.get(value)  # type: ignore[call-overload]  # exact spelling: fast
        if status is None:
            status = names.get(unicodedata.normalize("NFKC", cell_text(value)).strip().lower())
        if status is None:
            raise CellError("unknown_status")
        return status

    return parse


parse_household_status = _status_parser(HOUSEHOLD_STATUS_ZH)
parse_flat_status = _status_parser(FLAT_STATUS_ZH)


def _mode_key(text: str) -> str:
    # 产权调换（按面积） and 产权调换(按面积) alike, spaces and case ignored.
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


#: The short forms offices write: what is in the brackets, and 货币补偿 itself.
MODE_SHORT_ZH: dict[CompensationMode, str] = {
    CompensationMode.AREA: "按面积",
    CompensationMode.VALUE: "价值互换",
    CompensationMode.MONEY: "货币补偿",
}
_MODE_NAMES: dict[str, CompensationMode] = {
    _mode_key(name): mode
    for names in (COMPENSATION_MODE_ZH, MODE_SHORT_ZH, {m: m.value for m in CompensationMode})
    for mode, name in names.items()
}


def parse_compensation_mode(value: object) -> CompensationMode:
    """产权调换（按面积）, 产权调换（价值互换）, 货币补偿 (COMPENSATION_MODE_ZH), the short forms
    按面积 / 价值互换, or area / value / money; brackets full- or half-width."""
    mode = _MODE_NAMES.get(_mode_key(cell_text(value)))
    if mode is None:
        raise CellError("unknown_compensation_mode")
    return mode


_OLD_HOME_USES: dict[str, OldHomeUse] = {
    _mode_key(name): use
    for names in (OLD_HOME_USE_ZH, {u: u.value for u in OldHomeUse})
    for use, name in names.items()
}


def parse_old_home_use(value: object) -> OldHomeUse:
    """住宅 / 非住宅 (OLD_HOME_USE_ZH) or residential / non_residential; blank is 住宅."""
    use = _OLD_HOME_USES.get(_mode_key(cell_text(value)))
    if use is None:
        raise CellError("unknown_old_home_use")
    return use


def parse_account(value: object) -> str:
    """A bank account number, as text: a number cell has lost its digits beyond the 15th
    (Excel keeps 15 significant digits), so it is refused and the fix named."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise CellError("account_number_cell")
    account = parse_text(value)
    if len(account) > TEXT_LIMITS["payee_account"]:
        raise CellError("too_long", max=TEXT_LIMITS["payee_account"])
    for problem in check_payee_account(account):
        raise CellError(problem.code, **problem.params)
    return account


PARSERS: dict[Kind, Callable[[object], Any]] = {
    Kind.TEXT: parse_text,
    Kind.CODE: parse_code,
    Kind.ID_NUMBER: parse_id_number,
    Kind.AREA: parse_area,
    Kind.MONEY: parse_money,
    Kind.AMOUNT: parse_amount,
    Kind.INTEGER: parse_positive_integer,
    Kind.DATE: parse_date,
    Kind.YES_NO: parse_yes_no,
    Kind.CONDITIONS: parse_conditions,
    Kind.GRADE: parse_grade,
    Kind.HOUSEHOLD_STATUS: parse_household_status,
    Kind.FLAT_STATUS: parse_flat_status,
    Kind.COMPENSATION_MODE: parse_compensation_mode,
    Kind.OLD_HOME_USE: parse_old_home_use,
    Kind.ACCOUNT: parse_account,
}


# ---------------------------------------------------------------------------
# The tables
# ---------------------------------------------------------------------------


def _limited_text(limit: int) -> Callable[[object], str]:
    def parse(value: object) -> str:
        text = parse_text(value)
        if len(text) > limit:
            raise CellError("too_long", max=limit)
        return text
    return parse


# Text columns as long as the registry stores them (allocation.registry.TEXT_LIMITS).
_LIMITED_TEXT = {field: _limited_text(limit) for field, limit in TEXT_LIMITS.items()}


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """One column of a sheet.

    Attributes:
        field: the model field (Household, Member or Flat attribute).
        zh: the Chinese header the writer writes.
        en: the English header (matched like the Chinese one).
        kind: how the cell is parsed and written.
        required: a blank cell is a problem (and a missing column too).
        aliases: other headers offices use for the same column.
        width: the writer's column width, in Excel character units.
    """

    field: str
    zh: str
    en: str
    kind: Kind
    required: bool = False
    aliases: tuple[str, ...] = ()
    width: int = 12

    @property
    def parser(self) -> Callable[[object], Any]:
        if self.kind is Kind.TEXT and self.field in _LIMITED_TEXT:
            return _LIMITED_TEXT[self.field]
        return PARSERS[self.kind]

    @property
    def text_limit(self) -> int | None:
        """For a column of plain text (kept as stripped): its longest length, -1 for none.

        The reader's fast path for text cells (db/excel/sheets.py) goes by it;
        None for every other kind.
        """
        if self.kind is Kind.CODE:
            return MAX_CODE_LENGTH
        if self.kind is Kind.TEXT:
            return TEXT_LIMITS.get(self.field, -1)
        return None

    @property
    def names(self) -> tuple[str, ...]:
        """Every header that means this column (before normalisation)."""
        return (self.zh, self.en, self.field, *self.aliases)


@dataclass(frozen=True, slots=True)
class SheetSpec:
    """One sheet of a format: its names and its columns in the order the writer uses."""

    kind: str
    zh: str
    en: str
    columns: tuple[ColumnSpec, ...]
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.zh, self.en, *self.aliases)

    @property
    def required(self) -> tuple[ColumnSpec, ...]:
        return tuple(c for c in self.columns if c.required)

    def column(self, field: str) -> ColumnSpec:
        return next(c for c in self.columns if c.field == field)

    def header_lookup(self) -> dict[str, ColumnSpec]:
        """Normalised header → column."""
        return {normalise_header(name): c for c in self.columns for name in c.names}


def _c(field: str, zh: str, en: str, kind: Kind, *aliases: str, required: bool = False,
       width: int = 12) -> ColumnSpec:
    return ColumnSpec(field, zh, en, kind, required, aliases, width)


# Short names keep each column of the tables on one or two lines.
_T, _R = Kind.TEXT, True

HOUSEHOLD_SHEET = SheetSpec(HOUSEHOLDS, "户", "households", (
    _c("code", "户号", "Code", Kind.CODE, "户编号", "household code", "household", required=_R,
       width=10),
    _c("head_name", "户主姓名", "Head name", _T, "户主", required=_R, width=10),
    _c("head_id", "户主身份证号", "Head ID", Kind.ID_NUMBER, "户主身份证号码", "户主身份证",
       "户主公民身份号码", "head id number", required=_R, width=21),
    _c("phone", "联系电话", "Phone", _T, "电话", "手机", "手机号", "手机号码", "联系方式",
       width=14),
    _c("address", "原住址", "Address", _T, "住址", "地址", "原地址", "原址", width=28),
    _c("legal_area", "原合法面积", "Legal area", Kind.AREA, "合法面积", "原合法建筑面积",
       "合法建筑面积", required=_R, width=12),
    _c("signed_on", "签约日期", "Signed on", Kind.DATE, "签约时间", "signing date", width=12),
    _c("signing_seq", "签约顺序号", "Signing seq", Kind.INTEGER, "签约顺序", "签约序号",
       "signing order", width=11),
    _c("notes", "备注", "Notes", _T, "说明", width=24),
    _c("status", "状态", "Status", Kind.HOUSEHOLD_STATUS, "办理状态", width=9),
    _c("compensation_mode", "补偿方式", "Compensation mode", Kind.COMPENSATION_MODE,
       "补偿安置方式", "安置方式", "compensation", width=20),
    _c("mode_chosen_on", "选择日期", "Mode chosen on", Kind.DATE, "补偿方式选择日期",
       "选定日期", "chosen on", width=12),
    _c("assessed_value", "评估价值（元）", "Assessed value", Kind.AMOUNT, "评估价值",
       "房屋评估价值", "评估金额", "appraised value", width=15),
    _c("appraisal_report", "评估报告编号", "Appraisal report", _T, "评估报告号", "报告编号",
       "评估报告", "report number", width=20),
    _c("old_home_use", "原房屋用途", "Old home use", Kind.OLD_HOME_USE, "房屋用途", "原用途",
       "用途", width=11),
    _c("transition_housing", "周转房地址", "Transition housing", _T, "周转用房", "周转房",
       "周转用房地址", width=28),
    _c("transition_from", "周转起始日期", "Transition from", Kind.DATE, "周转开始日期",
       "周转起始", width=12),
    _c("transition_until", "周转截止日期", "Transition until", Kind.DATE, "周转结束日期",
       "周转截止", width=12),
    _c("payee_bank", "开户银行", "Payee bank", _T, "开户行", "收款银行", width=24),
    _c("payee_name", "收款户名", "Payee name", _T, "户名", "账户名", "开户名", width=10),
    _c("payee_account", "收款账号", "Payee account", Kind.ACCOUNT, "账号", "银行账号",
       "银行卡号", width=24),
), aliases=("被安置户", "户信息", "household"))

MEMBER_SHEET = SheetSpec(MEMBERS, "家庭成员", "members", (
    _c("code", "户号", "Code", Kind.CODE, "户编号", "household code", "household", required=_R,
       width=10),
    _c("name", "姓名", "Name", _T, "成员姓名", required=_R, width=10),
    _c("id_number", "身份证号", "ID number", Kind.ID_NUMBER, "身份证号码", "身份证",
       "公民身份号码", "id", required=_R, width=21),
    _c("relation", "与户主关系", "Relation", _T, "关系", "与户主的关系", required=_R, width=11),
    _c("recognised", "认定人口", "Recognised", Kind.YES_NO, "是否认定人口", "是否认定", width=9),
    _c("conditions", "特殊情况", "Conditions", Kind.CONDITIONS, "特殊困难", "特殊类型", width=16),
    _c("disability_grade", "残疾等级", "Disability grade", Kind.GRADE, "残疾级别", width=9),
    _c("new_member", "新增人口", "New member", Kind.YES_NO, "是否新增人口", "是否新增", width=9),
), aliases=("成员", "家庭成员表", "member"))

FLAT_SHEET = SheetSpec(FLATS, "房源", "flats", (
    _c("building", "楼栋", "Building", _T, "楼号", "栋号", "楼栋号", required=_R, width=8),
    _c("unit", "单元", "Unit", _T, "单元号", required=_R, width=6),
    _c("floor", "楼层", "Floor", Kind.INTEGER, "层", "所在楼层", required=_R, width=6),
    _c("number", "房号", "Number", _T, "房间号", "室号", "门牌号", "flat number", required=_R,
       width=8),
    _c("area", "建筑面积", "Area", Kind.AREA, "面积", "房屋面积", required=_R, width=10),
    _c("layout", "户型", "Layout", _T, "房型", required=_R, width=10),
    _c("orientation", "朝向", "Orientation", _T, width=8),
    _c("base_price", "基准单价", "Base price", Kind.MONEY, "单价", "基准价", "基准价格",
       required=_R, width=11),
    _c("status", "状态", "Status", Kind.FLAT_STATUS, "房源状态", width=8),
    _c("inner_area", "套内面积（㎡）", "Inner area", Kind.AREA, "套内面积", "套内建筑面积",
       width=12),
), aliases=("房源表", "flat"))

SHEETS: dict[str, SheetSpec] = {s.kind: s for s in (HOUSEHOLD_SHEET, MEMBER_SHEET, FLAT_SHEET)}
HOUSEHOLD_KINDS = (HOUSEHOLDS, MEMBERS)
FLAT_KINDS = (FLATS,)
