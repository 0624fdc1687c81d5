"""选房确认书 (kind ``slips``): what a household chose at the desk, signed there; one per page.

Printed right after the confirmation is committed: the household, its
order number, the flats chosen, the areas and the price (split into the
part within the entitlement, the part above it and any refund), the time,
the operator, and the head of the audit chain just after the confirmation
was recorded, so the paper can be matched with the log (a household taking
several flats sees each flat's own price lines with the running totals, in
its agreement's price table). Boxes for the chooser (户主, or the proxy with
name and ID number), the staff member and the notary. A household exchanging
by value (产权调换（价值互换）) sees its value swap instead of the area price:
the value available (assessed value and subsidies), each flat's value, the
value used, what remains and what it pays up (多退少补). Not public: full name and ID number.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from allocation.registry import CompensationMode, Flat, Household
from allocation.rules import PriceBreakdown, ValueSwap
from printouts.document import (
    DASH,
    Align,
    BatchDocument,
    DocumentInfo,
    area,
    clean,
    data_table,
    escape,
    money,
    zh_datetime,
)
from printouts.notices import hash_box
from printouts.papers.agreement_tables import flat_table, price_table, value_table
from printouts.papers.forms import (
    Field,
    Party,
    amount_words,
    field_table,
    segment_text,
    signature_boxes,
)

ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True, kw_only=True)
class SlipData:
    """One confirmed selection.

    Args:
        number: the slip's number (确认书编号).
        household: the household, printed in full (not masked).
        order_number: its place in the selection order (选房顺序号).
        flats: the flats confirmed, in the order priced.
        price: those flats priced in the household's mode: by area (``PriceBreakdown``:
            entitlement, area and lines) or by value (``ValueSwap``).
        confirmed_at: when the confirmation was committed.
        operator: the staff member at the desk (login or name).
        audit_head: the audit-chain head (hex) right after the confirmation.
        group: the household's priority group, if any.
        proxy_name: the representative who chose for the household, if any.
        proxy_id: the representative's ID number.
        audit_count: the event count ``audit_head`` closes: printed ``HEX@N``, an anchor
            `anju audit verify --head` checks (None: the head alone).
    """

    number: str
    household: Household
    order_number: int
    flats: tuple[Flat, ...]
    price: PriceBreakdown | ValueSwap
    confirmed_at: datetime
    operator: str
    audit_head: str
    group: str = ""
    proxy_name: str = ""
    proxy_id: str = ""
    audit_count: int | None = None


def price_parts(price: PriceBreakdown) -> tuple[Decimal, Decimal, Decimal]:
    """The price lines summed: (within the entitlement, above it, refund), adding to the total."""
    within = sum((line.amount for line in price.lines if line.code == "within"), ZERO)
    refund = sum((line.amount for line in price.lines if line.code == "refund"), ZERO)
    return within, price.total - within - refund, refund


def _above_parts(price: PriceBreakdown) -> list[str]:
    """What the 超出部分 column holds besides the tiers, in words: a round-up (就近上靠) and
    a single-flat bonus (单套奖励, a deduction), so the column's sum can be followed."""
    parts = []
    for line in price.lines:
        if line.code == "round_up":
            parts.append(f"{segment_text(line)}{area(line.area)}平方米×{money(line.unit_price)}"
                         f"元/平方米，计{money(line.amount)}元")
        elif line.code == "bonus":
            parts.append(f"{segment_text(line)}减{money(-line.amount)}元")
    return [f"超出部分房价含：{'；'.join(parts)}。"] if parts else []


