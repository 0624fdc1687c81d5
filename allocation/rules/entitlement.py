"""Entitlement (安置面积): the floor area a household may receive at the base price, and its band.

The rules, in the order they are applied:

* **people**: each recognised member counts ``area_per_person`` m², or the
  area of the first *person category* whose member condition holds for
  them. A category is a name, an area and a condition over member facts,
  e.g. 新增人口 at 45 m²::

      {"name": "新增人口", "area": "45.00",
       "member_condition": {"all": [{"field": "new_member", "op": "==", "value": true}]}}

* **legal**: original legal area × ``legal_area_ratio`` (if a ratio is set);
* **combine**: ``max`` (the larger), ``sum``, ``people`` or ``legal`` only;
* **extras**: ``area`` more per household, or per matching member, when
  the household condition holds (e.g. +10 m² for a household with a
  disabled member); ``members`` says whether the condition's person facts
  and the count are over recognised members (the default) or every
  registered member;
* **minimum**: never below ``minimum_area`` (保底面积), for households
  meeting ``minimum_condition`` (every household unless set; e.g. 保底 only
  for 低保 households);
* **maximum**: never above ``maximum_area`` when set (安置面积最高不超过X平方米),
  applied last, after the extras and the minimum, as policies state it of
  the result;
* **cap**: at most ``excess_cap`` m² may be bought above the entitlement,
  so ``max_area = area + excess_cap``;
* **band**: the total flat area the household may choose:
  ``area - below`` (not below 0; 0 when ``below`` is unset) to
  ``area + above`` (``above`` unset: the cap);
* **flats**: at most ``max_flats`` flats per household when set (每户限选
  N套); pricing refuses more (``too_many_flats``). With
  ``several_flats_from`` set, only households whose entitlement is at least
  that many m² may take more than one (安置面积达到X平方米的可选购多套, as
  published policies keep second flats for large families); the others one
  (:func:`flats_allowed`).

Areas are Decimal m², rounded half up to 0.01.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Final, Literal, Protocol

from allocation.money import Area, Cap, Factor
from allocation.registry import Household, Member, quantize_area
from allocation.rules.conditions import (
    ALWAYS,
    RECOGNISED,
    Dated,
    HouseholdCriteria,
    MemberCriteria,
    Members,
    evaluate,
    holds,
    household_facts,
    judged_on,
    matching_members,
    member_facts,
)
from allocation.trace import PolicyProblem, TraceStep, check_name

#: Field metadata of keys added to schema 2 after policies were frozen under it: the
#: canonical form leaves them out while at their default (see :mod:`allocation.rules.policy`).
LEFT_OUT_WHEN_DEFAULT: Final = {"canonical": "left_out_when_default"}

ZERO = Decimal("0.00")
Combine = Literal["max", "sum", "people", "legal"]


@dataclass(frozen=True, slots=True)
class PersonCategory:
    """Recognised members matching ``member_condition`` count ``area`` m² (first match wins)."""

    name: str
    area: Area
    member_condition: MemberCriteria


@dataclass(frozen=True, slots=True)
class AreaExtra:
    """Extra area when ``condition`` holds: per household, or per matching counted member."""

    name: str
    area: Area
    per: Literal["household", "person"] = "household"
    condition: HouseholdCriteria = ALWAYS
    member_condition: MemberCriteria | None = None
    members: Members = RECOGNISED


@dataclass(frozen=True, slots=True)
class EntitlementRules:
    """How a household's entitlement is computed (see the module docstring)."""

    area_per_person: Area
    excess_cap: Cap
    person_categories: tuple[PersonCategory, ...] = ()
    legal_area_ratio: Factor | None = None
    combine: Combine = "people"
    minimum_area: Area = ZERO
    extras: tuple[AreaExtra, ...] = ()
    minimum_condition: HouseholdCriteria = ALWAYS
    maximum_area: Area | None = None
    max_flats: int | None = None
    #: The entitlement (m²) from which a household may take more than one flat (null: all
    #: may take ``max_flats``). Left out of the canonical JSON while null: it came after
    #: policies were frozen, and their hashes are on paper.
    several_flats_from: Area | None = field(default=None, metadata=LEFT_OUT_WHEN_DEFAULT)


def flats_allowed(rules: EntitlementRules, area: Decimal) -> int | None:
    """How many flats a household of entitlement ``area`` (m²) may take under ``rules``: the
    rules' ``max_flats`` (None: any number), or one below ``several_flats_from``."""
    if rules.several_flats_from is not None and area < rules.several_flats_from:
        return 1
    return rules.max_flats


