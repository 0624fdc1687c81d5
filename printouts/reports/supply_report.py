"""人房供需情况分析表 (kind ``report-supply``): the office's own table of supply and demand.

Internal, not for posting (the public notice is ``notice-supply``, layouts and
groups only). Three tables from :func:`allocation.chances.supply_and_demand`:

1. per layout: the flats available, the households the rules let take one,
   the households wanting it first and the flats they want, and the balance;
2. the same per building;
3. per priority group, with its flat restriction: its households against
   the available flats the restriction allows, whatever their band.

A shortage is flagged 缺口 in its own column, and listed in the opening
paragraph: a layout or building wanted first by more households than it has
flats, and a group whose restricted stock is smaller than the group (some of
its households cannot be housed within the restriction, whatever the order).
Counts only: no household is named, so nothing needs masking.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from allocation.chances import DemandLine, GroupLine, SupplyDemand
from allocation.rules import restriction_text
from printouts.document import Align, BaseDocument, DocumentInfo, cell, clean, data_table, escape
from printouts.notices import balance_text, building_label, heading

SHORT = "缺口"


class SupplyReport(BaseDocument):
    """人房供需情况分析表: the shortages in words, then layouts, buildings and groups."""

    kind = "report-supply"
    title = "人房供需情况分析表"
    public = False

    HEADER = ("", "可选房源<br/>（套）", "规则允许<br/>选择的户数", "首选<br/>户数",
              "首选户<br/>意向套数", "余缺", "标记")
    WIDTHS = tuple(w * mm for w in (44, 22, 24, 20, 22, 24, 18))
    ALIGN: tuple[Align, ...] = ("LEFT", "CENTER", "CENTER", "CENTER", "CENTER", "CENTER",
                                "CENTER")
    GROUP_HEADER = ("顺位", "优先组", "限选房源", "户数", "限内房源<br/>（套）", "余缺", "标记")
    GROUP_WIDTHS = tuple(w * mm for w in (12, 38, 48, 16, 20, 22, 18))
    GROUP_ALIGN: tuple[Align, ...] = ("CENTER", "LEFT", "LEFT", "CENTER", "CENTER", "CENTER",
                                      "CENTER")

    def __init__(self, info: DocumentInfo, table: SupplyDemand) -> None:
        super().__init__(info)
        self.table = table

    def _story(self) -> list[Flowable]:
        return [*self._section_summary(),
                *self._section_lines("一、按户型", "户型", self.table.layouts, str),
                *self._section_lines("二、按楼栋", "楼栋", self.table.buildings, building_label),
                *self._section_groups(), *self._section_reading()]

    def _section_summary(self) -> list[Flowable]:
        t = self.table
        text = (f"内部资料，不对外公布。参加选房共{t.households}户，已登记选房意向"
                f"{t.households - t.unknown}户，意向未知{t.unknown}户。")
        layouts = [f"{escape(x.name)}（{balance_text(x.balance)}）" for x in t.layouts if x.short]
        buildings = [f"{escape(building_label(x.name))}（{balance_text(x.balance)}）"
                     for x in t.buildings if x.short]
        groups = [f"{escape(g.name)}（{g.households}户，限内房源{g.flats}套）"
                  for g in t.groups if g.short]
        text += (f"首选户数多于可选房源的户型：{'、'.join(layouts)}。" if layouts
                 else "没有首选户数多于可选房源的户型。")
        if buildings:
            text += f"首选户数多于可选房源的楼栋：{'、'.join(buildings)}。"
        text += (f"限内房源少于本组户数的优先组：{'、'.join(groups)}，"
                 "该组有的户无论顺序如何都无法在限选范围内选到房源。" if groups
                 else "各优先组的限内房源都不少于本组户数。")
        return [Paragraph(text, self.styles["Body"]), Spacer(1, 2 * mm)]

    def _section_lines(self, title: str, name: str, lines: tuple[DemandLine, ...],
                       label: Callable[[str], str]) -> list[Flowable]:
        rows: list[list[object]] = [
            [cell(label(line.name), self.styles), str(line.flats), str(line.may_take),
             str(line.want_first), str(line.flats_wanted), balance_text(line.balance),
             SHORT if line.short else ""] for line in lines]
        rows.append(["合计", str(sum(x.flats for x in lines)), "—",
                     str(sum(x.want_first for x in lines)),
                     str(sum(x.flats_wanted for x in lines)), "—",
                     f"{sum(1 for x in lines if x.short)}处"])
        return [*heading(title, self.styles),
                data_table((name, *self.HEADER[1:]), rows, self.WIDTHS, self.ALIGN,
                           self.styles)]

    def _section_groups(self) -> list[Flowable]:
        rows = [self._group_row(group) for group in self.table.groups]
        return [*heading("三、按优先组（限选房源）", self.styles),
                data_table(self.GROUP_HEADER, rows, self.GROUP_WIDTHS, self.GROUP_ALIGN,
                           self.styles)]

    def _group_row(self, group: GroupLine) -> list[object]:
        limits = clean(restriction_text(group.restriction, "zh")) or "不限"
        return [str(group.rank + 1), cell(group.name or "—", self.styles),
                cell(limits, self.styles), str(group.households), str(group.flats),
                balance_text(group.flats - group.households), SHORT if group.short else ""]

    def _section_reading(self) -> list[Flowable]:
        return [Spacer(1, 3 * mm), Paragraph(
            "说明：1. 可选房源为制表时尚未选定的房源；规则允许选择的户数按已冻结的分房方案"
            "（安置面积区间、优先组限选条件）计算，一户可计入多个户型或楼栋。2. 首选户数按各户"
            "登记的第一意向统计；余缺为可选房源减首选户数，“缺口”即首选户数多于可选房源。"
            "3. 优先组的限内房源为该组限选条件允许的可选房源（不论面积区间），少于本组户数的"
            "标“缺口”。4. 意向未知的户不计入首选户数。", self.styles["Small"])]
