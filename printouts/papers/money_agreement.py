"""货币补偿协议 (kind ``agreements-money``): the agreement of a household that takes money.

Decree 590 Art. 21 lets a household choose money compensation instead of a
flat (货币补偿); Art. 25 says what its agreement states: the compensation
method (货币补偿), the compensation amount and the payment term, the moving
fee, the moving deadline (and that a dwelling has no business-interruption
loss). There are no flats and no price: the amount is the assessed value of
the old home with the policy's subsidies and items, line by line, every sum
in capitals and figures, all paid to the household.

Printed for every money household whether or not a selection session was
held (a money household is not in the pool). Not public: full names and ID
numbers, as the property-exchange agreement (:mod:`printouts.papers.agreement`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from allocation.registry import CompensationMode, Household
from allocation.rules import CompensationResult, Settlement, settle_household
from printouts.document import DASH, DocumentInfo, area, clean, escape
from printouts.papers.agreement import appraisal_text
from printouts.papers.agreement_tables import compensation_table, member_table
from printouts.papers.deed import Deed
from printouts.papers.forms import amount_words

if TYPE_CHECKING:
    from allocation.rules import Policy


@dataclass(frozen=True, slots=True, kw_only=True)
class MoneyAgreementData:
    """One money household's agreement.

    Args:
        number: the agreement number (协议编号).
        office: party A, the expropriation department.
        household: party B's household, printed in full (not masked).
        compensation: the assessed value with the money section's subsidies and items.
        settlement: the whole compensation, paid to the household.
        payment_term: when party A pays, e.g. ``本协议签订之日起15个工作日内``.
        moving_deadline: the day by which party B moves out and hands over.
        policy_name: the policy's name, cited as the agreement's basis.
        signed_on: printed on the date lines; blank lines when None.
    """

    number: str
    office: str
    household: Household
    compensation: CompensationResult
    settlement: Settlement
    payment_term: str
    moving_deadline: date
    policy_name: str = ""
    signed_on: date | None = None


def money_agreement_data(
    household: Household, policy: Policy, on: date, *, number: str, office: str,
    payment_term: str, moving_deadline: date, signed_on: date | None = None,
) -> MoneyAgreementData:
    """The money agreement of ``household``: its compensation under ``policy`` on ``on``
    (:func:`allocation.rules.settle_household` with no flat).

    Raises:
        ValidationError: ``mode_not_offered``, ``assessed_value_missing``.
    """
    settled = settle_household(household, (), policy, on)
    return MoneyAgreementData(
        number=number, office=office, household=household, compensation=settled.compensation,
        settlement=settled.settlement, payment_term=payment_term,
        moving_deadline=moving_deadline, policy_name=policy.name, signed_on=signed_on)


class MoneyAgreement(Deed):
    """货币补偿协议: parties, articles one to seven, signature and fingerprint boxes."""

    kind = "agreements-money"
    title = "货币补偿协议"

    def __init__(self, info: DocumentInfo, agreements: Sequence[MoneyAgreementData]) -> None:
        super().__init__(info)
        self.agreements = list(agreements)

    def _sections(self) -> Iterable[tuple[str, list[Flowable]]]:
        for data in self.agreements:
            story = [*self._preamble(data), *self._home(data), *self._method(),
                     *self._amount(data), *self._fees(data), *self._payment(data),
                     *self._deadline(data), *self._other(data), self._signatures_of(data)]
            yield f"协议编号：{clean(data.number)}", story

    def _preamble(self, data: MoneyAgreementData) -> list[Flowable]:
        return self._parties(data.number, data.office, data.household, data.policy_name,
                             CompensationMode.MONEY.zh, matter="房屋征收补偿事宜")

    def _home(self, data: MoneyAgreementData) -> list[Flowable]:
        h = data.household
        text = (f"乙方被征收房屋位于{escape(h.address) or DASH}，经认定的合法建筑面积为"
                f"{area(h.legal_area)}平方米。{appraisal_text(h)}"
                f"乙方家庭登记人口{len(h.members)}人，名单如下：")
        return self._clause("第一条 被征收房屋与家庭成员", self._para(text),
                            member_table(h, self.styles), keep=2)

    def _method(self) -> list[Flowable]:
        text = (f"补偿方式为{CompensationMode.MONEY.zh}。甲方按本协议第三条向乙方支付货币补偿，"
                "不提供产权调换房屋；乙方不参加摇号和选房。")
        return self._clause("第二条 补偿方式", self._para(text))

    def _amount(self, data: MoneyAgreementData) -> list[Flowable]:
        total = f"货币补偿金额合计：{amount_words(data.compensation.total)}。"
        return self._clause("第三条 补偿金额",
                            self._para("甲方按分房方案给予乙方下列补偿补助："),
                            compensation_table(data.compensation, self.styles),
                            self._para(total, "FormTotal"), keep=3)

    def _fees(self, data: MoneyAgreementData) -> list[Flowable]:
        transition = [line for line in data.compensation.lines if line.code == "transition"]
        transition_text = (
            f"临时安置费：{amount_words(transition[0].amount)}，已计入第三条。" if transition
            else "临时安置费：乙方选择货币补偿，不计付临时安置费。")
        return self._clause("第四条 搬迁费和临时安置费",
                            self._moving_fee(data.compensation, "第三条"),
                            self._para(transition_text),
                            self._business_loss(data.household, data.compensation, "第三条"))

    def _payment(self, data: MoneyAgreementData) -> list[Flowable]:
        term = escape(data.payment_term) or DASH
        text = (f"甲方应于{term}向乙方支付货币补偿款{amount_words(data.settlement.balance)}，"
                f"{self._payee(data.household)}")
        return self._clause("第五条 支付期限", self._para(text))

    def _deadline(self, data: MoneyAgreementData) -> list[Flowable]:
        return self._clause("第六条 搬迁期限", self._moving_deadline(data.moving_deadline))

    def _other(self, data: MoneyAgreementData) -> list[Flowable]:
        return self._closing("第七条 其他约定", "家庭成员和补偿明细", data.number)

    def _signatures_of(self, data: MoneyAgreementData) -> Flowable:
        return self._signatures(data.office, data.household.head_name, data.signed_on)