@dataclass(frozen=True, slots=True)
class SelectionBand:
    """How far below and above the entitlement the chosen total area may be (m²)."""

    below: Area | None = None
    above: Area | None = None


@dataclass(frozen=True, slots=True)
class AreaBand:
    """The closed range of total flat area a household may choose, m²."""

    low: Decimal
    high: Decimal

    def contains(self, area: Decimal) -> bool:
        return self.low <= area <= self.high


@dataclass(frozen=True, slots=True)
class Entitlement:
    """A household's entitlement, the most it may receive, its band, and why."""

    area: Decimal
    max_area: Decimal
    band: AreaBand
    trace: tuple[TraceStep, ...]


def check_entitlement(rules: EntitlementRules, path: str) -> list[PolicyProblem]:
    """Rules beyond types and signs: names, a ratio where needed, conditions used, a
    maximum not below the minimum, at least one flat."""
    problems: list[PolicyProblem] = []
    if rules.minimum_condition != ALWAYS and rules.minimum_area == 0:
        problems.append(PolicyProblem(f"{path}.minimum_condition", "minimum_condition_unused"))
    if rules.maximum_area is not None and rules.maximum_area < rules.minimum_area:
        params = {"maximum": str(rules.maximum_area), "minimum": str(rules.minimum_area)}
        problems.append(PolicyProblem(f"{path}.maximum_area", "maximum_below_minimum", params))
    if rules.max_flats is not None and rules.max_flats < 1:
        count: dict[str, object] = {"value": rules.max_flats}
        problems.append(PolicyProblem(f"{path}.max_flats", "max_flats_below_one", count))
    if rules.several_flats_from is not None and rules.max_flats == 1:
        # A threshold for more than one flat where one is all anyone may take says nothing.
        problems.append(PolicyProblem(f"{path}.several_flats_from", "several_flats_unused"))
    if rules.combine != "people" and rules.legal_area_ratio is None:
        params = {"combine": rules.combine}
        problems.append(PolicyProblem(f"{path}.legal_area_ratio", "legal_ratio_missing", params))
    seen: set[str] = set()
    for index, category in enumerate(rules.person_categories):
        problems += check_name(category.name, f"{path}.person_categories[{index}].name", seen)
    seen = set()
    for index, extra in enumerate(rules.extras):
        item = f"{path}.extras[{index}]"
        problems += check_name(extra.name, f"{item}.name", seen)
        if extra.per == "household" and extra.member_condition is not None:
            problems.append(PolicyProblem(f"{item}.member_condition", "member_condition_unused"))
    return problems


def check_band(band: SelectionBand, cap: Decimal, beyond_cap_allowed: bool) -> list[PolicyProblem]:
    """The band may not reach past the cap unless area beyond the cap can be bought."""
    if band.above is not None and band.above > cap and not beyond_cap_allowed:
        params = {"above": str(band.above), "cap": str(cap)}
        return [PolicyProblem("band.above", "band_above_cap", params)]
    return []


class EntitlementPolicy(Dated, Protocol):
    """What entitlement reads of a policy (:class:`allocation.rules.policy.Policy` is one)."""

    @property
    def entitlement(self) -> EntitlementRules: ...

    @property
    def band(self) -> SelectionBand: ...


def compute_entitlement(household: Household, policy: EntitlementPolicy, on: date) -> Entitlement:
    """The entitlement of ``household`` under ``policy``, ages judged on :func:`judged_on`.

    Steps:
        1. people: recognised members × their area (default or category);
        2. legal: legal area × ratio, if the policy sets a ratio;
        3. combine the two by ``max``, ``sum``, ``people`` or ``legal``;
        4. add each extra whose condition holds (per household or per person);
        5. raise to ``minimum_area`` if below it and the household meets
           ``minimum_condition`` (a step says whether it did);
        6. lower to ``maximum_area`` if above it;
        7. max area = entitlement + cap; band from the policy's selection band.

    Every step is a trace step. The result is never negative, because every
    area in a valid policy is at least zero.
    """
    on = judged_on(policy, on)
    rules = policy.entitlement
    people, people_step = _people_area(household, rules, on)
    legal, legal_step = _legal_area(household, rules)
    steps = [people_step]
    area = _combine(rules.combine, people, legal)
    if legal_step is not None:
        inputs = {"mode": rules.combine, "people": people, "legal": legal}
        steps += [legal_step, TraceStep("entitlement.combine", inputs, area)]
    conditional = rules.minimum_condition != ALWAYS
    facts = household_facts(household, on) if conditional else {}
    for extra in rules.extras:
        added, step = _extra(household, extra, on)
        area += added
        steps.append(step)
    if area < rules.minimum_area:
        area, step = _minimum(area, rules, facts)
        steps.append(step)
    if rules.maximum_area is not None and area > rules.maximum_area:
        inputs = {"area": area, "maximum": rules.maximum_area}
        steps.append(TraceStep("entitlement.maximum", inputs, rules.maximum_area))
        area = rules.maximum_area
    area = quantize_area(area)
    band, band_step = _band(area, rules.excess_cap, policy)
    steps.append(band_step)
    return Entitlement(area, quantize_area(area + rules.excess_cap), band, tuple(steps))


