"""The registry's rules for one household or one flat, checked before anything is stored.

Each check returns every problem it finds (field, code, params), so a dialog
can mark all bad fields at once and an importer can report every row.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from allocation.errors import AnjuError, ValidationError
from allocation.registry.ids import validate_id
from allocation.registry.model import (
    KEY_SEPARATOR,
    CompensationMode,
    Condition,
    Flat,
    FlatStatus,
    Household,
    HouseholdStatus,
    Member,
)

MAX_CODE_LENGTH = 32
DISABILITY_GRADES = range(1, 5)

# Whole numbers are stored in 32-bit columns (PostgreSQL INTEGER).
MAX_INTEGER = 2**31 - 1
# Amounts in yuan are stored as Numeric(14, 2), like the selection's totals.
MAX_AMOUNT = Decimal("999999999999.99")
# The longest text each field's column stores (db/records/tables.py); PostgreSQL refuses more.
TEXT_LIMITS: dict[str, int] = {
    "head_name": 64, "phone": 32, "address": 200, "appraisal_report": 64,  # household
    "transition_housing": 200, "payee_bank": 64, "payee_name": 64, "payee_account": 40,
    "name": 64, "relation": 16,  # member
    "building": 32, "unit": 16, "number": 16, "layout": 32, "orientation": 16,  # flat
}


def _check_lengths(item: object, names: tuple[str, ...],
                   member: int | None = None) -> list[FieldProblem]:
    return [FieldProblem(name, "too_long", {"max": TEXT_LIMITS[name]}, member=member)
            for name in names if len(str(getattr(item, name))) > TEXT_LIMITS[name]]


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One broken rule: ``field`` is a model field name, ``member`` the member's index."""

    field: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    member: int | None = None


def check_household(household: Household) -> list[FieldProblem]:
    """Every rule a household breaks on its own (cross-household rules are db/'s)."""
    problems = _check_household_fields(household)
    if not household.members:
        problems.append(FieldProblem("members", "household_without_members"))
    for index, member in enumerate(household.members):
        problems += _check_member(member, index)
    problems += _check_head(household)
    problems += _check_unique_people(household)
    return problems


def _check_household_fields(household: Household) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if not household.code.strip():
        problems.append(FieldProblem("code", "required_value_missing"))
    elif len(household.code) > MAX_CODE_LENGTH:
        problems.append(FieldProblem("code", "too_long", {"max": MAX_CODE_LENGTH}))
    if not household.head_name.strip():
        problems.append(FieldProblem("head_name", "required_value_missing"))
    problems += _check_id("head_id", household.head_id)
    problems += _check_lengths(household, ("head_name", "phone", "address"))
    problems += _check_positive("legal_area", household.legal_area)
    if household.signing_seq is not None and household.signing_seq < 1:
        problems.append(
            FieldProblem("signing_seq", "not_positive", {"value": household.signing_seq})
        )
    elif household.signing_seq is not None and household.signing_seq > MAX_INTEGER:
        problems.append(FieldProblem("signing_seq", "too_large", {"max": MAX_INTEGER}))
    problems += _check_lengths(household, ("appraisal_report",))
    problems += _check_mode(household)
    problems += _check_lengths(household, ("transition_housing",))
    problems += check_transition(household.transition_housing, household.transition_from,
                                 household.transition_until)
    problems += _check_payee(household)
    return problems


def check_transition(housing: str, start: date | None,
                     end: date | None) -> list[FieldProblem]:
    """A term is the term of a transition flat: it needs the flat's address and its order."""
    problems = []
    if (start or end) and not housing.strip():
        problems.append(FieldProblem("transition_housing", "transition_term_without_housing"))
    if start and end and end < start:
        problems.append(FieldProblem("transition_until", "transition_term_reversed",
                                     {"start": start.isoformat(), "end": end.isoformat()}))
    return problems


# A bank account number (账号): digits, often written in groups split by spaces or hyphens.
# Chinese bank cards have 16–19 digits, corporate accounts up to about 25: 8–32 takes them
# all, and refuses a number cut short or run together with another.
ACCOUNT_SEPARATORS = " -"
ACCOUNT_DIGITS = range(8, 33)


def account_digits(account: str) -> str:
    """The account number without the spaces and hyphens that group its digits."""
    return "".join(c for c in account if c not in ACCOUNT_SEPARATORS)


