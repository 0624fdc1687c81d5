"""The agreements state the moving fee per move, the allowance in transition housing and the
business loss of a non-residential old home, read back from real PDFs; price lines of a
round-up and a single-flat bonus are labelled in Chinese.

The policy is the demo policy (base price 4,000.00 yuan/m²; transition allowance 600.00
per recognised member and month for 18 months) with a moving fee of 1,500.00 per household
and move and a business loss of 30.00 per m² of legal area and month for 6 months. Figures
are worked by hand in each docstring.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from allocation.demo.register import DEMO_TODAY
from allocation.money import yuan_in_capitals
from allocation.registry.model import CompensationMode, Household, OldHomeUse
from allocation.rules import BusinessLoss, CompensationItem
from allocation.rules.money_compensation import MoneyCompensationRules
from allocation.rules.pricing import RoundUp
from printouts.papers.agreement import Agreement, agreement_data
from printouts.papers.money_agreement import MoneyAgreement, money_agreement_data
from tests.printouts.notice_inputs import policy as demo
from tests.printouts.readback import make_info, render, squeeze
from tests.printouts.selection_inputs import MOVING_DEADLINE, OFFICE, flat_over, households

MOVING = CompensationItem("搬迁费", Decimal(1500), moves=True)
LOSS = BusinessLoss(per_area_month=Decimal(30), months=6)


def policy():  # type: ignore[no-untyped-def]
    base = demo()
    return replace(base, compensation=(*base.compensation, MOVING), business_loss=LOSS)


def shop(housed: bool) -> Household:
    """The first demo household, its old home a 36 m² shop; in transition housing if
    ``housed``."""
    return replace(households()[0], legal_area=Decimal("36.00"),
                   old_home_use=OldHomeUse.NON_RESIDENTIAL,
                   transition_housing="粮道街周转房2栋301室" if housed else "")


def text_of(household: Household, policy_: object, over: Decimal = Decimal("0.00")) -> str:
    flat = flat_over(household, over)
    data = agreement_data(household, [flat], policy_, DEMO_TODAY, number="X-1",
                          office=OFFICE, payment_term="即时", moving_deadline=MOVING_DEADLINE)
    return squeeze(render(Agreement(make_info(), [data])).text)


def test_shop_in_transition_housing():
    """Two moves × 1,500.00 = 3,000.00 (叁仟元整); no allowance in transition housing; a
    36 m² shop × 30.00 × 6 months = 6,480.00 (陆仟肆佰捌拾元整), in article six and as its
    own line of article five."""
    text = text_of(shop(housed=True), policy())
    assert (f"搬迁费：搬迁费按搬迁2次计，共{yuan_in_capitals(Decimal(3000))}（¥3,000.00），"
            "已计入第五条。") in text
    assert "1户×1,500.00元×搬迁2次3,000.00" in text
    assert "临时安置费：乙方在甲方提供的周转用房过渡，按分房方案不计发临时安置费。" in text
    assert ("停产停业损失：乙方被征收房屋为非住宅，按合法面积36.00平方米、每平方米每月30.00元、"
            f"6个月计算，共{yuan_in_capitals(Decimal(6480))}（¥6,480.00），已计入第五条。") in text
    assert "停产停业损失补偿合法面积36.00㎡×30.00元/㎡·月×6个月6,480.00" in text
    assert "不涉及停产停业损失" not in text


def test_home_says_no_business_loss():
    """A home: the sentence that there is no business loss; its own transition moves twice
    too (3,000.00) and gets the allowance."""
    household = replace(households()[0], old_home_use=OldHomeUse.RESIDENTIAL)
    text = text_of(household, policy())
    assert "乙方被征收房屋为住宅，不涉及停产停业损失补偿。" in text
    assert "停产停业损失补偿合法面积" not in text
    assert "搬迁费按搬迁2次计" in text and "临时安置费（过渡安置费）：按认定安置人口" in text


def test_policy_without_per_move_item_and_loss():
    """The demo policy has neither: the agreement says so, in words that name no code."""
    text = text_of(shop(housed=False), demo())
    assert "搬迁费：分房方案未单列搬迁费，本协议不另行计付。" in text
    assert "乙方被征收房屋为非住宅，分房方案未单列停产停业损失补偿，本协议不另行计付。" in text


def test_money_agreement_states_the_loss_and_one_move():
    """A money shop: assessed value 500,000.00 + 1 move × 1,500.00 + 6,480.00 loss =
    507,980.00, the loss counted in article three."""
    p = replace(policy(), money_compensation=MoneyCompensationRules(items=("搬迁费",)))
    household = replace(shop(housed=False), compensation_mode=CompensationMode.MONEY,
                        assessed_value=Decimal("500000.00"))
    data = money_agreement_data(household, p, DEMO_TODAY, number="M-1", office=OFFICE,
                                payment_term="即时", moving_deadline=MOVING_DEADLINE)
    assert data.compensation.total == Decimal("507980.00")
    text = squeeze(render(MoneyAgreement(make_info(), [data])).text)
    assert "搬迁费按搬迁1次计" in text
    assert "6个月计算，共" in text and "已计入第三条" in text


def test_round_up_and_bonus_lines_are_chinese():
    """A flat 3 m² over the entitlement, rounded up (就近上靠) at 3,000.00 yuan/m² up to 5 m²,
    with a 10,000.00 single-flat bonus (单套奖励): both lines labelled in Chinese, no code."""
    base = demo()
    p = replace(base, pricing=replace(base.pricing, round_up=RoundUp(Decimal(5),
                price=Decimal(3000)), single_flat_bonus=Decimal(10000)))
    text = text_of(households()[0], p, Decimal("3.00"))
    assert "就近上靠" in text and "单套奖励" in text
    assert "round_up" not in text and "bonus" not in text
