"""What can be wrong in an imported Excel file: one ImportProblem per finding, codes only.

A problem names the place (sheet, row, column as the user sees them in
Excel), the offending value as text, a stable snake_case ``code`` and the
facts a message needs (``params``). Wording, in Chinese or English, is the
desktop's business (``desktop/i18n/messages.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from allocation.errors import AnjuError

#: Hashable parameter values: text, numbers, flags, or tuples of them.
ParamValue = str | int | bool | Decimal | None | tuple[Any, ...]
Params = tuple[tuple[str, ParamValue], ...]

# Every code a reader can report (params in brackets). The desktop keeps a
# message for each; tests/db/test_excel.py checks that readers emit no other.
PROBLEM_CODES: frozenset[str] = frozenset({
    # file level (sheet "", row None)
    "not_excel",                 # detected: empty|text|xls|encrypted|xlsb|ods|zip|unknown
    "file_unreadable",           # reason: not_found|permission|is_directory|os_error|corrupt
    "missing_sheet",             # kind, expected, found (sheet names in the file)
    "duplicate_sheet",           # kind, first (sheet name used), second
    # sheet structure (row = header row, or None)
    "empty_sheet",               # kind
    "missing_column",            # field[, mapped]
    "duplicate_column",          # field, first_column, second_column (letters)
    "merged_cells",              # range
    "sheet_too_large",           # cell (the farthest used cell, row and column set to it)
    # one cell
    "required_value_missing",    # field
    "formula_error",             # field
    "not_a_number",              # field
    "not_an_integer",            # field
    "not_positive",              # field
    "negative",                  # field
    "too_large",                 # field, max (a number bigger than the registry stores)
    "bad_date",                  # field
    "bad_yes_no",                # field
    "unknown_condition",         # field, condition
    "bad_disability_grade",      # field
    "unknown_status",            # field
    "unknown_compensation_mode",  # field
    "unknown_old_home_use",      # field
    "account_number_cell",       # field (a 收款账号 typed as a number: digits are lost)
    "bad_payee_account",         # field, digits, min, max
    "invalid_id_number",         # field, reason[, number_cell]
    # across rows and sheets
    "duplicate_code",            # code, first_row, second_row
    "duplicate_person",          # id_number, first_row, second_row, first_code, second_code
    "member_without_household",  # code
    "household_without_members",  # code
    "head_not_member",           # code, reason: not_listed|relation[, relation, member_row]
    "head_name_mismatch",        # code, head_name, member_name, member_row
    "multiple_heads",            # code, first_row, second_row
    "duplicate_flat",            # key, first_row, second_row
    # allocation.registry's rules, checked here so that they come with a row number
    "too_long",                  # field, max (a 户号 longer than the registry stores)
    "grade_without_disability",  # field (a 残疾等级 without the 残疾 condition)
    "key_separator_in_name",     # field, value (a "-" in 楼栋 or 单元: flat keys would clash)
    "assessed_value_required",   # field, code, mode (value exchange or money without 评估价值)
    "transition_term_without_housing",  # field, code (周转日期 without 周转房地址)
    "transition_term_reversed",  # field, code, start, end
    "inner_area_exceeds_area",   # field, inner_area, area
})  # fmt: skip


#: Characters of an offending value kept in a problem: enough to find the cell,
#: while a pasted 400 MiB text is not echoed whole into the report and its CSV.
VALUE_SHOWN = 80


def shown_value(text: str) -> str:
    """The first VALUE_SHOWN characters and the whole length: 'AAAA…（共 400 字）'.

    The length is given in Chinese whatever the UI language: the value is the
    office's own (Chinese) data, and the report is saved and printed as it is.
    """
    if len(text) <= VALUE_SHOWN:
        return text
    return f"{text[:VALUE_SHOWN]}…（共 {len(text)} 字）"


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One finding in an imported file.

    Attributes:
        sheet: the sheet name as in the file; ``""`` for the file itself.
        row: the Excel row number (1-based, as Excel shows it), or None.
        column: the header text as in the file (the column letter when the
            column has no header), or None when no column applies.
        value: the offending value as text; ``""`` when there is none. A value
            longer than :data:`VALUE_SHOWN` characters is cut (see :func:`shown_value`).
        code: a stable snake_case code from :data:`PROBLEM_CODES`.
        params: (key, value) pairs; see :meth:`param` and :attr:`params_dict`.
    """

    sheet: str
    row: int | None
    column: str | None
    value: str
    code: str
    params: Params = ()

    def __post_init__(self) -> None:
        if len(self.value) > VALUE_SHOWN:
            object.__setattr__(self, "value", shown_value(self.value))

    def param(self, key: str, default: Any = None) -> Any:
        """One parameter by name."""
        return self.params_dict.get(key, default)

    @property
    def params_dict(self) -> dict[str, ParamValue]:
        return dict(self.params)

    @property
    def place(self) -> tuple[str, int | None, str | None, str]:
        """(sheet, row, column, code): what tests and de-duplication compare."""
        return (self.sheet, self.row, self.column, self.code)


def freeze_params(params: Mapping[str, Any]) -> Params:
    """Params as hashable pairs: lists become tuples, dates text, other objects str()."""
    return tuple((key, _freeze(value)) for key, value in params.items())


def _freeze(value: Any) -> ParamValue:
    if value is None or isinstance(value, str | int | bool | Decimal):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


class CellError(Exception):
    """Raised by a cell parser; the reader turns it into an ImportProblem for that cell."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class ReadCancelled(AnjuError):
    """The progress callback returned False; nothing was read."""

    def __init__(self) -> None:
        super().__init__("read_cancelled")

    def __reduce__(self) -> tuple[Any, ...]:
        return (ReadCancelled, ())


def sort_problems(problems: Iterable[ImportProblem], sheet_order: Iterable[str],
                  column_order: Mapping[tuple[str, str], int]) -> list[ImportProblem]:
    """Problems by sheet (file level first, then workbook order), row, column, code.

    Duplicates (same place, value and params) are dropped: two checks that
    find the same fact must not report it twice.
    """
    ranks = {name: i for i, name in enumerate(sheet_order, start=1)}
    ranks[""] = 0

    def key(p: ImportProblem) -> tuple[int, int, int, str]:
        column = column_order.get((p.sheet, p.column or ""), 10_000)
        return (ranks.get(p.sheet, len(ranks)), p.row or 0, column, p.code)

    return sorted(dict.fromkeys(problems), key=key)
