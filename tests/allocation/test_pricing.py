"""Tests of flat prices (tiers, cap, refund, floor coefficients, several flats) and settlement."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from allocation.demo.policy import demo_policy
from allocation.errors import ValidationError
from allocation.registry.model import Household, Member
from allocation.rules.entitlement import EntitlementRules
from allocation.rules.policy import Policy
from allocation.rules.pricing import FloorCoefficient, PricingRules, Tier, price_flats, settle
from tests.factories import make_flat, person_id

ON = date(2026, 11, 1)
D = Decimal
ISSUE_TIERS = (Tier(D(0), D(15), price=D(4000)), Tier(D(15), D(30), price=D(6000)))


def household(size: int = 3, legal_area: str = "80.00") -> Household:
    members = tuple(Member(f"成员{i}", person_id(i, date(1970 + i, 1, 1)),
                           "户主" if i == 0 else "子") for i in range(size))
    return Household(code="H1", head_name=members[0].name, head_id=members[0].id_number,
                     legal_area=D(legal_area), members=members)


def policy(entitlement: EntitlementRules | None = None, **pricing: Any) -> Policy:
    """Issue 3's numbers unless changed: 50 m² a person, base 4,000, 15 m² at 4,000, 15 at 6,000."""
    rules = entitlement or EntitlementRules(area_per_person=D(50), excess_cap=D(30))
    prices = {"base_price": D(4000), "tiers": ISSUE_TIERS, **pricing}
    return Policy(name="测试", entitlement=rules, pricing=PricingRules(**prices),
                  default_group="其他")


def flat(area: str, floor: int = 3, number: str = "301", base: str = "4000.00") -> Any:
    return make_flat(area=D(area), floor=floor, number=number, base_price=D(base))


def test_issue_example_tiers() -> None:
    """Issue 3: 3 people (150 m²), 170 m² flat: 150 × 4,000 + 15 × 4,000 + 5 × 6,000 = 690,000."""
    result = price_flats(household(), [flat("170.00")], policy(), ON)
    assert [(line.code, line.tier, line.area, line.unit_price, line.amount)
            for line in result.lines] == [
        ("within", None, D("150.00"), D("4000.00"), D("600000.00")),
        ("tier", 0, D("15.00"), D("4000.00"), D("60000.00")),
        ("tier", 1, D("5.00"), D("6000.00"), D("30000.00")),
    ]
    assert result.total == D("690000.00")
    assert (result.area, result.entitlement) == (D("170.00"), D("150.00"))


def test_demo_policy_uses_flat_price_and_plus_50_percent() -> None:
    """Demo: 80 m² legal area (more than 3 × 25): a 100 m² flat at its own base price for
    80 + 15 m², and 5 m² at +50 %."""
    result = price_flats(household(), [flat("100.00", base="3950.00")], demo_policy(), ON)
    assert [(line.area, line.unit_price) for line in result.lines] == [
        (D("80.00"), D("3950.00")), (D("15.00"), D("3950.00")), (D("5.00"), D("5925.00"))]
    assert result.total == 95 * D("3950") + 5 * D("5925")


def test_beyond_cap_refused_or_at_market_price() -> None:
    """Above entitlement + 30 m²: refused, or at the market price if the policy sets one."""
    with pytest.raises(ValidationError) as error:
        price_flats(household(), [flat("185.00")], policy(), ON)
    assert error.value.code == "area_beyond_cap"
    assert error.value.params == {"household": "H1", "area": "185.00", "max_area": "180.00"}
    market = price_flats(household(), [flat("185.00")], policy(beyond_cap_price=D(9000)), ON)
    assert market.lines[-1].code == "beyond_cap"
    assert market.total == D("600000") + D("60000") + D("90000") + 5 * D("9000")


def test_refund_below_entitlement() -> None:
    """多退少补: 142.30 m² of 150: 142.30 × 4,000 − 7.70 × 4,000 refunded = 538,400."""
    result = price_flats(household(), [flat("142.30")], policy(refund_price=D(4000)), ON)
    assert [(line.code, line.area, line.amount) for line in result.lines] == [
        ("within", D("142.30"), D("569200.00")), ("refund", D("7.70"), D("-30800.00"))]
    assert result.total == D("538400.00")
    no_refund = price_flats(household(), [flat("142.30")], policy(), ON)
    assert no_refund.total == D("569200.00")


