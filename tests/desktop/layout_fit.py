"""What "fits on the screen" means for the layout tests, measured with the fonts' own metrics.

A window fits a screen when its minimum size leaves room for the window manager: a title
bar and a task bar (``FRAME``) below a 1366×768 laptop's or a 1280×800 projector's
resolution. A text fits when the widget that shows it is at least as wide (and as high)
as the text wants: a label or button narrower than its text cuts it silently, which an
operator cannot tell from a wrong figure. Text that may not fit must wrap (word-wrapped
label, its height then checked for the width it got) or be elided by the code with the
whole text in the tooltip (its shown text then fits).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QWidget,
)

# Room the window manager takes: side borders (8 px each), a title bar (~30 px) and a
# task bar or panel (~40 px). Measured on GNOME and Windows 10 at 100 % scale.
FRAME_WIDTH = 16
FRAME_HEIGHT = 72
SCREENS = ((1280, 800), (1366, 768))


def available(screen: tuple[int, int]) -> tuple[int, int]:
    """The largest window (its inside) a screen of that resolution holds."""
    return screen[0] - FRAME_WIDTH, screen[1] - FRAME_HEIGHT


@dataclass(frozen=True)
class Cut:
    """A text shown in less room than it needs."""

    widget: str
    text: str
    has: tuple[int, int]
    needs: tuple[int, int]

    def __str__(self) -> str:
        return (f"{self.widget} {self.text!r}: {self.has[0]}×{self.has[1]} px shown, "
                f"{self.needs[0]}×{self.needs[1]} needed")


def cut_texts(root: QWidget) -> list[Cut]:
    """Every visible label and button under ``root`` whose text does not fit its widget."""
    cuts = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QLabel | QAbstractButton) or not widget.isVisibleTo(root):
            continue
        text = widget.text()
        if not text or widget.width() <= 0 or widget.property("elides"):
            continue  # an ElidedLabel shows "…" and the whole text in its tooltip
        has = (widget.width(), widget.height())
        if isinstance(widget, QLabel) and widget.wordWrap():
            # A wrapping label needs the height its text takes at the width it has.
            needs = (0, widget.heightForWidth(widget.width()))
            if needs[1] > widget.height() + 1:
                cuts.append(Cut(type(widget).__name__, text, has, needs))
            continue
        hint = widget.sizeHint()
        needs = (hint.width(), hint.height())
        if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
            cuts.append(Cut(type(widget).__name__, text, has, needs))
    return cuts


def too_large(window: QWidget, screen: tuple[int, int]) -> str:
    """Why ``window`` cannot be made as small as the screen's room, or ""."""
    room = available(screen)
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    if hint.width() <= room[0] and hint.height() <= room[1]:
        return ""
    return (f"{type(window).__name__} needs at least {hint.width()}×{hint.height()} px; "
            f"a {screen[0]}×{screen[1]} screen leaves {room[0]}×{room[1]}")


def cut_headers(table: QTableView, columns: Iterable[int]) -> list[str]:
    """The ``columns`` of ``table`` that an operator cannot read whole at their widths
    now: scrolled out of the viewport (sideways), or narrower than their header's text
    (its widest line, with the margins the style draws on either side)."""
    table.horizontalScrollBar().setValue(0)
    header = table.horizontalHeader()
    room = table.viewport().width()
    metrics = header.fontMetrics()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    problems = []
    for column in columns:
        text = str(table.model().headerData(column, Qt.Orientation.Horizontal))
        size = header.sectionSize(column)
        needs = max(metrics.horizontalAdvance(line) for line in text.split("\n")) + 2 * margin
        if header.sectionViewportPosition(column) + size > room:
            problems.append(f"{type(table.model()).__name__} {text!r}: scrolled out of "
                            f"{room} px (ends at {header.sectionViewportPosition(column) + size})")
        elif needs > size:
            problems.append(f"{type(table.model()).__name__} {text!r}: {size} px wide, "
                            f"its header needs {needs}")
    return problems


def cut_table_headers(root: QWidget) -> list[str]:
    """In every visible table under ``root``, the columns in view at their default widths
    whose header text (its widest line) is wider than the column: a header cut to "…"."""
    problems = []
    for table in root.findChildren(QTableView):
        if not table.isVisibleTo(root) or table.model() is None:
            continue
        header = table.horizontalHeader()
        if header.isHidden():
            continue
        metrics = header.fontMetrics()
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        room = table.viewport().width()
        for column in range(header.count()):
            if header.isSectionHidden(column):
                continue
            start = header.sectionViewportPosition(column)
            size = header.sectionSize(column)
            if start < 0 or start + size > room:
                continue  # scrolled to, not shown at once
            text = table.model().headerData(column, Qt.Orientation.Horizontal)
            if not isinstance(text, str) or not text:
                continue
            needs = max(metrics.horizontalAdvance(line) for line in text.split("\n")) + 2 * margin
            if needs > size + 1:
                problems.append(f"{type(table.model()).__name__} header {text!r}: {size} px "
                                f"wide, needs {needs}")
    return problems


def squeezed(root: QWidget) -> list[str]:
    """Every visible widget under ``root`` given less room than its minimum size hint: a
    label, button, line edit or group box lower (or narrower) than it can be drawn, or a
    table with rows to show whose viewport holds less than one of them. Such a widget is
    drawn crushed (a panel under the desk's flats once pressed the household card above
    it to half its height), though no text of it is measured as cut."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.property("elides"):
            continue
        if isinstance(widget, QAbstractItemView):
            model = widget.model()
            if model is None or model.rowCount(widget.rootIndex()) == 0:
                continue
            row = widget.sizeHintForRow(0) if isinstance(widget, QTableView) else \
                widget.sizeHintForIndex(model.index(0, 0, widget.rootIndex())).height()
            if widget.viewport().height() < row:
                problems.append(f"{type(widget).__name__} {widget.objectName()!r}: viewport "
                                f"{widget.viewport().height()} px high, a row needs {row}")
            continue
        if not isinstance(widget, QLabel | QAbstractButton | QLineEdit | QGroupBox):
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue  # measured by cut_texts at the width it has
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue  # a spin box's or combo's own edit, drawn inside its frame
        least = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        if widget.height() + 1 < least.height() or widget.width() + 1 < least.width():
            name = widget.text() if isinstance(widget, QLabel | QAbstractButton | QLineEdit) \
                else widget.title()
            problems.append(f"{type(widget).__name__} {name[:30]!r}: {widget.width()}×"
                            f"{widget.height()} px, at least {least.width()}×"
                            f"{least.height()} needed")
    return problems
