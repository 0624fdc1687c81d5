"""安置协议书 read back: one per household, Article 25 items, full data, sums in capitals."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from allocation.demo.register import DEMO_TODAY
from allocation.money import yuan_in_capitals
from allocation.rules.pricing import (
    FloorCoefficient,
    FloorIncrement,
    OrientationCoefficient,
    settle,
)
from printouts import DOCUMENTS
from printouts.papers.agreement import Agreement, agreement_data
from tests.printouts.notice_inputs import policy
from tests.printouts.readback import (
    POLICY_SHA256,
    ReadBack,
    area_text,
    draw_page,
    make_info,
    needs_pdftoppm,
    read_back_quickly,
    render,
    sections,
    squeeze,
)
from tests.printouts.selection_inputs import (
    MOVING_DEADLINE,
    OFFICE,
    agreement_number,
    agreements,
    flat_over,
    households,
    make_agreement,
)

ARTICLE_25 = ("补偿方式", "房屋产权调换", "补偿金额", "支付期限", "产权调换房屋的地点和面积",
              "搬迁费", "临时安置费", "过渡方式和过渡期限", "搬迁期限")  # fmt: skip


@pytest.fixture(scope="module")
def batch() -> ReadBack:
    """All 199 demo households' agreements in one PDF."""
    return render(Agreement(make_info(), agreements()), read_back_quickly)


@pytest.fixture(scope="module")
def by_household(batch) -> list[str]:
    """Each agreement's text (its pages joined, squeezed), in batch order."""
    return [squeeze("".join(pages)) for pages in sections(batch)]


def test_registered_and_not_public():
    assert DOCUMENTS["agreements"] is Agreement
    assert not Agreement.public


def test_each_agreement_starts_a_new_page_and_counts_its_own_pages(batch, by_household):
    """199 sections, each opening with its number; every footer counts its own agreement's pages."""
    assert len(by_household) == len(households()) == 199
    assert batch.page_count == len(batch.pages) >= 199
    for text, data in zip(by_household, agreements(), strict=True):
        title = "武昌区粮道街片区旧城改造安置项目安置协议书"
        assert f"{title}协议编号：{agreement_number(data.household.code)}" in text[:80]
    assert squeeze(batch.text).count(POLICY_SHA256) == batch.page_count


def test_full_personal_data_of_every_household(by_household):
    """Not a public paper: full head name, phone, address, every member's name and full ID."""
    for text, household in zip(by_household, households(), strict=True):
        assert f"乙方（被征收人）{household.head_name}公民身份号码{household.head_id}" in text
        assert household.phone in text and squeeze(household.address) in text
        for member in household.members:
            assert f"{member.name}{member.relation}{member.id_number}" in text


def test_article_25_items_are_in_every_agreement(by_household):
    for text in by_household:
        for item in ARTICLE_25:
            assert item in text, item
        assert f"乙方应于{MOVING_DEADLINE.year}年12月31日前搬迁完毕" in text


def test_sums_are_in_figures_and_capitals_and_say_who_pays(by_household):
    """Compensation, price and balance each as 人民币…（¥…）; the balance with its direction."""
    for text, data in zip(by_household, agreements(), strict=True):
        s = data.settlement
        for amount in (s.compensation, s.price, s.balance):
            assert f"{yuan_in_capitals(abs(amount))}（¥{abs(amount):,.2f}）" in text
        payer = {"to_household": "甲方应向乙方支付", "from_household": "乙方应向甲方补缴",
                 "none": "双方互不找补"}[s.direction]  # fmt: skip
        assert payer in text


def test_areas_flats_and_compensation_items_are_printed(by_household):
    for text, data in zip(by_household, agreements(), strict=True):
        p = data.price
        assert f"乙方安置面积为{area_text(p.entitlement)}平方米" in text
        for flat in data.flats:
            assert f"{flat.key}{flat.building}号楼{flat.unit}单元{flat.number}室" in text
        for line in data.compensation.lines:
            assert f"{line.amount:,.2f}" in text
        assert f"补偿金额合计{data.compensation.total:,.2f}" in text


def test_tiered_price_lines_show_segment_area_prices_factors_and_amount():
    """20 m² over the entitlement: 15 m² in tier 1 at 4,000, 5 m² in tier 2 at 1.5 × 4,000."""
    household = households()[0]
    flat = flat_over(household, Decimal("20.00"))
    text = squeeze(render(Agreement(make_info(), [make_agreement(household, (flat,))])).text)
    entitlement = flat.area - 20
    within = f"{entitlement * 4000:,.2f}"
    assert f"{flat.key}安置面积内{area_text(entitlement)}4,000.00114,000.00{within}" in text
    assert f"{flat.key}超出安置面积第1档15.004,000.00114,000.0060,000.00" in text
    assert f"{flat.key}超出安置面积第2档5.004,000.001.516,000.0030,000.00" in text
    assert "超出安置面积20.00平方米" in text


