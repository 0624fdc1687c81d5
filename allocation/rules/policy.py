"""The resettlement policy (分房方案): one frozen value, checked when built, in JSON, hashed.

A :class:`Policy` cannot exist with a broken rule: construction runs
:func:`validate_policy` and raises ``ValidationError(code, path=...,
problems=(...), **params)`` naming the first problem (``path`` is its JSON
key path, e.g. ``pricing.tiers[1].start``) and listing them all.

JSON form (schema ``anju-policy/2``). Decimals are strings (``"4000.00"``;
integers and exact JSON numbers are read too, Python floats never); m² and
yuan have at most 2 decimal places, factors at most 4. Keys marked ``?`` may
be left out (the default follows ``=``); any other key is refused with its
path::

    {
      "schema": "anju-policy/2",
      "name": text, "version_note"?: text = "",
      "reference_date"?: "YYYY-MM-DD" | null = null,
      "entitlement": {
        "area_per_person": m², "excess_cap": m²,
        "person_categories"?: [{"name", "area": m², "member_condition": COND}],
        "legal_area_ratio"?: factor | null = null,
        "combine"?: "max" | "sum" | "people" | "legal" = "people",
        "minimum_area"?: m² = "0.00",
        "minimum_condition"?: COND = {"all": []} (the households the minimum is for),
        "extras"?: [{"name", "area": m², "per"?: "household" | "person",
                     "condition"?: COND, "member_condition"?: COND | null, "members"?: WHO}],
        "maximum_area"?: m² | null = null (null: no ceiling),
        "max_flats"?: int | null = null (null: any number of flats),
        "several_flats_from"?: m² | null = null (null: every household may take max_flats;
                                                 else only from this entitlement, others 1)
      },
      "band"?: {"below"?: m² | null, "above"?: m² | null},
      "pricing": {
        "base_price"?: yuan/m² | null (null: each flat's own base price),
        "tiers"?: [{"start": m², "end": m², "price"?: yuan/m², "factor"?: factor,
                    "end_share_of_legal"?: factor | null = null}],
        "beyond_cap_price"?: yuan/m² | null (null: refused),
        "refund_price"?: yuan/m² | null (null: no refund),
        "floor_coefficients"?: [{"first_floor": int, "last_floor": int, "factor": factor}],
        "floor_increments"?: [{"first_floor": int, "last_floor": int,
                               "amount": yuan/m², may be negative}],
        "orientation_coefficients"?: [{"orientation": text, "factor": factor}],
        "area_basis"?: "building" | "inner" = "building",
        "shared_area_share"?: factor | null = null (inner basis: 公摊 share of a flat
                                                   without inner area),
        "single_flat_bonus"?: yuan | null = null (null: no bonus),
        "round_up"?: {"max_area": m², "price"?: yuan/m², "factor"?: factor} | null = null
      },
      "compensation"?: [{"name", "amount": yuan,
                         "per"?: "household" | "person" | "certificate" | "legal_area",
                         "condition"?: COND, "member_condition"?: COND | null,
                         "members"?: WHO, "moves"?: bool = false (paid per move, 搬迁费),
                         "own_transition_moves"?: 1 | 2 = 2 (moves of 自行过渡)}],
      "transition"?: {"per_person_month": yuan, "months": int, "minimum_month"?: yuan,
                      "members"?: WHO,
                      "in_housing"?: factor = "0" (share paid in 周转用房, at most 1)} | null,
      "groups"?: [{"name", "condition": COND,
                   "flat_restriction"?: {"floor_min"?: int | null, "floor_max"?: int | null,
                                         "buildings"?: [text], "layouts"?: [text]} | null,
                   "order_within"?: "lottery" | "signing_seq" | "signed_on" | "oldest_first",
                   "members"?: WHO}],
      "default_group": text,
      "value_swap"?: {"subsidies"?: [SUBSIDY], "items"?: [text], "transition"?: bool = false,
                      "last_flat_min_share"?: factor | null = null,
                      "alone_layouts"?: [text], "non_residential_layouts"?: [text]} | null = null,
      "money_compensation"?: {"subsidies"?: [SUBSIDY], "items"?: [text],
                              "transition"?: bool = false} | null = null,
      "business_loss"?: {"percent"?: factor (of the assessed value) |
                         "per_area_month"?: yuan/m² of legal area, "months"?: int}
                        | null = null (停产停业损失 of a non-residential old home),
      "session"?: {"absent"?: "end_of_batch" | "next_batch" | "final_round"
                   = "end_of_batch"} | null = null (where a household absent after its
                   calls is called again: allocation.rules.absence)
    }

    COND = {"all" | "any": [{"field": name, "op": op, "value": v} | COND, ...]}
    WHO = "recognised" | "registered" = "recognised"   (whom the rule counts: 认定人口 or
          every registered member, 家庭成员; see :mod:`allocation.rules.conditions`)
    SUBSIDY = {"name": text, "percent": factor}   (percent of the assessed value)

Fields and operators are listed in :mod:`allocation.conditions`, sort keys
in :mod:`allocation.priority`; each section's meaning in
:mod:`allocation.entitlement`, :mod:`allocation.pricing` and
:mod:`allocation.compensation`.

The compensation modes (补偿方式, Decree 590 Art. 21): area mode (产权调换 by
area: the entitlement, prices and items above) is always offered; a
``value_swap`` section offers value swap (价值互换) and a
``money_compensation`` section money compensation (货币补偿); a section
left out (null) does not offer its mode. Both start from each household's assessed value, add their
``subsidies`` (percentages of it), the compensation ``items`` they name and,
with ``transition``, the transition allowance; see
:mod:`allocation.rules.assessed_value`, :mod:`allocation.rules.value_swap`
(the flats' value, the share rule and the layouts) and
:mod:`allocation.rules.money_compensation`.

The reference date (计算基准日) is the day on which every age, duration and
date condition is judged — for the pool, the desk, every notice and every
reprint alike, so that nothing depends on the day a paper is printed (see
:func:`allocation.rules.conditions.judged_on`). A policy must name it to be
frozen (``db.rules``); schema 1 had none, and its policies are judged on the
day of each calculation, as they always were.

Schema 2 also gained, later and optional, the area and price rules seen in
published policies: a ceiling on the entitlement (``maximum_area``), a
minimum for some households only (``minimum_condition``), a number of
flats (``max_flats``), tier ends as a share of the legal area, floor
increments in yuan/m² and orientation coefficients. Their defaults are
the rules as they were before (no ceiling, a minimum for everyone, …), so
a document without them reads as the same policy; its canonical JSON now
spells them, so a policy hashed before them hashes anew — which is why
the hash printed with a frozen version is the one stored with it.

Schema versions (``anju-policy/1`` → ``/2`` added ``reference_date`` and
``members``): a
frozen policy's stored document is never rewritten — its hash is on paper.
When this form changes, the schema name's number goes up
and :data:`UPGRADES` gains a function from the old form to the next, which
:func:`policy_from_dict` applies in turn; the stored text (and its hash)
remains what it was, and whoever checks the hash checks that text.

The canonical JSON (:func:`canonical_json`) is this form with every key
present (but see below), sorted keys, no spaces, UTF-8 text
(``ensure_ascii=False``), decimals as fixed strings; its SHA-256
(:func:`policy_sha256`) identifies the policy on every notice and draw
record. Equal policies hash alike
whatever the key order or decimal spelling (``"50"``, ``"50.00"``) they were
read from.

``value_swap`` and ``money_compensation`` are left out of the canonical JSON
(and of :func:`policy_to_dict`) while null: they came after policies were
frozen under this schema, whose hashes are on paper, and a policy that
offers neither mode keeps its hash; a policy that offers one spells its
whole section. Absent and null are one value, and hash alike. So the
schema name stays ``anju-policy/2``: every document read before reads and
hashes as it did, and an older app refuses a document with a mode section
(``unknown_key``) rather than settle it by area.

The pricing keys ``area_basis``, ``shared_area_share``, ``single_flat_bonus``
and ``round_up`` came later still, for the same reason are left out of the
canonical JSON while at their defaults ("building", null, null, null), and
an older app refuses a document that sets one rather than price it otherwise.
The entitlement key ``several_flats_from`` (only large entitlements take more
than one flat) came later again and is left out likewise while null.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Final, Literal, Union, get_args, get_origin, get_type_hints

from allocation.errors import ValidationError
from allocation.money import Quantity, parse_decimal
from allocation.rules.absence import SessionRules
from allocation.rules.assessed_value import Subsidy
from allocation.rules.business_loss import BusinessLoss, check_business_loss
from allocation.rules.compensation import CompensationItem, TransitionAllowance, check_compensation
from allocation.rules.conditions import ALWAYS, FIELDS, Criteria, Term, check_criteria
from allocation.rules.entitlement import (
    AreaExtra,
    EntitlementRules,
    PersonCategory,
    SelectionBand,
    check_band,
    check_entitlement,
)
from allocation.rules.money_compensation import MoneyCompensationRules, check_money_compensation
from allocation.rules.pricing import (
    LEFT_OUT_WHEN_DEFAULT,
    FloorCoefficient,
    FloorIncrement,
    OrientationCoefficient,
    PricingRules,
    RoundUp,
    Tier,
    check_pricing,
)
from allocation.rules.priority import FlatRestriction, PriorityGroup, check_groups
from allocation.rules.value_swap import ValueSwapRules, check_value_swap
from allocation.trace import PolicyProblem, TraceStep, check_name

__all__ = [
    "ALWAYS", "SCHEMA", "AreaExtra", "CompensationItem", "Criteria", "EntitlementRules",
    "FlatRestriction", "FloorCoefficient", "FloorIncrement", "MoneyCompensationRules",
    "OrientationCoefficient", "PersonCategory", "Policy", "PolicyProblem", "PricingRules",
    "PriorityGroup", "RoundUp", "SelectionBand", "Subsidy", "Term", "Tier", "TraceStep",
    "TransitionAllowance", "ValueSwapRules", "canonical_json", "policy_from_dict",
    "policy_from_json", "policy_sha256", "policy_to_dict", "validate_policy",
]  # fmt: skip

SCHEMA: Final = "anju-policy/2"
#: Field metadata of keys added to schema 2 after policies were frozen under it: the
#: canonical form leaves them out while null, so that those policies keep their hashes.
LEFT_OUT_WHEN_NULL: Final = {"canonical": "left_out_when_null"}
_AREA: Final = Quantity("area", 2, "negative_area")


def _from_schema_1(data: dict[str, Any]) -> dict[str, Any]:
    # Schema 1 named no reference date: its absence (None) keeps judging on the day.
    return {**data, "schema": "anju-policy/2"}


# Older schema name → function giving the next schema's dict (which names its schema).
UPGRADES: Final[dict[str, Callable[[dict[str, Any]], dict[str, Any]]]] = {
    "anju-policy/1": _from_schema_1,
}


@dataclass(frozen=True, slots=True)
class Policy:
    """A complete policy. Built only valid: see :func:`validate_policy`.

    Raises:
        ValidationError: the first problem's code, with ``path``, its params
            and ``problems`` (every :class:`PolicyProblem` found).
    """

    name: str
    entitlement: EntitlementRules
    pricing: PricingRules
    default_group: str
    version_note: str = ""
    reference_date: date | None = None
    band: SelectionBand = SelectionBand()
    compensation: tuple[CompensationItem, ...] = ()
    transition: TransitionAllowance | None = None
    groups: tuple[PriorityGroup, ...] = ()
    # The compensation modes a household may choose besides area mode (see the module text).
    value_swap: ValueSwapRules | None = field(default=None, metadata=LEFT_OUT_WHEN_NULL)
    money_compensation: MoneyCompensationRules | None = field(
        default=None, metadata=LEFT_OUT_WHEN_NULL)
    # 停产停业损失 of a non-residential old home (allocation.rules.business_loss).
    business_loss: BusinessLoss | None = field(default=None, metadata=LEFT_OUT_WHEN_NULL)
    # The session day's rules (allocation.rules.absence); null keeps the rule there was.
    session: SessionRules | None = field(default=None, metadata=LEFT_OUT_WHEN_NULL)

    def __post_init__(self) -> None:
        problems = validate_policy(self)
        if problems:
            first = problems[0]
            raise ValidationError(
                first.code, path=first.path, problems=tuple(problems), **first.params
            )


def validate_policy(policy: Policy) -> list[PolicyProblem]:
    """Every problem of ``policy``, each with its JSON key path.

    Steps:
        1. types: every field has its declared type; decimals are finite,
           not below zero (``negative_price``, ``negative_cap``…) and not
           finer than allowed; conditions use known fields, operators and
           values of the right kind;
        2. if step 1 found anything, stop there: the later rules compare values;
        3. section rules: names present and unique, a ratio for the
           combine mode, tiers contiguous from 0 to the cap, floor ranges
           disjoint, coefficients above zero, a maximum area not below the
           minimum, conditions where they count, known sort keys; a mode's
           items naming compensation items, its share at most 1;
        4. across sections: the selection band within the cap.
    """
    problems = _check_value(policy, Policy, "")
    if problems:
        return problems
    cap = policy.entitlement.excess_cap
    problems = check_name(policy.name, "name", set())
    problems += check_entitlement(policy.entitlement, "entitlement")
    problems += check_band(policy.band, cap, policy.pricing.beyond_cap_price is not None)
    problems += check_pricing(policy.pricing, cap, "pricing")
    problems += check_compensation(policy.compensation, policy.transition)
    problems += check_business_loss(policy.business_loss)
    problems += check_groups(policy.groups, policy.default_group)
    problems += check_modes(policy)
    return problems


def check_modes(policy: Policy) -> list[PolicyProblem]:
    """The value swap and money compensation sections against the policy's items and allowance."""
    items, allowance = policy.compensation, policy.transition
    return (check_value_swap(policy.value_swap, items, allowance)
            + check_money_compensation(policy.money_compensation, items, allowance))


