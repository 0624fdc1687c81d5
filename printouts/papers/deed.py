"""What every compensation agreement shares: articles, the parties, the moving fee, the
moving deadline, the closing terms and the signatures.

The property-exchange agreement (:mod:`printouts.papers.agreement`) and the
money compensation agreement (:mod:`printouts.papers.money_agreement`) word
their own articles; these parts are one text for both, so a correction of the
wording is made once.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from allocation.registry import Household, OldHomeUse
from allocation.rules import BUSINESS_LOSS, CompensationResult
from printouts.document import DASH, BatchDocument, clean, escape, zh_date
from printouts.papers.agreement_tables import business_loss_basis
from printouts.papers.forms import Field, Party, amount_words, field_table, signature_boxes

DECREE: Final = "《国有土地上房屋征收与补偿条例》（国务院令第590号）"


class Deed(BatchDocument):
    """A batch of agreements, one per household: the parts they word alike."""

    def _para(self, text: str, style: str = "FormBody") -> Paragraph:
        return Paragraph(text, self.styles[style])

    def _clause(self, title: str, *body: Flowable, keep: int = 1) -> list[Flowable]:
        """An article: its heading, kept on one page with the first ``keep`` items under it."""
        head = Paragraph(escape(title), self.styles["Clause"])
        return [CondPageBreak(25 * mm), KeepTogether([head, *body[:keep]]), *body[keep:]]

    def _parties(self, number: str, office: str, household: Household, policy_name: str,
                 method: str, matter: str = "房屋征收补偿安置事宜") -> list[Flowable]:
        """The number, both parties in full, and the preamble naming the method chosen."""
        h = household
        fields = [
            Field("甲方（征收部门）", office, wide=True),
            Field("乙方（被征收人）", h.head_name), Field("公民身份号码", h.head_id),
            Field("被征收房屋地址", h.address or DASH, wide=True),
            Field("联系电话", h.phone or DASH), Field("户号", h.code),
        ]  # fmt: skip
        basis = f"和《{escape(policy_name)}》" if clean(policy_name) else ""
        return [
            self._para(f"协议编号：{escape(number)}", "Reference"),
            field_table(fields, self.width, self.styles),
            Spacer(1, 2 * mm),
            self._para(f"根据{DECREE}{basis}，乙方选择{method}方式，甲乙双方在平等、自愿、"
                       f"协商一致的基础上，就乙方{matter}订立本协议。"),
        ]

    def _moving_fee(self, compensation: CompensationResult, article: str) -> Paragraph:
        """搬迁费 as Article 25 names it: the policy's per-move items (line code ``moves``),
        with the moves counted, included in ``article``."""
        moving = [line for line in compensation.lines if line.code == "moves"]
        if not moving:
            return self._para("搬迁费：分房方案未单列搬迁费，本协议不另行计付。")
        fees = "；".join(f"{escape(m.name)}按搬迁{m.moves}次计，共{amount_words(m.amount)}"
                        for m in moving)
        return self._para(f"搬迁费：{fees}，已计入{article}。")

    def _payee(self, household: Household) -> str:
        """Where party A pays: the household's payee account (收款账户) in full, as the
        agreement is the household's own paper; the account it will give when none is on file."""
        h = household
        if not clean(h.payee_account):
            return "款项汇入乙方提供的本人银行账户即视为支付完毕。"
        parts = [f"开户银行：{escape(h.payee_bank) or DASH}",
                 f"户名：{escape(h.payee_name or h.head_name) or DASH}",
                 f"账号：{escape(h.payee_account)}"]  # fmt: skip
        return f"款项汇入乙方指定的收款账户（{'；'.join(parts)}）即视为支付完毕。"

    def _business_loss(self, household: Household, compensation: CompensationResult,
                       article: str) -> Paragraph:
        """停产停业损失 (Decree 590 Art. 23): none for a home; for a non-residential old home
        the amount and how it was counted, included in ``article``."""
        if household.old_home_use is not OldHomeUse.NON_RESIDENTIAL:
            return self._para("乙方被征收房屋为住宅，不涉及停产停业损失补偿。")
        loss = next((line for line in compensation.lines if line.code == BUSINESS_LOSS), None)
        if loss is None:
            return self._para("乙方被征收房屋为非住宅，分房方案未单列停产停业损失补偿，"
                              "本协议不另行计付。")
        return self._para(f"停产停业损失：乙方被征收房屋为非住宅，{business_loss_basis(loss)}"
                          f"，共{amount_words(loss.amount)}，已计入{article}。")

    def _moving_deadline(self, deadline: date) -> Paragraph:
        return self._para(f"乙方应于{zh_date(deadline)}前搬迁完毕，结清被征收房屋的水、电、"
                          "燃气等费用，并将被征收房屋及其权属证书交付甲方。")

    def _closing(self, title: str, parts: str, number: str) -> list[Flowable]:
        """The last article: what the agreement is made of, remedies, validity, copies."""
        return self._clause(
            title,
            self._para(f"本协议所列{parts}为本协议的组成部分。"
                       "一方当事人不履行本协议约定的义务的，另一方当事人可以依法提起诉讼。"),
            self._para("本协议自甲方盖章、乙方签字并捺印之日起生效，一式四份，甲方执三份，"
                       f"乙方执一份，具有同等法律效力。协议编号：{escape(number)}。"),
        )  # fmt: skip

    def _signatures(self, office: str, head_name: str, signed_on: date | None) -> Flowable:
        day = zh_date(signed_on) if signed_on else None
        date_line = f"日期：{day}" if day else "日期：______年____月____日"
        parties = [
            Party(f"甲方（盖章）：{clean(office)}", ("负责人或委托代理人（签字）：", date_line)),
            Party(f"乙方（签字并捺印）：{clean(head_name)}", ("签字：", date_line),
                  fingerprint=True),
        ]  # fmt: skip
        return KeepTogether([self._para("（以下无正文）", "Small"),
                             signature_boxes(parties, self.width, self.styles)])  # fmt: skip
