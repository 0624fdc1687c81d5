"""Importing households or flats from Excel in three steps, with a progress dialog that can cancel.

1. choose a file (and, if needed, save a blank template first);
2. check the columns: headers are matched automatically; for a required
   field the file names differently, the operator picks the file's column
   instead of having the file rejected;
3. import in the background with a progress dialog that can cancel.

An import is all or nothing (db/registry/importing.py): the result is either the
number registered or the full list of problems, with the plain statement
that nothing was imported, to copy or save and fix in Excel.

Exporting back to Excel and saving blank templates live in
desktop/registry/export_actions.py, the problems table in
desktop/registry/problems_view.py.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db import registry as importing
from db.excel import (
    SHEETS,
    ImportProblem,
    ReadCancelled,
    SheetHeaders,
    WorkbookHeaders,
    inspect_workbook,
)
from desktop.common import (
    KINDS,
    SPREADSHEET_FILTER,
    XLSX_FILTER,
    AppContext,
    last_folder,
    open_file_name,
    remember_folder,
    save_file_name,
    translated,
    with_suffix,
)
from desktop.i18n import describe_error, describe_problem, show_error
from desktop.registry.export_actions import export_to, save_template
from desktop.registry.problems_view import ProblemsView, ProblemTableModel, save_problems

# export_to and save_template live in export_actions; the main window looks them up here.
__all__ = ["CHOOSE_PAGE", "COLUMNS_PAGE", "RESULT_PAGE", "ImportDialog", "ProgressRelay",
           "export_to", "save_template"]

CHOOSE_PAGE, COLUMNS_PAGE, RESULT_PAGE = 0, 1, 2
ERROR_STYLE = "color: #b00020; font-weight: bold;"
SUCCESS_STYLE = "color: #1e6b1a; font-weight: bold;"


# --- progress across threads -----------------------------------------------------


class ProgressRelay(QObject):
    """Carries (done, total) from the worker to the progress dialog; answers its cancel.

    ``callback`` runs on the worker thread: it only emits a signal (queued to
    the main thread) and reads a threading.Event, never touching a widget.
    """

    progressed = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self.cancelled = threading.Event()

    def callback(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.cancelled.is_set()


# --- the dialog --------------------------------------------------------------------


class ImportDialog(QDialog):
    """Import ``kind`` ("households" or "flats") into ``ctx.project_id``.

    Attributes after an import: ``imported`` (count) or ``problems`` (list).
    """

    def __init__(self, ctx: AppContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.kind = kind
        self._spec = KINDS[kind]
        self.workbook: WorkbookHeaders | None = None
        self.mapping_combos: dict[tuple[str, str], QComboBox] = {}
        self.imported: int | None = None
        self.problems: list[ImportProblem] = []
        self.progress: QProgressDialog | None = None
        self._relay: ProgressRelay | None = None
        self.setWindowTitle(translated(self._spec.title))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._make_choose_page())
        self.pages.addWidget(self._make_columns_page())
        self.pages.addWidget(self._make_result_page())
        self._make_buttons()
        self._lay_out()
        self._show_page(CHOOSE_PAGE)
        self.resize(820, 560)

    # --- step 1: the file ----------------------------------------------------

    def _make_choose_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(self._format_description())
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Choose an .xlsx file"))
        self.path_edit.textChanged.connect(lambda _text: self._update_buttons())
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        template = QPushButton(self.tr("Save a blank &template…"))
        template.clicked.connect(lambda: save_template(self._ctx, self.kind, self))
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.choose_error = QLabel()
        self.choose_error.setStyleSheet(ERROR_STYLE)
        self.choose_error.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("&File:"), buddy=self.path_edit))
        layout.addLayout(row)
        layout.addWidget(self.choose_error)
        layout.addStretch(1)
        layout.addWidget(template, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _format_description(self) -> str:
        """What the file must hold, generated from the format tables (db/excel/columns.py)."""
        lines = [self.tr("The file needs these sheets and columns "
                         "(<b>bold</b> columns are required):")]
        for sheet_kind in self._spec.sheets:
            spec = SHEETS[sheet_kind]
            columns = "、".join(f"<b>{c.zh}</b>" if c.required else c.zh for c in spec.columns)
            lines.append(self.tr("Sheet “{sheet}”: {columns}").format(sheet=spec.zh,
                                                                     columns=columns))
        lines.append(self.tr("If the file names a column differently you can match it in the "
                             "next step. The import is all or nothing: a file with any problem "
                             "imports nothing, and every problem is listed."))
        return "<p>" + "</p><p>".join(lines) + "</p>"

    def browse(self) -> None:
        path, _filter = open_file_name(
            self, self.tr("Choose an Excel file"), last_folder(), translated(SPREADSHEET_FILTER))
        if path:
            remember_folder(path)
            self.path_edit.setText(path)

    def path(self) -> str:
        return self.path_edit.text().strip()

    # --- step 2: the columns -------------------------------------------------

    def _make_columns_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr(
            "Some columns were not recognised. For each field marked with a red *, choose "
            "the column of the file that holds it; other fields are optional."))
        intro.setWordWrap(True)
        self.columns_area = QScrollArea()
        self.columns_area.setWidgetResizable(True)
        self.columns_hint = QLabel()
        self.columns_hint.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.columns_area, 1)
        layout.addWidget(self.columns_hint)
        return page

    def inspect(self) -> Future[WorkbookHeaders] | None:
        """Read the headers in the background, then show the columns step or import at once."""
        path = self.path()
        if not Path(path).is_file():
            self.choose_error.setText(self.tr("There is no file {path}").format(path=path))
            return None
        self.choose_error.clear()
        self.next_button.setEnabled(False)
        return self._ctx.op(lambda _session: inspect_workbook(path), read_only=True) \
            .success(self._inspected).failure(self._failed).run_in_background()

    def _inspected(self, workbook: WorkbookHeaders) -> None:
        self.workbook = workbook
        sheets = [workbook.sheet(k) for k in self._spec.sheets]
        found = [s for s in sheets if s is not None and s.header_row is not None]
        # A file the reader cannot use as it is goes straight to the import, which
        # reports every problem (missing sheet, no header row, not an Excel file).
        if workbook.problems or len(found) != len(sheets) or not self._needs_mapping(found):
            self.start_import()
            return
        self._build_columns(found)
        self._show_page(COLUMNS_PAGE)

    @staticmethod
    def _needs_mapping(sheets: list[SheetHeaders]) -> bool:
        """Ask only when a required field is unmatched, or an optional one could be."""
        for sheet in sheets:
            spec = SHEETS[sheet.kind or ""]
            unmatched = [c for c in spec.columns if c.field not in sheet.matched]
            if sheet.missing_required or (sheet.unknown and unmatched):
                return True
        return False

    def _build_columns(self, sheets: list[SheetHeaders]) -> None:
        self.mapping_combos.clear()
        box = QWidget()
        layout = QVBoxLayout(box)
        for sheet in sheets:
            layout.addWidget(self._sheet_group(sheet))
        layout.addStretch(1)
        self.columns_area.setWidget(box)
        self._update_buttons()

    def _sheet_group(self, sheet: SheetHeaders) -> QGroupBox:
        spec = SHEETS[sheet.kind or ""]
        group = QGroupBox(self.tr("Sheet “{sheet}” (header in row {row})").format(
            sheet=sheet.name, row=sheet.header_row))
        grid = QGridLayout(group)
        grid.setColumnStretch(2, 1)
        grid.addWidget(self._bold(self.tr("Field")), 0, 0)
        grid.addWidget(self._bold(self.tr("Column in the file")), 0, 2)
        matched = sheet.matched
        for row, column in enumerate(spec.columns, start=1):
            mark = " <span style='color:#b00020'>*</span>" if column.required else ""
            grid.addWidget(QLabel(f"{column.zh}{mark}"), row, 0)
            if column.field in matched:
                found = QLabel("✓ " + matched[column.field])
                found.setStyleSheet("color: #1e6b1a;")
                grid.addWidget(found, row, 2)
            else:
                grid.addWidget(self._mapping_combo(sheet, column.field, column.required), row, 2)
        return group

    @staticmethod
    def _bold(text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: bold;")
        return label

    def _mapping_combo(self, sheet: SheetHeaders, field: str, required: bool) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Choose a column…") if required else self.tr("(not in the file)"),
                      None)
        for header in sheet.unknown:
            combo.addItem(header, header)
        combo.currentIndexChanged.connect(lambda _index: self._update_buttons())
        combo.setProperty("required", required)
        self.mapping_combos[(sheet.kind or "", field)] = combo
        return combo

    def mapping(self) -> dict[str, dict[str, str]]:
        """{sheet kind: {field: header}} for the columns the operator matched by hand."""
        chosen: dict[str, dict[str, str]] = {}
        for (kind, field), combo in self.mapping_combos.items():
            if combo.currentData():
                chosen.setdefault(kind, {})[field] = combo.currentData()
        return chosen

    def _unmapped_required(self) -> list[str]:
        return [field for (_kind, field), combo in self.mapping_combos.items()
                if combo.property("required") and not combo.currentData()]

    def _twice_mapped(self) -> list[str]:
        seen: dict[tuple[str, str], int] = {}
        for (kind, _field), combo in self.mapping_combos.items():
            if combo.currentData():
                seen[(kind, combo.currentData())] = seen.get((kind, combo.currentData()), 0) + 1
        return [header for (_kind, header), n in seen.items() if n > 1]

    # --- step 3: import ------------------------------------------------------

    def start_import(self) -> Future[int] | None:
        """Import in the background with a cancellable progress dialog."""
        project_id = self._ctx.project_id
        if project_id is None:
            return None
        path, mapping = self.path(), self.mapping() or None
        relay = self._relay = ProgressRelay()
        self.progress = self._make_progress(relay)
        spec, actor = self._spec, self._ctx.actor

        def run(session: Any) -> int:
            if relay.cancelled.is_set():  # cancelled while queued behind other work
                raise ReadCancelled()
            return spec.import_file(session, project_id=project_id, path=path, actor=actor,
                                    mapping=mapping, progress=relay.callback)

        self.next_button.setEnabled(False)
        self.back_button.setEnabled(False)
        return self._ctx.op(run, initiator=self).success(self._imported).failure(self._failed) \
            .run_in_background()

    def _make_progress(self, relay: ProgressRelay) -> QProgressDialog:
        progress = QProgressDialog(
            self.tr("Reading {file}…").format(file=Path(self.path()).name),
            self.tr("Cancel"), 0, 0, self)
        progress.setWindowTitle(translated(self._spec.title))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self.cancel_import)
        relay.progressed.connect(self._progressed)
        progress.show()
        return progress

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None and not self._relay_cancelled():
            self.progress.setMaximum(max(total, done, 1))
            self.progress.setValue(done)

    def _relay_cancelled(self) -> bool:
        return self._relay is not None and self._relay.cancelled.is_set()

    def cancel_import(self) -> None:
        """Ask the running import to stop; it stops at its next progress report."""
        if self._relay is not None:
            self._relay.cancelled.set()
        if self.progress is not None:
            self.progress.setLabelText(self.tr("Cancelling…"))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel_import)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _imported(self, count: int) -> None:
        self._close_progress()
        self.imported = count
        self.problems = []
        self._show_result(translated(self._spec.imported).format(count=count), SUCCESS_STYLE)

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        if isinstance(error, importing.ImportRejected):
            self._show_problems(list(error.rejections))
        elif isinstance(error, ReadCancelled):
            self._show_result(self.tr("Import cancelled. Nothing was imported."), ERROR_STYLE)
        else:
            self._show_result(self.tr("Nothing was imported: {reason}").format(
                reason=describe_error(error)), ERROR_STYLE)

    # --- the result ----------------------------------------------------------

    def _make_result_page(self) -> QWidget:
        page = QWidget()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.problem_view = ProblemsView()
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.clicked.connect(self.copy_problems)
        self.save_button = QPushButton(self.tr("&Save as…"))
        self.save_button.clicked.connect(self.save_problems)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_label)
        layout.addWidget(self.problem_view, 1)
        layout.addLayout(row)
        return page

    def _show_result(self, text: str, style: str, problems: bool = False) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(style)
        for widget in (self.problem_view, self.copy_button, self.save_button):
            widget.setVisible(problems)
        self._show_page(RESULT_PAGE)

    def _show_problems(self, problems: list[ImportProblem]) -> None:
        self.problems = problems
        self.imported = None
        self.problem_view.show_problems(problems)
        text = self.tr("Nothing was imported. The file has {count} problem(s); correct them "
                       "in Excel and import the file again.").format(count=len(problems))
        self._show_result(text, ERROR_STYLE, problems=True)

    def problem_model(self) -> ProblemTableModel | None:
        return self.problem_view.problem_model()

    def problems_text(self) -> str:
        """Every problem on its own line, each line complete in itself (for pasting anywhere)."""
        return "\n".join(describe_problem(p) for p in self.problems)

    def copy_problems(self) -> None:
        self.problem_view.copy()

    def save_problems(self) -> str | None:
        model = self.problem_model()
        if model is None:
            return None
        suffix = QCoreApplication.translate("ImportDialog", "problems")
        default = str(Path(last_folder()) / f"{Path(self.path()).stem}-{suffix}")
        path, chosen = save_file_name(
            self, self.tr("Save the problems"), default + ".xlsx",
            ";;".join((translated(XLSX_FILTER), self.tr("CSV file (*.csv)"))))
        if not path:
            return None
        path = with_suffix(path, ".csv" if "csv" in chosen.lower() else ".xlsx")
        try:
            save_problems(path, model)
        except OSError as error:
            show_error(self, error)
            return None
        remember_folder(path)
        return path

    # --- buttons and pages ---------------------------------------------------

    def _make_buttons(self) -> None:
        self.back_button = QPushButton(self.tr("< &Back"))
        self.back_button.clicked.connect(self._back)
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self._next)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.next_button.setText(self.tr("&Next >") if page == CHOOSE_PAGE
                                 else self.tr("&Import"))
        self.next_button.setVisible(page != RESULT_PAGE)
        self.back_button.setVisible(page != CHOOSE_PAGE)
        self.close_button.setText(self.tr("Close") if page == RESULT_PAGE else self.tr("Cancel"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self.pages.currentIndex()
        self.back_button.setEnabled(True)
        if page == CHOOSE_PAGE:
            self.next_button.setEnabled(bool(self.path()))
        elif page == COLUMNS_PAGE:
            missing, twice = self._unmapped_required(), self._twice_mapped()
            self.next_button.setEnabled(not missing and not twice)
            self.columns_hint.setText(self._columns_hint(missing, twice))

    def _columns_hint(self, missing: list[str], twice: list[str]) -> str:
        if missing:
            return self.tr("Choose a column for every field marked *.")
        if twice:
            return self.tr("Column “{header}” is chosen for two fields.").format(header=twice[0])
        return ""

    def _next(self) -> None:
        if self.pages.currentIndex() == CHOOSE_PAGE:
            self.inspect()
        else:
            self.start_import()

    def _back(self) -> None:
        page = self.pages.currentIndex()
        target = COLUMNS_PAGE if page == RESULT_PAGE and self.mapping_combos else CHOOSE_PAGE
        self._show_page(target)
