"""The Progress page's file commands: daily report PDF, case log and progress exports, visits.

Each asks where to read or write (the file dialogs are module functions so
tests can answer them), runs the work on the database worker and tells the
operator how it went. An imported visits file with problems imports nothing
and lists every problem with its row and column.
"""

from __future__ import annotations

from concurrent.futures import Future
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from db import casework as casework_files
from db.excel import write_visits_template
from db.registry import ImportRejected
from desktop.common import (
    AppContext,
    ask_save_path,
    last_folder,
    open_file_name,
    remember_folder,
    save_file_name,
)
from desktop.i18n import describe_problem, show_error
from desktop.printing import write_daily_report

CONTEXT = "CaseworkFiles"
TEXTS: dict[str, str] = {
    "pdf_filter": QT_TRANSLATE_NOOP("CaseworkFiles", "PDF document (*.pdf)"),
    "spreadsheet_filter": QT_TRANSLATE_NOOP(
        "CaseworkFiles", "Spreadsheet (*.xlsx *.xlsm *.xlsb *.xls *.ods)"),
    "print_title": QT_TRANSLATE_NOOP("CaseworkFiles", "Print the daily report"),
    "report_name": QT_TRANSLATE_NOOP("CaseworkFiles", "daily report {day}"),
    "report_written": QT_TRANSLATE_NOOP(
        "CaseworkFiles", "The daily report of {day} was written to\n{path}"),
    "export_title": QT_TRANSLATE_NOOP("CaseworkFiles", "Export to Excel"),
    "case_log_name": QT_TRANSLATE_NOOP("CaseworkFiles", "case log"),
    "progress_name": QT_TRANSLATE_NOOP("CaseworkFiles", "progress"),
    "case_log_exported": QT_TRANSLATE_NOOP(
        "CaseworkFiles", "Exported {count} case log entries to\n{path}"),
    "progress_exported": QT_TRANSLATE_NOOP(
        "CaseworkFiles", "Exported the progress of {count} households to\n{path}"),
    "template_title": QT_TRANSLATE_NOOP("CaseworkFiles", "Save the visits template"),
    "template_name": QT_TRANSLATE_NOOP("CaseworkFiles", "visits import template"),
    "template_saved": QT_TRANSLATE_NOOP("CaseworkFiles", "Template saved to\n{path}"),
    "import_title": QT_TRANSLATE_NOOP("CaseworkFiles", "Import visits"),
    "imported": QT_TRANSLATE_NOOP("CaseworkFiles", "Imported {count} visits."),
    "rejected": QT_TRANSLATE_NOOP(
        "CaseworkFiles", "Nothing was imported: the file has {count} problems. Correct them "
        "and import the whole file again."),
}


def text(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, TEXTS[key])


def ask_pdf_path(parent: QWidget | None, title: str, name: str) -> str | None:
    path, _filter = save_file_name(
        parent, title, str(Path(last_folder()) / name), text("pdf_filter"))
    if not path:
        return None
    return path if path.lower().endswith(".pdf") else path + ".pdf"


def ask_open_path(parent: QWidget | None, title: str) -> str | None:
    path, _filter = open_file_name(parent, title, last_folder(),
                                                text("spreadsheet_filter"))
    return path or None


def print_daily_report(ctx: AppContext, day: date, parent: QWidget | None) -> Future[Any] | None:
    """Ask for a file name, then write the day's report (日通报) as a PDF."""
    project_id = ctx.project_id
    if project_id is None:
        return None
    title = text("print_title")
    path = ask_pdf_path(parent, title, text("report_name").format(day=day.isoformat()) + ".pdf")
    if path is None:
        return None
    remember_folder(path)

    def done(_result: tuple[int, str]) -> None:
        QMessageBox.information(parent, title, text("report_written").format(
            day=day.isoformat(), path=path))

    return (ctx.op(lambda s: write_daily_report(s, project_id, day, Path(path)), read_only=True)
            .success(done).failure(lambda error: show_error(parent, error))
            .run_in_background())


def export(ctx: AppContext, what: str, parent: QWidget | None) -> Future[Any] | None:
    """Export the case log (``what`` "case_log") or the progress table ("progress")."""
    project_id = ctx.project_id
    if project_id is None:
        return None
    title = text("export_title")
    name = text("case_log_name" if what == "case_log" else "progress_name")
    path = ask_save_path(parent, title, f"{ctx.project_name or 'anju'}-{name}.xlsx")
    if path is None:
        return None
    remember_folder(path)
    service = (casework_files.export_case_log_file if what == "case_log"
               else casework_files.export_progress_file)
    message = text("case_log_exported" if what == "case_log" else "progress_exported")
    return (ctx.op(lambda s: service(s, project_id=project_id, path=path), read_only=True)
            .success(lambda count: QMessageBox.information(
                parent, title, message.format(count=count, path=path)))
            .failure(lambda error: show_error(parent, error))
            .run_in_background())


def save_visits_template(parent: QWidget | None) -> str | None:
    title = text("template_title")
    path = ask_save_path(parent, title, text("template_name") + ".xlsx")
    if path is None:
        return None
    try:
        write_visits_template(path)
    except OSError as error:
        show_error(parent, error)
        return None
    remember_folder(path)
    QMessageBox.information(parent, title, text("template_saved").format(path=path))
    return path


def import_visits(ctx: AppContext, parent: QWidget | None) -> Future[Any] | None:
    """Ask for a visits workbook and import it, all or nothing."""
    project_id = ctx.project_id
    if project_id is None:
        return None
    title = text("import_title")
    path = ask_open_path(parent, title)
    if path is None:
        return None
    remember_folder(path)

    def done(count: int) -> None:
        QMessageBox.information(parent, title, text("imported").format(count=count))

    def failed(error: BaseException) -> None:
        if not isinstance(error, ImportRejected):
            show_error(parent, error)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, title,
                          text("rejected").format(count=len(error.rejections)),
                          QMessageBox.StandardButton.Ok, parent)
        box.setDetailedText("\n".join(describe_problem(p) for p in error.rejections))
        box.open()

    return (ctx.op(lambda s: casework_files.import_visits_file(
                s, project_id=project_id, path=path, actor=ctx.actor))
            .success(done).failure(failed).run_in_background())
