"""The moving fee per move (搬迁费), the allowance in transition housing (周转用房过渡) and
the business loss of a non-residential old home (停产停业损失): worked examples, their
words, their refusals at their key paths, the hashes they leave alone, and a property.

The policy of the examples (:func:`policy`): 25 m² a recognised member and a 30 m² cap
(not what these tests are about); a moving fee of 1,500.00 per household and move
(搬迁费); a transition allowance of 600.00 per recognised member and month for 18
months; a business loss of 30.00 per m² of legal area and month for 6 months. The
household of the examples (:func:`household`) has three recognised members and 36 m² of
legal area. Every figure is worked by hand in the docstring, never by calling the code
under test.
"""

from __future__ import annotations

import copy
import dataclasses
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from allocation.demo.policy import demo_policy
from allocation.demo.value_rules import value_policy
from allocation.errors import ValidationError
from allocation.registry import quantize_money
from allocation.registry.model import CompensationMode, Household, Member, OldHomeUse
from allocation.rules.business_loss import BusinessLoss
from allocation.rules.compensation import (
    CompensationItem,
    TransitionAllowance,
    compute_compensation,
)
from allocation.rules.conditions import Criteria, Term
from allocation.rules.entitlement import EntitlementRules
from allocation.rules.explain import explain_household, trace_text
from allocation.rules.money_compensation import MoneyCompensationRules
from allocation.rules.policy import (
    Policy,
    policy_from_dict,
    policy_sha256,
    policy_to_dict,
)
from allocation.rules.pricing import PricingRules, Tier
from allocation.rules.settlement import settle_household
from allocation.rules.text import policy_text
from tests.factories import make_flat, person_id

ON = date(2026, 11, 1)
D = Decimal
MOVING = CompensationItem("搬迁费", D(1500), moves=True)
ALLOWANCE = TransitionAllowance(D(600), 18)
BY_AREA = BusinessLoss(per_area_month=D(30), months=6)
HOUSING = "周转房3栋201室"


def policy(items: tuple[CompensationItem, ...] = (MOVING,),
           transition: TransitionAllowance | None = ALLOWANCE,
           business_loss: BusinessLoss | None = BY_AREA, **more: Any) -> Policy:
    """See the module docstring."""
    return Policy(
        name="搬迁过渡测试方案", default_group="其他", reference_date=ON,
        entitlement=EntitlementRules(area_per_person=D(25), excess_cap=D(30)),
        pricing=PricingRules(base_price=D(4000), tiers=(Tier(D(0), D(30), price=D(6000)),)),
        compensation=items, transition=transition, business_loss=business_loss, **more)


def household(*, housed: bool = False, shop: bool = False,
              mode: CompensationMode = CompensationMode.AREA,
              assessed: str | None = None) -> Household:
    """Three recognised members, 36 m² of legal area; in transition housing if ``housed``,
    a shop (非住宅) if ``shop``."""
    members = tuple(Member(f"成员{i}", person_id(i, date(1970 + i, 1, 1)),
                           "户主" if i == 0 else "子") for i in range(3))
    return Household(
        code="M001", head_name=members[0].name, head_id=members[0].id_number,
        legal_area=D("36.00"), members=members, compensation_mode=mode,
        assessed_value=None if assessed is None else D(assessed),
        transition_housing=HOUSING if housed else "",
        old_home_use=OldHomeUse.NON_RESIDENTIAL if shop else OldHomeUse.RESIDENTIAL)


def lines_by_code(h: Household, p: Policy) -> dict[str, Any]:
    return {line.code: line for line in compute_compensation(h, p, ON).lines}


# ---------------------------------------------------------------------------
# The moving fee per move (搬迁费)
# ---------------------------------------------------------------------------


def test_transition_housing_moves_twice() -> None:
    """Out of the old home into the transition flat, then into the new flat: 2 moves ×
    1,500.00 = 3,000.00, on a line of code ``moves``."""
    line = lines_by_code(household(housed=True), policy())["moves"]
    assert (line.name, line.moves, line.amount) == ("搬迁费", 2, D("3000.00"))


def test_own_transition_moves_twice_unless_the_policy_says_once() -> None:
    """自行过渡 moves twice too (out of the old home, into the new flat): 3,000.00; a policy
    counting it once (own_transition_moves 1) pays 1 × 1,500.00 = 1,500.00, and still
    2 × 1,500.00 = 3,000.00 in transition housing."""
    assert lines_by_code(household(), policy())["moves"].amount == D("3000.00")
    once = policy(items=(CompensationItem("搬迁费", D(1500), moves=True,
                                          own_transition_moves=1),))
    own = lines_by_code(household(), once)["moves"]
    assert (own.moves, own.amount) == (1, D("1500.00"))
    assert lines_by_code(household(housed=True), once)["moves"].amount == D("3000.00")


