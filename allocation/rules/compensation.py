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

Moves and transition housing (周转用房过渡). An item with ``moves`` (搬迁费)
is paid once per move, after its ``per`` count (:func:`move_count`): a
household lent transition housing moves twice (out of the old home into the
transition flat, then into the new flat); one in its own transition (自行过渡)
also moves twice, unless the item's ``own_transition_moves`` says once (a
policy that counts the move out of the old home only); a money household
(货币补偿) moves once. Its line has the code ``moves`` and says how many moves
it counted (:attr:`CompensationLine.moves`), so an agreement finds the moving
fee by its code, whatever the policy names it.

A household in transition housing gets the allowance's ``in_housing`` share
of the allowance (0, the default: none, the office houses it; 1: all of it);
with a share of 0 it gets no allowance line, and the trace says why. The
value-based modes count the allowance through :func:`compute_compensation`,
so the same rule holds there.

停产停业损失 of a non-residential old home (:mod:`allocation.rules.business_loss`)
is a line of its own (code ``business_loss``) when the policy has the section.

Who counts (``members``, on each item and on the allowance): recognised
members (认定人口, the default) or every registered member (家庭成员); it
decides the person facts of the item's condition and the per-person count.

Amounts are Decimal yuan, rounded half up to the fen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal, Protocol

from allocation.money import Amount, Factor
from allocation.registry import CompensationMode, Household, quantize_money
from allocation.rules.business_loss import BUSINESS_LOSS, BusinessLoss, business_loss_step
from allocation.rules.conditions import (
    ALWAYS,
    RECOGNISED,
    Dated,
    HouseholdCriteria,
    MemberCriteria,
    Members,
    TermResult,
    counted_members,
    evaluate,
    household_facts,
    judged_on,
    matching_members,
)
from allocation.rules.pricing import LEFT_OUT_WHEN_DEFAULT
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
    # Paid once per move (搬迁费), and how many moves a household in its own transition
    # makes (1 or 2); left out of the canonical JSON at their defaults, so that the
    # policies frozen before them keep their hashes.
    moves: bool = field(default=False, metadata=LEFT_OUT_WHEN_DEFAULT)
    own_transition_moves: int = field(default=2, metadata=LEFT_OUT_WHEN_DEFAULT)


@dataclass(frozen=True, slots=True)
class TransitionAllowance:
    """``per_person_month`` × counted members × ``months``, at least ``minimum_month``/month."""

    per_person_month: Amount
    months: int
    minimum_month: Amount = ZERO
    members: Members = RECOGNISED
    # The share a household in transition housing (周转用房) gets (0: none, 1: all of it);
    # left out of the canonical JSON while 0.
    in_housing: Factor = field(default=Decimal(0), metadata=LEFT_OUT_WHEN_DEFAULT)


@dataclass(frozen=True, slots=True)
class CompensationLine:
    """One paid item: ``code`` is item | moves | transition | business_loss (and the value
    modes' assessed_value | subsidy); ``count`` is m² for per-legal-area items.

    ``moves`` is the number of moves a per-move item (code ``moves``, 搬迁费) counted:
    amount = count × unit_amount × moves. ``share`` is the share of the allowance a
    household in transition housing gets (amount = monthly × months × share). A
    business loss counted per m² and month has count = m², unit_amount = yuan/m²/month
    and ``months``; one counted on the assessed value has count = percent and
    unit_amount = the assessed value. None where a line has no such figure.
    """

    code: str
    name: str
    count: int | Decimal
    unit_amount: Decimal
    amount: Decimal
    months: int | None = None
    moves: int | None = None
    share: Decimal | None = None


@dataclass(frozen=True, slots=True)
class CompensationResult:
    """What a household receives, line by line."""

    lines: tuple[CompensationLine, ...]
    total: Decimal
    trace: tuple[TraceStep, ...]