def _people_area(
    household: Household, rules: EntitlementRules, on: date
) -> tuple[Decimal, TraceStep]:
    areas: dict[str, Decimal] = {}
    counts: dict[str, int] = {}
    for member in household.members:
        if member.recognised:
            name, area = _person_area(member, rules, on)
            areas[name] = area
            counts[name] = counts.get(name, 0) + 1
    by_category = tuple((name, counts[name], areas[name]) for name in counts)
    total = sum((areas[name] * counts[name] for name in counts), ZERO)
    inputs = {"recognised_count": household.recognised_count,
              "area_per_person": rules.area_per_person, "by_category": by_category}
    return quantize_area(total), TraceStep("entitlement.people", inputs, quantize_area(total))


def _person_area(member: Member, rules: EntitlementRules, on: date) -> tuple[str, Decimal]:
    """The member's category name (``""`` for the default) and area."""
    if rules.person_categories:
        facts = member_facts(member, on)
        for category in rules.person_categories:
            if holds(category.member_condition, facts):
                return category.name, category.area
    return "", rules.area_per_person


def _legal_area(
    household: Household, rules: EntitlementRules
) -> tuple[Decimal | None, TraceStep | None]:
    ratio = rules.legal_area_ratio
    if ratio is None:
        return None, None
    area = quantize_area(household.legal_area * ratio)
    inputs = {"legal_area": household.legal_area, "ratio": ratio}
    return area, TraceStep("entitlement.legal", inputs, area)


def _combine(mode: Combine, people: Decimal, legal: Decimal | None) -> Decimal:
    if mode == "people" or legal is None:
        # A valid policy has a ratio for the other modes; None only reaches here for "people".
        return people
    if mode == "legal":
        return legal
    if mode == "sum":
        return people + legal
    return max(people, legal)


def _extra(household: Household, extra: AreaExtra, on: date) -> tuple[Decimal, TraceStep]:
    applies, terms = evaluate(extra.condition, household_facts(household, on, extra.members))
    if not applies:
        count = 0
    elif extra.per == "household":
        count = 1
    else:
        count = len(matching_members(household, extra.member_condition, on, extra.members))
    added = extra.area * count
    inputs = {"name": extra.name, "per": extra.per, "area": extra.area,
              "condition_holds": applies, "terms": terms, "count": count,
              "members": extra.members}
    return added, TraceStep("entitlement.extra", inputs, quantize_area(added))


def _minimum(
    area: Decimal, rules: EntitlementRules, facts: dict[str, object]
) -> tuple[Decimal, TraceStep]:
    """The area raised to the minimum, or kept where the minimum's condition does not hold."""
    inputs: dict[str, object] = {"area": area, "minimum": rules.minimum_area}
    if rules.minimum_condition == ALWAYS:
        # The step of a minimum for everyone stays as it always was.
        return rules.minimum_area, TraceStep("entitlement.minimum", inputs, rules.minimum_area)
    applies, terms = evaluate(rules.minimum_condition, facts)
    result = rules.minimum_area if applies else area
    inputs |= {"condition_holds": applies, "terms": terms}
    return result, TraceStep("entitlement.minimum_condition", inputs, quantize_area(result))


def _band(area: Decimal, cap: Decimal, policy: EntitlementPolicy) -> tuple[AreaBand, TraceStep]:
    below, above = policy.band.below, policy.band.above
    low = ZERO if below is None else max(ZERO, area - below)
    high = area + (cap if above is None else above)
    band = AreaBand(quantize_area(low), quantize_area(high))
    inputs = {"area": area, "below": below, "above": above, "cap": cap}
    return band, TraceStep("entitlement.band", inputs, (band.low, band.high))
