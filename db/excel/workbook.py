"""Opening a spreadsheet for a read: sniffing its content, the read session, locating sheets.

What can be read: .xlsx, .xlsm, .xlsb, .xls and .ods (by content, whatever
the name says), through :mod:`db.excel.book`.

Nothing here raises for a bad file: what is wrong with it (not a workbook,
unreadable, a sheet missing or there twice) becomes a file-level problem in
the session, and the readers carry on with whatever can be read.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import IO, Any

from openpyxl.utils.cell import get_column_letter

from db.excel.book import Book, TooLarge, Unreadable
from db.excel.columns import SHEETS, normalise_sheet_name
from db.excel.problems import ImportProblem, freeze_params, sort_problems
from db.excel.sheets import Progress, RowCounter, SheetReader

#: {sheet kind: {field: header text in the file}} from the GUI's column-mapping step.
ColumnMapping = Mapping[str, Mapping[str, str]]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
# Password-protected .xlsx files are OLE2 containers holding this stream.
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def _sniff(path: Any) -> ImportProblem | None:
    """Why the file is not a workbook we can open, from its first bytes.

    An OLE2 container is an .xls (calamine reads it) unless it holds an
    encrypted .xlsx; a zip is .xlsx/.xlsm, .xlsb or .ods by its members.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
            if head.startswith(_OLE2):
                if _ENCRYPTED in head + handle.read():
                    return _file_problem("not_excel", detected="encrypted")
                return None
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
            ods = "mimetype" in names and archive.read("mimetype").strip() == _ODS_MIMETYPE
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return _file_problem("file_unreadable", reason="corrupt")
    if ods or "xl/workbook.bin" in names or any(n.endswith("workbook.xml") for n in names):
        return None
    return _file_problem("not_excel", detected="zip")


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
    """Open the workbook; file-level problems end up in the session, never raised."""
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
        # A file object, not the path: calamine then goes by content, not by the extension.
        book = Book(handle)
        session = ReadSession(book, kinds, mapping, counter)
        _locate_sheets(session, sheets)
        # Loads the sheets to be read (calamine reads a sheet whole), so damage shows here.
        counter.total = sum(book[t].max_row for t in session.titles.values())
    except Unreadable as error:
        session = ReadSession(None, kinds, mapping, counter)
        session.problems.append(corrupt(error))
        yield session
        return
    try:
        yield session
    finally:
        book.close()


def corrupt(error: BaseException) -> ImportProblem:
    """file_unreadable (reason corrupt), naming the reader's own error rather than our wrapper;
    sheet_too_large, at the farthest cell, for a sheet refused before it was loaded."""
    if isinstance(error, TooLarge):
        row, column = error.last
        return ImportProblem(error.title, row + 1, get_column_letter(column + 1), "",
                             "sheet_too_large", freeze_params({"cell": (
                                 f"{get_column_letter(column + 1)}{row + 1}")}))
    cause = error.__cause__ if isinstance(error, Unreadable) and error.__cause__ else error
    return _file_problem("file_unreadable", reason="corrupt", error=type(cause).__name__)


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
