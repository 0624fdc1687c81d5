"""The area basis (计价面积, 公摊), the single-flat bonus (单套奖励) and rounding up to a unit
(就近上靠): worked examples, their words, their refusals, and properties.

The policy of the examples (:func:`policy`): 25 m² a recognised member, so 75.00 m² for
the three members of :func:`household`; base price 4,000.00; a 30 m² cap bought over the
entitlement in two tiers — 0–10 m² at 1.5 × base (6,000.00), 10–30 m² at 8,000.00; area
not taken refunded at 1,000.00 when a refund is asked for. Every figure is worked by hand
in the docstring, never by calling the code under test.
"""

from __future__ import annotations

import copy
import dataclasses
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from allocation.errors import ValidationError
from allocation.lottery import Eligibility
from allocation.registry import quantize_money
from allocation.registry.model import CompensationMode, Flat, Household, Member
from allocation.rules import AreaBand
from allocation.rules.assessed_value import Subsidy
from allocation.rules.compensation import CompensationItem
from allocation.rules.entitlement import EntitlementRules, SelectionBand
from allocation.rules.explain import explain_household, trace_text
from allocation.rules.policy import (
    Policy,
    canonical_json,
    policy_from_dict,
    policy_from_json,
    policy_sha256,
    policy_to_dict,
)
from allocation.rules.pricing import (
    FloorCoefficient,
    PricingRules,
    RoundUp,
    Tier,
    counted_area,
    price_flats,
)
from allocation.rules.settlement import settle_household
from allocation.rules.text import policy_text
from allocation.rules.value_swap import ValueSwapRules
from tests.factories import make_flat, person_id

ON = date(2026, 11, 1)
D = Decimal
TIERS = (Tier(D(0), D(10), factor=D("1.5")), Tier(D(10), D(30), price=D(8000)))
ROUND_UP = RoundUp(D(5), price=D(3000))


def policy(**pricing: Any) -> Policy:
    """See the module docstring; ``pricing`` adds or replaces price rules."""
    return Policy(
        name="计价面积测试方案", default_group="其他", reference_date=ON,
        entitlement=EntitlementRules(area_per_person=D(25), excess_cap=D(30)),
        pricing=PricingRules(**{"base_price": D(4000), "tiers": TIERS, **pricing}),
        compensation=(CompensationItem("房屋价值补偿", D(5000), per="legal_area"),))


def household(mode: CompensationMode = CompensationMode.AREA,
              assessed: str | None = None) -> Household:
    """Three recognised members (75.00 m²), 60 m² legal area (300,000.00 compensation)."""
    members = tuple(Member(f"成员{i}", person_id(i, date(1970 + i, 1, 1)),
                           "户主" if i == 0 else "子") for i in range(3))
    return Household(code="P001", head_name=members[0].name, head_id=members[0].id_number,
                     legal_area=D("60.00"), members=members, compensation_mode=mode,
                     assessed_value=None if assessed is None else D(assessed))


def flat(area: str, inner: str | None = None, number: str = "301", floor: int = 3) -> Flat:
    return make_flat(area=D(area), inner_area=None if inner is None else D(inner),
                     number=number, floor=floor)


def lines(result: Any) -> list[tuple[str, Decimal, Decimal, Decimal]]:
    return [(line.code, line.area, line.unit_price, line.amount) for line in result.lines]


# --- area basis ------------------------------------------------------------------------


def test_the_inner_area_is_what_is_laid_against_the_entitlement_and_priced() -> None:
    """安置面积和房价按套内建筑面积计算. Flat 80.00 m² building, 66.40 m² inner.

    By inner area: 66.40 m² < 75.00 m², all within at 4,000: 265,600.00; 8.60 m² not taken
    refunded at 1,000: −8,600.00; total 257,000.00.
    By building area (today's rule): 75 × 4,000 = 300,000.00 and 5 m² of the first tier at
    6,000 = 30,000.00, no refund: 330,000.00.
    """
    chosen = [flat("80.00", "66.40")]
    inner = price_flats(household(), chosen, policy(area_basis="inner", refund_price=D(1000)),
                        ON)
    assert lines(inner) == [("within", D("66.40"), D("4000.00"), D("265600.00")),
                            ("refund", D("8.60"), D("1000.00"), D("-8600.00"))]
    assert (inner.area, inner.total) == (D("66.40"), D("257000.00"))
    building = price_flats(household(), chosen, policy(refund_price=D(1000)), ON)
    assert lines(building) == [("within", D("75.00"), D("4000.00"), D("300000.00")),
                               ("tier", D("5.00"), D("6000.00"), D("30000.00"))]
    assert building.total == D("330000.00")


