"""Money compensation (货币补偿): the household takes money instead of a flat.

Decree 590 Art. 21 lets every household choose it. The amount is the
assessed value of the old home with the section's subsidies (e.g. a
货币补偿奖励 of 10 %: 110 % of the value in all), the policy's compensation
items it names and, if it says so, the transition allowance — the same
keys as a value swap's (:mod:`allocation.rules.assessed_value`). There is
no flat and no price: the whole amount is paid to the household, and a
money household is not in the selection pool.
"""

from __future__ import annotations

from dataclasses import dataclass

from allocation.rules.assessed_value import Subsidy, check_basis
from allocation.rules.compensation import CompensationItem, TransitionAllowance
from allocation.trace import PolicyProblem


@dataclass(frozen=True, slots=True)
class MoneyCompensationRules:
    """The ``money_compensation`` section: what is paid on top of the assessed value."""

    subsidies: tuple[Subsidy, ...] = ()
    items: tuple[str, ...] = ()
    transition: bool = False


def check_money_compensation(
    rules: MoneyCompensationRules | None, compensation: tuple[CompensationItem, ...],
    transition: TransitionAllowance | None, path: str = "money_compensation",
) -> list[PolicyProblem]:
    """The shared keys' rules (:func:`~allocation.rules.assessed_value.check_basis`)."""
    if rules is None:
        return []
    return check_basis(rules, compensation, transition, path)
