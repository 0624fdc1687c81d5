"""选房通知书 (kind ``appointments``): each household's own notice of when and where it chooses.

The household's paper, one page each: the head's full name, its order
number, batch, date and time window, where to come, what to bring (身份证、
户口簿; a proxy brings the signed 授权委托书 and his own ID card), the
entitled area it chooses against and, after the draw, its chances per layout
(the guaranteed bound and the replayed estimate, with method, replays and
seed). Not public, so nothing is masked; the ID number is not printed,
since the paper is posted or handed out and needs none.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from allocation.chances import HouseholdChances
from allocation.registry import Household
from allocation.schedule import Batch, Slot
from printouts.document import (
    DASH,
    BatchDocument,
    DocumentInfo,
    area,
    clean,
    escape,
    zh_date,
)
from printouts.notices import batch_time, day_text, window_text
from printouts.papers.chances_parts import chances_section
from printouts.papers.forms import Field, field_table

#: What every household brings; a proxy also brings the authorisation form (授权委托书).
TO_BRING: tuple[str, ...] = (
    "本通知书；",
    "户主及家庭成员的居民身份证原件；",
    "户口簿原件；",
    "委托他人办理的，须带户主签名（捺印）的授权委托书及受托人本人身份证原件。",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class AppointmentData:
    """One household's appointment.

    Args:
        number: the notice's number (通知书编号).
        household: the household, printed in full.
        slot: its place in the plan (order number, batch, window).
        batch: the batch it is in (for the batch's span).
        venue: where to come (选房地点).
        office: who issues the notice.
        issued_on: the notice's date.
        entitlement: the entitled area (安置面积), m²; None when not decided.
        group: its priority group, if any.
        chances: its chances after the draw (per layout it may take), if computed;
            printed with ``chances_method``, ``chances_replays`` and ``chances_seed``.
    """

    number: str
    household: Household
    slot: Slot
    batch: Batch
    venue: str
    office: str
    issued_on: date
    entitlement: Decimal | None = None
    group: str = ""
    chances: HouseholdChances | None = None
    chances_method: str = ""
    chances_replays: int = 0
    chances_seed: str = ""


class Appointment(BatchDocument):
    """选房通知书: who, when, where, what to bring, the entitlement, and the rules for absence."""

    kind = "appointments"
    title = "选房通知书"

    def __init__(self, info: DocumentInfo, appointments: Sequence[AppointmentData]) -> None:
        super().__init__(info)
        self.appointments = list(appointments)

    def _sections(self) -> Iterable[tuple[str, list[Flowable]]]:
        for item in self.appointments:
            label = f"通知书编号：{clean(item.number)}　户号：{clean(item.household.code)}"
            yield label, [*self._section_letter(item), *self._section_fields(item),
                          *self._section_chances(item), *self._section_bring(item),
                          *self._section_notes(), *self._close(item)]

    def _section_letter(self, item: AppointmentData) -> list[Flowable]:
        h, slot = item.household, item.slot
        venue = escape(item.venue) or DASH
        text = (f"根据摇号确定的选房顺序，您户选房顺序号为第{slot.order_number}号，"
                f"安排在第{slot.batch}批。请于{day_text(slot.on)}"
                f"{window_text(slot.start, slot.end)}到{venue}选房，"
                "并请提前到场签到、等候叫号。")
        return [Paragraph(f"通知书编号：{escape(item.number)}", self.styles["Reference"]),
                Paragraph(f"{escape(h.head_name)}户主：", self.styles["BodyNoIndent"]),
                Paragraph(text, self.styles["Body"]), Spacer(1, 2 * mm)]

    def _section_fields(self, item: AppointmentData) -> list[Flowable]:
        h, slot = item.household, item.slot
        entitled = f"{area(item.entitlement)} 平方米" if item.entitlement is not None else DASH
        fields = [
            Field("户号", h.code), Field("户主", h.head_name),
            Field("选房顺序号", f"第 {slot.order_number} 号"),
            Field("批次", f"第 {slot.batch} 批"),
            Field("选房日期", day_text(slot.on)),
            Field("选房时段", window_text(slot.start, slot.end)),
            Field("本批时间", batch_time(item.batch)),
            Field("优先组", item.group or DASH),
            Field("认定安置人口", f"{h.recognised_count} 人"),
            Field("安置面积", entitled),
            Field("选房地点", item.venue or DASH, wide=True),
        ]  # fmt: skip
        return [field_table(fields, self.width, self.styles)]

    def _section_chances(self, item: AppointmentData) -> list[Flowable]:
        """Per layout it may take: flats, households ahead, the guaranteed bound, the estimate."""
        return chances_section(item.chances, self.styles, replays=item.chances_replays,
                               method=item.chances_method, seed=item.chances_seed)

    def _section_bring(self, item: AppointmentData) -> list[Flowable]:
        body = self.styles["FormBody"]
        items = [f"{n}. {escape(text)}" for n, text in enumerate(TO_BRING, 1)]
        if item.chances is not None and item.chances.layouts:
            # Run on in one paragraph: the chances' rows take the room (one page each, with
            # every layout of a full stock before the session).
            return [Paragraph("请携带：", self.styles["Clause"]), Paragraph(" ".join(items), body)]
        return [Paragraph("请携带：", self.styles["Clause"]),
                *(Paragraph(line, body) for line in items)]

    def _section_notes(self) -> list[Flowable]:
        body = self.styles["FormBody"]
        return [
            Paragraph("注意事项：", self.styles["Clause"]),
            Paragraph("1. 选房按顺序号叫号，叫到时未到场的，按分房方案的规定处理；"
                      "已确认的选房结果当即生效，不因当日其后情况而改变。", body),
            Paragraph("2. 安置面积以分房方案和审核认定结果为准，选房时可用面积以选房现场"
                      "核算为准。", body),
            Paragraph("3. 如有疑问，请于选房日前到指挥部咨询。", body),
        ]

    def _close(self, item: AppointmentData) -> list[Flowable]:
        issuer = escape(item.office)
        # Less room above the signature when the chances take some: one page each.
        space = 3 if item.chances is not None and item.chances.layouts else 8
        return [Spacer(1, space * mm),
                Paragraph(f"{issuer}<br/>{zh_date(item.issued_on)}", self.styles["Signature"])]
