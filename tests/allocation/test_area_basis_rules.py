"""The pricing side of published policies: the area basis (计价面积: building or inner area,
a 公摊 share), the single-flat bonus (单套奖励) and the round-up (就近上靠).

The figures are worked by hand in each docstring, never by calling the code under test.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from allocation.errors import ValidationError
from allocation.lottery import Eligibility
from allocation.registry.model import Household, Member
from allocation.rules import AreaBand, counted_area
from allocation.rules.entitlement import EntitlementRules
from allocation.rules.explain import explain_household, trace_text
from allocation.rules.policy import (
    Policy,
    canonical_json,
    policy_from_dict,
    policy_from_json,
    policy_sha256,
    policy_to_dict,
)
from allocation.rules.pricing import PricingRules, RoundUp, Tier, price_flats, settle
from allocation.rules.text import policy_text
from allocation.rules.value_swap import ValueSwapRules, walk_flats
from tests.factories import make_flat, person_id

ON = date(2026, 11, 1)
D = Decimal
TIERS = (Tier(D(0), D(15), price=D(4000)), Tier(D(15), D(30), price=D(6000)))


def household(size: int = 1) -> Household:
    members = tuple(Member(f"成员{i}", person_id(i, date(1970 + i, 1, 1)),
                           "户主" if i == 0 else "子") for i in range(size))
    return Household(code="H1", head_name=members[0].name, head_id=members[0].id_number,
                     legal_area=D("80.00"), members=members)


def policy(**pricing: Any) -> Policy:
    """75 m² a person, a 30 m² cap, base 2,000, 15 m² over at 4,000 and 15 more at 6,000."""
    rules = EntitlementRules(area_per_person=D(75), excess_cap=D(30))
    return Policy(name="测试", entitlement=rules,
                  pricing=PricingRules(**{"base_price": D(2000), "tiers": TIERS, **pricing}),
                  default_group="其他")


def flat(area: str = "80.00", inner: str | None = "66.40", number: str = "301") -> Any:
    return make_flat(number=number, area=D(area),
                     inner_area=None if inner is None else D(inner), base_price=D(2000))


def lines(result: Any) -> list[tuple[str, Decimal, Decimal, Decimal]]:
    return [(line.code, line.area, line.unit_price, line.amount) for line in result.lines]


# --- area basis -----------------------------------------------------------------------


def test_building_basis_counts_the_building_area() -> None:
    """Default basis: the 80.00 m² building area; entitlement 75.00 → 5.00 m² in tier 1.
    75.00 × 2,000 = 150,000.00; 5.00 × 4,000 = 20,000.00."""
    result = price_flats(household(), [flat()], policy(), ON)
    assert counted_area(flat(), PricingRules()) == D("80.00")
    assert lines(result) == [("within", D("75.00"), D("2000.00"), D("150000.00")),
                             ("tier", D("5.00"), D("4000.00"), D("20000.00"))]


def test_inner_basis_counts_the_inner_area_and_refunds_the_rest() -> None:
    """Inner basis: 66.40 m² counted, 8.60 below the entitlement of 75.00.
    66.40 × 2,000 = 132,800.00; refund 8.60 × 500 = 4,300.00 → total 128,500.00."""
    result = price_flats(household(), [flat()],
                         policy(area_basis="inner", refund_price=D(500)), ON)
    assert lines(result) == [("within", D("66.40"), D("2000.00"), D("132800.00")),
                             ("refund", D("8.60"), D("500.00"), D("-4300.00"))]
    assert result.area == D("66.40") and result.total == D("128500.00")


def test_a_flat_without_inner_area_takes_the_shared_share_off() -> None:
    """Share 12 % of 80.00 = 9.60 → 70.40 m²; 85.55 × 0.88 = 75.284 → 75.28 (half up);
    83.33 × 0.85 = 70.8305 → 70.83 (the 5 rounds up)."""
    rules = PricingRules(area_basis="inner", shared_area_share=D("0.12"))
    assert counted_area(flat(inner=None), rules) == D("70.40")
    assert counted_area(flat("85.55", None), rules) == D("75.28")
    assert counted_area(flat("80.00", "66.40"), rules) == D("66.40")  # its own inner area
    rules = PricingRules(area_basis="inner", shared_area_share=D("0.15"))
    assert counted_area(flat("83.33", None), rules) == D("70.83")


def test_inner_basis_without_inner_area_or_share_names_the_flat() -> None:
    with pytest.raises(ValidationError) as error:
        price_flats(household(), [flat(inner=None)], policy(area_basis="inner"), ON)
    assert error.value.code == "inner_area_missing"
    assert error.value.params["flat"] == flat().key


def test_value_swap_values_the_counted_area() -> None:
    """Checked through the value lines: 66.40 m² × 2,000 = 132,800.00 under the inner basis."""
    rules = PricingRules(base_price=D(2000), area_basis="inner")
    swap, refusal = walk_flats(household(), [flat()], ValueSwapRules(), rules, D(200000), [])
    assert refusal is None and swap is not None
    assert [(v.area, v.value) for v in swap.flats] == [(D("66.40"), D("132800.00"))]


def test_the_band_judges_the_counted_area() -> None:
    """Band 70.00–80.00: building 85.00 is outside, its inner 72.00 inside."""
    band = AreaBand(D("70.00"), D("80.00"))
    big = flat("85.00", "72.00")
    assert not Eligibility("H1", band, 0, "其他", None).allows(big)
    assert Eligibility("H1", band, 0, "其他", None, PricingRules(area_basis="inner")).allows(big)


# --- single-flat bonus ----------------------------------------------------------------


def test_one_flat_gets_the_bonus_two_do_not() -> None:
    """One 75.00 m² flat: 75.00 × 2,000 = 150,000.00 − 10,000.00 bonus = 140,000.00.
    Two flats 40.00 + 35.00: 80,000.00 + 70,000.00 = 150,000.00, no bonus."""
    rules = policy(single_flat_bonus=D(10000))
    one = price_flats(household(), [flat("75.00")], rules, ON)
    assert lines(one)[-1] == ("bonus", D("0.00"), D("0.00"), D("-10000.00"))
    assert one.lines[-1].flat is None and one.total == D("140000.00")
    two = price_flats(household(), [flat("40.00", number="301"), flat("35.00", number="302")],
                      rules, ON)
    assert [line.code for line in two.lines] == ["within", "within"]
    assert two.total == D("150000.00")


# --- round-up -------------------------------------------------------------------------


def test_round_up_prices_the_whole_excess_at_its_price() -> None:
    """80.00 m² over 75.00 by 5.00 ≤ 5.00: 75.00 × 2,000 = 150,000.00 and
    5.00 × 3,000.00 = 15,000.00 → 165,000.00 (the tier would have said 4,000)."""
    rules = policy(round_up=RoundUp(D(5), price=D(3000)))
    result = price_flats(household(), [flat()], rules, ON)
    assert lines(result) == [("within", D("75.00"), D("2000.00"), D("150000.00")),
                             ("round_up", D("5.00"), D("3000.00"), D("15000.00"))]
    assert result.total == D("165000.00")
    text = trace_text(explain_household(household(), rules, ON, flat=flat()))
    assert "就近上靠：选购单套房源，超出安置面积5平方米，不超过5平方米" in text


def test_round_up_by_factor_and_past_its_reach() -> None:
    """Factor 1.2 × 2,000 = 2,400: 5.00 × 2,400 = 12,000.00. An 81.00 m² flat is 6.00
    over, past 5.00: tier 1 prices it, 6.00 × 4,000 = 24,000.00."""
    rules = policy(round_up=RoundUp(D(5), factor=D("1.2")))
    assert lines(price_flats(household(), [flat()], rules, ON))[-1] == (
        "round_up", D("5.00"), D("2400.00"), D("12000.00"))
    far = price_flats(household(), [flat("81.00")], rules, ON)
    assert lines(far)[-1] == ("tier", D("6.00"), D("4000.00"), D("24000.00"))
    text = trace_text(explain_household(household(), rules, ON, flat=flat("81.00")), "en")
    assert "no round-up: 6 m² over the entitlement, more than 5 m²" in text


def test_round_up_is_for_one_flat_only() -> None:
    """Two flats 40.00 + 40.00 = 80.00, 5.00 over: tier 1, 5.00 × 4,000 = 20,000.00."""
    rules = policy(round_up=RoundUp(D(5), price=D(3000)))
    two = [flat("40.00", number="301"), flat("40.00", number="302")]
    assert lines(price_flats(household(), two, rules, ON))[-1][0] == "tier"
    assert "不适用就近上靠：选购2套房源" in trace_text(
        explain_household(household(), rules, ON, flat=two))


# --- validation, text and JSON --------------------------------------------------------


@pytest.mark.parametrize(("pricing", "code", "path"), [
    ({"area_basis": "net"}, "not_one_of", "pricing.area_basis"),
    ({"shared_area_share": "0.12"}, "share_without_inner_basis", "pricing.shared_area_share"),
    ({"area_basis": "inner", "shared_area_share": "1"}, "share_not_below_one",
     "pricing.shared_area_share"),
    ({"single_flat_bonus": "-1"}, "negative_amount", "pricing.single_flat_bonus"),
    ({"round_up": {"max_area": "5"}}, "round_up_price_ambiguous", "pricing.round_up"),
    ({"round_up": {"max_area": "5", "price": "1", "factor": "1"}}, "round_up_price_ambiguous",
     "pricing.round_up"),
    ({"round_up": {"max_area": "0", "price": "1"}}, "non_positive_round_up",
     "pricing.round_up.max_area"),
    ({"round_up": {"max_area": "31", "price": "1"}}, "round_up_beyond_cap",
     "pricing.round_up.max_area"),
    ({"round_up": {"max_area": "5", "factor": "0"}}, "non_positive_factor",
     "pricing.round_up.factor"),
])
def test_bad_rules_are_refused_at_their_key_path(pricing: dict[str, Any], code: str,
                                                  path: str) -> None:
    data = policy_to_dict(policy())
    data["pricing"].update(pricing)
    with pytest.raises(ValidationError) as error:
        policy_from_dict(data)
    assert (error.value.code, error.value.params["path"]) == (code, path)


def test_defaults_leave_the_canonical_json_and_hash_alone() -> None:
    plain = policy()
    spelled = policy(area_basis="building", shared_area_share=None, single_flat_bonus=None,
                     round_up=None)
    assert "area_basis" not in canonical_json(plain) and "round_up" not in canonical_json(plain)
    assert policy_sha256(spelled) == policy_sha256(plain)


def test_set_rules_round_trip_through_json() -> None:
    rules = policy(area_basis="inner", shared_area_share=D("0.12"),
                   single_flat_bonus=D(10000), round_up=RoundUp(D(5), price=D(3000)))
    again = policy_from_json(canonical_json(rules))
    assert again == rules and policy_sha256(again) == policy_sha256(rules)
    assert json.loads(canonical_json(rules))["pricing"]["round_up"] == {
        "factor": None, "max_area": "5.00", "price": "3000.00"}


def test_the_notice_prints_each_rule() -> None:
    rules = policy(area_basis="inner", shared_area_share=D("0.12"),
                   single_flat_bonus=D(10000), round_up=RoundUp(D(5), price=D(3000)))
    zh, en = policy_text(rules), policy_text(rules, "en")
    assert "安置面积和房价按房源套内建筑面积计算（未注明套内建筑面积的房源按建筑面积扣除公摊" in zh
    assert "超出安置面积不超过5平方米的（就近上靠），超出部分全部按3,000元/平方米计算" in zh
    assert "房价款减10,000元（单套奖励" in zh
    assert "round-up" in en and "single-flat bonus" in en and "inner area" in en
    assert "就近上靠" not in policy_text(policy())


@settings(max_examples=60, deadline=None)
@given(area=st.decimals("60.00", "104.00", places=2), inner=st.booleans(),
       bonus=st.sampled_from([None, D(5000)]), reach=st.sampled_from([None, D(5), D(10)]))
def test_lines_add_up_and_settle(area: Decimal, inner: bool, bonus: Decimal | None,
                                 reach: Decimal | None) -> None:
    rules = policy(area_basis="inner" if inner else "building",
                   shared_area_share=D("0.12") if inner else None, single_flat_bonus=bonus,
                   round_up=None if reach is None else RoundUp(reach, factor=D("1.5")))
    result = price_flats(household(), [flat(str(area), None)], rules, ON)
    assert result.total == sum((line.amount for line in result.lines), D(0))
    paid = settle(D("300000.00"), result.total)
    assert paid.balance == D("300000.00") - result.total
