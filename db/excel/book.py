"""A spreadsheet as the readers see it, whatever wrote it: .xlsx, .xlsm, .xlsb, .xls or .ods.

python-calamine (a Rust reader) does the reading: about ten times faster than
openpyxl's read-only mode, and it reads the binary and OpenDocument formats
that older Excel, WPS and LibreOffice save. This module hides its quirks so
that the rest of db/excel sees one shape of sheet:

- rows are tuples starting at column A and row 1, as the office sees them
  (calamine starts a sheet's columns at its first used column);
- blank cells are ``""``; numbers are floats (.xls gives ints for some):
  the column parsers (db/excel/columns.py) read 12.0 as 12 and take
  Decimals from ``repr``, the shortest text that gives the same float, which
  is what the office typed;
- error cells (#DIV/0!, #N/A …), which calamine turns into blanks, are put
  back for .xlsx/.xlsm from the sheet's XML, so a formula error is reported as
  one and not as a missing value;
- merged ranges come from calamine (.xlsx, .xls) or, for .ods, from the
  content's spanned cells.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from typing import IO, Any

from openpyxl.utils.cell import get_column_letter
from python_calamine import CalamineWorkbook

from db.excel.columns import EXCEL_ERRORS

_CHUNK = 1 << 20
_OVERLAP = 4096  # longer than any one error cell's XML
# An error cell: <c r="B9" s="0" t="e"><f>1/0</f><v>#DIV/0!</v></c> (attributes in any order).
_ERROR_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*\bt="e"[^>]*)>(.*?)</(?:\w+:)?c>', re.S)
_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"')
_REL_REVERSED = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')


class Unreadable(Exception):
    """The reader failed on the file's content; becomes file_unreadable (reason corrupt)."""


class Sheet:
    """One sheet, loaded whole by calamine (its cells live in Rust until iterated)."""

    def __init__(self, title: str, sheet: Any, errors: dict[tuple[int, int], str],
                 merges: list[str]) -> None:
        self.title = title
        self._sheet = sheet
        start = sheet.start
        self._first_column = start[1] if start else 0
        end = sheet.end
        #: Rows in the sheet, from row 1 to its last used row (0 when it is empty).
        self.max_row: int = end[0] + 1 if end else 0
        self._errors = errors
        self.merges = merges

    def iter_rows(self) -> Iterator[tuple[Any, ...]]:
        """Every row from row 1, each a tuple from column A (blank cells are "")."""
        pad = ("",) * self._first_column
        rows = (pad + tuple(row) for row in self._sheet.iter_rows())
        return _with_errors(rows, self._errors) if self._errors else rows


def _with_errors(rows: Iterator[tuple[Any, ...]],
                 errors: dict[tuple[int, int], str]) -> Iterator[tuple[Any, ...]]:
    by_row: dict[int, list[tuple[int, str]]] = {}
    for (row_index, column), text in errors.items():
        by_row.setdefault(row_index, []).append((column, text))
    for number, row in enumerate(rows):
        cells = by_row.get(number)
        if cells:
            values = list(row)
            for column, text in cells:
                if column < len(values):
                    values[column] = text
            row = tuple(values)
        yield row


class Book:
    """A workbook opened by content (the name's extension is not trusted)."""

    def __init__(self, handle: IO[bytes]) -> None:
        try:
            self._book = CalamineWorkbook.from_filelike(handle)
            self.sheetnames: list[str] = list(self._book.sheet_names)
        except Exception as error:  # noqa: BLE001  (any failure inside calamine = a bad file)
            raise Unreadable(str(error)) from error
        self._handle = handle
        self._sheets: dict[str, Sheet] = {}

    def __getitem__(self, title: str) -> Sheet:
        sheet = self._sheets.get(title)
        if sheet is None:
            sheet = self._sheets[title] = self._load(title)
        return sheet

    def _load(self, title: str) -> Sheet:
        try:
            raw = self._book.get_sheet_by_name(title)
            errors, merges = self._extras(title, raw)
        except Exception as error:  # noqa: BLE001  (XML, zip or record damage)
            raise Unreadable(str(error)) from error
        return Sheet(title, raw, errors, merges)

    def _extras(self, title: str, raw: Any) -> tuple[dict[tuple[int, int], str], list[str]]:
        ranges = raw.merged_cell_ranges
        merges = [_range_ref(start, end) for start, end in ranges or ()]
        self._handle.seek(0)
        if not zipfile.is_zipfile(self._handle):
            return {}, merges
        self._handle.seek(0)
        with zipfile.ZipFile(self._handle) as archive:
            names = set(archive.namelist())
            if "content.xml" in names and ranges is None:
                return {}, _ods_merges(archive, self.sheetnames.index(title))
            part = _xlsx_sheet_parts(archive, names).get(title)
            if part is None:
                return {}, merges
            return _error_cells(archive, part), merges

    def close(self) -> None:
        self._sheets.clear()
        self._book.close()


