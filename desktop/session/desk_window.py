"""The operator desk in a window of its own: the session page, maximised or full screen.

On session day the desk computer shows nothing else; F11 switches between
maximised and full screen. The page inside is a
:class:`~desktop.session.session_page.SessionPage` like the one the main
window holds; the page makes the window (its F11), so the window takes the
page ready-made and knows it only as a widget: the imports run one way.
"""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from desktop.common import AppContext


class DeskWindow(QMainWindow):
    """``page``, the desk for the project of ``ctx``, alone in its window.

    Args:
        ctx: the context the page follows, its own copy: the window stays
            with its project whatever the main window shows later (the
            database, the user and the event bus are shared).
        page: the desk; hidden when the window closes, which stops its heartbeat.
    """

    def __init__(self, ctx: AppContext, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page = page
        self.setCentralWidget(page)
        self.setWindowTitle(self.tr("Selection desk — {project}").format(
            project=ctx.project_name))
        self.resize(1280, 800)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showMaximized()
        else:
            self.showFullScreen()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.page.hide()  # stops the heartbeat at once: the display may say 暂停
        super().closeEvent(event)