def _check_payee(household: Household) -> list[FieldProblem]:
    problems = _check_lengths(household, ("payee_bank", "payee_name", "payee_account"))
    return problems + check_payee_account(household.payee_account)


def check_payee_account(account: str) -> list[FieldProblem]:
    """A payee account number (blank: none yet) is 8–32 digits, however grouped."""
    problems = []
    digits = account_digits(account)
    # str.isdigit alone would take full-width and other scripts' digits, which no bank writes.
    if account and (not digits.isascii() or not digits.isdigit()
                    or len(digits) not in ACCOUNT_DIGITS):
        problems.append(FieldProblem("payee_account", "bad_payee_account",
                                     {"digits": len(digits), "min": ACCOUNT_DIGITS.start,
                                      "max": ACCOUNT_DIGITS.stop - 1}))
    return problems


# The modes that pay out of the old home's assessed value (评估价值) instead of its area.
VALUED_MODES = frozenset({CompensationMode.VALUE, CompensationMode.MONEY})


def _check_mode(household: Household) -> list[FieldProblem]:
    """Value exchange and money compensation are reckoned on the assessed value: it is needed.

    The day the household chose is needed too, but has a default (the day of
    the change), which the database fills in before it stores the household.
    """
    value = household.assessed_value
    if value is None:
        if household.compensation_mode in VALUED_MODES:
            return [FieldProblem("assessed_value", "assessed_value_required",
                                 {"mode": household.compensation_mode.value})]
        return []
    if not value.is_finite():
        return [FieldProblem("assessed_value", "not_a_number", {"value": str(value)})]
    if value < 0:
        return [FieldProblem("assessed_value", "negative", {"value": str(value)})]
    if value > MAX_AMOUNT:
        return [FieldProblem("assessed_value", "too_large", {"max": str(MAX_AMOUNT)})]
    return []


# --- the compensation mode is settled by signing ------------------------------------

#: The fields of a household's choice of compensation, fixed once it has signed.
MODE_FIELDS = ("compensation_mode", "mode_chosen_on", "assessed_value", "appraisal_report")
SIGNED_STATUSES = frozenset({HouseholdStatus.SIGNED, HouseholdStatus.MOVED_OUT,
                             HouseholdStatus.FLAT_CHOSEN, HouseholdStatus.KEYS_HANDED})


def is_signed(household: Household) -> bool:
    """Signed: a signing date, or a status of 已签约 or a later step."""
    return household.signed_on is not None or household.status in SIGNED_STATUSES


def changed_mode_fields(before: Household, after: Household) -> list[str]:
    """The fields of the compensation choice that differ between two states of a household."""
    return [name for name in MODE_FIELDS if getattr(before, name) != getattr(after, name)]


def check_mode_change(before: Household, after: Household) -> list[FieldProblem]:
    """The compensation choice is changeable only until the household signs.

    Signing settles it: the agreement is drawn up on it. A change that keeps
    the household signed may not touch the mode, the day chosen, the assessed
    value or the report number. Taking the signing back (no signing date and
    a status before 已签约) is a change of its own, and audited as such: in
    that same change the choice may be corrected, so undoing "chose money
    and signed" in one step works.
    """
    if not (is_signed(before) and is_signed(after)):
        return []
    return [FieldProblem(name, "compensation_mode_locked",
                         {"household": before.code, "signed_on": _day(before)})
            for name in changed_mode_fields(before, after)]


def _day(household: Household) -> str:
    return household.signed_on.isoformat() if household.signed_on else ""


def _check_member(member: Member, index: int) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if not member.name.strip():
        problems.append(FieldProblem("name", "required_value_missing", member=index))
    if not member.relation.strip():
        problems.append(FieldProblem("relation", "required_value_missing", member=index))
    problems += [_for_member(p, index) for p in _check_id("id_number", member.id_number)]
    problems += _check_lengths(member, ("name", "relation"), member=index)
    grade = member.disability_grade
    if grade is not None and grade not in DISABILITY_GRADES:
        problems.append(
            FieldProblem("disability_grade", "bad_disability_grade", {"value": grade}, member=index)
        )
    if grade is not None and Condition.DISABILITY not in member.conditions:
        problems.append(
            FieldProblem(
                "disability_grade", "grade_without_disability", {"value": grade}, member=index
            )
        )
    return problems


def _for_member(problem: FieldProblem, index: int) -> FieldProblem:
    return FieldProblem(problem.field, problem.code, problem.params, member=index)


