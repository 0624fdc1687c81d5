"""Every spreadsheet format an office has reads like .xlsx: .xlsm, .xlsb, .xls and .ods.

The same workbook is saved in each format two ways:

- by a real spreadsheet program, LibreOffice (``soffice --headless
  --convert-to``; scripts/setup.sh test installs it), from the .xlsx that
  openpyxl wrote: the worked examples below;
- by the formats' own writers (xlwt for .xls, odfpy for .ods; a patched
  content type for .xlsm; for .xlsb, which LibreOffice reads but does not
  save, our own small writer, tests/db/xlsb_writer.py), copying every cell,
  type and merge of the .xlsx: fast enough for the hypothesis round trips.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from allocation.registry.model import Flat, Household
from db.excel import read_flats, read_households, write_flats, write_households
from tests.db import xlsb_writer
from tests.db.test_excel import (
    EXPECTED,
    FLATS,
    H,
    M,
    build,
    flat_rows,
    household_rows,
    households,
    member_rows,
    places,
    read_f,
    read_h,
    with_ids,
)
from tests.db.xlsb_writer import ERROR_CODES, ErrorCell

FORMATS = ("xlsm", "xlsb", "xls", "ods")
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"


# ---------------------------------------------------------------------------
# The formats' own writers: every cell of an .xlsx copied with its type
# ---------------------------------------------------------------------------


def _cells(source: Path) -> list[tuple[str, list[list[Any]], list[str]]]:
    """(title, rows of values, merged ranges) for each sheet of an .xlsx."""
    book = load_workbook(source)
    sheets = [(s.title, [list(r) for r in s.iter_rows(values_only=True)],
               [str(m) for m in s.merged_cells.ranges]) for s in book.worksheets]
    book.close()
    return sheets


def write_xls(source: Path, target: Path) -> Path:
    import xlwt
    from openpyxl.utils.cell import range_boundaries

    book = xlwt.Workbook(encoding="utf-8")
    day = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for title, rows, merges in _cells(source):
        sheet = book.add_sheet(title)
        spans = {}
        for ref in merges:
            c1, r1, c2, r2 = range_boundaries(ref)
            spans[(r1 - 1, c1 - 1)] = (r2 - 1, c2 - 1)
        covered = {(r, c) for (r1, c1), (r2, c2) in spans.items()
                   for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)} - set(spans)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if (r, c) in covered:
                    continue
                style = day if isinstance(value, date) else xlwt.Style.default_style
                if value in ERROR_CODES:  # a BoolErr record (xlwt's own table of codes is wrong)
                    sheet.row(r).set_cell_error(c, ERROR_CODES[value])
                elif (r, c) in spans:
                    r2, c2 = spans[(r, c)]
                    sheet.write_merge(r, r2, c, c2, value, style)
                elif value is not None:
                    sheet.write(r, c, value, style)
    book.save(str(target))
    return target


def write_ods(source: Path, target: Path) -> Path:
    from odf import teletype
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P
    from openpyxl.utils.cell import range_boundaries

    document = OpenDocumentSpreadsheet()
    for title, rows, merges in _cells(source):
        table = Table(name=title)
        spans, covered = {}, set()
        for ref in merges:
            c1, r1, c2, r2 = range_boundaries(ref)
            spans[(r1 - 1, c1 - 1)] = (r2 - r1 + 1, c2 - c1 + 1)
            covered |= {(r, c) for r in range(r1 - 1, r2) for c in range(c1 - 1, c2)}
        covered -= set(spans)
        for r, row in enumerate(rows):
            line = TableRow()
            for c, value in enumerate(row):
                if (r, c) in covered:
                    line.addElement(CoveredTableCell())
                    continue
                cell = _ods_cell(TableCell, value)
                if (r, c) in spans:
                    cell.setAttribute("numberrowsspanned", str(spans[(r, c)][0]))
                    cell.setAttribute("numbercolumnsspanned", str(spans[(r, c)][1]))
                if value is not None:
                    paragraph = P()
                    teletype.addTextToElement(paragraph, _ods_text(value))
                    cell.addElement(paragraph)
                line.addElement(cell)
            table.addElement(line)
        document.spreadsheet.addElement(table)
    document.save(str(target))
    return target


def _ods_cell(make: Callable[..., Any], value: Any) -> Any:
    if value is None:
        return make()
    if value in ERROR_CODES:  # as LibreOffice saves a formula's error
        cell = make(valuetype="string", stringvalue="")
        cell.setAttrNS(_CALCEXT, "value-type", "error")
        return cell
    if isinstance(value, bool):
        return make(valuetype="boolean", booleanvalue="true" if value else "false")
    if isinstance(value, int | float):
        return make(valuetype="float", value=repr(value))
    if isinstance(value, datetime):
        return make(valuetype="date", datevalue=value.isoformat())
    if isinstance(value, date):
        return make(valuetype="date", datevalue=value.isoformat())
    return make(valuetype="string")


def _ods_text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    return value.isoformat() if isinstance(value, date) else str(value)


def write_xlsm(source: Path, target: Path) -> Path:
    """An .xlsm is an .xlsx whose workbook part has the macro-enabled content type."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"sheet.main+xml", b"sheet.macroEnabled.main+xml")
            new.writestr(item, data)
    return target


