"""征收安置工作日通报 (kind ``report-daily``): the day's progress by team, on one page.

Built from :class:`allocation.casework.DailyFigures` (plain data, no
session): the project's progress in one paragraph, the teams ranked with
the day's and the running figures and their open requests by age, a
weekly trend chart and a chart of each team's signing, and the requests
waiting longest; once a selection session runs, the session's figures at the
close of the day (:class:`allocation.casework.SessionDay`, as the day's
results notice gives them) and, under frozen rules, supply against demand per
layout (the supply notice's table). Heads of household appear only masked
(张*明): the report goes round the office and up to the leadership.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from allocation.casework import (
    AGE_LABELS,
    OVERDUE_DAYS,
    DailyFigures,
    SessionDay,
    TeamFigures,
    WeekFigures,
)
from allocation.chances import SupplyDemand
from allocation.registry import mask_name
from printouts.document import (
    DASH,
    FONT_NAME,
    LABEL_SIZE,
    SERIES_COLORS,
    TITLE_SIZE,
    Align,
    BaseDocument,
    DocumentInfo,
    bar_chart,
    clean,
    data_table,
    escape,
    layout_table,
    total_row,
    zh_date,
)
from printouts.notices import day_summary, demand_table, heading, taken_table

OFFICE: Final = "征收安置工作指挥部"
CHART_HEIGHT: Final = 56 * mm


class DailyReport(BaseDocument):
    """One day's report (日通报); public: names masked, no ID numbers."""

    kind = "report-daily"
    title = "征收安置工作日通报"
    top_margin = 20 * mm
    bottom_margin = 24 * mm

    TEAM_HEADER = ("排名", "工作组", "户数", "当日<br/>签约", "累计<br/>签约", "签约率",
                   "当日<br/>搬迁", "累计<br/>搬迁", "当日<br/>收到", "当日<br/>答复",
                   *(f"待答复<br/>{label}" for label in AGE_LABELS))  # fmt: skip
    TEAM_WIDTHS = tuple(w * mm for w in (10, 22, 10, 11, 11, 13, 11, 11, 11, 11,
                                         13, 13, 13.5, 13.5))  # fmt: skip
    OPEN_HEADER = ("户号", "户主", "工作组", "类别", "收到日期", "已等待")
    OPEN_WIDTHS = tuple(w * mm for w in (22, 24, 34, 18, 44, 32))

    def __init__(self, info: DocumentInfo, figures: DailyFigures, *, office: str = OFFICE,
                 session_day: SessionDay | None = None,
                 supply: SupplyDemand | None = None) -> None:
        super().__init__(info)
        self.figures = figures
        self.office = clean(office) or OFFICE
        self.session_day = session_day
        self.supply = supply

    @property
    def width(self) -> float:
        return self.pagesize[0] - self.left_margin - self.right_margin

    def _story(self) -> list[Flowable]:
        day = self.figures.day
        return [
            Paragraph(f"（{zh_date(day)}，截至当日24时）", self.styles["Subtitle"]),
            *heading("一、总体进度", self.styles),
            Paragraph(escape(summary_text(self.figures)), self.styles["Body"]),
            *heading("二、各工作组进度排名", self.styles),
            self._team_table(),
            Spacer(1, 3 * mm),
            self._charts(),
            *heading(f"三、待答复时间最长的诉求和建议（超过{OVERDUE_DAYS}日为逾期）", self.styles),
            *self._open_requests(),
            *self._session_section(),
            *self._supply_section(),
            Paragraph(f"{escape(self.office)}<br/>{zh_date(day)}", self.styles["Signature"]),
        ]

    def _session_section(self) -> list[Flowable]:
        """四、现场选房: the session's day at its close (none before a session)."""
        day = self.session_day
        if day is None:
            return []
        return [*heading("四、现场选房情况（截至当日选房结束）", self.styles),
                Paragraph(escape(day_summary(day)), self.styles["Body"]),
                taken_table(day.layouts, self.styles)]

    def _supply_section(self) -> list[Flowable]:
        """五 (or 四)、人房供需: the supply notice's table of layouts (none without rules)."""
        if self.supply is None:
            return []
        number = "五" if self.session_day is not None else "四"
        t = self.supply
        text = (f"参加选房{t.households}户，已登记选房意向{t.households - t.unknown}户，"
                f"意向未知{t.unknown}户；可选房源为当前尚未选定的房源。")
        return [*heading(f"{number}、各户型房源与选房意向（人房供需）", self.styles),
                Paragraph(escape(text), self.styles["Body"]), demand_table(t, self.styles)]

    def _team_table(self) -> Flowable:
        rows = [_team_row(str(t.rank), t) for t in self.figures.teams]
        rows.append(_team_row("", self.figures.total))
        align: tuple[Align, ...] = ("CENTER", "LEFT", *(("CENTER",) * 12))
        return data_table(self.TEAM_HEADER, rows, self.TEAM_WIDTHS, align, self.styles,
                          total_row(len(rows)))

    def _charts(self) -> Flowable:
        left = self.width * 0.58
        teams = self.figures.teams
        team_chart = bar_chart(
            "各工作组签约户数", [t.team for t in teams],
            [("已签约", [t.signed_total for t in teams]),
             ("未签约", [t.households - t.signed_total for t in teams])],
            self.width - left - 4, CHART_HEIGHT)
        return layout_table([[trend_chart(self.figures.trend, left - 4, CHART_HEIGHT),
                              team_chart]], [left, self.width - left])

    def _open_requests(self) -> list[Flowable]:
        waiting = self.figures.oldest_open
        if not waiting:
            return [Paragraph("当日无待答复的诉求和建议。", self.styles["Body"])]
        rows = [[clean(r.code), mask_name(clean(r.head_name)) or DASH, clean(r.team), r.kind.zh,
                 zh_date(r.received_on), _waited(r.age)] for r in waiting]
        align: tuple[Align, ...] = ("CENTER", "CENTER", "LEFT", "CENTER", "CENTER", "CENTER")
        return [data_table(self.OPEN_HEADER, rows, self.OPEN_WIDTHS, align, self.styles)]