# ---------------------------------------------------------------------------
# Walking fields by their declared types
# ---------------------------------------------------------------------------


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls, include_extras=True)


def _unwrap(hint: Any) -> tuple[Any, Any]:
    """(type, metadata) of ``Annotated[type, metadata]``, (hint, None) otherwise; X | None → X."""
    if get_origin(hint) in (Union, types.UnionType):
        hint = next(arg for arg in get_args(hint) if arg is not type(None))
    if get_origin(hint) is Annotated:
        base, meta = get_args(hint)[:2]
        return base, meta
    return hint, None


def _optional(hint: Any) -> bool:
    return get_origin(hint) in (Union, types.UnionType) and type(None) in get_args(hint)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _check_value(value: Any, hint: Any, path: str) -> list[PolicyProblem]:
    if value is None and _optional(hint):
        return []
    base, meta = _unwrap(hint)
    if isinstance(meta, Quantity):
        found = meta.problem(value)
        return [] if found is None else [PolicyProblem(path, found[0], found[1])]
    if base is Criteria:
        return check_criteria(value, meta, path)
    if get_origin(base) is Literal:
        allowed = get_args(base)
        if isinstance(value, str) and value in allowed:
            return []
        return [PolicyProblem(path, "not_one_of", {"value": value, "allowed": allowed})]
    if get_origin(base) is tuple:
        if not isinstance(value, tuple):
            return [PolicyProblem(path, "wrong_type", {"expected": "list"})]
        inner = get_args(base)[0]
        return [p for i, v in enumerate(value) for p in _check_value(v, inner, f"{path}[{i}]")]
    if isinstance(base, type) and dataclasses.is_dataclass(base):
        if not isinstance(value, base):
            return [PolicyProblem(path, "wrong_type", {"expected": "object"})]
        hints = _hints(base)
        return [
            problem
            for f in dataclasses.fields(base)
            for problem in _check_value(getattr(value, f.name), hints[f.name], _join(path, f.name))
        ]
    return _check_scalar(value, base, path)