def write_xlsb(source: Path, target: Path) -> Path:
    from openpyxl.utils.cell import range_boundaries

    sheets = []
    for title, rows, merges in _cells(source):
        spans = []
        for ref in merges:
            c1, r1, c2, r2 = range_boundaries(ref)
            spans.append((r1 - 1, r2 - 1, c1 - 1, c2 - 1))
        cells = [[ErrorCell(v) if v in ERROR_CODES else v for v in row] for row in rows]
        sheets.append((title, cells, spans))
    return xlsb_writer.write_xlsb(target, sheets)


WRITERS: dict[str, Callable[[Path, Path], Path]] = {
    "xlsm": write_xlsm, "xlsb": write_xlsb, "xls": write_xls, "ods": write_ods}


def saved_as(source: Path, fmt: str) -> Path:
    """The .xlsx saved as ``fmt`` by the format's own writer, named .xlsx (content decides)."""
    return WRITERS[fmt](source, source.with_name(f"{source.stem}-{fmt}.{fmt}"))


# ---------------------------------------------------------------------------
# LibreOffice: a real spreadsheet program
# ---------------------------------------------------------------------------

_FILTERS = {"xlsm": "xlsm:Calc MS Excel 2007 VBA XML", "xls": "xls:MS Excel 97", "ods": "ods"}
_OPENED = {"xlsx": "xlsx:Calc Office Open XML"}  # what LibreOffice saves, but is not under test


def libreoffice(source: Path, fmt: str) -> Path:
    """The .xlsx opened and saved as ``fmt`` by LibreOffice Calc (which saves no .xlsb)."""
    if fmt == "xlsb":
        pytest.skip("LibreOffice reads .xlsb but does not save it: the writer's files stand in")
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: run scripts/setup.sh test"
    out = source.parent / f"lo-{fmt}"
    with tempfile.TemporaryDirectory() as profile:  # its own profile: runs side by side
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", (_FILTERS | _OPENED)[fmt], "--outdir", str(out),
                        str(source)],
                       check=True, capture_output=True, timeout=300)
    converted = out / f"{source.stem}.{fmt}"
    assert converted.exists(), f"LibreOffice wrote no {converted.name}"
    return converted