def test_money_household_moves_once() -> None:
    """A money household moves once, out of the old home: its total is the assessed value
    400,000.00 + 1 × 1,500.00 moving fee = 401,500.00 (the allowance is not counted by
    its section, and a home has no business loss)."""
    p = policy(money_compensation=MoneyCompensationRules(items=("搬迁费",)))
    h = household(mode=CompensationMode.MONEY, assessed="400000")
    result = settle_household(h, (), p, ON)
    moves = next(line for line in result.compensation.lines if line.code == "moves")
    assert (moves.moves, moves.amount) == (1, D("1500.00"))
    assert result.compensation.total == D("401500.00")


def test_moving_fee_per_m2_counts_moves_too() -> None:
    """20.00 per m² of legal area and move: 36 m² × 20.00 × 2 moves = 1,440.00."""
    item = CompensationItem("搬家补助", D(20), per="legal_area", moves=True)
    line = lines_by_code(household(housed=True), policy(items=(item,)))["moves"]
    assert (line.count, line.moves, line.amount) == (D("36.00"), 2, D("1440.00"))


def test_an_item_not_paid_per_move_is_an_item() -> None:
    """An item without ``moves`` keeps its code and counts once: 1,500.00."""
    item = CompensationItem("搬迁费", D(1500))
    line = lines_by_code(household(housed=True), policy(items=(item,)))["item"]
    assert (line.moves, line.amount) == (None, D("1500.00"))


# ---------------------------------------------------------------------------
# The allowance in transition housing (周转用房过渡)
# ---------------------------------------------------------------------------


def test_own_transition_gets_the_allowance() -> None:
    """3 members × 600.00 × 18 months = 32,400.00; total with 2 moves × 1,500.00 and no
    business loss (a home) = 35,400.00."""
    result = compute_compensation(household(), policy(), ON)
    assert {line.code: line.amount for line in result.lines} == {
        "moves": D("3000.00"), "transition": D("32400.00")}
    assert result.total == D("35400.00")


def test_transition_housing_gets_no_allowance_by_default() -> None:
    """The office houses it: no allowance line; total = the 2 moves' 3,000.00 only; the
    trace says why."""
    result = compute_compensation(household(housed=True), policy(), ON)
    assert [line.code for line in result.lines] == ["moves"]
    assert result.total == D("3000.00")
    assert "compensation.transition_housing_none" in [step.rule for step in result.trace]


def test_transition_housing_gets_the_policy_share() -> None:
    """A share of 0.5: 3 × 600.00 × 18 × 0.5 = 16,200.00, the line marked with its share."""
    half = policy(transition=TransitionAllowance(D(600), 18, in_housing=D("0.5")))
    line = lines_by_code(household(housed=True), half)["transition"]
    assert (line.amount, line.share, line.months) == (D("16200.00"), D("0.5"), 18)
    assert lines_by_code(household(), half)["transition"].amount == D("32400.00")


# ---------------------------------------------------------------------------
# The business loss (停产停业损失)
# ---------------------------------------------------------------------------


def test_shop_business_loss_per_m2_and_month() -> None:
    """A 36 m² shop × 30.00 per m² and month × 6 months = 6,480.00; total with 2 moves
    (3,000.00) and the allowance (32,400.00) = 41,880.00."""
    result = compute_compensation(household(shop=True), policy(), ON)
    loss = next(line for line in result.lines if line.code == "business_loss")
    assert (loss.count, loss.unit_amount, loss.months, loss.amount) == (
        D("36.00"), D("30.00"), 6, D("6480.00"))
    assert result.total == D("41880.00")


def test_shop_business_loss_on_the_assessed_value() -> None:
    """5 % of an assessed value of 412,345.67 = 20,617.2835 → 20,617.28 (half up)."""
    p = policy(business_loss=BusinessLoss(percent=D(5)))
    loss = lines_by_code(household(shop=True, assessed="412345.67"), p)["business_loss"]
    assert (loss.count, loss.unit_amount, loss.amount) == (D(5), D("412345.67"),
                                                          D("20617.28"))


def test_home_has_no_business_loss_and_shop_without_value_is_refused() -> None:
    """A home gets no loss line; a shop whose loss counts on a missing assessed value is
    refused naming the household."""
    assert "business_loss" not in lines_by_code(household(), policy())
    p = policy(business_loss=BusinessLoss(percent=D(5)))
    with pytest.raises(ValidationError) as caught:
        compute_compensation(household(shop=True), p, ON)
    assert caught.value.code == "business_loss_needs_value"
    assert caught.value.params["household"] == "M001"


