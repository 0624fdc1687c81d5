"""The wording of every coded error and field name, translated through Qt (Chinese and English).

Layers below desktop/ raise errors with a code and parameters; this module is
the one place that turns them into sentences, for dialogs and the CLI alike.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
        "Messages", "{field} is invalid ({reason})"),
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
    "database_not_empty": QT_TRANSLATE_NOOP(
        "Messages", "the database already holds data ({tables}); restore with --replace "
        "to overwrite it"),
    "not_a_backup": QT_TRANSLATE_NOOP("Messages", "{path} is not an Anju backup"),
    "backup_damaged": QT_TRANSLATE_NOOP(
        "Messages", "the backup is damaged ({file} does not match its checksum); "
        "nothing was restored"),
    "backup_newer": QT_TRANSLATE_NOOP(
        "Messages", "the backup was made by a newer version of Anju (schema {revision})"),
    "backup_sqlite_file_needs_sqlite": QT_TRANSLATE_NOOP(
        "Messages", "a .sqlite3 backup needs a SQLite database; use a .anju.zip name for "
        "{backend}"),
    "import_rejected": QT_TRANSLATE_NOOP(
        "Messages", "nothing was imported: {count} problems were found"),
}

# Import problems: the place (sheet, row, column) is added in front by describe_problem.
IMPORT_MESSAGES: dict[str, str] = {
    "not_excel": QT_TRANSLATE_NOOP(
        "Messages", "this is not an Excel .xlsx file ({detected}); save it as .xlsx and retry"),
    "file_unreadable": QT_TRANSLATE_NOOP("Messages", "the file cannot be read ({reason})"),
    "missing_sheet": QT_TRANSLATE_NOOP(
        "Messages", "sheet “{expected}” is missing (the file has: {found})"),
    "duplicate_sheet": QT_TRANSLATE_NOOP(
        "Messages", "sheets “{first}” and “{second}” both hold the same data"),
    "empty_sheet": QT_TRANSLATE_NOOP("Messages", "the sheet has no header row"),
    "missing_column": QT_TRANSLATE_NOOP("Messages", "column “{field}” is missing"),
    "duplicate_column": QT_TRANSLATE_NOOP(
        "Messages", "column “{field}” appears twice ({first_column} and {second_column})"),
    "merged_cells": QT_TRANSLATE_NOOP(
        "Messages", "merged cells {range}: unmerge them so each row has its own values"),
    "formula_error": QT_TRANSLATE_NOOP("Messages", "{field} holds a formula error"),
    "not_a_number": QT_TRANSLATE_NOOP("Messages", "{field} is not a number"),
    "not_an_integer": QT_TRANSLATE_NOOP("Messages", "{field} is not a whole number"),
    "bad_date": QT_TRANSLATE_NOOP(
        "Messages", "{field} is not a date (write it like 2024-05-01)"),
    "bad_yes_no": QT_TRANSLATE_NOOP("Messages", "{field} must be 是 or 否"),
    "unknown_condition": QT_TRANSLATE_NOOP(
        "Messages", "unknown special condition “{condition}” (allowed: 残疾 低保 特困 重病 烈属)"),
    "bad_disability_grade": QT_TRANSLATE_NOOP("Messages", "{field} must be 1 to 4"),
    "unknown_status": QT_TRANSLATE_NOOP("Messages", "{field} is not a known status"),
    "duplicate_code": QT_TRANSLATE_NOOP(
        "Messages", "household code {code} appears twice (rows {first_row} and {second_row})"),
    "duplicate_person": QT_TRANSLATE_NOOP(
        "Messages",
        "ID number {id_number} appears twice: row {first_row} (household {first_code}) and "
        "row {second_row} (household {second_code})"),
    "member_without_household": QT_TRANSLATE_NOOP(
        "Messages", "household {code} of this member is not on the households sheet"),
    "household_without_members": QT_TRANSLATE_NOOP(
        "Messages", "household {code} has no members on the members sheet"),
    "head_not_member": QT_TRANSLATE_NOOP(
        "Messages", "the head of household {code} is not listed as its 户主 member"),
    "head_name_mismatch": QT_TRANSLATE_NOOP(
        "Messages",
        "the head's name {head_name} differs from the 户主 member {member_name} "
        "(row {member_row})"),
    "multiple_heads": QT_TRANSLATE_NOOP(
        "Messages", "household {code} has two 户主 members (rows {first_row} and {second_row})"),
    "duplicate_flat": QT_TRANSLATE_NOOP(
        "Messages", "flat {key} appears twice (rows {first_row} and {second_row})"),
    "read_cancelled": QT_TRANSLATE_NOOP("Messages", "cancelled: nothing was imported"),
}

# Policy files and forms: the JSON key path is appended by describe().
POLICY_MESSAGES: dict[str, str] = {
    "policy_frozen": QT_TRANSLATE_NOOP(
        "Messages", "policy version {version} is frozen (SHA-256 {sha256}); it can only be "
        "superseded by a new version, with a reason"),
    "policy_not_frozen": QT_TRANSLATE_NOOP("Messages", "the project has no frozen policy"),
    "policy_not_found": QT_TRANSLATE_NOOP("Messages", "the project has no policy yet"),
    "not_json": QT_TRANSLATE_NOOP(
        "Messages", "the policy file is not valid JSON (line {line}, column {column})"),
    "unknown_key": QT_TRANSLATE_NOOP("Messages", "unknown key “{key}”"),
    "missing_key": QT_TRANSLATE_NOOP("Messages", "a required key is missing"),
    "wrong_type": QT_TRANSLATE_NOOP("Messages", "wrong kind of value (expected {expected})"),
    "tiers_overlap": QT_TRANSLATE_NOOP("Messages", "price tiers overlap"),
    "tiers_gap": QT_TRANSLATE_NOOP("Messages", "there is a gap between price tiers"),
    "unknown_field": QT_TRANSLATE_NOOP("Messages", "unknown household fact “{field}”"),
    "unknown_operator": QT_TRANSLATE_NOOP("Messages", "unknown comparison “{op}”"),
    "duplicate_name": QT_TRANSLATE_NOOP("Messages", "the name “{name}” is used twice"),
    "empty_name": QT_TRANSLATE_NOOP("Messages", "a name is required"),
}

PLACE: dict[str, str] = {
    "sheet": QT_TRANSLATE_NOOP("Messages", "sheet {sheet}"),
    "row": QT_TRANSLATE_NOOP("Messages", "row {row}"),
    "column": QT_TRANSLATE_NOOP("Messages", "column {column}"),
    "value": QT_TRANSLATE_NOOP("Messages", "value “{value}”"),
    "separator": QT_TRANSLATE_NOOP("Messages", ", "),
    "parts": QT_TRANSLATE_NOOP("Messages", "; "),
    "path": QT_TRANSLATE_NOOP("Messages", " (at {path})"),
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
    """One translated sentence for a coded error (the code itself if it has no wording)."""
    template = MESSAGES.get(code) or IMPORT_MESSAGES.get(code) or POLICY_MESSAGES.get(code)
    if template is None:
        # Better an honest code with its facts than nothing: every code should get wording.
        facts = ", ".join(f"{k}={v}" for k, v in params.items() if k != "problems")
        return f"{code} ({facts})" if facts else code
    text = _format(template, params)
    if params.get("path"):
        text += tr(PLACE["path"]).format(path=params["path"])
    return text


def describe_problem(problem: Any) -> str:
    """One line for an import problem: where (sheet, row, column), what, and the value."""
    params = dict(problem.params)
    code = problem.code
    template = IMPORT_MESSAGES.get(code)
    text = _format(template, params) if template else describe(code, params)
    where = _place(problem.sheet, problem.row, problem.column)
    value = tr(PLACE["value"]).format(value=problem.value) if problem.value else ""
    return tr(PLACE["parts"]).join(part for part in (where, text, value) if part)


def _place(sheet: str, row: int | None, column: str | None) -> str:
    parts = []
    if sheet:
        parts.append(tr(PLACE["sheet"]).format(sheet=sheet))
    if row is not None:
        parts.append(tr(PLACE["row"]).format(row=row))
    if column:
        parts.append(tr(PLACE["column"]).format(column=column))
    return tr(PLACE["separator"]).join(parts)


def _format(template: str, params: dict[str, Any]) -> str:
    values = {k: "" if v is None else v for k, v in params.items()}
    values["field"] = field_name(params.get("field"))
    reason = str(params.get("reason", ""))
    if reason in ID_REASONS:
        values["reason"] = tr(ID_REASONS[reason])
    if isinstance(params.get("found"), tuple | list):
        values["found"] = "、".join(map(str, params["found"]))
    try:
        return tr(template).format_map(_Missing(values))
    except (IndexError, ValueError):
        return f"{tr(template)} {params}"


class _Missing(dict):  # type: ignore[type-arg]
    """Leaves unknown placeholders visible instead of failing the whole message."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def describe_error(error: BaseException) -> str:
    if isinstance(error, AnjuError):
        return describe(error.code, error.params)
    return str(error) or type(error).__name__


def show_error(parent: Any, error: BaseException) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, QCoreApplication.translate(CONTEXT, "Anju"),
                        describe_error(error))