def test_libreoffice_reads_the_xlsb_writer_s_files_as_written(tmp_path: Path) -> None:
    """The .xlsb writer is checked by a second reader: LibreOffice opens its file and saves
    every cell as the .xlsx had it (a date as its serial number, 2023-05-01 = 45047: the
    minimal styles part carries no number format LibreOffice applies), merges included."""
    xlsx = build(tmp_path / "merged.xlsx", {H: household_rows(), M: member_rows()},
                 lambda book: book[M].merge_cells("F2:G3"))
    back = libreoffice(saved_as(xlsx, "xlsb"), "xlsx")

    def serial(value: Any) -> Any:
        return (value - datetime(1899, 12, 30)).days if isinstance(value, datetime) else value

    def trimmed(rows: list[list[Any]]) -> list[list[Any]]:
        # LibreOffice drops trailing empty cells and rows; openpyxl gives "" cells as None.
        cut = [[None if v == "" else serial(v) for v in row] for row in rows]
        while cut and not any(v is not None for v in cut[-1]):
            cut.pop()
        return cut

    for (title, rows, merges), (title2, rows2, merges2) in zip(_cells(xlsx), _cells(back),
                                                               strict=True):
        assert (title2, merges2) == (title, merges)
        assert trimmed(rows2) == trimmed(rows)
    assert serial(datetime(2023, 5, 1)) == 45047


# ---------------------------------------------------------------------------
# Worked examples, saved by LibreOffice and by the formats' writers
# ---------------------------------------------------------------------------


def registry(tmp_path: Path) -> Path:
    """test_excel's hand-made households file, with a 户号 typed with leading zeros as text."""
    hrows, mrows = household_rows(), member_rows()
    return build(tmp_path / "registry.xlsx", {H: hrows, M: mrows})


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("save", [libreoffice, saved_as], ids=["libreoffice", "writer"])
def test_the_hand_made_file_reads_the_same_in_every_format(
        tmp_path: Path, fmt: str, save: Callable[[Path, str], Path]) -> None:
    """test_excel.EXPECTED, figures typed by hand there: 85.50 m², 1234567.89 元, 2023-05-01."""
    path = save(registry(tmp_path), fmt)
    result = read_h(path)
    assert result.problems == []
    assert result.items == EXPECTED


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("save", [libreoffice, saved_as], ids=["libreoffice", "writer"])
def test_flats_read_the_same_in_every_format(
        tmp_path: Path, fmt: str, save: Callable[[Path, str], Path]) -> None:
    """Floor 3 as a number, 89.12 m² and 4200.50 元/m² as typed: no float digits creep in."""
    path = save(build(tmp_path / "flats.xlsx", {"房源": flat_rows()}), fmt)
    result = read_f(path)
    assert result.problems == []
    assert [(f.number, f.floor, str(f.area), str(f.base_price)) for f in result.items] == [
        ("301", 3, "89.12", "4000.00"), ("302", 3, "120.00", "4200.50")]


def _bad_rows() -> tuple[list[list[Any]], list[list[Any]]]:
    """Row 2 of 户: 户号 "007" as text, 原合法面积 "八十" (no number), 收款账号 a number cell;
    row 3: 签约日期 "2023-13-01" (no month 13). Members: 户号 007 for 张三."""
    hrows, mrows = household_rows(), member_rows()
    head = hrows[0] + ["收款账号"]
    hrows = [head, [*hrows[1], 6222020200112233445], [*hrows[2], ""]]
    hrows[1][0], hrows[1][5] = "007", "八十"
    hrows[2][6] = "2023-13-01"
    for row in mrows[1:4]:
        row[0] = "007"
    return hrows, mrows