def test_floor_coefficient_formula_and_settlement() -> None:
    """Worked example on the published formula; the numbers are ours.

    Source (a housing Q&A page quoting the usual rule):
    http://25820.com/all/15_6063847.html and https://mip.kang5.net/2019/05/02/1396695.html:
    "各户实际建筑面积x基本价格/平米x层次差价系数=房屋实际价格" and "被征收房屋补偿协议书的补偿总额
    与房屋的实际价格相抵后互找差价". 89.37 m² × 4,000 × 1.02 = 364,629.60; against 400,000 of
    compensation the household receives 35,370.40.
    """
    rules = policy(floor_coefficients=(FloorCoefficient(1, 2, D("0.98")),
                                       FloorCoefficient(3, 6, D("1.02"))))
    result = price_flats(household(2), [flat("89.37", floor=5)], rules, ON)
    assert result.lines[0].unit_price == D("4080.00")
    assert result.total == D("364629.60")
    balance = settle(D("400000.00"), result.total)
    assert (balance.balance, balance.direction) == (D("35370.40"), "to_household")


def test_several_flats_fill_the_entitlement_in_order() -> None:
    """150 m² entitlement, 110 m² on floor 1 (×0.98) then 70 m² on floor 5 (×1.02)."""
    rules = policy(floor_coefficients=(FloorCoefficient(1, 2, D("0.98")),
                                       FloorCoefficient(3, 6, D("1.02"))))
    flats = [flat("110.00", floor=1, number="101"), flat("70.00", floor=5, number="501")]
    result = price_flats(household(), flats, rules, ON)
    assert [(line.flat, line.code, line.area, line.unit_price) for line in result.lines] == [
        ("1-1-101", "within", D("110.00"), D("3920.00")),
        ("1-1-501", "within", D("40.00"), D("4080.00")),
        ("1-1-501", "tier", D("15.00"), D("4080.00")),
        ("1-1-501", "tier", D("15.00"), D("6120.00")),
    ]
    assert result.total == D("431200") + D("163200") + D("61200") + D("91800")


def test_several_flats_within_legal_area() -> None:
    """Worked example on a published rule; the numbers are ours.

    Source (a legal Q&A page, https://m.huatuo8.com/wenku/revgc/EMw5VzPznx): "被拆迁房屋产权面积
    超过安置房最大户型面积的…可选择多套安置房，但所选安置房总面积不能超过被拆迁房屋的法定总面积".
    Entitlement = legal area (ratio 1), nothing above it: with 160 m², 110 + 50 m² is allowed
    and 110 + 55 m² refused.
    """
    rules = policy(EntitlementRules(area_per_person=D(0), excess_cap=D(0),
                                    legal_area_ratio=D(1), combine="legal"), tiers=())
    subject = household(3, legal_area="160.00")
    two = [flat("110.00", number="301"), flat("50.00", number="302")]
    assert price_flats(subject, two, rules, ON).total == 160 * D(4000)
    with pytest.raises(ValidationError) as error:
        price_flats(subject, [two[0], flat("55.00", number="302")], rules, ON)
    assert error.value.code == "area_beyond_cap"


def test_translated_published_policy_cost_price_for_layout_excess() -> None:
    """Worked example on a published rule; the stated prices are the policy's, the result ours.

    Source: https://zhongguodreams.com/DivinationbyDrawingLots/zsqgcjdvnq.html (English
    rendering of a village resettlement notice): 40 m² a person, "The part of the
    resettlement house that exceeds the resettlement area due to reasons such as apartment
    layout design shall be purchased … at the cost price … 3,500 yuan/square meter". The
    entitlement is exchanged for the old home, so it is priced 0 here; the cap of 20 m² is
    our assumption. 3 people (120 m²) in a 125.50 m² flat pay 5.50 × 3,500 = 19,250.
    """
    rules = policy(EntitlementRules(area_per_person=D(40), excess_cap=D(20)), base_price=D(0),
                   tiers=(Tier(D(0), D(20), price=D(3500)),))
    assert price_flats(household(), [flat("125.50")], rules, ON).total == D("19250.00")


def test_no_flats_refused() -> None:
    """A price needs at least one flat."""
    with pytest.raises(ValidationError) as error:
        price_flats(household(), [], policy(), ON)
    assert error.value.code == "no_flats"


