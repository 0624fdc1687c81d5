"""Reading one sheet of a registry workbook: header row, column binding, merged cells, rows.

A sheet comes from :mod:`db.excel.book` (python-calamine, whatever the
format): rows as tuples from column A, with its merged ranges.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from operator import itemgetter
from typing import Any

from openpyxl.utils.cell import get_column_letter, range_boundaries

from allocation.registry import is_valid_clean_id
from db.excel.book import Unreadable
from db.excel.columns import (
    EXCEL_ERRORS,
    ColumnSpec,
    Kind,
    SheetSpec,
    cell_text,
    is_blank,
    normalise_header,
)
from db.excel.problems import CellError, ImportProblem, ReadCancelled, freeze_params

Progress = Callable[[int, int], bool | None]

PROGRESS_EVERY = 1000
# A header is looked for among the first rows that have content (a title row may come first).
HEADER_SCAN_ROWS = 10


class RowCounter:
    """Counts rows and calls back every PROGRESS_EVERY rows; False from the callback cancels."""

    def __init__(self, callback: Progress | None) -> None:
        self.callback = callback
        self.total = 0
        self.done = 0

    def tick(self) -> None:
        self.advance(1)

    def advance(self, rows: int) -> None:
        """``rows`` more done; reports when the count reaches a multiple of PROGRESS_EVERY."""
        before, self.done = self.done, self.done + rows
        if self.callback is not None and self.done // PROGRESS_EVERY > before // PROGRESS_EVERY:
            self.report()

    def report(self) -> None:
        if self.callback is None:
            return
        self.total = max(self.total, self.done)
        if self.callback(self.done, self.total) is False:
            raise ReadCancelled()


@dataclass(frozen=True, slots=True)
class Bound:
    """A column of the spec found in the file: its 0-based index and header as in the file."""

    spec: ColumnSpec
    index: int
    header: str


@dataclass(slots=True)
class Layout:
    """A sheet's header row and bound columns; usable once every required column is bound."""

    sheet: str
    header_row: int | None
    columns: list[Bound] = field(default_factory=list)
    usable: bool = False

    def header(self, field_name: str) -> str | None:
        return next((c.header for c in self.columns if c.spec.field == field_name), None)


def guarded(rows: Iterable[Any]) -> Iterator[Any]:
    """A reader's rows, with its failures on a damaged sheet turned into Unreadable."""
    iterator = iter(rows)
    while True:
        try:
            row = next(iterator)
        except StopIteration:
            return
        except Exception as error:  # noqa: BLE001  (XML or zip damage inside the reader)
            raise Unreadable(str(error)) from error
        yield row


def _filled(row: Iterable[Any]) -> bool:
    return any(not is_blank(v) for v in row)


def _names_wanted(row: Iterable[Any], wanted: set[str]) -> bool:
    return any(normalise_header(v) in wanted for v in row if not is_blank(v))


def header_index(rows: list[tuple[Any, ...]], wanted: set[str]) -> int | None:
    """The first row naming a wanted (required or mapped) header, else the first non-blank row."""
    first = None
    for i, row in enumerate(rows):
        if not _filled(row):
            continue
        if _names_wanted(row, wanted):
            return i
        first = i if first is None else first
    return first


def wanted_headers(spec: SheetSpec, mapping: Mapping[str, str]) -> set[str]:
    """Normalised texts that mark the header row: required columns' names and mapped headers."""
    wanted = {normalise_header(n) for c in spec.required for n in c.names}
    return wanted | {normalise_header(t) for t in mapping.values()}


def scan_top(rows: Iterator[Any], wanted: set[str]) -> list[tuple[Any, ...]]:
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


class Binder:
    """Matches a header row against a sheet spec (and the user's mapping)."""

    def __init__(self, spec: SheetSpec, mapping: Mapping[str, str], sheet: str,
                 row: int, problems: list[ImportProblem]) -> None:
        self.spec, self.mapping, self.sheet, self.row = spec, mapping, sheet, row
        self.problems = problems
        self.bound: dict[str, Bound] = {}

    def bind(self, cells: tuple[Any, ...]) -> list[Bound]:
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
        self.bound[field_name] = Bound(self.spec.column(field_name), index, text)

    def _bind_auto(self, column: ColumnSpec, index: int, text: str) -> None:
        first = self.bound.get(column.field)
        if first is None:
            self.bound[column.field] = Bound(column, index, text)
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


