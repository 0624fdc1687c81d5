"""The assessed value (评估价值) of the old home and what is counted with it.

Value swap (:mod:`allocation.rules.value_swap`) and money compensation
(:mod:`allocation.rules.money_compensation`) both start from the appraised
market value of the demolished home (``Household.assessed_value``, from the
appraisal report) and add, in this order:

* ``subsidies``: each a named percentage of the assessed value, e.g.
  产权调换补助 5 % or 货币补偿奖励 10 % (one line each, rounded half up to
  the fen). Percentages only add: Decree 590 Art. 19 forbids paying less than
  the market value, so there is no factor below 1 to write; 110 % of the
  value is the value plus a 10 % subsidy, with the subsidy named on the
  agreement;
* ``items``: the policy's compensation items (``compensation``) named here,
  each counted exactly as in area mode (e.g. 重病补助, 提前签约奖励). An item
  not named does not count: an item that pays the home's value by legal
  area (房屋价值补偿) would count the home twice beside its assessed value;
* ``transition``: whether the policy's transition allowance is paid too
  (a value swap household waits for its flat; a money household usually
  does not).

The lines are :class:`~allocation.rules.compensation.CompensationLine`s, so
agreements list them like area mode's items: code ``assessed_value``
(count 1, the assessed value), ``subsidy`` (count = the percentage, unit
amount = the assessed value), then ``item`` and ``transition``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol

from allocation.errors import ValidationError
from allocation.money import Factor
from allocation.registry import Household, quantize_money
from allocation.rules.business_loss import BusinessLoss
from allocation.rules.compensation import (
    CompensationItem,
    CompensationLine,
    CompensationPolicy,
    CompensationResult,
    TransitionAllowance,
    compute_compensation,
)
from allocation.trace import PolicyProblem, TraceStep, check_name

ZERO = Decimal("0.00")
HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Subsidy:
    """``percent`` % of the assessed value, paid under ``name`` (e.g. 产权调换补助, 5)."""

    name: str
    percent: Factor


class ValueBasis(Protocol):
    """What both value-based modes add to the assessed value (their shared keys)."""

    @property
    def subsidies(self) -> tuple[Subsidy, ...]: ...

    @property
    def items(self) -> tuple[str, ...]: ...

    @property
    def transition(self) -> bool: ...


def check_basis(
    basis: ValueBasis, compensation: tuple[CompensationItem, ...],
    transition: TransitionAllowance | None, path: str,
) -> list[PolicyProblem]:
    """Subsidy names present and unique; items naming the policy's items, once; the allowance."""
    problems: list[PolicyProblem] = []
    seen: set[str] = set()
    for index, subsidy in enumerate(basis.subsidies):
        problems += check_name(subsidy.name, f"{path}.subsidies[{index}].name", seen)
    known = {item.name for item in compensation}
    seen = set()
    for index, name in enumerate(basis.items):
        where = f"{path}.items[{index}]"
        if name not in known:
            params = {"name": name, "known": sorted(known)}
            problems.append(PolicyProblem(where, "unknown_compensation_item", params))
        else:
            problems += check_name(name, where, seen)
    if basis.transition and transition is None:
        problems.append(PolicyProblem(f"{path}.transition", "transition_not_in_policy"))
    return problems


def assessed_value(household: Household, mode: str) -> Decimal:
    """The household's assessed value to the fen; refused when missing or negative.

    Raises:
        ValidationError: ``assessed_value_missing`` (``household``, ``mode``),
            ``negative_assessed_value`` (``household``, ``value``).
    """
    value = household.assessed_value
    if value is None:
        raise ValidationError("assessed_value_missing", household=household.code, mode=mode)
    if value < 0:
        raise ValidationError("negative_assessed_value", household=household.code,
                              value=str(value))
    return quantize_money(value)


@dataclass(frozen=True, slots=True)
class _Counted:
    """The policy seen with only the items and allowance a value-based mode counts."""

    reference_date: date | None
    compensation: tuple[CompensationItem, ...]
    transition: TransitionAllowance | None
    business_loss: BusinessLoss | None


def value_compensation(
    household: Household, basis: ValueBasis, policy: CompensationPolicy, on: date,
    *, mode: str, total_rule: str,
) -> CompensationResult:
    """The assessed value, its subsidies, and the items and allowance ``basis`` counts.

    Steps:
        1. the assessed value (refused when missing: ``assessed_value_missing``);
        2. each subsidy: assessed value × percent / 100, rounded half up to the fen;
        3. the named compensation items and, if counted, the transition
           allowance, as :func:`compute_compensation` counts them, and the business
           loss of a non-residential old home (in every mode);
        4. total = the sum of the lines, traced as ``total_rule``.
    """
    value = assessed_value(household, mode)
    lines = [CompensationLine("assessed_value", "", 1, value, value)]
    inputs = {"report": household.appraisal_report, "mode": mode}
    steps = [TraceStep("compensation.assessed_value", inputs, value)]
    for subsidy in basis.subsidies:
        amount = quantize_money(value * subsidy.percent / HUNDRED)
        lines.append(CompensationLine("subsidy", subsidy.name, subsidy.percent, value, amount))
        steps.append(TraceStep("compensation.subsidy", {
            "name": subsidy.name, "percent": subsidy.percent, "assessed_value": value}, amount))
    named = set(basis.items)
    counted = _Counted(policy.reference_date,
                       tuple(item for item in policy.compensation if item.name in named),
                       policy.transition if basis.transition else None,
                       policy.business_loss)  # owed in every mode (Decree 590 Art. 23)
    if (counted.compensation or counted.transition is not None
            or counted.business_loss is not None):
        items = compute_compensation(household, counted, on)
        lines += items.lines
        steps += [step for step in items.trace if step.rule != "compensation.total"]
    total = sum((line.amount for line in lines), ZERO)
    steps.append(TraceStep(total_rule, {"lines": len(lines)}, total))
    return CompensationResult(tuple(lines), total, tuple(steps))
