"""Widgets that let a page fit a laptop's screen: an eliding label and a scrolled panel.

``ElidedLabel`` is a one-line label that elides its text to the room it gets, the whole
text in its tooltip. For status lines and paths whose length the operator does not choose
(a database URL, a hash, "Showing 199 of 199 households" in a long language): rather
than making the window wider than a laptop's screen, or cutting the text silently, the
label shows "…" where text is left out and the tooltip holds all of it. ``text()`` is
always the whole text; the property ``elides`` tells the layout tests that the label does
this itself.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QWidget

# Below this many pixels an elided text says nothing any more.
MINIMUM_WIDTH = 80


class ElidedLabel(QLabel):
    """A QLabel for plain one-line text, elided at ``mode`` (the end, the middle) when narrow."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(text, parent)
        self._mode = mode
        self.setProperty("elides", True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self._update_tooltip()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), MINIMUM_WIDTH), hint.height())

    def elided(self) -> str:
        """The text as shown at the label's present width."""
        return self.fontMetrics().elidedText(self.text(), self._mode,
                                             self.contentsRect().width())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        # The whole text in the tooltip only when part of it is left out.
        self.setToolTip(self.text() if self.elided() != self.text() else "")

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), self.elided())


def scrolled(panel: QWidget) -> QScrollArea:
    """``panel`` in a frameless scroll area: a tall form (a rules tab, a dialog's page) then
    asks for no more height than a 768-pixel screen has, and scrolls instead."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(panel)
    return area