def test_floor_factor_is_applied_and_shown():
    floors = (FloorCoefficient(1, 3, Decimal("0.98")),)
    cheaper = replace(policy(), pricing=replace(policy().pricing, floor_coefficients=floors))
    household = households()[0]
    flat = flat_over(household, Decimal("0.00"), floor=2)
    data = agreement_data(household, [flat], cheaper, DEMO_TODAY, number="X-1", office=OFFICE,
                          payment_term="即时", moving_deadline=MOVING_DEADLINE)  # fmt: skip
    text = squeeze(render(Agreement(make_info(), [data])).text)
    amount = (flat.area * Decimal("3920.00")).quantize(Decimal("0.01"))
    assert f"安置面积内{area_text(flat.area)}4,000.0010.983,920.00{amount:,.2f}" in text


def test_balance_due_from_the_household_is_stated_as_such():
    data = make_agreement(households()[1])
    owing = replace(data, settlement=settle(Decimal("1000.00"), data.price.total))
    text = squeeze(render(Agreement(make_info(), [owing])).text)
    due = data.price.total - Decimal("1000.00")
    assert f"乙方应向甲方补缴{yuan_in_capitals(due)}（¥{due:,.2f}）" in text
    assert "乙方应于本协议生效之日起15日内缴清" in text
    assert "甲方应向乙方支付" not in text


def test_signature_and_fingerprint_boxes_and_blank_date_lines(by_household):
    first = by_household[0]
    assert f"甲方（盖章）：{OFFICE}" in first
    assert f"乙方（签字并捺印）：{households()[0].head_name}" in first
    assert "指印" in first and first.count("日期：______年____月____日") == 2


def test_rehearsal_agreements_are_marked_on_every_page():
    rehearsal = render(Agreement(make_info(rehearsal=True), agreements()[:2]))
    assert all("演练" in page for page in rehearsal.pages)


def test_an_empty_batch_is_one_page_saying_so():
    empty = render(Agreement(make_info(), []))
    assert empty.page_count == 1 and "本批无记录" in empty.text


@needs_pdftoppm
def test_first_page_draws_with_ink(batch, tmp_path):
    picture = draw_page(batch.pdf, tmp_path)
    width, height = picture.size
    assert abs(width - 496) <= 1 and abs(height - 702) <= 1  # A4 at 60 dpi
    assert picture.dark > 3_000  # text, rules and boxes, not a white page


def _single(policy_: object, household, flat) -> str:
    data = agreement_data(household, [flat], policy_, DEMO_TODAY, number="X-1", office=OFFICE,
                          payment_term="即时", moving_deadline=MOVING_DEADLINE)  # fmt: skip
    return squeeze(render(Agreement(make_info(), [data])).text)


def _one_person_household():
    """One recognised person, on the allowance (not lent a transition flat)."""
    return next(h for h in households()
                if h.recognised_count == 1 and not h.in_transition_housing)


def test_a_transition_minimum_is_worded_where_it_applies():
    """One recognised person at 600 yuan a month is 600 < the 1,000 minimum per household:
    1,000 × 18 months = 18,000 yuan, and article six says so, figures that multiply out."""
    least = replace(policy().transition, minimum_month=Decimal("1000.00"))
    text = _single(replace(policy(), transition=least), _one_person_household(),
                   flat_over(_one_person_household(), Decimal("0.00")))
    assert ("临时安置费（过渡安置费）：按认定安置人口1人、每人每月600.00元计为每月600.00元，"
            "低于每户每月1,000.00元的最低标准，按每月1,000.00元、18个月计算，"
            f"共{yuan_in_capitals(Decimal(18000))}（¥18,000.00）") in text
    assert "临时安置费（过渡安置费）每户每月最低1,000.00元×18个月18,000.00" in text  # article 5


def test_the_transition_says_whom_it_counts():
    """Counting every registered member: 家庭成员, not 认定安置人口."""
    everyone = replace(policy().transition, members="registered")
    household = households()[0]
    text = _single(replace(policy(), transition=everyone), household,
                   flat_over(household, Decimal("0.00")))
    assert f"按家庭成员{len(household.members)}人、每人每月600.00元、18个月计算" in text


