"""被安置户公示 read back as a reader would: every household, masked, with correct totals."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from decimal import Decimal

import pytest

from allocation.registry.ids import mask_name
from allocation.registry.model import Household
from printouts.notices.household_notice import (
    HouseholdLine,
    HouseholdNotice,
    household_lines,
    household_totals,
)
from tests.printouts.readback import (
    AUDIT_HEAD,
    FOOTER_PATTERN,
    POLICY_SHA256,
    ReadBack,
    area_text,
    draw_page,
    id_number_in,
    make_info,
    needs_pdftoppm,
    read_back,
    squeeze,
)


def render(notice: HouseholdNotice) -> ReadBack:
    buffer = io.BytesIO()
    pages = notice.render(buffer)
    return read_back(buffer.getvalue(), pages)


@pytest.fixture(scope="module")
def notice(households, publication) -> ReadBack:
    return render(HouseholdNotice(make_info(), household_lines(households), publication))


def test_every_household_row_shows_code_masked_head_people_and_area(notice, households):
    """Each row reads: number, code, masked head, registered, recognised, legal area, —, —."""
    text = squeeze(notice.text)
    for number, h in enumerate(households, start=1):
        people = len(h.members)
        row = f"{number}{h.code}{mask_name(h.head_name)}{people}{h.recognised_count}"
        assert f"{row}{area_text(h.legal_area)}——" in text, h.code
    codes = re.findall(r"D\d{3}", notice.text)
    assert codes == [f"D{n:03d}" for n in range(1, 200)]


def test_first_household_head_appears_masked(notice, households):
    first = households[0]
    assert mask_name(first.head_name) in notice.pages[0]
    assert mask_name(first.head_name) != first.head_name


def test_no_full_name_and_no_id_number_anywhere(notice, households):
    """The public notice shows no person's full name and no ID number, full or masked."""
    for h in households:
        for member in h.members:
            assert member.name not in notice.text, (h.code, member.name)
            assert member.id_number not in squeeze(notice.text)
            assert member.id_number[-4:] + "\n" not in notice.text
    assert not id_number_in(squeeze(notice.text))


def test_totals_are_computed_from_the_register(notice, households):
    """户数, 登记人口, 认定人口 and 合法面积合计 agree with sums over the domain data."""
    people = sum(len(h.members) for h in households)
    recognised = sum(1 for h in households for m in h.members if m.recognised)
    legal = sum((h.legal_area for h in households), Decimal(0))
    assert (len(households), people) == (199, 638)
    sentence = (
        f"本次公示被安置户共{len(households)}户，登记人口{people}人，认定人口{recognised}人，"
        f"合法面积合计{area_text(legal)}平方米。"
    )
    assert sentence in squeeze(notice.text)
    assert f"合计（199户）{people}{recognised}{area_text(legal)}—" in squeeze(notice.text)


def test_page_count_footer_hashes_and_objection_period(notice):
    assert notice.page_count == len(notice.pages) >= 2
    last = FOOTER_PATTERN.search(notice.pages[-1])
    assert last and int(last[1]) == int(last[2]) == notice.page_count
    text = squeeze(notice.text)
    assert text.count(POLICY_SHA256) == notice.page_count
    assert f"审计链头：{AUDIT_HEAD}" in text
    assert "公示期：自2026年11月23日起至2026年11月29日止，共7日。" in text
    assert "粮道街片区征收安置指挥部（地址：武昌区粮道街120号，电话：027-88001234）" in text
    assert "演练" not in notice.text


def test_rehearsal_notice_is_marked_on_every_page(households, publication):
    rehearsal = render(
        HouseholdNotice(make_info(rehearsal=True), household_lines(households), publication)
    )
    assert all("演练" in page for page in rehearsal.pages)


def test_entitlements_and_groups_print_and_add_up(households, publication):
    """Known entitlements are printed and summed; free-text groups are escaped and ID-scrubbed."""
    entitlements = {h.code: Decimal(30) * h.recognised_count for h in households}
    leaked_id = households[0].members[0].id_number
    groups = {households[0].code: f"第一组<A&B>{leaked_id}", households[1].code: "高龄优先"}
    lines = household_lines(households, entitlements=entitlements, groups=groups)
    readback = render(HouseholdNotice(make_info(), lines, publication))
    text = squeeze(readback.text)
    total = sum(entitlements.values(), Decimal(0))
    assert f"安置面积合计{area_text(total)}平方米" in text
    assert "第一组<A&B>" + leaked_id[:6] + "********" + leaked_id[-4:] in text
    assert leaked_id not in text
    assert "高龄优先" in text


def test_household_lines_take_counts_from_the_domain():
    head = Household(code="X1", head_name="欧阳小明", head_id="", legal_area=Decimal("50.5"))
    line = household_lines([head])[0]
    assert line == HouseholdLine(
        code="X1", head_name="欧阳小明", people=0, recognised=0, legal_area=Decimal("50.5")
    )


def test_entitlement_total_only_when_every_household_has_one():
    line = HouseholdLine(code="A", head_name="张三", people=2, recognised=2, legal_area=Decimal(1))
    assert household_totals([line]).entitlement is None
    assert household_totals([replace(line, entitlement=Decimal(60))]).entitlement == Decimal(60)
    assert household_totals([]).entitlement is None


@needs_pdftoppm
def test_first_page_renders_to_a_png_with_ink_on_it(notice, tmp_path):
    """pdftoppm draws page 1 (embedded font only, no system fonts needed) and it is not blank."""
    picture = draw_page(notice.pdf, tmp_path)
    assert picture.bytes > 10_000
    width, height = picture.size
    assert abs(width - 496) <= 1 and abs(height - 702) <= 1  # A4 at 60 dpi
    assert picture.dark > 2_000  # text and rules, not a white page
