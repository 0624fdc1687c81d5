"""The reader's per-column fast paths give what parsing each cell on its own gives.

db.excel.sheets.Converter picks one function per column: a strip and a
length test for text, a memo of text cells seen before for the other kinds.
Whatever the cell, the outcome must be that of Converter.slow (the blank and
formula-error tests, then the column's parser), the second time too (memo).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from db.excel.columns import SHEETS, ColumnSpec
from db.excel.sheets import BLANK, Converter, Faulty

COLUMNS = [c for sheet in SHEETS.values() for c in sheet.columns]

_TEXTS = st.one_of(
    st.text(),
    st.sampled_from(["", " ", "　", "是", "否", " 是 ", "#N/A", "#DIV/0!", "#1", "残疾、低保",
                     "无", "1", "一级", "已签约", "2023-05-01", "20230501", "12.50", "1,234.5",
                     "110101194912310027", "11010519491231002X", "11010519491231002x", "H001"]),
    st.text(alphabet="0123456789Xx ", min_size=17, max_size=19),
)
CELLS = st.one_of(_TEXTS, st.none(), st.booleans(), st.integers(-5, 10**9),
                  st.floats(allow_nan=True, allow_infinity=True),
                  st.dates(date(1790, 1, 1), date(2100, 1, 1)),
                  st.datetimes(datetime(1790, 1, 1), datetime(2100, 1, 1)))


def _outcome(value: Any) -> Any:
    if value is BLANK:
        return "BLANK"
    if type(value) is Faulty:
        return ("faulty", value.code, value.text, value.params)
    return (type(value), value)


@given(st.sampled_from(COLUMNS), st.lists(CELLS, max_size=6))
def test_fast_path_agrees_with_the_cell_by_cell_parse(spec: ColumnSpec, cells: list[Any]) -> None:
    fast, reference = Converter(spec), Converter(spec)
    for cell in cells + cells:  # twice: the second time from the memo
        assert _outcome(fast.convert(cell)) == _outcome(reference.slow(cell))


@given(st.sampled_from(COLUMNS), st.lists(CELLS, max_size=30))
def test_a_column_reports_its_blank_and_faulty_cells(spec: ColumnSpec, cells: list[Any]) -> None:
    values, at = Converter(spec).column(cells)
    assert at == [i for i, v in enumerate(values) if v is BLANK or type(v) is Faulty]
