"""The two forms of the Objections view: record an objection, decide one.

Each dialog saves through a DbOp and stays open with the reason shown when
the operation is refused (a missing field, a role that may not decide), so
nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from db import publications
from db.publications import DISMISSED, UPHELD, Objection, PublishedNotice
from desktop.common import AppContext, chosen_date, date_edit
from desktop.i18n import describe_error
from desktop.printing.objections_models import kind_label, version_text

ERROR_STYLE = "color: #b71c1c;"


class _SavingDialog(QDialog):
    """A form that saves with ``self._save(fn)`` and shows refusals under the fields."""

    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.form = QFormLayout(self)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.saved: Any = None

    def _finish_form(self) -> None:
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    def save(self) -> None:
        raise NotImplementedError

    def _save(self, fn: Callable[[Any], Any]) -> None:
        self.buttons.setEnabled(False)
        self._ctx.op(fn).success(self._done).failure(self._refused).run_in_background()

    def _done(self, result: Any) -> None:
        self.saved = result
        self.buttons.setEnabled(True)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(describe_error(error))


class ObjectionDialog(_SavingDialog):
    """登记异议: which notice, who, about which entry, what, when."""

    def __init__(self, ctx: AppContext, notices: Sequence[PublishedNotice],
                 chosen: PublishedNotice | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Record an objection"))
        self.setMinimumWidth(520)
        self.notice = QComboBox()
        for notice in notices:
            self.notice.addItem(f"{kind_label(notice.kind)} · {version_text(notice.version)}",
                                notice)
        if chosen is not None and chosen in notices:
            self.notice.setCurrentIndex(list(notices).index(chosen))
        self.objector = QLineEdit()
        self.household = QLineEdit()
        self.household.setPlaceholderText(self.tr("if the objector is a registered household"))
        self.contact = QLineEdit()
        self.item = QLineEdit()
        self.item.setPlaceholderText(self.tr("e.g. household D012, or line 5"))
        self.text = QPlainTextEdit()
        self.text.setMinimumHeight(90)
        self.received = date_edit(date.today())
        for label, widget in ((self.tr("Notice:"), self.notice),
                              (self.tr("Objector:"), self.objector),
                              (self.tr("Household code:"), self.household),
                              (self.tr("Contact:"), self.contact),
                              (self.tr("Entry objected to:"), self.item),
                              (self.tr("Objection:"), self.text),
                              (self.tr("Received on:"), self.received)):
            self.form.addRow(label, widget)
        self._finish_form()

    def save(self) -> None:
        notice: PublishedNotice | None = self.notice.currentData()
        project_id = self._ctx.project_id
        if notice is None or project_id is None:
            return
        values = {"objector": self.objector.text(), "item": self.item.text(),
                  "text": self.text.toPlainText(), "received_on": chosen_date(self.received),
                  "household_code": self.household.text(), "contact": self.contact.text()}
        actor = self._ctx.actor
        self._save(lambda s: publications.record_objection(
            s, project_id=project_id, kind=notice.kind, version=notice.version, actor=actor,
            **values))


class ResolveDialog(_SavingDialog):
    """处理异议: upheld (the notice is corrected in its next version) or dismissed, and why."""

    def __init__(self, ctx: AppContext, objection: Objection,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.objection = objection
        self.setWindowTitle(self.tr("Decide objection {number}").format(
            number=objection.number))
        self.setMinimumWidth(520)
        summary = QLabel(f"{objection.masked_objector} · {objection.item}\n{objection.text}")
        summary.setWordWrap(True)
        self.upheld = QRadioButton(self.tr("Upheld: the next version corrects the notice"))
        self.dismissed = QRadioButton(self.tr("Dismissed"))
        self.upheld.setChecked(True)
        self.outcomes = QButtonGroup(self)
        choices = QHBoxLayout()
        for button in (self.upheld, self.dismissed):
            self.outcomes.addButton(button)
            choices.addWidget(button)
        self.resolution = QPlainTextEdit()
        self.resolution.setMinimumHeight(90)
        self.decided = date_edit(max(date.today(), objection.received_on))
        self.form.addRow(self.tr("Objection:"), summary)
        self.form.addRow(self.tr("Decision:"), choices)
        self.form.addRow(self.tr("Reason:"), self.resolution)
        self.form.addRow(self.tr("Decided on:"), self.decided)
        self._finish_form()

    def save(self) -> None:
        project_id = self._ctx.project_id
        if project_id is None:
            return
        outcome = UPHELD if self.upheld.isChecked() else DISMISSED
        text, day, actor = self.resolution.toPlainText(), chosen_date(self.decided), self._ctx.actor
        number = self.objection.number
        self._save(lambda s: publications.resolve_objection(
            s, project_id=project_id, number=number, outcome=outcome, resolution=text,
            decided_on=day, actor=actor))
