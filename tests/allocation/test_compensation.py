"""Tests of compensation items (per household, person, certificate, m²) and transition money."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from allocation.demo.policy import demo_policy
from allocation.demo.register import DEMO_TODAY, demo_households
from allocation.registry.model import Condition, Household, Member
from allocation.rules.compensation import (
    CompensationItem,
    TransitionAllowance,
    compute_compensation,
)
from allocation.rules.conditions import Criteria, Term
from allocation.rules.entitlement import EntitlementRules
from allocation.rules.policy import Policy
from allocation.rules.pricing import PricingRules, Tier
from tests.factories import person_id

ON = date(2026, 11, 1)
D = Decimal
ILL = frozenset({Condition.SERIOUS_ILLNESS})
DISABLED = frozenset({Condition.DISABILITY})


def has(name: str) -> Criteria:
    return Criteria("all", (Term("conditions", "has", name),))


ISSUE_ITEMS = (
    CompensationItem("重病补助", D(50000), per="person", member_condition=has("serious_illness")),
    CompensationItem("残疾补助", D(30000), per="certificate", member_condition=has("disability")),
    CompensationItem("低保补助", D(30000), condition=has("low_income")),
)


def policy(*items: CompensationItem, transition: TransitionAllowance | None = None) -> Policy:
    return Policy(
        name="测试",
        entitlement=EntitlementRules(area_per_person=D(50), excess_cap=D(30)),
        pricing=PricingRules(base_price=D(4000), tiers=(Tier(D(0), D(30), factor=D(1)),)),
        default_group="其他", compensation=items, transition=transition)


def household(*conditions: frozenset[Condition], **changes: Any) -> Household:
    """One member per entry of ``conditions``; the first is the head."""
    members = tuple(Member(f"成员{i}", person_id(i, date(1960 + i, 1, 1)),
                           "户主" if i == 0 else "子", conditions=c)
                    for i, c in enumerate(conditions))
    return Household(code="H1", head_name=members[0].name, head_id=members[0].id_number,
                     legal_area=D("72.50"), members=members, **changes)


def test_issue_example() -> None:
    """Issue 3's sums for a family of 4: two seriously ill, one disabled, 低保; 600 × 4 × 18.

    50,000 × 2 + 30,000 + 30,000 + 43,200 = 203,200 (the issue gives the rates; the
    family is ours).
    """
    family = household(ILL | {Condition.LOW_INCOME}, ILL, DISABLED, frozenset())
    result = compute_compensation(
        family, policy(*ISSUE_ITEMS, transition=TransitionAllowance(D(600), 18)), ON)
    assert [(line.name, line.count, line.unit_amount, line.amount) for line in result.lines] == [
        ("重病补助", 2, D("50000.00"), D("100000.00")),
        ("残疾补助", 1, D("30000.00"), D("30000.00")),
        ("低保补助", 1, D("30000.00"), D("30000.00")),
        ("", 4, D("600.00"), D("43200.00")),
    ]
    assert result.lines[-1].code == "transition" and result.lines[-1].months == 18
    assert result.total == D("203200.00")


def test_items_that_do_not_apply_leave_a_trace_but_no_line() -> None:
    """A household without conditions gets no item lines; the trace says why for each."""
    result = compute_compensation(household(frozenset()), policy(*ISSUE_ITEMS), ON)
    assert result.lines == () and result.total == 0
    assert [(s.rule, s.inputs["count"]) for s in result.trace[:3]] == [
        ("compensation.item", 0)] * 3
    assert result.trace[-1].rule == "compensation.total"


def test_unrecognised_members_do_not_count() -> None:
    """A seriously ill member the office does not recognise is not paid for."""
    family = household(frozenset(), ILL)
    members = (family.members[0], Member(family.members[1].name, family.members[1].id_number,
                                         "子", recognised=False, conditions=ILL))
    other = Household(**{**{k: getattr(family, k) for k in family.__dataclass_fields__},
                         "members": members})
    assert compute_compensation(other, policy(*ISSUE_ITEMS), ON).total == 0


def test_graded_early_signing_bonus() -> None:
    """20,000 if signed in July, 10,000 in August, nothing later or unsigned."""
    policy_ = demo_policy()

    def bonus(signed_on: date | None) -> Decimal:
        subject = household(frozenset(), signed_on=signed_on, signing_seq=1 if signed_on else None)
        lines = compute_compensation(subject, policy_, DEMO_TODAY).lines
        return sum((line.amount for line in lines if "奖励" in line.name), D(0))

    assert [bonus(d) for d in (date(2026, 7, 31), date(2026, 8, 1), date(2026, 8, 31),
                               date(2026, 9, 1), None)] == [D(20000), D(10000), D(10000), 0, 0]


def test_per_legal_area_item() -> None:
    """The demolished home at 9,000 yuan/m² of legal area: 72.50 × 9,000 = 652,500."""
    item = CompensationItem("房屋价值补偿", D(9000), per="legal_area")
    result = compute_compensation(household(frozenset()), policy(item), ON)
    assert [(line.count, line.amount) for line in result.lines] == [(D("72.50"), D("652500.00"))]


def test_transition_minimum_per_month() -> None:
    """One person at 600 a month, at least 1,000 per household and month: 1,000 × 18."""
    allowance = TransitionAllowance(D(600), 18, minimum_month=D(1000))
    result = compute_compensation(household(frozenset()), policy(transition=allowance), ON)
    assert result.total == D("18000.00")
    three = household(frozenset(), frozenset(), frozenset())
    assert compute_compensation(three, policy(transition=allowance), ON).total == D("32400.00")


def test_demo_policy_pays_every_household() -> None:
    """Under the demo policy every household gets at least its home value and, unless it is
    lent a transition flat (33 are), 600 yuan a person a month for 18 months."""
    policy_ = demo_policy()
    lent = 0
    for subject in demo_households():
        result = compute_compensation(subject, policy_, DEMO_TODAY)
        allowance = 0 if subject.in_transition_housing else 600 * 18 * subject.recognised_count
        lent += subject.in_transition_housing
        expected_floor = subject.legal_area * 9000 + allowance
        assert result.total >= expected_floor
        assert any(line.code == "transition" for line in result.lines) == (
            not subject.in_transition_housing)
        assert result.total == sum(line.amount for line in result.lines)
    assert lent == 33


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sets(st.sampled_from(list(Condition)), max_size=3), min_size=1, max_size=6),
       st.decimals(min_value=0, max_value=100000, places=2), st.integers(0, 36))
def test_total_is_the_sum_of_lines(
    people: list[set[Condition]], amount: Decimal, months: int
) -> None:
    """Whatever the family, the total is the sum of its lines and never negative."""
    items = tuple(CompensationItem(f"item{i}", amount, per=per, member_condition=(
        has("disability") if per == "certificate" else None))
        for i, per in enumerate(("household", "person", "certificate", "legal_area")))
    subject = household(*(frozenset(p) for p in people))
    result = compute_compensation(
        subject, policy(*items, transition=TransitionAllowance(amount, months)), ON)
    assert result.total == sum(line.amount for line in result.lines) >= 0