def _check_scalar(value: Any, base: type, path: str) -> list[PolicyProblem]:
    names = {str: "text", int: "integer", bool: "boolean", date: "date"}
    # type() rather than isinstance(): True is an int, 1 is not a boolean, a datetime no date.
    ok = isinstance(value, str) if base is str else type(value) is base
    return [] if ok else [PolicyProblem(path, "wrong_type", {"expected": names[base]})]


# ---------------------------------------------------------------------------
# JSON form
# ---------------------------------------------------------------------------


def policy_from_json(text: str) -> Policy:
    """Read a policy file's text; JSON numbers with decimals are read exactly, as Decimal."""
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise ValidationError("not_json", line=error.lineno, column=error.colno) from None
    return policy_from_dict(data)


def policy_from_dict(data: Any) -> Policy:
    """The policy described by ``data`` (the JSON form, see the module docstring).

    Steps:
        1. the top level is an object whose ``schema`` is ``anju-policy/2``,
           or an older schema that :data:`UPGRADES` brings up to it;
        2. objects are read strictly: an unknown or a missing required key
           is refused at once, with its key path;
        3. decimals are read from decimal strings, integers and Decimals;
           anything else is left as it is for step 4 to report;
        4. the Policy is built, which checks every rule (see
           :func:`validate_policy`).

    Raises:
        ValidationError: ``wrong_type``, ``missing_key``, ``unknown_key``,
            ``unsupported_schema``, ``bad_condition``, and every code of
            :func:`validate_policy`; each with ``path``.
    """
    if not isinstance(data, dict):
        raise ValidationError("wrong_type", path="", expected="object")
    if "schema" not in data:
        raise ValidationError("missing_key", path="schema")
    seen: set[str] = set()
    while isinstance(data.get("schema"), str) and data["schema"] in UPGRADES \
            and data["schema"] not in seen:
        seen.add(data["schema"])
        data = UPGRADES[data["schema"]](data)
    if data.get("schema") != SCHEMA:
        raise ValidationError(
            "unsupported_schema", path="schema", value=data["schema"], supported=SCHEMA
        )
    body = {key: value for key, value in data.items() if key != "schema"}
    policy = _read_object(body, Policy, "")
    assert isinstance(policy, Policy)
    return policy