def test_a_flat_without_inner_area_counts_its_building_area_less_the_shared_share() -> None:
    """未注明套内面积的房源按建筑面积扣除公摊12%计. Flat 80.00 m², no inner area:
    80.00 × (1 − 0.12) = 70.40 m², within 75.00: 70.40 × 4,000 = 281,600.00.

    Rounded half up to 0.01 m²: 80.05 × 0.9 = 72.045 → 72.05 (to even would give 72.04);
    83.33 × 0.88 = 73.3304 → 73.33. A flat with its inner area keeps it, share or not.
    """
    rules = policy(area_basis="inner", shared_area_share=D("0.12"))
    result = price_flats(household(), [flat("80.00")], rules, ON)
    assert lines(result) == [("within", D("70.40"), D("4000.00"), D("281600.00"))]
    tenth = policy(area_basis="inner", shared_area_share=D("0.1")).pricing
    assert counted_area(flat("80.05"), tenth) == D("72.05")
    assert counted_area(flat("83.33"), rules.pricing) == D("73.33")
    assert counted_area(flat("80.00", "66.40"), rules.pricing) == D("66.40")
    assert counted_area(flat("80.00", "66.40"), policy().pricing) == D("80.00")


def test_inner_basis_without_a_share_refuses_a_flat_without_inner_area() -> None:
    """No share to work it out from: the flat is named, not priced at some other area."""
    with pytest.raises(ValidationError) as refused:
        price_flats(household(), [flat("80.00", number="502")], policy(area_basis="inner"), ON)
    assert refused.value.code == "inner_area_missing"
    assert refused.value.params == {"path": "pricing.area_basis", "flat": "1-1-502"}


def test_the_trace_and_notice_say_which_area_was_counted() -> None:
    rules = policy(area_basis="inner", shared_area_share=D("0.12"))
    zh = trace_text(explain_household(household(), rules, ON, flat("80.00")))
    assert ("房源1-1-301计价面积（按套内建筑面积）：未注明套内建筑面积，建筑面积80平方米×"
            "（1−公摊12%） → 70.4平方米") in zh
    assert "所选总面积70.4平方米在可选范围0至105平方米内：是" in zh
    en = trace_text(explain_household(household(), rules, ON, flat("80.00", "66.40")), "en")
    assert "flat 1-1-301 counted by inner area: building area 80 m², inner area 66.4 m²" in en
    assert ("安置面积和房价按房源套内建筑面积计算（未注明套内建筑面积的房源按建筑面积扣除公摊"
            "12%计，四舍五入到0.01平方米）。") in policy_text(rules)
    assert "priced by their inner area (a flat without one counts its building area less " \
           "12 % shared area" in policy_text(rules, "en")
    assert "（房源须注明套内建筑面积）" in policy_text(policy(area_basis="inner"))
    plain = policy_text(policy())
    assert "套内" not in plain and "就近上靠" not in plain and "单套奖励" not in plain


def test_the_selection_band_is_judged_on_the_counted_area() -> None:
    """Band 75 − 5 … 75 + 30 (below 5 m²): an 80.00 m² flat of 66.40 m² inner area is 8.60
    short, outside the band by inner area, inside it by building area."""
    inner = dataclasses.replace(policy(area_basis="inner"), band=SelectionBand(below=D(5)))
    steps = explain_household(household(), inner, ON, flat("80.00", "66.40")).steps
    band = next(s for s in steps if s.rule == "entitlement.band_check")
    assert (band.inputs["area"], band.result) == (D("66.40"), False)
    building = dataclasses.replace(inner, pricing=policy().pricing)
    steps = explain_household(household(), building, ON, flat("80.00", "66.40")).steps
    band = next(s for s in steps if s.rule == "entitlement.band_check")
    assert (band.inputs["area"], band.result) == (D("80.00"), True)


