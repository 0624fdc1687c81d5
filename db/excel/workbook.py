"""Opening an Excel file for a read: sniffing its content, the read session, locating sheets.

Nothing here raises for a bad file: what is wrong with it (not a workbook,
unreadable, a sheet missing or there twice) becomes a file-level problem in
the session, and the readers carry on with whatever can be read.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import IO, Any

from openpyxl import load_workbook

from db.excel.columns import SHEETS, SheetSpec, normalise_sheet_name
from db.excel.problems import ImportProblem, freeze_params, sort_problems
from db.excel.sheets import Progress, RowCounter, SheetReader, Unreadable

#: {sheet kind: {field: header text in the file}} from the GUI's column-mapping step.
ColumnMapping = Mapping[str, Mapping[str, str]]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
# Password-protected .xlsx files are OLE2 containers holding this stream.
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


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


class ReadSession:
    """One read: the open workbook, the problems found so far and the progress counter."""

    def __init__(self, book: Any, kinds: tuple[str, ...], mapping: ColumnMapping | None,
                 progress: RowCounter) -> None:
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

    def reader(self, kind: str) -> SheetReader:
        title = self.titles[kind]
        sheet = SheetReader(self.book[title], SHEETS[kind], self.mapping.get(kind, {}),
                            self.problems, self.progress)
        for column in sheet.layout.columns:
            self.column_order[(title, column.header)] = column.index
        return sheet

    def finish(self) -> list[ImportProblem]:
        order = self.book.sheetnames if self.book is not None else []
        return sort_problems(self.problems, order, self.column_order)


@contextmanager
def read_session(path: Any, kinds: tuple[str, ...], mapping: ColumnMapping | None,
                 sheets: Mapping[str, str] | None,
                 progress: Progress | None) -> Iterator[ReadSession]:
    """Open the workbook read-only; file-level problems end up in the session, never raised."""
    counter = RowCounter(progress)
    problem = _sniff(path)
    if problem is not None:
        session = ReadSession(None, kinds, mapping, counter)
        session.problems.append(problem)
        yield session
        return
    with open(path, "rb") as handle:
        yield from _open_session(handle, kinds, mapping, sheets, counter)


def _open_session(handle: IO[bytes], kinds: tuple[str, ...], mapping: ColumnMapping | None,
                  sheets: Mapping[str, str] | None, counter: RowCounter) -> Iterator[ReadSession]:
    try:
        # A file object skips openpyxl's check of the name's extension: content decides.
        book = load_workbook(handle, read_only=True, data_only=True, keep_links=False)
    except Exception as error:  # noqa: BLE001  (any failure inside openpyxl = a bad file)
        session = ReadSession(None, kinds, mapping, counter)
        session.problems.append(corrupt(error))
        yield session
        return
    try:
        session = ReadSession(book, kinds, mapping, counter)
        _locate_sheets(session, sheets)
        counter.total = sum(_rows_estimate(book, book[t], SHEETS[k])
                            for k, t in session.titles.items())
        yield session
    finally:
        book.close()


def corrupt(error: BaseException) -> ImportProblem:
    """file_unreadable (reason corrupt), naming openpyxl's own error rather than our wrapper."""
    cause = error.__cause__ if isinstance(error, Unreadable) and error.__cause__ else error
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


def kinds_by_sheet(titles: list[str], kinds: Iterable[str],
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


def _locate_sheets(session: ReadSession, sheets: Mapping[str, str] | None) -> None:
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
