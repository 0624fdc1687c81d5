"""Value swap (价值互换): worked examples, each figure worked by hand in its docstring.

The policy of these examples (:func:`mode_policy`): each flat's own base
price, floors 1–2 × 0.98 and 3–8 × 1.02; value swap with a 5 % 产权调换补助,
a last flat needing half its value covered, 1室1厅1卫 taken alone only and
商铺 exempt from the share rule. Flat A is 1-1-301, 85.00 m² on floor 3 at
4,000.00: unit value 4,000 × 1.02 = 4,080.00, value 85 × 4,080 =
346,800.00. Flat B is 1-1-502, 60.00 m² on floor 5 at 4,000.00: 4,080.00,
value 60 × 4,080 = 244,800.00.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from allocation.errors import ValidationError
from allocation.registry.model import CompensationMode, Condition, Flat, Household, Member
from allocation.rules.assessed_value import Subsidy
from allocation.rules.compensation import CompensationItem, TransitionAllowance
from allocation.rules.conditions import Criteria, Term
from allocation.rules.entitlement import EntitlementRules
from allocation.rules.money_compensation import MoneyCompensationRules
from allocation.rules.policy import Policy
from allocation.rules.pricing import (
    FloorCoefficient,
    PricingRules,
    Tier,
    flat_unit_value,
    price_flats,
)
from allocation.rules.settlement import HouseholdSettlement, settle_household
from allocation.rules.value_swap import ValueSwap, ValueSwapRules
from tests.factories import make_flat, person_id

ON = date(2026, 11, 1)
D = Decimal
SERIOUS = Criteria("all", (Term("conditions", "has", "serious_illness"),))
LOW_INCOME = Criteria("all", (Term("conditions", "has", "low_income"),))
SWAP = ValueSwapRules(subsidies=(Subsidy("产权调换补助", D(5)),), last_flat_min_share=D("0.5"),
                      alone_layouts=("1室1厅1卫",), non_residential_layouts=("商铺",))
MONEY = MoneyCompensationRules(subsidies=(Subsidy("货币补偿奖励", D(10)),), items=("低保补助",))


def mode_policy(value_swap: ValueSwapRules | None = SWAP,
                money: MoneyCompensationRules | None = MONEY) -> Policy:
    """Area mode as Issue 3 (50 m² a person, 30 m² over at two tiers), and both other modes."""
    return Policy(
        name="补偿方式测试方案", default_group="其他", reference_date=ON,
        entitlement=EntitlementRules(area_per_person=D(50), excess_cap=D(30)),
        pricing=PricingRules(tiers=(Tier(D(0), D(15), factor=D(1)),
                                    Tier(D(15), D(30), factor=D("1.5"))),
                             floor_coefficients=(FloorCoefficient(1, 2, D("0.98")),
                                                 FloorCoefficient(3, 8, D("1.02")))),
        compensation=(CompensationItem("房屋价值补偿", D(9000), per="legal_area"),
                      CompensationItem("重病补助", D(50000), per="person",
                                       member_condition=SERIOUS),
                      CompensationItem("低保补助", D(30000), condition=LOW_INCOME)),
        transition=TransitionAllowance(per_person_month=D(600), months=18),
        value_swap=value_swap, money_compensation=money)


def household(mode: CompensationMode = CompensationMode.VALUE, assessed: str | None = "600000.00",
              *conditions: Condition, code: str = "V001") -> Household:
    """Three recognised members, 80 m² legal area; the head has ``conditions``."""
    members = tuple(Member(f"成员{i}", person_id(i, date(1970 + i, 1, 1)),
                           "户主" if i == 0 else "子",
                           conditions=frozenset(conditions) if i == 0 else frozenset())
                    for i in range(3))
    return Household(code=code, head_name=members[0].name, head_id=members[0].id_number,
                     legal_area=D("80.00"), members=members, compensation_mode=mode,
                     assessed_value=None if assessed is None else D(assessed),
                     appraisal_report="鄂评字（2026）第017号", mode_chosen_on=date(2026, 9, 1))


def flat(number: str, area: str, floor: int, base: str = "4000.00", layout: str = "3室2厅1卫",
         **changes: Any) -> Flat:
    return make_flat(number=number, area=D(area), floor=floor, base_price=D(base), layout=layout,
                     **changes)


A = flat("301", "85.00", 3)
B = flat("502", "60.00", 5)


def swap_of(result: HouseholdSettlement) -> ValueSwap:
    assert isinstance(result.price, ValueSwap)
    return result.price


def uses(result: HouseholdSettlement) -> list[tuple[str, Decimal, Decimal, Decimal, Decimal]]:
    """(flat, value, available before, used, remaining) of each flat."""
    return [(u.flat, u.value, u.available, u.used, u.remaining) for u in swap_of(result).flats]


def refused(household: Household, flats: list[Flat], policy: Policy | None = None) -> Any:
    with pytest.raises(ValidationError) as error:
        settle_household(household, flats, policy or mode_policy(), ON)
    return error.value


def test_value_left_over_is_paid_to_the_household() -> None:
    """600,000.00 + 5 % (30,000.00) = 630,000.00 available. A: 346,800.00 used, 283,200.00
    left; B: 244,800.00 used, 38,400.00 left. 630,000 − 591,600 = 38,400.00 paid out (多退)."""
    result = settle_household(household(), [A, B], mode_policy(), ON)
    assert [(line.code, line.name, line.amount) for line in result.compensation.lines] == [
        ("assessed_value", "", D("600000.00")), ("subsidy", "产权调换补助", D("30000.00"))]
    assert uses(result) == [
        ("1-1-301", D("346800.00"), D("630000.00"), D("346800.00"), D("283200.00")),
        ("1-1-502", D("244800.00"), D("283200.00"), D("244800.00"), D("38400.00"))]
    assert [(line.code, line.unit_price, line.amount) for line in result.price_lines] == [
        ("value", D("4080.00"), D("346800.00")), ("value", D("4080.00"), D("244800.00"))]
    assert (result.settlement.compensation, result.settlement.price) == (D("630000.00"),
                                                                         D("591600.00"))
    assert (result.settlement.balance, result.settlement.direction) == (D("38400.00"),
                                                                        "to_household")


def test_last_flat_partly_covered_is_paid_up() -> None:
    """500,000 + 25,000 = 525,000.00. A uses 346,800.00, 178,200.00 left; B (244,800.00):
    178,200 ≥ half of it (122,400.00), so it is taken: 178,200.00 used, 66,600.00 short.
    525,000 − 591,600 = −66,600.00, due from the household (少补)."""
    result = settle_household(household(assessed="500000.00"), [A, B], mode_policy(), ON)
    assert uses(result)[1] == ("1-1-502", D("244800.00"), D("178200.00"), D("178200.00"),
                               D("0.00"))
    assert swap_of(result).flats[1].short == D("66600.00")
    assert (result.settlement.balance, result.settlement.direction) == (D("-66600.00"),
                                                                        "from_household")


def test_last_flat_below_the_share_is_refused() -> None:
    """400,000 + 20,000 = 420,000.00; A leaves 73,200.00, less than half of B's 244,800.00
    (122,400.00): B is refused."""
    error = refused(household(assessed="400000.00"), [A, B])
    assert error.code == "last_flat_share_too_small"
    assert error.params == {"household": "V001", "flat": "1-1-502", "remaining": "73200.00",
                            "value": "244800.00", "share": "0.5", "minimum": "122400.00"}


def test_a_shop_is_exempt_from_the_share_but_not_from_the_total() -> None:
    """As above, but B is a 商铺 of 60.00 m² on floor 1 at 8,000.00: unit 8,000 × 0.98 =
    7,840.00, value 470,400.00. 73,200 is under half of it, but a shop is exempt: 73,200.00
    used, 397,200.00 short; 420,000 − (346,800 + 470,400 = 817,200) = −397,200.00."""
    shop = flat("105", "60.00", 1, "8000.00", layout="商铺")
    result = settle_household(household(assessed="400000.00"), [A, shop], mode_policy(), ON)
    assert uses(result)[1] == ("1-1-105", D("470400.00"), D("73200.00"), D("73200.00"),
                               D("0.00"))
    assert (result.settlement.price, result.settlement.balance) == (D("817200.00"),
                                                                    D("-397200.00"))


def test_no_flat_once_the_value_is_used_up() -> None:
    """330,285.71 + 5 % (16,514.2855 → 16,514.29) = 346,800.00, exactly A's value: nothing is
    left, so B is refused, shop or not; A alone settles at 0.00."""
    poor = household(assessed="330285.71")
    error = refused(poor, [A, flat("105", "20.00", 1, layout="商铺")])
    assert (error.code, error.params["flat"], error.params["available"]) == (
        "value_exhausted", "1-1-105", "0.00")
    alone = settle_household(poor, [A], mode_policy(), ON)
    assert (alone.settlement.balance, alone.settlement.direction) == (D("0.00"), "none")


def test_the_smallest_layout_is_taken_alone_only() -> None:
    """1室1厅1卫 (45.00 m², floor 2 at 4,000.00: 3,920.00, value 176,400.00) is refused beside
    A; alone, 630,000 − 176,400 = 453,600.00 is paid out."""
    small = flat("201", "45.00", 2, layout="1室1厅1卫")
    error = refused(household(), [A, small])
    assert (error.code, error.params["flat"], error.params["layout"]) == (
        "layout_taken_alone_only", "1-1-201", "1室1厅1卫")
    result = settle_household(household(), [small], mode_policy(), ON)
    assert result.settlement.balance == D("453600.00")


def test_named_items_and_the_allowance_count_in_the_value() -> None:
    """With 重病补助 and the transition allowance named: 600,000 + 30,000 + 50,000 (the head is
    seriously ill) + 3 × 600 × 18 = 32,400 → 712,400.00; 房屋价值补偿 (9,000 × 80 m²) is not
    named and does not count. Less A (346,800.00): 365,600.00 paid out."""
    rules = dataclasses.replace(SWAP, items=("重病补助",), transition=True)
    result = settle_household(household(CompensationMode.VALUE, "600000.00",
                                        Condition.SERIOUS_ILLNESS),
                              [A], mode_policy(value_swap=rules), ON)
    assert [(line.code, line.name, line.amount) for line in result.compensation.lines] == [
        ("assessed_value", "", D("600000.00")), ("subsidy", "产权调换补助", D("30000.00")),
        ("item", "重病补助", D("50000.00")), ("transition", "", D("32400.00"))]
    assert result.compensation.total == D("712400.00")
    assert result.settlement.balance == D("365600.00")


def test_subsidies_round_half_up_to_the_fen() -> None:
    """5 % of 100.10 is 5.005 → 5.01 (half up; half even would give 5.00); 2.5 % of
    123,456.78 is 3,086.4195 → 3,086.42. (No share rule here: the value buys a part of A.)"""
    rules = dataclasses.replace(SWAP, subsidies=(Subsidy("补助", D(5)),), last_flat_min_share=None)
    tiny = settle_household(household(assessed="100.10"), [A], mode_policy(value_swap=rules), ON)
    assert tiny.compensation.lines[1].amount == D("5.01")
    rules = dataclasses.replace(rules, subsidies=(Subsidy("补助", D("2.5")),))
    other = settle_household(household(assessed="123456.78"), [A], mode_policy(value_swap=rules),
                             ON)
    assert other.compensation.lines[1].amount == D("3086.42")


def test_unit_value_rounds_half_up_before_the_area() -> None:
    """Floor 1 at 4,012.25: 4,012.25 × 0.98 = 3,932.005 → 3,932.01; 50.00 m² → 196,600.50.
    Floor 3 at 3,987.65: × 1.02 = 4,067.403 → 4,067.40; 87.35 m² → 355,287.39."""
    low, high = flat("101", "50.00", 1, "4012.25"), flat("302", "87.35", 3, "3987.65")
    result = settle_household(household(assessed="1000000.00"), [low, high], mode_policy(), ON)
    assert [(line.unit_price, line.amount) for line in result.price_lines] == [
        (D("3932.01"), D("196600.50")), (D("4067.40"), D("355287.39"))]


def test_tiers_and_the_cap_do_not_apply_by_value() -> None:
    """A 200.00 m² flat on floor 3 (beyond 150 + 30 m², refused by area) is worth 200 × 4,080 =
    816,000.00 by value; 630,000 − 816,000 = −186,000.00 (630,000 ≥ half of 816,000)."""
    big = flat("303", "200.00", 3)
    assert refused(household(CompensationMode.AREA), [big]).code == "area_beyond_cap"
    result = settle_household(household(), [big], mode_policy(), ON)
    assert result.settlement.balance == D("-186000.00")


@pytest.mark.parametrize("floor", [1, 2, 3, 8, 9])
@pytest.mark.parametrize("base", ["4012.25", "3987.65", "5000.00"])
def test_unit_value_is_area_modes_unit_price(floor: int, base: str) -> None:
    """One price per m² for a flat's position: the unit value is area mode's within line."""
    policy = mode_policy()
    one = flat("1", "60.00", floor, base)
    line = price_flats(household(CompensationMode.AREA), [one], policy, ON).lines[0]
    assert line.code == "within"
    assert flat_unit_value(policy.pricing, one) == line.unit_price


def test_value_mode_needs_an_assessed_value_and_the_section() -> None:
    """No assessed value: assessed_value_missing; a policy without value_swap: mode_not_offered;
    no flats: no_flats; a negative value: negative_assessed_value."""
    error = refused(household(assessed=None), [A])
    assert (error.code, error.params) == ("assessed_value_missing",
                                          {"household": "V001", "mode": "value"})
    error = refused(household(), [A], mode_policy(value_swap=None))
    assert (error.code, error.params) == ("mode_not_offered", {"household": "V001",
                                                               "mode": "value"})
    assert refused(household(), []).code == "no_flats"
    assert refused(household(assessed="-1.00"), [A]).code == "negative_assessed_value"
