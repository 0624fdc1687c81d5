"""Who is signed in, on the status bar: switch user, sign out, and a sign-in after restore."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

import db.admin.users as users
from desktop.common.context import AppContext
from desktop.shell.main_window import MainWindow
from tests.desktop.conftest import settle

PASSWORD = "anju-admin-2026"


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    with ctx.factory.begin() as s:
        users.create_user(s, name="admin", role=users.ADMIN, password=PASSWORD, actor="admin")
        users.create_user(s, name="王操作", role=users.OPERATOR, password=PASSWORD + "o",
                          actor="admin")
    ctx.actor = "admin"
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, lambda: window.counts_label.text() != "")
    return window


def _sign_in(qtbot: QtBot, window: MainWindow, name: str, password: str) -> None:
    dialog = window.sign_in_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.name_edit.setText(name)
    dialog.password_edit.setText(password)
    dialog.accept()


def test_the_status_bar_names_the_user_and_switches_to_another(qtbot: QtBot,
                                                               ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    bar = window.signed_in_bar
    assert bar.isVisible() and "admin" in bar.label.text()
    bar.switch_button.click()
    _sign_in(qtbot, window, "王操作", "wrong password")
    assert window.sign_in_dialog is not None  # refused: still asking, still admin
    assert ctx.actor == "admin"
    window.sign_in_dialog.password_edit.setText(PASSWORD + "o")
    window.sign_in_dialog.accept()
    assert window.sign_in_dialog is None
    assert ctx.actor == "王操作" and "王操作" in bar.label.text()


def test_cancelling_a_switch_keeps_the_user(qtbot: QtBot, ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    window.signed_in_bar.switch_button.click()
    assert window.sign_in_dialog is not None
    window.sign_in_dialog.done(QDialog.DialogCode.Rejected)
    assert window.isVisible() and ctx.actor == "admin"


def test_cancelling_the_sign_in_after_a_sign_out_closes_the_window(qtbot: QtBot,
                                                                   ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    window.signed_in_bar.sign_out_button.click()
    assert window.sign_in_dialog is not None
    window.sign_in_dialog.done(QDialog.DialogCode.Rejected)
    assert not window.isVisible()


def test_signing_in_again_is_against_the_users_now_in_the_database(qtbot: QtBot,
                                                                  ctx: AppContext) -> None:
    """What a restore does after it replaced the database: the old user may be gone."""
    window = _window(qtbot, ctx)
    with ctx.factory.begin() as s:
        users.change_user(s, name="王操作", active=False, actor="admin")
    window.sign_in_again(required=True)
    _sign_in(qtbot, window, "王操作", PASSWORD + "o")
    assert window.sign_in_dialog is not None and ctx.actor == "admin"  # refused
    window.sign_in_dialog.name_edit.setText("admin")
    window.sign_in_dialog.password_edit.setText(PASSWORD)
    window.sign_in_dialog.accept()
    assert window.sign_in_dialog is None and window.isVisible()