def test_the_lottery_and_the_desk_judge_eligibility_on_the_counted_area() -> None:
    """Band 70.00–80.00: a flat of 85.00 m² building, 72.00 m² inner area is outside it by
    building area and inside by inner area (Eligibility.allows, which the draw's mechanisms
    and the desk's refusal use)."""
    band = AreaBand(D("70.00"), D("80.00"))
    big = flat("85.00", "72.00")
    assert not Eligibility("P001", band, 0, "其他", None).allows(big)
    assert Eligibility("P001", band, 0, "其他", None,
                       PricingRules(area_basis="inner")).allows(big)


def test_a_value_swap_values_the_counted_area() -> None:
    """价值互换 by inner area: 66.40 m² × 4,000 = 265,600.00 against a value of 300,000.00
    (assessed, no subsidy): 34,400.00 paid to the household. By building area 80 × 4,000 =
    320,000.00: 20,000.00 due from it."""
    swap = ValueSwapRules(subsidies=(Subsidy("产权调换补助", D(0)),))
    inner = dataclasses.replace(policy(area_basis="inner"), value_swap=swap)
    who = household(CompensationMode.VALUE, "300000.00")
    result = settle_household(who, [flat("80.00", "66.40")], inner, ON)
    assert lines(result.price) == [("value", D("66.40"), D("4000.00"), D("265600.00"))]
    assert result.settlement.balance == D("34400.00")
    building = dataclasses.replace(policy(), value_swap=swap)
    assert settle_household(who, [flat("80.00", "66.40")], building, ON).settlement.balance \
        == D("-20000.00")


# --- rounding up to a unit (就近上靠) ---------------------------------------------------------


def test_one_flat_just_over_pays_the_whole_excess_at_the_round_up_price() -> None:
    """选购单套房源超出安置面积不超过5平方米的，超出部分按3,000元/平方米计算.

    80.00 m² for 75.00: 5.00 m² over, not more than 5: 75 × 4,000 = 300,000.00 and
    5.00 × 3,000 = 15,000.00 (instead of 5 × 6,000 = 30,000.00 by the tier): 315,000.00.
    Inner basis, 80.00 m² building / 78.00 inner: 3.00 over: 300,000 + 9,000 = 309,000.00.
    """
    result = price_flats(household(), [flat("80.00")], policy(round_up=ROUND_UP), ON)
    assert lines(result) == [("within", D("75.00"), D("4000.00"), D("300000.00")),
                             ("round_up", D("5.00"), D("3000.00"), D("15000.00"))]
    assert result.total == D("315000.00")
    step = next(s for s in result.trace if s.rule == "price.round_up")
    assert (step.inputs["excess"], step.inputs["count"], step.result) == (D("5.00"), 1, True)
    inner = policy(round_up=ROUND_UP, area_basis="inner")
    assert price_flats(household(), [flat("80.00", "78.00")], inner, ON).total == \
        D("309000.00")


def test_further_over_or_several_flats_are_priced_by_the_tiers() -> None:
    """80.01 m²: 5.01 over, more than 5, so not a rounding up: 300,000 + 5.01 × 6,000
    (30,060.00) = 330,060.00. Two flats of 40.00 m² (80.00 together): the first 40 × 4,000
    = 160,000; the second 35 × 4,000 = 140,000 and 5 × 6,000 = 30,000: 330,000.00."""
    rules = policy(round_up=ROUND_UP)
    over = price_flats(household(), [flat("80.01")], rules, ON)
    assert lines(over)[1:] == [("tier", D("5.01"), D("6000.00"), D("30060.00"))]
    assert over.total == D("330060.00")
    step = next(s for s in over.trace if s.rule == "price.round_up")
    assert step.result is False
    two = price_flats(household(), [flat("40.00"), flat("40.00", number="302")], rules, ON)
    assert [line.code for line in two.lines] == ["within", "within", "tier"]
    assert two.total == D("330000.00")
    zh = trace_text(explain_household(household(), rules, ON, flat("80.01")))
    assert "不适用就近上靠：超出安置面积5.01平方米，超过5平方米，超出部分按档计算" in zh
    zh = trace_text(explain_household(household(), rules, ON,
                                      [flat("40.00"), flat("40.00", number="302")]))
    assert "不适用就近上靠：选购2套房源（仅限单套），超出部分按档计算" in zh