def test_business_loss_in_value_and_money_modes() -> None:
    """Owed in every mode: a money shop with assessed value 300,000.00 gets 300,000.00 +
    6,480.00 loss = 306,480.00 (no items named)."""
    p = policy(money_compensation=MoneyCompensationRules())
    h = household(shop=True, mode=CompensationMode.MONEY, assessed="300000")
    assert settle_household(h, (), p, ON).compensation.total == D("306480.00")


# ---------------------------------------------------------------------------
# Conditions over the new facts
# ---------------------------------------------------------------------------


def test_conditions_read_old_home_use_and_transition_housing() -> None:
    """An item for shops only (2,000.00) and one for households in transition housing
    (800.00): a housed shop gets both, a home in its own transition neither."""
    shop_only = CompensationItem("商铺搬迁补助", D(2000), condition=Criteria(
        "all", (Term("old_home_use", "==", "non_residential"),)))
    housed_only = CompensationItem("周转补助", D(800), condition=Criteria(
        "all", (Term("in_transition_housing", "==", True),)))
    p = policy(items=(shop_only, housed_only))
    both = compute_compensation(household(housed=True, shop=True), p, ON)
    assert [line.amount for line in both.lines if line.code == "item"] == [D("2000.00"),
                                                                           D("800.00")]
    neither = compute_compensation(household(), p, ON)
    assert [line for line in neither.lines if line.code == "item"] == []
    zh = policy_text(p, "zh")
    assert "原房屋用途为非住宅的" in zh and "在周转用房过渡的，每户800元" in zh


# ---------------------------------------------------------------------------
# Words: notice and trace
# ---------------------------------------------------------------------------


def test_notice_words() -> None:
    """The notice says the fee is per move, the allowance in transition housing, the loss."""
    zh = policy_text(policy(), "zh")
    assert "搬迁费：每户1,500元，按搬迁次数计发：产权调换的计两次" in zh
    assert "在周转用房过渡的，不计发过渡安置费" in zh
    assert "停产停业损失：原房屋用途为非住宅的，按原合法面积每平方米每月30元，计6个月" in zh
    percent = policy_text(policy(business_loss=BusinessLoss(percent=D(5))), "zh")
    assert "按被征收房屋评估价值的5%计发" in percent
    half = policy(transition=TransitionAllowance(D(600), 18, in_housing=D("0.5")))
    assert "在周转用房过渡的，按50%计发过渡安置费" in policy_text(half, "zh")
    en = policy_text(policy(), "en")
    assert "paid per move" in en and "business loss" in en


def test_trace_words() -> None:
    """The trace of a housed shop: 2 moves, no allowance and why, 36 m² × 30 × 6."""
    trace = explain_household(household(housed=True, shop=True), policy(), ON, make_flat())
    zh, en = trace_text(trace, "zh"), trace_text(trace, "en")
    assert "×1,500.00元×搬迁2次（周转用房过渡）→ 3,000.00元" in zh
    assert "被安置户在周转用房过渡，本方案对周转用房过渡的不计发过渡安置费 → 0.00元" in zh
    assert "原合法面积36平方米×30.00元/平方米·月×6个月 → 6,480.00元" in zh
    assert "2 move(s) (transition housing)" in en
    assert "business loss: non-residential old home" in en


# ---------------------------------------------------------------------------
# JSON: key paths, defaults left out, hashes unchanged
# ---------------------------------------------------------------------------


def test_defaults_are_left_out_and_hashes_unchanged() -> None:
    """At their defaults the new keys are left out of the canonical JSON: the demo
    policies hash as they did before these rules (pinned from main at ba14ec3), and a
    policy spelling the defaults out hashes as one leaving them out. The demo's rules have
    since gained two flats from 120 m² (一户多套): without them they hash as pinned."""
    def one_flat(rules: Policy) -> Policy:
        return dataclasses.replace(rules, entitlement=dataclasses.replace(
            rules.entitlement, max_flats=None, several_flats_from=None))

    assert policy_sha256(one_flat(demo_policy())) == (
        "321798b82e2589e48c6b2054ddee2b59b8f095a533881536b0d8f427f9605eba")
    assert policy_sha256(one_flat(value_policy())) == (
        "9d759efa1077d180df66993514aebcbe7e26148d076c127f73a5305da8c75c13")
    plain = policy(items=(CompensationItem("搬迁费", D(1500)),), business_loss=None)
    data = policy_to_dict(plain)
    assert "moves" not in data["compensation"][0] and "in_housing" not in data["transition"]
    assert "business_loss" not in data
    spelt = copy.deepcopy(data)
    spelt["compensation"][0].update({"moves": False, "own_transition_moves": 2})
    spelt["transition"]["in_housing"] = "0"
    spelt["business_loss"] = None
    assert policy_sha256(policy_from_dict(spelt)) == policy_sha256(plain)