def _read(value: Any, hint: Any, path: str) -> Any:
    if value is None and _optional(hint):
        return None
    base, meta = _unwrap(hint)
    if isinstance(meta, Quantity):
        return parse_decimal(value)
    if base is Criteria:
        return _read_criteria(value, meta, path)
    if get_origin(base) is tuple and isinstance(value, list):
        inner = get_args(base)[0]
        return tuple(_read(v, inner, f"{path}[{i}]") for i, v in enumerate(value))
    if dataclasses.is_dataclass(base) and isinstance(value, dict):
        return _read_object(value, base, path)
    if base is date and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value  # reported as wrong_type, with its path
    # Scalars, and values of the wrong type: validation reports those with their path.
    return value


def _read_object(data: dict[str, Any], cls: Any, path: str) -> Any:
    known = {f.name: f for f in dataclasses.fields(cls)}
    for key in data:
        if key not in known:
            raise ValidationError("unknown_key", path=_join(path, str(key)), key=key)
    values: dict[str, Any] = {}
    for name, spec in known.items():
        if name in data:
            values[name] = _read(data[name], _hints(cls)[name], _join(path, name))
        elif spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
            raise ValidationError("missing_key", path=_join(path, name))
    return cls(**values)


def _read_criteria(value: Any, scope: str, path: str) -> Any:
    if not isinstance(value, dict):
        return value
    modes = [key for key in value if key in ("all", "any")]
    if len(modes) != 1:
        raise ValidationError("bad_condition", path=path, keys=sorted(map(str, value)))
    mode = modes[0]
    for key in value:
        if key != mode:
            raise ValidationError("unknown_key", path=f"{path}.{key}", key=key)
    items = value[mode]
    if not isinstance(items, list):
        return Criteria(mode, items)
    return Criteria(mode, tuple(
        _read_item(item, scope, f"{path}.{mode}[{index}]") for index, item in enumerate(items)
    ))