def test_a_round_up_factor_is_of_the_base_price_and_the_flat_adjusts_it() -> None:
    """Round-up at 0.75 × base, floors 3–6 × 1.02: unit round_fen(4,000 × 0.75 × 1.02) =
    3,060.00, 5 × 3,060 = 15,300.00; within 75 × round_fen(4,000 × 1.02) = 75 × 4,080 =
    306,000.00; total 321,300.00."""
    rules = policy(round_up=RoundUp(D(5), factor=D("0.75")),
                   floor_coefficients=(FloorCoefficient(3, 6, D("1.02")),))
    result = price_flats(household(), [flat("80.00")], rules, ON)
    assert lines(result) == [("within", D("75.00"), D("4080.00"), D("306000.00")),
                             ("round_up", D("5.00"), D("3060.00"), D("15300.00"))]
    assert result.total == D("321300.00")
    zh = trace_text(explain_household(household(), rules, ON, flat("80.00")))
    assert ("就近上靠：选购单套房源，超出安置面积5平方米，不超过5平方米，超出部分全部按基准价的75%"
            "计算") in zh
    assert "超出部分全部按基准价的75%计算" in policy_text(rules)


def test_the_notice_states_the_round_up() -> None:
    rules = policy(round_up=ROUND_UP)
    assert ("选购单套房源超出安置面积不超过5平方米的（就近上靠），超出部分全部按3,000元/平方米"
            "计算；超过5平方米的按以上各档计算") in policy_text(rules)
    assert ("one flat over the entitlement by at most 5 m² (round-up): the whole excess at "
            "3,000 yuan/m²") in policy_text(rules, "en")


# --- single-flat bonus (单套奖励) --------------------------------------------------------------


def test_a_household_taking_one_flat_has_the_bonus_taken_off() -> None:
    """选购单套房源的，房价款减20,000元. One flat of 80.00 m²: 330,000.00 − 20,000.00 =
    310,000.00; with the round-up as well 315,000 − 20,000 = 295,000.00. Settlement against
    60 m² × 5,000 = 300,000.00 compensation: 300,000 − 310,000 = −10,000.00, due from it.
    Two flats of 40.00 m²: no bonus, 330,000.00."""
    rules = policy(single_flat_bonus=D(20000))
    one = price_flats(household(), [flat("80.00")], rules, ON)
    assert one.lines[-1] == dataclasses.replace(one.lines[-1], code="bonus", area=D(0),
                                                unit_price=D(0), amount=D("-20000.00"),
                                                flat=None)
    assert one.total == D("310000.00")
    both = policy(single_flat_bonus=D(20000), round_up=ROUND_UP)
    assert price_flats(household(), [flat("80.00")], both, ON).total == D("295000.00")
    settled = settle_household(household(), [flat("80.00")], rules, ON)
    assert (settled.settlement.balance, settled.settlement.direction) == (
        D("-10000.00"), "from_household")
    two = price_flats(household(), [flat("40.00"), flat("40.00", number="302")], rules, ON)
    assert "bonus" not in [line.code for line in two.lines] and two.total == D("330000.00")
    assert "选购单套房源奖励20,000.00元 → -20,000.00元" in trace_text(
        explain_household(household(), rules, ON, flat("80.00")))
    assert "选购单套房源的，房价款减20,000元（单套奖励）。" in policy_text(rules)


def test_the_bonus_is_not_part_of_a_value_swap() -> None:
    """价值互换: the flat's value, 80 × 4,000 = 320,000.00, is all its price — no bonus line;
    the notice says the bonus is for property exchange by area only."""
    rules = dataclasses.replace(policy(single_flat_bonus=D(20000)),
                                value_swap=ValueSwapRules())
    settled = settle_household(household(CompensationMode.VALUE, "300000.00"), [flat("80.00")],
                               rules, ON)
    assert [line.code for line in settled.price_lines] == ["value"]
    assert settled.settlement.balance == D("-20000.00")
    assert "（单套奖励，仅限产权调换（按面积））" in policy_text(rules)


# --- the JSON form ------------------------------------------------------------------------


RULES = {"area_basis": "inner", "shared_area_share": "0.12", "single_flat_bonus": "20000.00",
         "round_up": {"max_area": "5.00", "price": "3000.00", "factor": None}}


