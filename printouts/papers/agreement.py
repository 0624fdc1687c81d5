"""安置协议书 (kind ``agreements``): one property-exchange agreement per household, a batch per PDF.

The agreement carries the items State Council Decree 590 (《国有土地上房屋
征收与补偿条例》) Article 25 requires: compensation method (产权调换),
compensation amount and payment term, location and area of the exchange
flats, moving fee and temporary resettlement fee, transition method and
period, moving deadline (and, for completeness, that a dwelling has no
business-interruption loss). Beside them: the entitlement and chosen area,
the price line by line (segment, area, base price, tier and floor factors,
unit price, amount), the compensation items, and the settlement, every sum
in capitals and figures.

A household that chose the value swap (产权调换（价值互换）) gets the same
agreement in that mode: article one states the assessed value and its
report, article two the mode, article four the value of each flat against
the value available (value, used, remaining, paid up) instead of the area
price table, article five the assessed value and subsidies, article seven
the difference settled (多退少补). Area mode prints what it always printed.

It is not public: it prints the head's full name, every member's full ID
number, the address and phone. Each agreement opens on a new page and its
footer counts its own pages (see :mod:`printouts.document.batch`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from allocation.registry import CompensationMode, Flat, Household
from allocation.rules import (
    CompensationResult,
    PriceBreakdown,
    Settlement,
    TransitionAllowance,
    ValueSwap,
    settle_household,
)
from printouts.document import (
    DASH,
    DocumentInfo,
    area,
    clean,
    escape,
    money,
    zh_date,
)
from printouts.papers.agreement_tables import (
    compensation_table,
    flat_table,
    member_table,
    price_adjustments,
    price_steps,
    price_table,
    transition_line,
    value_table,
)
from printouts.papers.deed import Deed
from printouts.papers.forms import amount_words

if TYPE_CHECKING:
    from allocation.rules import Policy



@dataclass(frozen=True, slots=True, kw_only=True)
class AgreementData:
    """One household's agreement.

    Args:
        number: the agreement number (协议编号), e.g. project prefix + household code.
        office: party A, the expropriation department (房屋征收部门).
        household: party B's household, printed in full (not masked).
        flats: the flats chosen, in the order priced.
        price: the flats priced in the household's mode (``settle_household``):
            by area (``PriceBreakdown``: entitlement and chosen area too) or by
            value (``ValueSwap``: each flat's value against the value available).
        compensation: the household's compensation in its mode (area mode's
            items, or the assessed value with its subsidies and items).
        settlement: ``settle(compensation.total, price.total)``.
        payment_term: when the balance is paid, e.g. ``本协议生效之日起15日内``.
        moving_deadline: the day by which party B moves out and hands over.
        handover_date: the day by which party A hands the new flats over
            (交付日期); None: as party A notifies in writing.
        location: where the exchange flats are, e.g. ``武昌区粮道街安置小区``.
        transition_months: the transition period when the compensation has
            no transition allowance line (which states its own months).
        transition: the policy's transition allowance (whom it counts, its
            minimum per household), worded in article six.
        policy_name: the policy's name, cited as the agreement's basis.
        signed_on: printed on the date lines; blank lines when None.
    """

    number: str
    office: str
    household: Household
    flats: tuple[Flat, ...]
    price: PriceBreakdown | ValueSwap
    compensation: CompensationResult
    settlement: Settlement
    payment_term: str
    moving_deadline: date
    location: str = ""
    handover_date: date | None = None
    transition_months: int | None = None
    transition: TransitionAllowance | None = None
    policy_name: str = ""
    signed_on: date | None = None

    @property
    def swap(self) -> ValueSwap | None:
        """The value swap, when the household exchanges by value (价值互换)."""
        return self.price if isinstance(self.price, ValueSwap) else None


def agreement_data(
    household: Household,
    flats: Sequence[Flat],
    policy: Policy,
    on: date,
    *,
    number: str,
    office: str,
    payment_term: str,
    moving_deadline: date,
    location: str = "",
    handover_date: date | None = None,
    signed_on: date | None = None,
) -> AgreementData:
    """The agreement of ``household`` for ``flats``: price, compensation and settlement computed
    in its mode (:func:`allocation.rules.settle_household`) under ``policy`` on ``on``; the
    other arguments are the fields of the same names.

    Raises:
        ValidationError: as :func:`allocation.rules.settle_household` (e.g.
            ``area_beyond_cap``, ``value_exhausted``; ``flats_in_money_mode``: a money
            household's agreement is :func:`money_agreement_data`'s).
    """
    settled = settle_household(household, flats, policy, on)
    assert settled.price is not None  # a money household's flats are refused above
    return AgreementData(
        number=number, office=office, household=household, flats=tuple(flats),
        price=settled.price, compensation=settled.compensation, settlement=settled.settlement,
        payment_term=payment_term, moving_deadline=moving_deadline, location=location,
        handover_date=handover_date,
        signed_on=signed_on, policy_name=policy.name,
        transition_months=policy.transition.months if policy.transition is not None else None,
        transition=policy.transition,
    )  # fmt: skip


class Agreement(Deed):
    """安置协议书: parties, articles one to ten, signature and fingerprint boxes."""

    kind = "agreements"
    title = "安置协议书"

    def __init__(self, info: DocumentInfo, agreements: Sequence[AgreementData]) -> None:
        super().__init__(info)
        self.agreements = list(agreements)

    def _sections(self) -> Iterable[tuple[str, list[Flowable]]]:
        for data in self.agreements:
            story = [*self._section_parties(data), *self._section_home(data),
                     *self._section_method(data), *self._section_flats(data),
                     *self._section_price(data), *self._section_compensation(data),
                     *self._section_fees(data), *self._section_settlement(data),
                     *self._section_transition(data), *self._section_other(data),
                     self._section_signatures(data)]  # fmt: skip
            yield f"协议编号：{clean(data.number)}", story

    def _section_parties(self, data: AgreementData) -> list[Flowable]:
        method = CompensationMode.VALUE.zh if data.swap is not None else "房屋产权调换"
        return self._parties(data.number, data.office, data.household, data.policy_name, method)

    def _section_home(self, data: AgreementData) -> list[Flowable]:
        h = data.household
        text = (
            f"乙方被征收房屋位于{escape(h.address) or DASH}，经认定的合法建筑面积为"
            f"{area(h.legal_area)}平方米。{appraisal_text(h) if data.swap else ''}"
            f"乙方家庭登记人口{len(h.members)}人，"
            f"其中认定安置人口{h.recognised_count}人，名单如下："
        )
        return self._clause("第一条 被征收房屋与家庭成员", self._para(text),
                            member_table(h, self.styles), keep=2)  # fmt: skip

    def _section_method(self, data: AgreementData) -> list[Flowable]:
        text = (
            "补偿方式为房屋产权调换。甲方以本协议第三条所列房屋与乙方被征收房屋进行产权调换，"
            "按第四条计算房价款，按第五条、第六条计付补偿，按第七条结清差价。"
        )
        if data.swap is not None:
            text = (
                f"补偿方式为{CompensationMode.VALUE.zh}。以乙方被征收房屋的评估价值加上分房方案"
                "规定的补助，作为乙方可用于调换的价值；甲方以本协议第三条所列房屋与乙方进行"
                "价值互换，所选房屋按第四条计算房屋价值并依次以可用价值抵扣，按第五条、第六条"
                "计付补偿，按第七条结清差价，多退少补。"
            )
        return self._clause("第二条 补偿方式", self._para(text))

    def _section_flats(self, data: AgreementData) -> list[Flowable]:
        p = data.price
        where = f"位于{escape(data.location)}，" if clean(data.location) else ""
        if not isinstance(p, PriceBreakdown):
            text = (
                f"用于产权调换的房屋{where}共{len(data.flats)}套，建筑面积合计{area(p.area)}"
                f"平方米（以不动产登记面积为准）。{_handover(data.handover_date)}"
            )
            return self._clause("第三条 产权调换房屋的地点和面积", self._para(text),
                                flat_table(data.flats, self.styles), keep=2)  # fmt: skip
        difference = p.area - p.entitlement
        compared = "与安置面积相等"
        if difference:
            word = "超出" if difference > 0 else "少于"
            compared = f"{word}安置面积{area(abs(difference))}平方米"
        text = (
            f"用于产权调换的房屋{where}共{len(data.flats)}套，建筑面积合计{area(p.area)}平方米"
            f"（以不动产登记面积为准）。乙方安置面积为{area(p.entitlement)}平方米，"
            f"所选房屋{compared}。{_handover(data.handover_date)}"
        )
        return self._clause("第三条 产权调换房屋的地点和面积", self._para(text),
                            flat_table(data.flats, self.styles), keep=2)  # fmt: skip

    def _section_price(self, data: AgreementData) -> list[Flowable]:
        if not isinstance(data.price, PriceBreakdown):
            return self._section_value(data.price)
        adjusted = price_adjustments(price_steps(data.price))
        parts = "单价含楼层系数、朝向系数和楼层差价" if adjusted else "单价含楼层系数"
        text = (
            "所选房屋按分房方案分段计价：安置面积以内按基准价，超出部分按档次计价，"
            f"{parts}。明细如下："
        )
        refund = "（为退还）" if data.price.total < 0 else ""
        total = f"房价款合计{refund}：{amount_words(data.price.total)}。"
        return self._clause(
            "第四条 房价款（产权调换差价）",
            self._para(text),
            price_table(data.price, self.styles),
            self._total(total),
            keep=3,
        )

    def _section_value(self, swap: ValueSwap) -> list[Flowable]:
        text = (
            "所选房屋按建筑面积乘以单价（含楼层系数）计算房屋价值，按所列顺序依次以乙方可用于"
            f"调换的价值{money(swap.available)}元抵扣；可用价值不足抵扣的部分由乙方补缴。"
            "明细如下："
        )
        total = f"所选房屋价值合计：{amount_words(swap.total)}。"
        return self._clause("第四条 所选房屋价值（价值互换）", self._para(text),
                            value_table(swap, self.styles), self._total(total),
                            keep=3)  # fmt: skip

    def _section_compensation(self, data: AgreementData) -> list[Flowable]:
        if data.swap is not None:
            total = f"可用于调换的价值合计：{amount_words(data.compensation.total)}。"
            lead = "乙方被征收房屋的评估价值及分房方案规定的补助、补偿如下："
            return self._clause("第五条 可用于调换的价值", self._para(lead),
                                compensation_table(data.compensation, self.styles),
                                self._total(total), keep=3)  # fmt: skip
        total = f"补偿金额合计：{amount_words(data.compensation.total)}。"
        return self._clause("第五条 补偿金额", self._para("甲方按分房方案给予乙方下列补偿补助："),
                            compensation_table(data.compensation, self.styles),
                            self._total(total), keep=3)  # fmt: skip

    def _total(self, text: str) -> Flowable:
        return self._para(text, "FormTotal")

    def _section_fees(self, data: AgreementData) -> list[Flowable]:
        months = _transition_months(data)
        return self._clause(
            "第六条 搬迁费和临时安置费",
            self._moving_fee(data.compensation, "第五条"),
            self._para(transition_line(data.compensation, months, data.transition,
                                       housed=data.household.in_transition_housing)),
            self._business_loss(data.household, data.compensation, "第五条"),
        )

    def _section_settlement(self, data: AgreementData) -> list[Flowable]:
        s, term = data.settlement, escape(data.payment_term) or DASH
        if isinstance(data.price, PriceBreakdown):
            basis = f"补偿金额合计{amount_words(s.compensation)}，{_price_basis(data.price)}"
        else:
            basis = (f"可用于调换的价值合计{amount_words(s.compensation)}，所选房屋价值合计"
                     f"{amount_words(data.price.total)}，两项相抵后（多退少补），")
        if s.direction == "to_household":
            text = (f"{basis}甲方应向乙方支付{amount_words(s.balance)}。"
                    f"甲方应于{term}支付上述款项，{self._payee(data.household)}")
        elif s.direction == "from_household":
            text = f"{basis}乙方应向甲方补缴{amount_words(s.balance)}。乙方应于{term}缴清上述款项。"
        else:
            text = f"{basis}双方互不找补。"
        return self._clause("第七条 补偿金额结算和支付期限", self._para(text))

    def _section_transition(self, data: AgreementData) -> list[Flowable]:
        return [
            *self._clause("第八条 过渡方式和过渡期限", self._para(_transition_text(data))),
            *self._clause("第九条 搬迁期限", self._moving_deadline(data.moving_deadline)),
        ]  # fmt: skip

    def _section_other(self, data: AgreementData) -> list[Flowable]:
        return self._closing("第十条 其他约定", "家庭成员、房屋和计价明细", data.number)

    def _section_signatures(self, data: AgreementData) -> Flowable:
        return self._signatures(data.office, data.household.head_name, data.signed_on)


def appraisal_text(household: Household) -> str:
    """The assessed value as article one states it, with the appraisal report's number."""
    value = household.assessed_value
    if value is None:
        return ""
    report = clean(household.appraisal_report)
    cited = f"（评估报告编号：{escape(report)}）" if report else ""
    return f"经房地产价格评估机构评估，被征收房屋价值为{amount_words(value)}{cited}。"


