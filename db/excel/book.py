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
  back from the file itself: for .xlsx/.xlsm from the sheet's XML, for .ods
  from the content's cells of value type "error", for .xls and .xlsb from
  their records (:mod:`db.excel.binary_cells`), so a formula error is
  reported as one and not as a missing value;
- merged ranges come from calamine (.xlsx, .xls) or, for .ods, from the
  content's spanned cells, for .xlsb from its BrtMergeCell records;
- a sheet whose used range would not fit in memory is refused before calamine
  loads it (:class:`TooLarge`): calamine allocates every cell from A1 to the
  last used one, and a stray value in a far corner (XFD1048576: 17 billion
  cells) makes that allocation fail, which aborts the whole process — the
  window too — instead of raising.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from typing import IO, Any

from openpyxl.utils.cell import get_column_letter
from python_calamine import CalamineWorkbook

from db.excel import binary_cells
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


#: The most cells calamine is let allocate for one sheet: 64 Mi cells of 32 bytes, 2 GiB.
#: A city's member sheet (320,000 rows × 20 columns) is a tenth of it.
MOST_CELLS = 1 << 26


class TooLarge(Unreadable):
    """A sheet's used range (A1 to ``last``, row and column from 0) exceeds :data:`MOST_CELLS`."""

    def __init__(self, title: str, last: tuple[int, int]) -> None:
        super().__init__(f"sheet {title!r} reaches row {last[0] + 1}, column {last[1] + 1}")
        self.title = title
        self.last = last


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
        self.max_row: int = max([end[0] + 1 if end else 0, *(r + 1 for r, _ in errors)])
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
    number = -1
    for number, row in enumerate(rows):
        cells = by_row.get(number)
        yield _put(row, cells) if cells else row
    # Error cells past calamine's last row or column: a formula error it skips (.xlsb), an
    # error saved as an empty string (.ods) do not count as used cells there.
    for later in range(number + 1, max(by_row, default=number) + 1):
        yield _put((), by_row.get(later, []))


def _put(row: tuple[Any, ...], cells: list[tuple[int, str]]) -> tuple[Any, ...]:
    values = list(row)
    for column, text in cells:
        if column >= len(values):
            values.extend([""] * (column + 1 - len(values)))
        values[column] = text
    return tuple(values)


class Book:
    """A workbook opened by content (the name's extension is not trusted)."""

    def __init__(self, handle: IO[bytes]) -> None:
        try:
            self._book = CalamineWorkbook.from_filelike(handle)
            self.sheetnames: list[str] = list(self._book.sheet_names)
        except BaseException as error:  # any failure inside calamine = a bad file
            raise _unreadable(error) from error
        self._handle = handle
        self._sheets: dict[str, Sheet] = {}
        self._xls: tuple[bytes, dict[str, tuple[int, int]]] | None = None
        # Per sheet, what the extent check read: error cells, and merges where calamine
        # gives none (None: calamine's).
        self._found: dict[str, tuple[dict[tuple[int, int], str], list[str] | None]] = {}

    def __getitem__(self, title: str) -> Sheet:
        sheet = self._sheets.get(title)
        if sheet is None:
            sheet = self._sheets[title] = self._load(title)
        return sheet

    def _load(self, title: str) -> Sheet:
        try:
            self._check_extent(title)
            raw = self._book.get_sheet_by_name(title)
            errors, merges = self._extras(title, raw)
        except TooLarge:
            raise
        except BaseException as error:  # XML, zip or record damage
            raise _unreadable(error) from error
        return Sheet(title, raw, errors, merges)

    def _extras(self, title: str, raw: Any) -> tuple[dict[tuple[int, int], str], list[str]]:
        ranges = raw.merged_cell_ranges
        merges = [_range_ref(start, end) for start, end in ranges or ()]
        found = self._found.pop(title, None)
        if found is not None:  # by the extent check, in the same pass over the sheet
            errors, own_merges = found
            return errors, merges if own_merges is None else own_merges
        self._handle.seek(0)
        if not zipfile.is_zipfile(self._handle):
            return self._xls_errors(title), merges
        self._handle.seek(0)
        with zipfile.ZipFile(self._handle) as archive:
            if "content.xml" in archive.namelist() and ranges is None:
                return _ods_extras(archive, self.sheetnames.index(title))
        return {}, merges

    def _check_extent(self, title: str) -> None:
        """Raise :class:`TooLarge` for an .xlsx/.xlsm/.xlsb sheet calamine could not hold.

        The pass that finds the sheet's error cells (and an .xlsb's merges) finds its
        farthest cell too, before calamine loads it; what it found is kept for
        :meth:`_extras`. .xls cannot be that large (65,536 rows × 256 columns at
        most); for .ods calamine checks itself (a CalamineError past 100 million
        cells: an unreadable file).
        """
        self._handle.seek(0)
        if not zipfile.is_zipfile(self._handle):
            return
        self._handle.seek(0)
        with zipfile.ZipFile(self._handle) as archive:
            names = set(archive.namelist())
            if "xl/workbook.bin" in names:
                errors, merges, last = _xlsb_extras(archive, title)
                self._found[title] = errors, merges
            elif (part := _xlsx_sheet_parts(archive, names).get(title)) is not None:
                last, errors = _scan_sheet(archive, part)
                self._found[title] = errors, None  # merges: calamine's own
            else:
                return
        if (last[0] + 1) * (last[1] + 1) > MOST_CELLS:
            raise TooLarge(title, last)

    def _xls_errors(self, title: str) -> dict[tuple[int, int], str]:
        """An .xls's error cells: its Workbook stream is read once, for the first sheet asked."""
        if self._xls is None:
            self._handle.seek(0)
            stream = binary_cells.workbook_stream(self._handle.read()) or b""
            offsets = binary_cells.xls_sheet_offsets(stream)
            ends = sorted(offsets.values()) + [len(stream)]
            self._xls = stream, {name: (start, ends[ends.index(start) + 1])
                                 for name, start in offsets.items()}
        stream, spans = self._xls
        span = spans.get(title)
        return binary_cells.xls_error_cells(stream, *span) if span else {}

    def close(self) -> None:
        self._sheets.clear()
        self._xls = None
        self._book.close()


