"""One household's settlement in the compensation mode it chose (补偿方式): the desk's entry point.

:func:`settle_household` dispatches on ``household.compensation_mode``:

* ``area`` (产权调换 by area): the policy's compensation items and the price
  of the flats by entitlement — :func:`compute_compensation`,
  :func:`price_flats` and :func:`settle`, exactly as before there were modes;
* ``value`` (价值互换): the assessed value with the section's subsidies and
  items buys the flats' value (:mod:`allocation.rules.value_swap`);
* ``money`` (货币补偿): the assessed value with the section's subsidies and
  items, paid out; flats are refused.

In every mode, settlement = compensation − price of the flats, to the fen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from allocation.errors import ValidationError
from allocation.registry import CompensationMode, Flat, Household
from allocation.rules.assessed_value import value_compensation
from allocation.rules.compensation import CompensationResult, compute_compensation
from allocation.rules.money_compensation import MoneyCompensationRules
from allocation.rules.policy import Policy
from allocation.rules.pricing import PriceBreakdown, PriceLine, Settlement, price_flats, settle
from allocation.rules.value_swap import ValueSwap, ValueSwapRules, swap_flats
from allocation.trace import TraceStep

ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class HouseholdSettlement:
    """What a household receives, what its flats cost, and who pays whom.

    ``compensation`` is area mode's items, or the assessed value with what
    the mode counts; ``price`` the flats by area (:class:`PriceBreakdown`),
    by value (:class:`ValueSwap`) or None in money mode.
    """

    household: str
    mode: CompensationMode
    compensation: CompensationResult
    price: PriceBreakdown | ValueSwap | None
    settlement: Settlement
    trace: tuple[TraceStep, ...]

    @property
    def price_lines(self) -> tuple[PriceLine, ...]:
        return () if self.price is None else self.price.lines


def value_swap_rules(policy: Policy, household: Household) -> ValueSwapRules:
    """The policy's value swap section; refused (``mode_not_offered``) when it has none."""
    if policy.value_swap is None:
        raise ValidationError("mode_not_offered", household=household.code,
                              mode=CompensationMode.VALUE.value)
    return policy.value_swap


def money_rules(policy: Policy, household: Household) -> MoneyCompensationRules:
    """The policy's money compensation section; refused (``mode_not_offered``) when none."""
    if policy.money_compensation is None:
        raise ValidationError("mode_not_offered", household=household.code,
                              mode=CompensationMode.MONEY.value)
    return policy.money_compensation


def value_available(household: Household, policy: Policy, on: date) -> CompensationResult:
    """A value swap household's value available: the assessed value and what the section adds."""
    return value_compensation(household, value_swap_rules(policy, household), policy, on,
                              mode=CompensationMode.VALUE.value,
                              total_rule="compensation.value_available")


def money_compensation(household: Household, policy: Policy, on: date) -> CompensationResult:
    """A money household's compensation: the assessed value and what the section adds."""
    return value_compensation(household, money_rules(policy, household), policy, on,
                              mode=CompensationMode.MONEY.value,
                              total_rule="compensation.money_total")


def settle_household(
    household: Household, flats: Sequence[Flat], policy: Policy, on: date
) -> HouseholdSettlement:
    """The settlement of ``household`` taking ``flats`` under ``policy``, in its chosen mode.

    Ages and dates are judged as each mode's parts judge them (the policy's
    reference date, else ``on``).

    Raises:
        ValidationError: area mode's ``no_flats`` and ``area_beyond_cap``;
            ``mode_not_offered`` (``household``, ``mode``);
            ``assessed_value_missing`` (``household``, ``mode``) and
            ``negative_assessed_value``; value mode's ``no_flats``,
            ``value_exhausted``, ``last_flat_share_too_small`` and
            ``layout_taken_alone_only``; ``flats_in_money_mode``
            (``household``, ``flats``).
    """
    mode = household.compensation_mode
    if mode is CompensationMode.VALUE:
        return _by_value(household, flats, policy, on)
    if mode is CompensationMode.MONEY:
        return _by_money(household, flats, policy, on)
    compensation = compute_compensation(household, policy, on)
    price = price_flats(household, flats, policy, on)
    balance = settle(compensation.total, price.total)
    steps = (*compensation.trace, *price.trace, settlement_step("settlement", balance))
    return HouseholdSettlement(household.code, mode, compensation, price, balance, steps)


def _by_value(
    household: Household, flats: Sequence[Flat], policy: Policy, on: date
) -> HouseholdSettlement:
    compensation = value_available(household, policy, on)
    swap = swap_flats(household, flats, value_swap_rules(policy, household), policy.pricing,
                      compensation.total)
    balance = settle(compensation.total, swap.total)
    steps = (*compensation.trace, *swap.trace, settlement_step("settlement.value_swap", balance))
    return HouseholdSettlement(household.code, CompensationMode.VALUE, compensation, swap,
                               balance, steps)


def _by_money(
    household: Household, flats: Sequence[Flat], policy: Policy, on: date
) -> HouseholdSettlement:
    money_rules(policy, household)  # a mode not offered is refused before its flats are
    refuse_flats_for_money(household, flats)
    compensation = money_compensation(household, policy, on)
    balance = settle(compensation.total, ZERO)
    steps = (*compensation.trace, settlement_step("settlement.money", balance))
    return HouseholdSettlement(household.code, CompensationMode.MONEY, compensation, None,
                               balance, steps)


def refuse_flats_for_money(household: Household, flats: Sequence[Flat]) -> None:
    """A money household takes no flat: any flat is ``flats_in_money_mode``."""
    if flats:
        raise ValidationError("flats_in_money_mode", household=household.code,
                              flats=tuple(f.key for f in flats))


def settlement_step(rule: str, balance: Settlement) -> TraceStep:
    """The trace step of a settlement: compensation − price = balance, and who pays."""
    inputs = {"compensation": balance.compensation, "price": balance.price,
              "direction": balance.direction}
    return TraceStep(rule, inputs, balance.balance)
