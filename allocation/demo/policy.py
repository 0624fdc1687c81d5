"""The demo project's default policy: realistic numbers of an old-town resettlement in Wuhan.

* entitlement: property exchange 1:1 (产权调换) — the legal area of the
  demolished home, or 25 m² per recognised person where that is more (the
  per-person floor that keeps crowded small homes housed); up to 30 m² more
  may be bought; households entitled to 120 m² or more may take two flats
  (一户多套, their areas counted together in the order listed), the others one;
* price: within the entitlement and for the first 15 m² over it, each flat's
  own base price (房源表, 3,950–4,050 yuan/m² in the demo stock); 15–30 m²
  over at the base price +50 %; beyond 30 m² not allowed; no refund for
  area below the entitlement (it is bought at the base price, so a m² not
  taken is already a m² not paid for);
* compensation: the demolished home at an appraised average of 9,000
  yuan/m² of legal area; serious illness 50,000 per person; disability
  30,000 per certificate; 低保 30,000 per household; signing bonus 20,000 in
  July 2026 and 10,000 in August 2026; transition 600 yuan per person per
  month for 18 months;
* reference date (计算基准日): 1 November 2026, the demo's "today", on which
  the register's ages are exact — every age and date condition is judged
  on it, whatever day the demo is built or printed;
* order: households with a member aged 80 or more or a disabled member
  first (flats on floors 1–4 only), by lottery; then signed households by
  signing order; then the rest by lottery.

The numbers are fitted to the demo stock, which is what an office does: the
rules are written for the flats it has. Issue 3's example (50 m² per person,
a group aged 70+ on floors 1–2) would promise 31,600 m² of entitlement for
17,396 m² of flats and put 94 households in a group with 40 flats. Here the
entitlement totals about 18,000 m² (legal areas 16,285 m²), every household
has eligible flats in its band, a perfect matching of all 199 households to
flats exists, and the first group (58 households) has 80 flats on floors
1–4 (tests/allocation/test_demo_policy.py checks all of this). The appraised
average and the bonus dates are the demo's own assumptions.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Final

from allocation.demo.register import DEMO_TODAY
from allocation.rules import (
    CompensationItem,
    Criteria,
    EntitlementRules,
    FlatRestriction,
    Policy,
    PricingRules,
    PriorityGroup,
    Term,
    Tier,
    TransitionAllowance,
)

DEMO_POLICY_NAME: Final = "武昌区粮道街片区旧城改造安置项目分房方案"
BONUS_FULL_UNTIL: Final = date(2026, 8, 1)  # signed before: the full bonus
BONUS_HALF_UNTIL: Final = date(2026, 9, 1)  # signed before (and not before the above): half
#: 一户多套: households entitled to this much may take two flats (37 of the 199 demo households;
#: about half of them take a second in the rehearsal, within the 21 flats the stock has spare).
SEVERAL_FLATS_FROM: Final = Decimal("120.00")


def _all(*terms: Term | Criteria) -> Criteria:
    return Criteria("all", terms)


def _any(*terms: Term | Criteria) -> Criteria:
    return Criteria("any", terms)


def _has(condition: str) -> Criteria:
    return _all(Term("conditions", "has", condition))


def demo_policy() -> Policy:
    """The default policy of the demo project (see the module docstring)."""
    return Policy(
        name=DEMO_POLICY_NAME,
        version_note="2026年11月1日 第1版（演示）",
        reference_date=DEMO_TODAY,
        entitlement=EntitlementRules(
            area_per_person=Decimal("25.00"), excess_cap=Decimal("30.00"),
            legal_area_ratio=Decimal("1"), combine="max",
            max_flats=2, several_flats_from=SEVERAL_FLATS_FROM,
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
    )


def _compensation() -> tuple[CompensationItem, ...]:
    signed_early = _all(Term("signed_on", "before", BONUS_FULL_UNTIL))
    signed_later = _all(
        Term("signed_on", ">=", BONUS_FULL_UNTIL), Term("signed_on", "before", BONUS_HALF_UNTIL)
    )
    return (
        CompensationItem("房屋价值补偿", Decimal("9000.00"), per="legal_area"),
        CompensationItem("重病补助", Decimal("50000.00"), per="person",
                         member_condition=_has("serious_illness")),
        CompensationItem("残疾补助", Decimal("30000.00"), per="certificate",
                         member_condition=_has("disability")),
        CompensationItem("低保补助", Decimal("30000.00"), condition=_has("low_income")),
        CompensationItem("提前签约奖励（7月）", Decimal("20000.00"), condition=signed_early),
        CompensationItem("提前签约奖励（8月）", Decimal("10000.00"), condition=signed_later),
    )


def _groups() -> tuple[PriorityGroup, ...]:
    elderly_or_disabled = _any(
        Term("max_member_age", ">=", 80), Term("has_disability", "==", True)
    )
    return (
        PriorityGroup("高龄、残疾家庭", elderly_or_disabled, FlatRestriction(floor_max=4)),
        PriorityGroup("已签约家庭", _all(Term("signed", "==", True)), order_within="signing_seq"),
    )
