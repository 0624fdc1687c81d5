"""A sheet used as far as a distant corner is refused with its farthest cell named, before
calamine loads it: calamine allocates every cell from A1 to the last used one, and a failed
allocation aborts the process (the window too) instead of raising.

Worked example: one stray value in XFD1048576 makes a used range of 1,048,576 rows ×
16,384 columns = 17,179,869,184 cells; at calamine's 32 bytes a cell that is 512 GiB
("memory allocation of 549755813888 bytes failed", then SIGABRT, before this check).
A city's member sheet, 320,000 rows × 20 columns = 6.4 million cells, is far within
the 2**26 = 67,108,864 cells let through.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

from openpyxl import Workbook

from db.excel import inspect_workbook, read_households
from db.excel.book import MOST_CELLS, _scan_sheet
from desktop.i18n import describe_problem
from tests.db import xlsb_writer
from tests.db.test_excel import H, M, build, household_rows, member_rows


def test_a_stray_value_in_the_far_corner_is_named_not_a_crash(tmp_path: Path) -> None:
    def stray(book: Workbook) -> None:
        book[H]["XFD1048576"] = "x"

    path = build(tmp_path / "远角.xlsx", {H: household_rows(), M: member_rows()}, stray)
    result = read_households(path)
    assert result.items == []
    [problem] = result.problems
    assert (problem.sheet, problem.row, problem.column, problem.code) == (
        H, 1_048_576, "XFD", "sheet_too_large")
    assert "XFD1048576" in describe_problem(problem)
    # The column-mapping step, which opens every sheet, says the same.
    assert [p.code for p in inspect_workbook(path).problems] == ["sheet_too_large"]


def test_a_wide_sheet_within_the_limit_reads_as_before(tmp_path: Path) -> None:
    """A note typed in column AZ of row 3 widens 户 to 52 columns × 3 rows: read, and the
    note's column, having no header, is ignored."""
    def note(book: Workbook) -> None:
        book[H]["AZ3"] = "备注：待核实"

    path = build(tmp_path / "宽.xlsx", {H: household_rows(), M: member_rows()}, note)
    result = read_households(path)
    assert result.problems == []
    assert [h.code for h in result.items] == ["H001", "H002"]


def _sheet_zip(path: Path, xml: bytes) -> zipfile.ZipFile:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("sheet.xml", xml)
    return zipfile.ZipFile(path)


def test_the_scan_finds_the_farthest_row_and_column_with_a_namespace_prefix(
        tmp_path: Path) -> None:
    """OpenXML SDK writes <x:row>/<x:c>; the farthest row (9) and column (AB = 28) come from
    different cells, as calamine's range does: (8, 27) from 0, so 9 × 28 cells."""
    xml = (b'<x:worksheet><x:sheetData>'
           b'<x:row r="2"><x:c r="AB2"><x:v>1</x:v></x:c></x:row>'
           b'<x:row r="9"><x:c r="C9" t="e"><x:v>#DIV/0!</x:v></x:c></x:row>'
           b'</x:sheetData></x:worksheet>')
    with _sheet_zip(tmp_path / "x.zip", xml) as archive:
        last, errors = _scan_sheet(archive, "sheet.xml")
    assert last == (8, 27)
    assert errors == {(8, 2): "#DIV/0!"}


def test_the_limit_is_on_cells_not_on_rows_or_columns_alone(tmp_path: Path) -> None:
    """26 columns (A–Z) are never checked for width: 1,048,576 × 26 = 27,262,976 cells,
    within the limit; 4,097 × 16,384 = 67,125,248 cells are just past it."""
    assert 1_048_576 * 26 <= MOST_CELLS < 4_097 * 16_384
    xml = b'<worksheet><sheetData><row r="4097"><c r="XFD4097"><v>1</v></c></row></sheetData>'
    with _sheet_zip(tmp_path / "y.zip", xml) as archive:
        assert _scan_sheet(archive, "sheet.xml")[0] == (4_096, 16_383)


def _far_xlsb(path: Path, row: int, column: int) -> Path:
    """An .xlsb of the households and members, with one value at (row, column) of 户."""
    xlsb_writer.write_xlsb(path, [(H, household_rows(), []), (M, member_rows(), [])])
    part = xlsb_writer.sheet_part(household_rows())
    end = xlsb_writer.record(xlsb_writer.END_SHEET_DATA)
    far = (xlsb_writer.record(xlsb_writer.ROW_HDR, struct.pack("<IIHHBI", row, 0, 300, 0, 0, 0))
           + xlsb_writer._cell(column, "x"))
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    parts["xl/worksheets/sheet1.bin"] = part.replace(end, far + end, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path


def test_an_xlsb_used_to_its_far_corner_is_refused_too(tmp_path: Path) -> None:
    """The same stray value in an .xlsb (Excel's binary format): found by the record walk that
    finds its error cells; one column narrower (XFC) and 4,096 rows it reads."""
    result = read_households(_far_xlsb(tmp_path / "远角.xlsb", 1_048_575, 16_383))
    assert [(p.sheet, p.row, p.column, p.code) for p in result.problems] == [
        (H, 1_048_576, "XFD", "sheet_too_large")]
    near = read_households(_far_xlsb(tmp_path / "近.xlsb", 4_095, 16_382))
    assert near.problems == [] and [h.code for h in near.items] == ["H001", "H002"]
