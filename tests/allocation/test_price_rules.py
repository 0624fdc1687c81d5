"""The area and price rules of published policies: floor increments (楼层差价), orientation
coefficients (朝向系数), a ceiling on the entitlement, a minimum for some households only,
tier ends as a share of the legal area, and a number of flats per household.

Each worked example states its rule as such policies word it; the figures are ours, worked
by hand in the docstring, never by calling the code under test.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from allocation.errors import ValidationError
from allocation.registry import quantize_area, quantize_money
from allocation.registry.model import Condition, Household, Member
from allocation.rules.conditions import Criteria, Term
from allocation.rules.entitlement import AreaExtra, EntitlementRules, compute_entitlement
from allocation.rules.explain import explain_household, trace_text
from allocation.rules.policy import Policy
from allocation.rules.pricing import (
    FloorCoefficient,
    FloorIncrement,
    OrientationCoefficient,
    PricingRules,
    Tier,
    price_flats,
)
from allocation.rules.text import policy_text
from tests.factories import make_flat, person_id

ON = date(2026, 11, 1)
D = Decimal
TIERS = (Tier(D(0), D(15), price=D(4000)), Tier(D(15), D(30), price=D(6000)))
LOW_INCOME = Criteria("all", (Term("low_income", "==", True),))


def household(size: int = 2, legal_area: str = "80.00", *,
              conditions: frozenset[Condition] = frozenset()) -> Household:
    members = tuple(Member(f"成员{i}", person_id(i, date(1970 + i, 1, 1)),
                           "户主" if i == 0 else "子", conditions=conditions if i == 0
                           else frozenset()) for i in range(size))
    return Household(code="H1", head_name=members[0].name, head_id=members[0].id_number,
                     legal_area=D(legal_area), members=members)


def policy(entitlement: dict[str, Any] | None = None, **pricing: Any) -> Policy:
    """50 m² a person, a 30 m² cap, base 4,000, 15 m² over at 4,000 and 15 more at 6,000."""
    rules = EntitlementRules(**{"area_per_person": D(50), "excess_cap": D(30),
                                **(entitlement or {})})
    prices = {"base_price": D(4000), "tiers": TIERS, **pricing}
    return Policy(name="测试", entitlement=rules, pricing=PricingRules(**prices),
                  default_group="其他")


def flat(area: str, floor: int = 3, orientation: str = "南北", number: str = "301",
         base: str = "4000.00") -> Any:
    return make_flat(area=D(area), floor=floor, number=number, orientation=orientation,
                     base_price=D(base))


def lines(result: Any) -> list[tuple[str, Decimal, Decimal, Decimal]]:
    return [(line.code, line.area, line.unit_price, line.amount) for line in result.lines]


# --- floor increments ------------------------------------------------------------------


INCREMENTS = (FloorIncrement(1, 1, D(-50)), FloorIncrement(6, 8, D(100)))


def test_floor_increments_add_yuan_per_square_metre() -> None:
    """楼层差价：1层每平方米减50元，6至8层每平方米加100元.

    2 people: 100 m². A 110 m² flat on floor 6: 100 m² within at 4,000 + 100 = 4,100
    (410,000.00) and 10 m² of the first tier at 4,000 + 100 = 4,100 (41,000.00): 451,000.00.
    The same flat on floor 1: 100 × 3,950 + 10 × 3,950 = 434,500.00; on floor 3 (no
    increment): 100 × 4,000 + 10 × 4,000 = 440,000.00.
    """
    rules = policy(floor_increments=INCREMENTS)
    high = price_flats(household(), [flat("110.00", floor=6)], rules, ON)
    assert lines(high) == [("within", D("100.00"), D("4100.00"), D("410000.00")),
                           ("tier", D("10.00"), D("4100.00"), D("41000.00"))]
    assert high.total == D("451000.00")
    assert price_flats(household(), [flat("110.00", floor=1)], rules, ON).total == D("434500.00")
    assert price_flats(household(), [flat("110.00", floor=3)], rules, ON).total == D("440000.00")
    step = high.trace[0]
    assert (step.rule, step.inputs["floor_increment"]) == ("price.line", D(100))


def test_a_negative_increment_may_pay_back_a_free_exchange() -> None:
    """1:1 产权调换 (the entitlement costs nothing) with 1层每平方米减50元: a 100 m² flat on
    floor 1 for 100 m² of entitlement is 100 × (0 − 50) = −5,000.00, paid to the household."""
    rules = policy(base_price=D(0), floor_increments=INCREMENTS)
    result = price_flats(household(), [flat("100.00", floor=1)], rules, ON)
    assert lines(result) == [("within", D("100.00"), D("-50.00"), D("-5000.00"))]
    assert result.total == D("-5000.00")


# --- orientation, composed with floor coefficients and increments -----------------------


def test_orientation_floor_factor_and_increment_compose_in_one_unit_price() -> None:
    """朝向系数：南北1.02; 楼层调节系数 3至6层1.02; 楼层差价 5层每平方米加30元; refund 3,000.

    unit = round_fen(4,000 × 1.02 × 1.02 + 30) = round_fen(4,161.60 + 30) = 4,191.60.
    A 89.37 m² 南北 flat on floor 5: 89.37 × 4,191.60 = 357,480 + 17,123.292 = 374,603.29.
    2 people: 100 m², so 10.63 m² are refunded at 3,000, without any factor: −31,890.00.
    Total 374,603.29 − 31,890.00 = 342,713.29. A 南 flat (no entry: factor 1) on the same
    floor: round_fen(4,000 × 1.02 × 1 + 30) = 4,110.00.
    """
    rules = policy(floor_coefficients=(FloorCoefficient(3, 6, D("1.02")),),
                   orientation_coefficients=(OrientationCoefficient("南北", D("1.02")),),
                   floor_increments=(FloorIncrement(5, 5, D(30)),), refund_price=D(3000))
    result = price_flats(household(), [flat("89.37", floor=5)], rules, ON)
    assert lines(result) == [("within", D("89.37"), D("4191.60"), D("374603.29")),
                             ("refund", D("10.63"), D("3000.00"), D("-31890.00"))]
    assert result.total == D("342713.29")
    step = result.trace[0]
    assert {k: step.inputs[k] for k in ("floor_factor", "orientation", "orientation_factor",
                                        "floor_increment")} == {
        "floor_factor": D("1.02"), "orientation": "南北", "orientation_factor": D("1.02"),
        "floor_increment": D(30)}
    south = price_flats(household(), [flat("89.37", floor=5, orientation="南")], rules, ON)
    assert south.lines[0].unit_price == D("4110.00")


def test_the_trace_shows_every_factor_and_the_increment() -> None:
    """The line of the example above, in words: the price, each factor, the increment."""
    rules = policy(floor_coefficients=(FloorCoefficient(3, 6, D("1.02")),),
                   orientation_coefficients=(OrientationCoefficient("南北", D("1.02")),),
                   floor_increments=(FloorIncrement(1, 1, D(-50)),))
    zh = trace_text(explain_household(household(), rules, ON, flat("89.37", floor=1)))
    assert ("房源1-1-301（安置面积内）：89.37平方米×4,030.00元（基准价4,000.00元×楼层系数1×"
            "朝向（南北）系数1.02，楼层差价每平方米-50.00元）→ 360,161.10元") in zh
    en = trace_text(explain_household(household(), rules, ON, flat("89.37", floor=1)), "en")
    assert ("(base 4,000.00 yuan × floor factor 1 × orientation (南北) factor 1.02, floor "
            "increment -50.00 yuan/m²)") in en


def test_the_rules_text_words_increments_and_orientations_as_an_office_does() -> None:
    rules = policy(floor_increments=INCREMENTS,
                   orientation_coefficients=(OrientationCoefficient("南北通透", D("1.02")),))
    zh, en = policy_text(rules), policy_text(rules, "en")
    assert "楼层差价：1层每平方米减50元，6至8层每平方米加100元；其他楼层不加不减。" in zh
    assert "朝向系数：南北通透1.02；其他朝向为1。" in zh
    assert "各部分单价＝对应价格×楼层调节系数×朝向系数＋楼层差价，四舍五入到分。" in zh
    assert "floor increments: floor 1 less 50 yuan/m²; floors 6–8 plus 100 yuan/m²" in en
    assert "orientation coefficients: 南北通透 1.02; other orientations 1" in en


# --- the entitlement: a ceiling, a minimum for some ---------------------------------------


def test_the_maximum_area_caps_the_entitlement_after_extras_and_minimum() -> None:
    """安置面积最高不超过200平方米: 5 people × 50 = 250 m², +10 m² for a disabled member =
    260 m² → 200 m²; the cap of 30 m² is bought above that: at most 230 m². 2 people
    (100 + 10 = 110 m²) are not touched."""
    disabled = Criteria("all", (Term("has_disability", "==", True),))
    rules = policy({"maximum_area": D(200), "minimum_area": D(60),
                    "extras": (AreaExtra("残疾家庭", D(10), condition=disabled),)})
    big = household(5, conditions=frozenset({Condition.DISABILITY}))
    result = compute_entitlement(big, rules, ON)
    assert (result.area, result.max_area) == (D("200.00"), D("230.00"))
    step = next(s for s in result.trace if s.rule == "entitlement.maximum")
    assert (step.inputs, step.result) == ({"area": D("260.00"), "maximum": D(200)}, D(200))
    small = household(2, conditions=frozenset({Condition.DISABILITY}))
    assert compute_entitlement(small, rules, ON).area == D("110.00")
    assert "安置面积最高不超过200平方米" in policy_text(rules)
    assert "最高安置面积：260超过200 → 200平方米" in trace_text(
        explain_household(big, rules, ON))


def test_the_minimum_may_be_for_low_income_households_only() -> None:
    """享受低保的，安置面积不足60平方米的，按60平方米计算: one person (50 m²) on 低保 gets 60 m²,
    one who is not keeps 50 m²; the trace says whether the condition held."""
    rules = policy({"minimum_area": D(60), "minimum_condition": LOW_INCOME})
    poor = household(1, conditions=frozenset({Condition.LOW_INCOME}))
    other = household(1)
    assert compute_entitlement(poor, rules, ON).area == D("60.00")
    assert compute_entitlement(other, rules, ON).area == D("50.00")
    step = next(s for s in compute_entitlement(other, rules, ON).trace
                if s.rule == "entitlement.minimum_condition")
    assert (step.inputs["condition_holds"], step.result) == (False, D("50.00"))
    held = trace_text(explain_household(poor, rules, ON))
    assert "保底面积：50不足60，保底条件享受低保（是）✓，符合 → 60平方米" in held
    assert "不符合，不予保底 → 50平方米" in trace_text(explain_household(other, rules, ON))
    assert "享受低保的，安置面积不足60平方米的，按60平方米计算" in policy_text(rules)
    assert "at least 60 m² per household if receives 低保" in policy_text(rules, "en")


# --- tier ends as a share of the legal area --------------------------------------------


SHARED = (Tier(D(0), D(15), price=D(4000), end_share_of_legal=D("0.1")),
          Tier(D(15), D(30), price=D(6000)))


def test_a_tier_may_end_at_a_share_of_the_legal_area() -> None:
    """超出安置面积部分，不超过原合法面积10%（且不超过15平方米）的部分按4,000元，其余至30平方米
    按6,000元.

    2 people: 100 m²; a 125 m² flat is 25 m² over. Legal area 60 m²: the first tier ends at
    min(15, 6) = 6 m², so 6 × 4,000 = 24,000 and 19 × 6,000 = 114,000; with 400,000 within,
    538,000.00. Legal area 200 m²: min(15, 20) = 15, so 15 × 4,000 + 10 × 6,000 = 120,000:
    520,000.00 — as without the share.
    """
    rules = policy(tiers=SHARED)
    small = price_flats(household(legal_area="60.00"), [flat("125.00")], rules, ON)
    assert lines(small) == [("within", D("100.00"), D("4000.00"), D("400000.00")),
                            ("tier", D("6.00"), D("4000.00"), D("24000.00")),
                            ("tier", D("19.00"), D("6000.00"), D("114000.00"))]
    assert small.total == D("538000.00")
    limit = small.trace[0]
    assert (limit.rule, limit.inputs["limit"], limit.result) == (
        "price.tier_limit", D("6.00"), D("6.00"))
    large = price_flats(household(legal_area="200.00"), [flat("125.00")], rules, ON)
    assert large.total == D("520000.00")
    text = policy_text(rules)
    assert "超出安置面积0至15平方米且不超过原合法面积10%的部分按4,000元/平方米计算" in text
    assert "超出上一档至超出安置面积30平方米的部分按6,000元/平方米计算" in text
    assert ("超出部分第1档止于超出安置面积15平方米与原合法面积60平方米×0.1（6平方米）中的较小者"
            " → 超出安置面积6平方米") in trace_text(
        explain_household(household(legal_area="60.00"), rules, ON, flat("125.00")))


# --- flats per household -----------------------------------------------------------------


def test_more_flats_than_the_policy_allows_are_refused() -> None:
    """每户限选购1套房源: two flats of 50 m² each are refused, naming the limit; one is priced
    (50 × 4,000 = 200,000.00)."""
    rules = policy({"max_flats": 1})
    two = [flat("50.00", number="301"), flat("50.00", number="302")]
    with pytest.raises(ValidationError) as refused:
        price_flats(household(), two, rules, ON)
    assert refused.value.code == "too_many_flats"
    assert refused.value.params == {"household": "H1", "count": 2, "max_flats": 1}
    assert price_flats(household(), two[:1], rules, ON).total == D("200000.00")
    trace = explain_household(household(), rules, ON, two)
    assert trace.steps[-1].rule == "price.too_many_flats"
    assert "所选房源2套，超过每户最多1套，不予安置" in trace_text(trace)
    assert "每户限选购1套房源" in policy_text(rules)
    assert "每户最多可选购2套房源" in policy_text(policy({"max_flats": 2}))


def test_only_large_entitlements_may_take_a_second_flat() -> None:
    """安置面积达到120平方米的家庭每户最多可选购2套: two people (2 × 50 = 100 m², below 120)
    are refused two flats of 50 m², the limit named as 1; three people (150 m²) take
    them, both within the entitlement: 100 × 4,000 = 400,000.00."""
    rules = policy({"max_flats": 2, "several_flats_from": D("120.00")})
    two = [flat("50.00", number="301"), flat("50.00", number="302")]
    with pytest.raises(ValidationError) as refused:
        price_flats(household(2), two, rules, ON)
    assert refused.value.params == {"household": "H1", "count": 2, "max_flats": 1}
    trace = explain_household(household(2), rules, ON, two)
    assert "所选房源2套，超过每户最多1套，不予安置" in trace_text(trace)
    assert price_flats(household(3), two, rules, ON).total == D("400000.00")
    assert ("安置面积达到120平方米的家庭每户最多可选购2套房源，其他家庭每户限选购1套"
            in policy_text(rules))


def test_a_threshold_for_several_flats_needs_more_than_one_flat() -> None:
    """A threshold where every household may take one flat says nothing, and is refused."""
    with pytest.raises(ValidationError) as refused:
        policy({"max_flats": 1, "several_flats_from": D("120.00")})
    assert refused.value.code == "several_flats_unused"
    assert refused.value.params["path"] == "entitlement.several_flats_from"


# --- properties ----------------------------------------------------------------------------

money = st.decimals(min_value=0, max_value=20000, places=2)
areas = st.decimals(min_value=D("0.01"), max_value=300, places=2)
ORIENTATIONS = ("南北", "南", "东", "")


@st.composite
def rich_policy(draw: st.DrawFn) -> Policy:
    """Any mix of the new rules on top of tiers, a refund and a market price beyond the cap."""
    cap = draw(st.decimals(min_value=1, max_value=60, places=2))
    cut = draw(st.decimals(min_value=D("0.01"), max_value=cap, places=2))
    bounds = [D(0), cut, cap] if cut < cap else [D(0), cap]
    shares = st.one_of(st.none(), st.decimals(min_value=D("0.01"), max_value=1, places=2))
    tiers = tuple(Tier(low, high, price=draw(money),
                       end_share_of_legal=draw(shares) if high < cap else None)
                  for low, high in zip(bounds, bounds[1:], strict=False))
    increments = (FloorIncrement(1, 2, draw(st.decimals(-200, 200, places=2))),
                  FloorIncrement(5, 9, draw(st.decimals(-200, 200, places=2))))
    facing = (OrientationCoefficient("南北", draw(st.decimals(D("0.5"), 2, places=4))),
              OrientationCoefficient("东", draw(st.decimals(D("0.5"), 2, places=4))))
    entitlement = {"excess_cap": cap, "minimum_area": D(60), "minimum_condition": LOW_INCOME,
                   "maximum_area": draw(st.one_of(st.none(), st.decimals(60, 200, places=2)))}
    return policy(entitlement, tiers=tiers, floor_increments=increments,
                  orientation_coefficients=facing,
                  floor_coefficients=(FloorCoefficient(3, 6, D("1.02")),),
                  beyond_cap_price=draw(st.one_of(st.none(), money)),
                  refund_price=draw(st.one_of(st.none(), money)))


@settings(max_examples=200, deadline=None)
@given(rich_policy(), st.lists(st.tuples(areas, st.integers(1, 9),
                                         st.sampled_from(ORIENTATIONS)), min_size=1, max_size=3),
       st.decimals(min_value=0, max_value=300, places=2), st.integers(1, 6))
def test_lines_add_up_under_every_new_rule(
    rules: Policy, chosen: list[tuple[Decimal, int, str]], legal: Decimal, size: int
) -> None:
    """Total = sum of the lines; the flat lines cover the chosen area exactly (the tiers,
    however shares end them, leave neither gap nor overlap); the refund the shortfall."""
    flats = [flat(str(a), floor=f, orientation=o, number=str(300 + i))
             for i, (a, f, o) in enumerate(chosen)]
    try:
        result = price_flats(household(size, str(legal)), flats, rules, ON)
    except ValidationError as error:
        assert error.code == "area_beyond_cap"
        return
    assert result.total == sum(line.amount for line in result.lines)
    assert sum(line.area for line in result.lines if line.code != "refund") == sum(
        a for a, _, _ in chosen)
    for line in result.lines:
        sign = -1 if line.code == "refund" else 1
        assert line.amount == sign * quantize_money(line.area * line.unit_price)
    if rules.entitlement.maximum_area is not None:
        assert result.entitlement <= rules.entitlement.maximum_area


def _old_lines(subject: Household, flats: list[Any], rules: Policy
               ) -> list[tuple[str, Decimal, Decimal, Decimal]]:
    """The pricing rule as it was before these keys, restated on its own: the test's oracle.

    Segments: within 0 → E at the base price; tier i from E + start to E + end; beyond the
    cap at its price; each piece at round_fen(price × floor coefficient); then the refund.
    """
    ent = compute_entitlement(subject, rules, ON)
    p = rules.pricing
    cuts = [("within", D(0), ent.area, None, D(1))]
    cuts += [("tier", ent.area + t.start, ent.area + t.end, t.price,
              t.factor if t.factor is not None else D(1)) for t in p.tiers]
    cuts.append(("beyond_cap", ent.max_area, D(10**9), p.beyond_cap_price, D(1)))
    out, cursor = [], D(0)
    for f in flats:
        base = p.base_price if p.base_price is not None else f.base_price
        coefficient = next((c.factor for c in p.floor_coefficients
                            if c.first_floor <= f.floor <= c.last_floor), D(1))
        for code, low, high, fixed, factor in cuts:
            piece = min(cursor + f.area, high) - max(cursor, low)
            if piece > 0:
                unit = quantize_money((fixed if fixed is not None else base * factor)
                                      * coefficient)
                out.append((code, piece, unit, quantize_money(piece * unit)))
        cursor += f.area
    area = quantize_area(sum((f.area for f in flats), D(0)))
    if p.refund_price is not None and area < ent.area:
        unit = quantize_money(p.refund_price)
        out.append(("refund", ent.area - area, unit, -quantize_money((ent.area - area) * unit)))
    return out


@st.composite
def old_policy(draw: st.DrawFn) -> Policy:
    """A policy of the keys there were before: tiers by price or factor, floor coefficients."""
    cap = draw(st.decimals(min_value=1, max_value=60, places=2))
    cut = draw(st.decimals(min_value=D("0.01"), max_value=cap, places=2))
    bounds = [D(0), cut, cap] if cut < cap else [D(0), cap]
    tiers = tuple(Tier(low, high, price=draw(money)) if draw(st.booleans())
                  else Tier(low, high, factor=draw(st.decimals(0, 3, places=2)))
                  for low, high in zip(bounds, bounds[1:], strict=False))
    return policy({"excess_cap": cap, "minimum_area": draw(st.decimals(0, 120, places=2))},
                  base_price=draw(st.one_of(st.none(), money)), tiers=tiers,
                  floor_coefficients=(FloorCoefficient(1, 3, draw(st.decimals(
                      D("0.5"), 2, places=4))),),
                  beyond_cap_price=draw(st.one_of(st.none(), money)),
                  refund_price=draw(st.one_of(st.none(), money)))


@settings(max_examples=200, deadline=None)
@given(old_policy(), st.lists(st.tuples(areas, st.integers(1, 9),
                                        st.sampled_from(ORIENTATIONS)), min_size=1, max_size=3),
       st.decimals(min_value=0, max_value=300, places=2))
def test_a_policy_without_the_new_keys_prices_as_before(
    rules: Policy, chosen: list[tuple[Decimal, int, str]], legal: Decimal
) -> None:
    """Line for line what the rule before these keys gave, whatever the flats' orientation."""
    subject = household(2, str(legal))
    flats = [flat(str(a), floor=f, orientation=o, number=str(300 + i))
             for i, (a, f, o) in enumerate(chosen)]
    try:
        result = price_flats(subject, flats, rules, ON)
    except ValidationError as error:
        assert error.code == "area_beyond_cap"
        return
    assert lines(result) == _old_lines(subject, flats, rules)
    neutral = replace(rules, pricing=replace(
        rules.pricing, floor_increments=(FloorIncrement(-5, 99, D(0)),),
        orientation_coefficients=(OrientationCoefficient("南北", D(1)),)))
    assert lines(price_flats(subject, flats, neutral, ON)) == lines(result)
