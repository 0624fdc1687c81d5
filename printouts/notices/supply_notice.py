"""选房意向及房源供需情况公示 (kind ``notice-supply``): demand against supply, aggregates only.

Per layout: the flats available, the households the rules let take one,
the households wanting it first and the flats they want, and the balance
(缺/余); per priority group: its households against the flats its
restriction allows. Only counts are printed, never a household, so no name
or code can leak; group names are scrubbed of anything shaped like an ID
number all the same. The figures are those of
:func:`allocation.chances.supply_and_demand` from the intentions recorded
(选房意向摸底): the notice says they are what households said, not a
promise of any flat, as Singapore's HDB publishes its application rates.
"""

from __future__ import annotations

from typing import Final

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from allocation.chances import DemandLine, GroupLine, SupplyDemand
from allocation.rules import restriction_text
from printouts.document import (
    Align,
    BaseDocument,
    DocumentInfo,
    cell,
    clean,
    data_table,
    escape,
    redact_ids,
    total_row,
)
from printouts.notices.notice_parts import heading
from printouts.notices.publication import Publication, notice_ending


def balance_text(balance: int) -> str:
    """缺3 (a shortage of three), 余5 (five to spare) or 持平."""
    if balance < 0:
        return f"缺{-balance}"
    return f"余{balance}" if balance else "持平"


HEADER: Final = ("户型", "可选房源<br/>（套）", "规则允许<br/>选择的户数",
                 "首选该户型<br/>的户数", "首选户<br/>意向套数", "余缺")
WIDTHS: Final = tuple(w * mm for w in (40, 24, 28, 28, 24, 26))
ALIGN: Final[tuple[Align, ...]] = ("LEFT", "CENTER", "CENTER", "CENTER", "CENTER", "CENTER")


def demand_table(table: SupplyDemand, styles: StyleSheet1) -> Flowable:
    """Per layout: flats, households that may take one, wanting it first, the flats they
    want, the balance; and the total. The notice's table, and the daily report's."""
    rows = [_layout_row(line, styles) for line in table.layouts]
    t = table.layouts
    rows.append(["合计", str(sum(x.flats for x in t)), "—", str(sum(x.want_first for x in t)),
                 str(sum(x.flats_wanted for x in t)), "—"])
    return data_table(HEADER, rows, WIDTHS, ALIGN, styles, total_row(len(rows)))


def _layout_row(line: DemandLine, styles: StyleSheet1) -> list[object]:
    return [cell(redact_ids(line.name), styles), str(line.flats), str(line.may_take),
            str(line.want_first), str(line.flats_wanted), balance_text(line.balance)]


class SupplyNotice(BaseDocument):
    """选房意向及房源供需情况公示: intro, layouts, groups, how to read it, objection period."""

    kind = "notice-supply"
    title = "选房意向及房源供需情况公示"

    GROUP_HEADER = ("顺位", "优先组", "限选房源", "户数", "限内房源<br/>（套）", "余缺")
    GROUP_WIDTHS = tuple(w * mm for w in (14, 40, 50, 18, 24, 24))
    GROUP_ALIGN: tuple[Align, ...] = ("CENTER", "LEFT", "LEFT", "CENTER", "CENTER", "CENTER")

    def __init__(self, info: DocumentInfo, table: SupplyDemand,
                 publication: Publication) -> None:
        super().__init__(info)
        self.table = table
        self.publication = publication

    def _story(self) -> list[Flowable]:
        return [*self._section_intro(), *self._section_layouts(), *self._section_groups(),
                *self._section_reading(), *self._section_objection()]

    def _section_intro(self) -> list[Flowable]:
        t = self.table
        known = t.households - t.unknown
        short = [escape(redact_ids(line.name)) for line in t.layouts if line.short]
        text = (f"本项目参加选房共{t.households}户，经入户摸底，已登记选房意向{known}户，"
                f"尚未登记（意向未知）{t.unknown}户。现将各户型房源与选房意向的总体情况予以公示，"
                "本表只列户数和套数，不涉及任何一户的信息。")
        if short:
            text += f"首选户数多于可选房源的户型：{'、'.join(short)}，请各户在选房前统筹考虑。"
        return [Paragraph(text, self.styles["Body"]), Spacer(1, 2 * mm)]

    def _section_layouts(self) -> list[Flowable]:
        return [*heading("一、各户型房源与选房意向", self.styles),
                demand_table(self.table, self.styles)]

    def _section_groups(self) -> list[Flowable]:
        rows = [self._group_row(group) for group in self.table.groups]
        return [*heading("二、各优先组户数与限内房源", self.styles),
                data_table(self.GROUP_HEADER, rows, self.GROUP_WIDTHS, self.GROUP_ALIGN,
                           self.styles)]

    def _group_row(self, group: GroupLine) -> list[object]:
        limits = clean(restriction_text(group.restriction, "zh")) or "不限"
        return [str(group.rank + 1), cell(redact_ids(group.name), self.styles),
                cell(limits, self.styles), str(group.households), str(group.flats),
                balance_text(group.flats - group.households)]

    def _section_reading(self) -> list[Flowable]:
        return [
            Spacer(1, 3 * mm),
            Paragraph(
                "说明：1. 可选房源为公示时尚未选定的房源；规则允许选择的户数按已冻结的分房方案"
                "（安置面积区间、优先组限选条件）计算。2. 首选户数按各户登记的第一意向户型统计，"
                "意向套数为这些户希望选择的套数合计；余缺为可选房源减首选户数。3. 意向是各户自愿"
                "登记的参考信息，可以变更，不作为选房依据；选房时仍按摇号确定的顺序和分房方案"
                "选择，本表不是对任何一户能选到某一户型的承诺。", self.styles["Small"]),
        ]

    def _section_objection(self) -> list[Flowable]:
        return [Spacer(1, 2 * mm), notice_ending(self.publication, self.styles)]
