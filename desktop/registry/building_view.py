"""A building drawn as it stands: floors top to bottom, one coloured cell per flat.

Operators think of flats by their place in the building ("the east flat on
the 12th floor of unit 2"), and the public sees the same picture on session
day, so this view lays a building out as a grid: one row per floor with the
top floor at the top, one column per flat position, units side by side.
The grid is painted rather than built from one widget per flat, so a
33-floor building of 264 flats draws and scrolls without delay.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from allocation.registry import FlatId, FlatStatus
from db.registry import StoredFlat
from desktop.registry.flats_model import (
    STATUS_COLOURS,
    building_label,
    format_decimal,
    natural_key,
    status_label,
    unit_label,
)

CURRENT_OUTLINE = QColor("#1565c0")
EMPTY_OUTLINE = QColor("#c8c8c8")
DIMMED_OPACITY = 0.28


# --- the plan: which flat goes in which cell -------------------------------------


@dataclass(frozen=True, slots=True)
class BuildingPlan:
    """Rows and columns of one building.

    Attributes:
        floors: floor numbers, top floor first, every floor between the
            lowest and highest even if it has no flats.
        columns: (unit, position) per grid column, units in natural order.
        cells: flat id → (row, column) in the grid.
    """

    floors: list[int]
    columns: list[tuple[str, str]]
    cells: dict[FlatId, tuple[int, int]]
    flats: dict[FlatId, StoredFlat] = field(default_factory=dict)

    def unit_spans(self) -> list[tuple[str, int, int]]:
        """(unit, first column, column count) for each unit, left to right."""
        spans: list[tuple[str, int, int]] = []
        for index, (unit, _position) in enumerate(self.columns):
            if spans and spans[-1][0] == unit:
                name, first, count = spans[-1]
                spans[-1] = (name, first, count + 1)
            else:
                spans.append((unit, index, 1))
        return spans

    def flat_in(self, row: int, column: int) -> StoredFlat | None:
        for flat_id, place in self.cells.items():
            if place == (row, column):
                return self.flats[flat_id]
        return None


def position_of(number: str, floor: int) -> str:
    """The flat's place on its floor: "1102" on floor 11 is "02"; other schemes keep the number."""
    prefix = str(floor)
    if number.startswith(prefix) and len(number) > len(prefix):
        return number[len(prefix):]
    return number


def plan_building(flats: Iterable[StoredFlat]) -> BuildingPlan:
    """Lay out the flats of one building (pure: no widgets, so tests can check it directly)."""
    flats = list(flats)
    if not flats:
        return BuildingPlan([], [], {})
    places: dict[FlatId, tuple[str, str]] = {}
    taken: set[tuple[str, int, str]] = set()
    for stored in sorted(flats, key=lambda s: natural_key(s.flat.number)):
        flat = stored.flat
        position = position_of(flat.number, flat.floor)
        if (flat.unit, flat.floor, position) in taken:
            position = flat.number  # an odd numbering scheme: give it its own column
        taken.add((flat.unit, flat.floor, position))
        places[stored.id] = (flat.unit, position)
    columns = sorted(set(places.values()),
                     key=lambda c: (natural_key(c[0]), natural_key(c[1])))
    column_of = {c: i for i, c in enumerate(columns)}
    lowest, highest = min(s.flat.floor for s in flats), max(s.flat.floor for s in flats)
    floors = list(range(highest, lowest - 1, -1))
    cells = {s.id: (highest - s.flat.floor, column_of[places[s.id]]) for s in flats}
    return BuildingPlan(floors, columns, cells, {s.id: s for s in flats})


# --- geometry ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Geometry:
    """Pixel sizes derived from the font, so cells grow with the system font size."""

    cell_width: int
    cell_height: int
    line_height: int
    gap: int = 4
    unit_gap: int = 16
    label_width: int = 56
    header_height: int = 30
    padding: int = 8

    @classmethod
    def for_font(cls, font: QFont) -> _Geometry:
        metrics = QFontMetrics(font)
        line = metrics.height() + 2
        # Wide enough for "3室2厅2卫" and "125.36 m²" with room to spare.
        width = max(112, metrics.horizontalAdvance("3室2厅2卫 南北") + 20)
        return cls(cell_width=width, cell_height=3 * line + 14, line_height=line)


# --- the painted grid ----------------------------------------------------------