def _unreadable(error: BaseException) -> Unreadable:
    """A reader's failure as Unreadable; an interrupt or exit goes on as it is.

    calamine's panics on damaged records (an index past a record's end in an .xlsb's
    workbook part, say) arrive as pyo3's PanicException, a BaseException: ``except
    Exception`` lets them through as a traceback.
    """
    if not isinstance(error, Exception) and type(error).__name__ != "PanicException":
        raise error
    return Unreadable(str(error))


def _range_ref(start: tuple[int, int], end: tuple[int, int]) -> str:
    first = f"{get_column_letter(start[1] + 1)}{start[0] + 1}"
    last = f"{get_column_letter(end[1] + 1)}{end[0] + 1}"
    return first if first == last else f"{first}:{last}"


def _xlsx_sheet_parts(archive: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """Sheet title → its XML part in an .xlsx/.xlsm."""
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return {}
    book = archive.read("xl/workbook.xml")
    targets = _targets(archive.read("xl/_rels/workbook.xml.rels"))
    return {_unescape(name.decode()): _part(targets.get(rel.decode(), ""))
            for name, rel in _SHEET.findall(book)}


def _targets(rels: bytes) -> dict[str, str]:
    """Relationship id → target, from a .rels part."""
    found = dict(_REL.findall(rels)) | {i: t for t, i in _REL_REVERSED.findall(rels)}
    return {i.decode(): _unescape(t.decode()) for i, t in found.items()}


def _part(target: str) -> str:
    """A workbook relationship's target as a zip member name (relative to xl/ unless rooted)."""
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def _xlsb_extras(archive: zipfile.ZipFile, title: str
                 ) -> tuple[dict[tuple[int, int], str], list[str], tuple[int, int]]:
    """An .xlsb sheet's error cells, merged ranges and farthest cell, from its records."""
    relations = binary_cells.xlsb_sheet_relations(archive.read("xl/workbook.bin"))
    targets = _targets(archive.read("xl/_rels/workbook.bin.rels"))
    relation = relations.get(title)
    if relation is None or relation not in targets:
        return {}, [], (0, 0)
    errors, merges, last = binary_cells.xlsb_extras(archive.read(_part(targets[relation])))
    return errors, [_range_ref((r1, c1), (r2, c2)) for r1, r2, c1, c2 in merges], last


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


# Written as the first attribute, with or without a namespace prefix, by Excel, WPS,
# LibreOffice, openpyxl and the OpenXML SDK; plain literals, as a ``\b`` or a
# ``[^>]*`` made these scans six times slower.
_WIDE_REF = re.compile(rb'r="[A-Z][A-Z]')  # a cheap test, may match more than cells
_WIDE_REFS = re.compile(rb'c r="([A-Z]{2,3})[0-9]')
_ROW = re.compile(rb'row r="([0-9]+)"')


def _scan_sheet(archive: zipfile.ZipFile,
                part: str) -> tuple[tuple[int, int], dict[tuple[int, int], str]]:
    """A sheet's farthest cell, (row, column) from 0, and its error cells, in one pass.

    The farthest cell is the end of the used range calamine will allocate.
    Literal regex searches: a column past Z is rare, so its test fails fast on
    almost every chunk, and only a chunk that has one is parsed for the
    widest; almost every chunk is cell data without errors too. Rows and
    cells whose ``r`` is missing (allowed, rarely written) or not their first
    attribute are not counted: such a file is read unchecked, as before.
    """
    row = column = 0
    errors: dict[tuple[int, int], str] = {}
    tail = b""
    with archive.open(part) as source:
        while chunk := source.read(_CHUNK):
            data = tail + chunk
            row = max([row, *map(int, _ROW.findall(data))])
            if _WIDE_REF.search(data):
                column = max([column, *map(_column_number, _WIDE_REFS.findall(data))])
            if b't="e"' in data:
                for match in _ERROR_CELL.finditer(data):
                    _add_error(errors, match)
            tail = data[-_OVERLAP:]
    # No column past Z: at most 26 wide, and 26 × 1,048,576 rows is within MOST_CELLS.
    return (max(row - 1, 0), max(column - 1, 0)), errors


def _column_number(letters: bytes) -> int:
    """1 for A, 27 for AA, 16,384 for XFD."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _add_error(found: dict[tuple[int, int], str], match: re.Match[bytes]) -> None:
    ref, value = _REF.search(match.group(1)), _VALUE.search(match.group(2))
    if ref is None or value is None:
        return
    text = value.group(1).decode()
    if text in EXCEL_ERRORS:
        found[(int(ref.group(2)) - 1, _column_number(ref.group(1)) - 1)] = text


# (?=[\s/>]): "table:table" must not match table:table-row, nor table-row table-row-group.
_ODS_TABLE = re.compile(rb"<table:table(?=[\s/>])[^>]*>")
_ODS_ROW = re.compile(
    rb"<table:table-row(?=[\s/>])([^>]*?)(/?)>|</table:table-row>|"
    rb"<table:(?:covered-)?table-cell(?=[\s/>])([^>]*?)(/?)>|</table:table>")
_REPEAT_ROWS = re.compile(rb'table:number-rows-repeated="(\d+)"')
_REPEAT_COLUMNS = re.compile(rb'table:number-columns-repeated="(\d+)"')
_SPAN_ROWS = re.compile(rb'table:number-rows-spanned="(\d+)"')
_SPAN_COLUMNS = re.compile(rb'table:number-columns-spanned="(\d+)"')


# LibreOffice's calcext:value-type (its own namespace, so any prefix): ODF has no error type.
_ODS_ERROR = re.compile(rb'\s[\w.-]+:value-type="error"')
# The text LibreOffice shows for an error cell: <text:p>#DIV/0!</text:p> right after its tag.
_ODS_TEXT = re.compile(rb"\s*<text:p[^>]*>([^<]*)</text:p>")


def _ods_extras(archive: zipfile.ZipFile,
                index: int) -> tuple[dict[tuple[int, int], str], list[str]]:
    """Error cells and merged ranges of the index-th table in an .ods (calamine has neither:
    LibreOffice saves a formula's error as an empty string of value type "error")."""
    content = archive.read("content.xml")
    tables = list(_ODS_TABLE.finditer(content))
    if index >= len(tables):
        return {}, []
    row, column, merges = -1, 0, []
    errors: dict[tuple[int, int], str] = {}
    top = 0  # the first of the rows a repeated row stands for
    for match in _ODS_ROW.finditer(content, tables[index].end()):
        text = match.group(0)
        if text == b"</table:table>":
            break
        if match.group(1) is not None or text == b"</table:table-row>":
            if text.startswith(b"<table:table-row"):
                repeat = _REPEAT_ROWS.search(match.group(1))
                row, column = row + 1, 0
                top = row
                if repeat and int(repeat.group(1)) > 1:
                    row += int(repeat.group(1)) - 1  # repeated (blank) rows hold no merge
            continue
        attributes = match.group(3) or b""
        repeat = _REPEAT_COLUMNS.search(attributes)
        repeated = int(repeat.group(1)) if repeat else 1
        if not match.group(4) and _ODS_ERROR.search(attributes):
            shown = _ODS_TEXT.match(content, match.end())
            error = shown.group(1).decode() if shown else ""
            if error in EXCEL_ERRORS:
                errors.update({(r, column + i): error
                               for r in range(top, row + 1) for i in range(repeated)})
        rows, columns = _SPAN_ROWS.search(attributes), _SPAN_COLUMNS.search(attributes)
        if rows or columns:
            height = int(rows.group(1)) if rows else 1
            width = int(columns.group(1)) if columns else 1
            if height > 1 or width > 1:
                merges.append(_range_ref((row, column), (row + height - 1, column + width - 1)))
        column += repeated
    return errors, merges