def _check_head(household: Household) -> list[FieldProblem]:
    heads = [m for m in household.members if m.is_head]
    if not household.members:
        return []
    if len(heads) != 1:
        return [FieldProblem("members", "head_count", {"count": len(heads)})]
    head = heads[0]
    problems = []
    if head.id_number != household.head_id:
        problems.append(FieldProblem("head_id", "head_not_member", {"head_id": household.head_id}))
    if head.name != household.head_name:
        problems.append(
            FieldProblem(
                "head_name",
                "head_name_mismatch",
                {"head_name": household.head_name, "member_name": head.name},
            )
        )
    return problems


def _check_unique_people(household: Household) -> list[FieldProblem]:
    seen: dict[str, int] = {}
    problems = []
    for index, member in enumerate(household.members):
        if member.id_number in seen:
            problems.append(
                FieldProblem(
                    "id_number",
                    "duplicate_person_in_household",
                    {"id_number": member.id_number, "first": seen[member.id_number] + 1},
                    member=index,
                )
            )
        seen.setdefault(member.id_number, index)
    return problems


def check_flat(flat: Flat) -> list[FieldProblem]:
    """Every rule a flat breaks on its own."""
    problems: list[FieldProblem] = []
    for name in ("building", "unit", "number", "layout"):
        if not str(getattr(flat, name)).strip():
            problems.append(FieldProblem(name, "required_value_missing"))
    # "-" joins building, unit and number into the flat's printed key (1-2-301);
    # one inside a building or unit name would let two flats share a key.
    for name in ("building", "unit"):
        if KEY_SEPARATOR in getattr(flat, name):
            problems.append(FieldProblem(name, "key_separator_in_name",
                                         {"value": getattr(flat, name)}))
    problems += _check_lengths(flat, ("building", "unit", "number", "layout", "orientation"))
    if flat.floor < 1:
        problems.append(FieldProblem("floor", "not_positive", {"value": flat.floor}))
    elif flat.floor > MAX_INTEGER:
        problems.append(FieldProblem("floor", "too_large", {"max": MAX_INTEGER}))
    problems += _check_positive("area", flat.area)
    problems += _check_positive("base_price", flat.base_price)
    problems += _check_inner_area(flat)
    return problems


def check_new_flat(flat: Flat) -> list[FieldProblem]:
    """Every rule a flat being registered (added or imported) breaks.

    Besides :func:`check_flat`: a new flat cannot be 已选 — a flat is chosen
    only by a household at the desk, with a selection behind it; one entered
    as chosen would be missing from the stock with no choice to show for it.
    """
    problems = check_flat(flat)
    if flat.status == FlatStatus.SELECTED:
        problems.append(FieldProblem("status", "flat_selected_without_choice",
                                     {"key": flat.key}))
    return problems


def _check_inner_area(flat: Flat) -> list[FieldProblem]:
    """The inner area (套内建筑面积) is the floor area less the share of common parts."""
    inner = flat.inner_area
    if inner is None:
        return []
    problems = _check_positive("inner_area", inner)
    if not problems and flat.area.is_finite() and inner > flat.area:
        problems.append(FieldProblem("inner_area", "inner_area_exceeds_area",
                                     {"inner_area": str(inner), "area": str(flat.area)}))
    return problems


def _check_positive(name: str, value: Decimal) -> list[FieldProblem]:
    if not value.is_finite() or value <= 0:
        return [FieldProblem(name, "not_positive", {"value": str(value)})]
    return []


def _check_id(name: str, value: str) -> list[FieldProblem]:
    try:
        validate_id(value)
    except ValidationError as error:
        return [FieldProblem(name, error.code, dict(error.params))]
    return []


def raise_first(problems: list[FieldProblem], entity: str, key: str) -> None:
    """Raise the first problem as a ValidationError that names the entity and field."""
    if problems:
        first = problems[0]
        raise ValidationError(
            first.code,
            entity=entity,
            key=key,
            field=first.field,
            member=first.member,
            problems=len(problems),
            **first.params,
        )


__all__ = [
    "FieldProblem",
    "check_household",
    "check_flat",
    "check_new_flat",
    "check_mode_change",
    "account_digits",
    "check_payee_account",
    "check_transition",
    "changed_mode_fields",
    "is_signed",
    "raise_first",
    "AnjuError",
]
