"""The rules notice and the trace in value swap and money compensation, in Chinese and English."""

from __future__ import annotations

import json

import pytest

from allocation.demo.policy import demo_policy
from allocation.errors import ValidationError
from allocation.registry.model import CompensationMode, Condition
from allocation.rules.explain import explain_household, trace_text
from allocation.rules.policy import policy_sha256
from allocation.rules.settlement import settle_household
from allocation.rules.text import policy_text
from allocation.rules.value_swap import ValueSwapRules
from tests.allocation.test_value_swap import ON, A, B, household, mode_policy


def test_notice_has_a_section_for_each_mode_offered() -> None:
    """四、补偿方式 before 五、选房顺序, in office wording; figures as in the policy."""
    text = policy_text(mode_policy())
    for expected in (
        "三、补偿补助\n", "四、补偿方式\n", "五、选房顺序\n",
        "（一）被征收人可选择产权调换（按面积）、产权调换（价值互换）、货币补偿，"
        "选定一种补偿方式后按该方式结算；按面积产权调换的，按以上各条执行。",
        "（二）选择价值互换的，以被征收房屋评估价值加5%产权调换补助为可用价值。",
        "（三）安置房源价值按房源建筑面积乘以房源单价计算，房源单价为所选房源的基准价"
        "乘以楼层调节系数。",
        "（四）按所列顺序依次以可用价值抵扣所选房源价值，可用价值用尽后不得再选购房源；"
        "剩余可用价值不足最后一套房源价值50%的，不得选购该套房源（商铺户型除外）。",
        "（五）1室1厅1卫户型只能单独选购，不得与其他房源同时选购。",
        "（六）房源价值与可用价值的差额多退少补：可用价值有剩余的，由征收部门支付被安置户；"
        "不足的，由被安置户补交。",
        "（七）选择货币补偿的，按评估价值的110%给予补偿（含货币补偿奖励10%），另支付低保补助，"
        "不安置房源，不参加选房。",
    ):
        assert expected in text, expected
    assert text.rstrip().endswith(policy_sha256(mode_policy()))


def test_notice_names_the_items_a_mode_counts() -> None:
    """Items and the allowance counted: 一并计入可用价值; a mode not offered: no sentence."""
    counted = mode_policy(money=None, value_swap=ValueSwapRules(items=("重病补助",),
                                                                transition=True))
    text = policy_text(counted)
    assert "（一）被征收人可选择产权调换（按面积）、产权调换（价值互换），" in text
    assert "（二）选择价值互换的，以被征收房屋评估价值为可用价值，重病补助、过渡安置费一并计入" \
           "可用价值。" in text
    assert "货币补偿" not in text and "单独选购" not in text and "房源价值50%" not in text
    assert "、补偿方式\n" not in policy_text(mode_policy(value_swap=None, money=None))
    assert "、补偿方式\n" not in policy_text(demo_policy())


def test_notice_in_english() -> None:
    text = policy_text(mode_policy(), "en")
    for expected in ("4. Compensation modes", "5. Order of choice",
                     "by value swap, the value available is the assessed value of the old home "
                     "plus 5 % (产权调换补助)",
                     "nor a last flat whose value the value left covers less than 50 % "
                     "(layouts 商铺 excepted)",
                     "by money compensation, 110 % of the assessed value is paid (including "
                     "货币补偿奖励 10 %), plus 低保补助; no flat"):
        assert expected in text, expected


def test_value_trace_shows_each_flat_its_value_used_and_left() -> None:
    """The figures of test_value_left_over_is_paid_to_the_household, step by step."""
    trace = explain_household(household(), mode_policy(), ON, [A, B])
    text = trace_text(trace)
    for expected in (
        "2. 补偿方式：产权调换（价值互换）；选定日期：2026年9月1日",
        "被征收房屋评估价值（评估报告编号：鄂评字（2026）第017号）→ 600,000.00元",
        "“产权调换补助”：评估价值600,000.00元×5% → 30,000.00元",
        "可用价值合计（2项）→ 630,000.00元",
        "房源1-1-301（3室2厅1卫）：85平方米×单价4,080.00元 → 房源价值346,800.00元；"
        "抵扣前可用价值630,000.00元，抵扣346,800.00元，剩余283,200.00元",
        "房源1-1-502（3室2厅1卫）：60平方米×单价4,080.00元 → 房源价值244,800.00元；"
        "抵扣前可用价值283,200.00元，抵扣244,800.00元，剩余38,400.00元",
        "房源价值合计（145平方米，可用价值630,000.00元）→ 591,600.00元",
        "结算（多退少补）：可用价值630,000.00元 − 房源价值591,600.00元 = 38,400.00元"
        "（支付给被安置户）",
    ):
        assert expected in text, expected
    rules = [step.rule for step in trace.steps]
    assert "entitlement.people" not in rules and "group.default" in rules
    assert trace.steps[-1].result == settle_household(household(), [A, B], mode_policy(),
                                                      ON).settlement.balance
    json.dumps(trace.to_dict(), ensure_ascii=False)
    english = trace_text(trace, "en")
    assert "compensation mode: property exchange by value (value swap)" in english
    assert "settlement: value available 630,000.00 − value of the flats 591,600.00 = " \
           "38,400.00 yuan (paid to the household)" in english


def test_value_trace_shows_the_share_and_the_refusal() -> None:
    """Paid up (500,000): the share holds and the short part is due; refused (400,000): the
    trace ends with the reason, in figures."""
    text = trace_text(explain_household(household(assessed="500000.00"), mode_policy(), ON,
                                        [A, B]))
    assert ("房源1-1-502价值244,800.00元，剩余可用价值178,200.00元不低于其50%（122,400.00元）："
            "是") in text
    assert "房源1-1-502价值244,800.00元，抵扣178,200.00元，差价66,600.00元由被安置户补交" in text
    trace = explain_household(household(assessed="400000.00"), mode_policy(), ON, [A, B])
    assert trace.steps[-1].rule == "price.last_flat_share_too_small"
    assert trace_text(trace).splitlines()[-2].endswith(
        "剩余可用价值73,200.00元低于房源1-1-502价值244,800.00元的50%（122,400.00元），"
        "不得选购该套房源")


def test_money_trace_and_flats_refused() -> None:
    poor = household(CompensationMode.MONEY, "600000.00", Condition.LOW_INCOME)
    trace = explain_household(poor, mode_policy(), ON)
    text = trace_text(trace)
    assert "“货币补偿奖励”：评估价值600,000.00元×10% → 60,000.00元" in text
    assert "货币补偿合计（3项）→ 690,000.00元" in text
    assert "结算：货币补偿690,000.00元，不安置房源 → 690,000.00元（支付给被安置户）" in text
    assert not any(step.rule.startswith(("group.", "order.")) for step in trace.steps)
    with pytest.raises(ValidationError) as error:
        explain_household(poor, mode_policy(), ON, A)
    assert error.value.code == "flats_in_money_mode"


def test_area_trace_has_no_mode_step() -> None:
    """Area mode's trace is the one it always was."""
    trace = explain_household(household(CompensationMode.AREA), mode_policy(), ON, A)
    assert trace.steps[1].rule == "entitlement.people"
    assert not any(step.rule.startswith(("compensation.mode", "compensation.assessed_value",
                                         "compensation.subsidy", "price.value", "settlement."))
                   for step in trace.steps)