class FloorGrid(QWidget):
    """The painted floors × positions grid of one building.

    Signals:
        flatActivated(int): a flat was clicked or reached with the keyboard.
        editRequested(int): a flat was double-clicked or Enter was pressed.
    """

    flatActivated = Signal(int)  # noqa: N815 - Qt signal naming
    editRequested = Signal(int)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan = BuildingPlan([], [], {})
        self._current: FlatId | None = None
        self._hover: FlatId | None = None
        self._shown: set[int] | None = None
        self._geometry = _Geometry.for_font(self.font())
        self._column_x: list[int] = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    # --- content -------------------------------------------------------------

    def set_plan(self, plan: BuildingPlan) -> None:
        self._plan = plan
        if self._current not in plan.cells:
            self._current = None
        self._hover = None
        self._column_x = self._compute_column_x()
        self.updateGeometry()
        self.resize(self.sizeHint())
        self.update()

    def plan(self) -> BuildingPlan:
        return self._plan

    def set_shown(self, flat_ids: set[int] | None) -> None:
        """Flats outside ``flat_ids`` are drawn faded (the page's filter); None shows all."""
        self._shown = flat_ids
        self.update()

    def is_dimmed(self, flat_id: int) -> bool:
        return self._shown is not None and flat_id not in self._shown

    def current_flat_id(self) -> FlatId | None:
        return self._current

    def set_current(self, flat_id: FlatId | None) -> None:
        self._current = flat_id if flat_id in self._plan.cells else None
        self.update()

    # --- geometry ------------------------------------------------------------

    def _compute_column_x(self) -> list[int]:
        g = self._geometry
        xs: list[int] = []
        x = g.label_width
        previous_unit: str | None = None
        for unit, _position in self._plan.columns:
            if previous_unit is not None:
                x += g.unit_gap if unit != previous_unit else g.gap
            xs.append(x)
            x += g.cell_width
            previous_unit = unit
        return xs

    def sizeHint(self) -> QSize:  # noqa: N802
        g = self._geometry
        width = (self._column_x[-1] + g.cell_width if self._column_x else g.label_width) + g.gap
        rows = len(self._plan.floors)
        height = g.header_height + rows * (g.cell_height + g.gap) + g.gap
        return QSize(width, height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def cell_rect(self, flat_id: int) -> QRect:
        """Where a flat is drawn, in this widget's coordinates (empty if not in the plan)."""
        place = self._plan.cells.get(FlatId(flat_id))
        return self._rect_at(*place) if place else QRect()

    def _rect_at(self, row: int, column: int) -> QRect:
        g = self._geometry
        return QRect(self._column_x[column], self._row_y(row), g.cell_width, g.cell_height)

    def _row_y(self, row: int) -> int:
        g = self._geometry
        return g.header_height + row * (g.cell_height + g.gap)

    def flat_at(self, point: QPoint) -> FlatId | None:
        for flat_id, place in self._plan.cells.items():
            if self._rect_at(*place).contains(point):
                return flat_id
        return None

    # --- painting ------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_headers(painter)
        self._paint_floor_labels(painter)
        self._paint_empty_slots(painter)
        for flat_id, place in self._plan.cells.items():
            self._paint_cell(painter, self._plan.flats[flat_id], self._rect_at(*place))
        painter.end()

    def _paint_headers(self, painter: QPainter) -> None:
        g = self._geometry
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self.palette().windowText().color())
        for unit, first, count in self._plan.unit_spans():
            left = self._column_x[first]
            right = self._column_x[first + count - 1] + g.cell_width
            rect = QRect(left, 0, right - left, g.header_height - 6)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, unit_label(unit))
            painter.drawLine(left, g.header_height - 5, right, g.header_height - 5)

    def _paint_floor_labels(self, painter: QPainter) -> None:
        g = self._geometry
        painter.setFont(self.font())
        painter.setPen(self.palette().windowText().color())
        for row, floor in enumerate(self._plan.floors):
            rect = QRect(0, self._row_y(row), g.label_width - 10, g.cell_height)
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             self.tr("{0}F").format(floor))

    def _paint_empty_slots(self, painter: QPainter) -> None:
        occupied = set(self._plan.cells.values())
        pen = QPen(EMPTY_OUTLINE, 1, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for row in range(len(self._plan.floors)):
            for column in range(len(self._plan.columns)):
                if (row, column) not in occupied:
                    painter.drawRoundedRect(self._rect_at(row, column).adjusted(1, 1, -1, -1),
                                            4, 4)

    def _paint_cell(self, painter: QPainter, stored: StoredFlat, rect: QRect) -> None:
        colours = STATUS_COLOURS[stored.flat.status]
        painter.save()
        if self.is_dimmed(stored.id):
            painter.setOpacity(DIMMED_OPACITY)
        painter.setPen(QPen(colours.background.darker(125), 1))
        painter.setBrush(colours.background)
        painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 5, 5)
        self._paint_cell_text(painter, stored, rect, colours.text, colours.strike)
        painter.restore()
        self._paint_outline(painter, stored.id, rect)

    def _paint_cell_text(self, painter: QPainter, stored: StoredFlat, rect: QRect,
                         colour: QColor, strike: bool) -> None:
        g = self._geometry
        flat = stored.flat
        inner = rect.adjusted(g.padding, 6, -g.padding, -6)
        line = QRect(inner.left(), inner.top(), inner.width(), g.line_height)
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.12)
        bold.setStrikeOut(strike)
        painter.setPen(colour)
        painter.setFont(bold)
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         flat.number)
        if flat.status != FlatStatus.AVAILABLE:
            # Said in words too, so the status never rests on colour alone.
            room = line.width() - QFontMetrics(bold).horizontalAdvance(flat.number) - 6
            small = QFont(self.font())
            small.setPointSizeF(small.pointSizeF() * 0.9)
            painter.setFont(small)
            text = QFontMetrics(small).elidedText(status_label(flat.status),
                                                  Qt.TextElideMode.ElideRight, room)
            painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             text)
        painter.setFont(self.font())
        line.translate(0, g.line_height)
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         f"{format_decimal(flat.area)} m²")
        line.translate(0, g.line_height)
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         flat.layout)

    def _paint_outline(self, painter: QPainter, flat_id: FlatId, rect: QRect) -> None:
        if flat_id == self._current:
            painter.setPen(QPen(CURRENT_OUTLINE, 3))
        elif flat_id == self._hover:
            painter.setPen(QPen(CURRENT_OUTLINE.lighter(150), 2))
        else:
            return
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(1, 1, -2, -2), 5, 5)

    # --- interaction ---------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        flat_id = self.flat_at(event.position().toPoint())
        if flat_id is not None and event.button() == Qt.MouseButton.LeftButton:
            self._activate(flat_id)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        flat_id = self.flat_at(event.position().toPoint())
        if flat_id is not None and event.button() == Qt.MouseButton.LeftButton:
            self.editRequested.emit(int(flat_id))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hover = self.flat_at(event.position().toPoint())
        if hover != self._hover:
            self._hover = hover
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current is not None:
            self.editRequested.emit(int(self._current))
            return
        step = _ARROWS.get(Qt.Key(key))
        if step is None:
            super().keyPressEvent(event)
            return
        target = self._neighbour(*step)
        if target is not None:
            self._activate(target)

    def _neighbour(self, d_row: int, d_column: int) -> FlatId | None:
        """The next flat in a direction, skipping empty slots; the first flat if none is current."""
        if self._current is None:
            return min(self._plan.cells, key=lambda f: self._plan.cells[f], default=None)
        row, column = self._plan.cells[self._current]
        by_place = {place: flat_id for flat_id, place in self._plan.cells.items()}
        rows, columns = len(self._plan.floors), len(self._plan.columns)
        row, column = row + d_row, column + d_column
        while 0 <= row < rows and 0 <= column < columns:
            if (row, column) in by_place:
                return by_place[(row, column)]
            row, column = row + d_row, column + d_column
        return None

    def _activate(self, flat_id: FlatId) -> None:
        self.set_current(flat_id)
        self.flatActivated.emit(int(flat_id))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event)  # type: ignore[arg-type]
            return True
        return super().event(event)

    def _show_tooltip(self, event: QEvent) -> None:
        point = event.pos()  # type: ignore[attr-defined]
        flat_id = self.flat_at(point)
        if flat_id is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPos(), self.describe(flat_id), self)  # type: ignore[attr-defined]

    def describe(self, flat_id: FlatId) -> str:
        """A flat in one line per fact, for the tooltip."""
        stored = self._plan.flats[flat_id]
        flat = stored.flat
        lines = [
            flat.key,
            f"{flat.layout}  {flat.orientation}".strip(),
            self.tr("Area: {0} m²").format(format_decimal(flat.area)),
            self.tr("Base price: {0} yuan/m²").format(format_decimal(flat.base_price)),
            self.tr("Total: {0} yuan").format(format_decimal(flat.list_price)),
            self.tr("Status: {0}").format(status_label(flat.status)),
        ]
        return "\n".join(lines)


