"""选房时间安排表 (kind ``schedule``): the session plan posted for everyone, names masked.

Two tables: the batches (date, time, order numbers, households) and every
household's window in drawn order, with the head's name masked (张*明) as
on every public notice; codes and group names are scrubbed of anything
shaped like an ID number. The order it follows was published with the draw;
what may be objected to here is the arrangement (a window, the day, the
venue), so it ends like every notice with its posting period, where
objections go, and the issuer (it is registered as a numbered publication).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Final

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from allocation.registry import mask_name
from allocation.schedule import Batch, SessionPlan
from printouts.document import (
    DASH,
    Align,
    BaseDocument,
    DocumentInfo,
    cell,
    clean,
    data_table,
    escape,
    redact_ids,
    zh_date,
)
from printouts.notices.notice_parts import heading
from printouts.notices.publication import Publication, notice_ending

WEEKDAYS: Final = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


def day_text(day: date) -> str:
    """``2026年12月20日（星期日）``: the weekday keeps a family from coming on the wrong day."""
    return f"{zh_date(day)}（{WEEKDAYS[day.weekday()]}）"


def window_text(start: datetime, end: datetime) -> str:
    """``09:42—09:45`` (24-hour clock, a Chinese dash between)."""
    return f"{start:%H:%M}—{end:%H:%M}"


def batch_time(batch: Batch) -> str:
    """The batch's span; with a break inside it, both half-days (08:30—12:00、14:00—15:30)."""
    halves: list[tuple[datetime, datetime]] = []
    for slot in batch.slots:
        if halves and slot.start == halves[-1][1]:
            halves[-1] = (halves[-1][0], slot.end)
        else:
            halves.append((slot.start, slot.end))
    return "、".join(window_text(a, b) for a, b in halves)


class ScheduleNotice(BaseDocument):
    """选房时间安排表: where and when, the batches, and each household's window (masked)."""

    kind = "schedule"
    title = "选房时间安排表"

    BATCH_HEADER = ("批次", "日期", "时间", "选房顺序号", "户数", "优先组别")
    BATCH_WIDTHS = tuple(w * mm for w in (14, 44, 46, 28, 14, 28))
    BATCH_ALIGN: tuple[Align, ...] = ("CENTER", "CENTER", "CENTER", "CENTER", "CENTER", "LEFT")
    HEADER = ("选房<br/>顺序号", "户号", "户主", "批次", "日期", "时段")
    WIDTHS = tuple(w * mm for w in (18, 26, 26, 16, 50, 38))
    ALIGN: tuple[Align, ...] = ("CENTER",) * 6

    def __init__(self, info: DocumentInfo, plan: SessionPlan, names: Mapping[str, str], *,
                 venue: str, publication: Publication) -> None:
        super().__init__(info)
        self.plan = plan
        self.names = dict(names)
        self.venue = venue
        self.publication = publication

    def _story(self) -> list[Flowable]:
        return [*self._section_intro(), *self._section_batches(), *self._section_households(),
                *self._section_close()]

    def _section_intro(self) -> list[Flowable]:
        plan = self.plan
        count = len(plan.slots)
        days = "、".join(day_text(d) for d in plan.days)
        venue = escape(self.venue) or DASH
        return [
            Paragraph(
                f"本项目选房按摇号确定的选房顺序分批进行，共{count}户，分{len(plan.batches)}批，"
                f"于{days}在{venue}举行。现将各批次及各户选房时间安排公布如下。"
                "为保护个人信息，户主姓名已作部分隐去处理。", self.styles["Body"]),
            Paragraph(
                "请各户按本表时段提前到场签到，凭选房通知书、身份证和户口簿入场；"
                "委托他人办理的，受托人须带授权委托书及本人身份证。"
                "本批叫号结束仍未到场的，按分房方案的规定处理。", self.styles["Small"]),
            Spacer(1, 3 * mm),
        ]

    def _section_batches(self) -> list[Flowable]:
        rows: list[list[object]] = []
        for batch in self.plan.batches:
            group = redact_ids(batch.group)
            rows.append([f"第{batch.number}批", day_text(batch.on), batch_time(batch),
                         f"{batch.first}—{batch.last}", str(len(batch.slots)),
                         cell(group, self.styles) if group else DASH])
        return [*heading("一、批次安排", self.styles),
                data_table(self.BATCH_HEADER, rows, self.BATCH_WIDTHS, self._batch_align(),
                           self.styles)]

    def _batch_align(self) -> list[Align]:
        align = list(self.BATCH_ALIGN)
        if not any(batch.group for batch in self.plan.batches):
            align[5] = "CENTER"  # a column of — alone is centred
        return align

    def _section_households(self) -> list[Flowable]:
        rows = [[str(s.order_number), redact_ids(s.code),
                 mask_name(clean(self.names.get(s.code, ""))) or DASH, f"第{s.batch}批",
                 day_text(s.on), window_text(s.start, s.end)] for s in self.plan.slots]
        table: Flowable = data_table(self.HEADER, rows, self.WIDTHS, self.ALIGN, self.styles)
        return [*heading("二、各户选房时段", self.styles), table]

    def _section_close(self) -> list[Flowable]:
        return [Spacer(1, 6 * mm), notice_ending(self.publication, self.styles)]

