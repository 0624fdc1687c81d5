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
from desktop.registry import (
    BuildingPlan,
    building_label,
    natural_key,
    plan_building,
    position_of,
    unit_label,
)

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
# No text is painted smaller than this (pixels): below it digits are a smudge, and the
# colours say what a cell is.
SMALLEST_TYPE = 9


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

    def rows(self) -> int:
        """How many floors high the grid is (the lowest floor to the highest)."""
        return len(self._floors)

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
        return max(min(cell_h * 0.55, base * 0.5), SMALLEST_TYPE)

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

    # --- texts -----------------------------------------------------------------

    def painted_texts(self) -> list[PaintedText]:
        """Every text the grid paints at its size now, each in a font that fits its box.

        The texts of one kind (the buildings' names, the units', the floors', the flats'
        numbers) share one form and one size, the largest at which all of them fit: a
        form that would be smaller than two thirds of the type its boxes allow gives way
        to a shorter one (a flat's place on its floor, "02" in the row of floor 11, for
        1102; a bare number for "3栋", "2单元", "12层"), and what would be smaller than
        ``SMALLEST_TYPE`` even so is left out: a crowded grid (twelve buildings in half
        a laptop's screen) shows its flats as colours, never as overlapping digits.
        """
        if not self._blocks:
            return []
        label, header, cell_w, cell_h, _gap = self._metrics()
        buildings: list[_Box] = []
        units: list[_Box] = []
        for block in self._blocks:
            spans = block.plan.unit_spans()
            left = self._column_x(block.first)
            right = self._column_x(block.first + len(block.plan.columns) - 1) + cell_w
            buildings.append(_Box((building_label(block.building), block.building),
                                  QRectF(left, 0, right - left, header * 0.55), TEXT))
            if len(spans) < 2:
                continue
            for unit, first, count in spans:
                x = self._column_x(block.first + first)
                width = self._column_x(block.first + first + count - 1) + cell_w - x
                units.append(_Box((unit_label(unit), unit),
                                  QRectF(x, header * 0.52, width, header * 0.45), LABEL))
        floors = [_Box((self._floor_text(floor), str(floor)),
                       QRectF(0, header + row * cell_h, label - FLOOR_LABEL_GAP, cell_h), LABEL)
                  for row, floor in enumerate(self._floors)]
        numbers = []
        for key, number in self._numbers.items():
            rect = self._inner(self.cell_rect(key))
            floor = self._floors[0] - self._places[key][0] if self._floors else 0
            numbers.append(_Box((number, position_of(number, floor)),
                                rect.adjusted(rect.width() * 0.05, 0, -rect.width() * 0.05, 0),
                                NUMBER[self._states[key]], key))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return (self._fit("building", buildings, header * 0.42)
                + self._fit("unit", units, header * 0.3, bold=False)
                + self._fit("floor", floors, self._floor_font_pixels(cell_h), bold=False,
                            align=right)
                + self._fit("number", numbers, max((cell_h - 2 * self._margin(
                    QRectF(0, 0, cell_w, cell_h))) * 0.55, SMALLEST_TYPE)))

    def _fit(self, kind: str, boxes: list[_Box], pixels: float, *, bold: bool = True,
             align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter) -> list[PaintedText]:
        """``boxes`` in the first form that fits all of them at no less than two thirds of
        ``pixels`` (else the form that fits largest, if not below ``SMALLEST_TYPE``), in
        one size; nothing when no form fits."""
        if not boxes:
            return []
        font = self._font(pixels, bold)
        sizes: dict[tuple[str, float, float], int] = {}  # cells share sizes and numbers

        def size_of(text: str, rect: QRectF) -> int:
            key = (text, rect.width(), rect.height())
            if key not in sizes:
                sizes[key] = _fitting_size(font, text, rect)
            return sizes[key]

        best, best_size = -1, SMALLEST_TYPE - 1
        for form in range(max(len(box.forms) for box in boxes)):
            size = min(size_of(box.forms[min(form, len(box.forms) - 1)], box.rect)
                       for box in boxes)
            if size > best_size:
                best, best_size = form, size
                if size >= pixels * 2 / 3:
                    break
        if best < 0:
            return []
        chosen = self._font(best_size, bold)
        return [PaintedText(kind, box.forms[min(best, len(box.forms) - 1)], chosen, box.rect,
                            box.colour, align, box.flat) for box in boxes]

    def number_shown(self, key: str) -> PaintedText | None:
        """How flat ``key``'s number is painted, or None when its cell is too small (tests)."""
        return next((t for t in self.painted_texts() if t.flat == key), None)

    def floor_labels_fit(self) -> bool:
        """Whether every floor's name is shown and fits its column at the size now (tests)."""
        floors = [t for t in self.painted_texts() if t.kind == "floor"]
        return len(floors) == len(self._floors) and all(t.fits() for t in floors)

    # --- painting ------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), BACKGROUND)
        for key in self._places:
            self._paint_cell(painter, key)
        for text in self.painted_texts():
            painter.setFont(text.font)
            painter.setPen(text.colour)
            painter.drawText(text.rect, text.align, text.text)
        painter.end()

    def _font(self, pixels: float, bold: bool = True) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(int(pixels), 1))
        font.setBold(bold)
        return font

    def _inner(self, outer: QRectF) -> QRectF:
        """A cell's coloured box: its place less a margin on each side."""
        margin = self._margin(outer)
        return outer.adjusted(margin, margin, -margin, -margin)

    @staticmethod
    def _margin(outer: QRectF) -> float:
        return max(min(outer.width(), outer.height()) * 0.06, 1.0)

    def _paint_cell(self, painter: QPainter, key: str) -> None:
        state = self._states[key]
        outer = self.cell_rect(key)
        margin = self._margin(outer)
        rect = self._inner(outer)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(FILL[state])
        radius = min(4.0, rect.height() / 4)
        painter.drawRoundedRect(rect, radius, radius)
        if state == TAKEN:
            inset = rect.adjusted(rect.width() * 0.12, rect.height() * 0.12,
                                  -rect.width() * 0.12, -rect.height() * 0.12)
            painter.setPen(QPen(CROSS, max(min(rect.height(), rect.width()) * 0.07, 1.5)))
            painter.drawLine(inset.topLeft(), inset.bottomRight())
            painter.drawLine(inset.topRight(), inset.bottomLeft())
        if key == self._last or key in self._also_last:
            painter.setPen(QPen(LAST, max(margin * 2, 2.0)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(outer.adjusted(1, 1, -1, -1), 5, 5)


@dataclass(frozen=True, slots=True)
class _Box:
    """Where a text goes, in its forms from the longest (the best) to the shortest."""

    forms: tuple[str, ...]
    rect: QRectF
    colour: QColor
    flat: str = ""


@dataclass(frozen=True, slots=True)
class PaintedText:
    """One text of the grid: what (``kind``: building, unit, floor or number), in which
    font, in which box; ``flat`` the key of the flat whose number it is."""

    kind: str
    text: str
    font: QFont
    rect: QRectF
    colour: QColor
    align: Qt.AlignmentFlag
    flat: str = ""

    def fits(self) -> bool:
        """Whether the text, in its font, is no wider and no higher than its box."""
        metrics = QFontMetricsF(self.font)
        return (metrics.horizontalAdvance(self.text) <= self.rect.width() + 0.5
                and metrics.height() <= self.rect.height() + 0.5)


def _fitting_size(font: QFont, text: str, rect: QRectF) -> int:
    """The largest pixel size, up to ``font``'s, at which ``text`` fits ``rect``."""
    size = font.pixelSize()
    metrics = QFontMetricsF(font)
    width, height = metrics.horizontalAdvance(text), metrics.height()
    if width > rect.width():
        size = int(size * rect.width() / width)
    if height > rect.height():
        size = min(size, int(font.pixelSize() * rect.height() / height))
    while size >= SMALLEST_TYPE:  # metrics do not scale exactly with the size: check it
        smaller = QFont(font)
        smaller.setPixelSize(size)
        if PaintedText("", text, smaller, rect, TEXT, Qt.AlignmentFlag.AlignCenter).fits():
            break
        size -= 1
    return size


def _state(status: FlatStatus, taken: bool) -> str:
    if taken or status == FlatStatus.SELECTED:
        return TAKEN
    return AVAILABLE if status == FlatStatus.AVAILABLE else CLOSED
