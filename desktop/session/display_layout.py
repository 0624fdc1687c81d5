"""The display's widgets and how a :class:`DisplayView` is shown on them (no database).

Sizes are pixels at a 1920×1080 screen, scaled with the window by
:meth:`DisplayLayout.scale_to` (by its height, or its width where the window is narrower
than 16:9, as half a laptop's screen is), so the proportions hold on any screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.selection import CLOSED, CurrentBatch, DisplayView, QueueEntry, SessionState
from desktop.session.countdown import IDLE, OVER, RUNNING, WARNING, Countdown
from desktop.session.hall_grid import FILL, HallGrid
from desktop.session.session_words import order_number

BACKGROUND = "#0d1117"
WHITE = "#ffffff"
YELLOW = "#ffd600"
GREY = "#c9d1d9"
NEXT_SHOWN = 5
DISPLAY_STYLES = {
    IDLE: f"color: {GREY}; font-weight: bold;",
    RUNNING: f"color: {WHITE}; font-weight: bold;",
    WARNING: f"color: #000000; background: {YELLOW}; border-radius: 12px; font-weight: bold;",
    OVER: f"color: {WHITE}; background: #c62828; border-radius: 12px; font-weight: bold;",
}
# Pixel sizes on a 1080-line screen.
SIZES = {
    "title": 34, "progress": 34, "caption": 38, "number": 150, "name": 100, "calls": 36,
    "countdown": 76, "next": 48, "layout": 38, "legend": 28, "pause": 180, "pause_note": 52,
}  # "pause": the English "Paused" fits the called panel (5/11 of the width) at 180


# Floors the grid shows at full type; above this the type shrinks, down to MOST_CROWDED.
ROOMY_ROWS = 12
MOST_CROWDED = 0.6


def crowding(rows: int) -> float:
    """How much the texts above and below the grid shrink for a stock ``rows`` floors
    high: 1 up to 12 floors (the demo's), 12/rows above, never below 0.6 (24 floors or
    more). The grid's rows then keep about the height they had at 12 floors."""
    return max(min(ROOMY_ROWS / max(rows, 1), 1.0), MOST_CROWDED)


