"""Reading the registry's Excel files (households with members, flats), reporting every problem.

Contract: nothing raises for bad input (only :class:`ReadCancelled` when the
progress callback asks). A result's ``problems`` lists everything wrong in
the file, sorted by sheet, row and column; whenever it is non-empty,
``items`` is empty, so a caller cannot import part of a bad file by mistake
(the import is all or nothing; the database checks come after, in
db/importing.py).

Speed: sheets are streamed with openpyxl's read-only mode (values only);
merged cells, which that mode does not expose, are found by scanning the
sheet's XML for ``<mergeCell ref=…>``.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from os import PathLike
from typing import IO, Any

from openpyxl import load_workbook
from openpyxl.utils.cell import get_column_letter, range_boundaries

from allocation.model import Condition, Flat, Household, Member
from allocation.registry import check_flat
from db.bulk import collector_paused
from db.excel.columns import (
    EXCEL_ERRORS,
    FLAT_KINDS,
    FLAT_SHEET,
    HOUSEHOLD_KINDS,
    HOUSEHOLD_SHEET,
    MEMBER_SHEET,
    SHEETS,
    ColumnSpec,
    SheetSpec,
    cell_text,
    is_blank,
    normalise_header,
    normalise_sheet_name,
)
from db.excel.problems import CellError, ImportProblem, ReadCancelled, freeze_params, sort_problems

Progress = Callable[[int, int], bool | None]
FilePath = str | PathLike[str]
#: {sheet kind: {field: header text in the file}} from the GUI's column-mapping step.
ColumnMapping = Mapping[str, Mapping[str, str]]

PROGRESS_EVERY = 1000
# A header is looked for among the first rows that have content (a title row may come first).
HEADER_SCAN_ROWS = 10
_CHUNK = 1 << 20


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Places:
    """Where things stand in the file, so that a later clash with stored data names its cell.

    ``rows`` maps a household code, an ID number or a flat key to its row;
    ``sheets`` and ``headers`` give a sheet kind's name and a field's header text.
    """

    rows: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, key) -> row
    sheets: dict[str, str] = field(default_factory=dict)
    headers: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, field)

    def locate(self, kind: str, key: str, field_name: str | None,
               ) -> tuple[str, int | None, str | None]:
        """(sheet name, row, header text) of ``key`` on the sheet of ``kind``."""
        sheet = self.sheets.get(kind, SHEETS[kind].zh)
        header = None
        if field_name is not None:
            header = self.headers.get((kind, field_name), field_name)
        return sheet, self.rows.get((kind, key)), header

    @staticmethod
    def of(layouts: Iterable[tuple[str, _Layout]],
           rows: dict[tuple[str, str], int]) -> Places:
        sheets = {kind: layout.sheet for kind, layout in layouts if layout.sheet}
        headers = {(kind, c.spec.field): c.header or c.spec.zh
                   for kind, layout in layouts for c in layout.columns}
        return Places(rows, sheets, headers)


@dataclass(frozen=True, slots=True)
class HouseholdsRead:
    """Households (members filled, file order) and every problem; items is empty if any."""

    items: list[Household]
    problems: list[ImportProblem]
    household_rows: int = 0
    member_rows: int = 0
    places: Places = field(default_factory=Places, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class FlatsRead:
    """Flats (file order) and every problem; items is empty if there is any problem."""

    items: list[Flat]
    problems: list[ImportProblem]
    flat_rows: int = 0
    places: Places = field(default_factory=Places, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class HeaderCell:
    """One header cell: column letter, text as in the file, the field it matched (or None)."""

    column: str
    text: str
    field: str | None


@dataclass(frozen=True, slots=True)
class SheetHeaders:
    """A sheet as the column-mapping step sees it.

    ``kind`` is None for a sheet the reader ignores (e.g. 说明); then no
    header matching is done and ``header_row`` is its first non-blank row.
    """

    name: str
    kind: str | None
    header_row: int | None
    headers: tuple[HeaderCell, ...]
    missing_required: tuple[str, ...]
    unknown: tuple[str, ...]
    rows_estimate: int | None

    @property
    def matched(self) -> dict[str, str]:
        """field → header text in the file."""
        return {h.field: h.text or h.column for h in self.headers if h.field}


@dataclass(frozen=True, slots=True)
class WorkbookHeaders:
    """Every sheet of a workbook with its header row, and file/sheet-level problems."""

    sheets: tuple[SheetHeaders, ...]
    problems: tuple[ImportProblem, ...]

    def sheet(self, kind: str) -> SheetHeaders | None:
        return next((s for s in self.sheets if s.kind == kind), None)


# ---------------------------------------------------------------------------
# Public entry points
# ---------------------------------------------------------------------------


def read_households(path: FilePath, *, mapping: ColumnMapping | None = None,
                    sheets: Mapping[str, str] | None = None,
                    progress: Progress | None = None) -> HouseholdsRead:
    """Read sheets 户 and 家庭成员 into Households with their members.

    Args:
        path: the .xlsx file (the name's extension is not trusted, the content is).
        mapping: {"households"|"members": {field: header text}} for headers
            that did not match (a column letter works for a header-less column).
        sheets: {"households"|"members": sheet name} when the sheets have other names.
        progress: called about every 1000 rows with (done, total estimate);
            returning False cancels.

    Raises:
        ReadCancelled: ``progress`` returned False.
    """
    _check_mapping(mapping, HOUSEHOLD_KINDS)
    with collector_paused(), _session(path, HOUSEHOLD_KINDS, mapping, sheets,
                                       progress) as session:
        if session.book is not None:
            result = _HouseholdAssembly(session).run()
        else:
            result = HouseholdsRead([], session.finish())
    return result


def read_flats(path: FilePath, *, mapping: ColumnMapping | None = None,
               sheets: Mapping[str, str] | None = None,
               progress: Progress | None = None) -> FlatsRead:
    """Read sheet 房源 into Flats; arguments as :func:`read_households` (kind "flats")."""
    _check_mapping(mapping, FLAT_KINDS)
    with collector_paused(), _session(path, FLAT_KINDS, mapping, sheets, progress) as session:
        result = _read_flat_rows(session) if session.ready else FlatsRead([], session.finish())
    return result


def inspect_workbook(path: FilePath, *, mapping: ColumnMapping | None = None,
                     sheets: Mapping[str, str] | None = None) -> WorkbookHeaders:
    """Sheets, header rows and which field each header matches, for the column-mapping step.

    Reads only the first rows of each sheet, so it is quick on big files.
    """
    _check_mapping(mapping, tuple(SHEETS))
    kinds = tuple(SHEETS)
    with _session(path, (), mapping, sheets, None) as session:
        found: tuple[SheetHeaders, ...] = ()
        if session.book is not None:
            named = _kinds_by_sheet(session.book.sheetnames, kinds, sheets)
            found = tuple(_inspect_sheet(session, title, named.get(title))
                          for title in session.book.sheetnames)
        result = WorkbookHeaders(found, tuple(session.finish()))
    return result


def _check_mapping(mapping: ColumnMapping | None, kinds: tuple[str, ...]) -> None:
    """A mapping naming an unknown sheet kind or field is a programming error."""
    for kind, fields in (mapping or {}).items():
        if kind not in SHEETS:
            raise ValueError(f"unknown sheet kind {kind!r}; expected one of {kinds}")
        known = {c.field for c in SHEETS[kind].columns}
        if unknown := set(fields) - known:
            raise ValueError(f"unknown fields for {kind!r}: {sorted(unknown)}")


# ---------------------------------------------------------------------------
# The garbage collector during a read
# ---------------------------------------------------------------------------

# ---------------------------------------------------------------------------
# Opening the file
# ---------------------------------------------------------------------------

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
# Password-protected .xlsx files are OLE2 containers holding this stream.
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


class _Unreadable(Exception):
    """openpyxl failed on the file's content; becomes file_unreadable (reason corrupt)."""


def _sniff(path: Any) -> ImportProblem | None:
    """Why the file is not an .xlsx workbook we can open, from its first bytes."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
            if head.startswith(_OLE2):
                detected = "encrypted" if _ENCRYPTED in head + handle.read() else "xls"
                return _file_problem("not_excel", detected=detected)
    except OSError as error:
        return _file_problem("file_unreadable", reason=_os_reason(error))
    if not head:
        return _file_problem("not_excel", detected="empty")
    if head.startswith(_ZIP):
        return _sniff_zip(path)
    return _file_problem("not_excel", detected=_text_or_unknown(path))


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "not_found"
    if isinstance(error, PermissionError):
        return "permission"
    if isinstance(error, IsADirectoryError):
        return "is_directory"
    return "os_error"


def _sniff_zip(path: Any) -> ImportProblem | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return _file_problem("file_unreadable", reason="corrupt")
    if any(name.endswith("workbook.xml") for name in names):
        return None
    if "xl/workbook.bin" in names:
        return _file_problem("not_excel", detected="xlsb")
    return _file_problem("not_excel", detected="ods" if "mimetype" in names else "zip")


def _text_or_unknown(path: Any) -> str:
    """A renamed .csv is text (UTF-8 or GBK); anything else is unknown bytes."""
    with open(path, "rb") as handle:
        sample = handle.read(4096)
    for encoding in ("utf-8", "gb18030"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError as error:
            if error.start < len(sample) - 4:  # not just a character cut at the sample's end
                continue
            text = sample[:error.start].decode(encoding)
        if all(c.isprintable() or c in "\r\n\t" for c in text.removeprefix("\ufeff")):
            return "text"
    return "unknown"


def _file_problem(code: str, **params: Any) -> ImportProblem:
    return ImportProblem("", None, None, "", code, freeze_params(params))


class _Session:
    """One read: the open workbook, the problems found so far and the progress counter."""

    def __init__(self, book: Any, kinds: tuple[str, ...], mapping: ColumnMapping | None,
                 progress: _Progress) -> None:
        self.book = book
        self.kinds = kinds
        self.mapping = mapping or {}
        self.progress = progress
        self.problems: list[ImportProblem] = []
        self.titles: dict[str, str] = {}  # kind → sheet title
        self.column_order: dict[tuple[str, str], int] = {}

    @property
    def ready(self) -> bool:
        return self.book is not None and all(k in self.titles for k in self.kinds)

    def has(self, kind: str) -> bool:
        return kind in self.titles

    def reader(self, kind: str) -> _SheetReader:
        title = self.titles[kind]
        sheet = _SheetReader(self.book[title], SHEETS[kind], self.mapping.get(kind, {}),
                             self.problems, self.progress)
        for column in sheet.layout.columns:
            self.column_order[(title, column.header)] = column.index
        return sheet

    def finish(self) -> list[ImportProblem]:
        order = self.book.sheetnames if self.book is not None else []
        return sort_problems(self.problems, order, self.column_order)


@contextmanager
def _session(path: Any, kinds: tuple[str, ...], mapping: ColumnMapping | None,
             sheets: Mapping[str, str] | None, progress: Progress | None) -> Iterator[_Session]:
    """Open the workbook read-only; file-level problems end up in the session, never raised."""
    counter = _Progress(progress)
    problem = _sniff(path)
    if problem is not None:
        session = _Session(None, kinds, mapping, counter)
        session.problems.append(problem)
        yield session
        return
    with open(path, "rb") as handle:
        yield from _open_session(handle, kinds, mapping, sheets, counter)


def _open_session(handle: IO[bytes], kinds: tuple[str, ...], mapping: ColumnMapping | None,
                  sheets: Mapping[str, str] | None, counter: _Progress) -> Iterator[_Session]:
    try:
        # A file object skips openpyxl's check of the name's extension: content decides.
        book = load_workbook(handle, read_only=True, data_only=True, keep_links=False)
    except Exception as error:  # noqa: BLE001  (any failure inside openpyxl = a bad file)
        session = _Session(None, kinds, mapping, counter)
        session.problems.append(_corrupt(error))
        yield session
        return
    try:
        session = _Session(book, kinds, mapping, counter)
        _locate_sheets(session, sheets)
        counter.total = sum(_rows_estimate(book, book[t], SHEETS[k])
                            for k, t in session.titles.items())
        yield session
    finally:
        book.close()


def _corrupt(error: BaseException) -> ImportProblem:
    cause = error.__cause__ if isinstance(error, _Unreadable) and error.__cause__ else error
    return _file_problem("file_unreadable", reason="corrupt", error=type(cause).__name__)


# Bytes of sheet XML per cell, between shared strings (~30) and inline strings (~60).
_BYTES_PER_CELL = 45


def _rows_estimate(book: Any, sheet: Any, spec: SheetSpec) -> int:
    """Rows in a sheet: its <dimension>, or a guess from the XML size when there is none."""
    if sheet.max_row:
        return int(sheet.max_row)
    try:
        size = book._archive.getinfo(sheet._worksheet_path).file_size
    except (AttributeError, KeyError):
        return 0
    return size // (_BYTES_PER_CELL * len(spec.columns))


def _kinds_by_sheet(titles: list[str], kinds: Iterable[str],
                    sheets: Mapping[str, str] | None) -> dict[str, str]:
    """Sheet title → kind, for the first sheet of each kind (by name, or as ``sheets`` says)."""
    named: dict[str, str] = {}
    for kind in kinds:
        for title in _candidates(titles, kind, sheets):
            named.setdefault(title, kind)
            break
    return named


def _candidates(titles: list[str], kind: str, sheets: Mapping[str, str] | None) -> list[str]:
    if sheets and kind in sheets:
        return [t for t in titles if t == sheets[kind]]
    names = {normalise_sheet_name(n) for n in SHEETS[kind].names}
    return [t for t in titles if normalise_sheet_name(t) in names]


def _locate_sheets(session: _Session, sheets: Mapping[str, str] | None) -> None:
    titles = session.book.sheetnames
    for kind in session.kinds:
        found = _candidates(titles, kind, sheets)
        if not found:
            expected = sheets[kind] if sheets and kind in sheets else SHEETS[kind].zh
            session.problems.append(_file_problem(
                "missing_sheet", kind=kind, expected=expected, found=tuple(titles)))
            continue
        session.titles[kind] = found[0]
        for extra in found[1:]:
            session.problems.append(_file_problem(
                "duplicate_sheet", kind=kind, first=found[0], second=extra))


# ---------------------------------------------------------------------------
# Progress
# ---------------------------------------------------------------------------


class _Progress:
    """Counts rows and calls back every PROGRESS_EVERY rows; False from the callback cancels."""

    def __init__(self, callback: Progress | None) -> None:
        self.callback = callback
        self.total = 0
        self.done = 0

    def tick(self) -> None:
        self.done += 1
        if self.callback is not None and self.done % PROGRESS_EVERY == 0:
            self.report()

    def report(self) -> None:
        if self.callback is None:
            return
        self.total = max(self.total, self.done)
        if self.callback(self.done, self.total) is False:
            raise ReadCancelled()


# ---------------------------------------------------------------------------
# One sheet: header row, column binding, merged cells, rows
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Bound:
    """A column of the spec found in the file: its 0-based index and header as in the file."""

    spec: ColumnSpec
    index: int
    header: str


@dataclass(slots=True)
class _Layout:
    sheet: str
    header_row: int | None
    columns: list[_Bound] = field(default_factory=list)
    usable: bool = False

    def header(self, field_name: str) -> str | None:
        return next((c.header for c in self.columns if c.spec.field == field_name), None)


def _guarded(rows: Iterable[Any]) -> Iterator[Any]:
    """openpyxl's rows, with its failures on a damaged sheet turned into _Unreadable."""
    iterator = iter(rows)
    while True:
        try:
            row = next(iterator)
        except StopIteration:
            return
        except Exception as error:  # noqa: BLE001  (XML or zip damage inside openpyxl)
            raise _Unreadable(str(error)) from error
        yield row


def _filled(row: Iterable[Any]) -> bool:
    return any(not is_blank(v) for v in row)


def _names_wanted(row: Iterable[Any], wanted: set[str]) -> bool:
    return any(normalise_header(v) in wanted for v in row if not is_blank(v))


def _header_index(rows: list[tuple[Any, ...]], wanted: set[str]) -> int | None:
    """The first row naming a wanted (required or mapped) header, else the first non-blank row."""
    first = None
    for i, row in enumerate(rows):
        if not _filled(row):
            continue
        if _names_wanted(row, wanted):
            return i
        first = i if first is None else first
    return first


def _wanted_headers(spec: SheetSpec, mapping: Mapping[str, str]) -> set[str]:
    wanted = {normalise_header(n) for c in spec.required for n in c.names}
    return wanted | {normalise_header(t) for t in mapping.values()}


def _scan_top(rows: Iterator[Any], wanted: set[str]) -> list[tuple[Any, ...]]:
    """Rows up to the header: stops at a wanted header or after HEADER_SCAN_ROWS filled rows."""
    top: list[tuple[Any, ...]] = []
    filled = 0
    for row in rows:
        top.append(row)
        if _filled(row):
            filled += 1
            if filled >= HEADER_SCAN_ROWS or _names_wanted(row, wanted):
                break
    return top


class _Binder:
    """Matches a header row against a sheet spec (and the user's mapping)."""

    def __init__(self, spec: SheetSpec, mapping: Mapping[str, str], sheet: str,
                 row: int, problems: list[ImportProblem]) -> None:
        self.spec, self.mapping, self.sheet, self.row = spec, mapping, sheet, row
        self.problems = problems
        self.bound: dict[str, _Bound] = {}

    def bind(self, cells: tuple[Any, ...]) -> list[_Bound]:
        headers = [(i, cell_text(v).strip()) for i, v in enumerate(cells)]
        for field_name, wanted in self.mapping.items():
            self._bind_mapped(field_name, wanted, headers)
        taken = {b.index for b in self.bound.values()}
        lookup = self.spec.header_lookup()
        for index, text in headers:
            column = lookup.get(normalise_header(text)) if text else None
            if column is not None and index not in taken and column.field not in self.mapping:
                self._bind_auto(column, index, text)
        for column in self.spec.required:
            if column.field not in self.bound and column.field not in self.mapping:
                self._problem(None, "missing_column", field=column.field)
        return sorted(self.bound.values(), key=lambda b: b.index)

    def _bind_mapped(self, field_name: str, wanted: str, headers: list[tuple[int, str]]) -> None:
        index = _find_header(wanted, headers)
        if index is None:
            self._problem(None, "missing_column", field=field_name, mapped=wanted)
            return
        text = headers[index][1] or get_column_letter(index + 1)
        self.bound[field_name] = _Bound(self.spec.column(field_name), index, text)

    def _bind_auto(self, column: ColumnSpec, index: int, text: str) -> None:
        first = self.bound.get(column.field)
        if first is None:
            self.bound[column.field] = _Bound(column, index, text)
            return
        self._problem(text, "duplicate_column", field=column.field,
                      first_column=get_column_letter(first.index + 1),
                      second_column=get_column_letter(index + 1))

    def _problem(self, column: str | None, code: str, **params: Any) -> None:
        self.problems.append(ImportProblem(self.sheet, self.row, column, column or "", code,
                                           freeze_params(params)))


def _find_header(wanted: str, headers: list[tuple[int, str]]) -> int | None:
    """Exact text first, then the normalised form, then a column letter (header-less column)."""
    exact = wanted.strip()
    for index, text in headers:
        if text == exact:
            return index
    for index, text in headers:
        if text and normalise_header(text) == normalise_header(exact):
            return index
    for index, _text in headers:
        if get_column_letter(index + 1) == exact.upper():
            return index
    return None


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
_MERGE_OVERLAP = 1024  # longer than any <mergeCell …/> element


def _merged_ranges(book: Any, sheet: Any) -> list[str]:
    """The merged ranges of a read-only sheet, from its XML (read-only sheets do not parse them).

    Uses openpyxl 3.1's ``_archive`` and ``_worksheet_path`` (pinned in
    pyproject.toml); an openpyxl without them makes this return [].
    """
    archive, part = getattr(book, "_archive", None), getattr(sheet, "_worksheet_path", None)
    if archive is None or part is None:
        return []
    found: list[str] = []
    tail = b""
    with archive.open(part) as source:
        while chunk := source.read(_CHUNK):
            data = tail + chunk
            # Cheap test first: almost every chunk is cell data without merges.
            if b"mergeCell" in data:
                found += [m.group(1).decode() for m in _MERGE.finditer(data)
                          if m.end() > len(tail)]
            tail = data[-_MERGE_OVERLAP:]
    return found


class _SheetReader:
    """Streams one sheet: finds the header, binds columns, reports merges, parses rows."""

    def __init__(self, sheet: Any, spec: SheetSpec, mapping: Mapping[str, str],
                 problems: list[ImportProblem], progress: _Progress) -> None:
        self.sheet, self.spec, self.problems, self.progress = sheet, spec, problems, progress
        self.title: str = sheet.title
        # Some writers store a wrong <dimension>; without it openpyxl reads every row there is.
        sheet.reset_dimensions()
        self._rows = _guarded(sheet.iter_rows(values_only=True))
        self._pending: list[tuple[Any, ...]] = []
        self.layout, self._first_row = self._find_layout(mapping)
        self._covered: set[tuple[int, int]] = set()
        self._cols: list[tuple[int, str, Callable[[object], Any], bool, str]] = [
            (b.index, b.spec.field, b.spec.parser, b.spec.required, b.header)
            for b in self.layout.columns]

    def _find_layout(self, mapping: Mapping[str, str]) -> tuple[_Layout, int]:
        wanted = _wanted_headers(self.spec, mapping)
        top = _scan_top(self._rows, wanted)
        index = _header_index(top, wanted)
        if index is None:
            self.problems.append(ImportProblem(self.title, None, None, "", "empty_sheet",
                                               freeze_params({"kind": self.spec.kind})))
            return _Layout(self.title, None), len(top) + 1
        self._pending = top[index + 1:]
        binder = _Binder(self.spec, mapping, self.title, index + 1, self.problems)
        columns = binder.bind(tuple(top[index]))
        usable = all(c.field in binder.bound for c in self.spec.required)
        return _Layout(self.title, index + 1, columns, usable), index + 2

    def rows(self, book: Any) -> Iterator[tuple[int, dict[str, Any], bool]]:
        """(row number, parsed values, whether every cell was fine) for each non-blank row."""
        if not self.layout.usable:
            return
        self._report_merges(book)
        indexes = [c[0] for c in self._cols]
        width = max(indexes) + 1
        # Hot loop (400,000 rows): one C call picks the cells, bound methods save lookups.
        pick, tick, parse = itemgetter(*indexes), self.progress.tick, self._parse
        if len(indexes) == 1:  # itemgetter of one index returns the value, not a tuple
            pick = lambda row, i=indexes[0]: (row[i],)  # noqa: E731
        for row_no, row in enumerate(_chain(self._pending, self._rows), self._first_row):
            tick()
            if len(row) < width:
                row = (*row, *([None] * (width - len(row))))
            cells = pick(row)
            if any(v is not None and (type(v) is not str or v.strip()) for v in cells):
                yield (row_no, *parse(row_no, cells))

    def _parse(self, row_no: int, cells: tuple[Any, ...]) -> tuple[dict[str, Any], bool]:
        values: dict[str, Any] = {}
        ok = True
        for (index, name, parser, required, header), raw in zip(self._cols, cells, strict=True):
            if raw is None or (type(raw) is str and not raw.strip()):
                if required:
                    ok = False
                    # Under a merge the merge is the problem (reported once), not each blank.
                    if (row_no, index) not in self._covered:
                        self._cell_problem(row_no, header, "", "required_value_missing", name)
                continue
            if type(raw) is str and raw[:1] == "#" and raw in EXCEL_ERRORS:
                self._cell_problem(row_no, header, raw, "formula_error", name)
                ok = False
                continue
            try:
                values[name] = parser(raw)
            except CellError as error:
                self._cell_problem(row_no, header, cell_text(raw), error.code, name,
                                   **error.params)
                ok = False
        return values, ok

    def _cell_problem(self, row_no: int, header: str, value: str, code: str, name: str,
                      **params: Any) -> None:
        self.problems.append(ImportProblem(self.title, row_no, header, value, code,
                                           freeze_params({"field": name, **params})))

    def _report_merges(self, book: Any) -> None:
        """merged_cells for each merge touching a read column at or below the header row."""
        try:
            ranges = _merged_ranges(book, self.sheet)
        except Exception as error:  # noqa: BLE001  (damaged zip member)
            raise _Unreadable(str(error)) from error
        for ref in ranges:
            self._report_merge(ref)

    def _report_merge(self, ref: str) -> None:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        header_row = self.layout.header_row or 1
        touched = [c for c in self.layout.columns if min_col <= c.index + 1 <= max_col]
        if max_row < header_row or not touched:
            return
        self.problems.append(ImportProblem(self.title, min_row, touched[0].header, ref,
                                           "merged_cells", (("range", ref),)))
        # Cells hidden under a merge are blank; the merge is the problem, not each blank.
        for row in range(min_row, max_row + 1):
            for col in range(min_col, max_col + 1):
                if (row, col) != (min_row, min_col):
                    self._covered.add((row, col - 1))


def _chain(first: list[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from first
    yield from rest


def _inspect_sheet(session: _Session, title: str, kind: str | None) -> SheetHeaders:
    sheet = session.book[title]
    estimate = sheet.max_row
    sheet.reset_dimensions()
    spec = SHEETS[kind] if kind else None
    mapping = session.mapping.get(kind, {}) if kind else {}
    wanted = _wanted_headers(spec, mapping) if spec else set()
    top = _scan_top(_guarded(sheet.iter_rows(values_only=True)), wanted)
    index = _header_index(top, wanted)
    if index is None:
        return SheetHeaders(title, kind, None, (), (), (), estimate)
    cells = tuple(top[index])
    bound = _Binder(spec, mapping, title, index + 1, []).bind(cells) if spec else []
    return _sheet_headers(title, kind, index + 1, cells, bound, estimate)


def _sheet_headers(title: str, kind: str | None, row: int, cells: tuple[Any, ...],
                   bound: list[_Bound], estimate: int | None) -> SheetHeaders:
    by_index = {b.index: b.spec.field for b in bound}
    headers = tuple(HeaderCell(get_column_letter(i + 1), cell_text(v).strip(), by_index.get(i))
                    for i, v in enumerate(cells) if not is_blank(v) or i in by_index)
    unknown = tuple(h.text for h in headers if h.field is None)
    fields = set(by_index.values())
    missing = tuple(c.field for c in SHEETS[kind].required if c.field not in fields) if kind else ()
    return SheetHeaders(title, kind, row, headers, missing, unknown, estimate)


# ---------------------------------------------------------------------------
# Households and members
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class _HouseholdRow:
    row: int
    values: dict[str, Any]
    ok: bool


class _MemberRows:
    """The members sheet as parallel lists.

    Hundreds of thousands of rows: one wrapper object per row would double
    what every garbage-collector pass has to walk (measured: ~10% of a read).
    """

    def __init__(self) -> None:
        self.rows: list[int] = []
        self.codes: list[str | None] = []
        self.ids: list[str | None] = []
        self.members: list[Member | None] = []  # None when a cell of the row has a problem

    def add(self, row: int, values: dict[str, Any], ok: bool) -> Member | None:
        code = values.pop("code", None)
        member = Member(**values) if ok else None
        self.rows.append(row)
        self.codes.append(code)
        self.ids.append(values.get("id_number"))
        self.members.append(member)
        return member


class _HouseholdAssembly:
    """Reads both sheets, then checks the file as a whole and builds Households.

    Together with the cell parsers these checks cover every rule of
    allocation.registry.check_household (the import service runs it again on
    what we return); repeating it here would validate every ID number twice.
    """

    def __init__(self, session: _Session) -> None:
        self.session = session
        self.problems = session.problems
        self.households: list[_HouseholdRow] = []
        self.people = _MemberRows()
        self.by_code: dict[str, _HouseholdRow] = {}
        self.members_of: dict[str, list[int]] = {}
        self.h_layout = self.m_layout = _Layout("", None)  # until the sheet is read

    def run(self) -> HouseholdsRead:
        try:
            self._read()
        except _Unreadable as error:
            self.problems.append(_corrupt(error))
            return HouseholdsRead([], self.session.finish())
        self.session.progress.report()
        # Cross-sheet checks need both sheets whole; without them they would only echo.
        if self.h_layout.usable and self.m_layout.usable:
            self._check()
        items = [] if self.problems else self._build()
        return HouseholdsRead(items, self.session.finish(), len(self.households),
                              len(self.people.rows), self._places() if items else Places())

    def _places(self) -> Places:
        rows = {(HOUSEHOLD_SHEET.kind, h.values["code"]): h.row for h in self.households}
        rows.update(((MEMBER_SHEET.kind, i), r) for i, r in zip(self.people.ids,
                                                                  self.people.rows, strict=True)
                    if i is not None)
        return Places.of(((HOUSEHOLD_SHEET.kind, self.h_layout),
                          (MEMBER_SHEET.kind, self.m_layout)), rows)

    def _read(self) -> None:
        # A missing sheet is already a problem; the other sheet is still read for its own.
        if self.session.has(HOUSEHOLD_SHEET.kind):
            households = self.session.reader(HOUSEHOLD_SHEET.kind)
            self.h_layout = households.layout
            for row, values, ok in households.rows(self.session.book):
                self.households.append(_HouseholdRow(row, values, ok))
        if not self.session.has(MEMBER_SHEET.kind):
            return
        members = self.session.reader(MEMBER_SHEET.kind)
        self.m_layout = members.layout
        for row, values, ok in members.rows(self.session.book):
            member = self.people.add(row, values, ok)
            if member is not None and member.disability_grade is not None:
                self._check_grade(row, member)

    def _check_grade(self, row: int, member: Member) -> None:
        if Condition.DISABILITY not in member.conditions:
            self._problem(True, row, "disability_grade", member.disability_grade,
                          "grade_without_disability", field="disability_grade")

    def _check(self) -> None:
        self._check_codes()
        self._check_people()
        self._group_members()
        for code, household in self.by_code.items():
            self._check_household(code, household, self.members_of.get(code, []))

    def _problem(self, on_members: bool, row: int, field_name: str | None, value: Any,
                 problem: str, /, **params: Any) -> None:
        # Positional-only: "code" is also a parameter name (the household's 户号).
        layout = self.m_layout if on_members else self.h_layout
        column = layout.header(field_name) if field_name else None
        self.problems.append(ImportProblem(layout.sheet, row, column, cell_text(value), problem,
                                           freeze_params(params)))

    def _check_codes(self) -> None:
        for household in self.households:
            code = household.values.get("code")
            if code is None:
                continue
            first = self.by_code.setdefault(code, household)
            if first is not household:
                self._problem(False, household.row, "code", code, "duplicate_code",
                              code=code, first_row=first.row, second_row=household.row)

    def _check_people(self) -> None:
        people = self.people
        seen: dict[str, int] = {}
        for index, id_number in enumerate(people.ids):
            if id_number is None:
                continue
            first = seen.setdefault(id_number, index)
            if first != index:
                self._problem(True, people.rows[index], "id_number", id_number,
                              "duplicate_person", id_number=id_number,
                              first_row=people.rows[first], second_row=people.rows[index],
                              first_code=people.codes[first] or "",
                              second_code=people.codes[index] or "")

    def _group_members(self) -> None:
        for index, code in enumerate(self.people.codes):
            if code is None:
                continue
            if code not in self.by_code:
                self._problem(True, self.people.rows[index], "code", code,
                              "member_without_household", code=code)
                continue
            self.members_of.setdefault(code, []).append(index)

    def _check_household(self, code: str, household: _HouseholdRow, indexes: list[int]) -> None:
        if not indexes:
            self._problem(False, household.row, "code", code, "household_without_members",
                          code=code)
            return
        # With a bad cell in any of its rows the household is not whole: checking its
        # head now would only echo that cell's problem.
        members = [self.people.members[i] for i in indexes]
        if household.ok and None not in members:
            rows = [self.people.rows[i] for i in indexes]
            self._check_heads(code, household, rows, members)  # type: ignore[arg-type]

    def _check_heads(self, code: str, household: _HouseholdRow, rows: list[int],
                     members: list[Member]) -> None:
        heads = [i for i, m in enumerate(members) if m.is_head]
        for extra in heads[1:]:
            self._problem(True, rows[extra], "relation", members[extra].relation,
                          "multiple_heads", code=code, first_row=rows[heads[0]],
                          second_row=rows[extra])
        head_id, head_name = household.values["head_id"], household.values["head_name"]
        match = next((i for i, m in enumerate(members) if m.id_number == head_id), None)
        if match is None:
            self._problem(False, household.row, "head_id", head_id, "head_not_member",
                          code=code, reason="not_listed")
        elif not members[match].is_head:
            self._problem(False, household.row, "head_id", head_id, "head_not_member",
                          code=code, reason="relation", relation=members[match].relation,
                          member_row=rows[match])
        elif members[match].name != head_name:
            self._problem(False, household.row, "head_name", head_name, "head_name_mismatch",
                          code=code, head_name=head_name, member_name=members[match].name,
                          member_row=rows[match])

    def _build(self) -> list[Household]:
        members = self.people.members
        return [Household(**h.values, members=tuple(
                    members[i] for i in self.members_of.get(h.values["code"], ())))  # type: ignore[misc]
                for h in self.households]


# ---------------------------------------------------------------------------
# Flats
# ---------------------------------------------------------------------------


def _read_flat_rows(session: _Session) -> FlatsRead:
    rows: list[tuple[int, dict[str, Any], bool]] = []
    try:
        reader = session.reader(FLAT_SHEET.kind)
        rows = list(reader.rows(session.book))
    except _Unreadable as error:
        session.problems.append(_corrupt(error))
        return FlatsRead([], session.finish())
    session.progress.report()
    if reader.layout.usable:
        _check_flats(rows, reader.layout, session.problems)
    items = [] if session.problems else [Flat(**values) for _, values, _ in rows]
    places = Places.of(((FLAT_SHEET.kind, reader.layout),),
                       {(FLAT_SHEET.kind, f.key): row for f, (row, _, _) in zip(
                           items, rows, strict=False)})
    return FlatsRead(items, session.finish(), len(rows), places)


def _check_flats(rows: list[tuple[int, dict[str, Any], bool]], layout: _Layout,
                 problems: list[ImportProblem]) -> None:
    first: dict[tuple[str, str, str], int] = {}
    for row, values, ok in rows:
        key = tuple(values.get(k) for k in ("building", "unit", "number"))
        if None not in key:
            seen = first.setdefault(key, row)  # type: ignore[arg-type]
            if seen != row:
                text = "-".join(key)  # type: ignore[arg-type]
                problems.append(ImportProblem(layout.sheet, row, layout.header("number"),
                                              text, "duplicate_flat", freeze_params(
                                                  {"key": text, "first_row": seen,
                                                   "second_row": row})))
        if ok:
            problems += _flat_rule_problems(Flat(**values), row, layout)


def _flat_rule_problems(flat: Flat, row: int, layout: _Layout) -> list[ImportProblem]:
    return [ImportProblem(layout.sheet, row, layout.header(p.field),
                          cell_text(getattr(flat, p.field, "")), p.code,
                          freeze_params({"field": p.field, **p.params}))
            for p in check_flat(flat)]