class SheetReader:
    """Streams one sheet: finds the header, binds columns, reports merges, parses rows."""

    def __init__(self, sheet: Any, spec: SheetSpec, mapping: Mapping[str, str],
                 problems: list[ImportProblem], progress: RowCounter) -> None:
        self.sheet, self.spec, self.problems, self.progress = sheet, spec, problems, progress
        self.title: str = sheet.title
        self._rows = guarded(sheet.iter_rows())
        self._pending: list[tuple[Any, ...]] = []
        self.layout, self._first_row = self._find_layout(mapping)
        self._covered: set[tuple[int, int]] = set()
        self._cols: list[tuple[int, str, Callable[[object], Any], bool, str]] = [
            (b.index, b.spec.field, b.spec.parser, b.spec.required, b.header)
            for b in self.layout.columns]

    def _find_layout(self, mapping: Mapping[str, str]) -> tuple[Layout, int]:
        wanted = wanted_headers(self.spec, mapping)
        top = scan_top(self._rows, wanted)
        index = header_index(top, wanted)
        if index is None:
            self.problems.append(ImportProblem(self.title, None, None, "", "empty_sheet",
                                               freeze_params({"kind": self.spec.kind})))
            return Layout(self.title, None), len(top) + 1
        self._pending = top[index + 1:]
        binder = Binder(self.spec, mapping, self.title, index + 1, self.problems)
        columns = binder.bind(tuple(top[index]))
        usable = all(c.field in binder.bound for c in self.spec.required)
        return Layout(self.title, index + 1, columns, usable), index + 2

    def rows(self) -> Iterator[tuple[int, dict[str, Any], bool]]:
        """(row number, parsed values, whether every cell was fine) for each non-blank row.

        Parsed a block of rows at a time, column by column: each column's cells
        go through the one converter chosen for its kind (:func:`cell_converter`),
        so the common well-formed cell costs a call and a test or two, and
        only a block with a faulty cell is looked at cell by cell.
        """
        if not self.layout.usable:
            return
        self._report_merges()
        indexes = [c[0] for c in self._cols]
        width = max(indexes) + 1
        # Hot loop (400,000 rows): one C call picks the cells, bound methods save lookups.
        pick = itemgetter(*indexes)
        if len(indexes) == 1:  # itemgetter of one index returns the value, not a tuple
            pick = lambda row, i=indexes[0]: (row[i],)  # noqa: E731
        converters = [Converter(b.spec) for b in self.layout.columns]
        source = enumerate(_chain(self._pending, self._rows), self._first_row)
        while True:
            # Blocks end where a progress report is due, so reports come as row by row.
            block = list(islice(source, PROGRESS_EVERY - self.progress.done % PROGRESS_EVERY))
            if not block:
                return
            numbers: list[int] = []
            picked: list[tuple[Any, ...]] = []
            for row_no, row in block:
                if len(row) < width:
                    row = (*row, *([None] * (width - len(row))))
                cells = pick(row)
                first = cells[0]  # usually the 户号 or 楼栋: a row is seldom blank
                if (first.strip() if type(first) is str else first is not None) or any(
                        v is not None and (type(v) is not str or v.strip()) for v in cells):
                    numbers.append(row_no)
                    picked.append(cells)
            if picked:
                yield from self._block(numbers, picked, converters)
            self.progress.advance(len(block))

    def _block(self, numbers: list[int], picked: list[tuple[Any, ...]],
               converters: list[Converter]) -> Iterator[tuple[int, dict[str, Any], bool]]:
        kept, columns, odd = [], [], []
        size = len(numbers)
        for column, converter, cells in zip(self._cols, converters, zip(*picked, strict=True),
                                           strict=True):
            if not column[3] and cells.count("") + cells.count(None) == size:
                continue  # an optional column blank throughout the block: its fields are left out
            values, at = converter.column(cells)
            kept.append(column)
            columns.append(values)
            odd.append(at)
        names = [column[1] for column in kept]
        records = [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]
        failed: set[int] = set()
        for column, values, at in zip(kept, columns, odd, strict=True):
            if at:
                self._faults(column, values, at, numbers, records, failed)
        for position, (row_no, record) in enumerate(zip(numbers, records, strict=True)):
            yield row_no, record, position not in failed

    def _faults(self, column: tuple[int, str, Callable[[object], Any], bool, str],
                values: list[Any], at: list[int], numbers: list[int],
                records: list[dict[str, Any]], failed: set[int]) -> None:
        """Problems for a column's blank and bad cells in a block; their fields are dropped
        (a blank optional cell takes the model's default)."""
        index, name, _parser, required, header = column
        for position in at:
            value = values[position]
            del records[position][name]
            row_no = numbers[position]
            if type(value) is Faulty:
                failed.add(position)
                self._cell_problem(row_no, header, value.text, value.code, name, **value.params)
            elif required:
                failed.add(position)
                # Under a merge the merge is the problem (reported once), not each blank.
                if (row_no, index) not in self._covered:
                    self._cell_problem(row_no, header, "", "required_value_missing", name)

    def _cell_problem(self, row_no: int, header: str, value: str, code: str, name: str,
                      **params: Any) -> None:
        self.problems.append(ImportProblem(self.title, row_no, header, value, code,
                                           freeze_params({"field": name, **params})))

    def _report_merges(self) -> None:
        """merged_cells for each merge touching a read column at or below the header row."""
        for ref in self.sheet.merges:
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


