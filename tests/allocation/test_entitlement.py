"""Tests of entitlement (安置面积): people, legal area, categories, extras, minimum, cap, band."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from allocation.registry.model import Condition, Household, Member
from allocation.rules.conditions import Criteria, Term
from allocation.rules.entitlement import (
    AreaExtra,
    EntitlementRules,
    PersonCategory,
    SelectionBand,
    compute_entitlement,
)
from allocation.rules.policy import Policy
from allocation.rules.pricing import PricingRules, Tier
from tests.factories import person_id

ON = date(2026, 11, 1)
D = Decimal


def member(seq: int, born: date, relation: str = "户主", **changes: Any) -> Member:
    return Member(name=f"成员{seq}", id_number=person_id(seq, born), relation=relation, **changes)


def household(*members: Member, legal_area: str = "80.00") -> Household:
    return Household(code="H1", head_name=members[0].name, head_id=members[0].id_number,
                     legal_area=D(legal_area), members=members)


def policy(band: SelectionBand | None = None, **rules: Any) -> Policy:
    """A policy with these entitlement rules (50 m² a person and a 30 m² cap unless given)."""
    entitlement = EntitlementRules(**{"area_per_person": D("50"), "excess_cap": D("30"), **rules})
    cap = entitlement.excess_cap
    tiers = (Tier(D(0), cap, factor=D(1)),) if cap > 0 else ()
    # A market price beyond the cap lets the tests use any band.
    pricing = PricingRules(base_price=D("4000"), tiers=tiers, beyond_cap_price=D("9000"))
    return Policy(name="测试", entitlement=entitlement, pricing=pricing, default_group="其他",
                  band=band or SelectionBand())


def family() -> Household:
    """Head 48, wife 46, grandmother 78 (disabled), baby (new member), son-in-law not recognised."""
    return household(
        member(1, date(1978, 5, 1)),
        member(2, date(1980, 5, 1), "配偶"),
        member(3, date(1948, 5, 1), "母", conditions=frozenset({Condition.DISABILITY})),
        member(4, date(2026, 1, 1), "孙子", new_member=True),
        member(5, date(1990, 1, 1), "女婿", recognised=False),
    )


def new_member_rule(area: str = "45") -> PersonCategory:
    return PersonCategory("新增人口", D(area),
                          Criteria("all", (Term("new_member", "==", True),)))


def test_recognised_people_times_area() -> None:
    """4 recognised × 50 m² = 200 m²; the unrecognised son-in-law counts nothing."""
    result = compute_entitlement(family(), policy(), ON)
    assert (result.area, result.max_area) == (D("200.00"), D("230.00"))
    assert (result.band.low, result.band.high) == (D("0.00"), D("230.00"))
    assert [s.rule for s in result.trace] == ["entitlement.people", "entitlement.band"]


def test_person_categories() -> None:
    """A new member counts 45 m² instead of 50: 3 × 50 + 45 = 195 m²."""
    result = compute_entitlement(family(), policy(person_categories=(new_member_rule(),)), ON)
    assert result.area == D("195.00")
    assert result.trace[0].inputs["by_category"] == (("", 3, D("50")), ("新增人口", 1, D("45")))


def test_first_matching_category_wins() -> None:
    """A member in two categories counts the area of the first one listed."""
    elderly = PersonCategory("高龄", D("60"), Criteria("all", (Term("age", ">=", 70),)))
    everyone = PersonCategory("全部", D("40"), Criteria("all", ()))
    result = compute_entitlement(family(), policy(person_categories=(elderly, everyone)), ON)
    assert result.area == D("60") + 3 * D("40")


@pytest.mark.parametrize(
    ("combine", "expected"),
    [("people", "200.00"), ("legal", "96.00"), ("max", "200.00"), ("sum", "296.00")],
)
def test_legal_area_ratio_and_combination(combine: str, expected: str) -> None:
    """Legal area 80 m² × 1.2 = 96 m², combined with 200 m² by people as the policy says."""
    rules = policy(legal_area_ratio=D("1.2"), combine=combine)
    assert compute_entitlement(family(), rules, ON).area == D(expected)


def test_legal_area_wins_under_max_when_larger() -> None:
    """A single person with 120 m² legal area at ratio 1 gets 120 m², not 50, under max."""
    single = household(member(1, date(1960, 1, 1)), legal_area="120.00")
    assert compute_entitlement(single, policy(legal_area_ratio=D(1), combine="max"), ON).area == (
        D("120.00"))


def test_extras_per_household_and_per_person() -> None:
    """+10 m² for a household with a disabled member, +5 m² for each member aged 70 or more."""
    disabled = AreaExtra("残疾家庭", D("10"), condition=Criteria(
        "all", (Term("has_disability", "==", True),)))
    elderly = AreaExtra("高龄", D("5"), per="person",
                        member_condition=Criteria("all", (Term("age", ">=", 70),)))
    low_income = AreaExtra("低保", D("8"), condition=Criteria(
        "all", (Term("low_income", "==", True),)))
    result = compute_entitlement(family(), policy(extras=(disabled, elderly, low_income)), ON)
    assert result.area == D("215.00")
    extras = [s for s in result.trace if s.rule == "entitlement.extra"]
    assert [(s.inputs["name"], s.inputs["count"], s.result) for s in extras] == [
        ("残疾家庭", 1, D("10.00")), ("高龄", 1, D("5.00")), ("低保", 0, D("0.00"))]


def test_minimum_area() -> None:
    """A single person gets at least the 60 m² minimum."""
    single = household(member(1, date(1960, 1, 1)))
    result = compute_entitlement(single, policy(minimum_area=D("60")), ON)
    assert result.area == D("60.00")
    assert "entitlement.minimum" in [s.rule for s in result.trace]


def test_band_below_and_above() -> None:
    """The band runs from entitlement − below (never below 0) to entitlement + above."""
    result = compute_entitlement(family(), policy(SelectionBand(D("10"), D("20"))), ON)
    assert (result.band.low, result.band.high) == (D("190.00"), D("220.00"))
    assert result.band.contains(D("190.00")) and not result.band.contains(D("220.01"))
    wide = compute_entitlement(family(), policy(SelectionBand(D("500"))), ON)
    assert wide.band.low == D("0.00")


def test_translated_published_policy_40_per_person() -> None:
    """Worked example on a published village resettlement rule (its numbers; no result stated).

    Source: an English rendering of a Chinese resettlement notice,
    https://zhongguodreams.com/DivinationbyDrawingLots/zsqgcjdvnq.html: "the per capita
    deduction is 40 square meters. The original living area of less than 40 square meters
    per person, according to the resettlement area (that is, 40 square meters per person).
    If the original residence exceeds 40 square meters per person, the excess part shall be
    compensated" (in money). So the entitlement is 40 m² a person whatever the legal area;
    a family of 3 gets 120 m² with 100 m² or 150 m² of legal area (our computation).
    """
    rules = policy(area_per_person=D("40"))
    three = [member(1, date(1970, 1, 1)), member(2, date(1972, 1, 1), "配偶"),
             member(3, date(2000, 1, 1), "子")]
    for legal in ("100.00", "150.00"):
        assert compute_entitlement(household(*three, legal_area=legal), rules, ON).area == (
            D("120.00"))


# --- properties -------------------------------------------------------------

areas = st.decimals(min_value=0, max_value=200, places=2)


@st.composite
def random_policy(draw: st.DrawFn) -> Policy:
    combine = draw(st.sampled_from(["people", "legal", "max", "sum"]))
    ratio = draw(st.one_of(st.none(), st.decimals(min_value=0, max_value=3, places=2)))
    if combine != "people" and ratio is None:
        ratio = D("1")
    extras = tuple(
        AreaExtra(f"extra{i}", draw(areas), per=draw(st.sampled_from(["household", "person"])))
        for i in range(draw(st.integers(0, 2))))
    band = SelectionBand(draw(st.one_of(st.none(), areas)), draw(st.one_of(st.none(), areas)))
    return policy(band, area_per_person=draw(areas), excess_cap=draw(areas),
                  legal_area_ratio=ratio, combine=combine, extras=extras,
                  minimum_area=draw(areas), person_categories=(new_member_rule("30"),))


@settings(max_examples=150, deadline=None)
@given(random_policy(), st.integers(1, 6), st.decimals(min_value=1, max_value=300, places=2))
def test_entitlement_is_never_negative(rules: Policy, size: int, legal: Decimal) -> None:
    """Area ≥ 0, in 0.01 m², inside its own band; max area = area + cap."""
    members = [member(i, date(1950 + 10 * i, 1, 1), new_member=(i == 5)) for i in range(size)]
    result = compute_entitlement(household(*members, legal_area=str(legal)), rules, ON)
    assert result.area >= 0
    assert result.area == result.area.quantize(D("0.01"))
    assert result.max_area == result.area + rules.entitlement.excess_cap
    assert 0 <= result.band.low <= result.area <= result.band.high
    assert result.area >= rules.entitlement.minimum_area
