"""Bar charts for printouts, drawn with ReportLab graphics in the embedded Chinese font.

A chart is a :class:`~reportlab.graphics.shapes.Drawing`, so it flows like
any other flowable and prints as vectors. Every label (title, categories,
legend, values) is set in :data:`~printouts.document.fonts.FONT_NAME`: ReportLab's
default Helvetica has no Chinese glyphs and would print blanks. Colours
are greys and one blue that stay distinct on a black-and-white copier.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from printouts.document.fonts import FONT_NAME

SERIES_COLORS: Final = (
    colors.HexColor("#2F5D8A"), colors.HexColor("#9DB6CF"),
    colors.HexColor("#6E6E6E"), colors.HexColor("#C8C8C8"),
)  # fmt: skip
LABEL_SIZE: Final = 7.0
TITLE_SIZE: Final = 9.5


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    width: float,
    height: float,
    *,
    stacked: bool = True,
) -> Drawing:
    """Bars per category, one colour per series (stacked by default), with a legend under it.

    Args:
        title: printed above the bars.
        categories: the x-axis labels, in order.
        series: (legend name, one value per category) per series.
        width, height: the drawing's size in points.
    """
    drawing = Drawing(width, height)
    drawing.add(String(width / 2, height - TITLE_SIZE - 2, title, fontName=FONT_NAME,
                       fontSize=TITLE_SIZE, textAnchor="middle"))  # fmt: skip
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 48
    chart.width, chart.height = width - 36, height - 48 - TITLE_SIZE - 12  # type: ignore[assignment]  # stubs: int; any number draws
    chart.data = [list(values) for _name, values in series] or [[0] * len(categories)]
    _style_axes(chart, categories, stacked)
    for index in range(len(chart.data)):
        chart.bars[index].fillColor = SERIES_COLORS[index % len(SERIES_COLORS)]
        chart.bars[index].strokeColor = colors.white
    drawing.add(chart)
    drawing.add(_legend(series, width))
    return drawing


def fit_label(label: str, width: float, size: float = LABEL_SIZE) -> str:
    """The label on two lines (split in the middle) when it is wider than ``width`` points."""
    if stringWidth(label, FONT_NAME, size) <= width or len(label) < 2:
        return label
    middle = (len(label) + 1) // 2
    return f"{label[:middle]}\n{label[middle:]}"


def _style_axes(chart: VerticalBarChart, categories: Sequence[str], stacked: bool) -> None:
    axis = chart.categoryAxis
    room = chart.width / max(1, len(categories)) - 8  # a gap between neighbours
    axis.categoryNames = [fit_label(name, room) for name in categories]
    axis.labels.fontName = FONT_NAME
    axis.labels.fontSize = LABEL_SIZE
    axis.labels.boxAnchor = "n"
    axis.labels.dy = -2
    axis.labels.leading = LABEL_SIZE * 1.2
    if stacked:
        axis.style = "stacked"
    values = chart.valueAxis
    values.valueMin = 0
    values.rangeRound = "ceiling"  # headroom above the tallest bar, up to a round tick
    values.labels.fontName = FONT_NAME
    values.labels.fontSize = LABEL_SIZE
    values.visibleGrid = True
    values.gridStrokeColor = colors.HexColor("#DDDDDD")
    values.labelTextFormat = "%d"
    chart.barSpacing = 1
    chart.groupSpacing = 8


def _legend(series: Sequence[tuple[str, Sequence[int]]], width: float) -> Legend:
    legend = Legend()
    legend.fontName = FONT_NAME
    legend.fontSize = LABEL_SIZE
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.x, legend.y = 28, 10
    legend.dx = legend.dy = 7
    legend.deltax = max(48.0, (width - 40) / max(1, len(series)))  # type: ignore[assignment]  # stubs: int; any number draws
    legend.colorNamePairs = [
        (SERIES_COLORS[i % len(SERIES_COLORS)], name) for i, (name, _v) in enumerate(series)
    ]
    return legend
