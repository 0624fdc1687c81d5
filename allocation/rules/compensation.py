"""Compensation items (补偿补助) and the transition allowance (过渡安置费) a household receives.

An item is a sum paid when its household ``condition`` holds, counted

* ``household``: once (e.g. 低保 30,000 per household);
* ``person``: per counted member matching ``member_condition`` (all of
  them when it is unset), e.g. serious illness 50,000 per person;
* ``certificate``: per certificate held, e.g. disability 30,000 per
  certificate (残疾证). Each member holds at most one certificate for a
  condition, so this counts like ``person``; it is a kind of its own
  because the rules notice must say 每证, and ``member_condition`` is then
  required;
* ``legal_area``: per m² of original legal area, e.g. the value of the
  demolished home at an appraised average price (评估均价) per m².

An early-move or early-signing bonus (提前搬迁奖励) is an item whose
condition is on the signing date, e.g. ``signed_on before 2026-08-01``;
graded bonuses are several items with consecutive date ranges.

The transition allowance is ``per_person_month`` × counted members ×
``months``, with at least ``minimum_month`` per household and month.

Who counts (``members``, on each item and on the allowance): recognised
members (认定人口, the default) or every registered member (家庭成员); it
decides the person facts of the item's condition and the per-person count.

Amounts are Decimal yuan, rounded half up to the fen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal, Protocol

from allocation.money import Amount
from allocation.registry import Household, quantize_money
from allocation.rules.conditions import (
    ALWAYS,
    RECOGNISED,
    Dated,
    HouseholdCriteria,
    MemberCriteria,
    Members,
    counted_members,
    evaluate,
    household_facts,
    judged_on,
    matching_members,
)
from allocation.trace import PolicyProblem, TraceStep, check_name

ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class CompensationItem:
    """``amount`` per household, person, certificate or m² of legal area, if ``condition`` holds."""

    name: str
    amount: Amount
    per: Literal["household", "person", "certificate", "legal_area"] = "household"
    condition: HouseholdCriteria = ALWAYS
    member_condition: MemberCriteria | None = None
    members: Members = RECOGNISED


@dataclass(frozen=True, slots=True)
class TransitionAllowance:
    """``per_person_month`` × counted members × ``months``, at least ``minimum_month``/month."""

    per_person_month: Amount
    months: int
    minimum_month: Amount = ZERO
    members: Members = RECOGNISED


@dataclass(frozen=True, slots=True)
class CompensationLine:
    """One paid item: ``code`` is item | transition; ``count`` is m² for per-legal-area items."""

    code: str
    name: str
    count: int | Decimal
    unit_amount: Decimal
    amount: Decimal
    months: int | None = None


@dataclass(frozen=True, slots=True)
class CompensationResult:
    """What a household receives, line by line."""

    lines: tuple[CompensationLine, ...]
    total: Decimal
    trace: tuple[TraceStep, ...]


def check_compensation(
    items: tuple[CompensationItem, ...], transition: TransitionAllowance | None
) -> list[PolicyProblem]:
    """Names unique, member conditions where they count, months not negative."""
    problems: list[PolicyProblem] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        path = f"compensation[{index}]"
        problems += check_name(item.name, f"{path}.name", seen)
        if item.per in ("household", "legal_area") and item.member_condition is not None:
            problems.append(PolicyProblem(f"{path}.member_condition", "member_condition_unused"))
        if item.per == "certificate" and item.member_condition is None:
            problems.append(PolicyProblem(f"{path}.member_condition", "member_condition_required"))
    if transition is not None and transition.months < 0:
        params = {"value": transition.months}
        problems.append(PolicyProblem("transition.months", "negative_months", params))
    return problems


class CompensationPolicy(Dated, Protocol):
    """What compensation reads of a policy (:class:`allocation.rules.policy.Policy` is one)."""

    @property
    def compensation(self) -> tuple[CompensationItem, ...]: ...

    @property
    def transition(self) -> TransitionAllowance | None: ...


def compute_compensation(
    household: Household, policy: CompensationPolicy, on: date
) -> CompensationResult:
    """Every compensation item and the transition allowance of ``household``.

    Steps:
        1. compute the household's facts on the policy's day (:func:`judged_on`), over the
           members each item counts;
        2. for each item whose condition holds, count it (1 per household,
           or the matching recognised members) and multiply by its amount;
        3. the transition allowance, if the policy has one;
        4. total = the sum of the lines.

    Items that do not apply give a trace step but no line.
    """
    on = judged_on(policy, on)
    lines: list[CompensationLine] = []
    steps: list[TraceStep] = []
    for item in policy.compensation:
        line, step = _item(household, item, on)
        steps.append(step)
        if line is not None:
            lines.append(line)
    if policy.transition is not None:
        people = len(counted_members(household, policy.transition.members))
        line, step = _transition(policy.transition, people)
        lines.append(line)
        steps.append(step)
    total = sum((line.amount for line in lines), ZERO)
    steps.append(TraceStep("compensation.total", {"lines": len(lines)}, total))
    return CompensationResult(tuple(lines), total, tuple(steps))


def _item(
    household: Household, item: CompensationItem, on: date
) -> tuple[CompensationLine | None, TraceStep]:
    applies, terms = evaluate(item.condition, household_facts(household, on, item.members))
    count = _count(household, item, on) if applies else 0
    amount = quantize_money(item.amount * count)
    inputs = {"name": item.name, "per": item.per, "unit_amount": item.amount,
              "condition_holds": applies, "terms": terms, "count": count,
              "members": item.members}
    step = TraceStep("compensation.item", inputs, amount)
    if count == 0:
        return None, step
    return CompensationLine("item", item.name, count, quantize_money(item.amount), amount), step


def _count(household: Household, item: CompensationItem, on: date) -> int | Decimal:
    if item.per == "household":
        return 1
    if item.per == "legal_area":
        return household.legal_area
    return len(matching_members(household, item.member_condition, on, item.members))


def _transition(
    allowance: TransitionAllowance, people: int
) -> tuple[CompensationLine, TraceStep]:
    monthly = max(allowance.per_person_month * people, allowance.minimum_month)
    amount = quantize_money(monthly * allowance.months)
    unit = quantize_money(allowance.per_person_month)
    inputs = {"people": people, "per_person_month": unit, "months": allowance.months,
              "minimum_month": allowance.minimum_month, "monthly": quantize_money(monthly),
              "members": allowance.members}
    line = CompensationLine("transition", "", people, unit, amount, allowance.months)
    return line, TraceStep("compensation.transition", inputs, amount)