EXPECTED_BAD = [(H, 2, "原合法面积", "not_a_number"), (H, 2, "收款账号", "account_number_cell"),
                (H, 3, "签约日期", "bad_date")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("save", [libreoffice, saved_as], ids=["libreoffice", "writer"])
def test_a_bad_cell_is_reported_as_in_xlsx(
        tmp_path: Path, fmt: str, save: Callable[[Path, str], Path]) -> None:
    """The same problems, each on its sheet, row, column and with its value, in every format."""
    hrows, mrows = _bad_rows()
    xlsx = build(tmp_path / "bad.xlsx", {H: hrows, M: mrows})
    expected = read_h(xlsx).problems
    assert places(read_h(xlsx)) == EXPECTED_BAD
    assert [p.value for p in expected][::2] == ["八十", "2023-13-01"]
    problems = read_h(save(xlsx, fmt)).problems
    assert [(p.place, p.params) for p in problems] == [(p.place, p.params) for p in expected]
    # The account number's digits past the 15th are each format's own (the reason it is refused).
    assert [p.value for p in problems][::2] == ["八十", "2023-13-01"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("save", [libreoffice, saved_as], ids=["libreoffice", "writer"])
def test_numbers_typed_into_text_columns_read_as_typed(
        tmp_path: Path, fmt: str, save: Callable[[Path, str], Path]) -> None:
    """户号 1001 and 联系电话 13800138000 typed as numbers read as "1001" and "13800138000"
    (calamine gives 1001.0), 签约顺序号 2 as 2; 户号 "0012" typed as text keeps its zeros."""
    hrows, mrows = household_rows(), member_rows()
    hrows[1][0], hrows[1][3], hrows[1][7] = 1001, 13800138000, 2
    hrows[2][0] = "0012"
    for row in mrows[1:4]:
        row[0] = 1001
    mrows[4][0] = "0012"
    result = read_h(save(build(tmp_path / "numbers.xlsx", {H: hrows, M: mrows}), fmt))
    assert result.problems == []
    assert [(h.code, h.phone, h.signing_seq) for h in result.items] == [
        ("1001", "13800138000", 2), ("0012", "", None)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_merged_cells_are_reported_in_every_format(tmp_path: Path, fmt: str) -> None:
    """A 户号 merged over 家庭成员 rows 2–4 (M2:… as A2:A4) is one merged_cells problem."""
    mrows = member_rows()
    mrows[2][0] = mrows[3][0] = None
    xlsx = build(tmp_path / "merged.xlsx", {H: household_rows(), M: mrows},
                 lambda book: book[M].merge_cells("A2:A4"))
    saved = [saved_as(xlsx, fmt), *([libreoffice(xlsx, fmt)] if fmt in _FILTERS else [])]
    for path in (xlsx, *saved):
        result = read_h(path)
        assert (M, 2, "户号", "merged_cells") in places(result), (path.name, result.problems)
        assert next(p for p in result.problems if p.code == "merged_cells").value == "A2:A4"


def test_a_header_away_from_a1_is_placed_where_the_office_sees_it(tmp_path: Path) -> None:
    """A title in B1 and the table from C3: problems name Excel's rows (and the header
    row's letters), even though calamine starts a sheet at its first used column."""
    def shifted(rows: list[list[Any]]) -> list[list[Any]]:
        return [[None, "台账"], [], *[[None, None, *row] for row in rows]]

    hrows, mrows = _bad_rows()
    xlsx = build(tmp_path / "shifted.xlsx", {H: shifted(hrows), M: shifted(mrows)})
    want = [(sheet, row + 2, column, code) for sheet, row, column, code in EXPECTED_BAD]
    for path in (xlsx, *(saved_as(xlsx, fmt) for fmt in FORMATS)):
        assert places(read_h(path)) == want, path.name


def _error_rows(typed: bool) -> tuple[list[list[Any]], list[list[Any]]]:
    """Row 2 of 户: 户主姓名 #DIV/0!, 原合法面积 #N/A; row 3: 签约日期 #REF! and 备注 #VALUE!,
    both optional columns, where a blank would pass unnoticed. ``typed``: the error values
    themselves (openpyxl writes them as error cells), else formulas that give them."""
    hrows = household_rows()
    values = ("#DIV/0!", "#N/A", "#REF!", "#VALUE!") if typed else (
        "=1/0", "=NA()", "=INDIRECT(\"A0\")", '=1+"x"')
    hrows[1][1], hrows[1][5], hrows[2][6], hrows[2][8] = values
    return hrows, member_rows()


EXPECTED_ERRORS = [((H, 2, "户主姓名", "formula_error"), "#DIV/0!"),
                   ((H, 2, "原合法面积", "formula_error"), "#N/A"),
                   ((H, 3, "签约日期", "formula_error"), "#REF!"),
                   ((H, 3, "备注", "formula_error"), "#VALUE!")]


def _errors(path: Path) -> list[tuple[tuple[str, int | None, str | None, str], str]]:
    return [(p.place, p.value) for p in read_h(path).problems]


@pytest.mark.parametrize("fmt", ["xlsx", *FORMATS])
def test_error_cells_are_formula_errors_in_every_format(tmp_path: Path, fmt: str) -> None:
    """Error cells (an .xls BoolErr, an .xlsb BrtCellError, an .ods cell of value type
    "error"), which calamine reads as blanks, are each a formula_error with the error shown."""
    hrows, mrows = _error_rows(typed=True)
    xlsx = build(tmp_path / "errors.xlsx", {H: hrows, M: mrows})
    path = xlsx if fmt == "xlsx" else saved_as(xlsx, fmt)
    assert _errors(path) == EXPECTED_ERRORS


@pytest.mark.parametrize("fmt", ["xlsm", "xls", "ods"])
def test_formulas_that_fail_are_formula_errors_when_libreoffice_saved_them(
        tmp_path: Path, fmt: str) -> None:
    """=1/0, =NA(), a reference to no cell and 1+"x", computed and cached by LibreOffice
    (an .xls Formula record with an error result, an .xlsm t="e" cell, an .ods
    calcext:value-type="error" cell): the same four problems as the typed errors."""
    hrows, mrows = _error_rows(typed=False)
    xlsx = build(tmp_path / "formulas.xlsx", {H: hrows, M: mrows})
    assert _errors(libreoffice(xlsx, fmt)) == EXPECTED_ERRORS


def test_a_formula_error_cached_in_an_xlsb_is_a_formula_error(tmp_path: Path) -> None:
    """A BrtFmlaError (=1/0 with #DIV/0! cached), which calamine skips, in 户主姓名 row 3."""
    hrows, mrows = household_rows(), member_rows()
    hrows[2][1] = ErrorCell("#DIV/0!", formula=True)
    path = xlsb_writer.write_xlsb(tmp_path / "f.xlsb", [(H, hrows, []), (M, mrows, [])])
    assert _errors(path) == [((H, 3, "户主姓名", "formula_error"), "#DIV/0!")]


def test_a_last_row_of_formula_errors_is_not_lost(tmp_path: Path) -> None:
    """A row 4 whose only cell is a formula error (户号 =1/0) lies past the rows calamine
    sees (it skips BrtFmlaError records): still a formula_error at 户 row 4, not no row."""
    hrows, mrows = household_rows(), member_rows()
    hrows.append([ErrorCell("#DIV/0!", formula=True)])
    path = xlsb_writer.write_xlsb(tmp_path / "f.xlsb", [(H, hrows, []), (M, mrows, [])])
    assert ((H, 4, "户号", "formula_error"), "#DIV/0!") in _errors(path)


# ---------------------------------------------------------------------------
# Property: a round trip through each readable format loses nothing
# ---------------------------------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(households(), max_size=5, unique_by=lambda h: h.code), st.sampled_from(FORMATS))
def test_households_round_trip_through_every_format(drawn: list[Household], fmt: str) -> None:
    original = with_ids(drawn)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "h.xlsx"
        write_households(path, original)
        result = read_households(saved_as(path, fmt))
    assert result.problems == []
    assert result.items == original


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FLATS, max_size=6, unique_by=lambda f: (f.building, f.unit, f.number)),
       st.sampled_from(FORMATS))
def test_flats_round_trip_through_every_format(flats: list[Flat], fmt: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.xlsx"
        write_flats(path, flats)
        result = read_flats(saved_as(path, fmt))
    assert result.problems == []
    assert result.items == flats


_GRID_VALUES = st.one_of(
    st.none(), st.sampled_from(sorted(ERROR_CODES)),
    st.text("户号张三ab 0-9", min_size=1, max_size=6).filter(str.strip),
    st.integers(-10**6, 10**6), st.floats(-1e6, 1e6, allow_nan=False).map(lambda f: round(f, 2)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_GRID_VALUES, max_size=6), min_size=1, max_size=8),
       st.sampled_from(["xlsx", *FORMATS]))
def test_every_error_cell_is_found_where_it_is(grid: list[list[Any]], fmt: str) -> None:
    """Error cells anywhere (first or last row or column, alone in a row, beside blanks) read
    as their error text at their own row and column, and no other cell does."""
    from db.excel.book import Book

    errors = {(r, c): v for r, row in enumerate(grid) for c, v in enumerate(row)
              if v in ERROR_CODES}
    with tempfile.TemporaryDirectory() as folder:
        xlsx = build(Path(folder) / "grid.xlsx", {"S": grid})
        path = xlsx if fmt == "xlsx" else saved_as(xlsx, fmt)
        with open(path, "rb") as handle:
            book = Book(handle)
            rows = list(book["S"].iter_rows())
            book.close()
    found = {(r, c): v for r, row in enumerate(rows) for c, v in enumerate(row)
             if v in ERROR_CODES}
    assert found == errors


def _flipped(data: bytes, flips: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for at, value in flips:
        out[at % len(out)] = value
    return bytes(out)


FLIPS = st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 255)), min_size=1,
                 max_size=8)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FLIPS, st.sampled_from(["xls", "xlsb"]))
