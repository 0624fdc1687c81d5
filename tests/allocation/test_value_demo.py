"""The value demo (价值互换演示): its register, its policy, and that the two fit.

The households are the area demo's with a compensation mode, an assessed
value and an appraisal report each; the flats are the area demo's priced by
value. Settlements are computed with the real settle_household, so the
checks hold for the rules as the desk will apply them.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import replace
from decimal import Decimal

import pytest

from allocation.demo import (
    DEMO_TODAY,
    demo_flats,
    demo_households,
    value_flats,
    value_households,
    value_policy,
)
from allocation.demo.value_register import APPRAISED_AVERAGE, CHOICE_START
from allocation.errors import ValidationError
from allocation.registry import CompensationMode, Flat, Household, check_household
from allocation.rules import (
    assign_group,
    canonical_json,
    flat_allowed,
    flat_unit_value,
    policy_from_json,
    policy_sha256,
    policy_to_dict,
    settle_household,
)
from allocation.rules.policy import validate_policy

POLICY = value_policy()
VALUE, MONEY, AREA = CompensationMode.VALUE, CompensationMode.MONEY, CompensationMode.AREA


@pytest.fixture(scope="module")
def households() -> list[Household]:
    return value_households()


@pytest.fixture(scope="module")
def flats() -> list[Flat]:
    return value_flats()


def test_two_builds_are_equal(households: list[Household], flats: list[Flat]) -> None:
    assert value_households() == households
    assert value_flats() == flats
    assert canonical_json(value_policy()) == canonical_json(POLICY)


def test_the_register_is_the_area_demos_with_the_mode_fields(households: list[Household]) -> None:
    """Only the compensation choice and the appraisal differ from the area demo."""
    plain = [replace(h, compensation_mode=AREA, mode_chosen_on=None, assessed_value=None,
                     appraisal_report="") for h in households]
    assert plain == demo_households()


def test_the_mode_mix(households: list[Household]) -> None:
    """Most by value, about one in eight money, a few by area."""
    modes = Counter(h.compensation_mode for h in households)
    assert modes == {VALUE: 166, MONEY: 25, AREA: 8}
    assert 1 / 10 < modes[MONEY] / len(households) < 1 / 7


def test_every_household_has_a_value_a_report_and_a_day(households: list[Household]) -> None:
    reports = [h.appraisal_report for h in households]
    assert len(set(reports)) == len(reports)
    for household in households:
        assert check_household(household) == []
        assert household.assessed_value is not None and household.assessed_value > 0
        assert household.assessed_value == household.assessed_value.quantize(Decimal(1))
        ratio = household.assessed_value / household.legal_area / APPRAISED_AVERAGE
        assert Decimal("0.919") <= ratio <= Decimal("1.081")  # the ±8 % spread
        assert re.fullmatch(r"鄂楚评字〔2026〕第\d{4}号", household.appraisal_report)
        assert household.mode_chosen_on is not None
        assert CHOICE_START <= household.mode_chosen_on <= (household.signed_on or DEMO_TODAY)
    assert households[0].appraisal_report == "鄂楚评字〔2026〕第0001号"


def test_the_flats_are_the_demo_stock_priced_by_value(flats: list[Flat]) -> None:
    stock = demo_flats()
    assert [(f.key, f.area, f.layout) for f in flats] == [(f.key, f.area, f.layout) for f in stock]
    assert {f.base_price for f in flats} <= {Decimal(p) for p in range(9500, 10301, 100)}
    assert min(f.base_price for f in flats) == Decimal("9500.00")  # floor 1 of building 1


def test_the_policy_validates_and_reads_back_with_the_same_hash() -> None:
    assert validate_policy(POLICY) == []
    assert POLICY.reference_date == DEMO_TODAY  # freezing needs one
    text = json.dumps(policy_to_dict(POLICY), ensure_ascii=False, indent=2)
    again = policy_from_json(text)
    assert again == POLICY
    assert policy_sha256(again) == policy_sha256(POLICY)
    written = json.loads(canonical_json(POLICY))
    assert written["value_swap"]["last_flat_min_share"] == "0.5"
    assert written["value_swap"]["subsidies"] == [{"name": "产权调换补助", "percent": "5"}]
    assert written["money_compensation"]["subsidies"] == [{"name": "货币补偿奖励", "percent": "10"}]
    assert "搬家费" in written["value_swap"]["items"]
    assert "房屋价值补偿" not in written["value_swap"]["items"]  # the home is not counted twice


def _allowed(household: Household, flats: list[Flat]) -> list[Flat]:
    group = assign_group(household, POLICY, DEMO_TODAY)
    restriction = (POLICY.groups[group.rank].flat_restriction
                   if group.rank < len(POLICY.groups) else None)
    return [f for f in flats if flat_allowed(restriction, f)]


def test_every_value_household_can_afford_a_flat(households: list[Household],
                                                 flats: list[Flat]) -> None:
    """Its available value covers at least half of some flat it may choose (the share rule);
    settle_household takes that flat without a refusal."""
    cheapest = min(flats, key=lambda f: f.area * flat_unit_value(POLICY.pricing, f))
    short = []
    covered_in_full = 0
    for household in (h for h in households if h.compensation_mode is VALUE):
        available = settle_household(household, [cheapest], POLICY, DEMO_TODAY
                                     ).compensation.total
        values = {f.key: f.area * flat_unit_value(POLICY.pricing, f)
                  for f in _allowed(household, flats)}
        fitting = [key for key, value in values.items() if available >= value / 2]
        if not fitting:
            short.append(household.code)
            continue
        flat = next(f for f in flats if f.key == min(fitting, key=values.__getitem__))
        result = settle_household(household, [flat], POLICY, DEMO_TODAY)
        covered_in_full += result.settlement.direction == "to_household"
    assert short == []
    assert covered_in_full > 100  # most could even take their cheapest flat with money back


def test_a_last_flat_short_of_half_is_refused(households: list[Household],
                                              flats: list[Flat]) -> None:
    """The share rule is live in the demo: the smallest value cannot add a dear second flat."""
    household = min((h for h in households if h.compensation_mode is VALUE),
                    key=lambda h: h.assessed_value or 0)
    dear = sorted((f for f in flats if f.layout != "1室1厅1卫"),
                  key=lambda f: f.area * f.base_price)
    with pytest.raises(ValidationError) as error:
        settle_household(household, [dear[-1], dear[-2]], POLICY, DEMO_TODAY)
    assert error.value.code in {"last_flat_share_too_small", "value_exhausted"}


def test_money_households_get_the_value_with_ten_percent(households: list[Household]) -> None:
    for household in (h for h in households if h.compensation_mode is MONEY):
        result = settle_household(household, [], POLICY, DEMO_TODAY)
        assert result.price is None
        assessed = household.assessed_value
        assert assessed is not None
        lines = {line.name: line.amount for line in result.compensation.lines}
        assert lines["货币补偿奖励"] == (assessed / 10).quantize(Decimal("0.01"))
        assert lines["搬家费"] == Decimal("3000.00")
        assert result.settlement.direction == "to_household"
