"""选房机会估算单 and 人房供需情况分析表 read back: the figures worked by hand, the words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from allocation.chances import (
    DemandLine,
    GroupLine,
    Intention,
    SupplyDemand,
    chances_seed,
    compute_chances,
)
from allocation.lottery import Eligibility
from allocation.rules import AreaBand, FlatRestriction
from printouts import DOCUMENTS, ChancesSheet, ChancesSheetData, SupplyReport
from tests.factories import make_flat, make_household
from tests.printouts.readback import ReadBack, id_number_in, make_info, render, sections, squeeze

SEED = chances_seed("ab" * 32)
WIDE = AreaBand(Decimal("0"), Decimal("500"))


def small_case() -> list[ChancesSheetData]:
    """Three households H1, H2, H3 drawn in that order, everyone may take every flat; two
    flats of 1室 (101, 102) and one of 2室 (201). H1 wants 2室 first; H2 and H3 said nothing.

    Worked by hand (every replay goes the same way, so the figures are exact):

    * H1, nobody ahead: 1室 2 flats, 0 ahead, at least 2 left, 100.0%; 2室 1, 0, 1, 100.0%.
    * H2, H1 ahead: 1室 2 flats, 1 ahead, at least 1, and H1 always takes 2室 (its wish):
      100.0%; 2室 1 flat, 1 ahead, at least 0, taken by H1 every time: 0.0%.
    * H3, H1 and H2 ahead: 1室 2 flats, 2 ahead, at least 0; H1 takes 2室, H2 (unknown)
      one of the two 1室 flats, so one is always left: 100.0%; 2室 1, 2, 0, 0.0%.
    """
    flats = [make_flat(number="101", floor=1, layout="1室"),
             make_flat(number="102", floor=1, layout="1室"),
             make_flat(number="201", floor=2, layout="2室")]
    order = ["H1", "H2", "H3"]
    eligibility = {code: Eligibility(code, WIDE, 0, "", None) for code in order}
    result = compute_chances(order, eligibility, flats, {"H1": Intention(("2室",))},
                             replays=500, seed=SEED)
    return [ChancesSheetData(household=make_household(code, seq=n + 1), chances=found,
                             method=result.method, replays=result.replays, seed=result.seed,
                             office="某区征收办", issued_on=date(2026, 11, 23),
                             entitlement=Decimal("75.00"), group="高龄家庭" if n == 2 else "")
            for n, (code, found) in enumerate(zip(order, result.households, strict=True))]


@pytest.fixture(scope="module")
def sheet() -> ReadBack:
    return render(ChancesSheet(make_info(), small_case()))


def test_registered_as_a_household_paper() -> None:
    assert DOCUMENTS["chances-sheet"] is ChancesSheet and not ChancesSheet.public
    assert DOCUMENTS["report-supply"] is SupplyReport and not SupplyReport.public


def test_one_page_per_household_with_its_figures(sheet: ReadBack) -> None:
    pages = sections(sheet)
    assert len(pages) == 3 and all(len(p) == 1 for p in pages)
    first, second, third = (squeeze(p[0]) for p in pages)
    assert "选房机会估算单" in first and "H1" in first and "第1号" in first
    # layout, flats, households ahead, at least left, the estimate
    assert "1室202100.0%" in first and "2室101100.0%" in first
    assert "1室211100.0%" in second and "2室1100.0%" in second
    assert "1室2201" + "00.0%" in third and "2室1200.0%" in third
    assert "高龄家庭" in third and "75.00平方米" in third


def test_it_prints_the_method_replays_and_seed_and_says_estimate(sheet: ReadBack) -> None:
    text = squeeze(sheet.text)
    assert f"种子{SEED}" in text and "anju-chances/1" in text and "模拟选房500次" in text
    assert "只是估计" in text and "不是承诺" in text


def test_the_head_in_full_but_no_id_number(sheet: ReadBack) -> None:
    text = squeeze(sheet.text)
    assert "张三" in text
    assert not id_number_in(text)


# Worked by hand: 20 households, 3 unknown. 2室1厅: 8 flats, 11 want it first (12 flats
# wanted): 缺3, 缺口; 3室2厅: 10 flats, 6 first: 余4. Building 1: 9 flats, 12 first: 缺3;
# building 2: 9 flats, 5 first: 余4. Group 1 (3层及以下): 5 households, 4 flats: 缺1, 缺口;
# group 2: 15 households, 18 flats: 余3.
TABLE = SupplyDemand(
    households=20, unknown=3,
    layouts=(DemandLine("2室1厅", 8, 20, 11, 12), DemandLine("3室2厅", 10, 14, 6, 6)),
    buildings=(DemandLine("1", 9, 20, 12, 13), DemandLine("2", 9, 15, 5, 5)),
    groups=(GroupLine(0, "高龄家庭", FlatRestriction(floor_max=3), 5, 4),
            GroupLine(1, "其他家庭", None, 15, 18)))


@pytest.fixture(scope="module")
def report() -> ReadBack:
    return render(SupplyReport(make_info(), TABLE))


def test_the_report_per_layout_building_and_group(report: ReadBack) -> None:
    text = squeeze(report.text)
    assert "人房供需情况分析表" in text and "内部资料" in text
    assert "2室1厅82011" + "12缺3缺口" in text and "3室2厅101466余4" in text
    assert "合计18—1718—1处" in text
    assert "1号楼9201213缺3缺口" in text and "2号楼91555余4" in text
    assert "1高龄家庭3层及以下54缺1缺口" in text and "2其他家庭不限1518余3" in text


def test_the_report_names_the_shortages(report: ReadBack) -> None:
    text = squeeze(report.text)
    assert "首选户数多于可选房源的户型：2室1厅（缺3）" in text
    assert "首选户数多于可选房源的楼栋：1号楼（缺3）" in text
    assert "限内房源少于本组户数的优先组：高龄家庭（5户，限内房源4套）" in text