@pytest.mark.parametrize(
    ("compensation", "price", "balance", "direction"),
    [("100000", "690000", "-590000.00", "from_household"),
     ("700000", "690000", "10000.00", "to_household"),
     ("690000", "690000", "0.00", "none")],
)
def test_settlement_direction(compensation: str, price: str, balance: str, direction: str) -> None:
    """Positive is paid to the household, negative is due from it."""
    result = settle(D(compensation), D(price))
    assert (result.balance, result.direction) == (D(balance), direction)


def test_trace_has_a_step_per_line_and_the_total() -> None:
    """Each line is a trace step with its inputs; the last step is the total."""
    result = price_flats(household(), [flat("170.00")], policy(), ON)
    assert [s.rule for s in result.trace] == ["price.line"] * 3 + ["price.total"]
    assert result.trace[-1].result == result.total
    assert result.trace[1].inputs["tier"] == 0


# --- properties -------------------------------------------------------------

money = st.decimals(min_value=0, max_value=20000, places=2)


@st.composite
def random_policy(draw: st.DrawFn) -> Policy:
    cap = draw(st.decimals(min_value=0, max_value=60, places=2))
    cuts = sorted(draw(st.sets(st.decimals(min_value=D("0.01"), max_value=cap, places=2),
                               max_size=3))) if cap > 0 else []
    bounds = [D(0), *[c for c in cuts if c < cap], cap] if cap > 0 else []
    tiers = tuple(
        Tier(low, high, price=draw(money)) if draw(st.booleans())
        else Tier(low, high, factor=draw(st.decimals(min_value=0, max_value=3, places=2)))
        for low, high in zip(bounds, bounds[1:], strict=False))
    floors = (FloorCoefficient(1, 3, draw(st.decimals(min_value=D("0.5"), max_value=2,
                                                      places=2))),)
    return policy(EntitlementRules(area_per_person=D(50), excess_cap=cap),
                  base_price=draw(st.one_of(st.none(), money)), tiers=tiers,
                  beyond_cap_price=draw(st.one_of(st.none(), money)),
                  refund_price=draw(st.one_of(st.none(), money)), floor_coefficients=floors)


areas = st.decimals(min_value=D("0.01"), max_value=300, places=2)


@settings(max_examples=200, deadline=None)
@given(random_policy(), areas, areas, st.integers(1, 6))
def test_price_never_decreases_as_area_grows(
    rules: Policy, first: Decimal, second: Decimal, floor: int
) -> None:
    """For one household and one flat position, more area never costs less."""
    small, large = sorted((first, second))
    prices = []
    for area in (small, large):
        try:
            prices.append(price_flats(household(), [flat(str(area), floor=floor)], rules, ON).total)
        except ValidationError:
            return  # beyond the cap, refused: nothing to compare
    assert prices[0] <= prices[1]


@settings(max_examples=200, deadline=None)
@given(random_policy(), st.lists(areas, min_size=1, max_size=3), st.integers(1, 6))
def test_lines_add_up(rules: Policy, sizes: list[Decimal], floor: int) -> None:
    """Total = sum of lines; flat lines cover the flats' area exactly, the refund the shortfall."""
    flats = [flat(str(a), floor=floor, number=str(300 + i)) for i, a in enumerate(sizes)]
    try:
        result = price_flats(household(), flats, rules, ON)
    except ValidationError as error:
        assert error.code == "area_beyond_cap"
        return
    assert result.total == sum(line.amount for line in result.lines)
    assert sum(line.area for line in result.lines if line.code != "refund") == sum(sizes)
    refund = [line for line in result.lines if line.code == "refund"]
    if refund:
        assert refund[0].area == result.entitlement - result.area
        assert refund[0].amount <= 0


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2),
       st.decimals(min_value=-10**9, max_value=10**9, places=2))
def test_settlement_identity(compensation: Decimal, price: Decimal) -> None:
    """compensation − price == settlement, and the direction follows its sign."""
    result = settle(compensation, price)
    assert result.balance == compensation - price
    assert result.compensation - result.price == result.balance
    expected = "to_household" if result.balance > 0 else (
        "from_household" if result.balance < 0 else "none")
    assert result.direction == expected
