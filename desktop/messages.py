"""The wording of every coded error and field name, translated through Qt (Chinese and English).

Layers below desktop/ raise errors with a code and parameters; this module is
the one place that turns them into sentences, for dialogs and the CLI alike.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from allocation.errors import AnjuError

CONTEXT = "Messages"

FIELD_NAMES: dict[str, str] = {
    "code": QT_TRANSLATE_NOOP("Messages", "household code"),
    "head_name": QT_TRANSLATE_NOOP("Messages", "head of household"),
    "head_id": QT_TRANSLATE_NOOP("Messages", "head's ID number"),
    "phone": QT_TRANSLATE_NOOP("Messages", "phone"),
    "address": QT_TRANSLATE_NOOP("Messages", "original address"),
    "legal_area": QT_TRANSLATE_NOOP("Messages", "original legal area"),
    "signed_on": QT_TRANSLATE_NOOP("Messages", "signing date"),
    "signing_seq": QT_TRANSLATE_NOOP("Messages", "signing order"),
    "notes": QT_TRANSLATE_NOOP("Messages", "notes"),
    "status": QT_TRANSLATE_NOOP("Messages", "status"),
    "members": QT_TRANSLATE_NOOP("Messages", "members"),
    "name": QT_TRANSLATE_NOOP("Messages", "name"),
    "id_number": QT_TRANSLATE_NOOP("Messages", "ID number"),
    "relation": QT_TRANSLATE_NOOP("Messages", "relation to head"),
    "recognised": QT_TRANSLATE_NOOP("Messages", "recognised"),
    "conditions": QT_TRANSLATE_NOOP("Messages", "special conditions"),
    "disability_grade": QT_TRANSLATE_NOOP("Messages", "disability grade"),
    "new_member": QT_TRANSLATE_NOOP("Messages", "new member"),
    "building": QT_TRANSLATE_NOOP("Messages", "building"),
    "unit": QT_TRANSLATE_NOOP("Messages", "unit"),
    "floor": QT_TRANSLATE_NOOP("Messages", "floor"),
    "number": QT_TRANSLATE_NOOP("Messages", "flat number"),
    "area": QT_TRANSLATE_NOOP("Messages", "floor area"),
    "layout": QT_TRANSLATE_NOOP("Messages", "layout"),
    "orientation": QT_TRANSLATE_NOOP("Messages", "orientation"),
    "base_price": QT_TRANSLATE_NOOP("Messages", "base price"),
}

# Parameters are filled with str.format; unknown codes fall back to the code itself.
MESSAGES: dict[str, str] = {
    "required_value_missing": QT_TRANSLATE_NOOP("Messages", "{field} is required"),
    "too_long": QT_TRANSLATE_NOOP("Messages", "{field} is longer than {max} characters"),
    "not_positive": QT_TRANSLATE_NOOP("Messages", "{field} must be greater than zero"),
    "negative": QT_TRANSLATE_NOOP("Messages", "{field} must not be negative"),
    "invalid_id_number": QT_TRANSLATE_NOOP(
        "Messages", "{field} “{value}” is not a valid ID number ({reason})"),
    "household_without_members": QT_TRANSLATE_NOOP(
        "Messages", "the household has no members"),
    "head_count": QT_TRANSLATE_NOOP(
        "Messages", "a household needs exactly one member whose relation is 户主 (found {count})"),
    "head_not_member": QT_TRANSLATE_NOOP(
        "Messages", "the head's ID number {head_id} is not the 户主 member's"),
    "head_name_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "the head's name {head_name} differs from the 户主 member {member}"),
    "duplicate_person_in_household": QT_TRANSLATE_NOOP(
        "Messages", "ID number {id_number} appears twice in this household"),
    "bad_disability_grade": QT_TRANSLATE_NOOP(
        "Messages", "disability grade {value} must be 1 to 4"),
    "grade_without_disability": QT_TRANSLATE_NOOP(
        "Messages", "a disability grade needs the condition 残疾"),
    "person_in_other_household": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} ({id_number}) is already registered in household {other_household}; "
        "one person cannot also be in household {household}"),
    "household_exists": QT_TRANSLATE_NOOP("Messages", "household {code} already exists"),
    "household_not_found": QT_TRANSLATE_NOOP("Messages", "household not found"),
    "project_exists": QT_TRANSLATE_NOOP("Messages", "a project named “{name}” already exists"),
    "project_not_found": QT_TRANSLATE_NOOP("Messages", "project not found"),
    "flat_exists": QT_TRANSLATE_NOOP("Messages", "flat {key} already exists"),
    "flat_not_found": QT_TRANSLATE_NOOP("Messages", "flat not found"),
    "stale_household": QT_TRANSLATE_NOOP(
        "Messages",
        "household {code} was changed at another workstation since you opened it; "
        "reload it and make your change again"),
    "stale_flat": QT_TRANSLATE_NOOP(
        "Messages", "flat {key} was changed at another workstation; reload and try again"),
    "stale_record": QT_TRANSLATE_NOOP(
        "Messages", "the record was changed at another workstation; reload and try again"),
    "constraint_violated": QT_TRANSLATE_NOOP(
        "Messages", "the database refused the change: {detail}"),
    "import_rejected": QT_TRANSLATE_NOOP(
        "Messages", "nothing was imported: {count} problems were found"),
}

ID_REASONS: dict[str, str] = {
    "length": QT_TRANSLATE_NOOP("Messages", "must have 18 characters"),
    "characters": QT_TRANSLATE_NOOP("Messages", "only digits and a final X are allowed"),
    "region": QT_TRANSLATE_NOOP("Messages", "unknown region code"),
    "birth_date": QT_TRANSLATE_NOOP("Messages", "impossible birth date"),
    "check_digit": QT_TRANSLATE_NOOP("Messages", "wrong check digit"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def field_name(name: str | None) -> str:
    if not name:
        return ""
    return tr(FIELD_NAMES[name]) if name in FIELD_NAMES else name


def describe(code: str, params: dict[str, Any]) -> str:
    """One translated sentence for a coded error."""
    values = {k: "" if v is None else v for k, v in params.items()}
    values["field"] = field_name(params.get("field"))
    if "reason" in params:
        reason = str(params["reason"])
        values["reason"] = tr(ID_REASONS[reason]) if reason in ID_REASONS else reason
    template = MESSAGES.get(code)
    if template is None:
        return code
    try:
        return tr(template).format(**values)
    except (KeyError, IndexError, ValueError):
        return f"{tr(template)} {params}"


def describe_error(error: BaseException) -> str:
    if isinstance(error, AnjuError):
        return describe(error.code, error.params)
    return str(error) or type(error).__name__


def show_error(parent: Any, error: BaseException) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, QCoreApplication.translate(CONTEXT, "Anju"),
                        describe_error(error))
