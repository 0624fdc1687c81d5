"""Signing in: the first start creates the administrator; later starts ask for name and password.

The database decides (db/admin/users.py): with no users it is in set-up mode and
this dialog asks for the first administrator; otherwise for a user's name
and password, checked with the slow hash. A wrong name and a wrong password
get the same answer. The signed-in name is the actor of every operation.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db import admin as users
from desktop.common import AppContext
from desktop.i18n import describe_error


class SignInDialog(QDialog):
    """Sign in, or (first start) create the administrator; ``user`` is set on success."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.user: users.User | None = None
        self.first_start = ctx.op(users.setup_mode, read_only=True).run_now()
        self.setWindowTitle(self.tr("Create the administrator") if self.first_start
                            else self.tr("Sign in to Anju"))
        self.name_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.name_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        layout = QVBoxLayout(self)
        if self.first_start:
            intro = QLabel(self.tr(
                "This database has no users yet. Create the administrator, who then adds "
                "the operators, supervisors and observers (Settings › Users). Keep the "
                "password safe: nobody can read it back."))
            intro.setWordWrap(True)
            layout.addWidget(intro)
            form.addRow(self.tr("&Repeat password:"), self.confirm_edit)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def accept(self) -> None:
        name, password = self.name_edit.text().strip(), self.password_edit.text()
        if self.first_start and password != self.confirm_edit.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        try:
            self.user = self._ctx.op(lambda s: self._sign_in(s, name, password)).run_now()
        except Exception as error:  # noqa: BLE001 - every refusal is shown in the dialog
            self.message.setText(describe_error(error))
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        super().accept()

    def _sign_in(self, session: object, name: str, password: str) -> users.User:
        if self.first_start:
            return users.create_user(session, name=name, role=users.ADMIN,  # type: ignore[arg-type]
                                     password=password, actor=name)
        return users.authenticate(session, name, password)  # type: ignore[arg-type]


class SignedInBar(QWidget):
    """Who is signed in, on the main window's status bar, with 切换用户 and 退出登录.

    The window decides what each button does (desktop/shell/main_window.py): both
    ask for a sign-in; cancelling a switch keeps the user, cancelling after a
    sign-out closes the window.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.switch_button = QToolButton()
        self.switch_button.setText(self.tr("Switch user"))
        self.sign_out_button = QToolButton()
        self.sign_out_button.setText(self.tr("Sign out"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.switch_button)
        layout.addWidget(self.sign_out_button)

    def show_user(self, name: str) -> None:
        self.label.setText(self.tr("Signed in: {name}").format(name=name))
        self.label.setToolTip(self.tr("Every change is recorded in the audit log as {name}'s")
                              .format(name=name))