def _handover(day: date | None) -> str:
    """When party A hands the new flats over: a day, or the written notice that will say."""
    if day is None:
        return "甲方交付上述房屋的时间以甲方书面通知为准。"
    return f"甲方应于{zh_date(day)}前将上述房屋交付乙方。"


def _price_basis(price: PriceBreakdown) -> str:
    """The price half of article seven's sum, a refund worded as a refund (退还), never as a
    price: a negative total is money party A pays back for area not taken."""
    refund = -sum((line.amount for line in price.lines if line.code == "refund"), Decimal(0))
    if price.total < 0:
        return f"另甲方应退还乙方面积差价款{amount_words(price.total)}，两项合计后，"
    if refund > 0:
        return (f"房价款合计{amount_words(price.total)}（已扣除退还乙方的面积差价款"
                f"{amount_words(refund)}），两项相抵后，")
    return f"房价款合计{amount_words(price.total)}，两项相抵后，"


def _transition_text(data: AgreementData) -> str:
    """Article eight: 自行过渡 for the months the allowance counts, or the transition flat
    party A lends (周转用房), its address and term, and when party B gives it back."""
    h = data.household
    if not h.in_transition_housing:
        months = _transition_months(data)
        period = f"{months}个月，自乙方搬迁交房之日起计算" if months is not None else DASH
        return f"过渡方式：自行过渡。过渡期限：{period}。"
    start = zh_date(h.transition_from) if h.transition_from else "乙方搬迁交房之日"
    end = zh_date(h.transition_until) if h.transition_until else "甲方交付产权调换房屋之日"
    return (f"过渡方式：周转用房过渡。甲方提供周转用房，地址：{escape(h.transition_housing)}；"
            f"周转期限自{start}起至{end}止。乙方应于周转期限届满时腾退周转用房，"
            "腾退前不得转租、转借。")


def _transition_months(data: AgreementData) -> int | None:
    for line in data.compensation.lines:
        if line.code == "transition" and line.months is not None:
            return line.months
    return data.transition_months
