"""Tests of explanations: the rules notice and each household's trace, in Chinese and English."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from allocation.demo.policy import demo_policy
from allocation.demo.register import DEMO_TODAY, demo_flats, demo_households
from allocation.errors import ValidationError
from allocation.registry.model import Flat, Household, Member
from allocation.rules.compensation import compute_compensation
from allocation.rules.conditions import Criteria, Term
from allocation.rules.entitlement import (
    EntitlementRules,
    PersonCategory,
    SelectionBand,
    compute_entitlement,
)
from allocation.rules.explain import explain_household, trace_text
from allocation.rules.policy import Policy, policy_from_dict, policy_sha256
from allocation.rules.pricing import FloorCoefficient, PricingRules, Tier, price_flats
from allocation.rules.priority import FlatRestriction, PriorityGroup
from allocation.rules.text import policy_text
from tests.allocation.test_policy import RICH
from tests.factories import person_id

D = Decimal


@pytest.fixture(scope="module")
def households() -> list[Household]:
    return demo_households()


@pytest.fixture(scope="module")
def flats() -> list[Flat]:
    return demo_flats()


def fixed_price_policy() -> Policy:
    """Issue 3's numbers with a fixed base price and a few optional features."""
    is_new = Criteria("all", (Term("new_member", "==", True),))
    new_member = PersonCategory("新增人口", D(45), is_new)
    return Policy(
        name="测试方案", version_note="第1版",
        entitlement=EntitlementRules(area_per_person=D(50), excess_cap=D(30),
                                     person_categories=(new_member,)),
        band=SelectionBand(below=D(20)),
        pricing=PricingRules(base_price=D(4000), tiers=(Tier(D(0), D(15), price=D(4000)),
                                                        Tier(D(15), D(30), price=D(6000))),
                             refund_price=D(3000),
                             floor_coefficients=(FloorCoefficient(1, 2, D("0.98")),)),
        groups=(PriorityGroup("一楼组", Criteria("any", (Term("max_member_age", ">=", 70),)),
                              FlatRestriction(floor_max=2, buildings=("1", "2"))),),
        default_group="其他")


def test_policy_text_zh_reads_like_a_notice() -> None:
    """一、…（一）… sections, amounts as 4,000元/平方米, the hash at the end."""
    policy = fixed_price_policy()
    text = policy_text(policy)
    for expected in ("测试方案\n第1版\n本方案未规定计算基准日，年龄及各项日期条件计算至计算当日。"
                     "\n一、安置面积\n",
                     "（一）认定人口每人按50平方米计算；其中为新增人口的",
                     "二、房价", "三、补偿补助", "四、选房顺序",
                     "（一）安置面积以内的部分按4,000元/平方米计算。",
                     "超出安置面积15至30平方米的部分按6,000元/平方米计算。",
                     "差额部分按3,000元/平方米退还（多退少补）",
                     "楼层调节系数：1至2层0.98；其他楼层为1",
                     "可选房源总面积为安置面积减20平方米至安置面积加30平方米",
                     "第一组“一楼组”：家庭成员最大年龄≥70周岁（以认定人口计）；限选2层及以下、1号楼、2号楼房源",
                     "不属于以上各组的家庭为“其他”"):
        assert expected in text, expected
    assert text.rstrip().endswith(policy_sha256(policy))


def test_policy_text_en() -> None:
    """The English text has the same sections and numbers."""
    text = policy_text(fixed_price_policy(), "en")
    for expected in ("1. Entitlement", "2. Prices", "3. Compensation", "4. Order of choice",
                     "each recognised member counts 50 m²", "at 6,000 yuan/m²",
                     "age of the oldest member ≥ 70 years"):
        assert expected in text, expected


def test_demo_policy_text_has_every_rule() -> None:
    """The demo notice names each compensation item and the order groups."""
    text = policy_text(demo_policy())
    for expected in ("重病补助：家庭成员中有重病情形的，以认定人口计，每人50,000元",
                     "残疾补助：家庭成员中有残疾情形的，以认定人口计，每证30,000元",
                     "低保补助：有低保情形的，以认定人口计，每户30,000元",
                     "房屋价值补偿：按原合法面积每平方米9,000元",
                     "过渡安置费：按认定人口每人每月600元，计18个月",
                     "超出安置面积15至30平方米的部分按基准价的150%计算",
                     "超出安置面积30平方米以上的部分不予购买",
                     "第二组“已签约家庭”：已签约；组内按签约顺序号先后选房",
                     "签约日期不早于2026年8月1日且签约日期早于2026年9月1日的，每户10,000元",
                     "第一组“高龄、残疾家庭”：家庭成员最大年龄≥80周岁或有残疾人（以认定人口计）；限选4层及以下"):
        assert expected in text, expected
    assert "on or after 1 August" not in text and "签约日期≥" not in text


def test_every_schema_feature_renders() -> None:
    """The richest test policy renders in both languages without gaps."""
    policy = policy_from_dict(json.loads(json.dumps(RICH)))
    zh, en = policy_text(policy), policy_text(policy, "en")
    assert "签约日期早于2026年8月1日" in zh and "户号为D001、D002" in zh
    assert "原合法面积≥60平方米" in zh and "安置面积取以上两项中的较大者" in zh
    assert "—" not in zh and "None" not in zh and "None" not in en


