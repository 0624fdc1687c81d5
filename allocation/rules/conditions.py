"""The condition language in which every rule of a policy is written: facts, terms, checks.

A condition is data, never code: ``{"all": [...]}`` or ``{"any": [...]}``,
each item a term ``{"field": NAME, "op": OP, "value": V}`` or a nested
condition. ``{"all": []}`` holds for everyone, ``{"any": []}`` for no one.
A term on a missing fact (``signed_on`` of an unsigned household, the age of
the oldest member of a household without recognised members) is false,
whatever the operator.

Facts are computed from a Household and a date ``on`` (ages in full years):
:data:`HOUSEHOLD_FIELDS` and :data:`MEMBER_FIELDS` list each field with its
kind and meaning. Person facts of a household (ages, conditions, counts of
new or disabled members: :data:`PERSON_FIELDS`) are over the members the
rule counts (:data:`Members`): recognised members (认定人口), the default,
or every registered member (家庭成员) — each group, extra, compensation item
and the transition allowance says which in its ``members`` key, and the
rules text and the trace say it too.

The date is the policy's reference date (计算基准日) when it names one —
:func:`judged_on` is the one place that says so, and every rule that takes
a policy and a day goes through it.

Operators by kind: int and decimal ``>= > <= < == !=`` (int also ``in``,
with a list); date the same plus ``before`` (<) and ``after`` (>); text
``== != in``; bool ``== !=``; set ``has`` (value: one condition name of
:class:`allocation.model.Condition`, e.g. ``"disability"``).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Final, Literal, NamedTuple, Protocol

from allocation.money import QUANTITY_LIMIT, decimal_places
from allocation.registry import Condition, Household, Member, age_on
from allocation.trace import PolicyProblem

# ---------------------------------------------------------------------------
# The language: fields, operators, terms
# ---------------------------------------------------------------------------

FieldKind = Literal["int", "decimal", "date", "text", "bool", "set"]

HOUSEHOLD_FIELDS: Final[dict[str, FieldKind]] = {
    "member_count": "int",  # registered members, recognised or not
    "recognised_count": "int",  # recognised members (认定人口)
    # Person facts, over the members the rule counts (recognised by default):
    "max_member_age": "int",  # age of the oldest member
    "min_member_age": "int",  # age of the youngest member
    "new_member_count": "int",  # members flagged 新增人口
    "disabled_count": "int",  # members with a disability
    "severest_disability_grade": "int",  # smallest grade (1 = most severe), if any
    "conditions": "set",  # condition names of the members
    "has_disability": "bool",  # a member has a disability
    "low_income": "bool",  # a member has 低保
    "signed": "bool",  # the household has a signing date
    "signed_on": "date",  # signing date
    "signing_seq": "int",  # signing order number (签约顺序号)
    "legal_area": "decimal",  # original legal floor area, m²
    "code": "text",  # household code (户号)
    "status": "text",  # registry status: registered, verified, signed…
    "old_home_use": "text",  # residential (住宅) or non_residential (非住宅)
    "in_transition_housing": "bool",  # waits in transition housing (周转用房过渡)
}

#: The household facts that are about people, and so depend on who counts (:data:`Members`).
PERSON_FIELDS: Final = frozenset({
    "max_member_age", "min_member_age", "new_member_count", "disabled_count",
    "severest_disability_grade", "conditions", "has_disability", "low_income",
})

#: Whom a rule counts: recognised members (认定人口) or every registered member (家庭成员).
Members = Literal["recognised", "registered"]
RECOGNISED: Final = "recognised"

MEMBER_FIELDS: Final[dict[str, FieldKind]] = {
    "age": "int",
    "relation": "text",  # 户主, 配偶, 子, 儿媳…
    "is_head": "bool",
    "new_member": "bool",  # flagged 新增人口
    "has_disability": "bool",
    "conditions": "set",
    "disability_grade": "int",  # 1 (most severe) to 4
}

FIELDS: Final = {"household": HOUSEHOLD_FIELDS, "member": MEMBER_FIELDS}

_ORDER: Final = frozenset({">=", ">", "<=", "<", "==", "!="})
OPERATORS_BY_KIND: Final[dict[str, frozenset[str]]] = {
    "int": _ORDER | {"in"},
    "decimal": _ORDER,
    "date": _ORDER | {"before", "after"},
    "text": frozenset({"==", "!=", "in"}),
    "bool": frozenset({"==", "!="}),
    "set": frozenset({"has"}),
}
OPERATORS: Final = frozenset().union(*OPERATORS_BY_KIND.values())

_COMPARE: Final[dict[str, Callable[[Any, Any], bool]]] = {
    ">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt,
    "==": operator.eq, "!=": operator.ne, "before": operator.lt, "after": operator.gt,
    "in": lambda fact, values: fact in values, "has": lambda fact, name: name in fact,
}

CONDITION_NAMES: Final = frozenset(c.value for c in Condition)


@dataclass(frozen=True, slots=True)
class Term:
    """``field op value``; ``value`` is an int, Decimal, date, str, bool or a tuple (for ``in``)."""

    field: str
    op: str
    value: Any


@dataclass(frozen=True, slots=True)
class Criteria:
    """All or any of its items (terms or nested criteria); not "Condition", which model.py has."""

    mode: Literal["all", "any"] = "all"
    items: tuple[Term | Criteria, ...] = ()


ALWAYS: Final = Criteria()
#: A condition over household facts / over the facts of one member.
HouseholdCriteria = Annotated[Criteria, "household"]
MemberCriteria = Annotated[Criteria, "member"]


class Dated(Protocol):
    """A policy that may name its reference date (:class:`allocation.rules.policy.Policy`)."""

    @property
    def reference_date(self) -> date | None: ...


def judged_on(policy: Dated, on: date) -> date:
    """The day on which ``policy``'s ages, durations and dates are judged.

    The policy's reference date (计算基准日) when it names one: then a paper
    printed today, a reprint next year and the pool published last month
    all count a household's ages alike. ``on`` (the day of the calculation)
    only for a policy that names none — schema 1 policies, which were always
    judged so; a policy without one cannot be frozen.
    """
    return policy.reference_date if policy.reference_date is not None else on


class TermResult(NamedTuple):
    """How one term came out for one household or member (for traces)."""

    field: str
    op: str
    value: Any
    fact: Any
    holds: bool


def counted_members(household: Household, members: Members = RECOGNISED) -> list[Member]:
    """The members a rule counts: the recognised ones, or every registered member."""
    return list(household.members) if members == "registered" else [
        m for m in household.members if m.recognised]


def household_facts(household: Household, on: date,
                    members: Members = RECOGNISED) -> dict[str, Any]:
    """The facts of :data:`HOUSEHOLD_FIELDS` for ``household`` on the date ``on``; the person
    facts over ``members``."""
    people = counted_members(household, members)
    ages = [age_on(m.id_number, on) for m in people]
    names = frozenset(c.value for m in people for c in m.conditions)
    grades = [m.disability_grade for m in people if m.disability_grade is not None]
    return {
        "member_count": len(household.members),
        "recognised_count": len(people),
        "max_member_age": max(ages, default=None),
        "min_member_age": min(ages, default=None),
        "new_member_count": sum(m.new_member for m in people),
        "disabled_count": sum(Condition.DISABILITY in m.conditions for m in people),
        "severest_disability_grade": min(grades, default=None),
        "conditions": names,
        "has_disability": Condition.DISABILITY.value in names,
        "low_income": Condition.LOW_INCOME.value in names,
        "signed": household.signed_on is not None,
        "signed_on": household.signed_on,
        "signing_seq": household.signing_seq,
        "legal_area": household.legal_area,
        "code": household.code,
        "status": household.status.value,
        "old_home_use": household.old_home_use.value,
        "in_transition_housing": household.in_transition_housing,
    }


def member_facts(member: Member, on: date) -> dict[str, Any]:
    """The facts of :data:`MEMBER_FIELDS` for one member on the date ``on``."""
    return {
        "age": age_on(member.id_number, on),
        "relation": member.relation,
        "is_head": member.is_head,
        "new_member": member.new_member,
        "has_disability": Condition.DISABILITY in member.conditions,
        "conditions": frozenset(c.value for c in member.conditions),
        "disability_grade": member.disability_grade,
    }


def evaluate(criteria: Criteria, facts: dict[str, Any]) -> tuple[bool, tuple[TermResult, ...]]:
    """Whether ``criteria`` holds for ``facts``, with every term's outcome.

    Every term is evaluated (no short cut), so a trace shows each one. The
    criteria must have passed validation (known fields and operators).
    """
    outcomes: list[bool] = []
    results: list[TermResult] = []
    for item in criteria.items:
        if isinstance(item, Term):
            fact = facts[item.field]
            holds = fact is not None and bool(_COMPARE[item.op](fact, item.value))
            results.append(TermResult(item.field, item.op, item.value, fact, holds))
            outcomes.append(holds)
        else:
            holds, inner = evaluate(item, facts)
            results.extend(inner)
            outcomes.append(holds)
    return (all(outcomes) if criteria.mode == "all" else any(outcomes)), tuple(results)


def holds(criteria: Criteria, facts: dict[str, Any]) -> bool:
    """Whether ``criteria`` holds for ``facts``."""
    return evaluate(criteria, facts)[0]


def matching_members(
    household: Household, criteria: Criteria | None, on: date, members: Members = RECOGNISED
) -> list[Member]:
    """The counted members (see :func:`counted_members`) for whom ``criteria`` holds (all of
    them for ``None``)."""
    people = counted_members(household, members)
    if criteria is None:
        return people
    return [m for m in people if holds(criteria, member_facts(m, on))]


def reads_members(criteria: Criteria | None) -> bool:
    """Whether a household condition uses a person fact (so who counts changes its outcome)."""
    if criteria is None:
        return False
    return any(reads_members(item) if isinstance(item, Criteria) else item.field in PERSON_FIELDS
               for item in criteria.items)


# ---------------------------------------------------------------------------
# Checking conditions
# ---------------------------------------------------------------------------


def check_criteria(criteria: Any, scope: str, path: str) -> list[PolicyProblem]:
    """Every problem of a condition over ``scope`` facts (``household`` or ``member``)."""
    if not isinstance(criteria, Criteria):
        return [PolicyProblem(path, "wrong_type", {"expected": "condition"})]
    if criteria.mode not in ("all", "any"):
        return [PolicyProblem(path, "bad_condition", {"mode": criteria.mode})]
    if not isinstance(criteria.items, tuple):
        return [PolicyProblem(f"{path}.{criteria.mode}", "wrong_type", {"expected": "list"})]
    problems: list[PolicyProblem] = []
    for index, item in enumerate(criteria.items):
        item_path = f"{path}.{criteria.mode}[{index}]"
        if isinstance(item, Criteria):
            problems += check_criteria(item, scope, item_path)
        elif isinstance(item, Term):
            problems += _check_term(item, scope, item_path)
        else:
            problems.append(PolicyProblem(item_path, "wrong_type", {"expected": "term"}))
    return problems


def _check_term(term: Term, scope: str, path: str) -> list[PolicyProblem]:
    kind = FIELDS[scope].get(term.field) if isinstance(term.field, str) else None
    if kind is None:
        params = {"field": term.field, "scope": scope}
        return [PolicyProblem(f"{path}.field", "unknown_field", params)]
    if not isinstance(term.op, str) or term.op not in OPERATORS:
        return [PolicyProblem(f"{path}.op", "unknown_operator", {"op": term.op})]
    if term.op not in OPERATORS_BY_KIND[kind]:
        params = {"op": term.op, "field": term.field}
        return [PolicyProblem(f"{path}.op", "operator_not_for_field", params)]
    if term.op == "has":
        if isinstance(term.value, str) and term.value in CONDITION_NAMES:
            return []
        return [PolicyProblem(f"{path}.value", "unknown_condition_name", {"value": term.value})]
    if not _value_fits(term.value, kind, term.op):
        expected = f"list of {kind}" if term.op == "in" else kind
        params = {"field": term.field, "expected": expected}
        return [PolicyProblem(f"{path}.value", "bad_value", params)]
    return []


def _value_fits(value: Any, kind: str, op: str) -> bool:
    if op == "in":
        return isinstance(value, tuple) and bool(value) and all(_fits(v, kind) for v in value)
    return _fits(value, kind)


def _fits(value: Any, kind: str) -> bool:
    if kind == "decimal":  # m², as legal_area: 2 places, like every area
        return (isinstance(value, Decimal) and value.is_finite()
                and abs(value) < QUANTITY_LIMIT and decimal_places(value) <= 2)
    if kind == "text":
        return isinstance(value, str)
    # type(), not isinstance(): True is an int, and a datetime is a date.
    return type(value) is {"int": int, "date": date, "bool": bool}.get(kind)