class Slip(BatchDocument):
    """选房确认书: household, chosen flats, areas and price, statement, audit head, signatures."""

    kind = "slips"
    title = "选房确认书"

    PRICE_HEADER = ("安置面积<br/>（㎡）", "所选面积<br/>（㎡）", "面积差<br/>（㎡）",
                    "安置面积内<br/>房价（元）", "超出部分<br/>房价（元）",
                    "面积不足<br/>退还（元）", "房价款合计<br/>（元）")  # fmt: skip
    PRICE_WIDTHS = tuple(w * mm for w in (22, 22, 20, 28, 28, 24, 30))
    VALUE_HEADER = ("可用价值<br/>（元）", "所选面积<br/>（㎡）", "房屋价值<br/>（元）",
                    "抵扣价值<br/>（元）", "剩余价值<br/>（元）", "乙方补缴<br/>（元）")
    VALUE_WIDTHS = tuple(w * mm for w in (30, 22, 30, 30, 30, 28))

    def __init__(self, info: DocumentInfo, slips: Sequence[SlipData]) -> None:
        super().__init__(info)
        self.slips = list(slips)

    def _sections(self) -> Iterable[tuple[str, list[Flowable]]]:
        for slip in self.slips:
            story = [*self._section_household(slip), *self._section_flats(slip),
                     *self._section_price(slip), *self._section_statement(slip),
                     self._section_signatures(slip)]  # fmt: skip
            label = f"确认书编号：{clean(slip.number)}　户号：{clean(slip.household.code)}"
            yield label, story

    def _section_household(self, slip: SlipData) -> list[Flowable]:
        h = slip.household
        fields = [
            Field("户号", h.code), Field("选房顺序号", f"第 {slip.order_number} 号"),
            Field("户主", h.head_name), Field("公民身份号码", h.head_id),
            Field("认定安置人口", f"{h.recognised_count} 人"),
            Field("优先组", slip.group or DASH),
            Field("确认时间", zh_datetime(slip.confirmed_at)),
            Field("操作员", slip.operator or DASH),
        ]  # fmt: skip
        return [
            Paragraph(f"确认书编号：{escape(slip.number)}", self.styles["Reference"]),
            field_table(fields, self.width, self.styles),
        ]

    def _section_flats(self, slip: SlipData) -> list[Flowable]:
        return [self._heading("一、选定房源"), flat_table(slip.flats, self.styles)]

    def _section_price(self, slip: SlipData) -> list[Flowable]:
        p = slip.price
        if isinstance(p, ValueSwap):
            return self._section_value(slip, p)
        within, above, refund = price_parts(p)
        row = [area(p.entitlement), area(p.area), _signed_area(p.area - p.entitlement),
               money(within), money(above), money(-refund), money(p.total)]  # fmt: skip
        align: tuple[Align, ...] = ("RIGHT",) * 7
        table = data_table(self.PRICE_HEADER, [row], self.PRICE_WIDTHS, align, self.styles)
        refund_word = "（为退还）" if p.total < 0 else ""
        total = f"房价款合计{refund_word}：{amount_words(p.total)}。"
        notes = [Paragraph(note, self.styles["Small"]) for note in _above_parts(p)]
        return [self._heading("二、面积和房价款"), table, *notes, *self._flat_lines(slip),
                Paragraph(total, self.styles["FormTotal"])]  # fmt: skip

    def _flat_lines(self, slip: SlipData) -> list[Flowable]:
        """Several flats: each flat's own price lines, its subtotal and the running totals
        (the agreement's price table), so the household checks every flat's price there."""
        if len(slip.flats) < 2:
            return []
        if isinstance(slip.price, ValueSwap):
            table = value_table(slip.price, self.styles)
        else:
            table = price_table(slip.price, self.styles, running=True)
        return [Spacer(1, 1.5 * mm), Paragraph("各套房屋明细：", self.styles["FormBody"]),
                table]

    def _section_value(self, slip: SlipData, swap: ValueSwap) -> list[Flowable]:
        used = sum((f.used for f in swap.flats), ZERO)
        short = sum((f.short for f in swap.flats), ZERO)
        remaining = swap.available - used
        row = [money(swap.available), area(swap.area), money(swap.total), money(used),
               money(remaining), money(short)]
        align: tuple[Align, ...] = ("RIGHT",) * 6
        table = data_table(self.VALUE_HEADER, [row], self.VALUE_WIDTHS, align, self.styles)
        balance = swap.available - swap.total
        if balance > 0:
            settled = f"剩余价值由甲方支付乙方：{amount_words(balance)}。"
        elif balance < 0:
            settled = f"不足部分由乙方补缴：{amount_words(balance)}。"
        else:
            settled = "可用价值与所选房屋价值相等，双方互不找补。"
        return [self._heading(f"二、{CompensationMode.VALUE.zh}"), table, *self._flat_lines(slip),
                Paragraph(f"所选房屋价值合计：{amount_words(swap.total)}。{settled}",
                          self.styles["FormTotal"])]

    def _section_statement(self, slip: SlipData) -> list[Flowable]:
        body = self.styles["FormBody"]
        story: list[Flowable] = [
            self._heading("三、确认"),
            Paragraph(
                f"本户于{zh_datetime(slip.confirmed_at)}在选房现场按选房顺序选定上列房源，"
                f"所选房源、面积和{'房屋价值' if isinstance(slip.price, ValueSwap) else '房价款'}"
                "经本人核对无误。本确认书经签字即生效，所选房源不再更改；"
                "补偿、房价款的结算以安置协议书为准。",
                body,
            ),
        ]
        if clean(slip.proxy_name):
            proxy = (f"本次选房由代理人{escape(slip.proxy_name)}（公民身份号码："
                     f"{escape(slip.proxy_id) or DASH}）受户主委托代为办理，"
                     "委托书附后。")  # fmt: skip
            story.append(Paragraph(proxy, body))
        story += [Spacer(1, 1.5 * mm), self._audit_box(slip)]
        return story

    def _audit_box(self, slip: SlipData) -> Table:
        head = clean(slip.audit_head)
        anchor = head if not head or slip.audit_count is None else f"{head}@{slip.audit_count}"
        return hash_box([("审计链头（确认后）", anchor or DASH)], self.width)

    def _section_signatures(self, slip: SlipData) -> Flowable:
        if clean(slip.proxy_name):
            chooser = Party(f"代理人：{clean(slip.proxy_name)}",
                            ("公民身份号码：", clean(slip.proxy_id) or DASH, "签字："),
                            fingerprint=True)  # fmt: skip
        else:
            chooser = Party(f"选房人（户主）：{clean(slip.household.head_name)}", ("签字：",),
                            fingerprint=True)  # fmt: skip
        parties = [chooser, Party("工作人员", ("签字：", "时间：")),
                   Party("公证员", ("签字：", "时间："))]  # fmt: skip
        return KeepTogether([Spacer(1, 3 * mm),
                             signature_boxes(parties, self.width, self.styles)])  # fmt: skip

    def _heading(self, text: str) -> Paragraph:
        return Paragraph(escape(text), self.styles["Clause"])


def _signed_area(value: Decimal) -> str:
    return f"+{area(value)}" if value > 0 else area(value)
