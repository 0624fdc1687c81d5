"""A bar chart drawn with QPainter: grouped or stacked series, a value grid, a legend, tooltips.

Small on purpose: the Progress page needs two charts, and Qt's chart module
is not in PySide6-Essentials (it would add 160 MB). Labels that do not fit
under every bar are shown for every second (third…) bar only, never
squeezed, and the values are in each bar's tooltip.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

# Blues and greys that stay apart on a projector and in a greyscale screenshot.
PALETTE = (QColor("#2F5D8A"), QColor("#9DB6CF"), QColor("#6E6E6E"), QColor("#C8C8C8"),
           QColor("#B5651D"))
MARGIN = 8
LEGEND_SWATCH = 10


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[int, ...]
    color: QColor


def nice_ceiling(value: float) -> int:
    """The top of the value axis: 1, 2, 5 × 10ⁿ at or above ``value`` (at least 1)."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return int(step * power)
    return int(10 * power)


class BarChart(QWidget):
    """``set_data(title, categories, [(name, values), ...], stacked=...)`` and it draws itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.stacked = False
        self.setMinimumSize(260, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._bars: list[tuple[QRectF, int, int]] = []  # (rectangle, category, series)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(420, 240)

    def set_data(self, title: str, categories: Sequence[str],
                 series: Sequence[tuple[str, Sequence[int]]], *, stacked: bool = False) -> None:
        self.title = title
        self.categories = list(categories)
        self.series = [Series(name, tuple(values), PALETTE[i % len(PALETTE)])
                       for i, (name, values) in enumerate(series)]
        self.stacked = stacked
        self.update()

    def top_value(self) -> int:
        """The value axis' top: the tallest bar (or stack), rounded up to a nice number."""
        if not self.categories or not self.series:
            return 1
        if self.stacked:
            tallest = max(sum(s.values[i] for s in self.series)
                          for i in range(len(self.categories)))
        else:
            tallest = max(max(s.values, default=0) for s in self.series)
        return nice_ceiling(tallest)

    # --- painting ----------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        text = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(text)
        painter.drawText(QRectF(0, 0, self.width(), line + MARGIN),
                         Qt.AlignmentFlag.AlignCenter, self.title)
        axis_width = metrics.horizontalAdvance(str(self.top_value())) + MARGIN
        plot = QRectF(axis_width + MARGIN, line + MARGIN * 2,
                      self.width() - axis_width - MARGIN * 3,
                      self.height() - line * 3 - MARGIN * 5)
        if plot.width() < 20 or plot.height() < 20:
            return
        self._draw_grid(painter, plot, metrics, text)
        self._draw_bars(painter, plot)
        self._draw_labels(painter, plot, metrics, text)
        self._draw_legend(painter, metrics, text)

    def _draw_grid(self, painter: QPainter, plot: QRectF, metrics: QFontMetrics,
                   text: QColor) -> None:
        top = self.top_value()
        steps = 5 if top % 5 == 0 and top >= 5 else 4 if top % 4 == 0 else 2 if top % 2 == 0 \
            else 1
        grid = QColor(text)
        grid.setAlpha(40)
        for n in range(steps + 1):
            y = plot.bottom() - plot.height() * n / steps
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            label = str(top * n // steps)
            painter.drawText(QRectF(0, y - metrics.height() / 2, plot.left() - 4,
                                    metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)

    def _draw_bars(self, painter: QPainter, plot: QRectF) -> None:
        self._bars = []
        count = len(self.categories)
        if not count or not self.series:
            return
        slot = plot.width() / count
        group = slot * 0.72
        width = group if self.stacked else group / len(self.series)
        scale = plot.height() / self.top_value()
        painter.setPen(Qt.PenStyle.NoPen)
        for i in range(count):
            left = plot.left() + slot * i + (slot - group) / 2
            base = plot.bottom()
            for j, series in enumerate(self.series):
                height = series.values[i] * scale
                x = left if self.stacked else left + width * j
                rect = QRectF(x, base - height, max(1.0, width - 1), height)
                if self.stacked:
                    base -= height
                painter.setBrush(series.color)
                painter.drawRect(rect)
                self._bars.append((rect, i, j))

    def _draw_labels(self, painter: QPainter, plot: QRectF, metrics: QFontMetrics,
                     text: QColor) -> None:
        count = len(self.categories)
        if not count:
            return
        slot = plot.width() / count
        widest = max(metrics.horizontalAdvance(c) for c in self.categories) + 6
        every = max(1, math.ceil(widest / slot))  # label every n-th bar so none overlap
        painter.setPen(text)
        for i, name in enumerate(self.categories):
            if (count - 1 - i) % every:  # keep the newest (rightmost) one labelled
                continue
            centre = plot.left() + slot * (i + 0.5)
            painter.drawText(QRectF(centre - widest / 2, plot.bottom() + 3, widest,
                                    metrics.height()), Qt.AlignmentFlag.AlignCenter, name)

    def _draw_legend(self, painter: QPainter, metrics: QFontMetrics, text: QColor) -> None:
        x = MARGIN * 2.0
        y = self.height() - metrics.height() - MARGIN
        for series in self.series:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(series.color)
            painter.drawRect(QRectF(x, y + (metrics.height() - LEGEND_SWATCH) / 2,
                                    LEGEND_SWATCH, LEGEND_SWATCH))
            painter.setPen(text)
            x += LEGEND_SWATCH + 4
            painter.drawText(QPointF(x, y + metrics.ascent()), series.name)
            x += metrics.horizontalAdvance(series.name) + MARGIN * 2

    # --- tooltips ----------------------------------------------------------------------

    def bar_at(self, x: float, y: float) -> tuple[int, int] | None:
        """(category, series) of the bar under a point, as last painted."""
        for rect, category, series in self._bars:
            if rect.adjusted(-1, -1, 1, 1).contains(QPointF(x, y)):
                return category, series
        return None

    def tooltip_text(self, category: int) -> str:
        values = "\n".join(f"{s.name}: {s.values[category]}" for s in self.series)
        return f"{self.categories[category]}\n{values}"

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent):
            found = self.bar_at(event.pos().x(), event.pos().y())
            if found is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_text(found[0]), self)
            return True
        return super().event(event)  # type: ignore[arg-type]
