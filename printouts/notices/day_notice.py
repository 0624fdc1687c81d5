"""当日选房结果公告 (kind ``notice-day``): how one day of the session went, posted that evening.

From :class:`allocation.casework.SessionDay` (the day's figures at its close)
and the results notice's lines of the households that chose that day: the
day's figures in one paragraph, the flats each of those households took
(the head's name masked, as on the results notice), the flats of each layout
taken that day, by the close and left, and the order numbers of the
households called that day who did not come. Public: no full name, no ID
number; order numbers only for the absent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from allocation.casework import LayoutDay, SessionDay
from printouts.document import (
    DASH,
    Align,
    DocumentInfo,
    cell,
    clean,
    data_table,
    escape,
    total_row,
    zh_date,
)
from printouts.notices.notice_parts import heading
from printouts.notices.publication import Publication, notice_ending
from printouts.notices.results_notice import ResultLine, ResultsNotice

NONE_CHOSEN: Final = "当日无选定房源的户。"


def day_label(day: SessionDay) -> str:
    """第2日（2026年12月7日）, or the date alone for a day without desk work."""
    when = zh_date(day.day)
    return f"第{day.number}日（{when}）" if day.number else when


def day_summary(day: SessionDay) -> str:
    """The day's figures in one paragraph (the notice's, and the daily report's)."""
    declined = f"，到场未选房{day.declined_today}户" if day.declined_today else ""
    closed = f"、确认未到场{day.absent}户" if day.absent else ""
    gave_up = f"、到场未选房{day.declined}户" if day.declined else ""
    return (
        f"现场选房{day_label(day)}：当日选房{day.selected_today}户，选定房源{day.flats_today}套；"
        f"当日叫号未到场{day.absent_today}户{declined}。截至当日选房结束，参加选房共"
        f"{day.households}户，已选房{day.selected}户{gave_up}{closed}，尚待选房"
        f"{day.remaining}户；房源共{day.flats}套，已选定{day.flats_taken}套，剩余"
        f"{day.flats_left}套。"
    )


def layout_rows(layouts: Sequence[LayoutDay]) -> list[list[str]]:
    """户型, 房源, 当日选定, 累计选定, 剩余 — and the total row."""
    rows = [[line.layout, str(line.flats), str(line.taken_today), str(line.taken),
             str(line.left)] for line in layouts]
    rows.append(["合计", *(str(sum(getattr(line, name) for line in layouts))
                         for name in ("flats", "taken_today", "taken", "left"))])
    return rows


TAKEN_HEADER: Final = ("户型", "房源<br/>（套）", "当日选定<br/>（套）", "累计选定<br/>（套）",
                       "剩余<br/>（套）")
TAKEN_WIDTHS: Final = tuple(w * mm for w in (54, 29, 29, 29, 29))
TAKEN_ALIGN: Final[tuple[Align, ...]] = ("LEFT", "CENTER", "CENTER", "CENTER", "CENTER")


def taken_table(layouts: Sequence[LayoutDay], styles: StyleSheet1) -> Flowable:
    """The flats of each layout taken that day, by the close and left, with the total:
    the notice's table, and the daily report's."""
    rows: list[list[object]] = [[cell(clean(row[0]) or DASH, styles), *row[1:]]
                                for row in layout_rows(layouts)]
    return data_table(TAKEN_HEADER, rows, TAKEN_WIDTHS, TAKEN_ALIGN, styles,
                      total_row(len(rows)))


class DayNotice(ResultsNotice):
    """当日选房结果公告: the day's figures, its choices, layouts, the absent, objection period."""

    kind = "notice-day"
    title = "当日选房结果公告"

    def __init__(self, info: DocumentInfo, day: SessionDay, lines: Sequence[ResultLine],
                 publication: Publication) -> None:
        super().__init__(info, lines, publication)
        self.day = day

    def _story(self) -> list[Flowable]:
        return [
            Paragraph(escape(day_label(self.day)), self.styles["Subtitle"]),
            Paragraph(
                "本项目现场选房按摇号确定的选房顺序进行，当日选房已结束，现将当日选房结果予以"
                "公告。为保护个人信息，户主姓名已作部分隐去处理。", self.styles["Body"]),
            Paragraph(day_summary(self.day), self.styles["Body"]),
            *heading("一、当日选房结果", self.styles),
            self._section_table() if self.lines
            else Paragraph(NONE_CHOSEN, self.styles["Body"]),
            *heading("二、各户型房源选定情况", self.styles),
            taken_table(self.day.layouts, self.styles),
            *self._section_absent(),
            Spacer(1, 2 * mm),
            notice_ending(self.publication, self.styles),
        ]

    def _section_absent(self) -> list[Flowable]:
        if not self.day.missed:
            return []
        numbers = "、".join(f"第{n}号" for n in self.day.missed)
        # Once the close has marked them absent there is no later call to point to.
        later = ("其中尚待选房的，按选房规则另行安排叫号，请及时与现场工作人员联系。"
                 if self.day.remaining else "")
        return [Spacer(1, 2 * mm), Paragraph(
            f"当日叫号未到场的选房顺序号：{numbers}。{later}", self.styles["Body"])]