def check_compensation(
    items: tuple[CompensationItem, ...], transition: TransitionAllowance | None
) -> list[PolicyProblem]:
    """Names unique, member conditions where they count, months not negative; a move count
    of 1 or 2 on a per-move item only; a transition housing share of at most 1."""
    problems: list[PolicyProblem] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        path = f"compensation[{index}]"
        problems += check_name(item.name, f"{path}.name", seen)
        if item.per in ("household", "legal_area") and item.member_condition is not None:
            problems.append(PolicyProblem(f"{path}.member_condition", "member_condition_unused"))
        if item.per == "certificate" and item.member_condition is None:
            problems.append(PolicyProblem(f"{path}.member_condition", "member_condition_required"))
        problems += _check_moves(item, path)
    if transition is not None and transition.months < 0:
        params = {"value": transition.months}
        problems.append(PolicyProblem("transition.months", "negative_months", params))
    if transition is not None and transition.in_housing > 1:
        problems.append(PolicyProblem("transition.in_housing", "allowance_share_above_one",
                                      {"value": str(transition.in_housing)}))
    return problems


def _check_moves(item: CompensationItem, path: str) -> list[PolicyProblem]:
    """A household in its own transition moves once or twice; the count is for per-move items."""
    where, count = f"{path}.own_transition_moves", item.own_transition_moves
    if count not in (1, 2):
        return [PolicyProblem(where, "bad_move_count", {"value": count})]
    if count != 2 and not item.moves:
        return [PolicyProblem(where, "moves_unused")]
    return []


class CompensationPolicy(Dated, Protocol):
    """What compensation reads of a policy (:class:`allocation.rules.policy.Policy` is one)."""

    @property
    def compensation(self) -> tuple[CompensationItem, ...]: ...

    @property
    def transition(self) -> TransitionAllowance | None: ...

    @property
    def business_loss(self) -> BusinessLoss | None: ...


def compute_compensation(
    household: Household, policy: CompensationPolicy, on: date
) -> CompensationResult:
    """Every compensation item and the transition allowance of ``household``.

    Steps:
        1. compute the household's facts on the policy's day (:func:`judged_on`), over the
           members each item counts;
        2. for each item whose condition holds, count it (1 per household,
           or the matching recognised members) and multiply by its amount;
        3. a per-move item (搬迁费) counts × the household's moves (:func:`move_count`);
        4. the business loss (停产停业损失) of a non-residential old home, if the
           policy has the section;
        5. the transition allowance, if the policy has one: × the ``in_housing`` share
           for a household in transition housing;
        6. total = the sum of the lines.

    Items that do not apply give a trace step but no line; so do a business loss of a
    residential home and an allowance a household in transition housing gets none of.

    Raises:
        ValidationError: ``business_loss_needs_value`` (``household``).
    """
    on = judged_on(policy, on)
    lines: list[CompensationLine] = []
    steps: list[TraceStep] = []
    for item in policy.compensation:
        line, step = _item(household, item, on)
        steps.append(step)
        if line is not None:
            lines.append(line)
    if policy.business_loss is not None:
        loss, step = _business_loss(household, policy.business_loss)
        steps.append(step)
        if loss is not None:
            lines.append(loss)
    if policy.transition is not None:
        people = len(counted_members(household, policy.transition.members))
        allowance, step = _transition(policy.transition, people, household.in_transition_housing)
        steps.append(step)
        if allowance is not None:
            lines.append(allowance)
    total = sum((line.amount for line in lines), ZERO)
    steps.append(TraceStep("compensation.total", {"lines": len(lines)}, total))
    return CompensationResult(tuple(lines), total, tuple(steps))


def _item(
    household: Household, item: CompensationItem, on: date
) -> tuple[CompensationLine | None, TraceStep]:
    applies, terms = evaluate(item.condition, household_facts(household, on, item.members))
    count = _count(household, item, on) if applies else 0
    if item.moves:
        return _move_item(household, item, count, applies, terms)
    amount = quantize_money(item.amount * count)
    inputs = {"name": item.name, "per": item.per, "unit_amount": item.amount,
              "condition_holds": applies, "terms": terms, "count": count,
              "members": item.members}
    step = TraceStep("compensation.item", inputs, amount)
    if count == 0:
        return None, step
    return CompensationLine("item", item.name, count, quantize_money(item.amount), amount), step