def _data(**pricing: Any) -> dict[str, Any]:
    data = copy.deepcopy(policy_to_dict(policy()))
    data["pricing"].update(pricing)
    return data


def test_the_keys_read_write_and_hash_alike_from_json() -> None:
    """Every key is read from its JSON spelling and written back as it was read; spelt at
    its default, it is the same policy and hash as left out."""
    read = policy_from_dict(_data(**RULES))
    assert read.pricing == dataclasses.replace(
        policy().pricing, area_basis="inner", shared_area_share=D("0.12"),
        single_flat_bonus=D(20000), round_up=ROUND_UP)
    written = policy_to_dict(read)["pricing"]
    assert {key: written[key] for key in RULES} == RULES
    assert policy_from_json(canonical_json(read)) == read
    defaults = {"area_basis": "building", "shared_area_share": None, "single_flat_bonus": None,
                "round_up": None}
    spelt = policy_from_dict(_data(**defaults))
    assert spelt == policy() and policy_sha256(spelt) == policy_sha256(policy())


def test_at_their_defaults_the_keys_stay_out_of_the_canonical_json() -> None:
    """A policy hashed before these keys existed keeps its hash: none is written."""
    text = canonical_json(policy())
    for key in ("area_basis", "shared_area_share", "single_flat_bonus", "round_up"):
        assert f'"{key}"' not in text
    assert '"area_basis":"inner"' in canonical_json(policy(area_basis="inner"))


