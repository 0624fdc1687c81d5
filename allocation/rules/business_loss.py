"""停产停业损失: the loss of production and business of a non-residential old home.

Decree 590 Art. 17 and 23: a household whose old home was used for business
(商铺, 经营用房: ``Household.old_home_use`` is non-residential) is owed the
loss of its business while it moves, besides the home's value. Published
policies state it one of two ways, and the ``business_loss`` section says
which (exactly one of them):

* ``percent``: a share of the old home's assessed value (评估价值), e.g.
  "按被征收房屋价值的5%给予一次性补偿" — assessed value × percent / 100;
* ``per_area_month`` × ``months``: yuan per m² of the old home's legal area
  (合法面积) and month, for the months the policy names, e.g. "按每月每平方米
  30元计6个月" — legal area × per_area_month × months.

A residential household gets no line (the trace says why); in every
compensation mode the loss is its own line (code ``business_loss``), as the
agreement states it on its own.

Amounts are Decimal yuan, rounded half up to the fen.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from allocation.errors import ValidationError
from allocation.money import Amount, Factor
from allocation.registry import Household, OldHomeUse, quantize_money
from allocation.trace import PolicyProblem, TraceStep

HUNDRED: Final = Decimal(100)
#: The line code of the loss in a compensation result.
BUSINESS_LOSS: Final = "business_loss"


@dataclass(frozen=True, slots=True)
class BusinessLoss:
    """The ``business_loss`` section: ``percent`` of the assessed value, or
    ``per_area_month`` yuan per m² of legal area and month × ``months``."""

    percent: Factor | None = None
    per_area_month: Amount | None = None
    months: int = 0


@dataclass(frozen=True, slots=True)
class BusinessLossFigures:
    """What a loss was counted from: ``percent`` of ``assessed_value``, or ``area`` m² ×
    ``per_area_month`` × ``months``; ``amount`` the result to the fen."""

    amount: Decimal
    percent: Decimal | None = None
    assessed_value: Decimal | None = None
    area: Decimal | None = None
    per_area_month: Decimal | None = None
    months: int | None = None


def check_business_loss(rules: BusinessLoss | None,
                        path: str = "business_loss") -> list[PolicyProblem]:
    """Exactly one basis; months above zero for the monthly basis and unset for the other;
    a percent of at most 100."""
    if rules is None:
        return []
    if (rules.percent is None) == (rules.per_area_month is None):
        return [PolicyProblem(path, "business_loss_basis")]
    if rules.percent is not None:
        problems = []
        if rules.percent > HUNDRED:
            problems.append(PolicyProblem(f"{path}.percent", "percent_above_hundred",
                                          {"value": str(rules.percent)}))
        if rules.months != 0:
            problems.append(PolicyProblem(f"{path}.months", "months_unused",
                                          {"value": rules.months}))
        return problems
    if rules.months <= 0:
        return [PolicyProblem(f"{path}.months", "months_required", {"value": rules.months})]
    return []


def owes_business_loss(household: Household) -> bool:
    """Whether the household's old home was used for business (非住宅)."""
    return household.old_home_use is OldHomeUse.NON_RESIDENTIAL


def business_loss_figures(household: Household, rules: BusinessLoss) -> BusinessLossFigures:
    """The loss of a non-residential ``household`` under ``rules``.

    Raises:
        ValidationError: ``business_loss_needs_value`` (``household``) when the policy
            counts on the assessed value and the household has none recorded.
    """
    if rules.percent is not None:
        value = household.assessed_value
        if value is None:
            raise ValidationError("business_loss_needs_value", household=household.code)
        value = quantize_money(value)
        amount = quantize_money(value * rules.percent / HUNDRED)
        return BusinessLossFigures(amount, percent=rules.percent, assessed_value=value)
    assert rules.per_area_month is not None  # one basis: check_business_loss
    area = household.legal_area
    amount = quantize_money(area * rules.per_area_month * rules.months)
    return BusinessLossFigures(amount, area=area, per_area_month=quantize_money(
        rules.per_area_month), months=rules.months)


def business_loss_step(household: Household, rules: BusinessLoss) -> tuple[
        BusinessLossFigures | None, TraceStep]:
    """The figures (None for a residential household) and the trace step that says them."""
    if not owes_business_loss(household):
        return None, TraceStep("compensation.business_loss_none",
                               {"use": household.old_home_use.value}, Decimal("0.00"))
    figures = business_loss_figures(household, rules)
    if figures.percent is not None:
        inputs: dict[str, object] = {"percent": figures.percent,
                                     "assessed_value": figures.assessed_value}
        return figures, TraceStep("compensation.business_loss_value", inputs, figures.amount)
    inputs = {"area": figures.area, "per_area_month": figures.per_area_month,
              "months": figures.months}
    return figures, TraceStep("compensation.business_loss_area", inputs, figures.amount)
