"""房源公示 (kind ``notice-flats``): the housing stock by building, unit and floor, with subtotals.

Flats are grouped by building, then unit, and listed by floor and number
(numbers compare as numbers: 2 before 10). Each building ends with its
count and total area; a summary table gives the counts by status per
building and overall. Buildings and units written as plain numbers print
as 1号楼 and 1单元; anything else prints as written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from allocation.registry import Flat, FlatStatus
from printouts.document import (
    DASH,
    Align,
    BaseDocument,
    DocumentInfo,
    area,
    clean,
    data_table,
    escape,
    keep_with_next,
    money,
    span_row,
    total_row,
)
from printouts.notices.publication import Publication, notice_ending

UNIT_FILL: Final = colors.HexColor("#DCE6F0")  # a unit row must not look like a total


@dataclass(frozen=True, slots=True)
class FlatGroup:
    """The flats of one building (or of everything), split by unit, sorted."""

    name: str
    units: tuple[tuple[str, tuple[Flat, ...]], ...]

    @property
    def flats(self) -> tuple[Flat, ...]:
        return tuple(flat for _unit, flats in self.units for flat in flats)

    @property
    def count(self) -> int:
        return len(self.flats)

    @property
    def area(self) -> Decimal:
        return sum((flat.area for flat in self.flats), Decimal(0))

    def by_status(self) -> Counter[FlatStatus]:
        return Counter(flat.status for flat in self.flats)


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key comparing digit runs as numbers: ``"2" < "10"``, ``"2-301" < "2-1001"``."""
    parts = re.findall(r"\d+|\D+", clean(text), re.ASCII)
    # ASCII only: str.isdigit() accepts superscripts such as ², which int() refuses.
    return tuple(
        (0, int(part)) if part.isascii() and part.isdigit() else (1, part) for part in parts
    )


def group_flats(flats: Sequence[Flat]) -> list[FlatGroup]:
    """Flats grouped by building, then unit; everything in natural order (floor, then number)."""
    buildings: dict[str, dict[str, list[Flat]]] = {}
    for flat in flats:
        buildings.setdefault(flat.building, {}).setdefault(flat.unit, []).append(flat)
    groups = []
    for building in sorted(buildings, key=natural_key):
        units = buildings[building]
        groups.append(
            FlatGroup(
                name=building,
                units=tuple(
                    (unit, tuple(sorted(units[unit], key=_flat_order)))
                    for unit in sorted(units, key=natural_key)
                ),
            )
        )
    return groups


def _flat_order(flat: Flat) -> tuple[object, ...]:
    return (flat.floor, natural_key(flat.number))


def building_label(building: str) -> str:
    """``"1"`` → ``1号楼``; a name such as ``A座`` stays as written."""
    text = clean(building)
    return f"{text}号楼" if text.isdigit() else text


def unit_label(unit: str) -> str:
    """``"2"`` → ``2单元``; a name such as ``东单元`` stays as written."""
    text = clean(unit)
    return f"{text}单元" if text.isdigit() else text


def flat_place(flat: Flat) -> str:
    """Where a flat is, in words: ``1号楼2单元301室``."""
    number = clean(flat.number)
    return f"{building_label(flat.building)}{unit_label(flat.unit)}{number}室"


class FlatNotice(BaseDocument):
    """房源公示: one table per building, then a summary by building and status."""

    kind = "notice-flats"
    title = "房源公示"

    HEADER = ("房号", "楼层", "建筑面积<br/>（㎡）", "户型", "朝向", "基准价<br/>（元/㎡）", "状态")
    WIDTHS = tuple(w * mm for w in (27, 16, 27, 34, 20, 29, 21))
    ALIGN: tuple[Align, ...] = ("CENTER", "CENTER", "RIGHT", "CENTER", "CENTER", "RIGHT", "CENTER")
    SUMMARY_WIDTHS = tuple(w * mm for w in (30, 20, 36, 22, 22, 22, 22))

    def __init__(
        self, info: DocumentInfo, flats: Sequence[Flat], publication: Publication | None = None
    ) -> None:
        super().__init__(info)
        self.groups = group_flats(flats)
        self.everything = FlatGroup("", tuple(u for g in self.groups for u in g.units))
        self.publication = publication

    def _story(self) -> list[Flowable]:
        story: list[Flowable] = [*self._section_intro()]
        for group in self.groups:
            story += self._section_building(group)
        story += self._section_summary()
        if self.publication is not None:
            story.append(notice_ending(self.publication, self.styles))
        return story

    def _section_intro(self) -> list[Flowable]:
        text = (
            f"现将本项目安置房源情况予以公示，共{len(self.groups)}栋楼、{self.everything.count}套，"
            "接受群众监督。房源按楼栋、单元、楼层排列；建筑面积为实测面积，"
            "基准价单位为元/平方米。"
        )
        return [Paragraph(text, self.styles["Body"])]

    def _section_building(self, group: FlatGroup) -> list[Flowable]:
        rows: list[list[object]] = []
        extra: list[tuple[object, ...]] = []
        for unit, flats in group.units:
            rows.append([f"{unit_label(unit)}（{len(flats)}套）", "", "", "", "", "", ""])
            extra += [*span_row(len(rows), UNIT_FILL), *keep_with_next(len(rows))]  # row 0: header
            rows += [self._row(flat) for flat in flats]
        rows.append(["", "", "", "", "", "", ""])
        rows[-1][0] = self._subtotal_text(group)
        extra += [*span_row(len(rows)), *total_row(len(rows))]
        title = f"{escape(building_label(group.name))}（{group.count}套）"
        heading = Paragraph(title, self.styles["Heading"])
        table = data_table(self.HEADER, rows, self.WIDTHS, self.ALIGN, self.styles, extra)
        # A heading needs a few table rows under it on the same page, not the whole table.
        return [CondPageBreak(45 * mm), heading, table]

    def _row(self, flat: Flat) -> list[object]:
        return [
            clean(flat.key), str(flat.floor), area(flat.area), clean(flat.layout) or DASH,
            clean(flat.orientation) or DASH, money(flat.base_price), flat.status.zh,
        ]  # fmt: skip

    def _subtotal_text(self, group: FlatGroup) -> str:
        return (
            f"{building_label(group.name)}小计：{group.count}套，"
            f"建筑面积合计{area(group.area)}平方米"
        )

    def _section_summary(self) -> list[Flowable]:
        statuses = list(FlatStatus)
        header = ["楼栋", "套数", "建筑面积合计<br/>（㎡）", *(s.zh for s in statuses)]
        rows = [self._summary_row(building_label(g.name), g, statuses) for g in self.groups]
        rows.append(self._summary_row("合计", self.everything, statuses))
        centred: list[Align] = ["CENTER"] * len(statuses)
        align: list[Align] = ["CENTER", "CENTER", "RIGHT", *centred]
        table = data_table(
            header, rows, self.SUMMARY_WIDTHS, align, self.styles, total_row(len(rows))
        )
        total = (
            f"以上房源共{self.everything.count}套，建筑面积合计{area(self.everything.area)}平方米。"
        )
        return [
            CondPageBreak(70 * mm),
            Paragraph("房源汇总", self.styles["Heading"]),
            table,
            Spacer(1, 3 * mm),
            Paragraph(total, self.styles["Body"]),
        ]

    @staticmethod
    def _summary_row(label: str, group: FlatGroup, statuses: list[FlatStatus]) -> list[object]:
        counts = group.by_status()
        return [label, str(group.count), area(group.area), *(str(counts[s]) for s in statuses)]
