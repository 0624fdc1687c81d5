"""Settings › Users: the administrator adds people, sets their role, resets a password, deactivates.

Every change goes through db/admin/users.py, which checks that the signed-in user
is an administrator — this dialog only shows what the database answers.
Users are never deleted (the audit log names them); they are deactivated.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import admin as users
from desktop.common import AppContext
from desktop.i18n import ROLE_NAMES, describe_error, tr


class UsersDialog(QDialog):
    """The list of users with add / change role / reset password / (de)activate."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("Users"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"),
                                              self.tr("Active")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.name_edit = QLineEdit()
        self.role_box = QComboBox()
        for role in users.ROLES:
            self.role_box.addItem(tr(ROLE_NAMES[role]), role)
        self.role_box.setCurrentIndex(users.ROLES.index(users.OPERATOR))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Role:"), self.role_box)
        form.addRow(self.tr("&Password:"), self.password_edit)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("&Add user"), self.add_user),
                           (self.tr("Set &role"), self.set_role),
                           (self.tr("Reset pass&word"), self.reset_password),
                           (self.tr("(De)&activate"), self.toggle_active)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(560, 460)

    def refresh(self) -> None:
        listed = self._ctx.op(users.list_users, read_only=True).run_now()
        self.table.setRowCount(len(listed))
        for row, user in enumerate(listed):
            values = (user.name, tr(ROLE_NAMES[user.role]),
                      self.tr("yes") if user.active else self.tr("no"))
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def selected_name(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.text() if item is not None else None

    # --- actions: each one call into db/admin/users.py as the signed-in user -----------

    def add_user(self) -> None:
        name, role, password = (self.name_edit.text(), self.role_box.currentData(),
                                self.password_edit.text())
        self._apply(lambda s: users.create_user(s, name=name, role=role, password=password,
                                                actor=self._ctx.actor),
                    self.tr("{name} added.").format(name=name.strip()))

    def set_role(self) -> None:
        name, role = self.selected_name(), self.role_box.currentData()
        if name is not None:
            self._apply(lambda s: users.change_user(s, name=name, role=role,
                                                    actor=self._ctx.actor),
                        self.tr("{name} is now: {role}.").format(
                            name=name, role=tr(ROLE_NAMES[role])))

    def reset_password(self) -> None:
        name, password = self.selected_name(), self.password_edit.text()
        if name is not None:
            self._apply(lambda s: users.change_user(s, name=name, password=password,
                                                    actor=self._ctx.actor),
                        self.tr("The password of {name} was changed.").format(name=name))

    def toggle_active(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        active = self.table.item(self.table.currentRow(), 2).text() == self.tr("yes")
        self._apply(lambda s: users.change_user(s, name=name, active=not active,
                                                actor=self._ctx.actor),
                    self.tr("{name} was deactivated.").format(name=name) if active
                    else self.tr("{name} was activated.").format(name=name))

    def _apply(self, change: object, done: str) -> None:
        try:
            self._ctx.op(change).run_now()  # type: ignore[arg-type]
        except Exception as error:  # noqa: BLE001 - the database's answer is shown as is
            self.message.setStyleSheet("color: #c62828;")
            self.message.setText(describe_error(error))
            return
        self.password_edit.clear()
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(done)
        self.refresh()