def test_damaged_records_end_in_an_exception_the_reader_reports(
        flips: list[tuple[int, int]], fmt: str) -> None:
    """Bytes changed anywhere in an .xls, or in an .xlsb's workbook and sheet records: the
    record walks end (no endless sector chain), either with what they found or with an
    Exception, which the reader reports as an unreadable file.

    (Not through calamine: on some damaged files it asks for tens of gigabytes and the
    process is aborted, which no test can survive; see the report of issue 17.)
    """
    from db.excel import binary_cells

    hrows, mrows = _error_rows(typed=True)
    with tempfile.TemporaryDirectory() as folder:
        path = saved_as(build(Path(folder) / "d.xlsx", {H: hrows, M: mrows}), fmt)
        if fmt == "xls":
            data = _flipped(path.read_bytes(), flips)
        else:
            with zipfile.ZipFile(path) as book:
                workbook = _flipped(book.read("xl/workbook.bin"), flips)
                sheet = _flipped(book.read("xl/worksheets/sheet1.bin"), flips)
    try:
        if fmt == "xls":
            stream = binary_cells.workbook_stream(data) or b""
            for start in binary_cells.xls_sheet_offsets(stream).values():
                binary_cells.xls_error_cells(stream, start, len(stream))
        else:
            binary_cells.xlsb_sheet_relations(workbook)
            binary_cells.xlsb_extras(sheet)
    except Exception:  # noqa: BLE001,S110  (any Exception is reported: what is tested is the end)
        pass


