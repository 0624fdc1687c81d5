"""Case log tabs for visits, notes and files: a list, a small form to add, and removal.

Entries are stored as they are typed (no undo stack): each is one audited
change, and a mistake is corrected by deleting the entry, which the audit
log keeps too.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from allocation.casework import VisitMethod
from db import casework
from db.casework import CaseLog
from desktop.casework.case_host import CaseHost
from desktop.casework.intention_tab import IntentionForm, build_intention
from desktop.casework.labels import day_text, label
from desktop.casework.tables import RowsModel, rows_view, selected_payload
from desktop.common import chosen_date, date_edit, open_file_name


def first_name(visitors: str) -> str:
    """The first of the visitors as written (李一、张二 -> 李一): who recorded what was said."""
    return visitors.replace("，", "、").replace(",", "、").split("、")[0].strip()


def _text_box(height: int = 60) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setFixedHeight(height)
    return box


class VisitsTab(QWidget):
    """Visits and contacts, newest first; add one with its date, way, people and summary."""

    def __init__(self, case: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.model = RowsModel([self.tr("Date"), self.tr("How"), self.tr("Visitors"),
                                self.tr("Summary")], self)
        self.table = rows_view(self.model, stretch=3)
        self.date_edit = date_edit()
        self.method_combo = QComboBox()
        for method in VisitMethod:
            self.method_combo.addItem(label(method), method.value)
        self.visitors_edit = QLineEdit()
        self.visitors_edit.setPlaceholderText(self.tr("e.g. 李一、张二"))
        self.summary_edit = _text_box()
        # What the household said it wants can be recorded with the visit it said it in.
        self.intention_check = QCheckBox(self.tr("The household stated its intention:"))
        self.intention_form = IntentionForm()
        self.intention_form.setEnabled(False)
        self.intention_check.toggled.connect(self.intention_form.setEnabled)
        self.add_button = QPushButton(self.tr("&Add visit"))
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton(self.tr("Delete the selected visit"))
        self.delete_button.clicked.connect(self.delete)
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.date_edit)
        row.addWidget(self.method_combo)
        row.addWidget(self.visitors_edit, 1)
        form.addRow(self.tr("When, how, who"), row)
        form.addRow(self.tr("Summary"), self.summary_edit)
        form.addRow(self.intention_check)
        form.addRow(self.intention_form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def show_log(self, log: CaseLog) -> None:
        self.model.set_rows([[day_text(v.visited_on), label(v.method), v.visitors, v.summary]
                             for v in log.visits], [v.id for v in log.visits],
                            [v.summary for v in log.visits])

    def add(self) -> None:
        household_id, actor = self.case.household_id, self.case.ctx.actor
        on = chosen_date(self.date_edit)
        method = VisitMethod(self.method_combo.currentData())
        visitors = self.visitors_edit.text() or actor
        summary = self.summary_edit.toPlainText()
        wanted = self.intention_form.values() if self.intention_check.isChecked() else None

        def store(session: Session) -> None:
            casework.add_visit(session, household_id=household_id, visited_on=on,
                               method=method, visitors=visitors, summary=summary, actor=actor)
            if wanted is not None:  # in the same transaction: both or neither
                casework.record_intention(
                    session, household_id=household_id, intention=build_intention(wanted),
                    recorded_on=on, recorded_by=first_name(visitors), actor=actor)

        self.case.run(store, done=self._added)

    def _added(self) -> None:
        self.summary_edit.clear()
        self.intention_check.setChecked(False)

    def delete(self) -> None:
        visit_id, actor = selected_payload(self.table), self.case.ctx.actor
        if visit_id is not None:
            self.case.run(lambda s: casework.delete_visit(s, visit_id=visit_id, actor=actor))


class NotesTab(QWidget):
    """Free notes, signed by whoever wrote them."""

    def __init__(self, case: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.model = RowsModel([self.tr("Date"), self.tr("By"), self.tr("Note")], self)
        self.table = rows_view(self.model, stretch=2)
        self.text_edit = _text_box()
        self.add_button = QPushButton(self.tr("&Add note"))
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton(self.tr("Delete the selected note"))
        self.delete_button.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.text_edit)
        layout.addLayout(buttons)

    def show_log(self, log: CaseLog) -> None:
        self.model.set_rows([[day_text(n.written_on), n.author, n.text] for n in log.notes],
                            [n.id for n in log.notes], [n.text for n in log.notes])

    def add(self) -> None:
        household_id, actor, text = (self.case.household_id, self.case.ctx.actor,
                                     self.text_edit.toPlainText())
        self.case.run(lambda s: casework.add_note(
            s, household_id=household_id, text=text, written_on=date.today(), actor=actor),
            done=self.text_edit.clear)

    def delete(self) -> None:
        note_id, actor = selected_payload(self.table), self.case.ctx.actor
        if note_id is not None:
            self.case.run(lambda s: casework.delete_note(s, note_id=note_id, actor=actor))


def ask_attachment(parent: QWidget) -> str | None:
    path, _filter = open_file_name(
        parent, QCoreApplication.translate("FilesTab", "Attach a file"))
    return path or None


class FilesTab(QWidget):
    """Files referred to by path (scans, photos), with a check that each is still the same."""

    def __init__(self, case: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.model = RowsModel([self.tr("Title"), self.tr("Added"), self.tr("File"),
                                self.tr("State")], self)
        self.table = rows_view(self.model, stretch=2)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Title (the file's name if empty)"))
        self.attach_button = QPushButton(self.tr("&Attach a file…"))
        self.attach_button.clicked.connect(self.attach)
        self.remove_button = QPushButton(self.tr("Remove the selected reference"))
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.title_edit, 1)
        buttons.addWidget(self.attach_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def show_log(self, log: CaseLog) -> None:
        states = {"ok": self.tr("unchanged"), "missing": self.tr("missing"),
                  "changed": self.tr("changed since attached")}
        self.model.set_rows([[a.title, day_text(a.added_on), a.path,
                              states[casework.attachment_state(a.path, a.sha256)]]
                             for a in log.attachments], list(log.attachments),
                            [a.sha256 for a in log.attachments])

    def attach(self) -> None:
        path = ask_attachment(self)
        if path is None:
            return
        household_id, actor, title = (self.case.household_id, self.case.ctx.actor,
                                      self.title_edit.text())
        self.case.run(lambda s: casework.add_attachment(
            s, household_id=household_id, path=Path(path), title=title, added_on=date.today(),
            actor=actor), done=self.title_edit.clear)

    def remove(self) -> None:
        entry, actor = selected_payload(self.table), self.case.ctx.actor
        if entry is not None:
            self.case.run(lambda s: casework.delete_attachment(
                s, attachment_id=entry.id, actor=actor))

    def open_selected(self) -> None:
        entry = selected_payload(self.table)
        if entry is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(entry.path))
