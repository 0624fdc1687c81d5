"""选房活动作废公告 (kind ``notice-void``): a supervisor voided the selection session.

A draw is final once a session has chosen by it; when the day must be
undone all the same, the households who chose are told in the open: which
session, held on which day over which draw, voided when and why, and every
choice it voided (kept in the record, marked void), names masked. The
households choose again in a new session, announced separately. Like every
notice it is registered as a numbered publication and ends with its posting
period and where objections go.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from allocation.registry import mask_name
from printouts.document import (
    DASH,
    Align,
    BaseDocument,
    DocumentInfo,
    clean,
    data_table,
    escape,
    redact_ids,
    zh_date,
    zh_datetime,
)
from printouts.notices.notice_parts import hash_box
from printouts.notices.publication import Publication, notice_ending


@dataclass(frozen=True, slots=True, kw_only=True)
class VoidedChoice:
    """One choice the void revoked: the head's full name is given, the notice masks it."""

    order_number: int | None
    code: str
    head_name: str
    flat_key: str
    chosen_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class VoidFacts:
    """The voided session: its number, day and draw, and when and why it was voided."""

    session_id: int
    held_on: date
    draw_sha256: str
    voided_at: datetime
    reason: str


class VoidNotice(BaseDocument):
    """选房活动作废公告: what was voided and why, the choices voided, the issuer."""

    kind = "notice-void"
    title = "选房活动作废公告"

    HEADER = ("选房<br/>顺序号", "户号", "户主", "原选房号", "选房时间")
    WIDTHS = tuple(w * mm for w in (22, 28, 28, 42, 50))
    ALIGN: tuple[Align, ...] = ("CENTER", "CENTER", "CENTER", "CENTER", "CENTER")

    def __init__(self, info: DocumentInfo, facts: VoidFacts,
                 choices: Sequence[VoidedChoice], publication: Publication) -> None:
        super().__init__(info)
        self.facts = facts
        self.choices = sorted(choices, key=lambda c: (c.order_number is None,
                                                      c.order_number or 0, c.code))
        self.publication = publication

    def _story(self) -> list[Flowable]:
        return [*self._section_intro(), self._section_facts(), Spacer(1, 3 * mm),
                *self._section_table(), Spacer(1, 3 * mm),
                notice_ending(self.publication, self.styles)]

    def _section_intro(self) -> list[Flowable]:
        facts = self.facts
        text = (
            f"本项目于{zh_date(facts.held_on)}按摇号确定的顺序举行的第{facts.session_id}场"
            f"现场选房活动，经主管于{zh_datetime(facts.voided_at)}决定予以作废。"
            f"作废理由：{escape(redact_ids(clean(facts.reason))) or DASH}。"
        )
        rest = (
            f"该场活动中的选房确认共{len(self.choices)}条，均保留于选房记录并标记作废，"
            "所涉房源恢复为可选；各户将在另行公告的选房活动中重新选房。"
            "为保护个人信息，户主姓名已作部分隐去处理。"
        )
        return [Paragraph(text, self.styles["Body"]), Paragraph(rest, self.styles["Body"]),
                Spacer(1, 2 * mm)]

    def _section_facts(self) -> Table:
        return hash_box([("摇号记录 SHA-256", self.facts.draw_sha256 or DASH)], self.width)

    def _section_table(self) -> list[Flowable]:
        if not self.choices:
            return [Paragraph("该场活动中尚无选房确认。", self.styles["Body"])]
        rows = [[str(c.order_number) if c.order_number is not None else DASH,
                 redact_ids(c.code), mask_name(clean(c.head_name)) or DASH,
                 redact_ids(c.flat_key), zh_datetime(c.chosen_at)] for c in self.choices]
        return [data_table(self.HEADER, rows, self.WIDTHS, self.ALIGN, self.styles)]
