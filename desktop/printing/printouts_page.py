"""The Printouts page: choose a document, preview its pages, save it as PDF or print it.

Two tabs: *Documents* (this module) and *Publications and objections*
(:class:`~desktop.printing.objections_page.ObjectionsPage`).

Making a document takes three steps (see desktop/printing/documents.py): the data is
read on the database worker, the pages are laid out on the render thread
(a batch of 199 agreements shows its progress and can be cancelled), and
the preview shows the very bytes that *Save* writes and *Print* prints. A
public notice previews with the version it will be registered as (第N版);
saving or printing it registers it in the same transaction. Changing an
option, or the data changing, makes the preview stale: preview again.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.papers import NOT_CHOSEN
from db.publications import NOTICE_KINDS, PublishedNotice
from desktop.common import (
    AppContext,
    Changes,
    ProjectPage,
    chosen_date,
    date_edit,
    optional_date,
    optional_date_edit,
    save_file_name,
)
from desktop.i18n import describe_error
from desktop.printing.data import DEFAULT_OFFICE, DEFAULT_PAYMENT_TERM
from desktop.printing.documents import (
    BATCH_KINDS,
    FILE_WORDS,
    KIND_LABELS,
    KINDS,
    Prepared,
    PrintCancelled,
    PrintRequest,
    Rendered,
    prepare,
    publish,
    version_label,
)
from desktop.printing.job import RenderJob
from desktop.printing.objections_page import ObjectionsPage
from desktop.printing.pdf_preview import PdfPreview
from printouts import Agreement, DayNotice, ScheduleNotice, VoidNotice

OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #b71c1c;"


class PrintoutsPage(QWidget):
    """``PrintoutsPage(ctx)``: the Documents tab and the Publications and objections tab."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.documents = DocumentsTab(ctx)
        self.objections = ObjectionsPage(ctx)
        self.documents.published.connect(lambda _notice: self.objections.reload())
        self.tabs = QTabWidget()
        self.tabs.addTab(self.documents, self.tr("Documents"))
        self.tabs.addTab(self.objections, self.tr("Publications and objections"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def set_project(self) -> None:
        self.documents.set_project()
        self.objections.set_project()


class DocumentsTab(ProjectPage, QWidget):
    """Options on the left, the preview on the right; Preview, Save as PDF, Print."""

    published = Signal(object)  # a PublishedNotice, after saving or printing a notice
    # Whatever a document prints from: a change to any of it makes the preview stale.
    follows = ("households", "flats", "rules", "draw", "session", "casework", "publications")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow(ctx)
        self.prepared: Prepared | None = None
        self.rendered: Rendered | None = None
        self.job: RenderJob | None = None
        self._generation = 0
        self._build()

    # --- building ----------------------------------------------------------------

    def _build(self) -> None:
        self.preview = PdfPreview()
        self.preview.clear(self.tr("Choose a document and press Preview."))
        layout = QHBoxLayout(self)
        layout.addWidget(self._options_panel())
        layout.addWidget(self.preview, 1)
        self._kind_chosen()

    def _options_panel(self) -> QWidget:
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(QCoreApplication.translate("Printing", KIND_LABELS[kind]), kind)
        self.household = QLineEdit()
        self.household.setPlaceholderText(self.tr("all households"))
        self.start = date_edit(date.today())
        self.days = QSpinBox()
        self.days.setRange(1, 90)
        self.days.setValue(7)
        self.days.setSuffix(self.tr(" days"))
        self.office = QLineEdit(DEFAULT_OFFICE)
        # The agreement's terms that are not in the data (Decree 590 Art. 25).
        self.payment_term = QLineEdit(DEFAULT_PAYMENT_TERM)
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("e.g. the resettlement estate's name"))
        self.moving_deadline = optional_date_edit(self.tr("30 days after the session"))
        self.handover = optional_date_edit(self.tr("as notified in writing"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Document:"), self.kind)
        form.addRow(self.tr("Household:"), self.household)
        form.addRow(self.tr("Objection period from:"), self.start)
        form.addRow(self.tr("Objection period:"), self.days)
        form.addRow(self.tr("Office:"), self.office)
        self.terms = (self.payment_term, self.location, self.moving_deadline, self.handover)
        form.addRow(self.tr("Balance paid:"), self.payment_term)
        form.addRow(self.tr("New flats at:"), self.location)
        form.addRow(self.tr("Move out by:"), self.moving_deadline)
        form.addRow(self.tr("Flats handed over by:"), self.handover)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        for signal in (self.household.textEdited, self.start.dateChanged,
                       self.days.valueChanged, self.office.textEdited,
                       self.payment_term.textEdited, self.location.textEdited,
                       self.moving_deadline.dateChanged, self.handover.dateChanged):
            signal.connect(self._stale)
        return self._panel(form)

    def _panel(self, form: QFormLayout) -> QWidget:
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.preview_button.clicked.connect(self.make_preview)
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v of %m"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("P&rint…"))
        self.print_button.clicked.connect(self.print_document)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        panel = QWidget()
        panel.setFixedWidth(330)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(self.note)
        for row in ((self.preview_button, self.cancel_button),
                    (self.save_button, self.print_button)):
            line = QHBoxLayout()
            for button in row:
                line.addWidget(button)
            column.addLayout(line)
        column.addWidget(self.progress)
        column.addWidget(self.status)
        column.addStretch(1)
        self._busy(False)
        return panel

    # --- options -----------------------------------------------------------------

    @property
    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def choose_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def request(self) -> PrintRequest:
        household = self.household.text().strip() or None
        kind = self.current_kind
        return PrintRequest(kind, self._ctx.project_name, chosen_date(self.start),
                            self.days.value(), self.office.text().strip() or DEFAULT_OFFICE,
                            household=household if kind in BATCH_KINDS else None,
                            payment_term=self.payment_term.text().strip()
                            or DEFAULT_PAYMENT_TERM,
                            location=self.location.text().strip(),
                            moving_deadline=optional_date(self.moving_deadline),
                            handover_date=optional_date(self.handover),
                            actor=self._ctx.actor)

    def _kind_chosen(self) -> None:
        kind = self.current_kind
        notice = kind in NOTICE_KINDS
        self.household.setEnabled(kind in BATCH_KINDS)
        self.start.setEnabled(notice)
        self.days.setEnabled(notice)
        for term in self.terms:
            term.setEnabled(kind == Agreement.kind)
        if notice:
            self.note.setText(self.tr("A public notice: saving or printing it registers it as "
                                      "its next version, with this objection period."))
            if kind == DayNotice.kind:
                self.note.setText(self.note.text() + " " + self.tr(
                    "It reports the session day the objection period starts on."))
            elif kind == ScheduleNotice.kind:
                self.note.setText(self.note.text() + " " + self.tr(
                    "It prints the stored session plan (anju plan set)."))
            elif kind == VoidNotice.kind:
                self.note.setText(self.note.text() + " " + self.tr(
                    "It reports the newest voided selection session."))
        elif kind in BATCH_KINDS:
            self.note.setText(self.tr("One section per household, each numbering its own "
                                      "pages."))
        else:
            self.note.setText("")
        self._stale()

    def set_project(self) -> None:
        self._forget(self.tr("Choose a document and press Preview."))

    def reload(self) -> None:
        self._stale()  # a preview is made on request, never read again behind the operator's back

    def refresh(self, changes: Changes, initiator: Any) -> None:
        if self.prepared is not None:
            self._stale()

    def _stale(self) -> None:
        if self.prepared is not None and self.rendered is not None:
            self.save_button.setEnabled(False)
            self.print_button.setEnabled(False)
            self._say(self.tr("The options or the data changed: preview again."))

    def _forget(self, note: str) -> None:
        self._generation += 1
        if self.job is not None:
            self.job.cancel()
        self.job = None
        self.prepared = self.rendered = None
        self.preview.clear(note)
        self._busy(False)
        self._say("")

    # --- preview -----------------------------------------------------------------

    def make_preview(self) -> None:
        """Read the data on the database worker, then lay the pages out on the render thread."""
        if self._ctx.project_id is None:
            return
        self._forget(self.tr("Reading the data…"))
        self._busy(True)
        generation, request = self._generation, self.request()
        (self._ctx.op(lambda s: prepare(s, request), read_only=True)
         .success(lambda prepared: self._render(generation, prepared))
         .failure(lambda error: self._failed(generation, error))
         .run_in_background())

    def _render(self, generation: int, prepared: Prepared) -> None:
        if generation != self._generation:
            return
        self.prepared = prepared
        self.preview.clear(self.tr("Laying out the pages…"))
        job = RenderJob(prepared, self)
        job.progressed.connect(self._progressed)
        job.finished.connect(lambda rendered: self._rendered(generation, rendered))
        job.failed.connect(lambda error: self._failed(generation, error))
        self.job = job
        job.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _rendered(self, generation: int, rendered: Rendered) -> None:
        if generation != self._generation or self.prepared is None:
            return
        self.job = None
        self.rendered = rendered
        pages = self.preview.set_pdf(rendered.pdf)
        self._busy(False)
        self._say(self._preview_text(self.prepared, pages), OK_STYLE)

    def _preview_text(self, prepared: Prepared, pages: int) -> str:
        parts = [self.tr("{pages} pages").format(pages=pages)]
        if prepared.version is not None:
            parts.append(self.tr("will be registered as {version}").format(
                version=version_label(prepared.version, prepared.answers)))
        if prepared.items:
            parts.append(self.tr("{count} households").format(count=prepared.sections))
        waiting = sum(1 for s in prepared.skipped if s.reason == NOT_CHOSEN)
        if waiting:
            parts.append(self.tr("{count} households have not chosen a flat yet").format(
                count=waiting))
        changed = [s.code for s in prepared.skipped if s.reason != NOT_CHOSEN]
        if changed:
            parts.append(self.tr("left out, entitlement or price changed since the desk: "
                                 "{codes}").format(codes="、".join(changed)))
        return self.tr("; ").join(parts)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self._say(self.tr("Cancelling…"))

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.job = None
        self.prepared = None
        self._busy(False)
        if isinstance(error, PrintCancelled):
            self.preview.clear(self.tr("Cancelled: nothing was made."))
            self._say(self.tr("Cancelled."))
            return
        self.preview.clear("")
        self._say(describe_error(error), ERROR_STYLE)

    def _busy(self, busy: bool) -> None:
        self.preview_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
        ready = not busy and self.rendered is not None
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    def _say(self, text: str, style: str = "") -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)

    # --- save and print ----------------------------------------------------------

    def ask_save_path(self) -> Path | None:
        """The file to write (tests replace this; the dialog is modal)."""
        assert self.prepared is not None
        request = self.prepared.request
        word = FILE_WORDS.get(request.kind, request.kind)
        name = f"{request.household}-{word}.pdf" if request.household else f"{request.kind}.pdf"
        path, _filter = save_file_name(
            self, self.tr("Save as PDF"), name, self.tr("PDF files (*.pdf)"))
        return Path(path) if path else None

    def save(self) -> None:
        if self.prepared is None or self.rendered is None:
            return
        path = self.ask_save_path()
        if path is None:
            return
        prepared, rendered = self.prepared, self.rendered
        self._busy(True)
        self.progress.setVisible(False)
        (self._ctx.op(lambda s: publish(s, prepared, rendered, path), initiator=self)
         .success(lambda notice: self._published(notice, path))
         .failure(self._publish_failed)
         .run_in_background())

    def _published(self, notice: PublishedNotice | None, path: Path | None) -> None:
        self._busy(False)
        where = self.tr("Saved {path}.").format(path=path) if path else self.tr("Printed.")
        if notice is None:
            self._say(where, OK_STYLE)
            return
        # Registered: the next printing is the next version, so this preview is used up.
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self._say(where + " " + self.tr("Registered as {version}, objection period until "
                                        "{end}.").format(version=notice.label,
                                                         end=notice.period_end.isoformat()),
                  OK_STYLE)
        self.published.emit(notice)

    def _publish_failed(self, error: BaseException) -> None:
        self._busy(False)
        self._say(describe_error(error), ERROR_STYLE)

    def ask_printer(self) -> QPrinter | None:
        """A printer chosen in the system's print dialog (tests replace this)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def print_document(self) -> None:
        """Print the previewed pages; a public notice is registered first, then printed."""
        if self.prepared is None or self.rendered is None:
            return
        printer = self.ask_printer()
        if printer is None:
            return
        if not printer.isValid():  # found before a notice is registered for nothing
            self._say(self._not_printed_text(), ERROR_STYLE)
            return
        prepared, rendered = self.prepared, self.rendered
        if prepared.version is None:
            if self._paint(printer):
                self._say(self.tr("Printed."), OK_STYLE)
            return
        self._busy(True)
        (self._ctx.op(lambda s: publish(s, prepared, rendered, None), initiator=self)
         .success(lambda notice: self._printed(printer, notice))
         .failure(self._publish_failed)
         .run_in_background())

    def _printed(self, printer: QPrinter, notice: PublishedNotice | None) -> None:
        painted = self._paint(printer)
        self._published(notice, None)
        if not painted:  # registered (it was meant to be posted), but the paper is missing
            self._say(self._not_printed_text(), ERROR_STYLE)

    def _not_printed_text(self) -> str:
        return self.tr("The printer could not be opened: nothing was printed.")

    def _paint(self, printer: QPrinter) -> int:
        pages = self.preview.page_count()
        dialog = QProgressDialog(self.tr("Printing…"), self.tr("Stop"), 0, pages, self)
        dialog.setMinimumDuration(800)

        def step(done: int, _total: int) -> bool:
            dialog.setValue(done)
            QCoreApplication.processEvents()
            return not dialog.wasCanceled()

        try:
            painted = self.preview.print_to(printer, step)
        finally:
            dialog.close()
        if not painted:
            self._say(self._not_printed_text(), ERROR_STYLE)
        return painted