#: What a converter returns for a blank cell (None, or text that is only white space).
BLANK: Any = object()


@dataclass(frozen=True, slots=True)
class Faulty:
    """What a converter returns for a bad cell: the problem's code, value as text, params."""

    code: str
    text: str
    params: dict[str, Any]


#: Distinct texts a column remembers the parse of (status, 是/否, conditions repeat a lot).
MEMO_LIMIT = 4096
_UNLIMITED = 1 << 62


class Converter:
    """The one function that turns a column's raw cells into values, chosen once per column.

    Calling it returns the parsed value, :data:`BLANK` or a :class:`Faulty`,
    and counts the faulty (rare) so that a block is only searched for them
    when there are some; blanks (common: optional columns) are found with
    ``list.index``, which compares in C. The outcome is the same as
    parsing each cell on its own (:meth:`slow`): blank and formula-error tests
    first, then the column's parser. The fast paths only skip work for the
    usual well-formed cell: text that needs no more than a strip and a length
    test, and for kinds other than text and ID numbers (whose cells are all
    different), a text cell seen before (parsers are pure functions of the cell).
    """

    def __init__(self, spec: ColumnSpec) -> None:
        self.parser = spec.parser
        self.faulty = 0
        limit = spec.text_limit
        if limit is not None:
            self.convert = self._text(limit if limit >= 0 else _UNLIMITED)
        elif spec.kind is Kind.ID_NUMBER:
            self.convert = self._id_number()
        else:
            self.convert = self._remembered()

    def slow(self, raw: object) -> Any:
        """Any cell, as the reader has always taken it."""
        if raw is None or (type(raw) is str and not raw.strip()):
            return BLANK
        if type(raw) is str and raw[:1] == "#" and raw in EXCEL_ERRORS:
            self.faulty += 1
            return Faulty("formula_error", raw, {})
        try:
            return self.parser(raw)
        except CellError as error:
            self.faulty += 1
            return Faulty(error.code, cell_text(raw), error.params)

    def _text(self, limit: int) -> Callable[[object], Any]:
        slow = self.slow

        def convert(raw: object) -> Any:
            if type(raw) is str and raw[:1] != "#":
                text = raw.strip()
                if text and len(text) <= limit:
                    return text
                if not text:
                    return BLANK
            return slow(raw)
        return convert

    def _id_number(self) -> Callable[[object], Any]:
        slow = self.slow
        # The day a birth date may not be after: the day the read began (a read takes seconds).
        today = date.today()

        def convert(raw: object) -> Any:
            if type(raw) is str and is_valid_clean_id(raw, today):
                return raw  # what parse_id_number returns for a clean, valid number
            return slow(raw)
        return convert

    def _remembered(self) -> Callable[[object], Any]:
        slow, parser = self.slow, self.parser
        seen: dict[str, Any] = {"": BLANK}
        missing = object()

        def convert(raw: object) -> Any:
            if type(raw) is str:
                value = seen.get(raw, missing)
                if value is missing:
                    value = slow(raw)
                    if len(seen) < MEMO_LIMIT and type(value) is not Faulty:
                        seen[raw] = value
                return value
            if type(raw) is float or type(raw) is datetime:
                try:
                    return parser(raw)
                except CellError:
                    pass
            return slow(raw)
        return convert

    def column(self, cells: Iterable[object]) -> tuple[list[Any], list[int]]:
        """The values of a block's cells, and the positions of the blank and faulty ones."""
        values = list(map(self.convert, cells))
        if self.faulty:
            self.faulty = 0
            return values, [i for i, v in enumerate(values) if v is BLANK or type(v) is Faulty]
        blanks = values.count(BLANK)
        if not blanks:
            return values, []
        if blanks * 8 > len(values):  # a mostly blank column: one pass
            return values, [i for i, v in enumerate(values) if v is BLANK]
        at: list[int] = []
        start = 0
        for _ in range(blanks):  # a few blanks: list.index finds them in C
            start = values.index(BLANK, start) + 1
            at.append(start - 1)
        return values, at


def _chain(first: list[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from first
    yield from rest
