"""Fuzzing the policy loader: any JSON, any edit of a valid policy — a Policy or a coded refusal.

A policy file comes from an office's computer, a colleague's e-mail, an
editor that saved half a file. Whatever it holds, reading it either builds a
valid Policy (which then round-trips through its canonical JSON) or raises
ValidationError with a code and a key path — never a TypeError, KeyError,
RecursionError or any other traceback.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from allocation.demo.policy import demo_policy
from allocation.errors import ValidationError
from allocation.rules.policy import (
    canonical_json,
    policy_from_dict,
    policy_from_json,
    policy_to_dict,
)

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**30), 10**30), st.text(max_size=12),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["all", "any", "max", "lottery", "person", "-1", "1e9", "NaN", "Infinity",
                     "50.001", "0", "age", "max_member_age", ">=", "has", "2026-13-01"]),
)
JSON = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.text(max_size=8) | st.sampled_from(["all", "any", "field", "op", "value",
                                                           "start", "end", "price", "name"]),
                    inner, max_size=4)), max_leaves=20)

#: The demo policy with both compensation mode sections, so that edits reach their keys too.
VALID = {**policy_to_dict(demo_policy()),
         "value_swap": {"subsidies": [{"name": "产权调换补助", "percent": "5"}],
                        "items": ["重病补助"], "transition": True, "last_flat_min_share": "0.5",
                        "alone_layouts": ["1室1厅1卫"], "non_residential_layouts": ["商铺"]},
         "money_compensation": {"subsidies": [{"name": "货币补偿奖励", "percent": "10"}],
                                "items": ["低保补助"], "transition": False}}


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path of a JSON document (objects and lists), the root excluded."""
    found: list[tuple[Any, ...]] = []
    children = node.items() if isinstance(node, dict) else enumerate(node) \
        if isinstance(node, list) else ()
    for key, child in children:
        found.append((*path, key))
        found += _paths(child, (*path, key))
    return found


PATHS = _paths(VALID)


def _edit(document: dict[str, Any], path: tuple[Any, ...], action: str, value: Any) -> None:
    parent: Any = document
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if action == "replace":
        parent[last] = value
    elif action == "delete":
        del parent[last]
    elif isinstance(parent, dict):
        parent[f"extra_{last}"] = value  # an unknown key beside a known one
    else:
        parent.append(value)


def _read(document: Any) -> None:
    try:
        policy = policy_from_dict(document)
    except ValidationError as refused:
        assert refused.code and isinstance(refused.code, str)
        assert "path" in refused.params
        return
    again = policy_from_json(canonical_json(policy))
    assert again == policy


EDITS = st.lists(st.tuples(st.sampled_from(PATHS), st.sampled_from(["replace", "delete", "add"]),
                           JSON), min_size=1, max_size=3)


@settings(max_examples=300, deadline=None)
@given(EDITS)
def test_any_edit_of_a_valid_policy(edits: list[tuple[tuple[Any, ...], str, Any]]) -> None:
    document = copy.deepcopy(VALID)
    for path, action, value in edits:
        try:
            _edit(document, path, action, value)
        except (KeyError, IndexError, TypeError, AttributeError):
            continue  # an earlier edit removed or replaced this path's parent
    _read(document)


@settings(max_examples=200, deadline=None)
@given(JSON)
def test_any_json_value(value: Any) -> None:
    _read(value)
    _read({"schema": "anju-policy/1", **value} if isinstance(value, dict) else value)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200) | st.just(json.dumps(VALID, ensure_ascii=False)).flatmap(
    lambda text: st.integers(0, len(text)).map(lambda cut: text[:cut])))
def test_any_text_including_a_file_cut_short(text: str) -> None:
    try:
        policy_from_json(text)
    except ValidationError as refused:
        assert refused.code
