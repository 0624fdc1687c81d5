"""The reference date (计算基准日): every age and date condition is judged on the rules' day.

Worked example used throughout: 王德明, head of household D950, was born on
20 December 1946. The demo policy's reference date is 1 November 2026, on
which he is 79 (he turns 80 seven weeks later). Its first priority group is
“a member aged 80 or more, or a disabled member”. So he is not in it — not
when the pool is published on 1 November, nor when his notice is reprinted
on 5 January 2027, when he is 80. A schema 1 policy, which names no
reference date, judged him on the day: 其他家庭 in November, 高龄、残疾家庭 in
January — the fairness bug the reference date closes.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from allocation.demo.policy import demo_policy
from allocation.demo.register import demo_flats, demo_households
from allocation.registry.model import Household, Member
from allocation.rules import (
    assign_group,
    compute_compensation,
    compute_entitlement,
    explain_household,
    pool_entries,
    trace_text,
)
from allocation.rules.conditions import judged_on
from allocation.rules.text import policy_text
from tests.factories import person_id

REFERENCE = date(2026, 11, 1)
REPRINT = date(2027, 1, 5)
ELDERLY, OTHERS = "高龄、残疾家庭", "其他家庭"


def _wang() -> Household:
    head = Member("王德明", person_id(401, date(1946, 12, 20)))
    wife = Member("刘桂兰", person_id(402, date(1950, 3, 2), "F"), "配偶")
    return Household(code="D950", head_name=head.name, head_id=head.id_number,
                     legal_area=Decimal("48.20"), members=(head, wife))


def test_the_policy_names_the_day() -> None:
    """judged_on gives the policy's date whatever the day; only an undated policy uses the day."""
    policy = demo_policy()
    assert policy.reference_date == REFERENCE
    assert judged_on(policy, REPRINT) == REFERENCE
    undated = dataclasses.replace(policy, reference_date=None)
    assert judged_on(undated, REPRINT) == REPRINT


def test_a_head_turning_80_after_the_reference_date_stays_in_his_group() -> None:
    """79 on 1 Nov 2026, 80 on 5 Jan 2027: 其他家庭 on both days, in the pool and the trace."""
    policy, wang = demo_policy(), _wang()
    for day in (REFERENCE, REPRINT):
        assert assign_group(wang, policy, day).name == OTHERS
        [entry] = pool_entries([wang], policy, day)
        assert entry.group == OTHERS
    text = trace_text(explain_household(wang, policy, REPRINT))
    assert "1. 计算基准日：年龄及各项日期条件计算至2026年11月1日\n" in text
    assert "家庭成员最大年龄≥80周岁（79）✗" in text
    assert f"不属于以上各组 → “{OTHERS}”" in text


def test_without_a_reference_date_the_day_decides() -> None:
    """The schema 1 behaviour, kept for policies frozen then: judged on the day itself."""
    undated = dataclasses.replace(demo_policy(), reference_date=None)
    wang = _wang()
    assert assign_group(wang, undated, REFERENCE).name == OTHERS
    assert assign_group(wang, undated, REPRINT).name == ELDERLY
    text = trace_text(explain_household(wang, undated, REPRINT))
    assert "1. 方案未规定计算基准日：年龄及各项日期条件计算至计算当日2027年1月5日\n" in text


def test_the_rules_notice_says_to_which_day_ages_are_counted() -> None:
    """“年龄计算至2026年11月1日” in the notice; in English the ISO date."""
    zh, en = policy_text(demo_policy()), policy_text(demo_policy(), "en")
    assert "计算基准日：2026年11月1日。年龄计算至2026年11月1日，各项日期条件均以该日为准。" in zh
    assert "Reference date: 2026-11-01. Ages are counted to that day" in en
    assert "本方案未规定计算基准日" in policy_text(
        dataclasses.replace(demo_policy(), reference_date=None))


def test_the_trace_prints_the_hash_it_is_given() -> None:
    """A version frozen under schema 1 prints its stored hash, not today's recomputation."""
    stored = "ab" * 32
    trace = explain_household(_wang(), demo_policy(), REFERENCE, sha256=stored)
    assert trace.policy_sha256 == stored
    assert policy_text(demo_policy(), sha256=stored).rstrip().endswith(stored)


_HOUSEHOLDS = demo_households()
_FLATS = demo_flats()


@settings(deadline=None, max_examples=40)
@given(st.integers(0, len(_HOUSEHOLDS) - 1),
       st.integers(-3 * 365, 20 * 365), st.integers(-3 * 365, 20 * 365))
def test_a_dated_policy_gives_the_same_answer_on_any_day(index: int, first: int,
                                                         second: int) -> None:
    """Entitlement, group, compensation and the whole trace do not depend on the day asked."""
    policy, household = demo_policy(), _HOUSEHOLDS[index]
    one, two = REFERENCE + timedelta(days=first), REFERENCE + timedelta(days=second)
    flat = _FLATS[index % len(_FLATS)]
    assert compute_entitlement(household, policy, one) == compute_entitlement(household, policy,
                                                                              two)
    assert assign_group(household, policy, one) == assign_group(household, policy, two)
    assert compute_compensation(household, policy, one) == compute_compensation(
        household, policy, two)
    assert explain_household(household, policy, one, flat) == explain_household(
        household, policy, two, flat)
