"""The time a household has left at the desk: counts down, warns in colour, never acts.

The deadline comes from the database (the call time plus the session's
seconds per household), measured on the database's clock. The widget keeps
the difference between that clock and this computer's, so a display on
another computer counts the same seconds as the desk. When the time is up it
turns red and counts the overrun: choosing is the household's, never the
clock's.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Final

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

IDLE: Final = "idle"
RUNNING: Final = "running"
WARNING: Final = "warning"
OVER: Final = "over"
#: Warn this many seconds before the end (less when the whole time is short).
WARN_SECONDS: Final = 30
TICK_MS: Final = 250

DESK_STYLES: Final = {
    IDLE: "color: #5c5c5c; border-radius: 6px; padding: 4px 10px;",
    RUNNING: "color: #0b3d91; background: #e3ecf9; border-radius: 6px; padding: 4px 10px;",
    WARNING: "color: #000000; background: #ffd54f; border-radius: 6px; padding: 4px 10px;",
    OVER: "color: #ffffff; background: #b71c1c; border-radius: 6px; padding: 4px 10px;",
}


def clock(seconds: int) -> str:
    """``185`` → ``3:05``; the sign is the caller's business."""
    minutes, rest = divmod(abs(seconds), 60)
    return f"{minutes}:{rest:02d}"


def warn_at(total: int) -> int:
    """When to start warning: 30 seconds before the end, a third of the time if that is short."""
    return min(WARN_SECONDS, max(total // 3, 1))


class Countdown(QLabel):
    """A label counting down to a deadline; its style follows the phase.

    Signals:
        phaseChanged(str): idle, running, warning or over.
    """

    phaseChanged = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None, *,
                 styles: Mapping[str, str] = DESK_STYLES) -> None:
        super().__init__(parent)
        self._styles = dict(styles)
        self._deadline: datetime | None = None
        self._offset = timedelta(0)
        self._warn_at = WARN_SECONDS
        self._phase = ""
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stop()

    def start(self, deadline: datetime, *, total: int, server_now: datetime) -> None:
        """Count down to ``deadline``; ``server_now`` is the database clock read with it."""
        self._deadline = deadline
        self._offset = server_now - datetime.now(UTC)
        self._warn_at = warn_at(total)
        self._timer.start()
        self.tick()

    def stop(self, text: str = "—") -> None:
        self._deadline = None
        self._timer.stop()
        self.setText(text)
        self._set_phase(IDLE)

    def seconds_left(self) -> int | None:
        """Whole seconds to the deadline (negative once it has passed), None when idle."""
        if self._deadline is None:
            return None
        left = (self._deadline - (datetime.now(UTC) + self._offset)).total_seconds()
        # Round towards the later second, so 0:00 shows for the last second, not after it.
        return int(left) if left >= 0 else -int(-left) - 1

    def phase(self) -> str:
        return self._phase

    def tick(self) -> None:
        left = self.seconds_left()
        if left is None:
            return
        if left < 0:
            self.setText(self.tr("over by {time}").format(time=clock(left)))
            self._set_phase(OVER)
        else:
            self.setText(clock(left))
            self._set_phase(WARNING if left <= self._warn_at else RUNNING)

    def _set_phase(self, phase: str) -> None:
        if phase == self._phase:
            return
        self._phase = phase
        self.setStyleSheet(self._styles.get(phase, ""))
        self.phaseChanged.emit(phase)
