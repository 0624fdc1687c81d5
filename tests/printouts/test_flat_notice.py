"""房源公示 read back: every flat in order, with subtotals and status counts."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import replace
from decimal import Decimal

import pytest

from allocation.registry.model import Flat, FlatStatus
from printouts.notices.flat_notice import (
    FlatNotice,
    building_label,
    group_flats,
    natural_key,
    unit_label,
)
from tests.printouts.readback import (
    FOOTER_PATTERN,
    POLICY_SHA256,
    ReadBack,
    area_text,
    id_number_in,
    make_info,
    read_back,
    squeeze,
)

KEY = re.compile(r"\b\d+-\d+-\d+\b")


def render(notice: FlatNotice) -> ReadBack:
    buffer = io.BytesIO()
    pages = notice.render(buffer)
    return read_back(buffer.getvalue(), pages)


@pytest.fixture(scope="module")
def stock(flats) -> list[Flat]:
    """The demo stock with a few flats reserved, selected or withdrawn, in shuffled order."""
    changed = {
        "1-1-101": FlatStatus.RESERVED,
        "1-2-1203": FlatStatus.SELECTED,
        "3-2-502": FlatStatus.UNAVAILABLE,
        "4-1-301": FlatStatus.SELECTED,
    }
    stock = [replace(f, status=changed.get(f.key, f.status)) for f in flats]
    return stock[::-1]  # the notice sorts; input order must not matter


@pytest.fixture(scope="module")
def notice(stock, publication) -> ReadBack:
    return render(FlatNotice(make_info(), stock, publication))


def _expected_order(flats: list[Flat]) -> list[str]:
    def key(f: Flat) -> tuple[int, int, int, int]:
        return (int(f.building), int(f.unit), f.floor, int(f.number))

    return [f.key for f in sorted(flats, key=key)]


def test_every_flat_is_listed_once_by_building_unit_floor_and_number(notice, stock):
    assert KEY.findall(notice.text) == _expected_order(stock)
    assert len(stock) == 220


def test_each_row_shows_floor_area_layout_orientation_price_and_status(notice, stock):
    text = squeeze(notice.text)
    for f in stock:
        price = f"{f.base_price:,.2f}"
        row = f"{f.key}{f.floor}{area_text(f.area)}{f.layout}{f.orientation}{price}{f.status.zh}"
        assert row in text, f.key


def test_subtotals_per_building_and_overall(notice, stock):
    """Each building's 套数 and 面积合计, and the overall sums, agree with the domain data."""
    text = squeeze(notice.text)
    for building in sorted({f.building for f in stock}):
        mine = [f for f in stock if f.building == building]
        total = sum((f.area for f in mine), Decimal(0))
        assert f"{building}号楼小计：{len(mine)}套，建筑面积合计{area_text(total)}平方米" in text
    total = sum((f.area for f in stock), Decimal(0))
    assert f"以上房源共{len(stock)}套，建筑面积合计{area_text(total)}平方米。" in text


def test_summary_counts_flats_by_status(notice, stock):
    """The summary row of building 1 and the total row count each status."""
    text = squeeze(notice.text)
    statuses = list(FlatStatus)
    for label, mine in [("1号楼", [f for f in stock if f.building == "1"]), ("合计", stock)]:
        counts = Counter(f.status for f in mine)
        area = area_text(sum((f.area for f in mine), Decimal(0)))
        cells = "".join(str(counts[s]) for s in statuses)
        assert f"{label}{len(mine)}{area}{cells}" in text
    assert "可选保留已选不可用" in text


def test_units_are_labelled_with_their_counts(notice, stock):
    text = squeeze(notice.text)
    ones = sum(1 for f in stock if (f.building, f.unit) == ("1", "1"))
    assert f"1单元（{ones}套）" in text
    assert text.count("2单元（") == 4


def test_page_numbers_hashes_and_no_id_numbers(notice):
    assert notice.page_count == len(notice.pages)
    assert all(FOOTER_PATTERN.search(page) for page in notice.pages)
    assert squeeze(notice.text).count(POLICY_SHA256) == notice.page_count
    assert not id_number_in(squeeze(notice.text))
    assert "公示期：自2026年11月23日起至2026年11月29日止" in squeeze(notice.text)


def test_without_a_publication_there_is_no_objection_period(flats):
    readback = render(FlatNotice(make_info(rehearsal=True), flats[:5]))
    assert "公示期" not in readback.text
    assert all("演练" in page for page in readback.pages)


def test_names_that_are_not_numbers_print_as_written_and_sort_naturally():
    def flat(building: str, unit: str, number: str, floor: int) -> Flat:
        return Flat(building, unit, floor, number, Decimal("60"), "2室1厅1卫", Decimal("4000"))

    flats = [flat("10", "1", "101", 1), flat("A座", "东", "1001", 10), flat("2", "1", "201", 2),
             flat("2", "1", "1001", 10), flat("2", "1", "102", 1)]  # fmt: skip
    groups = group_flats(flats)
    assert [g.name for g in groups] == ["2", "10", "A座"]
    assert [f.number for f in groups[0].flats] == ["102", "201", "1001"]
    assert (building_label("2"), building_label("A座")) == ("2号楼", "A座")
    assert (unit_label("1"), unit_label("东")) == ("1单元", "东")
    assert natural_key("2-301") < natural_key("2-1001")
    assert natural_key("²") == ((1, "²"),)  # not a number, and no crash
    text = squeeze(render(FlatNotice(make_info(), flats)).text)
    assert "A座小计：1套" in text and "东（1套）" in text
