"""The operator desk in a window of its own: the session page, maximised or full screen.

On session day the desk computer shows nothing else; F11 switches between
maximised and full screen. The page inside is the same
:class:`~desktop.views.session_page.SessionPage` the main window holds.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from desktop.common import AppContext
from desktop.session.desk_slip import SlipPrinter
from desktop.session.display_window import DisplayWindow, choose_screen
from desktop.session.session_page import SessionPage


class DeskWindow(QMainWindow):
    """A :class:`SessionPage` for the current project of ``ctx``, alone in its window.

    The project is the one current when the window opens, whatever the main window
    shows later; the database, the user and the event bus are shared.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 slip_folder: Path | None = None,
                 slip_printer: SlipPrinter | None = None) -> None:
        super().__init__(parent)
        # Its own context: the window stays with this project when the main window switches.
        self.ctx = replace(ctx)
        self.page = SessionPage(self.ctx, slip_folder=slip_folder, slip_printer=slip_printer)
        self.setCentralWidget(self.page)
        self.setWindowTitle(self.tr("Selection desk — {project}").format(
            project=ctx.project_name))
        self.resize(1280, 800)
        self.page.set_project()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showMaximized()
        else:
            self.showFullScreen()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.page.hide()  # stops the heartbeat at once: the display may say 暂停
        super().closeEvent(event)


def open_hall_display(ctx: AppContext, parent: QWidget) -> DisplayWindow | None:
    """The hall's display of ``ctx``'s project, full screen on a monitor the operator picks.

    It appears without taking the keyboard, which stays with the desk
    (``parent``). Returns None when there is no project or the choice was cancelled.
    """
    if ctx.project_id is None:
        return None
    screen = choose_screen(parent)
    if screen is None:
        return None
    display = DisplayWindow(ctx.factory, ctx.project_id, ctx.project_name)
    display.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    display.show_on(screen)
    parent.window().activateWindow()
    return display