def summary_text(figures: DailyFigures) -> str:
    """The report's first paragraph: the project's progress and the day's work in one breath."""
    t = figures.total
    return (
        f"截至{zh_date(figures.day)}，本项目登记被安置户{t.households}户，已签约{t.signed_total}户，"
        f"签约率{t.signing_rate}%，当日签约{t.signed_today}户；已搬迁腾房{t.moved_total}户，"
        f"当日搬迁{t.moved_today}户。当日收到诉求和建议{t.received_today}件，答复"
        f"{t.answered_today}件；尚待答复{t.open_total}件，其中超过{OVERDUE_DAYS}日的"
        f"{t.overdue}件。"
    )


def _waited(age: int) -> str:
    return f"{age}日（逾期）" if age > OVERDUE_DAYS else f"{age}日"


def _team_row(rank: str, t: TeamFigures) -> list[str]:
    return [rank, clean(t.team), str(t.households), str(t.signed_today), str(t.signed_total),
            f"{t.signing_rate}%", str(t.moved_today), str(t.moved_total), str(t.received_today),
            str(t.answered_today), *(str(n) for n in t.open_by_age)]


def trend_chart(weeks: Sequence[WeekFigures], width: float, height: float) -> Drawing:
    """Signings and move-outs per week, side by side; every other week labelled (M/D, its end).

    Not :func:`printouts.document.bar_chart`: eighteen weeks leave no room for
    a label under every bar, and a label split over two lines would not read.
    """
    drawing = Drawing(width, height)
    drawing.add(String(width / 2, height - TITLE_SIZE - 2, "近期每周签约、搬迁户数",
                       fontName=FONT_NAME, fontSize=TITLE_SIZE, textAnchor="middle"))
    chart = VerticalBarChart()
    chart.x, chart.y = 24, 40
    chart.width, chart.height = width - 30, height - 40 - TITLE_SIZE - 12  # type: ignore[assignment]  # stubs: int; any number draws
    chart.data = [[w.signed for w in weeks] or [0], [w.moved for w in weeks] or [0]]
    last = len(weeks) - 1
    chart.categoryAxis.categoryNames = [
        f"{w.last.month}/{w.last.day}" if (last - i) % 2 == 0 else ""
        for i, w in enumerate(weeks)]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName, axis.labels.fontSize = FONT_NAME, LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor, chart.categoryAxis.labels.dy = "n", -2
    chart.valueAxis.valueMin, chart.valueAxis.rangeRound = 0, "ceiling"
    chart.valueAxis.visibleGrid, chart.valueAxis.labelTextFormat = True, "%d"
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.barSpacing, chart.groupSpacing = 0.5, 3  # type: ignore[assignment]  # stubs: int; any number draws
    for index in range(2):
        chart.bars[index].fillColor = SERIES_COLORS[index]
        chart.bars[index].strokeColor = colors.white
    drawing.add(chart)
    drawing.add(_legend((("签约", SERIES_COLORS[0]), ("搬迁", SERIES_COLORS[1])), width))
    return drawing


def _legend(entries: Sequence[tuple[str, colors.Color]], width: float) -> Legend:
    legend = Legend()
    legend.fontName, legend.fontSize = FONT_NAME, LABEL_SIZE
    legend.alignment, legend.columnMaximum = "right", 1
    legend.x, legend.y = 24, 8
    legend.dx = legend.dy = 7
    legend.deltax = max(40.0, (width - 40) / max(1, len(entries)))  # type: ignore[assignment]  # stubs: int; any number draws
    legend.colorNamePairs = [(color, name) for name, color in entries]
    return legend