# ---------------------------------------------------------------------------
# Moves (搬迁费) and transition housing (周转用房过渡)
# ---------------------------------------------------------------------------


def move_count(household: Household, item: CompensationItem) -> int:
    """How many times ``household`` moves, as the per-move ``item`` counts them: once for
    money compensation (out of the old home only), twice through transition housing,
    ``own_transition_moves`` in its own transition."""
    if household.compensation_mode is CompensationMode.MONEY:
        return 1
    return 2 if household.in_transition_housing else item.own_transition_moves


def _move_item(
    household: Household, item: CompensationItem, count: int | Decimal, applies: bool,
    terms: tuple[TermResult, ...],
) -> tuple[CompensationLine | None, TraceStep]:
    """A per-move item: its ``per`` count × amount × the household's moves."""
    moves = move_count(household, item)
    amount = quantize_money(item.amount * count * moves)
    inputs = {"name": item.name, "per": item.per, "unit_amount": item.amount,
              "condition_holds": applies, "terms": terms, "count": count,
              "members": item.members, "moves": moves, "how": _how_moved(household)}
    step = TraceStep("compensation.move_item", inputs, amount)
    if count == 0:
        return None, step
    unit = quantize_money(item.amount)
    return CompensationLine("moves", item.name, count, unit, amount, moves=moves), step


def _how_moved(household: Household) -> str:
    """Why a household moves as often as it does: money | housing | own (its transition)."""
    if household.compensation_mode is CompensationMode.MONEY:
        return "money"
    return "housing" if household.in_transition_housing else "own"


def _business_loss(
    household: Household, rules: BusinessLoss
) -> tuple[CompensationLine | None, TraceStep]:
    figures, step = business_loss_step(household, rules)
    if figures is None:
        return None, step
    if figures.percent is not None:
        assert figures.assessed_value is not None
        line = CompensationLine(BUSINESS_LOSS, "", figures.percent, figures.assessed_value,
                                figures.amount)
    else:
        assert figures.area is not None and figures.per_area_month is not None
        line = CompensationLine(BUSINESS_LOSS, "", figures.area, figures.per_area_month,
                                figures.amount, figures.months)
    return line, step


def _count(household: Household, item: CompensationItem, on: date) -> int | Decimal:
    if item.per == "household":
        return 1
    if item.per == "legal_area":
        return household.legal_area
    return len(matching_members(household, item.member_condition, on, item.members))


def _transition(
    allowance: TransitionAllowance, people: int, housed: bool
) -> tuple[CompensationLine | None, TraceStep]:
    """The allowance: monthly (at least the minimum) × months, × the ``in_housing`` share
    for a household in transition housing (``housed``); None when that share is 0."""
    monthly = max(allowance.per_person_month * people, allowance.minimum_month)
    share = allowance.in_housing if housed else None
    amount = quantize_money(monthly * allowance.months * (1 if share is None else share))
    unit = quantize_money(allowance.per_person_month)
    inputs = {"people": people, "per_person_month": unit, "months": allowance.months,
              "minimum_month": allowance.minimum_month, "monthly": quantize_money(monthly),
              "members": allowance.members}
    if share is None:
        line = CompensationLine("transition", "", people, unit, amount, allowance.months)
        return line, TraceStep("compensation.transition", inputs, amount)
    if share == 0:
        return None, TraceStep("compensation.transition_housing_none", inputs, amount)
    step = TraceStep("compensation.transition_housing", {**inputs, "share": share}, amount)
    line = CompensationLine("transition", "", people, unit, amount, allowance.months,
                            share=share)
    return line, step
