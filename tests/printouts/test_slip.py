"""选房确认书 read back: a page per slip: choice, price, time, operator, audit head, boxes."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from allocation.demo.register import DEMO_TODAY
from allocation.money import yuan_in_capitals
from allocation.rules.pricing import RoundUp, price_flats
from printouts import DOCUMENTS
from printouts.papers.slip import Slip, SlipData, price_parts
from tests.printouts.notice_inputs import policy
from tests.printouts.readback import (
    ReadBack,
    area_text,
    make_info,
    render,
    sections,
    squeeze,
)
from tests.printouts.selection_inputs import (
    CONFIRMED_AT,
    assignments,
    flat_over,
    households,
    order_numbers,
)

AUDIT_AFTER = "5e" * 32
PROXY_NAME, PROXY_ID = "李代理", "420106199001011234"


def make_slip(number: int) -> SlipData:
    household = households()[number]
    flats = assignments()[household.code]
    return SlipData(
        number=f"XF-{number + 1:04d}", household=household,
        order_number=order_numbers()[household.code], flats=flats,
        price=price_flats(household, flats, policy(), DEMO_TODAY),
        confirmed_at=CONFIRMED_AT, operator="王小红", audit_head=AUDIT_AFTER, group="已签约家庭",
    )  # fmt: skip


def render_slips(slips: list[SlipData], **info: object) -> ReadBack:
    return render(Slip(make_info(**info), slips))


@pytest.fixture(scope="module")
def slips() -> list[SlipData]:
    proxied = replace(make_slip(2), proxy_name=PROXY_NAME, proxy_id=PROXY_ID)
    return [make_slip(0), make_slip(1), proxied]


@pytest.fixture(scope="module")
def texts(slips) -> list[str]:
    return [squeeze("".join(pages)) for pages in sections(render_slips(slips))]


def test_registered_and_not_public():
    assert DOCUMENTS["slips"] is Slip
    assert not Slip.public


def test_one_page_per_slip(texts, slips):
    """Each slip is one page of its own (第 1 页 / 共 1 页) headed by its number."""
    assert len(texts) == len(slips)
    for text, slip in zip(texts, slips, strict=True):
        assert f"选房确认书确认书编号：{slip.number}" in text
        assert "第1页/共1页" in text


def test_household_order_number_flats_and_time(texts, slips):
    for text, slip in zip(texts, slips, strict=True):
        h = slip.household
        assert f"户号{h.code}选房顺序号第{slip.order_number}号" in text
        assert f"户主{h.head_name}公民身份号码{h.head_id}" in text
        assert "确认时间2026年11月25日09:13操作员王小红" in text
        for flat in slip.flats:
            assert f"{flat.key}{flat.building}号楼" in text and area_text(flat.area) in text


def test_price_in_figures_and_capitals_and_the_audit_head_in_full(texts, slips):
    for text, slip in zip(texts, slips, strict=True):
        total = slip.price.total
        assert f"房价款合计：{yuan_in_capitals(total)}（¥{total:,.2f}）" in text
        assert f"审计链头（确认后）{AUDIT_AFTER}" in text


def test_signature_boxes_name_the_chooser_or_the_proxy(texts):
    own, _other, proxied = texts
    assert f"选房人（户主）：{households()[0].head_name}" in own and "代理人" not in own
    assert f"代理人：{PROXY_NAME}公民身份号码：{PROXY_ID}" in proxied
    assert f"代理人{PROXY_NAME}（公民身份号码：{PROXY_ID}）受户主委托" in proxied
    for text in texts:
        assert "工作人员" in text and "公证员" in text and "指印" in text


def test_price_parts_split_within_above_and_refund():
    """20 m² over: within + above add up to the total, and above is 15 × 4,000 + 5 × 6,000."""
    household = households()[0]
    flat = flat_over(household, Decimal("20.00"))
    price = price_flats(household, [flat], policy(), DEMO_TODAY)
    within, above, refund = price_parts(price)
    assert (above, refund) == (Decimal("90000.00"), Decimal("0.00"))
    assert within + above + refund == price.total
    text = squeeze(render_slips([replace(make_slip(0), flats=(flat,), price=price)]).text)
    assert f"{area_text(flat.area)}+20.00{within:,.2f}90,000.000.00{price.total:,.2f}" in text


def test_rehearsal_slips_are_marked():
    assert "演练" in render_slips([make_slip(0)], rehearsal=True).pages[0]


def test_round_up_and_bonus_are_named_in_chinese_on_the_slip():
    """3 m² over, rounded up (就近上靠) at 3,000.00 yuan/m² = 9,000.00, and a 10,000.00
    single-flat bonus (单套奖励): the 超出部分 column holds 9,000.00 − 10,000.00 = −1,000.00,
    and the note under the table says what it is made of."""
    base = policy()
    rounded = replace(base, pricing=replace(base.pricing, round_up=RoundUp(
        Decimal(5), price=Decimal(3000)), single_flat_bonus=Decimal(10000)))
    household = households()[0]
    flat = flat_over(household, Decimal("3.00"))
    price = price_flats(household, [flat], rounded, DEMO_TODAY)
    assert price_parts(price)[1] == Decimal("-1000.00")
    text = squeeze(render_slips([replace(make_slip(0), flats=(flat,), price=price)]).text)
    assert ("超出部分房价含：就近上靠3.00平方米×3,000.00元/平方米，计9,000.00元；"
            "单套奖励减10,000.00元。") in text
    assert "round_up" not in text and "bonus" not in text


def test_a_household_with_two_flats_sees_each_flats_price_lines_and_the_running_totals():
    """The worked example of tests/db/test_several_flats.py: entitlement 150 m² (legal area
    150 m², two people), flats 1-1-301 (90 m² at 5,000 yuan/m²) then 1-1-302 (60 m² at
    6,000), both within the entitlement at their own base price, by hand:

    * 1-1-301: 90 × 5,000 = 450,000.00; subtotal 450,000.00, so far 90 m², 450,000.00;
    * 1-1-302: 60 × 6,000 = 360,000.00; subtotal 360,000.00, so far 150 m², 810,000.00;
    * 房价款合计 150 m², 810,000.00 yuan. A slip of one flat has no such lines.
    """
    from tests.db.test_several_flats import FLATS, two_flat_policy
    from tests.factories import make_household

    household = make_household("H001", 1, size=2, legal_area=Decimal("150.00"))
    flats = FLATS[:2]
    price = price_flats(household, flats, two_flat_policy(), DEMO_TODAY)
    slip = replace(make_slip(0), household=household, flats=flats, price=price)
    back = render_slips([slip])
    assert back.page_count == 1
    text = squeeze(back.text)
    assert "各套房屋明细" in text
    assert "1-1-301安置面积内90.005,000.00" in text and "450,000.00" in text
    assert "1-1-301小计90.00累计90.00㎡，450,000.00元450,000.00" in text
    assert "1-1-302安置面积内60.006,000.00" in text
    assert "1-1-302小计60.00累计150.00㎡，810,000.00元360,000.00" in text
    assert "房价款合计150.00810,000.00" in text
    single = squeeze(render_slips([make_slip(0)]).text)
    assert "各套房屋明细" not in single and "小计" not in single


def test_a_value_swap_of_two_flats_lists_each_flats_value_against_what_is_left():
    """By hand: 1,000,000.00 yuan available; 1-1-301 90 m² × 8,000 = 720,000.00, all used,
    280,000.00 left; 1-1-302 60 m² × 6,000 = 360,000.00, 280,000.00 used, 0 left, 80,000.00
    paid up; the flats' value 1,080,000.00."""
    from allocation.rules import ValueSwap
    from allocation.rules.value_swap import FlatValue
    from tests.db.test_several_flats import FLATS

    d = Decimal
    swap = ValueSwap(
        lines=(), available=d("1000000.00"), total=d("1080000.00"), area=d("150.00"),
        trace=(), flats=(
            FlatValue("1-1-301", d("90.00"), d("8000.00"), d("720000.00"), d("1000000.00"),
                      d("720000.00"), d("280000.00"), d("0.00")),
            FlatValue("1-1-302", d("60.00"), d("6000.00"), d("360000.00"), d("280000.00"),
                      d("280000.00"), d("0.00"), d("80000.00"))))
    slip = replace(make_slip(0), flats=FLATS[:2], price=swap)
    text = squeeze(render_slips([slip]).text)
    assert "各套房屋明细" in text
    assert "1-1-30190.008,000.00720,000.001,000,000.00720,000.00280,000.000.00" in text
    assert "1-1-30260.006,000.00360,000.00280,000.00280,000.000.0080,000.00" in text
