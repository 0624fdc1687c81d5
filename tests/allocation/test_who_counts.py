"""Who counts: each rule reads recognised members (认定人口) or every registered member (家庭成员).

Worked example: household D960 has three registered members — 赵大山 (head,
born 1 Mar 1950: 76 on the reference date 1 Nov 2026), his wife 孙秀英 (born
1952, 74) and his mother 钱玉兰 (born 1 May 1940: 86), who is registered
but not recognised for resettlement. The rules, by hand:

* group 高龄家庭, "oldest member ≥ 80": over recognised members the oldest is
  76 → not in it (其他家庭); over registered members 86 → in it;
* extra area 5 m² per member aged 80+: recognised 0 × 5 = 0 m²; registered
  1 × 5 = 5 m²;
* 搬家补助 10,000 yuan per person: recognised 2 × 10,000 = 20,000;
  registered 3 × 10,000 = 30,000;
* transition 600 yuan per person and month for 18 months: recognised
  2 × 600 × 18 = 21,600; registered 3 × 600 × 18 = 32,400.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from allocation.registry.model import Household, Member
from allocation.rules import (
    Criteria,
    EntitlementRules,
    Policy,
    PricingRules,
    PriorityGroup,
    Term,
    assign_group,
    compute_compensation,
    compute_entitlement,
    explain_household,
    policy_text,
    trace_text,
)
from allocation.rules.compensation import CompensationItem, TransitionAllowance
from allocation.rules.conditions import Members
from allocation.rules.entitlement import AreaExtra
from tests.factories import person_id

D = Decimal
OLD = Criteria("all", (Term("max_member_age", ">=", 80),))
AGED = Criteria("all", (Term("age", ">=", 80),))


def _zhao() -> Household:
    head = Member("赵大山", person_id(301, date(1950, 3, 1)))
    wife = Member("孙秀英", person_id(302, date(1952, 6, 9), "F"), "配偶")
    mother = Member("钱玉兰", person_id(303, date(1940, 5, 1), "F"), "母亲", recognised=False)
    return Household(code="D960", head_name=head.name, head_id=head.id_number,
                     legal_area=D("52.00"), members=(head, wife, mother))


def _policy(members: Members) -> Policy:
    return Policy(
        name="计人范围示例", reference_date=date(2026, 11, 1),
        entitlement=EntitlementRules(
            area_per_person=D(25), excess_cap=D(0),
            extras=(AreaExtra("高龄增加面积", D(5), per="person", member_condition=AGED,
                              members=members),)),
        pricing=PricingRules(),
        compensation=(CompensationItem("搬家补助", D(10000), per="person",
                                       members=members),),
        transition=TransitionAllowance(D(600), 18, members=members),
        groups=(PriorityGroup("高龄家庭", OLD, members=members),),
        default_group="其他家庭")


def test_recognised_members_count_by_default() -> None:
    """The default reads recognised members only: 76, 0 m², 20,000 and 21,600 yuan."""
    policy, zhao = _policy("recognised"), _zhao()
    assert assign_group(zhao, policy, date(2027, 1, 1)).name == "其他家庭"
    assert compute_entitlement(zhao, policy, date(2027, 1, 1)).area == D("50.00")
    lines = {line.code: line.amount for line in
             compute_compensation(zhao, policy, date(2027, 1, 1)).lines}
    assert lines == {"item": D("20000.00"), "transition": D("21600.00")}


def test_every_registered_member_counts_when_the_rule_says_so() -> None:
    """Registered members: 86 → 高龄家庭, +5 m², 30,000 and 32,400 yuan."""
    policy, zhao = _policy("registered"), _zhao()
    assert assign_group(zhao, policy, date(2027, 1, 1)).name == "高龄家庭"
    assert compute_entitlement(zhao, policy, date(2027, 1, 1)).area == D("55.00")
    lines = {line.code: line.amount for line in
             compute_compensation(zhao, policy, date(2027, 1, 1)).lines}
    assert lines == {"item": D("30000.00"), "transition": D("32400.00")}


def test_the_rules_text_and_the_trace_say_who_counts() -> None:
    """以认定人口计 / 以全部家庭成员计 in the notice, the trace and their English."""
    registered, recognised = _policy("registered"), _policy("recognised")
    text = policy_text(registered)
    assert "第一组“高龄家庭”：家庭成员最大年龄≥80周岁（以全部家庭成员计）" in text
    assert "搬家补助：以全部家庭成员计，每人10,000元" in text
    assert "过渡安置费：按家庭成员每人每月600元，计18个月" in text
    assert "过渡安置费：按认定人口每人每月600元" in policy_text(recognised)
    assert "(counting every registered member)" in policy_text(registered, "en")
    trace = trace_text(explain_household(_zhao(), registered, date(2027, 1, 1)))
    assert ("第1组“高龄家庭”（须全部满足，以全部家庭成员计）：家庭成员最大年龄≥80周岁（86）✓"
            in trace)
    assert "过渡安置费（以全部家庭成员计）：3人×600.00元×18个月 → 32,400.00元" in trace
    trace = trace_text(explain_household(_zhao(), recognised, date(2027, 1, 1)))
    assert "（须全部满足，以认定人口计）：家庭成员最大年龄≥80周岁（76）✗" in trace
