"""The Audit page: every logged change, filterable, and the check that nothing changed behind it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.registry import AuditRow, audit_rows
from db.replay import AuditReport, verify_audit
from desktop.admin.audit_model import COL_FIELDS, AuditTableModel, ValueWords
from desktop.common import AppContext, Changes, ProjectPage
from desktop.i18n import check_finding, describe_error, event_entity, record_field, stored_in

OK_STYLE = "color: #1b5e20; font-weight: bold;"
BROKEN_STYLE = "color: #b71c1c; font-weight: bold;"


class AuditPage(ProjectPage, QWidget):
    """Lists audit events (this project's, or all) and runs `anju audit verify` on demand."""

    reloads_after_own_writes = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 value_words: ValueWords | None = None) -> None:
        super().__init__(parent)
        self.follow(ctx)
        self.model = AuditTableModel(self, value_words)
        self._build()

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by person, action, record or key"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.project_only = QCheckBox(self.tr("This project only"))
        self.project_only.setChecked(True)
        self.project_only.toggled.connect(self.reload)
        self.verify_button = QPushButton(self.tr("&Verify the audit log"))
        self.verify_button.clicked.connect(self.verify)
        self.count_label = QLabel()
        self.result_label = QLabel(self.tr(
            "The check replays every logged change and compares it with the data."))
        self.result_label.setWordWrap(True)
        bar = QHBoxLayout()
        for widget in (self.verify_button, self.search, self.project_only, self.count_label):
            bar.addWidget(widget)
        bar.setStretch(1, 1)
        self.table = self._table()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.result_label)
        layout.addWidget(self.table, 1)

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_FIELDS, QHeaderView.ResizeMode.Stretch)
        return table

    def follows_changes(self, changes: Changes, initiator: Any) -> bool:
        # Every write is an audit event, in this project or (all projects shown) another.
        return bool(changes) and (not self.project_only.isChecked()
                                  or changes.concerns(self._ctx.project_id))

    def reload(self) -> None:
        """Load the events on the database worker; the newest load wins."""
        project_id = self._ctx.project_id if self.project_only.isChecked() else None
        self._loads.run(lambda s: audit_rows(s, project_id), self._show)

    def _show(self, rows: list[AuditRow]) -> None:
        self.model.set_rows(rows)
        self._filter(self.search.text())
        self.table.scrollToBottom()

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        self.count_label.setText(self.tr("{shown} of {total} events").format(
            shown=self.model.rowCount(), total=self.model.total_count))

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.result_label.setText(self.tr("Checking…"))
        self.result_label.setStyleSheet("")
        project_id = self._ctx.project_id
        (self._ctx.op(lambda s: verify_audit(s, project_id), read_only=True)
         .success(self._show_report)
         .failure(self._show_failure)
         .run_in_background())

    def _show_report(self, report: AuditReport) -> None:
        self.verify_button.setEnabled(True)
        ok = report.ok
        self.result_label.setStyleSheet(OK_STYLE if ok else BROKEN_STYLE)
        self.result_label.setText(self._report_text(report))

    def _report_text(self, report: AuditReport) -> str:
        if report.chain_break is not None:
            found = report.chain_break
            return self.tr("The audit log is broken at event {seq} ({reason}): an event was "
                           "edited or deleted.").format(seq=found.seq,
                                                        reason=check_finding(found.reason))
        if report.mismatch is not None:
            found = report.mismatch
            return self.tr("The data differs from the audit log: {entity} {key}, {reason} "
                           "(field {field}; stored in {column}). It was changed outside "
                           "Anju.").format(
                entity=event_entity(found.entity), key=found.key,
                reason=check_finding(found.reason),
                field=record_field(found.field, found.entity) if found.field else "—",
                column=stored_in(found.table, found.column))
        return self.tr("The audit log is whole ({events} events) and the data matches "
                       "it.").format(events=report.events)

    def _show_failure(self, error: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.result_label.setStyleSheet(BROKEN_STYLE)
        self.result_label.setText(describe_error(error))

