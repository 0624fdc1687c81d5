"""选房机会估算单 (kind ``chances-sheet``): one household's chances after the draw, one page each.

For the household (its head's full name, code, order number, group and
entitled area) and each layout it may take: the flats, the households ahead
of it that may take one, the guaranteed bound and the replayed estimate,
with the method, the number of replays and the seed (anyone re-running the
replays from the draw gets the same figures), worded as an estimate, never
a promise (:mod:`printouts.papers.chances_parts`, the same table as on the
选房通知书). The figures are those made from the stock before the session
(:func:`db.selection.draw_chances`), so the sheet printed on session day says
what the notice said. A paper for the household and the office's file, not
for posting: nothing is masked; the ID number is not printed (it needs none).
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
from printouts.document import DASH, BatchDocument, DocumentInfo, area, clean, escape, zh_date
from printouts.papers.chances_parts import chances_section
from printouts.papers.forms import Field, field_table


@dataclass(frozen=True, slots=True, kw_only=True)
class ChancesSheetData:
    """One household's sheet.

    Args:
        household: the household, printed in full (not its ID numbers).
        chances: its place in the drawn order and its figures per layout.
        method, replays, seed: how the figures were made (printed with them).
        office: who issues the sheet; issued_on: its date.
        entitlement: the entitled area (安置面积), m²; None when not decided or by value.
        group: its priority group, if any.
    """

    household: Household
    chances: HouseholdChances
    method: str
    replays: int
    seed: str
    office: str
    issued_on: date
    entitlement: Decimal | None = None
    group: str = ""


class ChancesSheet(BatchDocument):
    """选房机会估算单: who, its place, its figures per layout, what they mean."""

    kind = "chances-sheet"
    title = "选房机会估算单"

    def __init__(self, info: DocumentInfo, sheets: Sequence[ChancesSheetData]) -> None:
        super().__init__(info)
        self.sheets = list(sheets)

    def _sections(self) -> Iterable[tuple[str, list[Flowable]]]:
        for item in self.sheets:
            label = f"户号：{clean(item.household.code)}　选房顺序号：{item.chances.place}"
            yield label, [*self._section_fields(item), *self._section_letter(item),
                          *self._section_figures(item), *self._close(item)]

    def _section_fields(self, item: ChancesSheetData) -> list[Flowable]:
        h = item.household
        entitled = f"{area(item.entitlement)} 平方米" if item.entitlement is not None else DASH
        fields = [
            Field("户号", h.code), Field("户主", h.head_name),
            Field("选房顺序号", f"第 {item.chances.place} 号"),
            Field("优先组", item.group or DASH),
            Field("认定安置人口", f"{h.recognised_count} 人"),
            Field("安置面积", entitled),
        ]
        return [field_table(fields, self.width, self.styles), Spacer(1, 2 * mm)]

    def _section_letter(self, item: ChancesSheetData) -> list[Flowable]:
        text = (f"{escape(item.household.head_name)}户主：根据摇号确定的选房顺序，您户排在第"
                f"{item.chances.place}号。下表按已冻结的分房方案，列出轮到您户时您户可以选择的"
                "各户型，以及按选房前的房源测算的参考数字，供您户事先统筹考虑。")
        return [Paragraph(text, self.styles["Body"]), Spacer(1, 2 * mm)]

    def _section_figures(self, item: ChancesSheetData) -> list[Flowable]:
        found = chances_section(item.chances, self.styles, replays=item.replays,
                                method=item.method, seed=item.seed)
        if not found:
            return [Paragraph("按分房方案，选房前的房源中没有您户可以选择的房源，"
                              "请到指挥部咨询。", self.styles["Body"])]
        return [*found, Spacer(1, 2 * mm), Paragraph(
            "本单是估计，不是承诺：选房时按摇号确定的顺序和分房方案选择，"
            "以轮到您户时的剩余房源为准。", self.styles["Clause"])]

    def _close(self, item: ChancesSheetData) -> list[Flowable]:
        return [Spacer(1, 8 * mm), Paragraph(
            f"{escape(item.office)}<br/>{zh_date(item.issued_on)}", self.styles["Signature"])]
