"""The value demo's policy: a value-based 产权调换 with money compensation, in Wuhan's style.

Every household of the value demo has had its old home appraised
(:mod:`allocation.demo.value_register`); the policy offers three modes:

* value swap (价值互换): the assessed value, plus a 产权调换补助 of 5 % of it,
  the special-condition items (重病, 残疾, 低保), the signing bonuses and the
  moving fee (搬家费), and the transition allowance (the household waits
  for its flat), buys flats at their value — area × the flat's price in the
  房源价值表 (9,500–10,300 yuan/m²: the building's price with the floor's
  difference, :func:`~allocation.demo.value_register.value_price`). A last
  flat the value does not cover needs at least half its value covered
  (``last_flat_min_share`` 0.5); the one-room layout (1室1厅1卫) may only be
  taken alone. The difference is
  settled in money (多退少补);
* money compensation (货币补偿): the assessed value plus a 货币补偿奖励 of
  10 %, the same items and the moving fee; no transition allowance (no
  wait for a flat) and no flat;
* area (按面积), always offered: as the area demo — 1:1 of the legal area or
  25 m² per recognised person, up to 30 m² more — with the old home paid
  at the 评估均价 of 12,000 yuan/m² of legal area.

Reference date (计算基准日) 1 November 2026, as the area demo; the same
signing bonuses (20,000 in July, 10,000 in August), the same priority groups
(80+ or disabled first, floors 1–4; then signed households by signing
order). The numbers are fitted to the stock: the smallest value available
(35 m² old home) covers more than half of the dearest one-room flat
(tests/allocation/test_value_demo.py checks every household).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from allocation.demo.policy import BONUS_FULL_UNTIL, BONUS_HALF_UNTIL
from allocation.demo.register import DEMO_TODAY
from allocation.demo.value_register import APPRAISED_AVERAGE
from allocation.rules import (
    CompensationItem,
    Criteria,
    EntitlementRules,
    FlatRestriction,
    MoneyCompensationRules,
    Policy,
    PricingRules,
    PriorityGroup,
    Subsidy,
    Term,
    Tier,
    TransitionAllowance,
    ValueSwapRules,
)

VALUE_POLICY_NAME: Final = "武昌区粮道街片区旧城改造安置项目价值互换补偿方案"
SMALL_LAYOUT: Final = "1室1厅1卫"
#: The compensation items both value-based modes count beside the assessed value.
COUNTED_ITEMS: Final = (
    "重病补助", "残疾补助", "低保补助", "提前签约奖励（7月）", "提前签约奖励（8月）", "搬家费",
)  # fmt: skip


def _all(*terms: Term | Criteria) -> Criteria:
    return Criteria("all", terms)


def _any(*terms: Term | Criteria) -> Criteria:
    return Criteria("any", terms)


def _has(condition: str) -> Criteria:
    return _all(Term("conditions", "has", condition))


def value_policy() -> Policy:
    """The value demo's policy (see the module docstring)."""
    return Policy(
        name=VALUE_POLICY_NAME,
        version_note="2026年11月1日 第1版（演示）",
        reference_date=DEMO_TODAY,
        entitlement=EntitlementRules(
            area_per_person=Decimal("25.00"), excess_cap=Decimal("30.00"),
            legal_area_ratio=Decimal("1"), combine="max",
        ),
        pricing=PricingRules(
            base_price=None,
            tiers=(
                Tier(Decimal("0.00"), Decimal("15.00"), factor=Decimal("1")),
                Tier(Decimal("15.00"), Decimal("30.00"), factor=Decimal("1.5")),
            ),
        ),
        compensation=_compensation(),
        transition=TransitionAllowance(per_person_month=Decimal("600.00"), months=18),
        groups=_groups(),
        default_group="其他家庭",
        value_swap=ValueSwapRules(
            subsidies=(Subsidy("产权调换补助", Decimal("5")),),
            items=COUNTED_ITEMS,
            transition=True,
            last_flat_min_share=Decimal("0.5"),
            alone_layouts=(SMALL_LAYOUT,),
        ),
        money_compensation=MoneyCompensationRules(
            subsidies=(Subsidy("货币补偿奖励", Decimal("10")),),
            items=COUNTED_ITEMS,
            transition=False,
        ),
    )


def _compensation() -> tuple[CompensationItem, ...]:
    signed_early = _all(Term("signed_on", "before", BONUS_FULL_UNTIL))
    signed_later = _all(
        Term("signed_on", ">=", BONUS_FULL_UNTIL), Term("signed_on", "before", BONUS_HALF_UNTIL)
    )
    return (
        # Area mode only: the value modes pay the assessed value instead (not in their items).
        CompensationItem("房屋价值补偿", APPRAISED_AVERAGE, per="legal_area"),
        CompensationItem("重病补助", Decimal("50000.00"), per="person",
                         member_condition=_has("serious_illness")),
        CompensationItem("残疾补助", Decimal("30000.00"), per="certificate",
                         member_condition=_has("disability")),
        CompensationItem("低保补助", Decimal("30000.00"), condition=_has("low_income")),
        CompensationItem("提前签约奖励（7月）", Decimal("20000.00"), condition=signed_early),
        CompensationItem("提前签约奖励（8月）", Decimal("10000.00"), condition=signed_later),
        CompensationItem("搬家费", Decimal("3000.00")),
    )


def _groups() -> tuple[PriorityGroup, ...]:
    elderly_or_disabled = _any(
        Term("max_member_age", ">=", 80), Term("has_disability", "==", True)
    )
    return (
        PriorityGroup("高龄、残疾家庭", elderly_or_disabled, FlatRestriction(floor_max=4)),
        PriorityGroup("已签约家庭", _all(Term("signed", "==", True)), order_within="signing_seq"),
    )