def test_a_refund_is_worded_as_a_refund_in_the_settlement():
    """Refund 3,000 yuan/m², base price 4,000. A flat 10 m² short of the entitlement E costs
    (E − 10) × 4,000 and refunds 10 × 3,000 = 30,000; a 20 m² flat at 100 yuan/m² when E is
    larger than 20 m² gives a negative price: party A pays it back, in article seven too."""
    refund = replace(policy(), pricing=replace(policy().pricing, refund_price=Decimal("3000")))
    household = households()[0]
    short = flat_over(household, Decimal("-10.00"))
    text = _single(refund, household, short)
    assert ("（已扣除退还乙方的面积差价款"
            f"{yuan_in_capitals(Decimal(30000))}（¥30,000.00）），两项相抵后") in text
    tiny = replace(short, area=Decimal("20.00"), base_price=Decimal("100.00"))
    entitlement = short.area + 10
    back = (entitlement - 20) * 3000 - 2000  # refund of the area not taken, less the flat
    text = _single(refund, household, tiny)
    assert f"另甲方应退还乙方面积差价款{yuan_in_capitals(back)}（¥{back:,.2f}），两项合计后" in text
    assert "房价款合计（为退还）" in text


def test_the_handover_day_of_the_new_flats_is_stated():
    """Article three: 甲方应于2028年6月30日前将上述房屋交付乙方, or, without a day, the
    written notice that will give it."""
    household = households()[0]
    text = squeeze(render(Agreement(make_info(), [make_agreement(household)])).text)
    assert "甲方交付上述房屋的时间以甲方书面通知为准。" in text
    dated = replace(make_agreement(household), handover_date=date(2028, 6, 30))
    text = squeeze(render(Agreement(make_info(), [dated])).text)
    assert "甲方应于2028年6月30日前将上述房屋交付乙方。" in text


def test_orientation_and_floor_increment_get_their_columns():
    """Floor 3 at 1.02, 南北 at 1.02, +30 yuan/m² on floor 3: 4,000 × 1.02 × 1.02 + 30 =
    4,191.60 yuan/m² within the entitlement; the row shows each term, article four says so."""
    pricing = replace(policy().pricing,
                      floor_coefficients=(FloorCoefficient(3, 8, Decimal("1.02")),),
                      orientation_coefficients=(OrientationCoefficient("南北", Decimal("1.02")),),
                      floor_increments=(FloorIncrement(3, 3, Decimal("30")),))
    household = households()[0]
    flat = flat_over(household, Decimal("0.00"), floor=3)
    text = _single(replace(policy(), pricing=pricing), household, flat)
    amount = (flat.area * Decimal("4191.60")).quantize(Decimal("0.01"))
    assert (f"{flat.key}安置面积内{area_text(flat.area)}4,000.0011.021.02+30.004,191.60"
            f"{amount:,.2f}") in text
    assert "单价含楼层系数、朝向系数和楼层差价" in text
    plain = _single(policy(), household, flat)
    assert "朝向系数" not in plain and "单价含楼层系数。" in plain


def test_transition_housing_is_stated_with_its_address_and_term():
    """Article eight for a household lent a transition flat: 周转用房过渡, its address and
    term as registered; one on the allowance reads 自行过渡 and its months, as before."""
    household = replace(households()[0], transition_housing="粮道街周转房2栋301室",
                        transition_from=date(2026, 10, 1), transition_until=date(2028, 9, 30))
    text = _single(policy(), household, flat_over(household, Decimal("0.00")))
    assert ("过渡方式：周转用房过渡。甲方提供周转用房，地址：粮道街周转房2栋301室；"
            "周转期限自2026年10月1日起至2028年9月30日止。") in text
    assert "自行过渡" not in text
    open_ended = replace(household, transition_from=None, transition_until=None)
    text = _single(policy(), open_ended, flat_over(household, Decimal("0.00")))
    assert "周转期限自乙方搬迁交房之日起至甲方交付产权调换房屋之日止。" in text
    plain = _single(policy(), households()[0], flat_over(household, Decimal("0.00")))
    assert "过渡方式：自行过渡。过渡期限：18个月，自乙方搬迁交房之日起计算。" in plain


def test_a_payment_goes_to_the_payee_account_on_file():
    """Article seven names the account party A pays into, in full (the household's own paper);
    without one on file, the account party B will give. A balance due from the household
    names no account of its own."""
    household = replace(households()[0], payee_bank="中国工商银行武汉粮道街支行",
                        payee_name="", payee_account="6222 0202 0001 2345 678")
    small = flat_over(household, Decimal("-10.00"))
    data = agreement_data(household, [small], replace(policy(), pricing=replace(
        policy().pricing, refund_price=Decimal("3000"))), DEMO_TODAY, number="X-1",
        office=OFFICE, payment_term="即时", moving_deadline=MOVING_DEADLINE)
    assert data.settlement.direction == "to_household"
    text = squeeze(render(Agreement(make_info(), [data])).text)
    assert ("款项汇入乙方指定的收款账户（开户银行：中国工商银行武汉粮道街支行；"
            f"户名：{household.head_name}；账号：6222020200012345678）即视为支付完毕。") in text
