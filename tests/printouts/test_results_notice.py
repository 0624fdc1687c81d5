"""分房结果公示 read back: every household in selection order, masked, with its flats and area."""

from __future__ import annotations

from decimal import Decimal

import pytest

from allocation.demo.register import demo_flats
from allocation.registry.ids import mask_name
from allocation.registry.model import Flat
from printouts import DOCUMENTS
from printouts.notices.results_notice import ResultLine, ResultsNotice, result_lines
from tests.printouts.readback import (
    ReadBack,
    area_text,
    assert_footer_counts_pages,
    assert_nothing_personal,
    make_info,
    render,
    squeeze,
)
from tests.printouts.selection_inputs import assignments, households, order_numbers

SECOND_FLAT = demo_flats()[-1]


def selections() -> dict[str, tuple[Flat, ...]]:
    """Three households in four have chosen; the first of them took a second flat too."""
    chosen = {code: flats for n, (code, flats) in enumerate(assignments().items()) if n % 4}
    first = next(iter(chosen))
    chosen[first] = (*chosen[first], SECOND_FLAT)
    return chosen


def render_results(lines: list[ResultLine], publication, **info: object) -> ReadBack:
    return render(ResultsNotice(make_info(**info), lines, publication))


@pytest.fixture(scope="module")
def lines() -> list[ResultLine]:
    return result_lines(households(), selections(), order_numbers())


@pytest.fixture(scope="module")
def notice(lines, publication) -> ReadBack:
    return render_results(lines, publication)


def test_registered_and_public():
    assert DOCUMENTS["notice-results"] is ResultsNotice
    assert ResultsNotice.public


def test_lines_follow_the_selection_order_unnumbered_last():
    order = {"D003": 1, "D001": 2}
    codes = [line.code for line in result_lines(households()[:4], {}, order)]
    assert codes == ["D003", "D001", "D002", "D004"]


def test_every_household_row_in_order_with_masked_head_flat_layout_area(notice, lines):
    text = squeeze(notice.text)
    position = 0
    for line in lines:
        head = f"{line.order_number}{line.code}{mask_name(line.head_name)}"
        if len(line.flats) == 1:
            flat = line.flats[0]
            expected = f"{head}{flat.key}{flat.layout}{area_text(flat.area)}"
        elif line.flats:
            expected = f"{head}{line.flats[0].key}"
        else:
            expected = f"{head}未选房——"
        found = text.find(expected, position)
        assert found >= 0, expected
        position = found


def test_a_household_with_two_flats_lists_both(notice, lines):
    double = next(line for line in lines if len(line.flats) == 2)
    first, second = double.flats
    text = squeeze(notice.text)
    assert f"{double.code}{mask_name(double.head_name)}{first.key}{second.key}" in text
    assert f"{area_text(first.area)}{area_text(second.area)}" in text


def test_no_full_name_and_no_id_number(notice):
    assert_nothing_personal(notice, households())


def test_totals_objection_period_and_footer(notice, lines):
    chosen = [line for line in lines if line.flats]
    flats = sum(len(line.flats) for line in chosen)
    area = sum((f.area for line in chosen for f in line.flats), Decimal(0))
    text = squeeze(notice.text)
    assert (
        f"本次公示共{len(lines)}户，其中已选房{len(chosen)}户，选定房源{flats}套，"
        f"建筑面积合计{area_text(area)}平方米；尚未选房{len(lines) - len(chosen)}户。"
    ) in text
    assert "公示期：自2026年11月23日起至2026年11月29日止，共7日。" in text
    assert_footer_counts_pages(notice)
    assert "演练" not in notice.text


def test_rehearsal_notice_is_marked_on_every_page(lines, publication):
    rehearsal = render_results(lines[:40], publication, rehearsal=True)
    assert all("演练" in page for page in rehearsal.pages)


def test_the_issuer_never_stands_alone_on_a_page(lines, publication):
    """However many rows push the end of the list down the page, the issuer's name is on
    the page of the objection period (公示期) it closes. Thirty-odd consecutive lengths move
    the page break through every line of the ending at least once."""
    # The signature: the issuer (the office when none is named) over the day of issue
    # (the period's first day when none is given), 2026年11月23日 in the conftest.
    signature = squeeze((publication.issuer or publication.office) + "2026年11月23日")
    for count in range(14, 50):
        notice = render_results(lines[:count], publication)
        signed = [page for page in notice.pages if signature in squeeze(page)]
        assert len(signed) == 1 and "公示期" in signed[0], count