_ARROWS: dict[Qt.Key, tuple[int, int]] = {
    Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0),
    Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1),
}


# --- legend --------------------------------------------------------------------


class StatusChip(QLabel):
    """A legend entry drawn like a cell of that status, with the count beside the name."""

    def __init__(self, status: FlatStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        colours = STATUS_COLOURS[status]
        strike = "text-decoration: line-through;" if colours.strike else ""
        self.setStyleSheet(
            f"QLabel {{ background: {colours.background.name()}; color: {colours.text.name()};"
            f" border: 1px solid {colours.background.darker(125).name()};"
            f" border-radius: 4px; padding: 3px 10px; {strike} }}")
        self.set_count(0)

    def set_count(self, count: int) -> None:
        self.count = count
        self.setText(f"{status_label(self.status)}  {count}")


# --- the view ------------------------------------------------------------------


class BuildingView(QWidget):
    """One building at a time, chosen in a combo box, with a legend counting flats by status.

    Signals:
        flatActivated(int): the operator clicked a flat (its FlatId).
        editRequested(int): the operator double-clicked a flat or pressed Enter on it.
    """

    flatActivated = Signal(int)  # noqa: N815 - Qt signal naming
    editRequested = Signal(int)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._flats: list[StoredFlat] = []
        self.building_combo = QComboBox()
        self.building_combo.setMinimumContentsLength(8)
        self.building_combo.currentIndexChanged.connect(self._show_current_building)
        self.grid = FloorGrid()
        self.grid.flatActivated.connect(self.flatActivated)
        self.grid.editRequested.connect(self.editRequested)
        self.chips = {status: StatusChip(status) for status in FlatStatus}
        self.total_label = QLabel()
        self.empty_label = QLabel(self.tr("No flats registered yet."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._scroll = QScrollArea()
        self._scroll.setWidget(self.grid)
        self._scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._scroll.setBackgroundRole(self.backgroundRole())
        self._lay_out()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        label = QLabel(self.tr("&Building:"))
        label.setBuddy(self.building_combo)
        bar.addWidget(label)
        bar.addWidget(self.building_combo)
        bar.addSpacing(24)
        bar.addWidget(self.total_label)
        bar.addSpacing(12)
        for chip in self.chips.values():
            bar.addWidget(chip)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self._scroll, 1)
        layout.addWidget(self.empty_label, 1)
        self.empty_label.hide()

    # --- content -------------------------------------------------------------

    def set_flats(self, flats: Sequence[StoredFlat]) -> None:
        """Show these flats; the chosen building and flat stay chosen if they still exist."""
        self._flats = list(flats)
        keep = self.current_building()
        buildings = sorted({s.flat.building for s in self._flats}, key=natural_key)
        self.building_combo.blockSignals(True)
        self.building_combo.clear()
        for building in buildings:
            self.building_combo.addItem(building_label(building), building)
        index = buildings.index(keep) if keep in buildings else 0
        self.building_combo.setCurrentIndex(index if buildings else -1)
        self.building_combo.blockSignals(False)
        self._show_current_building()

    def buildings(self) -> list[str]:
        return [self.building_combo.itemData(i) for i in range(self.building_combo.count())]

    def current_building(self) -> str | None:
        return self.building_combo.currentData()

    def set_building(self, building: str) -> None:
        index = self.building_combo.findData(building)
        if index >= 0:
            self.building_combo.setCurrentIndex(index)

    def _show_current_building(self) -> None:
        building = self.current_building()
        flats = [s for s in self._flats if s.flat.building == building]
        current = self.grid.current_flat_id()
        self.grid.set_plan(plan_building(flats))
        self.grid.set_current(current)
        self._update_counts(flats)
        self._scroll.setVisible(bool(self._flats))
        self.empty_label.setVisible(not self._flats)

    def _update_counts(self, flats: Sequence[StoredFlat]) -> None:
        counts = Counter(s.flat.status for s in flats)
        for status, chip in self.chips.items():
            chip.set_count(counts[status])
        self.total_label.setText(self.tr("{count} flats").format(count=len(flats)))

    def set_shown(self, flat_ids: set[int] | None) -> None:
        """Fade flats the page's filter hides; None shows every flat at full strength."""
        self.grid.set_shown(flat_ids)

    # --- selection -----------------------------------------------------------

    def current_flat_id(self) -> FlatId | None:
        return self.grid.current_flat_id()

    def select_flat(self, flat_id: int | None) -> None:
        """Show the flat's building, mark the flat and scroll it into view (no signal)."""
        stored = next((s for s in self._flats if s.id == flat_id), None)
        if stored is None:
            self.grid.set_current(None)
            return
        if stored.flat.building != self.current_building():
            self.set_building(stored.flat.building)
        self.grid.set_current(stored.id)
        rect = self.grid.cell_rect(stored.id)
        self._scroll.ensureVisible(rect.center().x(), rect.center().y(),
                                   rect.width() // 2 + 8, rect.height() // 2 + 8)
