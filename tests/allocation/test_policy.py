"""Tests of the policy model: JSON round trip, canonical hash, bad policies refused with a path."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import random
import re
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from allocation.demo.policy import demo_policy
from allocation.errors import ValidationError
from allocation.rules.entitlement import EntitlementRules
from allocation.rules.policy import (
    UPGRADES,
    Criteria,
    Policy,
    PricingRules,
    PriorityGroup,
    Term,
    Tier,
    canonical_json,
    policy_from_dict,
    policy_from_json,
    policy_sha256,
    policy_to_dict,
    validate_policy,
)

D = Decimal
NONE: dict[str, Any] = {"all": []}

#: Every feature of the schema, in canonical form (every key present).
RICH: dict[str, Any] = {
    "schema": "anju-policy/2",
    "name": "示例区旧城改造安置方案",
    "version_note": "第2版",
    "reference_date": "2026-11-01",
    "entitlement": {
        "area_per_person": "50.00", "excess_cap": "30.00", "legal_area_ratio": "1.2",
        "combine": "max", "minimum_area": "60.00", "maximum_area": "200.00", "max_flats": 2,
        "minimum_condition": {"all": [{"field": "low_income", "op": "==", "value": True}]},
        "person_categories": [{"name": "新增人口", "area": "45.00", "member_condition": {
            "all": [{"field": "new_member", "op": "==", "value": True}]}}],
        "extras": [
            {"name": "残疾家庭", "area": "10.00", "per": "household", "member_condition": None,
             "condition": {"all": [{"field": "has_disability", "op": "==", "value": True}]},
             "members": "recognised"},
            {"name": "高龄", "area": "5.00", "per": "person", "condition": NONE,
             "member_condition": {"all": [{"field": "age", "op": ">=", "value": 70}]},
             "members": "recognised"},
        ],
    },
    "band": {"below": "20.00", "above": "30.00"},
    "pricing": {
        "base_price": "4000.00", "beyond_cap_price": None, "refund_price": "3000.00",
        "tiers": [{"start": "0.00", "end": "15.00", "price": "4000.00", "factor": None,
                   "end_share_of_legal": "0.1"},
                  {"start": "15.00", "end": "30.00", "price": None, "factor": "1.5",
                   "end_share_of_legal": None}],
        "floor_coefficients": [{"first_floor": 1, "last_floor": 2, "factor": "0.98"},
                               {"first_floor": 3, "last_floor": 8, "factor": "1.02"}],
        "floor_increments": [{"first_floor": 1, "last_floor": 1, "amount": "-50.00"},
                             {"first_floor": 6, "last_floor": 8, "amount": "100.00"}],
        "orientation_coefficients": [{"orientation": "南北", "factor": "1.02"}],
    },
    "compensation": [
        {"name": "重病补助", "amount": "50000.00", "per": "person", "condition": NONE,
         "member_condition": {"all": [{"field": "conditions", "op": "has",
                                       "value": "serious_illness"}]}, "members": "recognised"},
        {"name": "残疾补助", "amount": "30000.00", "per": "certificate", "condition": NONE,
         "member_condition": {"all": [{"field": "conditions", "op": "has",
                                       "value": "disability"}]}, "members": "recognised"},
        {"name": "低保补助", "amount": "30000.00", "per": "household", "member_condition": None,
         "condition": {"all": [{"field": "low_income", "op": "==", "value": True}]},
         "members": "recognised"},
        {"name": "提前签约奖励", "amount": "20000.00", "per": "household", "member_condition": None,
         "condition": {"all": [{"field": "signed_on", "op": "before", "value": "2026-08-01"}]},
         "members": "recognised"},
        {"name": "房屋价值补偿", "amount": "9000.00", "per": "legal_area", "condition": NONE,
         "member_condition": None, "members": "recognised"},
    ],
    "transition": {"per_person_month": "600.00", "months": 18, "minimum_month": "1000.00",
                   "members": "recognised"},
    "groups": [
        {"name": "高龄、残疾家庭", "order_within": "lottery",
         "condition": {"any": [{"field": "max_member_age", "op": ">=", "value": 70},
                               {"field": "has_disability", "op": "==", "value": True}]},
         "flat_restriction": {"floor_min": None, "floor_max": 2, "buildings": [], "layouts": []},
         "members": "recognised"},
        {"name": "已签约家庭", "order_within": "signing_seq", "flat_restriction": None,
         "members": "recognised",
         "condition": {"all": [
             {"field": "signed", "op": "==", "value": True},
             {"any": [{"field": "code", "op": "in", "value": ["D001", "D002"]},
                      {"field": "legal_area", "op": ">=", "value": "60.00"}]}]}},
    ],
    "default_group": "其他家庭",
    "value_swap": {
        "subsidies": [{"name": "产权调换补助", "percent": "5"}], "items": ["重病补助", "低保补助"],
        "transition": True, "last_flat_min_share": "0.5", "alone_layouts": ["1室1厅1卫"],
        "non_residential_layouts": ["商铺"],
    },
    "money_compensation": {
        "subsidies": [{"name": "货币补偿奖励", "percent": "10"}], "items": ["低保补助"],
        "transition": False,
    },
}

#: Pinned: a change here means every published policy hash changes. Update only on purpose.
#: (Last on purpose: who counts (members), the area and price rules — maximum_area,
#: minimum_condition, max_flats, end_share_of_legal, floor_increments,
#: orientation_coefficients — and the value_swap and money_compensation sections joined
#: schema 2.)
RICH_SHA256 = "ba061cb87c9c032d4f2ed8455c34520c84c8066ce03f61cc36257c0f7a0db09d"
#: RICH as it was before those sections: policies without them keep this hash.
RICH_BEFORE_MODES_SHA256 = "b05edf8c77ddc9572b0ef429823699b8ae37cd925fa5734e4ef6fca314ab2a3c"
MODE_KEYS = ("value_swap", "money_compensation")

#: The keys schema 2 gained after its reference date, by parent; each left out means its default.
PRICE_RULE_KEYS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("entitlement",): ("maximum_area", "max_flats", "minimum_condition"),
    ("pricing",): ("floor_increments", "orientation_coefficients"),
}


def rich() -> dict[str, Any]:
    return copy.deepcopy(RICH)


def rich_before_price_rules() -> dict[str, Any]:
    """RICH as it was before the area and price rules: none of their keys."""
    data = rich()
    for parent, keys in PRICE_RULE_KEYS.items():
        for key in keys:
            del data[parent[0]][key]
    for tier in data["pricing"]["tiers"]:
        del tier["end_share_of_legal"]
    return data


def test_round_trip_is_exact() -> None:
    """dict → Policy → dict gives back the same dict; Policy → dict → Policy the same Policy."""
    policy = policy_from_dict(rich())
    assert policy_to_dict(policy) == RICH
    assert policy_from_dict(policy_to_dict(policy)) == policy
    assert policy_from_dict(policy_to_dict(demo_policy())) == demo_policy()
    assert validate_policy(policy) == []


def test_term_values_are_typed() -> None:
    """Dates, decimals and lists in conditions are read as date, Decimal and tuple."""
    policy = policy_from_dict(rich())
    assert policy.compensation[3].condition.items[0] == Term("signed_on", "before",
                                                             date(2026, 8, 1))
    nested = policy.groups[1].condition.items[1]
    assert isinstance(nested, Criteria)
    assert nested.items == (Term("code", "in", ("D001", "D002")),
                            Term("legal_area", ">=", D("60.00")))


def test_defaults_fill_left_out_keys() -> None:
    """A minimal file needs name, entitlement, pricing and default group only."""
    minimal = {"schema": "anju-policy/2", "name": "最简方案", "default_group": "全部",
               "entitlement": {"area_per_person": "50", "excess_cap": "0"}, "pricing": {}}
    policy = policy_from_dict(minimal)
    assert policy.entitlement.combine == "people"
    assert policy.groups == () and policy.transition is None and policy.reference_date is None
    assert policy_to_dict(policy)["pricing"]["base_price"] is None
    ent, prices = policy_to_dict(policy)["entitlement"], policy_to_dict(policy)["pricing"]
    assert (ent["maximum_area"], ent["max_flats"], ent["minimum_condition"]) == (None, None,
                                                                                NONE)
    assert prices["floor_increments"] == prices["orientation_coefficients"] == []


def test_the_area_and_price_rules_left_out_mean_the_rules_before_them() -> None:
    """A document without the new keys, and one spelling each default, are one policy and
    one hash: a policy written before them keeps its meaning."""
    before = rich_before_price_rules()
    spelt = copy.deepcopy(before)
    spelt["entitlement"] |= {"maximum_area": None, "max_flats": None, "minimum_condition": NONE}
    spelt["pricing"] |= {"floor_increments": [], "orientation_coefficients": []}
    for tier in spelt["pricing"]["tiers"]:
        tier["end_share_of_legal"] = None
    assert policy_from_dict(before) == policy_from_dict(spelt)
    assert policy_sha256(policy_from_dict(before)) == policy_sha256(policy_from_dict(spelt))
    assert policy_to_dict(policy_from_dict(before)) == spelt


def test_canonical_json_and_pinned_hash() -> None:
    """Sorted keys, no spaces, Chinese as UTF-8, decimals as strings; the hash is pinned."""
    policy = policy_from_dict(rich())
    text = canonical_json(policy)
    assert text == json.dumps(RICH, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert "安置" in text and ", " not in text
    assert policy_sha256(policy) == RICH_SHA256
    assert re.fullmatch("[0-9a-f]{64}", policy_sha256(demo_policy()))


def test_policies_without_modes_keep_their_hash() -> None:
    """A policy offering no value swap nor money compensation hashes as before those keys
    existed: absent or null, the sections are left out of the canonical JSON."""
    before = {key: value for key, value in rich().items() if key not in MODE_KEYS}
    policy = policy_from_dict(before)
    assert policy.value_swap is None and policy.money_compensation is None
    assert policy_to_dict(policy) == before
    assert policy_sha256(policy) == RICH_BEFORE_MODES_SHA256
    assert policy_sha256(policy_from_dict({**before, "value_swap": None,
                                           "money_compensation": None})) == RICH_BEFORE_MODES_SHA256
    assert policy_sha256(policy_from_dict(rich())) == RICH_SHA256


def test_mode_sections_are_typed() -> None:
    """Percentages and the share read as Decimal, layouts and item names as tuples of text."""
    policy = policy_from_dict(rich())
    swap, money = policy.value_swap, policy.money_compensation
    assert swap is not None and money is not None
    assert (swap.subsidies[0].name, swap.subsidies[0].percent) == ("产权调换补助", D(5))
    assert swap.items == ("重病补助", "低保补助") and swap.transition is True
    assert swap.last_flat_min_share == D("0.5") and swap.non_residential_layouts == ("商铺",)
    assert money.subsidies[0].percent == D(10) and money.transition is False
    minimal = policy_from_dict({**rich(), "value_swap": {}, "money_compensation": {}})
    assert minimal.value_swap is not None and minimal.value_swap.last_flat_min_share is None
    assert policy_to_dict(minimal)["money_compensation"] == {"subsidies": [], "items": [],
                                                             "transition": False}


def test_decimal_spelling_does_not_change_the_hash() -> None:
    """50, "50", "50.00", Decimal("5E+1") are one value and one hash; "1.50" and "1.5" too."""
    hashes = set()
    for spelling in (50, "50", "50.00", D("5E+1"), D("50.000")):
        data = rich()
        data["entitlement"]["area_per_person"] = spelling
        data["pricing"]["tiers"][1]["factor"] = "1.50"
        hashes.add(policy_sha256(policy_from_dict(data)))
    assert hashes == {RICH_SHA256}


def _shuffled(value: Any, rng: random.Random) -> Any:
    if isinstance(value, dict):
        keys = list(value)
        rng.shuffle(keys)
        return {key: _shuffled(value[key], rng) for key in keys}
    if isinstance(value, list):
        return [_shuffled(item, rng) for item in value]
    return value


@settings(deadline=None)
@given(st.randoms(use_true_random=False))
def test_canonical_json_ignores_key_order(rng: random.Random) -> None:
    """Any order of keys in any object reads to the same policy and the same canonical JSON."""
    policy = policy_from_dict(_shuffled(rich(), rng))
    assert policy_sha256(policy) == RICH_SHA256


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, (*path, key))]
    if isinstance(value, list):
        return [leaf for index, item in enumerate(value) for leaf in _leaves(item, (*path, index))]
    return [(path, value)]


# Valid replacements for words of the schema, so that the change still makes a valid policy.
_SWAP = {"max": "sum", "household": "person", "person": "certificate", "certificate": "person",
         "legal_area": "household", "==": "!=", ">=": ">", "before": "after",
         "new_member": "is_head", "has_disability": "low_income", "low_income": "has_disability",
         "age": "disability_grade", "max_member_age": "min_member_age", "signed": "is_head",
         "code": "status", "lottery": "signed_on", "signing_seq": "oldest_first",
         "serious_illness": "low_income", "disability": "extreme_hardship"}


def _changed(value: Any) -> Any:
    if isinstance(value, str) and value in _SWAP:
        return _SWAP[value]
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return (date.fromisoformat(value) + timedelta(days=1)).isoformat()
    if isinstance(value, str) and re.fullmatch(r"[0-9.]+", value):
        return str(D(value) + D("0.01"))
    return value + "改" if isinstance(value, str) else None


def set_at(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def test_hash_changes_with_any_field() -> None:
    """Changing any single value (where the result is still a valid policy) changes the hash."""
    tried = 0
    for path, value in _leaves(rich()):
        new = _changed(value)
        if new is None or path == ("schema",):
            continue
        data = rich()
        set_at(data, path, new)
        try:
            policy = policy_from_dict(data)
        except ValidationError:
            continue  # e.g. a tier end moved: not a valid policy, refused elsewhere
        tried += 1
        assert policy_sha256(policy) != RICH_SHA256, path
    assert tried >= 70  # the rest need several changes at once: see the next test


@pytest.mark.parametrize(
    "changes",
    [
        {("entitlement", "excess_cap"): "25.00", ("pricing", "tiers", 1, "end"): "25.00",
         ("band", "above"): "25.00"},
        {("pricing", "tiers", 0, "end"): "10.00", ("pricing", "tiers", 1, "start"): "10.00"},
        {("pricing", "beyond_cap_price"): "9000.00"},
        {("pricing", "floor_coefficients", 0, "last_floor"): 1},
        {("groups", 1, "flat_restriction"): {"floor_min": 3, "floor_max": None, "buildings": ["1"],
                                  "layouts": []}},
        {("compensation", 2, "member_condition"): None, ("transition",): None,
         ("value_swap", "transition"): False},
        {("value_swap",): None},
        {("money_compensation",): None},
        {("value_swap", "alone_layouts"): []},
        {("groups",): list(reversed(RICH["groups"]))},
        {("entitlement", "minimum_condition"): NONE},
        {("entitlement", "maximum_area"): None, ("entitlement", "max_flats"): None},
        {("pricing", "floor_increments"): [], ("pricing", "orientation_coefficients"): []},
        {("pricing", "tiers", 0, "end_share_of_legal"): None},
    ],
)
def test_hash_changes_with_structural_fields(changes: dict[tuple[Any, ...], Any]) -> None:
    """Changes that need several values at once (a cap and its tiers) change the hash too."""
    data = rich()
    for path, value in changes.items():
        set_at(data, path, copy.deepcopy(value))
    assert policy_sha256(policy_from_dict(data)) != RICH_SHA256


BAD: list[tuple[tuple[Any, ...], Any, str, str]] = [
    (("pricing", "base_price"), "-1.00", "negative_price", "pricing.base_price"),
    (("pricing", "tiers", 0, "price"), "-4000.00", "negative_price", "pricing.tiers[0].price"),
    (("pricing", "tiers", 1, "factor"), "-1", "negative_factor", "pricing.tiers[1].factor"),
    (("pricing", "refund_price"), "-1", "negative_price", "pricing.refund_price"),
    (("pricing", "tiers", 1, "start"), "10.00", "tiers_overlap", "pricing.tiers[1].start"),
    (("pricing", "tiers", 1, "start"), "16.00", "tiers_gap", "pricing.tiers[1].start"),
    (("pricing", "tiers", 0, "start"), "1.00", "tiers_gap", "pricing.tiers[0].start"),
    (("pricing", "tiers", 1, "end"), "25.00", "tiers_short_of_cap", "pricing.tiers"),
    (("pricing", "tiers", 1, "end"), "35.00", "tier_beyond_cap", "pricing.tiers"),
    (("pricing", "tiers", 0, "factor"), "1", "tier_price_ambiguous", "pricing.tiers[0]"),
    (("pricing", "tiers"), [{"start": "0.00", "end": "0.00", "price": "1"},
                            {"start": "0.00", "end": "30.00", "price": "1"}],
     "empty_tier", "pricing.tiers[0]"),
    (("pricing", "floor_coefficients", 1, "first_floor"), 2, "floor_ranges_overlap",
     "pricing.floor_coefficients[1]"),
    (("pricing", "floor_coefficients", 1, "last_floor"), 2, "empty_floor_range",
     "pricing.floor_coefficients[1]"),
    (("pricing", "floor_coefficients", 0, "factor"), "0", "non_positive_factor",
     "pricing.floor_coefficients[0].factor"),
    (("pricing", "tiers"), {"start": "0"}, "wrong_type", "pricing.tiers"),
    (("pricing", "floor_increments", 1, "first_floor"), "6", "wrong_type",
     "pricing.floor_increments[1].first_floor"),
    (("pricing", "floor_increments", 1, "first_floor"), 1, "floor_ranges_overlap",
     "pricing.floor_increments[1]"),
    (("pricing", "floor_increments", 1, "last_floor"), 5, "empty_floor_range",
     "pricing.floor_increments[1]"),
    (("pricing", "floor_increments", 0, "amount"), "-50.001", "too_many_decimals",
     "pricing.floor_increments[0].amount"),
    (("pricing", "floor_increments", 0, "amount"), -50.0, "float_not_allowed",
     "pricing.floor_increments[0].amount"),
    (("pricing", "orientation_coefficients", 0, "factor"), "0", "non_positive_factor",
     "pricing.orientation_coefficients[0].factor"),
    (("pricing", "orientation_coefficients", 0, "factor"), "-1", "negative_factor",
     "pricing.orientation_coefficients[0].factor"),
    (("pricing", "orientation_coefficients", 0, "orientation"), " ", "empty_name",
     "pricing.orientation_coefficients[0].orientation"),
    (("pricing", "orientation_coefficients"), [{"orientation": "南", "factor": "1"},
                                               {"orientation": "南", "factor": "0.98"}],
     "duplicate_name", "pricing.orientation_coefficients[1].orientation"),
    (("pricing", "tiers", 0, "end_share_of_legal"), "0", "non_positive_share",
     "pricing.tiers[0].end_share_of_legal"),
    (("pricing", "tiers", 1, "end_share_of_legal"), "0.2", "share_on_last_tier",
     "pricing.tiers[1].end_share_of_legal"),
    (("entitlement", "maximum_area"), "50.00", "maximum_below_minimum",
     "entitlement.maximum_area"),
    (("entitlement", "maximum_area"), "-1", "negative_area", "entitlement.maximum_area"),
    (("entitlement", "max_flats"), 0, "max_flats_below_one", "entitlement.max_flats"),
    (("entitlement", "max_flats"), "2", "wrong_type", "entitlement.max_flats"),
    (("entitlement", "several_flats_from"), "-1", "negative_area",
     "entitlement.several_flats_from"),
    (("entitlement", "minimum_area"), "0.00", "minimum_condition_unused",
     "entitlement.minimum_condition"),
    (("entitlement", "minimum_condition", "all", 0, "field"), "age", "unknown_field",
     "entitlement.minimum_condition.all[0].field"),
    (("entitlement", "excess_cap"), "-5.00", "negative_cap", "entitlement.excess_cap"),
    (("entitlement", "area_per_person"), "-50", "negative_area", "entitlement.area_per_person"),
    (("entitlement", "area_per_person"), "50.005", "too_many_decimals",
     "entitlement.area_per_person"),
    (("entitlement", "legal_area_ratio"), "1.20001", "too_many_decimals",
     "entitlement.legal_area_ratio"),
    (("entitlement", "area_per_person"), 50.0, "float_not_allowed", "entitlement.area_per_person"),
    (("entitlement", "area_per_person"), "fifty", "bad_decimal", "entitlement.area_per_person"),
    (("entitlement", "area_per_person"), "NaN", "bad_decimal", "entitlement.area_per_person"),
    (("entitlement", "area_per_person"), "1" + "0" * 30, "value_too_large",
     "entitlement.area_per_person"),
    (("groups", 1, "condition", "all", 1, "any", 1, "value"), "60.005", "bad_value",
     "groups[1].condition.all[1].any[1].value"),
    (("entitlement", "legal_area_ratio"), None, "legal_ratio_missing",
     "entitlement.legal_area_ratio"),
    (("entitlement", "combine"), "min", "not_one_of", "entitlement.combine"),
    (("entitlement", "extras", 0, "member_condition"), NONE, "member_condition_unused",
     "entitlement.extras[0].member_condition"),
    (("entitlement", "person_categories", 0, "name"), "", "empty_name",
     "entitlement.person_categories[0].name"),
    (("entitlement", "extras", 1, "member_condition", "all", 0, "field"), "max_member_age",
     "unknown_field", "entitlement.extras[1].member_condition.all[0].field"),
    (("band", "above"), "40.00", "band_above_cap", "band.above"),
    (("band", "below"), "-1", "negative_area", "band.below"),
    (("groups", 0, "condition", "any", 0, "field"), "oldest_age", "unknown_field",
     "groups[0].condition.any[0].field"),
    (("groups", 0, "condition", "any", 0, "op"), "=>", "unknown_operator",
     "groups[0].condition.any[0].op"),
    (("groups", 0, "condition", "any", 1, "op"), "has", "operator_not_for_field",
     "groups[0].condition.any[1].op"),
    (("groups", 0, "condition", "any", 0, "value"), "seventy", "bad_value",
     "groups[0].condition.any[0].value"),
    (("groups", 1, "condition", "all", 1, "any", 1, "value"), "sixty", "bad_value",
     "groups[1].condition.all[1].any[1].value"),
    (("compensation", 3, "condition", "all", 0, "value"), "2026-13-01", "bad_value",
     "compensation[3].condition.all[0].value"),
    (("compensation", 0, "member_condition", "all", 0, "value"), "cancer",
     "unknown_condition_name", "compensation[0].member_condition.all[0].value"),
    (("groups", 0, "condition"), {"all": [], "any": []}, "bad_condition", "groups[0].condition"),
    (("groups", 0, "condition"), [], "wrong_type", "groups[0].condition"),
    (("groups", 0, "name"), "  ", "empty_name", "groups[0].name"),
    (("groups", 1, "name"), "高龄、残疾家庭", "duplicate_name", "groups[1].name"),
    (("default_group",), "已签约家庭", "duplicate_name", "default_group"),
    (("default_group",), "", "empty_name", "default_group"),
    (("groups", 1, "order_within"), "age", "unknown_sort_key", "groups[1].order_within"),
    (("groups", 0, "flat_restriction", "floor_min"), 3, "empty_floor_range",
     "groups[0].flat_restriction"),
    (("groups", 0, "flat_restriction", "buildings"), [""], "empty_name",
     "groups[0].flat_restriction.buildings[0]"),
    (("compensation", 0, "amount"), "-1.00", "negative_amount", "compensation[0].amount"),
    (("compensation", 0, "per"), "family", "not_one_of", "compensation[0].per"),
    (("compensation", 1, "member_condition"), None, "member_condition_required",
     "compensation[1].member_condition"),
    (("compensation", 2, "member_condition"), NONE, "member_condition_unused",
     "compensation[2].member_condition"),
    (("compensation", 1, "name"), "重病补助", "duplicate_name", "compensation[1].name"),
    (("transition", "months"), -1, "negative_months", "transition.months"),
    (("transition", "months"), True, "wrong_type", "transition.months"),
    (("name",), 5, "wrong_type", "name"),
    (("name",), "", "empty_name", "name"),
    (("schema",), "anju-policy/3", "unsupported_schema", "schema"),
    (("reference_date",), "2026-02-30", "wrong_type", "reference_date"),
    (("reference_date",), 20261101, "wrong_type", "reference_date"),
    (("reference_date",), "2026-11-01T09:00", "wrong_type", "reference_date"),
    (("value_swap",), [], "wrong_type", "value_swap"),
    (("value_swap", "subsidies", 0, "percent"), "-5", "negative_factor",
     "value_swap.subsidies[0].percent"),
    (("value_swap", "subsidies", 0, "percent"), "5.00001", "too_many_decimals",
     "value_swap.subsidies[0].percent"),
    (("value_swap", "subsidies", 0, "percent"), 5.0, "float_not_allowed",
     "value_swap.subsidies[0].percent"),
    (("value_swap", "subsidies", 0, "name"), " ", "empty_name", "value_swap.subsidies[0].name"),
    (("value_swap", "subsidies"), [{"name": "补助", "percent": "5"},
                                   {"name": "补助", "percent": "2"}],
     "duplicate_name", "value_swap.subsidies[1].name"),
    (("value_swap", "items", 1), "住房困难补助", "unknown_compensation_item",
     "value_swap.items[1]"),
    (("value_swap", "items"), ["重病补助", "重病补助"], "duplicate_name", "value_swap.items[1]"),
    (("value_swap", "transition"), "yes", "wrong_type", "value_swap.transition"),
    (("transition",), None, "transition_not_in_policy", "value_swap.transition"),
    (("value_swap", "last_flat_min_share"), "1.5", "share_above_one",
     "value_swap.last_flat_min_share"),
    (("value_swap", "last_flat_min_share"), "-0.5", "negative_factor",
     "value_swap.last_flat_min_share"),
    (("value_swap", "alone_layouts", 0), "", "empty_name", "value_swap.alone_layouts[0]"),
    (("value_swap", "non_residential_layouts"), "商铺", "wrong_type",
     "value_swap.non_residential_layouts"),
    (("value_swap", "non_residential_layouts"), ["商铺", "商铺"], "duplicate_name",
     "value_swap.non_residential_layouts[1]"),
    (("money_compensation", "subsidies", 0, "percent"), "ten", "bad_decimal",
     "money_compensation.subsidies[0].percent"),
    (("money_compensation", "items", 0), "房屋价值", "unknown_compensation_item",
     "money_compensation.items[0]"),
    (("money_compensation", "subsidies", 0), {"name": "奖励"}, "missing_key",
     "money_compensation.subsidies[0].percent"),
]


@pytest.mark.parametrize(("where", "value", "code", "path"), BAD,
                         ids=[f"{code}:{path}" for _, _, code, path in BAD])
def test_bad_policy_is_refused_with_code_and_path(
    where: tuple[Any, ...], value: Any, code: str, path: str
) -> None:
    """Each broken rule is refused with its own code and the key path of the bad value."""
    data = rich()
    set_at(data, where, value)
    with pytest.raises(ValidationError) as error:
        policy_from_dict(data)
    assert (error.value.code, error.value.params["path"]) == (code, path)


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.update(colour="red"), "colour"),
        (lambda d: d["entitlement"].update(per_person="50"), "entitlement.per_person"),
        (lambda d: d["groups"][0]["condition"]["any"][0].update(operator=">="),
         "groups[0].condition.any[0].operator"),
        (lambda d: d["groups"][0]["condition"].update(note="x"), "groups[0].condition.note"),
        (lambda d: d["money_compensation"].update(factor="1.1"), "money_compensation.factor"),
        (lambda d: d["value_swap"]["subsidies"][0].update(amount="1"),
         "value_swap.subsidies[0].amount"),
    ],
)
def test_unknown_keys_are_refused(change: Any, path: str) -> None:
    """A key the schema does not know is an error, not silently ignored (a typo would be)."""
    data = rich()
    change(data)
    with pytest.raises(ValidationError) as error:
        policy_from_dict(data)
    assert (error.value.code, error.value.params["path"]) == ("unknown_key", path)


@pytest.mark.parametrize(
    ("path", "expected"),
    [(("entitlement", "excess_cap"), "entitlement.excess_cap"),
     (("groups", 0, "condition", "any", 0, "value"), "groups[0].condition.any[0].value"),
     (("schema",), "schema"), (("name",), "name")],
)
def test_missing_keys_are_refused(path: tuple[Any, ...], expected: str) -> None:
    """A required key left out is named by its path."""
    data = rich()
    parent: Any = data
    for key in path[:-1]:
        parent = parent[key]
    del parent[path[-1]]
    with pytest.raises(ValidationError) as error:
        policy_from_dict(data)
    assert (error.value.code, error.value.params["path"]) == ("missing_key", expected)


def test_all_problems_are_listed() -> None:
    """The error names the first problem and carries every problem of the same stage."""
    data = rich()
    data["pricing"]["tiers"][1]["start"] = "16.00"
    data["groups"][1]["name"] = "高龄、残疾家庭"
    with pytest.raises(ValidationError) as error:
        policy_from_dict(data)
    problems = error.value.params["problems"]
    assert [(p.code, p.path) for p in problems] == [
        ("tiers_gap", "pricing.tiers[1].start"), ("duplicate_name", "groups[1].name")]
    assert error.value.params["start"] == "16.00"


def test_policies_built_in_code_are_checked_too() -> None:
    """Validation runs on construction, not only when reading JSON."""
    with pytest.raises(ValidationError) as error:
        Policy(name="x", entitlement=EntitlementRules(area_per_person=D(50), excess_cap=D(0)),
               pricing=PricingRules(), default_group="其他",
               groups=(PriorityGroup("组", Criteria("all", (Term("bogus", "==", 1),))),))
    assert (error.value.code, error.value.params["path"]) == (
        "unknown_field", "groups[0].condition.all[0].field")
    with pytest.raises(ValidationError) as error:
        Policy(name="x", entitlement=EntitlementRules(area_per_person=D(50), excess_cap=D(10)),
               pricing=PricingRules(tiers=(Tier(D(0), D(10), price=D("-1")),)),
               default_group="其他")
    assert error.value.code == "negative_price"


def test_policy_from_json_reads_numbers_exactly() -> None:
    """JSON numbers such as 4000.5 are read as Decimal from their text, never via float."""
    text = json.dumps(rich(), ensure_ascii=False).replace('"4000.00"', "4000.5")
    policy = policy_from_json(text)
    assert policy.pricing.base_price == D("4000.5")
    with pytest.raises(ValidationError) as error:
        policy_from_json("{not json")
    assert error.value.code == "not_json"
    with pytest.raises(ValidationError) as error:
        policy_from_dict([])
    assert (error.value.code, error.value.params["path"]) == ("wrong_type", "")


@settings(max_examples=50, deadline=None)
@given(st.decimals(min_value=0, max_value=10**6, places=2),
       st.decimals(min_value=0, max_value=100, places=2))
def test_round_trip_of_any_amounts(price: Decimal, area: Decimal) -> None:
    """Any valid amounts survive dict → Policy → dict → Policy unchanged."""
    data = rich()
    data["pricing"]["base_price"] = str(price)
    data["entitlement"]["area_per_person"] = str(area)
    policy = policy_from_dict(data)
    assert policy_from_dict(json.loads(canonical_json(policy))) == policy


def _from_schema_0(data: dict[str, Any]) -> dict[str, Any]:
    """A made-up older form: the per-person area under "entitlement.per_person"."""
    entitlement = {**data["entitlement"]}
    entitlement["area_per_person"] = entitlement.pop("per_person")
    return {**data, "schema": "anju-policy/1", "entitlement": entitlement}


def test_older_schemas_are_upgraded_when_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stored document of an older schema reads as today's policy, through UPGRADES."""
    monkeypatch.setitem(UPGRADES, "anju-policy/0", _from_schema_0)
    old = rich()
    old["schema"] = "anju-policy/0"
    old["entitlement"]["per_person"] = old["entitlement"].pop("area_per_person")
    assert policy_from_dict(old) == policy_from_dict(rich())
    assert policy_sha256(policy_from_dict(old)) == RICH_SHA256


