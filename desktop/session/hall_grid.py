"""Every building of the project side by side, floor by floor, for the hall's big screen.

Painted in the colours of the display (dark ground): flats still to be had
bright green with their number in white, flats taken dark with a red cross,
the flat chosen last ringed in yellow, flats not on offer (reserved,
unavailable) nearly black. Cells and type grow with the window, so the same
widget serves a laptop and a hall's 4K screen. Floors line up across
buildings: a row is a floor everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from allocation.registry import FlatStatus
from db.registry import StoredFlat
from desktop.registry import BuildingPlan, building_label, natural_key, plan_building, unit_label

AVAILABLE: Final = "available"
TAKEN: Final = "taken"
CLOSED: Final = "closed"

BACKGROUND = QColor("#0d1117")
TEXT = QColor("#ffffff")
LABEL = QColor("#c9d1d9")
FILL = {AVAILABLE: QColor("#2e7d32"), TAKEN: QColor("#3a1010"), CLOSED: QColor("#1c1f24")}
NUMBER = {AVAILABLE: QColor("#ffffff"), TAKEN: QColor("#c06060"), CLOSED: QColor("#4a4f57")}
CROSS = QColor("#e53935")
LAST = QColor("#ffd600")
FLOOR_LABEL_GAP = 6  # px between a floor's name and its first flat


@dataclass(frozen=True, slots=True)
class _Block:
    """One building: its plan, and the grid column its first flat column starts at."""

    building: str
    plan: BuildingPlan
    first: int


class HallGrid(QWidget):
    """All flats by building and floor; what is taken is marked, nothing is clickable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._blocks: list[_Block] = []
        self._floors: list[int] = []
        self._states: dict[str, str] = {}
        self._places: dict[str, tuple[int, int]] = {}  # key -> (row, grid column)
        self._numbers: dict[str, str] = {}
        self._gaps: list[tuple[int, int]] = []
        self._last: str | None = None
        self._also_last: frozenset[str] = frozenset()
        self._columns = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(False)

    # --- content -------------------------------------------------------------

    def set_flats(self, flats: Sequence[StoredFlat], taken: frozenset[str] = frozenset(),
                  last: str | None = None, also_last: Sequence[str] = ()) -> None:
        """Show these flats; ``taken`` keys (and flats whose status is selected) are marked.

        ``last`` is ringed as the flat chosen last, and ``also_last`` with it: the other
        flats of the same household (一户多套), confirmed together."""
        by_building: dict[str, list[StoredFlat]] = {}
        for stored in flats:
            by_building.setdefault(stored.flat.building, []).append(stored)
        self._blocks, first = [], 0
        self._gaps = []  # per grid column: (buildings before it, unit breaks before it)
        breaks = 0
        for index, building in enumerate(sorted(by_building, key=natural_key)):
            plan = plan_building(by_building[building])
            self._blocks.append(_Block(building, plan, first))
            for column, (unit, _position) in enumerate(plan.columns):
                if column and plan.columns[column - 1][0] != unit:
                    breaks += 1
                self._gaps.append((index, breaks))
            first += len(plan.columns)
        self._columns = first
        floors = {s.flat.floor for s in flats}
        # Every floor between the lowest and the highest, so rows line up across buildings.
        self._floors = list(range(max(floors), min(floors) - 1, -1)) if floors else []
        self._states, self._places, self._numbers = {}, {}, {}
        top = self._floors[0] if self._floors else 0
        for block in self._blocks:
            for flat_id, (_row, column) in block.plan.cells.items():
                flat = block.plan.flats[flat_id].flat
                self._places[flat.key] = (top - flat.floor, block.first + column)
                self._numbers[flat.key] = flat.number
                self._states[flat.key] = _state(flat.status, flat.key in taken)
        self._last = last
        self._also_last = frozenset(also_last)
        self.update()

    def cell_state(self, key: str) -> str | None:
        """available, taken or closed; None for a flat not shown."""
        return self._states.get(key)

    def taken_keys(self) -> frozenset[str]:
        return frozenset(k for k, s in self._states.items() if s == TAKEN)

    def last_key(self) -> str | None:
        return self._last

    def buildings(self) -> list[str]:
        return [b.building for b in self._blocks]

    # --- geometry ------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(1200, 520)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, 160)

    def _metrics(self) -> tuple[float, float, float, float, float]:
        """(label width, header height, cell width, cell height, building gap) for the size now.

        Units of a building are half a building gap apart.
        """
        width, height = max(self.width(), 1), max(self.height(), 1)
        rows = max(len(self._floors), 1)
        header = max(height * 0.12, 30.0)
        cell_h = (height - header) / rows
        label = self._floor_label_width(cell_h)
        blocks, breaks = self._gaps[-1] if self._gaps else (0, 0)
        gap = max(width * 0.014, 8.0)
        cell_w = (width - label - blocks * gap - breaks * gap / 2) / max(self._columns, 1)
        return label, header, cell_w, cell_h, gap

    def _floor_font_pixels(self, cell_h: float) -> float:
        """The floors' type: as high as a row allows, and no larger than 5 % of the width."""
        base = max(min(cell_h * 1.6, self.width() * 0.05), 28.0)
        return min(cell_h * 0.55, base * 0.5)

    def _floor_label_width(self, cell_h: float) -> float:
        """The floors' column: wide enough for the widest "12层" in their type (a narrow
        window, half a laptop's screen, would otherwise cut "12层" to "2层")."""
        base = max(min(cell_h * 1.6, self.width() * 0.05), 28.0)
        metrics = QFontMetricsF(self._font(self._floor_font_pixels(cell_h), bold=False))
        widest = max((metrics.horizontalAdvance(self._floor_text(f)) for f in self._floors),
                     default=0.0)
        return max(base, widest + FLOOR_LABEL_GAP + 2)

    def _floor_text(self, floor: int) -> str:
        return self.tr("{0}F").format(floor)

    def floor_labels_fit(self) -> bool:
        """Whether every floor's name fits its column at the size now (for tests)."""
        label, _header, _cell_w, cell_h, _gap = self._metrics()
        metrics = QFontMetricsF(self._font(self._floor_font_pixels(cell_h), bold=False))
        return all(metrics.horizontalAdvance(self._floor_text(f)) <= label - FLOOR_LABEL_GAP
                   for f in self._floors)

    def _column_x(self, column: int) -> float:
        label, _header, cell_w, _cell_h, gap = self._metrics()
        blocks, breaks = self._gaps[column]
        return label + column * cell_w + blocks * gap + breaks * gap / 2

    def cell_rect(self, key: str) -> QRectF:
        """Where flat ``key`` is drawn (empty when it is not shown)."""
        place = self._places.get(key)
        if place is None:
            return QRectF()
        _label, header, cell_w, cell_h, _gap = self._metrics()
        row, column = place
        return QRectF(self._column_x(column), header + row * cell_h, cell_w, cell_h)

    # --- painting ------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), BACKGROUND)
        if self._blocks:
            self._paint_headers(painter)
            self._paint_floors(painter)
            for key in self._places:
                self._paint_cell(painter, key)
        painter.end()

    def _font(self, pixels: float, bold: bool = True) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(int(pixels), 8))
        font.setBold(bold)
        return font

    def _paint_headers(self, painter: QPainter) -> None:
        """The building's name, and under it its units' (when it has several)."""
        _label, header, cell_w, _cell_h, _gap = self._metrics()
        for block in self._blocks:
            spans = block.plan.unit_spans()
            left = self._column_x(block.first)
            right = self._column_x(block.first + len(block.plan.columns) - 1) + cell_w
            painter.setFont(self._font(header * 0.42))
            painter.setPen(TEXT)
            painter.drawText(QRectF(left, 0, right - left, header * 0.55),
                             Qt.AlignmentFlag.AlignCenter, building_label(block.building))
            if len(spans) < 2:
                continue
            painter.setFont(self._font(header * 0.3, bold=False))
            painter.setPen(LABEL)
            for unit, first, count in spans:
                x = self._column_x(block.first + first)
                width = self._column_x(block.first + first + count - 1) + cell_w - x
                painter.drawText(QRectF(x, header * 0.52, width, header * 0.45),
                                 Qt.AlignmentFlag.AlignCenter, unit_label(unit))

    def _paint_floors(self, painter: QPainter) -> None:
        label, header, _cell_w, cell_h, _gap = self._metrics()
        painter.setFont(self._font(self._floor_font_pixels(cell_h), bold=False))
        painter.setPen(LABEL)
        for row, floor in enumerate(self._floors):
            rect = QRectF(0, header + row * cell_h, label - FLOOR_LABEL_GAP, cell_h)
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             self._floor_text(floor))

    def _paint_cell(self, painter: QPainter, key: str) -> None:
        state = self._states[key]
        outer = self.cell_rect(key)
        margin = max(min(outer.width(), outer.height()) * 0.06, 1.5)
        rect = outer.adjusted(margin, margin, -margin, -margin)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(FILL[state])
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(NUMBER[state])
        painter.setFont(self._font(min(rect.height() * 0.55, rect.width() * 0.3)))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._numbers[key])
        if state == TAKEN:
            inset = rect.adjusted(rect.width() * 0.12, rect.height() * 0.12,
                                  -rect.width() * 0.12, -rect.height() * 0.12)
            painter.setPen(QPen(CROSS, max(rect.height() * 0.07, 2.0)))
            painter.drawLine(inset.topLeft(), inset.bottomRight())
            painter.drawLine(inset.topRight(), inset.bottomLeft())
        if key == self._last or key in self._also_last:
            painter.setPen(QPen(LAST, max(margin * 2, 3.0)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(outer.adjusted(1, 1, -1, -1), 5, 5)


def _state(status: FlatStatus, taken: bool) -> str:
    if taken or status == FlatStatus.SELECTED:
        return TAKEN
    return AVAILABLE if status == FlatStatus.AVAILABLE else CLOSED
