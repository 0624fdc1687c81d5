"""安置统计表 read back: counts and areas agree with the register, charts, nothing personal."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from decimal import Decimal

import pytest

from allocation.demo.register import DEMO_TODAY, demo_flats
from allocation.registry.model import Flat, FlatStatus, Household, HouseholdStatus
from allocation.rules.entitlement import compute_entitlement
from allocation.rules.priority import assign_group
from printouts import DOCUMENTS
from printouts.reports.statistics import Statistics
from tests.printouts.notice_inputs import policy
from tests.printouts.readback import (
    ReadBack,
    area_text,
    assert_footer_counts_pages,
    assert_nothing_personal,
    draw_page,
    make_info,
    needs_pdftoppm,
    render,
    squeeze,
)
from tests.printouts.selection_inputs import assignments, households


def chosen() -> dict[str, tuple[Flat, ...]]:
    """Every third household has chosen its flat."""
    return {code: flats for n, (code, flats) in enumerate(assignments().items()) if n % 3 == 0}


def stock() -> list[Flat]:
    taken = {flat.key for flats in chosen().values() for flat in flats}
    return [replace(f, status=FlatStatus.SELECTED) if f.key in taken else f for f in demo_flats()]


def groups() -> dict[str, str]:
    return {h.code: assign_group(h, policy(), DEMO_TODAY).name for h in households()}


@pytest.fixture(scope="module")
def report() -> ReadBack:
    entitlements = {h.code: compute_entitlement(h, policy(), DEMO_TODAY).area for h in households()}
    order = [g.name for g in policy().groups] + [policy().default_group]
    return render(Statistics(make_info(), households(), stock(), entitlements=entitlements,
                             groups=groups(), group_order=order, selections=chosen()))  # fmt: skip


def row(label: str, members: list[Household], chosen_codes: set[str]) -> str:
    people = sum(len(h.members) for h in members)
    recognised = sum(h.recognised_count for h in members)
    legal = sum((h.legal_area for h in members), Decimal(0))
    entitled = sum((compute_entitlement(h, policy(), DEMO_TODAY).area for h in members), Decimal(0))
    picked = [h for h in members if h.code in chosen_codes]
    area = sum((f.area for h in picked for f in chosen()[h.code]), Decimal(0))
    entitled_text = area_text(entitled) if members else "—"  # nobody: nothing to add up
    return (f"{label}{len(members)}{people}{recognised}{area_text(legal)}{entitled_text}"
            f"{len(picked)}{area_text(area)}")  # fmt: skip


def test_registered_and_public():
    assert DOCUMENTS["statistics"] is Statistics
    assert Statistics.public


def test_no_names_codes_or_id_numbers(report):
    """Public: no member's name, no ID number, not even a household code."""
    assert_nothing_personal(report, households())
    assert not any(h.code in report.text for h in households())
    assert_footer_counts_pages(report)


def test_households_by_status_add_up(report):
    text, codes = squeeze(report.text), set(chosen())
    for status in HouseholdStatus:
        members = [h for h in households() if h.status == status]
        assert row(status.zh, members, codes) in text, status
    assert f"合计{row('', list(households()), codes)}" in text


def test_households_by_group_add_up(report):
    text, codes, names = squeeze(report.text), set(chosen()), groups()
    for group in Counter(names.values()):
        members = [h for h in households() if names[h.code] == group]
        assert row(group, members, codes) in text, group


@pytest.mark.parametrize("key, label", [("layout", "{}"), ("building", "{}号楼")])
def test_flats_by_layout_and_building_split_by_status(report, key, label):
    text = squeeze(report.text)
    flats = stock()
    for value in {getattr(f, key) for f in flats}:
        subset = [f for f in flats if getattr(f, key) == value]
        counts = Counter(f.status for f in subset)
        area = sum((f.area for f in subset), Decimal(0))
        statuses = "".join(str(counts[s]) for s in FlatStatus)
        assert f"{label.format(value)}{len(subset)}{area_text(area)}{statuses}" in text


def test_charts_carry_chinese_labels(report):
    text = squeeze(report.text)
    assert "各优先组户数" in text and "各户型房源套数（按状态）" in text
    assert "已选房" in text and "未选房" in text


def test_without_entitlements_the_area_column_says_not_decided():
    """Before the policy decides entitlements, their sums print as —, not as 0.00."""
    three = households()[:3]
    bare = render(Statistics(make_info(), three, stock()[:5]))
    people = sum(len(h.members) for h in three)
    recognised = sum(h.recognised_count for h in three)
    legal = area_text(sum((h.legal_area for h in three), Decimal(0)))
    assert f"合计3{people}{recognised}{legal}—00.00" in squeeze(bare.text)


@needs_pdftoppm
def test_first_page_with_its_charts_draws_with_ink(report, tmp_path):
    picture = draw_page(report.pdf, tmp_path)
    assert picture.dark > 5_000


def test_money_households_are_a_series_of_their_own_in_the_group_chart():
    """Three households of group “其他家庭” take money: the chart's 货币补偿 bars count 3, and
    they are not among that group's 未选房 (households − chosen − money)."""
    from allocation.registry import CompensationMode

    money = {h.code for h in households() if groups()[h.code] == "其他家庭"}
    money = set(sorted(money)[:3])
    register = [replace(h, compensation_mode=CompensationMode.MONEY, assessed_value=Decimal(1))
                if h.code in money else h for h in households()]
    order = [g.name for g in policy().groups] + [policy().default_group]
    report = Statistics(make_info(), register, stock(), groups=groups(), group_order=order,
                        selections=chosen())
    assert report.money_by_group()["其他家庭"] == 3
    assert sum(report.money_by_group().values()) == 3
    assert "货币补偿" in squeeze(render(report).text)