def test_a_panic_inside_calamine_is_an_unreadable_file(tmp_path: Path) -> None:
    """A sheet's r:id said to be 0x34000000 characters long in an .xlsb's workbook part:
    calamine panics (a BaseException from Rust, past ``except Exception``); the read reports
    file_unreadable (corrupt) instead of a traceback."""
    path = saved_as(registry(tmp_path), "xlsb")
    with zipfile.ZipFile(path) as book:
        members = {name: book.read(name) for name in book.namelist()}
    workbook = members["xl/workbook.bin"]
    # BrtBundleSh: type 9C 01, a one-byte size, state and tab id (8 bytes), the r:id's length.
    at = workbook.index(b"\x9c\x01") + 3 + 8
    members["xl/workbook.bin"] = workbook[:at] + b"\x00\x00\x00\x34" + workbook[at + 4:]
    with zipfile.ZipFile(path, "w") as book:
        for name, data in members.items():
            book.writestr(name, data)
    problems = read_households(path).problems
    assert [(p.code, p.param("reason")) for p in problems] == [("file_unreadable", "corrupt")]


def test_files_are_named_by_format_but_read_by_content(tmp_path: Path) -> None:
    """An .ods renamed .xlsx still reads: the content decides, as for .xlsx before."""
    ods = saved_as(registry(tmp_path), "ods")
    renamed = ods.with_name("台账.xlsx")
    os.replace(ods, renamed)
    assert read_h(renamed).items == EXPECTED
