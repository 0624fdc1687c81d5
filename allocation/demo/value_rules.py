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

from dataclasses import replace
from decimal import Decimal
from typing import Final

from allocation.demo.policy import demo_policy
from allocation.demo.value_register import APPRAISED_AVERAGE
from allocation.rules import (
    CompensationItem,
    MoneyCompensationRules,
    Policy,
    Subsidy,
    ValueSwapRules,
)

VALUE_POLICY_NAME: Final = "武昌区粮道街片区旧城改造安置项目价值互换补偿方案"
SMALL_LAYOUT: Final = "1室1厅1卫"
#: The compensation items both value-based modes count beside the assessed value.
COUNTED_ITEMS: Final = (
    "重病补助", "残疾补助", "低保补助", "提前签约奖励（7月）", "提前签约奖励（8月）", "搬家费",
)  # fmt: skip


def value_policy() -> Policy:
    """The value demo's policy (see the module docstring): the area demo's rules, the old
    home at the appraised average, a moving fee, and the two value-based modes."""
    area = demo_policy()
    first, *rest = area.compensation
    assert first.per == "legal_area"  # the old home's value, which the value modes replace
    return replace(
        area,
        name=VALUE_POLICY_NAME,
        # Area mode only: the value modes pay the assessed value instead (not in their items).
        compensation=(replace(first, amount=APPRAISED_AVERAGE), *rest,
                      CompensationItem("搬家费", Decimal("3000.00"))),
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