def test_unknown_schema_is_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """A newer app's document, or an upgrade loop, ends in unsupported_schema, never a hang."""
    for name in ("anju-policy/9", "anju-policy/0"):
        data = {**rich(), "schema": name}
        monkeypatch.setitem(UPGRADES, "anju-policy/0", lambda d: {**d, "schema": "anju-policy/0"})
        with pytest.raises(ValidationError) as refused:
            policy_from_dict(data)
        assert refused.value.code == "unsupported_schema"
        assert refused.value.params["value"] == name


#: RICH as schema 1 stored it (no reference date), and the hash printed with it then.
RICH_V1_SHA256 = "522c430e2f0b43a755add6e799ab3d277d75a0d1b36c4380a4d94c84ea7fcd9f"


def _without(value: Any, key: str) -> Any:
    """``value`` with ``key`` removed from every object in it (a schema 1 document had none)."""
    if isinstance(value, dict):
        return {k: _without(v, key) for k, v in value.items() if k != key}
    if isinstance(value, list):
        return [_without(v, key) for v in value]
    return value


def test_schema_1_documents_read_without_a_reference_date() -> None:
    """A policy frozen under schema 1 reads through UPGRADES, judged on the day as it was.

    Its stored text still hashes to what was printed in 2026 (522c…); today's
    canonical form of the upgraded policy spells more keys, so the hash is
    taken from the stored version (``sha256=``), never recomputed.
    """
    old = _without(rich_before_price_rules(), "members")
    old["schema"] = "anju-policy/1"
    for key in ("reference_date", *MODE_KEYS):
        del old[key]
    stored = json.dumps(old, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert hashlib.sha256(stored.encode()).hexdigest() == RICH_V1_SHA256
    policy = policy_from_json(stored)
    assert policy.reference_date is None
    assert policy == dataclasses.replace(policy_from_dict(rich_before_price_rules()),
                                         reference_date=None, value_swap=None,
                                         money_compensation=None)
    assert policy_to_dict(policy)["schema"] == "anju-policy/2"
    assert policy_sha256(policy) != RICH_V1_SHA256


def test_reference_date_is_a_calendar_date() -> None:
    """"2026-11-01" reads as date(2026, 11, 1) and writes back as the same ISO text."""
    policy = policy_from_dict(rich())
    assert policy.reference_date == date(2026, 11, 1)
    assert policy_to_dict(policy)["reference_date"] == "2026-11-01"
