"""The blank policy a new project starts from: valid, lossless in JSON, and nothing of the demo."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from allocation.demo import DEMO_TODAY, demo_flats, demo_households, demo_policy
from allocation.errors import ValidationError
from allocation.rules import (
    blank_policy,
    canonical_json,
    compute_entitlement,
    policy_from_dict,
    policy_from_json,
    policy_sha256,
    policy_to_dict,
)
from allocation.rules.policy import validate_policy

NAME, GROUP = "Template rules", "Everyone"


def _leaves(value: Any, path: str = "") -> list[tuple[str, Any]]:
    """Every scalar of a policy's JSON form, with its key path."""
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, f"{path}.{key}")]
    if isinstance(value, list):
        return [leaf for i, item in enumerate(value) for leaf in _leaves(item, f"{path}[{i}]")]
    return [(path, value)]


def _is_decimal(value: Any) -> bool:
    try:
        Decimal(value)
    except (TypeError, ArithmeticError, ValueError):
        return False
    return isinstance(value, str)


BLANK = blank_policy(NAME, default_group=GROUP)


def test_the_blank_is_valid_and_holds_the_names_given():
    assert validate_policy(BLANK) == []
    assert (BLANK.name, BLANK.default_group, BLANK.version_note) == (NAME, GROUP, "")


@pytest.mark.parametrize(("name", "group", "path"), [("  ", GROUP, "name"),
                                                      (NAME, "", "default_group")])
def test_the_names_cannot_be_left_blank(name, group, path):
    with pytest.raises(ValidationError) as refused:
        blank_policy(name, default_group=group)
    assert (refused.value.code, refused.value.params["path"]) == ("empty_name", path)


def test_the_blank_round_trips_through_its_json_form():
    """Dict and canonical JSON read back to an equal policy with the same hash."""
    assert policy_from_dict(policy_to_dict(BLANK)) == BLANK
    again = policy_from_json(canonical_json(BLANK))
    assert again == BLANK and policy_sha256(again) == policy_sha256(BLANK)


def test_every_number_is_zero_and_every_list_empty():
    data = policy_to_dict(BLANK)
    numbers = {path: value for path, value in _leaves(data) if _is_decimal(value)}
    assert numbers == {".entitlement.area_per_person": "0.00",
                       ".entitlement.excess_cap": "0.00",
                       ".entitlement.minimum_area": "0.00"}
    assert (BLANK.groups, BLANK.compensation, BLANK.transition) == ((), (), None)
    assert (BLANK.pricing.tiers, BLANK.entitlement.extras) == ((), ())
    assert BLANK.pricing.base_price is None  # each flat's own price: no number made up


def test_nothing_of_the_demo_is_in_the_blank():
    """No name, group, item or non-zero number of the demo policy appears in the blank."""
    demo = _leaves(policy_to_dict(demo_policy()))
    words = {v for p, v in demo if isinstance(v, str) and p.endswith(
        ("name", "version_note", "default_group"))}
    numbers = {Decimal(v) for _, v in demo if _is_decimal(v) and Decimal(v) != 0}
    assert words and numbers  # the comparison has something to compare
    text = canonical_json(BLANK)
    assert [w for w in words if w in text] == []
    blank = _leaves(policy_to_dict(BLANK))
    assert [v for _, v in blank if _is_decimal(v) and Decimal(v) in numbers] == []
    assert BLANK.entitlement.combine != demo_policy().entitlement.combine


def test_under_the_blank_nobody_is_entitled_and_no_flat_fits():
    """What the preview shows before the office writes its rules: 0 m², nothing to take."""
    flats = demo_flats()
    for household in demo_households()[:20]:
        entitlement = compute_entitlement(household, BLANK, DEMO_TODAY)
        assert entitlement.area == entitlement.max_area == 0
        assert not any(entitlement.band.contains(flat.area) for flat in flats)
