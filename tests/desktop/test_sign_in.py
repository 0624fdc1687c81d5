"""Signing in with pytest-qt: the first start creates the administrator, later starts check."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

import db.admin.users as users
from desktop.admin.sign_in import SignInDialog
from desktop.common.context import AppContext

PASSWORD = "anju-admin-2026"


def _dialog(qtbot: QtBot, ctx: AppContext) -> SignInDialog:
    dialog = SignInDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_first_start_creates_the_administrator(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = _dialog(qtbot, ctx)
    assert dialog.first_start and dialog.confirm_edit.isVisible()
    qtbot.keyClicks(dialog.name_edit, "admin")
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.keyClicks(dialog.confirm_edit, PASSWORD + "x")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "differ" in dialog.message.text()
    dialog.confirm_edit.setText(PASSWORD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with ctx.factory() as s:
        assert [(u.name, u.role) for u in users.list_users(s)] == [("admin", users.ADMIN)]
        assert users.authenticate(s, "admin", PASSWORD).name == "admin"


def test_later_starts_check_the_password(qtbot: QtBot, ctx: AppContext) -> None:
    with ctx.factory.begin() as s:
        users.create_user(s, name="admin", role=users.ADMIN, password=PASSWORD, actor="admin")
    dialog = _dialog(qtbot, ctx)
    assert not dialog.first_start and not dialog.confirm_edit.isVisible()
    qtbot.keyClicks(dialog.name_edit, "admin")
    qtbot.keyClicks(dialog.password_edit, "not the password")
    dialog.accept()
    assert dialog.user is None and "wrong user name or password" in dialog.message.text()
    assert dialog.password_edit.text() == ""  # cleared for the next try
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    dialog.accept()
    assert dialog.user is not None and dialog.user.role == users.ADMIN


def test_the_app_starts_with_the_sign_in_and_cancel_quits(qtbot: QtBot, tmp_path,
                                                          monkeypatch) -> None:
    """No main window for someone who does not sign in."""
    import desktop.shell.main_window as main_window
    from desktop.shell.app import main as app_main

    shown: list[str] = []
    monkeypatch.setattr(SignInDialog, "exec",
                        lambda self: shown.append(self.windowTitle()) or 0)
    monkeypatch.setattr(main_window.MainWindow, "show", lambda self: shown.append("window"))
    assert app_main(url=f"sqlite:///{tmp_path / 'a.sqlite3'}", language="en") == 0
    assert shown == ["Create the administrator"]


def test_the_administrator_manages_users_and_an_operator_cannot(qtbot: QtBot,
                                                                ctx: AppContext) -> None:
    from desktop.admin.users_dialog import UsersDialog

    with ctx.factory.begin() as s:
        users.create_user(s, name="admin", role=users.ADMIN, password=PASSWORD, actor="admin")
    ctx.actor = "admin"
    dialog = UsersDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("李办事员")
    dialog.password_edit.setText("operator-pass-1")
    dialog.add_user()  # the role box starts at operator
    assert dialog.table.rowCount() == 2 and "added" in dialog.message.text()
    row = next(r for r in range(2) if dialog.table.item(r, 0).text() == "李办事员")
    dialog.table.selectRow(row)
    dialog.toggle_active()
    with ctx.factory() as s:
        listed = {u.name: u for u in users.list_users(s)}
    assert listed["李办事员"].role == users.OPERATOR and not listed["李办事员"].active
    ctx.actor = "李办事员"  # an operator (even reactivated) may not add anyone
    with ctx.factory.begin() as s:
        users.change_user(s, name="李办事员", active=True, actor="admin")
    dialog.name_edit.setText("王五")
    dialog.password_edit.setText("another-pass-1")
    dialog.add_user()
    assert "may not do this" in dialog.message.text()
    with ctx.factory() as s:
        assert len(users.list_users(s)) == 2
