"""What the Excel import and export share: the two kinds of data, the file filter, the last folder.

Strings here keep the "ImportDialog" translation context they had when they
lived in desktop/registry/import_dialog.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDir
from PySide6.QtWidgets import QWidget

from db import registry as importing
from db.excel import FLATS, HOUSEHOLDS, MEMBERS, write_flat_template, write_household_template
from desktop.common.file_dialogs import save_file_name

CONTEXT = "ImportDialog"
XLSX_FILTER = QT_TRANSLATE_NOOP("ImportDialog", "Excel workbook (*.xlsx)")
# What an import opens: every format db.excel reads (older Excel and WPS save .xls).
SPREADSHEET_FILTER = QT_TRANSLATE_NOOP(
    "ImportDialog", "Spreadsheet (*.xlsx *.xlsm *.xlsb *.xls *.ods)")


def translated(text: str) -> str:
    """``text`` (marked with QT_TRANSLATE_NOOP in the ImportDialog context) translated."""
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class ImportKind:
    """What differs between importing households and flats."""

    sheets: tuple[str, ...]
    import_file: Callable[..., int]
    export_file: Callable[..., int]
    write_template: Callable[[str], None]
    title: str
    file_name: str
    imported: str
    exported: str


KINDS: dict[str, ImportKind] = {
    "households": ImportKind(
        (HOUSEHOLDS, MEMBERS),
        # Looked up at call time, so tests can replace the service.
        lambda session, **kw: importing.import_households_file(session, **kw),
        lambda session, **kw: importing.export_households_file(session, **kw),
        lambda path: write_household_template(path),
        QT_TRANSLATE_NOOP("ImportDialog", "Import households"),
        QT_TRANSLATE_NOOP("ImportDialog", "households"),
        QT_TRANSLATE_NOOP("ImportDialog", "Imported {count} households."),
        QT_TRANSLATE_NOOP("ImportDialog", "Exported {count} households to\n{path}"),
    ),
    "flats": ImportKind(
        (FLATS,),
        lambda session, **kw: importing.import_flats_file(session, **kw),
        lambda session, **kw: importing.export_flats_file(session, **kw),
        lambda path: write_flat_template(path),
        QT_TRANSLATE_NOOP("ImportDialog", "Import flats"),
        QT_TRANSLATE_NOOP("ImportDialog", "flats"),
        QT_TRANSLATE_NOOP("ImportDialog", "Imported {count} flats."),
        QT_TRANSLATE_NOOP("ImportDialog", "Exported {count} flats to\n{path}"),
    ),
}

# The folder the operator last used, so the next dialog opens there.
_last_folder: list[str] = [QDir.homePath()]


def last_folder() -> str:
    """The folder the operator last used for an Excel file (home at first)."""
    return _last_folder[0]


def remember_folder(path: str) -> None:
    _last_folder[0] = str(Path(path).parent)


def with_suffix(path: str, suffix: str) -> str:
    return path if path.lower().endswith(suffix) else path + suffix


def ask_save_path(parent: QWidget | None, title: str, name: str) -> str | None:
    """Ask where to save the .xlsx file ``name``, starting in the last folder; None: cancelled."""
    path, _filter = save_file_name(
        parent, title, str(Path(last_folder()) / name), translated(XLSX_FILTER))
    return with_suffix(path, ".xlsx") if path else None
