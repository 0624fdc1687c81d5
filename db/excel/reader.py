"""Reading the registry's Excel files (households with members, flats), reporting every problem.

Contract: nothing raises for bad input (only :class:`ReadCancelled` when the
progress callback asks). A result's ``problems`` lists everything wrong in
the file, sorted by sheet, row and column; whenever it is non-empty,
``items`` is empty, so a caller cannot import part of a bad file by mistake
(the import is all or nothing; the database checks come after, in
db/registry/importing.py).

This module holds the entry points; the work is split by stage:
:mod:`db.excel.workbook` opens the file, :mod:`db.excel.sheets` streams one
sheet, :mod:`db.excel.households` and :mod:`db.excel.flats` check and build
the items, and :mod:`db.excel.results` holds what a read returns.
"""

from __future__ import annotations

from collections.abc import Mapping
from os import PathLike
from typing import Any

from openpyxl.utils.cell import get_column_letter

from db.excel.book import Unreadable
from db.excel.columns import FLAT_KINDS, HOUSEHOLD_KINDS, SHEETS, cell_text, is_blank
from db.excel.flats import read_flat_rows
from db.excel.households import HouseholdAssembly
from db.excel.results import (
    FlatsRead,
    HeaderCell,
    HouseholdsRead,
    Places,
    SheetHeaders,
    WorkbookHeaders,
)
from db.excel.sheets import Binder, Bound, Progress, guarded, header_index, scan_top, wanted_headers
from db.excel.workbook import ColumnMapping, ReadSession, corrupt, kinds_by_sheet, read_session
from db.store import collector_paused

__all__ = [
    "ColumnMapping",
    "FlatsRead",
    "HeaderCell",
    "HouseholdsRead",
    "Places",
    "Progress",
    "SheetHeaders",
    "WorkbookHeaders",
    "inspect_workbook",
    "read_flats",
    "read_households",
]

FilePath = str | PathLike[str]


def read_households(path: FilePath, *, mapping: ColumnMapping | None = None,
                    sheets: Mapping[str, str] | None = None,
                    progress: Progress | None = None) -> HouseholdsRead:
    """Read sheets 户 and 家庭成员 into Households with their members.

    Args:
        path: the .xlsx, .xlsm, .xlsb, .xls or .ods file (the name's extension is not
            trusted, the content is).
        mapping: {"households"|"members": {field: header text}} for headers
            that did not match (a column letter works for a header-less column).
        sheets: {"households"|"members": sheet name} when the sheets have other names.
        progress: called about every 1000 rows with (done, total estimate);
            returning False cancels.

    Raises:
        ReadCancelled: ``progress`` returned False.
    """
    _check_mapping(mapping, HOUSEHOLD_KINDS)
    with collector_paused(), read_session(path, HOUSEHOLD_KINDS, mapping, sheets,
                                          progress) as session:
        if session.book is not None:
            result = HouseholdAssembly(session).run()
        else:
            result = HouseholdsRead([], session.finish())
    return result


def read_flats(path: FilePath, *, mapping: ColumnMapping | None = None,
               sheets: Mapping[str, str] | None = None,
               progress: Progress | None = None) -> FlatsRead:
    """Read sheet 房源 into Flats; arguments as :func:`read_households` (kind "flats")."""
    _check_mapping(mapping, FLAT_KINDS)
    with collector_paused(), read_session(path, FLAT_KINDS, mapping, sheets, progress) as session:
        result = read_flat_rows(session) if session.ready else FlatsRead([], session.finish())
    return result


def inspect_workbook(path: FilePath, *, mapping: ColumnMapping | None = None,
                     sheets: Mapping[str, str] | None = None) -> WorkbookHeaders:
    """Sheets, header rows and which field each header matches, for the column-mapping step.

    Parses only the first rows of each sheet (calamine loads each sheet whole, in Rust).
    """
    _check_mapping(mapping, tuple(SHEETS))
    kinds = tuple(SHEETS)
    with read_session(path, (), mapping, sheets, None) as session:
        found: tuple[SheetHeaders, ...] = ()
        if session.book is not None:
            named = kinds_by_sheet(session.book.sheetnames, kinds, sheets)
            try:
                found = tuple(_inspect_sheet(session, title, named.get(title))
                              for title in session.book.sheetnames)
            except Unreadable as error:
                session.problems.append(corrupt(error))
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


def _inspect_sheet(session: ReadSession, title: str, kind: str | None) -> SheetHeaders:
    sheet = session.book[title]
    estimate = sheet.max_row
    spec = SHEETS[kind] if kind else None
    mapping = session.mapping.get(kind, {}) if kind else {}
    wanted = wanted_headers(spec, mapping) if spec else set()
    top = scan_top(guarded(sheet.iter_rows()), wanted)
    index = header_index(top, wanted)
    if index is None:
        return SheetHeaders(title, kind, None, (), (), (), estimate)
    cells = tuple(top[index])
    bound = Binder(spec, mapping, title, index + 1, []).bind(cells) if spec else []
    return _sheet_headers(title, kind, index + 1, cells, bound, estimate)


def _sheet_headers(title: str, kind: str | None, row: int, cells: tuple[Any, ...],
                   bound: list[Bound], estimate: int | None) -> SheetHeaders:
    by_index = {b.index: b.spec.field for b in bound}
    headers = tuple(HeaderCell(get_column_letter(i + 1), cell_text(v).strip(), by_index.get(i))
                    for i, v in enumerate(cells) if not is_blank(v) or i in by_index)
    unknown = tuple(h.text for h in headers if h.field is None)
    fields = set(by_index.values())
    missing = tuple(c.field for c in SHEETS[kind].required if c.field not in fields) if kind else ()
    return SheetHeaders(title, kind, row, headers, missing, unknown, estimate)
