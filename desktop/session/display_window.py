"""The hall's big screen (大屏): who is choosing, who is next, what is left.

Readable from the back of a hall: a dark ground, white and yellow type
scaled to the window's height, the called order number largest. Names are
masked (张*明); nothing private is shown. Under the called household, every
building floor by floor with the taken flats crossed out, and how many flats
of each layout remain.

It follows the session by polling :func:`db.selection.session_pulse` (one
row) every 300 ms and reading the whole picture only when the pulse's
version moved, so it keeps up within a second also on another computer on
the same PostgreSQL database (``anju display``). It shows 暂停 while the
session is paused or the desk's heartbeat has stopped. It never writes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import QInputDialog, QWidget
from sqlalchemy.orm import Session, sessionmaker

from allocation.registry import ProjectId
from db import selection
from db.selection import CLOSED, DisplayView, display_view
from desktop.common import AppContext, DbOp
from desktop.session.display_layout import DisplayLayout

POLL_MS = 300


class DisplayWindow(DisplayLayout):
    """The public display of project ``project_id``'s session; polls on its own.

    Args:
        factory: sessions of the database (its own worker thread does the reads).
        poll_ms: how often to read the pulse.
    """

    def __init__(self, factory: sessionmaker[Session], project_id: ProjectId,
                 project_name: str = "", parent: QWidget | None = None, *,
                 poll_ms: int = POLL_MS) -> None:
        super().__init__(project_name, parent)
        self._factory = factory
        self._project_id = project_id
        self._reading = False
        self._pending = False
        self.view: DisplayView | None = None
        self.pulse: selection.Pulse | None = None
        self.loaded = 0  # how many times the whole picture was read (tests, benchmarks)
        self.engine: Any = None  # set by `anju display`, which owns the engine
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)

    # --- following the session -------------------------------------------------------

    def poll(self) -> None:
        """Read the pulse; read everything when it moved (or nothing was read yet)."""
        if self._reading:
            self._pending = True
            return
        self._reading = True
        project_id = self._project_id
        self._read(lambda s: selection.session_pulse(s, project_id), self._pulse_read)

    def _read(self, fn: Callable[[Session], Any], done: Callable[[Any], object]) -> None:
        (DbOp(self._factory, fn, read_only=True).success(self._guard(done))
         .failure(self._guard(self._read_failed)).run_in_background())

    def _guard(self, callback: Callable[[Any], object]) -> Callable[[Any], None]:
        def deliver(value: Any) -> None:
            if shiboken6.isValid(self):  # the window may be gone when the answer comes
                callback(value)
        return deliver

    def _pulse_read(self, pulse: selection.Pulse | None) -> None:
        self.pulse = pulse
        shown = None if self.view is None else self.view.version
        if self.loaded == 0 or (pulse is None) != (self.view is None or self.view.state is None) \
                or (pulse is not None and pulse.version != shown):
            project_id = self._project_id
            self._read(lambda s: display_view(s, project_id), self._view_read)
            return
        self.show_pause(self.paused())
        self._done_reading()

    def _view_read(self, view: DisplayView) -> None:
        self.view = view
        self.loaded += 1
        self.show_view(view)
        self.show_pause(self.paused())
        self._done_reading()

    def paused(self) -> bool:
        """暂停: the session is paused or the desk away (never before it opens or once closed)."""
        state = None if self.view is None else self.view.state
        if state is None or state.info.status == CLOSED:
            return False
        if self.pulse is not None:
            return self.pulse.status != CLOSED and self.pulse.show_pause
        return state.show_pause

    def _read_failed(self, _error: BaseException) -> None:
        # The database may be restarting or the network down: keep the picture, try again.
        self._done_reading()

    def _done_reading(self) -> None:
        self._reading = False
        if self._pending:
            self._pending = False
            QTimer.singleShot(0, self.poll)

    def start(self) -> None:
        self._timer.start()
        self.poll()

    def stop(self) -> None:
        self._timer.stop()

    # --- showing on a screen --------------------------------------------------------

    def show_on(self, screen: QScreen | None, *, windowed: bool = False) -> None:
        """Full screen on ``screen`` (the primary one when None), or a window there."""
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.availableGeometry())
        if windowed:
            self.resize(1280, 720)
            self.show()
        else:
            self.setCursor(Qt.CursorShape.BlankCursor)  # no pointer in front of the hall
            self.showFullScreen()
        self.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key == Qt.Key.Key_F11 or (key == Qt.Key.Key_Escape and self.isFullScreen()):
            if self.isFullScreen():
                self.unsetCursor()
                self.showNormal()
            else:
                self.setCursor(Qt.CursorShape.BlankCursor)
                self.showFullScreen()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.scale_to(self.height(), self.width())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.stop()
        super().closeEvent(event)


def screens() -> list[QScreen]:
    return list(QGuiApplication.screens())


def screen_name(number: int, screen: QScreen) -> str:
    size = screen.geometry()
    return f"{number}: {screen.name()} ({size.width()}×{size.height()})"


def screen_by_number(number: int | None) -> QScreen | None:
    """Screen ``number`` (1, 2…); None: the last one, usually the hall's second monitor."""
    found = screens()
    if not found:
        return None
    if number is None:
        return found[-1]
    return found[number - 1] if 1 <= number <= len(found) else None


def choose_screen(parent: QWidget | None) -> QScreen | None:
    """Ask which monitor the display goes to when there are several; None if cancelled."""
    found = screens()
    if len(found) <= 1:
        return found[0] if found else None
    names = [screen_name(n, s) for n, s in enumerate(found, start=1)]
    primary = QGuiApplication.primaryScreen()
    default = next((i for i, s in enumerate(found) if s is not primary), 0)
    choice, ok = QInputDialog.getItem(
        parent, QGuiApplication.translate("DisplayWindow", "Hall display"),
        QGuiApplication.translate("DisplayWindow", "Show the display on:"), names, default,
        False)
    return found[names.index(choice)] if ok and choice in names else None


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
    display = DisplayWindow(ctx.factory, ctx.project_id,
                            ctx.project_heading or ctx.project_name)
    display.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    display.show_on(screen)
    parent.window().activateWindow()
    return display
