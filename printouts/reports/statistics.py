"""安置统计表 (kind ``statistics``): counts and areas by household status, group, layout, building.

Public: it prints counts and sums only, never a name, code or ID number.
Households are counted by status and by priority group (with the
households that have chosen and the area they chose, when selections are
given); flats by layout and by building, split by status. Two stacked bar
charts show the groups and the layouts at a glance.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final, TypeVar

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from allocation.registry import CompensationMode, Flat, FlatStatus, Household, HouseholdStatus
from printouts.document import (
    DASH,
    Align,
    BaseDocument,
    DocumentInfo,
    area,
    bar_chart,
    cell,
    clean,
    data_table,
    escape,
    layout_table,
    optional_area,
    redact_ids,
    total_row,
)
from printouts.notices import building_label, natural_key

ZERO: Final = Decimal("0.00")
T = TypeVar("T")


@dataclass
class HouseholdTally:
    """Sums over some households; ``entitlement`` None once one of them has none."""

    households: int = 0
    people: int = 0
    recognised: int = 0
    legal_area: Decimal = ZERO
    entitlement: Decimal | None = ZERO
    chosen: int = 0
    chosen_area: Decimal = ZERO

    def add(self, household: Household, entitlement: Decimal | None, flats: Sequence[Flat]) -> None:
        self.households += 1
        self.people += len(household.members)
        self.recognised += household.recognised_count
        self.legal_area += household.legal_area
        if self.entitlement is not None:
            self.entitlement = None if entitlement is None else self.entitlement + entitlement
        if flats:
            self.chosen += 1
            self.chosen_area += sum((f.area for f in flats), ZERO)


@dataclass
class FlatTally:
    """Count, area and status counts over some flats."""

    count: int = 0
    area: Decimal = ZERO
    statuses: Counter[FlatStatus] = field(default_factory=Counter)

    def add(self, flat: Flat) -> None:
        self.count += 1
        self.area += flat.area
        self.statuses[flat.status] += 1


def tally(
    items: Sequence[T],
    key: Callable[[T], str],
    add: Callable[[Any, T], None],
    make: Callable[[], Any],
    order: Sequence[str] = (),
) -> dict[str, Any]:
    """Tallies by ``key``: first the labels of ``order`` (even if empty), then others as met."""
    tallies: dict[str, Any] = {label: make() for label in order}
    for item in items:
        add(tallies.setdefault(key(item), make()), item)
    return tallies


class Statistics(BaseDocument):
    """安置统计表: four tables (status, group, layout, building), two charts, no personal data."""

    kind = "statistics"
    title = "安置统计表"

    HOUSEHOLD_HEADER = ("{label}", "户数", "登记人口", "认定人口", "合法面积<br/>（㎡）",
                        "安置面积<br/>（㎡）", "已选房<br/>户数",
                        "已选面积<br/>（㎡）")  # fmt: skip
    HOUSEHOLD_WIDTHS = tuple(w * mm for w in (34, 15, 17, 17, 24, 24, 17, 26))
    FLAT_WIDTHS = tuple(w * mm for w in (34, 20, 32, 22, 22, 22, 22))

    def __init__(
        self,
        info: DocumentInfo,
        households: Sequence[Household],
        flats: Sequence[Flat],
        *,
        entitlements: Mapping[str, Decimal] | None = None,
        groups: Mapping[str, str] | None = None,
        group_order: Sequence[str] = (),
        selections: Mapping[str, Sequence[Flat]] | None = None,
    ) -> None:
        super().__init__(info)
        self.households = list(households)
        self.flats = list(flats)
        self.entitlements = entitlements or {}
        self.groups = groups or {}
        self.group_order = [redact_ids(g) for g in group_order]
        self.selections = selections or {}

    def by_status(self) -> dict[str, HouseholdTally]:
        order = [status.zh for status in HouseholdStatus]
        return self._households(lambda h: h.status.zh, order)

    def by_group(self) -> dict[str, HouseholdTally]:
        return self._households(self._group_of, self.group_order)

    def _group_of(self, household: Household) -> str:
        return redact_ids(self.groups.get(household.code)) or DASH

    def money_by_group(self) -> dict[str, int]:
        """Households taking money compensation, by group: they choose no flat, so they are
        neither chosen nor waiting."""
        counts = dict.fromkeys(self.by_group(), 0)
        for h in self.households:
            if h.compensation_mode is CompensationMode.MONEY:
                counts[self._group_of(h)] = counts.get(self._group_of(h), 0) + 1
        return counts

    def by_layout(self) -> dict[str, FlatTally]:
        tallies = tally(self.flats, lambda f: clean(f.layout) or DASH, FlatTally.add, FlatTally)
        return dict(sorted(tallies.items(), key=lambda item: natural_key(item[0])))

    def by_building(self) -> dict[str, FlatTally]:
        tallies = tally(self.flats, lambda f: building_label(f.building), FlatTally.add, FlatTally)
        return dict(sorted(tallies.items(), key=lambda item: natural_key(item[0])))

    def _households(self, key: Callable[[Household], str], order: Sequence[str]) -> dict[str, Any]:
        def add(t: HouseholdTally, h: Household) -> None:
            t.add(h, self.entitlements.get(h.code), self.selections.get(h.code, ()))

        return tally(self.households, key, add, HouseholdTally, order)

    def _story(self) -> list[Flowable]:
        everyone = self._households(lambda _h: "", ())[""] if self.households else HouseholdTally()
        flats = tally(self.flats, lambda _f: "", FlatTally.add, FlatTally).get("", FlatTally())
        intro = (
            f"截至打印时，本项目登记被安置户{everyone.households}户、{everyone.people}人，"
            f"安置房源{flats.count}套、建筑面积{area(flats.area)}平方米；已选房{everyone.chosen}户，"
            f"选定面积{area(everyone.chosen_area)}平方米。{self._money_text()}"
            "本表只列数量和面积，不含个人信息。"
        )
        return [
            Paragraph(intro, self.styles["Body"]),
            *self._household_section("一、按户状态统计", "户状态", self.by_status(), everyone),
            *self._household_section("二、按优先组统计", "优先组", self.by_group(), everyone),
            *self._charts(),
            *self._flat_section("三、按户型统计（房源）", "户型", self.by_layout(), flats),
            *self._flat_section("四、按楼栋统计（房源）", "楼栋", self.by_building(), flats),
        ]

    def _money_text(self) -> str:
        """选择货币补偿 N 户: households that take money are counted apart, not as waiting."""
        money = sum(1 for h in self.households if h.compensation_mode is CompensationMode.MONEY)
        return f"选择货币补偿{money}户（不安置房屋，不参加选房）。" if money else ""

    def _household_section(
        self, title: str, label: str, tallies: Mapping[str, HouseholdTally], total: HouseholdTally
    ) -> list[Flowable]:
        header = [self.HOUSEHOLD_HEADER[0].format(label=label), *self.HOUSEHOLD_HEADER[1:]]
        rows = [_household_row(cell(name, self.styles), t) for name, t in tallies.items()]
        rows.append(_household_row("合计", total))
        align: tuple[Align, ...] = ("LEFT", "CENTER", "CENTER", "CENTER", "RIGHT", "RIGHT",
                                    "CENTER", "RIGHT")  # fmt: skip
        table = data_table(header, rows, self.HOUSEHOLD_WIDTHS, align, self.styles,
                           total_row(len(rows)))  # fmt: skip
        return self._titled(title, table)

    def _flat_section(
        self, title: str, label: str, tallies: Mapping[str, FlatTally], total: FlatTally
    ) -> list[Flowable]:
        statuses = list(FlatStatus)
        header = [label, "套数", "建筑面积<br/>（㎡）", *(s.zh for s in statuses)]
        rows = [_flat_row(name, t, statuses) for name, t in tallies.items()]
        rows.append(_flat_row("合计", total, statuses))
        centred: list[Align] = ["CENTER"] * len(statuses)
        align: tuple[Align, ...] = ("LEFT", "CENTER", "RIGHT", *centred)
        table = data_table(header, rows, self.FLAT_WIDTHS, align, self.styles,
                           total_row(len(rows)))  # fmt: skip
        return self._titled(title, table)

    def _titled(self, title: str, table: Flowable) -> list[Flowable]:
        """A heading and its (short) table on one page."""
        return [KeepTogether([Paragraph(escape(title), self.styles["Heading"]), table])]

    def _charts(self) -> list[Flowable]:
        half = self.width / 2
        groups, money = self.by_group(), self.money_by_group()
        series = [("已选房", [t.chosen for t in groups.values()]),
                  ("未选房", [t.households - t.chosen - money[name]
                           for name, t in groups.items()])]
        if any(money.values()):
            series.append(("货币补偿", [money[name] for name in groups]))
        group_chart = bar_chart("各优先组户数", list(groups), series, half - 4, 62 * mm)
        layouts = self.by_layout()
        statuses = [s for s in FlatStatus if any(t.statuses[s] for t in layouts.values())]
        layout_chart = bar_chart(
            "各户型房源套数（按状态）", list(layouts),
            [(s.zh, [t.statuses[s] for t in layouts.values()]) for s in statuses],
            half - 4, 62 * mm,
        )  # fmt: skip
        pair = layout_table([[group_chart, layout_chart]], [half, half])
        return [Spacer(1, 4 * mm), pair]


def _household_row(label: object, t: HouseholdTally) -> list[object]:
    return [label, str(t.households), str(t.people), str(t.recognised), area(t.legal_area),
            optional_area(t.entitlement if t.households else None), str(t.chosen),
            area(t.chosen_area)]  # fmt: skip


def _flat_row(label: str, t: FlatTally, statuses: Sequence[FlatStatus]) -> list[object]:
    return [label, str(t.count), area(t.area), *(str(t.statuses[s]) for s in statuses)]