def test_trace_explains_entitlement_group_order_and_price(households: list[Household],
                                                          flats: list[Flat]) -> None:
    """A trace with a flat has entitlement, group, order key, compensation, price and settlement."""
    policy = demo_policy()
    subject = households[0]
    trace = explain_household(subject, policy, DEMO_TODAY, flats[10])
    rules = [step.rule for step in trace.steps]
    assert rules[:2] == ["reference_date", "entitlement.people"] and "entitlement.band" in rules
    assert "order.key" in rules and "compensation.total" in rules
    assert rules[-2:] == ["price.total", "settlement"]
    settlement = trace.steps[-1]
    compensation = compute_compensation(subject, policy, DEMO_TODAY).total
    price = price_flats(subject, [flats[10]], policy, DEMO_TODAY).total
    assert settlement.result == compensation - price
    assert trace.policy_sha256 == policy_sha256(policy)


def test_trace_without_flat_stops_after_compensation(households: list[Household]) -> None:
    """Without a candidate flat there is no price and no settlement."""
    trace = explain_household(households[1], demo_policy(), DEMO_TODAY)
    assert trace.steps[-1].rule == "compensation.total"


def test_trace_records_a_refusal(households: list[Household], flats: list[Flat]) -> None:
    """Flats beyond the cap are explained as refused, not raised."""
    policy = demo_policy()
    big = [max(flats, key=lambda f: f.area)]
    single = next(h for h in households
                  if compute_entitlement(h, policy, DEMO_TODAY).max_area < big[0].area)
    max_area = compute_entitlement(single, policy, DEMO_TODAY).max_area
    trace = explain_household(single, policy, DEMO_TODAY, big)
    assert trace.steps[-1].rule == "price.refused"
    assert f"所选面积{big[0].area}平方米超过可购买上限{max_area}平方米" in trace_text(trace)


def test_trace_text_and_json_for_every_demo_household(households: list[Household],
                                                      flats: list[Flat]) -> None:
    """Every demo household's trace renders in both languages and as JSON."""
    policy = demo_policy()
    for index, subject in enumerate(households):
        trace = explain_household(subject, policy, DEMO_TODAY,
                                  [flats[index % len(flats)], flats[(index * 7) % len(flats)]])
        zh, en = trace_text(trace), trace_text(trace, "en")
        assert zh.startswith(f"户号：{subject.code}\n1. 计算基准日：年龄及各项日期条件计算至"
                             "2026年11月1日\n2. 按人口计算")
        assert en.startswith(f"Household: {subject.code}\n1. reference date: ages and date "
                             "conditions are judged on 2026-11-01\n2. people")
        assert "{" not in zh and "None" not in en
        json.dumps(trace.to_dict(), ensure_ascii=False)


def test_trace_text_example() -> None:
    """A worked trace: 3 people with a new-born new member in a 150.5 m² flat on floor 1."""
    members = (Member("张三", person_id(1, date(1950, 1, 1))),
               Member("李梅", person_id(2, date(1952, 1, 1)), "配偶"),
               Member("张宝", person_id(3, date(2026, 1, 1)), "孙子", new_member=True))
    subject = Household(code="D900", head_name="张三", head_id=members[0].id_number,
                        legal_area=D("60.00"), members=members)
    flat = Flat("1", "1", 1, "101", D("150.50"), "3室2厅2卫", D("4000.00"))
    text = trace_text(explain_household(subject, fixed_price_policy(), DEMO_TODAY, flat))
    assert "1. 方案未规定计算基准日：年龄及各项日期条件计算至计算当日2026年11月1日\n" in text
    assert "2. 按人口计算：认定人口3人（每人50平方米×2，新增人口45平方米×1）→ 145平方米" in text
    assert ("第1组“一楼组”（满足其一即可，以认定人口计）：家庭成员最大年龄≥70周岁（76）✓ → 是"
            in text)
    assert ("房源1-1-101（安置面积内）：145平方米×3,920.00元（基准价4,000.00元×楼层系数0.98）"
            "→ 568,400.00元") in text
    assert ("房源1-1-101（超出部分第1档）：5.5平方米×3,920.00元（定价4,000.00元×楼层系数0.98）"
            "→ 21,560.00元") in text
    assert "结算：补偿补助0.00元 − 房价款589,960.00元 = -589,960.00元（由被安置户补交）" in text


def test_a_published_group_stands_for_the_order_and_the_flat_restriction(flats) -> None:
    """A 30-year-old head published in “高龄、残疾家庭” (his facts changed since) keeps
    that group's floor limit; a name the policy lacks is refused, not guessed."""
    policy = demo_policy()
    head = person_id(11, date(1996, 5, 1))
    young = Household("P01", "王五", head, D("50.00"), members=(Member("王五", head),))
    high = next(f for f in flats if f.floor > 4)
    trace = explain_household(young, policy, DEMO_TODAY, high,
                              published_group="高龄、残疾家庭")
    steps = {step.rule: step for step in trace.steps}
    assert steps["group.published"].inputs == {"group": "高龄、残疾家庭", "rank": 0}
    assert steps["group.flat_restriction"].result is False  # floor_max=4 of the published group
    assert "group.test" not in steps and "group.default" not in steps
    with pytest.raises(ValidationError) as unknown:
        explain_household(young, policy, DEMO_TODAY, published_group="不存在的组")
    assert unknown.value.code == "not_one_of"
    assert unknown.value.params["value"] == "不存在的组"