def _range_ref(start: tuple[int, int], end: tuple[int, int]) -> str:
    first = f"{get_column_letter(start[1] + 1)}{start[0] + 1}"
    last = f"{get_column_letter(end[1] + 1)}{end[0] + 1}"
    return first if first == last else f"{first}:{last}"


def _xlsx_sheet_parts(archive: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """Sheet title → its XML part in an .xlsx/.xlsm (an .xlsb's binary parts have none)."""
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return {}
    book = archive.read("xl/workbook.xml")
    rels = archive.read("xl/_rels/workbook.xml.rels")
    targets = dict(_REL.findall(rels)) | {i: t for t, i in _REL_REVERSED.findall(rels)}
    parts: dict[str, str] = {}
    for name, rel in _SHEET.findall(book):
        target = targets.get(rel, b"").decode()
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        parts[_unescape(name.decode())] = path
    return parts


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def _error_cells(archive: zipfile.ZipFile, part: str) -> dict[tuple[int, int], str]:
    """(row, column) from 0 → the error text, for each error cell in a sheet's XML."""
    found: dict[tuple[int, int], str] = {}
    tail = b""
    with archive.open(part) as source:
        while chunk := source.read(_CHUNK):
            data = tail + chunk
            # Cheap test first: almost every chunk is cell data without errors.
            if b't="e"' in data:
                for match in _ERROR_CELL.finditer(data):
                    _add_error(found, match)
            tail = data[-_OVERLAP:]
    return found


def _add_error(found: dict[tuple[int, int], str], match: re.Match[bytes]) -> None:
    ref, value = _REF.search(match.group(1)), _VALUE.search(match.group(2))
    if ref is None or value is None:
        return
    text = value.group(1).decode()
    if text in EXCEL_ERRORS:
        column = 0
        for letter in ref.group(1).decode():
            column = column * 26 + ord(letter) - 64
        found[(int(ref.group(2)) - 1, column - 1)] = text


# (?=[\s/>]): "table:table" must not match table:table-row, nor table-row table-row-group.
_ODS_TABLE = re.compile(rb"<table:table(?=[\s/>])[^>]*>")
_ODS_ROW = re.compile(
    rb"<table:table-row(?=[\s/>])([^>]*?)(/?)>|</table:table-row>|"
    rb"<table:(?:covered-)?table-cell(?=[\s/>])([^>]*?)(/?)>|</table:table>")
_REPEAT_ROWS = re.compile(rb'table:number-rows-repeated="(\d+)"')
_REPEAT_COLUMNS = re.compile(rb'table:number-columns-repeated="(\d+)"')
_SPAN_ROWS = re.compile(rb'table:number-rows-spanned="(\d+)"')
_SPAN_COLUMNS = re.compile(rb'table:number-columns-spanned="(\d+)"')


def _ods_merges(archive: zipfile.ZipFile, index: int) -> list[str]:
    """Merged ranges of the index-th table in an .ods (calamine does not report them)."""
    content = archive.read("content.xml")
    tables = list(_ODS_TABLE.finditer(content))
    if index >= len(tables):
        return []
    row, column, merges = -1, 0, []
    for match in _ODS_ROW.finditer(content, tables[index].end()):
        text = match.group(0)
        if text == b"</table:table>":
            break
        if match.group(1) is not None or text == b"</table:table-row>":
            if text.startswith(b"<table:table-row"):
                repeat = _REPEAT_ROWS.search(match.group(1))
                row, column = row + 1, 0
                if repeat and int(repeat.group(1)) > 1:
                    row += int(repeat.group(1)) - 1  # repeated (blank) rows hold no merge
            continue
        attributes = match.group(3) or b""
        rows, columns = _SPAN_ROWS.search(attributes), _SPAN_COLUMNS.search(attributes)
        if rows or columns:
            height = int(rows.group(1)) if rows else 1
            width = int(columns.group(1)) if columns else 1
            if height > 1 or width > 1:
                merges.append(_range_ref((row, column), (row + height - 1, column + width - 1)))
        repeat = _REPEAT_COLUMNS.search(attributes)
        column += int(repeat.group(1)) if repeat else 1
    return merges