class _DisplayText(QLabel):
    """A label of the display. Qt keeps a styled, empty label's size hint from its first
    font, so an empty label (no household called yet) stayed as high as 150-pixel type at
    any scale and took the grid's room: its hint is one line of its font now."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        if self.text():
            return super().sizeHint()
        margins = self.contentsMargins()
        return QSize(0, self.fontMetrics().height() + margins.top() + margins.bottom())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.sizeHint() if not self.text() else super().minimumSizeHint()


class DisplayLayout(QWidget):
    """The display's widgets; ``show_view`` fills them, ``scale_to`` sizes the type."""

    def __init__(self, project_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project_name = project_name
        self.setWindowTitle(self.tr("Hall display — {project}").format(project=project_name))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setObjectName("hall_display")
        self.setStyleSheet(f"#hall_display {{ background: {BACKGROUND}; }}"
                           f" QLabel {{ color: {WHITE}; background: transparent; }}")
        self._sized: dict[QLabel, str] = {}
        self.title_label = self._label("title", GREY)
        self.title_label.setWordWrap(True)  # a long project name takes two lines, not "…"
        self.progress_label = self._label("progress", GREY, Qt.AlignmentFlag.AlignRight)
        self.progress_label.setWordWrap(True)  # longer in English
        self.caption_label = self._label("caption", GREY)
        self.number_label = self._label("number", YELLOW)
        self.name_label = self._label("name", WHITE)
        self.calls_label = self._label("calls", GREY)
        self.countdown = Countdown(styles=DISPLAY_STYLES)
        self.next_caption = self._label("caption", GREY)
        self.next_caption.setText(self.tr("Please get ready"))
        self.next_labels = [self._label("next", WHITE) for _ in range(NEXT_SHOWN)]
        self.layouts_caption = self._label("caption", GREY)
        self.layouts_caption.setText(self.tr("Flats left by layout"))
        self.layout_rows: list[tuple[QLabel, QLabel]] = []
        self.layouts_grid = QGridLayout()
        self.pause_label = self._label("pause", WHITE, Qt.AlignmentFlag.AlignCenter)
        self.pause_label.setText(self.tr("Paused"))
        self.pause_note = self._label("pause_note", WHITE, Qt.AlignmentFlag.AlignCenter)
        self.pause_note.setText(self.tr("Please wait a moment"))
        self.grid = HallGrid()
        self.legend_label = self._label("legend", GREY)
        self.last_label = self._label("legend", YELLOW, Qt.AlignmentFlag.AlignRight)
        self._lay_out()
        self.scale_to(1080)
        # Any screen will do, down to a projector's 800×600 (the type scales to the height).
        self.setMinimumSize(640, 360)

    def _label(self, size: str, colour: str,
               align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QLabel:
        label = _DisplayText()
        label.setStyleSheet(f"color: {colour};")
        label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        # The type follows the window's height; the text must not dictate the window's width.
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._sized[label] = size
        return label

    def _lay_out(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.title_label, 3)
        header.addWidget(self.progress_label, 2)
        self.called = QStackedWidget()
        self.called.addWidget(self._called_panel())
        self.called.addWidget(self._pause_panel())
        top = QHBoxLayout()
        top.addWidget(self.called, 5)
        top.addLayout(self._column(self.next_caption, *self.next_labels), 3)
        layouts = QVBoxLayout()
        layouts.addWidget(self.layouts_caption)
        layouts.addLayout(self.layouts_grid)
        layouts.addStretch(1)
        top.addLayout(layouts, 3)
        footer = QHBoxLayout()
        footer.addWidget(self.legend_label, 1)
        footer.addWidget(self.last_label, 1)
        self.root = QVBoxLayout(self)
        self.root.addLayout(header)
        self.root.addLayout(top, 0)
        self.root.addWidget(self.grid, 1)
        self.root.addLayout(footer)

    def _column(self, *widgets: QWidget) -> QVBoxLayout:
        column = QVBoxLayout()
        for widget in widgets:
            column.addWidget(widget)
        column.addStretch(1)
        return column

    def _called_panel(self) -> QWidget:
        panel = QWidget()
        layout = self._column(self.caption_label, self.number_label, self.name_label,
                              self.calls_label)
        countdown_row = QHBoxLayout()
        countdown_row.addWidget(self.countdown)
        countdown_row.addStretch(1)
        layout.insertLayout(layout.count() - 1, countdown_row)
        panel.setLayout(layout)
        return panel

    def _pause_panel(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("pause_panel")
        panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        panel.setStyleSheet("#pause_panel { background: #b71c1c; border-radius: 16px; }")
        layout = QVBoxLayout(panel)
        layout.addStretch(1)
        layout.addWidget(self.pause_label)
        layout.addWidget(self.pause_note)
        layout.addStretch(1)
        return panel

    # --- sizes ------------------------------------------------------------------------

    def scale_to(self, height: int, width: int | None = None) -> None:
        """Size every text for a window ``height`` pixels high and ``width`` wide (1920×1080
        is the reference): the smaller ratio, so that a window narrower than 16:9 (683×768,
        half a laptop's screen) gets type that fits its width."""
        self._scaled_for = (height, width)
        tall = max(height, 200) / 1080
        wide = tall if width is None else max(width, 360) / 1920
        margin = int(24 * min(tall, wide))
        # A tall stock: type less high, more room for the grid (where the height sets it).
        unit = min(tall * crowding(self.grid.rows()), wide)
        for label, size in self._sized.items():
            label.setFont(self._font(SIZES[size] * unit))
            label.updateGeometry()  # a styled label does not tell its layout of a new font
        for name, count in self.layout_rows:
            name.setFont(self._font(SIZES["layout"] * unit, bold=False))
            count.setFont(self._font(SIZES["layout"] * unit))
            name.updateGeometry()
            count.updateGeometry()
        self.countdown.setFont(self._font(SIZES["countdown"] * unit))
        self.countdown.updateGeometry()
        for page in (self.called.widget(0), self.called.widget(1), self.called):
            page.updateGeometry()  # a stacked widget keeps its pages' old hints otherwise
        self.root.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.root.setSpacing(int(14 * unit))

    def rescale(self) -> None:
        """Size the type again for the window now (the stock shown may have changed)."""
        self.scale_to(*self._scaled_for)

    def _font(self, pixels: float, bold: bool = True) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(int(pixels), 9))
        font.setBold(bold)
        return font

    # --- showing ----------------------------------------------------------------------

    def show_view(self, view: DisplayView) -> None:
        state = view.state
        self.title_label.setText(self.tr("{project} · on-site flat selection").format(
            project=self.project_name))
        self._show_called(state)
        self._show_next(state)
        self._show_layouts(view)
        taken = state.taken_flats if state is not None else frozenset()
        last = view.last_choice
        rows = self.grid.rows()
        self.grid.set_flats(view.flats, taken, last.flat_key if last is not None else None,
                            last.flat_keys if last is not None else ())
        if self.grid.rows() != rows:
            self.rescale()
        self.legend_label.setText(self._legend())
        self.last_label.setText(self.tr("Just chosen: {number} {name} → {flat}").format(
            number=order_number(last.order_no), name=last.masked_name, flat=last.flats_text)
            if last is not None else "")
        lines = [] if view.batch is None else [self.batch_text(view.batch)]
        if state is not None:
            lines.append(self.tr(
                "{done} of {households} households done · {flats} flats left").format(
                done=state.households_done, households=state.households,
                flats=state.flats_left))
        self.progress_label.setText("\n".join(lines))

    def batch_text(self, batch: CurrentBatch) -> str:
        """第1批 · 12月14日上午 · 共100户: which batch the hall is in, its day and half-day
        (as the appointment notices told the households), and its size."""
        half = self.tr("morning") if batch.start.hour < 12 else self.tr("afternoon")
        return self.tr("Batch {number} · {month}/{day} {half} · {households} households").format(
            number=batch.number, month=batch.on.month, day=batch.on.day, half=half,
            households=batch.households)

    def _show_called(self, state: SessionState | None) -> None:
        at_desk = None if state is None else state.at_desk
        if at_desk is None:
            self.caption_label.setText("")
            self.number_label.setText("")
            self.calls_label.setText("")
            self.countdown.stop("")
            if state is None:
                self.name_label.setText(self.tr("Selection has not started"))
            elif state.info.status == CLOSED:
                self.name_label.setText(self.tr("The selection session is closed"))
            else:
                self.name_label.setText(self.tr("Please wait for the next call"))
            return
        turn = at_desk.turn
        self.caption_label.setText(self.tr("Now choosing"))
        self.number_label.setText(order_number(turn.order_no))
        self.name_label.setText(at_desk.masked_name)
        self.calls_label.setText(self.tr("call {calls}").format(calls=turn.calls)
                                 if turn.calls > 1 else "")
        if at_desk.deadline is not None:
            self.countdown.start(at_desk.deadline, total=state.info.settings.seconds_per_household,
                                 server_now=state.read_at)
        else:
            self.countdown.stop("")

    def _show_next(self, state: SessionState | None) -> None:
        upcoming: tuple[QueueEntry, ...] = () if state is None else state.upcoming
        self.next_caption.setVisible(bool(upcoming))
        for index, label in enumerate(self.next_labels):
            entry = upcoming[index] if index < len(upcoming) else None
            label.setText("" if entry is None else self._entry_text(entry))

    def _entry_text(self, entry: QueueEntry) -> str:
        again = self.tr(" (again)") if entry.call_round > 1 else ""
        return (f"<span style='color:{YELLOW}'>{order_number(entry.order_no)}</span>"
                f"&nbsp;&nbsp;{entry.masked_name}<span style='color:{GREY}'>{again}</span>")

    def _show_layouts(self, view: DisplayView) -> None:
        state = view.state
        layouts = sorted({s.flat.layout for s in view.flats})
        left = state.flats_left_by_layout if state is not None else {}
        while len(self.layout_rows) < len(layouts):
            name, count = QLabel(), QLabel()
            name.setStyleSheet(f"color: {GREY};")
            count.setStyleSheet(f"color: {YELLOW};")
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row = len(self.layout_rows)
            self.layouts_grid.addWidget(name, row, 0)
            self.layouts_grid.addWidget(count, row, 1)
            self.layout_rows.append((name, count))
            self.rescale()
        for index, (name, count) in enumerate(self.layout_rows):
            layout = layouts[index] if index < len(layouts) else None
            name.setText(layout or "")
            count.setText("" if layout is None else self.tr("{count} left").format(
                count=left.get(layout, 0)))

    def layout_counts(self) -> dict[str, str]:
        """The counts shown, by layout (as text), for tests."""
        return {name.text(): count.text() for name, count in self.layout_rows if name.text()}

    def _legend(self) -> str:
        def chip(state: str, text: str) -> str:
            return (f"<span style='background-color:{FILL[state].name()};'>"
                    "&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;" + text)
        return "&nbsp;&nbsp;&nbsp;".join((
            chip("available", self.tr("available")), chip("taken", self.tr("taken")),
            chip("closed", self.tr("not offered"))))

    def show_pause(self, paused: bool) -> None:
        self.called.setCurrentIndex(1 if paused else 0)

    def is_paused_shown(self) -> bool:
        return self.called.currentIndex() == 1
