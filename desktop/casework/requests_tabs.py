"""Case log tabs for requests and suggestions (with their answers) and special cases.

A request is answered, closed or reopened from here; the buttons follow
its status, and the operation refuses a move its status does not allow
anyway (allocation.casework.request_transition), whatever the buttons say.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from allocation.casework import FlagKind, FlagStatus, RequestKind, RequestStatus
from db import casework as requests
from db.casework import CaseLog, FlagEntry, RequestEntry
from desktop.casework.case_host import CaseHost
from desktop.casework.labels import day_text, label
from desktop.casework.tables import RowsModel, rows_view, selected_payload
from desktop.common import chosen_date, date_edit


class RequestsTab(QWidget):
    """The household's requests and suggestions, newest first, and the office's answers."""

    def __init__(self, case: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.model = RowsModel([self.tr("Received"), self.tr("Kind"), self.tr("Status"),
                                self.tr("Text"), self.tr("Answer"), self.tr("Answered by"),
                                self.tr("Answered"), self.tr("Closed")], self)
        self.table = rows_view(self.model, stretch=3)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.kind_combo = QComboBox()
        for kind in RequestKind:
            self.kind_combo.addItem(label(kind), kind.value)
        self.received_edit = date_edit()
        self.text_edit = QPlainTextEdit()
        self.text_edit.setFixedHeight(48)
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.clicked.connect(self.add)
        self.answer_edit = QPlainTextEdit()
        self.answer_edit.setFixedHeight(48)
        self.answered_edit = date_edit()
        self.answer_button = QPushButton(self.tr("A&nswer"))
        self.answer_button.clicked.connect(self.answer)
        self.close_button = QPushButton(self.tr("C&lose"))
        self.close_button.clicked.connect(self.close_request)
        self.reopen_button = QPushButton(self.tr("&Reopen"))
        self.reopen_button.clicked.connect(self.reopen)
        self._lay_out()
        self._update_buttons()

    def _lay_out(self) -> None:
        new = QHBoxLayout()
        new.addWidget(self.kind_combo)
        new.addWidget(self.received_edit)
        new.addWidget(self.text_edit, 1)
        new.addWidget(self.add_button)
        reply = QHBoxLayout()
        reply.addWidget(self.answer_edit, 1)
        reply.addWidget(self.answered_edit)
        for button in (self.answer_button, self.close_button, self.reopen_button):
            reply.addWidget(button)
        form = QFormLayout()
        form.addRow(self.tr("New"), new)
        form.addRow(self.tr("Answer to the selected"), reply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)

    def show_log(self, log: CaseLog) -> None:
        self.model.set_rows([
            [day_text(r.received_on), label(r.kind), label(r.status), r.text, r.answer,
             r.answered_by, day_text(r.answered_on), day_text(r.closed_on)]
            for r in log.requests], list(log.requests), [r.text for r in log.requests])
        self._update_buttons()

    def selected(self) -> RequestEntry | None:
        return selected_payload(self.table)  # type: ignore[no-any-return]

    def _update_buttons(self) -> None:
        found = self.selected()
        status = found.status if found else None
        self.answer_button.setEnabled(status is RequestStatus.OPEN)
        self.close_button.setEnabled(status is RequestStatus.ANSWERED)
        self.reopen_button.setEnabled(status in (RequestStatus.ANSWERED, RequestStatus.CLOSED))

    def add(self) -> None:
        household_id, actor = self.case.household_id, self.case.ctx.actor
        kind, text = RequestKind(self.kind_combo.currentData()), self.text_edit.toPlainText()
        on = chosen_date(self.received_edit)
        self.case.run(lambda s: requests.add_request(
            s, household_id=household_id, kind=kind, text=text, received_on=on, actor=actor),
            done=self.text_edit.clear)

    def answer(self) -> None:
        found, actor = self.selected(), self.case.ctx.actor
        if found is None:
            return
        answer, on = self.answer_edit.toPlainText(), chosen_date(self.answered_edit)
        self.case.run(lambda s: requests.answer_request(
            s, request_id=found.id, answer=answer, answered_on=on, actor=actor),
            done=self.answer_edit.clear)

    def close_request(self) -> None:
        found, actor = self.selected(), self.case.ctx.actor
        if found is not None:
            on = chosen_date(self.answered_edit)
            self.case.run(lambda s: requests.close_request(
                s, request_id=found.id, closed_on=on, actor=actor))

    def reopen(self) -> None:
        found, actor = self.selected(), self.case.ctx.actor
        if found is not None:
            self.case.run(lambda s: requests.reopen_request(s, request_id=found.id,
                                                            actor=actor))


class FlagsTab(QWidget):
    """Special cases (二孩指标, 新增人口, 补差价, hardship), each with its own status."""

    def __init__(self, case: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.model = RowsModel([self.tr("Case"), self.tr("Status"), self.tr("Raised"),
                                self.tr("Decided"), self.tr("Note")], self)
        self.table = rows_view(self.model, stretch=4)
        self.kind_combo = QComboBox()
        for kind in FlagKind:
            self.kind_combo.addItem(label(kind), kind.value)
        self.raised_edit = date_edit()
        self.note_edit = QLineEdit()
        self.add_button = QPushButton(self.tr("&Add case"))
        self.add_button.clicked.connect(self.add)
        self.status_combo = QComboBox()
        for status in FlagStatus:
            self.status_combo.addItem(label(status), status.value)
        self.decided_edit = date_edit()
        self.status_button = QPushButton(self.tr("&Set status"))
        self.status_button.clicked.connect(self.set_status)
        new = QHBoxLayout()
        for widget in (self.kind_combo, self.raised_edit, self.note_edit, self.add_button):
            new.addWidget(widget)
        change = QHBoxLayout()
        for widget in (self.status_combo, self.decided_edit, self.status_button):
            change.addWidget(widget)
        change.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("New"), new)
        form.addRow(self.tr("Selected case"), change)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)

    def show_log(self, log: CaseLog) -> None:
        self.model.set_rows([[label(f.kind), label(f.status), day_text(f.raised_on),
                              day_text(f.decided_on), f.note] for f in log.flags],
                            list(log.flags))

    def add(self) -> None:
        household_id, actor = self.case.household_id, self.case.ctx.actor
        kind, note = FlagKind(self.kind_combo.currentData()), self.note_edit.text()
        on = chosen_date(self.raised_edit)
        self.case.run(lambda s: requests.raise_flag(
            s, household_id=household_id, kind=kind, raised_on=on, note=note, actor=actor),
            done=self.note_edit.clear)

    def set_status(self) -> None:
        found: FlagEntry | None = selected_payload(self.table)
        if found is None:
            return
        status, on = FlagStatus(self.status_combo.currentData()), chosen_date(self.decided_edit)
        actor = self.case.ctx.actor
        self.case.run(lambda s: requests.set_flag_status(
            s, flag_id=found.id, status=status, on=on, actor=actor))
