"""Starting the desktop application: Qt, fonts, translations, the database, the main window.

``main()`` returns the process exit code: 0 after a normal close, 1 when the
database cannot be opened (after telling the operator why, in a dialog).
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import Engine

from db.store import database_url, open_database
from desktop import common as settings
from desktop.common import AppContext, wait_for_idle
from desktop.i18n import describe_error, init_translations

PREFERRED_FONTS = ("WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC")
FONT_POINT_SIZE = 10


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication, with names (for QSettings) and a font that has Chinese glyphs."""
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if existing is not None:
        # A console-only QCoreApplication (made for translating CLI output) cannot show
        # windows and Qt allows one application object: replace it.
        shiboken6.delete(existing)
    app = QApplication(list(argv) if argv is not None else sys.argv)
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("安居 Anju")
    _set_font(app)
    return app


def _set_font(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    for family in PREFERRED_FONTS:
        if family in families:
            app.setFont(QFont(family, FONT_POINT_SIZE))
            return


def open_context(url: str | None) -> tuple[Engine, AppContext]:
    """Open (and migrate) the database; raises whatever the driver or migration raises."""
    engine, factory = open_database(url)
    return engine, AppContext(factory=factory, url=database_url(url), actor=_actor())


def _actor() -> str:
    # The operating-system login names the person in the audit log until users log in.
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some systems
        return "operator"


def main(argv: Sequence[str] | None = None, *, url: str | None = None,
         language: str | None = None) -> int:
    """Run the desktop app on the database ``url`` (default: see db.store.database_url).

    Args:
        argv: Qt command-line arguments (default: sys.argv).
        url: SQLAlchemy URL of the database.
        language: "auto", "zh_CN" or "en"; default: the Settings choice.
    """
    app = create_application(argv)
    init_translations(app, language or settings.get(settings.LANGUAGE))
    from desktop.admin import use_remembered_witness_file

    use_remembered_witness_file()  # before any act: this computer's witness file
    try:
        engine, ctx = open_context(url)
    except Exception as error:  # noqa: BLE001 - any failure here is shown, then we exit
        _database_error(database_url(url), error)
        return 1
    from desktop.admin import SignInDialog
    from desktop.shell.main_window import MainWindow

    sign_in = SignInDialog(ctx)
    if sign_in.exec() != SignInDialog.DialogCode.Accepted or sign_in.user is None:
        engine.dispose()
        return 0
    ctx.actor = sign_in.user.name  # every operation from now on is done as this user
    window = MainWindow(ctx)
    window.show()
    try:
        return app.exec()
    finally:
        wait_for_idle()
        engine.dispose()


def _database_error(url: str, error: BaseException) -> None:
    from desktop.shell.main_window import mask_url

    QMessageBox.critical(
        None, QCoreApplication.translate("App", "Anju cannot open the database"),
        QCoreApplication.translate("App", "The database could not be opened:\n{url}\n\n{reason}\n\n"
                  "Check that the file or server is reachable and that you may use it; "
                  "a different database can be chosen with  anju --db URL.").format(
            url=mask_url(url) or url, reason=describe_error(error)))