@pytest.mark.parametrize(("pricing", "path", "code"), [
    ({"area_basis": "套内"}, "pricing.area_basis", "not_one_of"),
    ({"shared_area_share": "0.12"}, "pricing.shared_area_share", "share_without_inner_basis"),
    ({"area_basis": "inner", "shared_area_share": "1"}, "pricing.shared_area_share",
     "share_not_below_one"),
    ({"area_basis": "inner", "shared_area_share": "-0.1"}, "pricing.shared_area_share",
     "negative_factor"),
    ({"single_flat_bonus": "-100"}, "pricing.single_flat_bonus", "negative_amount"),
    ({"single_flat_bonus": 0.5}, "pricing.single_flat_bonus", "float_not_allowed"),
    ({"round_up": {"max_area": "5", "price": "3000", "factor": "0.75"}}, "pricing.round_up",
     "round_up_price_ambiguous"),
    ({"round_up": {"max_area": "5"}}, "pricing.round_up", "round_up_price_ambiguous"),
    ({"round_up": {"max_area": "0", "price": "3000"}}, "pricing.round_up.max_area",
     "non_positive_round_up"),
    ({"round_up": {"max_area": "30.01", "price": "3000"}}, "pricing.round_up.max_area",
     "round_up_beyond_cap"),
    ({"round_up": {"max_area": "5", "factor": "0"}}, "pricing.round_up.factor",
     "non_positive_factor"),
    ({"round_up": {"price": "3000"}}, "pricing.round_up.max_area", "missing_key"),
    ({"round_up": {"max_area": "5", "price": "3000", "to": "6"}}, "pricing.round_up.to",
     "unknown_key"),
])
def test_bad_values_are_refused_at_their_key_path(pricing: dict[str, Any], path: str,
                                                   code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        policy_from_dict(_data(**pricing))
    assert (refused.value.code, refused.value.params["path"]) == (code, path)


# --- properties ------------------------------------------------------------------------------

areas = st.decimals(min_value=D("20.00"), max_value=D("120.00"), places=2)
inner_share = st.decimals(min_value=D("0.70"), max_value=D("1.00"), places=2)


@st.composite
def priced_flats(draw: st.DrawFn) -> list[Flat]:
    """One to three flats, some with an inner area (a share of their area), some without."""
    chosen = []
    for index in range(draw(st.integers(1, 3))):
        area = draw(areas)
        inner = draw(st.one_of(st.none(), inner_share))
        chosen.append(flat(str(area), None if inner is None else str(quantize_money(
            area * inner)), number=str(301 + index), floor=draw(st.integers(1, 9))))
    return chosen


@st.composite
def rule_mixes(draw: st.DrawFn) -> Policy:
    """Any mix of the three rules, on top of floor coefficients and a refund."""
    basis = draw(st.sampled_from(["building", "inner"]))
    share = draw(st.decimals(min_value=0, max_value=D("0.3"), places=2)) \
        if basis == "inner" else None
    reach = draw(st.one_of(st.none(), st.decimals(min_value=D("0.01"), max_value=30, places=2)))
    price = draw(st.one_of(st.none(), st.decimals(min_value=0, max_value=9000, places=2)))
    round_up = None if reach is None else RoundUp(
        reach, price=price, factor=None if price is not None else draw(
            st.decimals(min_value=D("0.01"), max_value=3, places=4)))
    return dataclasses.replace(
        policy(area_basis=basis, shared_area_share=share, round_up=round_up,
               single_flat_bonus=draw(st.one_of(st.none(), st.decimals(0, 50000, places=2))),
               refund_price=draw(st.one_of(st.none(), st.decimals(0, 5000, places=2))),
               floor_coefficients=(FloorCoefficient(1, 2, D("0.98")),
                                   FloorCoefficient(5, 9, D("1.03")))),
        value_swap=ValueSwapRules())


@settings(max_examples=200, deadline=None)
@given(rule_mixes(), priced_flats(), st.sampled_from([CompensationMode.AREA,
                                                       CompensationMode.VALUE]),
       st.decimals(min_value=0, max_value=1000000, places=2))
def test_settlement_is_compensation_less_price_and_the_lines_add_up(
    rules: Policy, chosen: list[Flat], mode: CompensationMode, assessed: Decimal
) -> None:
    """In either mode, under any mix of the rules: balance = compensation − price to the fen;
    the price is the sum of its lines, each area × unit price; the flat lines cover the
    flats' counted areas exactly; a bonus only for one flat in area mode."""
    try:
        settled = settle_household(household(mode, str(assessed)), chosen, rules, ON)
    except ValidationError as error:
        assert error.code in {"area_beyond_cap", "value_exhausted", "last_flat_share_too_small"}
        return
    price = settled.price
    assert price is not None
    balance = settled.settlement
    assert balance.balance == quantize_money(settled.compensation.total - price.total)
    assert balance.price == price.total
    assert price.total == sum((line.amount for line in price.lines), D(0))
    counted = [counted_area(f, rules.pricing) for f in chosen]
    flat_lines = [line for line in price.lines if line.flat is not None]
    assert sum(line.area for line in flat_lines) == sum(counted)
    for f, area in zip(chosen, counted, strict=True):
        assert sum(line.area for line in flat_lines if line.flat == f.key) == area
    for line in flat_lines:
        assert line.amount == quantize_money(line.area * line.unit_price)
    bonus = [line.amount for line in price.lines if line.code == "bonus"]
    expected = (rules.pricing.single_flat_bonus is not None and len(chosen) == 1
                and mode is CompensationMode.AREA)
    assert bonus == ([-rules.pricing.single_flat_bonus] if expected else [])
    if "round_up" in {line.code for line in price.lines}:
        assert len(chosen) == 1 and rules.pricing.round_up is not None
        assert price.area - price.entitlement <= rules.pricing.round_up.max_area


@settings(max_examples=100, deadline=None)
@given(priced_flats())
def test_inner_basis_with_inner_areas_equal_to_the_building_areas_prices_as_today(
    chosen: list[Flat]
) -> None:
    """Every flat's inner area set to its building area: the inner basis gives today's lines."""
    same = [dataclasses.replace(f, inner_area=f.area) for f in chosen]
    rules = policy(beyond_cap_price=D(12000))
    today = price_flats(household(), chosen, rules, ON)
    inner = price_flats(household(), same, dataclasses.replace(
        rules, pricing=dataclasses.replace(rules.pricing, area_basis="inner")), ON)
    assert lines(inner) == lines(today)


def test_a_value_swap_article_names_the_area_counted() -> None:
    rules = dataclasses.replace(policy(area_basis="inner"), value_swap=ValueSwapRules())
    assert "安置房源价值按房源套内建筑面积乘以房源单价计算" in policy_text(rules)
    assert "a flat's value is its inner area × its unit value" in policy_text(rules, "en")
    plain = dataclasses.replace(policy(), value_swap=ValueSwapRules())
    assert "安置房源价值按房源建筑面积乘以房源单价计算" in policy_text(plain)
