"""The desk's small dialogs: the session's settings, a proxy, a supervisor's revocation.

Each has a static ``ask`` that runs it modally and returns what was entered
(None when cancelled); tests replace ``ask`` or fill the fields and call
``accept``. The database checks everything again: these only catch typing
mistakes early.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from allocation.errors import ValidationError
from allocation.registry import validate_id
from db.selection import SessionSettings
from desktop.i18n import describe_error

ERROR_STYLE = "color: #b71c1c; font-weight: bold;"
MAX_NAME = 64


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    return label


class OpenSessionDialog(QDialog):
    """The session's settings, defaulting to published practice (3 minutes, 3 calls)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open the selection session"))
        defaults = SessionSettings()
        self.seconds = QSpinBox()
        self.seconds.setRange(10, 3600)
        self.seconds.setSingleStep(30)
        self.seconds.setSuffix(self.tr(" s"))
        self.seconds.setValue(defaults.seconds_per_household)
        self.calls = QSpinBox()
        self.calls.setRange(1, 10)
        self.calls.setValue(defaults.calls_before_move)
        self.final_call = QCheckBox(self.tr("Call the passed-over households once more "
                                            "before closing"))
        self.final_call.setChecked(defaults.final_call)
        note = QLabel(self.tr("Every household of the draw's final order gets a turn, in "
                              "that order. The settings cannot be changed later."))
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("Time per household:"), self.seconds)
        form.addRow(self.tr("Calls before moving to the end:"), self.calls)
        form.addRow("", self.final_call)
        form.addRow(_buttons(self))

    def settings(self) -> SessionSettings:
        return SessionSettings(self.seconds.value(), self.calls.value(),
                               self.final_call.isChecked())

    @staticmethod
    def ask(parent: QWidget | None) -> SessionSettings | None:
        dialog = OpenSessionDialog(parent)
        return dialog.settings() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ProxyDialog(QDialog):
    """A representative's name and resident ID number (委托代理人), checked as typed."""

    def __init__(self, code: str, name: str = "", id_number: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Proxy for household {code}").format(code=code))
        self.name_edit = QLineEdit(name)
        self.name_edit.setMaxLength(MAX_NAME)
        self.id_edit = QLineEdit(id_number)
        self.id_edit.setMaxLength(18)
        self.id_edit.setPlaceholderText(self.tr("18 characters, as on the ID card"))
        self.error_label = _error_label()
        note = QLabel(self.tr("Check the written authorisation and both ID cards before "
                              "recording a proxy."))
        note.setWordWrap(True)
        self.buttons = _buttons(self)
        self.removed = False
        if name:  # a proxy is recorded: it may also be removed (the household came itself)
            remove = self.buttons.addButton(self.tr("Remove proxy"),
                                            QDialogButtonBox.ButtonRole.DestructiveRole)
            remove.clicked.connect(self.remove)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("Proxy's name:"), self.name_edit)
        form.addRow(self.tr("Proxy's ID number:"), self.id_edit)
        form.addRow(self.error_label)
        form.addRow(self.buttons)
        self.name_edit.textChanged.connect(self._check)
        self.id_edit.textChanged.connect(self._check)
        self._check()

    def problem(self) -> str:
        """What is wrong with the entry, in words ("" when it may be saved)."""
        if not self.name_edit.text().strip():
            return self.tr("Enter the proxy's name.")
        try:
            validate_id(self.id_edit.text())
        except ValidationError as error:
            params = {**error.params, "field": "proxy_id"}
            return describe_error(ValidationError("invalid_id_number", **params))
        return ""

    def _check(self) -> None:
        problem = self.problem()
        # Only complain about the ID once it is long enough to be judged.
        typing = len(self.id_edit.text().strip()) < 18 and bool(self.id_edit.text())
        self.error_label.setText("" if typing else problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def remove(self) -> None:
        self.removed = True
        self.accept()

    def values(self) -> tuple[str, str]:
        """(name, ID number); both empty when the proxy is to be removed."""
        if self.removed:
            return "", ""
        return self.name_edit.text().strip(), self.id_edit.text().strip().upper()

    @staticmethod
    def ask(parent: QWidget | None, code: str, name: str = "",
            id_number: str = "") -> tuple[str, str] | None:
        """(name, ID number) to record, ("", "") to remove the proxy, None if cancelled."""
        dialog = ProxyDialog(code, name, id_number, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


@dataclass(frozen=True, slots=True)
class Revocation:
    reason: str
    supervisor: str
    password: str


class RevokeDialog(QDialog):
    """A supervisor revokes a confirmed selection: the reason, their name and password."""

    def __init__(self, code: str, flat: str, supervisor: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revoke the selection of household {code}").format(
            code=code))
        note = QLabel(self.tr(
            "Flat {flat} returns to the stock and household {code} is called again next. "
            "The revocation, its reason and the supervisor are recorded in the audit log; "
            "the slip already printed stays void.").format(flat=flat, code=code))
        note.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("Why is the selection revoked?"))
        self.reason_edit.setMaximumHeight(90)
        self.supervisor_edit = QLineEdit(supervisor)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = _error_label()
        self.buttons = _buttons(self)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("Reason:"), self.reason_edit)
        form.addRow(self.tr("Supervisor:"), self.supervisor_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow(self.error_label)
        form.addRow(self.buttons)
        self.reason_edit.textChanged.connect(self._check)
        self.supervisor_edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        missing = not self.reason_edit.toPlainText().strip() or \
            not self.supervisor_edit.text().strip()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)
        self.error_label.setText(self.tr("A revocation needs a reason and a supervisor.")
                                 if missing else "")

    def values(self) -> Revocation:
        return Revocation(self.reason_edit.toPlainText().strip(),
                          self.supervisor_edit.text().strip(), self.password_edit.text())

    @staticmethod
    def ask(parent: QWidget | None, code: str, flat: str,
            supervisor: str = "") -> Revocation | None:
        dialog = RevokeDialog(code, flat, supervisor, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


class DeclineDialog(QDialog):
    """The household at the desk takes no flat: why (a choice of the usual reasons, or text)."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Household {code} takes no flat").format(code=code))
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("e.g. no flat it may take is left"))
        self.buttons = _buttons(self)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("The household's turn ends without a flat. This is recorded "
                              "with the reason and cannot be undone at the desk."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.reason_edit.text().strip()))

    @staticmethod
    def ask(parent: QWidget | None, code: str) -> str | None:
        dialog = DeclineDialog(code, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.reason_edit.text().strip() if accepted else None