def _read_item(item: Any, scope: str, path: str) -> Any:
    if isinstance(item, dict) and ("all" in item or "any" in item):
        return _read_criteria(item, scope, path)
    if not isinstance(item, dict):
        return item
    for key in item:
        if key not in ("field", "op", "value"):
            raise ValidationError("unknown_key", path=f"{path}.{key}", key=key)
    for key in ("field", "op", "value"):
        if key not in item:
            raise ValidationError("missing_key", path=f"{path}.{key}")
    name, raw = item["field"], item["value"]
    kind = FIELDS[scope].get(name) if isinstance(name, str) else None
    if isinstance(raw, list):
        return Term(name, item["op"], tuple(_term_value(v, kind) for v in raw))
    return Term(name, item["op"], _term_value(raw, kind))


def _term_value(raw: Any, kind: str | None) -> Any:
    if kind == "decimal":
        return parse_decimal(raw)
    if kind == "date" and isinstance(raw, str):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            return raw
    return raw


def policy_to_dict(policy: Policy) -> dict[str, Any]:
    """The JSON form of ``policy``, every key present, decimals as fixed strings."""
    written = _write(policy, Policy)
    assert isinstance(written, dict)
    return {"schema": SCHEMA, **written}


def _write(value: Any, hint: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    base, meta = _unwrap(hint)
    if isinstance(meta, Quantity):
        return meta.text(value)
    if base is Criteria:
        return _write_criteria(value)
    if get_origin(base) is tuple:
        inner = get_args(base)[0]
        return [_write(item, inner) for item in value]
    if isinstance(base, type) and dataclasses.is_dataclass(base):
        hints = _hints(base)
        fields = [f for f in dataclasses.fields(base) if not _left_out(f, value)]
        return {f.name: _write(getattr(value, f.name), hints[f.name]) for f in fields}
    return value


def _left_out(spec: dataclasses.Field[Any], owner: Any) -> bool:
    if spec.metadata.get("canonical") == LEFT_OUT_WHEN_DEFAULT["canonical"]:
        return bool(getattr(owner, spec.name) == spec.default)
    left_out = spec.metadata.get("canonical") == LEFT_OUT_WHEN_NULL["canonical"]
    return left_out and getattr(owner, spec.name) is None


def _write_criteria(criteria: Criteria) -> dict[str, Any]:
    return {criteria.mode: [
        _write_criteria(item) if isinstance(item, Criteria)
        else {"field": item.field, "op": item.op, "value": _term_json(item.value)}
        for item in criteria.items
    ]}


def _term_json(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_term_json(v) for v in value]
    if isinstance(value, Decimal):
        return _AREA.text(value)  # the only decimal fact is legal_area, in m²
    if isinstance(value, date):
        return value.isoformat()
    return value


def canonical_json(policy: Policy) -> str:
    """Sorted keys, no spaces, UTF-8 text, decimals as strings: the text the hash covers."""
    return json.dumps(
        policy_to_dict(policy), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )


def policy_sha256(policy: Policy) -> str:
    """Hex SHA-256 of the UTF-8 canonical JSON: the policy's printed fingerprint."""
    return hashlib.sha256(canonical_json(policy).encode("utf-8")).hexdigest()