def test_new_keys_round_trip() -> None:
    """Set, they are written and read back to the same policy."""
    p = policy(items=(CompensationItem("搬迁费", D(1500), moves=True, own_transition_moves=1),),
               transition=TransitionAllowance(D(600), 18, in_housing=D("0.5")))
    data = policy_to_dict(p)
    assert data["compensation"][0]["moves"] is True
    assert data["business_loss"] == {"percent": None, "per_area_month": "30.00", "months": 6}
    assert policy_from_dict(data) == p


@pytest.mark.parametrize(("change", "path", "code"), [
    (lambda d: d["compensation"][0].update(own_transition_moves=3),
     "compensation[0].own_transition_moves", "bad_move_count"),
    (lambda d: d["compensation"][0].update(moves=False, own_transition_moves=1),
     "compensation[0].own_transition_moves", "moves_unused"),
    (lambda d: d["compensation"][0].update(moves="yes"), "compensation[0].moves",
     "wrong_type"),
    (lambda d: d["transition"].update(in_housing="1.5"), "transition.in_housing",
     "allowance_share_above_one"),
    (lambda d: d["transition"].update(in_housing="-0.5"), "transition.in_housing",
     "negative_factor"),
    (lambda d: d.update(business_loss={"months": 6}), "business_loss", "business_loss_basis"),
    (lambda d: d.update(business_loss={"percent": "5", "per_area_month": "30", "months": 6}),
     "business_loss", "business_loss_basis"),
    (lambda d: d.update(business_loss={"per_area_month": "30"}), "business_loss.months",
     "months_required"),
    (lambda d: d.update(business_loss={"percent": "5", "months": 6}), "business_loss.months",
     "months_unused"),
    (lambda d: d.update(business_loss={"percent": "120"}), "business_loss.percent",
     "percent_above_hundred"),
    (lambda d: d.update(business_loss={"per_area_month": "-3", "months": 6}),
     "business_loss.per_area_month", "negative_amount"),
    (lambda d: d.update(business_loss={"percent": "5", "rate": "1"}), "business_loss.rate",
     "unknown_key"),
])
def test_refusals_name_their_key_path(change: Any, path: str, code: str) -> None:
    """Each bad value is refused with its code at its JSON key path."""
    data = policy_to_dict(policy())
    change(data)
    with pytest.raises(ValidationError) as caught:
        policy_from_dict(data)
    assert (caught.value.code, caught.value.params["path"]) == (code, path)


# ---------------------------------------------------------------------------
# Property: the lines add up, to the fen
# ---------------------------------------------------------------------------

money = st.decimals(min_value=0, max_value=100000, places=2)


@settings(max_examples=150, deadline=None)
@given(fee=money, rate=money, months=st.integers(1, 36), per_month=money,
       share=st.decimals(min_value=0, max_value=1, places=2), once=st.booleans(),
       housed=st.booleans(), shop=st.booleans(), area=st.decimals(min_value=0,
       max_value=500, places=2), size=st.integers(1, 6))
def test_lines_add_up_to_the_settlement(fee: Decimal, rate: Decimal, months: int,
                                        per_month: Decimal, share: Decimal, once: bool,
                                        housed: bool, shop: bool, area: Decimal,
                                        size: int) -> None:
    """Every line is its figures multiplied out to the fen; the lines sum to the total; the
    settlement is that total less the price of the flat."""
    item = CompensationItem("搬迁费", fee, moves=True, own_transition_moves=1 if once else 2)
    p = policy(items=(item,), transition=TransitionAllowance(per_month, months,
                                                             in_housing=share),
               business_loss=BusinessLoss(per_area_month=rate, months=months))
    members = tuple(Member(f"成员{i}", person_id(i, date(1970 + i, 1, 1)),
                           "户主" if i == 0 else "子") for i in range(size))
    h = Household(code="P1", head_name="成员0", head_id=members[0].id_number, legal_area=area,
                  members=members, transition_housing=HOUSING if housed else "",
                  old_home_use=OldHomeUse.NON_RESIDENTIAL if shop else OldHomeUse.RESIDENTIAL)
    result = settle_household(h, (make_flat(area=D(25 * size)),), p, ON)
    lines = result.compensation.lines
    for line in lines:
        if line.code == "moves":
            expected_moves = 2 if housed or not once else 1
            assert line.moves == expected_moves
            assert line.amount == quantize_money(fee * expected_moves)
        elif line.code == "transition":
            whole = per_month * size * months
            assert line.amount == quantize_money(whole * share if housed else whole)
        elif line.code == "business_loss":
            assert shop and line.amount == quantize_money(area * rate * months)
    assert ("business_loss" in [line.code for line in lines]) == shop
    assert result.compensation.total == sum((line.amount for line in lines), D("0.00"))
    assert result.price is not None
    assert result.settlement.compensation == result.compensation.total
    assert result.settlement.balance == result.compensation.total - result.price.total
