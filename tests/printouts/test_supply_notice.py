"""选房意向及房源供需情况公示 read back: the figures, the flags, the words, nothing personal."""

from __future__ import annotations

import pytest

from allocation.chances import DemandLine, GroupLine, SupplyDemand
from allocation.rules import FlatRestriction
from printouts import DOCUMENTS
from printouts.notices import SupplyNotice, balance_text
from tests.printouts.readback import ReadBack, id_number_in, make_info, render, squeeze

# Worked by hand: 20 households, 17 with an intention. 2室1厅 has 8 flats, 11 want it
# first (one wants two flats: 12 flats wanted) — short by 3; 3室2厅 has 10 flats, 6 want
# it first — 4 to spare. Group 1 (floors 3 and below) has 5 households and 4 such flats —
# short by 1; group 2 has 15 households and all 18 flats — 3 to spare.
TABLE = SupplyDemand(
    households=20, unknown=3,
    layouts=(DemandLine("2室1厅", 8, 20, 11, 12), DemandLine("3室2厅", 10, 14, 6, 6)),
    buildings=(DemandLine("1", 9, 20, 5, 5),),
    groups=(GroupLine(0, "高龄家庭", FlatRestriction(floor_max=3), 5, 4),
            GroupLine(1, "其他家庭", None, 15, 18)))


@pytest.fixture(scope="module")
def notice(publication) -> ReadBack:
    return render(SupplyNotice(make_info(), TABLE, publication))


def test_registered_as_a_public_notice() -> None:
    assert DOCUMENTS["notice-supply"] is SupplyNotice and SupplyNotice.public


def test_balance_words() -> None:
    assert [balance_text(b) for b in (-3, 0, 4)] == ["缺3", "持平", "余4"]


def test_the_figures_per_layout_and_group(notice: ReadBack) -> None:
    text = squeeze(notice.text)
    assert "选房意向及房源供需情况公示" in text
    assert "共20户" in text and "已登记选房意向17户" in text and "意向未知）3户" in text
    assert "2室1厅820111" + "2缺3" in text  # flats, may take, want first, flats wanted, balance
    assert "3室2厅1014" + "66余4" in text
    assert "合计18—1718—" in text
    assert "1高龄家庭3层及以下54缺1" in text and "2其他家庭不限1518余3" in text
    assert "首选户数多于可选房源的户型：2室1厅" in text


def test_it_says_it_is_no_promise_and_has_an_objection_period(notice: ReadBack) -> None:
    text = squeeze(notice.text)
    assert "不是对任何一户能选到某一户型的承诺" in text
    assert "公示期：" in text


def test_nothing_personal(notice: ReadBack) -> None:
    assert not id_number_in(squeeze(notice.text))
