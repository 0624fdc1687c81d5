"""The wording of every coded error and field name, translated through Qt (Chinese and English).

Layers below desktop/ raise errors with a code and parameters; this module is
the one place that turns them into sentences, for dialogs and the CLI alike.
"""

from __future__ import annotations

import re
from functools import cache
from string import Formatter
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
    "compensation_mode": QT_TRANSLATE_NOOP("Messages", "compensation mode"),
    "mode_chosen_on": QT_TRANSLATE_NOOP("Messages", "day the compensation mode was chosen"),
    "assessed_value": QT_TRANSLATE_NOOP("Messages", "assessed value"),
    "appraisal_report": QT_TRANSLATE_NOOP("Messages", "appraisal report number"),
    "transition_housing": QT_TRANSLATE_NOOP("Messages", "transition housing address"),
    "transition_from": QT_TRANSLATE_NOOP("Messages", "transition term start"),
    "transition_until": QT_TRANSLATE_NOOP("Messages", "transition term end"),
    "payee_bank": QT_TRANSLATE_NOOP("Messages", "payee's bank"),
    "payee_name": QT_TRANSLATE_NOOP("Messages", "payee account name"),
    "payee_account": QT_TRANSLATE_NOOP("Messages", "payee account number"),
    "old_home_use": QT_TRANSLATE_NOOP("Messages", "old home use"),
    "inner_area": QT_TRANSLATE_NOOP("Messages", "inner floor area"),
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
    "reason": QT_TRANSLATE_NOOP("Messages", "reason"),
    "witness": QT_TRANSLATE_NOOP("Messages", "witness (role and name)"),
    "proxy_name": QT_TRANSLATE_NOOP("Messages", "proxy's name"),
    "proxy_id": QT_TRANSLATE_NOOP("Messages", "proxy's ID number"),
    "supervisor": QT_TRANSLATE_NOOP("Messages", "supervisor"),
    "seconds_per_household": QT_TRANSLATE_NOOP("Messages", "seconds per household"),
    "calls_before_move": QT_TRANSLATE_NOOP("Messages", "calls before moving to the end"),
    "objector": QT_TRANSLATE_NOOP("Messages", "objector's name"),
    "item": QT_TRANSLATE_NOOP("Messages", "entry objected to"),
    "text": QT_TRANSLATE_NOOP("Messages", "objection"),
    "resolution": QT_TRANSLATE_NOOP("Messages", "decision"),
    # casework (db/casework/)
    "visited_on": QT_TRANSLATE_NOOP("Messages", "visit date"),
    "method": QT_TRANSLATE_NOOP("Messages", "way of contact"),
    "visitors": QT_TRANSLATE_NOOP("Messages", "visitors"),
    "summary": QT_TRANSLATE_NOOP("Messages", "summary of the visit"),
    "request_text": QT_TRANSLATE_NOOP("Messages", "text of the request"),
    "answer": QT_TRANSLATE_NOOP("Messages", "answer"),
    "answered_by": QT_TRANSLATE_NOOP("Messages", "who answered"),
    "answered_on": QT_TRANSLATE_NOOP("Messages", "answer date"),
    "closed_on": QT_TRANSLATE_NOOP("Messages", "closing date"),
    "decided_on": QT_TRANSLATE_NOOP("Messages", "decision date"),
    "note": QT_TRANSLATE_NOOP("Messages", "note"),
    "path": QT_TRANSLATE_NOOP("Messages", "file"),
    "title": QT_TRANSLATE_NOOP("Messages", "title"),
    "leader": QT_TRANSLATE_NOOP("Messages", "team leader"),
    "staff": QT_TRANSLATE_NOOP("Messages", "responsible pair"),
    # intentions (db/casework/intentions.py)
    "layouts": QT_TRANSLATE_NOOP("Messages", "layouts wanted"),
    "buildings": QT_TRANSLATE_NOOP("Messages", "buildings wanted"),
    "floor_min": QT_TRANSLATE_NOOP("Messages", "lowest floor wanted"),
    "floor_max": QT_TRANSLATE_NOOP("Messages", "highest floor wanted"),
    "flats": QT_TRANSLATE_NOOP("Messages", "flats wanted"),
    "recorded_on": QT_TRANSLATE_NOOP("Messages", "date recorded"),
}

# Parameters are filled with str.format; unknown codes fall back to the code itself.
MESSAGES: dict[str, str] = {
    "required_value_missing": QT_TRANSLATE_NOOP("Messages", "{field} is required"),
    # users and roles (db/admin/users.py)
    "not_permitted": QT_TRANSLATE_NOOP(
        "Messages", "{actor} ({role}) may not do this: it needs a {needed} or above"),
    "password_needed": QT_TRANSLATE_NOOP(
        "Messages", "this database has users: give the password in {variable} or run the "
        "command at a terminal, which asks for it"),
    "new_password_needed": QT_TRANSLATE_NOOP(
        "Messages", "give the new password in {variable} or run the command at a terminal, "
        "which asks for it"),
    "login_failed": QT_TRANSLATE_NOOP(
        "Messages", "wrong user name or password (or the account is deactivated)"),
    "first_user_not_admin": QT_TRANSLATE_NOOP(
        "Messages", "the first user of a database must be an administrator"),
    "password_too_short": QT_TRANSLATE_NOOP(
        "Messages", "a password needs at least {minimum} characters"),
    "unknown_role": QT_TRANSLATE_NOOP(
        "Messages", "unknown role “{role}” (roles: {allowed})"),
    "user_exists": QT_TRANSLATE_NOOP("Messages", "there is already a user named {name}"),
    "user_not_found": QT_TRANSLATE_NOOP("Messages", "there is no user named {name}"),
    "last_admin": QT_TRANSLATE_NOOP(
        "Messages", "{name} is the last active administrator and must stay one"),
    "project_rules_frozen": QT_TRANSLATE_NOOP(
        "Messages", "project {project} has frozen rules: it is on the public record and "
        "cannot be deleted"),
    "automatic_backup_failed": QT_TRANSLATE_NOOP(
        "Messages", "the automatic backup before {act} could not be written to {folder} "
        "({reason}): nothing was done. Make room or fix the folder, then try again"),
    # storage faults (db/store/faults.py): the transaction was rolled back, nothing was saved
    "database_full": QT_TRANSLATE_NOOP(
        "Messages", "the disk holding the database is full: nothing was saved. Free some "
        "space (or ask the database administrator) and try again"),
    "database_read_only": QT_TRANSLATE_NOOP(
        "Messages", "the database is read-only: nothing was saved. Check that the file may be "
        "written (not on a CD, a locked USB stick or a read-only share) or that the server "
        "is not a standby"),
    "database_io_error": QT_TRANSLATE_NOOP(
        "Messages", "the database file could not be read or written (was the USB stick or "
        "network share removed?): nothing was saved"),
    "database_unreachable": QT_TRANSLATE_NOOP(
        "Messages", "the database server cannot be reached: nothing was saved. Check the "
        "network and the server, then try again"),
    "database_busy": QT_TRANSLATE_NOOP(
        "Messages", "the database is held by another program or workstation and did not "
        "become free in time: nothing was saved. Close the other program (or wait for "
        "its work to finish) and try again"),
    "key_separator_in_name": QT_TRANSLATE_NOOP(
        "Messages", "{field} “{value}” must not contain “-”: it joins building, unit and "
        "number into the flat's number (1-2-301); write e.g. A1 instead of A-1"),
    "too_long": QT_TRANSLATE_NOOP("Messages", "{field} is longer than {max} characters"),
    "not_positive": QT_TRANSLATE_NOOP("Messages", "{field} must be greater than zero"),
    "flat_selected_without_choice": QT_TRANSLATE_NOOP(
        "Messages", "flat {key} cannot be registered as chosen: a flat is chosen only by a "
        "household at the selection desk; register it as available"),
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
        "Messages", "the head's name {head_name} differs from the 户主 member {member_name}"),
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
    "assessed_value_required": QT_TRANSLATE_NOOP(
        "Messages", "{field} is required for property exchange by value and for money "
        "compensation"),
    "compensation_mode_locked": QT_TRANSLATE_NOOP(
        "Messages", "household {household} has signed its agreement, which settles its "
        "compensation: the {field} can no longer be changed"),
    "transition_term_without_housing": QT_TRANSLATE_NOOP(
        "Messages", "a transition term needs the transition housing's address (leave the "
        "dates empty for transition by allowance)"),
    "transition_term_reversed": QT_TRANSLATE_NOOP(
        "Messages", "the transition term ends ({end}) before it starts ({start})"),
    "bad_payee_account": QT_TRANSLATE_NOOP(
        "Messages", "{field} must be {min} to {max} digits (spaces and hyphens between "
        "them are allowed)"),
    "inner_area_exceeds_area": QT_TRANSLATE_NOOP(
        "Messages", "{field} {inner_area} m² is larger than the floor area {area} m²"),
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
    "user_not_as_logged": QT_TRANSLATE_NOOP(
        "Messages", "the account {actor} in the users table differs from what the audit log "
        "says of it (changed outside Anju): it cannot act until an administrator restores "
        "a backup"),
    "account_waiting": QT_TRANSLATE_NOOP(
        "Messages", "{failures} wrong passwords in a row for {name}: the account waits "
        "{minutes} more minutes before it may sign in"),
    "backup_too_large": QT_TRANSLATE_NOOP(
        "Messages", "the backup unpacks to {size} bytes, more than the {limit} a restore "
        "reads (ANJU_RESTORE_MAX_BYTES); nothing was restored"),
    "backup_chain_broken": QT_TRANSLATE_NOOP(
        "Messages", "the backup's audit log is broken at event {seq} ({reason}): its history "
        "was altered, so nothing was restored"),
    "backup_replay_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "the backup's data differs from its own audit log ({detail}): it was "
        "altered outside Anju, so nothing was restored"),
    "backup_newer": QT_TRANSLATE_NOOP(
        "Messages", "the backup was made by a newer version of Anju (schema {revision})"),
    "backup_sqlite_file_needs_sqlite": QT_TRANSLATE_NOOP(
        "Messages", "a .sqlite3 backup needs a SQLite database; use a .anju.zip name for "
        "{backend}"),
    "import_rejected": QT_TRANSLATE_NOOP(
        "Messages", "nothing was imported: {count} problems were found"),
    # ages, money and prices (allocation/)
    "date_before_birth": QT_TRANSLATE_NOOP(
        "Messages", "the date {on} is before the birth date {birth_date}"),
    "negative_amount_in_capitals": QT_TRANSLATE_NOOP(
        "Messages", "the negative amount {amount} cannot be written in Chinese capitals"),
    "amount_too_large": QT_TRANSLATE_NOOP(
        "Messages", "the amount {amount} is too large to write in Chinese capitals "
        "(it must be below {limit})"),
    "not_a_decimal": QT_TRANSLATE_NOOP("Messages", "{value} is not a decimal amount"),
    "not_finite": QT_TRANSLATE_NOOP("Messages", "{value} is not a finite number"),
    "no_flats": QT_TRANSLATE_NOOP("Messages", "no flat was chosen for household {household}"),
    "area_beyond_cap": QT_TRANSLATE_NOOP(
        "Messages", "household {household} chose {area} m², more than its maximum of "
        "{max_area} m² (entitlement plus cap), and the policy sets no price beyond the cap"),
    "too_many_flats": QT_TRANSLATE_NOOP(
        "Messages", "household {household} chose {count} flats, more than the {max_flats} the "
        "policy allows a household (max_flats)"),
    "inner_area_missing": QT_TRANSLATE_NOOP(
        "Messages", "flat {flat} has no inner area (套内建筑面积), which the policy counts, and "
        "the policy gives no shared-area share to work it out from the building area: enter "
        "the flat's inner area or set the share"),
    # compensation modes (allocation/rules/settlement.py, value_swap.py)
    "assessed_value_missing": QT_TRANSLATE_NOOP(
        "Messages", "household {household} chose compensation mode “{mode}” but has no "
        "assessed value (评估价值) recorded"),
    "negative_assessed_value": QT_TRANSLATE_NOOP(
        "Messages", "household {household}: the assessed value {value} yuan is negative"),
    "business_loss_needs_value": QT_TRANSLATE_NOOP(
        "Messages", "household {household} has a non-residential old home, whose business "
        "loss (停产停业损失) the policy counts on the assessed value (评估价值), but no "
        "assessed value is recorded"),
    "mode_not_offered": QT_TRANSLATE_NOOP(
        "Messages", "household {household} chose compensation mode “{mode}”, which the "
        "policy does not offer"),
    "flats_in_money_mode": QT_TRANSLATE_NOOP(
        "Messages", "household {household} takes money compensation and may take no flat "
        "(chosen: {flats})"),
    "value_exhausted": QT_TRANSLATE_NOOP(
        "Messages", "household {household} has no value left ({available} yuan) for flat "
        "{flat}"),
    "last_flat_share_too_small": QT_TRANSLATE_NOOP(
        "Messages", "household {household}: the {remaining} yuan of value left is below "
        "{share} of flat {flat}'s value {value} yuan (at least {minimum} yuan)"),
    "layout_taken_alone_only": QT_TRANSLATE_NOOP(
        "Messages", "household {household}: layout {layout} (flat {flat}) may only be taken "
        "alone"),
    "sort_value_out_of_range": QT_TRANSLATE_NOOP(
        "Messages", "{value} cannot be used to order households: it must be from 0 to "
        "below {limit}"),
    # casework: teams, the case log, requests, progress (db/casework/)
    "team_exists": QT_TRANSLATE_NOOP("Messages", "a team named “{name}” already exists"),
    "team_not_found": QT_TRANSLATE_NOOP("Messages", "team not found"),
    "team_not_empty": QT_TRANSLATE_NOOP(
        "Messages", "team “{name}” still has {staff} staff; only an empty team can be deleted"),
    "staff_exists": QT_TRANSLATE_NOOP(
        "Messages", "a staff member named “{name}” already exists in this project"),
    "staff_not_found": QT_TRANSLATE_NOOP("Messages", "staff member not found"),
    "staff_not_in_team": QT_TRANSLATE_NOOP(
        "Messages", "{name} is not a member of this team; a household's pair comes from its "
        "own team"),
    "staff_inactive": QT_TRANSLATE_NOOP(
        "Messages", "{name} is no longer active and cannot be given households"),
    "same_staff_twice": QT_TRANSLATE_NOOP(
        "Messages", "the responsible pair must be two different people"),
    "visit_not_found": QT_TRANSLATE_NOOP("Messages", "visit not found (deleted meanwhile?)"),
    "note_not_found": QT_TRANSLATE_NOOP("Messages", "note not found (deleted meanwhile?)"),
    "request_not_found": QT_TRANSLATE_NOOP(
        "Messages", "request not found (deleted meanwhile?)"),
    "flag_not_found": QT_TRANSLATE_NOOP(
        "Messages", "special case not found (deleted meanwhile?)"),
    "attachment_not_found": QT_TRANSLATE_NOOP(
        "Messages", "file reference not found (removed meanwhile?)"),
    "attachment_file_missing": QT_TRANSLATE_NOOP(
        "Messages", "the file {path} cannot be read; attach a file that exists"),
    "flag_exists": QT_TRANSLATE_NOOP(
        "Messages", "household {code} already has the special case “{kind}”; change its status "
        "instead"),
    "request_already_answered": QT_TRANSLATE_NOOP(
        "Messages", "this request is answered already; reopen it to answer it again"),
    "request_not_answered": QT_TRANSLATE_NOOP(
        "Messages", "a request is closed only after it was answered"),
    "request_already_closed": QT_TRANSLATE_NOOP("Messages", "this request is closed already"),
    "request_still_open": QT_TRANSLATE_NOOP(
        "Messages", "this request is still waiting for an answer; there is nothing to reopen"),
    "request_not_open": QT_TRANSLATE_NOOP(
        "Messages", "only a request still waiting for an answer can be deleted; an answered "
        "one stays in the case log"),
    "date_before_start": QT_TRANSLATE_NOOP(
        "Messages", "{field} {date} is before {start}"),
    "step_not_recorded": QT_TRANSLATE_NOOP(
        "Messages", "signing is recorded with its signing order, and a flat is chosen at the "
        "selection session: neither is recorded as a progress step"),
    "step_needs_signing": QT_TRANSLATE_NOOP(
        "Messages", "a household moves out only after it signed its agreement"),
    "step_needs_flat": QT_TRANSLATE_NOOP(
        "Messages", "keys are handed over only after a flat was chosen"),
    "step_before": QT_TRANSLATE_NOOP(
        "Messages", "the date {date} is before the step it follows ({needs_date})"),
    "already_signed": QT_TRANSLATE_NOOP(
        "Messages", "household {code} signed on {signed_on} already"),
    "signing_seq_taken": QT_TRANSLATE_NOOP(
        "Messages", "signing order {seq} belongs to household {code} already"),
    "unknown_visit_method": QT_TRANSLATE_NOOP(
        "Messages", "unknown way of contact (write 入户走访, 电话联系, 来访接待 or 其他)"),
}

# Import problems: the place (sheet, row, column) is added in front by describe_problem.
IMPORT_MESSAGES: dict[str, str] = {
    "not_excel": QT_TRANSLATE_NOOP(
        "Messages", "this is not a spreadsheet (.xlsx, .xls, .ods…) ({detected}); "
        "save it as .xlsx and retry"),
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
    "sheet_too_large": QT_TRANSLATE_NOOP(
        "Messages", "the sheet is used as far as cell {cell}, too large to read at once: "
        "delete the rows and columns beyond the data (Ctrl+End shows the last used cell) "
        "and save again"),
    "formula_error": QT_TRANSLATE_NOOP(
        "Messages", "the {field} cell holds a formula error: correct the formula, or type the "
        "value"),
    "not_a_number": QT_TRANSLATE_NOOP("Messages", "{field} is not a number"),
    "not_an_integer": QT_TRANSLATE_NOOP("Messages", "{field} is not a whole number"),
    "too_large": QT_TRANSLATE_NOOP("Messages", "{field} is too large (at most {max})"),
    "bad_date": QT_TRANSLATE_NOOP(
        "Messages", "{field} is not a date (write it like 2024-05-01)"),
    "bad_yes_no": QT_TRANSLATE_NOOP("Messages", "{field} must be 是 or 否"),
    "unknown_condition": QT_TRANSLATE_NOOP(
        "Messages", "unknown special condition “{condition}” (allowed: 残疾 低保 特困 重病 烈属)"),
    "bad_disability_grade": QT_TRANSLATE_NOOP("Messages", "{field} must be 1 to 4"),
    "unknown_status": QT_TRANSLATE_NOOP("Messages", "{field} is not a known status"),
    "unknown_compensation_mode": QT_TRANSLATE_NOOP(
        "Messages", "{field} is not a known compensation mode (write 产权调换（按面积）, "
        "产权调换（价值互换） or 货币补偿, or for short 按面积, 价值互换; blank is by area)"),
    "assessed_value_required": QT_TRANSLATE_NOOP(
        "Messages", "household {code} chose {mode}: {field} is required"),
    "unknown_old_home_use": QT_TRANSLATE_NOOP(
        "Messages", "{field} is not a known use (write 住宅 or 非住宅; blank is 住宅)"),
    "account_number_cell": QT_TRANSLATE_NOOP(
        "Messages", "{field} is a number cell: Excel keeps only 15 digits of a number, so "
        "the account may have lost some; format the column as text and type it again"),
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

# Policy files and forms: the JSON key path is appended by describe(). Field names, keys
# and values stay as written in the policy file, so that they can be found there.
POLICY_MESSAGES: dict[str, str] = {
    "policy_frozen": QT_TRANSLATE_NOOP(
        "Messages", "policy version {version} is frozen (SHA-256 {sha256}); it can only be "
        "superseded by a new version, with a reason"),
    "policy_not_frozen": QT_TRANSLATE_NOOP("Messages", "the project has no frozen policy"),
    "policy_not_found": QT_TRANSLATE_NOOP("Messages", "the project has no policy yet"),
    "share_above_one": QT_TRANSLATE_NOOP(
        "Messages", "a share of a flat's value must be at most 1 (found {value})"),
    # moves (搬迁费), transition housing and business loss (停产停业损失)
    "bad_move_count": QT_TRANSLATE_NOOP(
        "Messages", "a household in its own transition moves once or twice (found {value})"),
    "moves_unused": QT_TRANSLATE_NOOP(
        "Messages", "the number of moves counts only for an item paid per move (moves: true)"),
    "allowance_share_above_one": QT_TRANSLATE_NOOP(
        "Messages", "the share of the allowance paid in transition housing must be at most 1 "
        "(found {value})"),
    "business_loss_basis": QT_TRANSLATE_NOOP(
        "Messages", "the business loss needs exactly one basis: a percent of the assessed "
        "value, or an amount per m² and month"),
    "percent_above_hundred": QT_TRANSLATE_NOOP(
        "Messages", "a percent must be at most 100 (found {value})"),
    "months_required": QT_TRANSLATE_NOOP(
        "Messages", "an amount per month needs a number of months above zero (found {value})"),
    "months_unused": QT_TRANSLATE_NOOP(
        "Messages", "months count only for an amount per m² and month; remove them"),
    "transition_not_in_policy": QT_TRANSLATE_NOOP(
        "Messages", "the transition allowance is counted here, but the policy has none"),
    "unknown_compensation_item": QT_TRANSLATE_NOOP(
        "Messages", "“{name}” is not one of the policy's compensation items"),
    "reference_date_missing": QT_TRANSLATE_NOOP(
        "Messages", "the policy names no reference date (the day on which every age and date "
        "condition is judged); set it before freezing"),
    # reading the file
    "not_json": QT_TRANSLATE_NOOP(
        "Messages", "the policy file is not valid JSON (line {line}, column {column})"),
    "unsupported_schema": QT_TRANSLATE_NOOP(
        "Messages", "unsupported policy format “{value}” (this version of Anju reads "
        "{supported})"),
    "unknown_key": QT_TRANSLATE_NOOP("Messages", "unknown key “{key}”"),
    "missing_key": QT_TRANSLATE_NOOP("Messages", "a required key is missing"),
    "wrong_type": QT_TRANSLATE_NOOP("Messages", "wrong kind of value (expected {expected})"),
    "not_one_of": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not allowed here (allowed: {allowed})"),
    # numbers (areas, caps, prices, amounts, factors)
    "bad_decimal": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a decimal number (write it like “45.50”)"),
    "float_not_allowed": QT_TRANSLATE_NOOP(
        "Messages", "{value} is a floating-point number, which is not exact; write the number "
        "as text, like “45.50”"),
    "too_many_decimals": QT_TRANSLATE_NOOP(
        "Messages", "{value} has too many decimal places (at most {places})"),
    "value_too_large": QT_TRANSLATE_NOOP(
        "Messages", "{value} is too large (it must be below {limit})"),
    "negative_area": QT_TRANSLATE_NOOP("Messages", "an area must not be negative ({value})"),
    "negative_cap": QT_TRANSLATE_NOOP("Messages", "the cap must not be negative ({value})"),
    "negative_price": QT_TRANSLATE_NOOP("Messages", "a price must not be negative ({value})"),
    "negative_amount": QT_TRANSLATE_NOOP(
        "Messages", "an amount must not be negative ({value})"),
    "negative_factor": QT_TRANSLATE_NOOP(
        "Messages", "a factor must not be negative ({value})"),
    "negative_months": QT_TRANSLATE_NOOP(
        "Messages", "the number of months must not be negative ({value})"),
    # conditions
    "bad_condition": QT_TRANSLATE_NOOP(
        "Messages", "a condition needs exactly one key, “all” or “any”"),
    "unknown_field": QT_TRANSLATE_NOOP(
        "Messages", "“{field}” is not a fact this condition can test"),
    "unknown_operator": QT_TRANSLATE_NOOP("Messages", "unknown comparison “{op}”"),
    "operator_not_for_field": QT_TRANSLATE_NOOP(
        "Messages", "the comparison “{op}” cannot be used with “{field}”"),
    "unknown_condition_name": QT_TRANSLATE_NOOP(
        "Messages", "unknown special condition “{value}” (allowed: disability, low_income, "
        "extreme_hardship, serious_illness, martyr_family)"),
    "bad_value": QT_TRANSLATE_NOOP(
        "Messages", "the value does not suit “{field}” (expected {expected})"),
    # names
    "duplicate_name": QT_TRANSLATE_NOOP("Messages", "the name “{name}” is used twice"),
    "empty_name": QT_TRANSLATE_NOOP("Messages", "a name is required"),
    # entitlement and selection band
    "legal_ratio_missing": QT_TRANSLATE_NOOP(
        "Messages", "combining by “{combine}” needs a legal_area_ratio"),
    "member_condition_unused": QT_TRANSLATE_NOOP(
        "Messages", "a member_condition has no effect on an item counted per household or "
        "per m² of legal area; remove it"),
    "member_condition_required": QT_TRANSLATE_NOOP(
        "Messages", "an item paid per certificate needs a member_condition saying whose "
        "certificates count"),
    "minimum_condition_unused": QT_TRANSLATE_NOOP(
        "Messages", "the minimum area's condition has no effect while the minimum area is 0; "
        "set the minimum area or remove the condition"),
    "maximum_below_minimum": QT_TRANSLATE_NOOP(
        "Messages", "the maximum area ({maximum} m²) is below the minimum area ({minimum} m²)"),
    "max_flats_below_one": QT_TRANSLATE_NOOP(
        "Messages", "the number of flats per household must be at least 1 (found {value}); "
        "leave it empty for no limit"),
    "several_flats_unused": QT_TRANSLATE_NOOP(
        "Messages", "the entitlement from which a household may take more than one flat has "
        "no effect while every household may take only one; raise the number of flats or "
        "leave the entitlement empty"),
    "band_above_cap": QT_TRANSLATE_NOOP(
        "Messages", "the selection band reaches {above} m² above the entitlement, beyond the "
        "cap of {cap} m², but the policy sets no price beyond the cap"),
    # prices
    "empty_tier": QT_TRANSLATE_NOOP(
        "Messages", "the price tier from {start} to {end} m² is empty: its end must be above "
        "its start"),
    "tiers_overlap": QT_TRANSLATE_NOOP(
        "Messages", "price tiers overlap: this tier starts at {start} m², before the previous "
        "one ends at {previous_end} m²"),
    "tiers_gap": QT_TRANSLATE_NOOP(
        "Messages", "there is a gap between price tiers: this tier starts at {start} m², but "
        "the previous one ends at {expected} m²"),
    "tier_price_ambiguous": QT_TRANSLATE_NOOP(
        "Messages", "a price tier needs either a price or a factor, not both and not neither"),
    "tiers_short_of_cap": QT_TRANSLATE_NOOP(
        "Messages", "the price tiers end at {end} m² but must reach the cap of {cap} m²"),
    "tier_beyond_cap": QT_TRANSLATE_NOOP(
        "Messages", "the price tiers end at {end} m², beyond the cap of {cap} m²"),
    "empty_floor_range": QT_TRANSLATE_NOOP(
        "Messages", "the floor range {low} to {high} is empty: the first floor is above the "
        "last"),
    "non_positive_factor": QT_TRANSLATE_NOOP(
        "Messages", "a coefficient must be greater than zero (found {value})"),
    "non_positive_share": QT_TRANSLATE_NOOP(
        "Messages", "a share of the legal area must be greater than zero (found {value})"),
    "share_on_last_tier": QT_TRANSLATE_NOOP(
        "Messages", "the last price tier must reach the cap, so it cannot end at a share of "
        "the legal area"),
    "floor_ranges_overlap": QT_TRANSLATE_NOOP(
        "Messages", "this floor range overlaps the one at {other}"),
    # the area basis, round-up and single-flat bonus (allocation/rules/pricing.py)
    "share_without_inner_basis": QT_TRANSLATE_NOOP(
        "Messages", "a shared-area share (公摊) only applies when flats are counted by inner "
        "area; choose the inner area basis or remove the share"),
    "share_not_below_one": QT_TRANSLATE_NOOP(
        "Messages", "the shared-area share must be below 1 (found {value}), e.g. 0.12 for 12 %"),
    "round_up_price_ambiguous": QT_TRANSLATE_NOOP(
        "Messages", "the round-up needs either a price or a factor, not both and not neither"),
    "non_positive_round_up": QT_TRANSLATE_NOOP(
        "Messages", "the round-up's area must be greater than zero (found {value} m²)"),
    "round_up_beyond_cap": QT_TRANSLATE_NOOP(
        "Messages", "the round-up reaches {max_area} m² over the entitlement, beyond the cap "
        "of {cap} m²"),
    # priority groups
    "unknown_sort_key": QT_TRANSLATE_NOOP(
        "Messages", "unknown order within a group “{value}” (allowed: lottery, signing_seq, "
        "signed_on, oldest_first)"),
}

# The lottery (RFC 3797 draws), its pool and its published record.
LOTTERY_MESSAGES: dict[str, str] = {
    "sources_not_a_list": QT_TRANSLATE_NOOP(
        "Messages", "the sources must be a list of announced values, not one text"),
    "sources_empty": QT_TRANSLATE_NOOP(
        "Messages", "no source was announced: a draw needs at least one"),
    "source_empty": QT_TRANSLATE_NOOP("Messages", "source {index} is empty"),
    "source_negative": QT_TRANSLATE_NOOP(
        "Messages", "source {index}: {value} is negative; numbers must be zero or more"),
    "source_not_a_number": QT_TRANSLATE_NOOP(
        "Messages", "source {index}: “{value}” is not a number"),
    "source_float_not_allowed": QT_TRANSLATE_NOOP(
        "Messages", "source {index}: {value} is a floating-point number; give the number as "
        "text, exactly as announced"),
    "source_invalid_value": QT_TRANSLATE_NOOP(
        "Messages", "source {index}: {value} is neither a number nor text"),
    "source_multiple_texts": QT_TRANSLATE_NOOP(
        "Messages", "source {index} holds more than one text (“{value}”); announce each text "
        "as a source of its own"),
    "source_non_latin": QT_TRANSLATE_NOOP(
        "Messages", "source {index}: “{char}” in “{value}” is not a Latin letter or digit; "
        "a text source may only use A–Z and 0–9 (accents are dropped)"),
    "source_not_text": QT_TRANSLATE_NOOP(
        "Messages", "source {index} must be the text as announced, not {value}"),
    "unknown_method": QT_TRANSLATE_NOOP(
        "Messages", "unknown draw method “{method}” (known: {known})"),
    "key_invalid": QT_TRANSLATE_NOOP(
        "Messages", "the key string {key} is invalid: it must be non-empty ASCII text"),
    "pool_size_invalid": QT_TRANSLATE_NOOP(
        "Messages", "the pool size must be a whole number, not {pool_size}"),
    "pool_empty": QT_TRANSLATE_NOOP(
        "Messages", "the pool must hold at least one household (size {pool_size})"),
    "pool_too_large_for_method": QT_TRANSLATE_NOOP(
        "Messages", "a pool of {pool_size} households is too large for the method {method} "
        "(at most {max_pool})"),
    "count_out_of_range": QT_TRANSLATE_NOOP(
        "Messages", "the number of draws {count} must be from 0 to the pool size {pool_size}"),
    "counter_out_of_range": QT_TRANSLATE_NOOP(
        "Messages", "step {counter} is out of range for the method {method}"),
    "pool_numbering": QT_TRANSLATE_NOOP(
        "Messages", "the pool positions must be numbered 1, 2, 3… in order, without gaps or "
        "repeats"),
    "duplicate_pool_code": QT_TRANSLATE_NOOP(
        "Messages", "household code {code} appears twice in the pool"),
    "lottery_order_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "the lottery order has {lottery_length} positions but must list each of "
        "the {pool_size} pool positions exactly once"),
    "policy_sha256_invalid": QT_TRANSLATE_NOOP(
        "Messages", "the policy fingerprint {value} is not a SHA-256 hash (64 lower-case "
        "hexadecimal digits)"),
    # the draw workflow (db/lottery/draws.py)
    "pool_already_published": QT_TRANSLATE_NOOP(
        "Messages", "the pool is already published (SHA-256 {sha256}); its membership and "
        "order are locked, doubtful households stay in it and are skipped after the draw"),
    "pool_not_published": QT_TRANSLATE_NOOP(
        "Messages", "the project has no published pool: publish the pool before the draw"),
    "draw_already_run": QT_TRANSLATE_NOOP(
        "Messages", "draw {seq} has already run (record SHA-256 {sha256}); its result is final "
        "unless a supervisor retracts it, with a reason"),
    "draw_not_announced": QT_TRANSLATE_NOOP(
        "Messages", "the random sources must be announced before the draw"),
    "draw_not_found": QT_TRANSLATE_NOOP("Messages", "the project has no active draw"),
    # allocation mechanisms (allocation/lottery/mechanisms.py, assignment_check.py)
    "duplicate_flat_key": QT_TRANSLATE_NOOP(
        "Messages", "two flats have the number {flat}: each flat must have its own number"),
    "order_duplicate_code": QT_TRANSLATE_NOOP(
        "Messages", "household {code} appears twice in the order (place {place})"),
    "order_unknown_household": QT_TRANSLATE_NOOP(
        "Messages", "household {code} at place {place} of the order is not in the project"),
    "check_needs_preferences": QT_TRANSLATE_NOOP(
        "Messages", "a serial-choice result can only be checked with the submitted preferences"),
    "check_needs_key": QT_TRANSLATE_NOOP(
        "Messages", "a flat-lottery result can only be checked with the draw's key"),
}

# A draw is final once a session uses it (db/lottery/draws.py, db/selection/choice.py).
DRAW_FINAL_MESSAGES: dict[str, str] = {
    "draw_in_use": QT_TRANSLATE_NOOP(
        "Messages", "draw {seq} cannot be retracted: selection session {session} "
        "({session_status}, {chosen} flats chosen) was held in its order. A supervisor may "
        "void the session first, with a reason (its choices are kept, marked void)"),
}

# Anchors and the witness file (db/audit/anchors.py, db/admin/witness.py, restore_witness.py).
ANCHOR_MESSAGES: dict[str, str] = {
    "bad_anchor": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a chain head: write 64 hex digits, then @ and the event "
        "count, e.g. 3f…9a@1234"),
    "witness_unwritable": QT_TRANSLATE_NOOP(
        "Messages", "the witness file {path} could not be written ({reason}): the act was not "
        "done. Plug in the witness medium or set ANJU_WITNESS_FILE, then try again"),
    "witness_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "the witness file {path} could not be read ({reason})"),
    "witness_line_bad": QT_TRANSLATE_NOOP(
        "Messages", "line {line} of the witness file {path} is not a witnessed head: the file "
        "is damaged"),
    "no_anchor_in_pdf": QT_TRANSLATE_NOOP(
        "Messages", "no printed audit head (审计链头) found in {path}"),
    "backup_lacks_witnessed_heads": QT_TRANSLATE_NOOP(
        "Messages", "the backup's audit chain lacks {lost} heads of the witness file {witness} "
        "(the newest, {anchor}: {verdict}): it is older than a witnessed act, or its history "
        "was rewritten. Nothing was restored; give a reason to restore it all the same "
        "(the reason is audited)"),
    "backup_chain_unwitnessed": QT_TRANSLATE_NOOP(
        "Messages", "the backup's audit chain records {acts} witnessed acts (freezing, the "
        "draw, the session…), but the witness file {witness} names none of them: it was "
        "witnessed on another computer or into another file, or its first event was "
        "rewritten. Nothing was restored; give a reason to restore it all the same (the "
        "reason is audited)"),
}

# A lost anchor's verdict (``verdict`` of backup_lacks_witnessed_heads), in words.
ANCHOR_VERDICTS: dict[str, str] = {
    "rewritten": QT_TRANSLATE_NOOP("Messages", "history rewritten"),
    "cut": QT_TRANSLATE_NOOP("Messages", "events after it are missing"),
    "not_found": QT_TRANSLATE_NOOP("Messages", "not in the chain"),
}

# A selection session's status (``session_status`` of a refusal), in words.
SESSION_STATUS_NAMES: dict[str, str] = {
    "open": QT_TRANSLATE_NOOP("Messages", "under way"),
    "paused": QT_TRANSLATE_NOOP("Messages", "paused"),
    "closed": QT_TRANSLATE_NOOP("Messages", "closed"),
    "void": QT_TRANSLATE_NOOP("Messages", "void"),
}

# The acts an automatic backup comes before (db/admin/autobackup.py).
ACT_NAMES: dict[str, str] = {
    "freeze": QT_TRANSLATE_NOOP("Messages", "freezing the rules"),
    "draw": QT_TRANSLATE_NOOP("Messages", "the draw"),
    "session": QT_TRANSLATE_NOOP("Messages", "opening the selection session"),
    "void": QT_TRANSLATE_NOOP("Messages", "voiding the selection session"),
    "pool": QT_TRANSLATE_NOOP("Messages", "publishing the pool"),
    "session-open": QT_TRANSLATE_NOOP("Messages", "opening the selection session"),
    "session-close": QT_TRANSLATE_NOOP("Messages", "closing the selection session"),
    "restore": QT_TRANSLATE_NOOP("Messages", "the restore"),
}

# Roles (db/admin/users.py) in words.
ROLE_NAMES: dict[str, str] = {
    "observer": QT_TRANSLATE_NOOP("Messages", "observer"),
    "operator": QT_TRANSLATE_NOOP("Messages", "operator"),
    "supervisor": QT_TRANSLATE_NOOP("Messages", "supervisor"),
    "admin": QT_TRANSLATE_NOOP("Messages", "administrator"),
    "none": QT_TRANSLATE_NOOP("Messages", "no active user account"),
}

# A household's compensation mode (``mode`` of the settlement's refusals).
MODE_NAMES: dict[str, str] = {
    "area": QT_TRANSLATE_NOOP("Messages", "property exchange by area"),
    "value": QT_TRANSLATE_NOOP("Messages", "property exchange by value"),
    "money": QT_TRANSLATE_NOOP("Messages", "money compensation"),
}

# What a value should have been (``expected`` of wrong_type and bad_value).
EXPECTED: dict[str, str] = {
    "object": QT_TRANSLATE_NOOP("Messages", "an object"),
    "list": QT_TRANSLATE_NOOP("Messages", "a list"),
    "text": QT_TRANSLATE_NOOP("Messages", "text"),
    "integer": QT_TRANSLATE_NOOP("Messages", "a whole number"),
    "int": QT_TRANSLATE_NOOP("Messages", "a whole number"),
    "boolean": QT_TRANSLATE_NOOP("Messages", "true or false"),
    "bool": QT_TRANSLATE_NOOP("Messages", "true or false"),
    "decimal": QT_TRANSLATE_NOOP("Messages", "a decimal number"),
    "date": QT_TRANSLATE_NOOP("Messages", "a date like 2026-07-01"),
    "condition": QT_TRANSLATE_NOOP("Messages", "a condition (“all” or “any”)"),
    "term": QT_TRANSLATE_NOOP("Messages", "a term with field, op and value"),
    "list of int": QT_TRANSLATE_NOOP("Messages", "a list of whole numbers"),
    "list of text": QT_TRANSLATE_NOOP("Messages", "a list of texts"),
}

# The on-site selection session (db/selection/) and its rehearsal (db/selection/rehearsal.py).
SESSION_MESSAGES: dict[str, str] = {
    "session_exists": QT_TRANSLATE_NOOP(
        "Messages", "the project already has a selection session"),
    "session_not_found": QT_TRANSLATE_NOOP(
        "Messages", "the project has no selection session: open one first"),
    "session_paused": QT_TRANSLATE_NOOP(
        "Messages", "the selection session is paused: resume it first"),
    "session_closed": QT_TRANSLATE_NOOP("Messages", "the selection session is closed"),
    "household_already_called": QT_TRANSLATE_NOOP(
        "Messages", "household {household} is at the desk: finish its turn first"),
    "not_households_turn": QT_TRANSLATE_NOOP(
        "Messages", "it is not household {household}'s turn (at the desk or next: {current})"),
    "household_not_in_session": QT_TRANSLATE_NOOP(
        "Messages", "household {household} is not in this selection session"),
    "turn_not_skipped": QT_TRANSLATE_NOOP(
        "Messages", "household {household} was not passed over, so it cannot be put back in "
        "the queue"),
    "turn_finished": QT_TRANSLATE_NOOP(
        "Messages", "household {household} has finished its turn; it can no longer be changed"),
    "final_call_not_due": QT_TRANSLATE_NOOP(
        "Messages", "a final call is not due now: the session has none, it was held already, "
        "or households are still waiting"),
    "households_still_waiting": QT_TRANSLATE_NOOP(
        "Messages", "{count} households are still waiting to be called: the session cannot "
        "close yet"),
    "final_call_pending": QT_TRANSLATE_NOOP(
        "Messages", "{count} households were passed over: hold the final call before closing"),
    "flat_status_by_session": QT_TRANSLATE_NOOP(
        "Messages", "the status of flat {key} is set only by the selection session: a flat is "
        "chosen at the desk, and a chosen flat is freed only by revoking that choice"),
    "flat_already_selected": QT_TRANSLATE_NOOP(
        "Messages", "flat {flat} has already been chosen by another household"),
    "flat_not_available": QT_TRANSLATE_NOOP(
        "Messages", "flat {flat} is not available for selection"),
    "flat_not_eligible": QT_TRANSLATE_NOOP(
        "Messages", "household {household} may not take flat {flat}: its area of {area} m² is "
        "outside the household's band of {low}–{high} m², or its group may not choose it"),
    "household_already_selected": QT_TRANSLATE_NOOP(
        "Messages", "household {household} has already chosen a flat"),
    "selection_not_found": QT_TRANSLATE_NOOP(
        "Messages", "household {household} has no confirmed selection to revoke"),
    # the desk (desktop/session/desk_slip.py)
    "slip_price_changed": QT_TRANSLATE_NOOP(
        "Messages", "the slip of household {household} was not printed: its price or "
        "entitlement differs from the one confirmed at the desk ({detail}); check the "
        "household's data"),
    "not_a_rehearsal_project": QT_TRANSLATE_NOOP(
        "Messages", "project {project} is not a rehearsal project: a rehearsal chooses flats at "
        "random, so it runs only on projects created with --rehearsal"),
}

# Printing, the publications registry and objections (desktop/printing/, db/publications/).
PUBLICATION_MESSAGES: dict[str, str] = {
    "unknown_notice_kind": QT_TRANSLATE_NOOP(
        "Messages", "“{kind}” is not a public notice (notices: {allowed})"),
    "unknown_document_kind": QT_TRANSLATE_NOOP(
        "Messages", "“{kind}” cannot be printed this way (documents: {allowed})"),
    "bad_content_hash": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a SHA-256 (64 lower-case hex digits)"),
    "period_ends_before_start": QT_TRANSLATE_NOOP(
        "Messages", "the objection period cannot end ({end}) before it starts ({start})"),
    "publication_version_taken": QT_TRANSLATE_NOOP(
        "Messages", "{kind} version {version} was registered meanwhile (by another workstation?): "
        "prepare the notice again, it will be version {next}"),
    "publication_not_found": QT_TRANSLATE_NOOP(
        "Messages", "notice {kind} {version} has not been printed: print it before recording "
        "objections to it"),
    "objection_not_found": QT_TRANSLATE_NOOP("Messages", "there is no objection {number}"),
    "objection_before_notice": QT_TRANSLATE_NOOP(
        "Messages", "an objection received on {received} cannot concern a notice posted on "
        "{start}"),
    "unknown_outcome": QT_TRANSLATE_NOOP(
        "Messages", "unknown decision “{outcome}” (decisions: {allowed})"),
    "objection_already_decided": QT_TRANSLATE_NOOP(
        "Messages", "objection {number} has been decided already ({status}); a decision is "
        "not changed"),
    "decided_before_received": QT_TRANSLATE_NOOP(
        "Messages", "a decision dated {decided} cannot come before the objection, received on "
        "{received}"),
    "objection_not_upheld": QT_TRANSLATE_NOOP(
        "Messages", "objection {number} was not upheld ({status}): there is nothing to correct"),
    "objection_already_answered": QT_TRANSLATE_NOOP(
        "Messages", "objection {number} has been answered by an earlier version already"),
    "objection_other_notice": QT_TRANSLATE_NOOP(
        "Messages", "objection {number} concerns another notice, not {kind}"),
    "no_selection_session": QT_TRANSLATE_NOOP(
        "Messages", "nothing to print as {kind}: project {project} has no selection session "
        "yet, so no household has chosen a flat"),
    "household_has_no_selection": QT_TRANSLATE_NOOP(
        "Messages", "household {household} has not chosen a flat: it has no agreement or slip "
        "yet"),
    "household_not_money": QT_TRANSLATE_NOOP(
        "Messages", "household {household} chose {mode}, not money compensation: it has no "
        "money compensation agreement"),
}

# The session plan (选房安排): batches cut from the drawn order; ``path`` names the key.
PLAN_MESSAGES: dict[str, str] = {
    "empty_order": QT_TRANSLATE_NOOP("Messages", "the drawn order is empty: nothing to plan"),
    "plan_has_no_batches": QT_TRANSLATE_NOOP("Messages", "the plan has no batches"),
    "plan_duplicate_code": QT_TRANSLATE_NOOP(
        "Messages", "household {code} appears twice in the order"),
    "bad_minutes": QT_TRANSLATE_NOOP(
        "Messages", "minutes per household must be a whole number from 1 to {max} "
        "(found {value})"),
    "bad_batch_size": QT_TRANSLATE_NOOP(
        "Messages", "a batch must have at least one household (found {value})"),
    "bad_per_day": QT_TRANSLATE_NOOP(
        "Messages", "batches a day must be at least 1 (found {value})"),
    "batch_size_or_group": QT_TRANSLATE_NOOP(
        "Messages", "a batch needs either a size or a priority group, not both"),
    "bad_pause": QT_TRANSLATE_NOOP(
        "Messages", "the break must end after it starts ({start} to {end})"),
    "batch_empty": QT_TRANSLATE_NOOP(
        "Messages", "no household is left for this batch: the batches before it take the "
        "whole order"),
    "group_not_next": QT_TRANSLATE_NOOP(
        "Messages", "the batch is for group “{group}”, but the next household in the order "
        "(number {order_number}, {code}) is in “{found}”"),
    "batch_past_midnight": QT_TRANSLATE_NOOP(
        "Messages", "the batch of {on} would run past midnight: make it smaller or start "
        "it earlier"),
    "batch_overlaps": QT_TRANSLATE_NOOP(
        "Messages", "the batch starts at {start}, while batch {batch} of the same day runs "
        "until {end}"),
    "order_left_over": QT_TRANSLATE_NOOP(
        "Messages", "{count} households from number {first} on are in no batch: add a "
        "batch or make one larger"),
    "household_not_in_plan": QT_TRANSLATE_NOOP(
        "Messages", "household {code} is not in the drawn order, so it has no place in "
        "the plan"),
    "bad_plan_date": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a date (write it like 2026-12-20)"),
    "bad_plan_time": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a time of day (write it like 08:30)"),
    "plan_needs_batches": QT_TRANSLATE_NOOP(
        "Messages", "say how to cut the order: a first day and time with a batch size or "
        "by group, or a plan file"),
    "plan_not_json": QT_TRANSLATE_NOOP(
        "Messages", "the plan file is not valid JSON (line {line}, column {column})"),
    "plan_unreadable": QT_TRANSLATE_NOOP("Messages", "the plan file {file} cannot be read"),
    # The stored plan (db.selection.session_plan).
    "session_plan_fixed": QT_TRANSLATE_NOOP(
        "Messages", "the session plan is fixed: a selection session is open on it, and "
        "households were told its windows"),
    "session_plan_stored": QT_TRANSLATE_NOOP(
        "Messages", "the project has a stored session plan (version {version}): print "
        "without batch options to print it, or store a new version before the session "
        "opens (anju plan set)"),
    "session_plan_not_found": QT_TRANSLATE_NOOP(
        "Messages", "the project has no stored session plan: store one (anju plan set), or "
        "say how to cut the order: a first day and time with a batch size or by group, or "
        "a plan file"),
    "session_plan_draw_changed": QT_TRANSLATE_NOOP(
        "Messages", "the stored session plan (version {version}) was cut from a draw that no "
        "longer counts: store the plan again"),
    "no_voided_session": QT_TRANSLATE_NOOP(
        "Messages", "project {project} has no voided selection session: there is no void "
        "notice to print"),
}


# Supply and demand, and each household's chances (allocation/chances/).
CHANCES_MESSAGES: dict[str, str] = {
    "intention_no_layout": QT_TRANSLATE_NOOP(
        "Messages", "an intention must name at least one layout"),
    "intention_floor_range": QT_TRANSLATE_NOOP(
        "Messages", "the lowest floor wanted ({floor_min}) is above the highest ({floor_max})"),
    "intention_flats": QT_TRANSLATE_NOOP(
        "Messages", "the number of flats wanted must be at least 1, not {flats}"),
    "intention_duplicate": QT_TRANSLATE_NOOP(
        "Messages", "{field} names “{name}” twice"),
    "chances_replays": QT_TRANSLATE_NOOP(
        "Messages", "the chances need at least one replay, not {replays}"),
    "chances_seed": QT_TRANSLATE_NOOP(
        "Messages", "the seed of the chances must be hexadecimal, not {value}"),
    "chances_mixed_pricing": QT_TRANSLATE_NOOP(
        "Messages", "the {households} households are not all judged under one area basis: "
        "their chances cannot be compared"),
    "chances_record_hash": QT_TRANSLATE_NOOP(
        "Messages", "the draw record's hash must be 64 hexadecimal digits, not {value}"),
}

#: Every dictionary of coded messages, in the order describe() prefers them.
# Where describe() looks, in order. A few registry rules are also found in files;
# describe_import() words those with the file's facts (rows) instead.
CODED_MESSAGES: tuple[dict[str, str], ...] = (
    MESSAGES, POLICY_MESSAGES, LOTTERY_MESSAGES, SESSION_MESSAGES, PUBLICATION_MESSAGES,
    DRAW_FINAL_MESSAGES, IMPORT_MESSAGES, PLAN_MESSAGES, CHANCES_MESSAGES, ANCHOR_MESSAGES)

PLACE: dict[str, str] = {
    "sheet": QT_TRANSLATE_NOOP("Messages", "sheet {sheet}"),
    "row": QT_TRANSLATE_NOOP("Messages", "row {row}"),
    "column": QT_TRANSLATE_NOOP("Messages", "column {column}"),
    "value": QT_TRANSLATE_NOOP("Messages", "value “{value}”"),
    "separator": QT_TRANSLATE_NOOP("Messages", ", "),
    "parts": QT_TRANSLATE_NOOP("Messages", "; "),
    "path": QT_TRANSLATE_NOOP("Messages", " (at {path})"),
}

# Where in a policy a problem is, in words: each key of a JSON key path, and list items.
# Their own context, as the policy's "name" is not a person's name (FIELD_NAMES).
POLICY_PLACES_CONTEXT = "PolicyPlaces"
POLICY_KEYS: dict[str, str] = {
    "schema": QT_TRANSLATE_NOOP("PolicyPlaces", "format"),
    "name": QT_TRANSLATE_NOOP("PolicyPlaces", "name"),
    "version_note": QT_TRANSLATE_NOOP("PolicyPlaces", "version note"),
    "default_group": QT_TRANSLATE_NOOP("PolicyPlaces", "group of everyone else"),
    "entitlement": QT_TRANSLATE_NOOP("PolicyPlaces", "entitlement"),
    "area_per_person": QT_TRANSLATE_NOOP("PolicyPlaces", "area per person"),
    "excess_cap": QT_TRANSLATE_NOOP("PolicyPlaces", "cap on area over the entitlement"),
    "person_categories": QT_TRANSLATE_NOOP("PolicyPlaces", "person categories"),
    "legal_area_ratio": QT_TRANSLATE_NOOP("PolicyPlaces", "legal area ratio"),
    "combine": QT_TRANSLATE_NOOP("PolicyPlaces", "counted by"),
    "minimum_area": QT_TRANSLATE_NOOP("PolicyPlaces", "minimum area"),
    "minimum_condition": QT_TRANSLATE_NOOP("PolicyPlaces", "households the minimum is for"),
    "maximum_area": QT_TRANSLATE_NOOP("PolicyPlaces", "maximum area"),
    "max_flats": QT_TRANSLATE_NOOP("PolicyPlaces", "flats per household"),
    "extras": QT_TRANSLATE_NOOP("PolicyPlaces", "extra area"),
    "area": QT_TRANSLATE_NOOP("PolicyPlaces", "area"),
    "per": QT_TRANSLATE_NOOP("PolicyPlaces", "counted"),
    "condition": QT_TRANSLATE_NOOP("PolicyPlaces", "condition"),
    "member_condition": QT_TRANSLATE_NOOP("PolicyPlaces", "members counted"),
    "band": QT_TRANSLATE_NOOP("PolicyPlaces", "selection band"),
    "below": QT_TRANSLATE_NOOP("PolicyPlaces", "may fall short by"),
    "above": QT_TRANSLATE_NOOP("PolicyPlaces", "may exceed by"),
    "pricing": QT_TRANSLATE_NOOP("PolicyPlaces", "prices"),
    "base_price": QT_TRANSLATE_NOOP("PolicyPlaces", "base price"),
    "tiers": QT_TRANSLATE_NOOP("PolicyPlaces", "price tiers"),
    "start": QT_TRANSLATE_NOOP("PolicyPlaces", "from"),
    "end": QT_TRANSLATE_NOOP("PolicyPlaces", "to"),
    "price": QT_TRANSLATE_NOOP("PolicyPlaces", "price"),
    "factor": QT_TRANSLATE_NOOP("PolicyPlaces", "factor"),
    "beyond_cap_price": QT_TRANSLATE_NOOP("PolicyPlaces", "price beyond the cap"),
    "refund_price": QT_TRANSLATE_NOOP("PolicyPlaces", "refund price"),
    "floor_coefficients": QT_TRANSLATE_NOOP("PolicyPlaces", "floor coefficients"),
    "floor_increments": QT_TRANSLATE_NOOP("PolicyPlaces", "floor increments"),
    "orientation_coefficients": QT_TRANSLATE_NOOP("PolicyPlaces", "orientation coefficients"),
    "orientation": QT_TRANSLATE_NOOP("PolicyPlaces", "orientation"),
    "end_share_of_legal": QT_TRANSLATE_NOOP("PolicyPlaces", "ends at a share of legal area"),
    "area_basis": QT_TRANSLATE_NOOP("PolicyPlaces", "area counted"),
    "shared_area_share": QT_TRANSLATE_NOOP("PolicyPlaces", "shared-area share"),
    "single_flat_bonus": QT_TRANSLATE_NOOP("PolicyPlaces", "single-flat bonus"),
    "round_up": QT_TRANSLATE_NOOP("PolicyPlaces", "round-up"),
    "max_area": QT_TRANSLATE_NOOP("PolicyPlaces", "up to"),
    "first_floor": QT_TRANSLATE_NOOP("PolicyPlaces", "first floor"),
    "last_floor": QT_TRANSLATE_NOOP("PolicyPlaces", "last floor"),
    "compensation": QT_TRANSLATE_NOOP("PolicyPlaces", "compensation"),
    "amount": QT_TRANSLATE_NOOP("PolicyPlaces", "amount"),
    "transition": QT_TRANSLATE_NOOP("PolicyPlaces", "transition allowance"),
    "per_person_month": QT_TRANSLATE_NOOP("PolicyPlaces", "per person and month"),
    "months": QT_TRANSLATE_NOOP("PolicyPlaces", "months"),
    "minimum_month": QT_TRANSLATE_NOOP("PolicyPlaces", "minimum per month"),
    "moves": QT_TRANSLATE_NOOP("PolicyPlaces", "paid per move"),
    "own_transition_moves": QT_TRANSLATE_NOOP("PolicyPlaces", "moves in own transition"),
    "in_housing": QT_TRANSLATE_NOOP("PolicyPlaces", "share in transition housing"),
    "business_loss": QT_TRANSLATE_NOOP("PolicyPlaces", "business loss"),
    "per_area_month": QT_TRANSLATE_NOOP("PolicyPlaces", "per m² and month"),
    "value_swap": QT_TRANSLATE_NOOP("PolicyPlaces", "value swap"),
    "money_compensation": QT_TRANSLATE_NOOP("PolicyPlaces", "money compensation"),
    "subsidies": QT_TRANSLATE_NOOP("PolicyPlaces", "subsidies"),
    "percent": QT_TRANSLATE_NOOP("PolicyPlaces", "percent"),
    "items": QT_TRANSLATE_NOOP("PolicyPlaces", "compensation items counted"),
    "last_flat_min_share": QT_TRANSLATE_NOOP("PolicyPlaces", "share of the last flat's value"),
    "alone_layouts": QT_TRANSLATE_NOOP("PolicyPlaces", "layouts taken only alone"),
    "non_residential_layouts": QT_TRANSLATE_NOOP("PolicyPlaces", "non-residential layouts"),
    "groups": QT_TRANSLATE_NOOP("PolicyPlaces", "priority groups"),
    "flat_restriction": QT_TRANSLATE_NOOP("PolicyPlaces", "flat restriction"),
    "floor_min": QT_TRANSLATE_NOOP("PolicyPlaces", "lowest floor"),
    "floor_max": QT_TRANSLATE_NOOP("PolicyPlaces", "highest floor"),
    "buildings": QT_TRANSLATE_NOOP("PolicyPlaces", "buildings"),
    "layouts": QT_TRANSLATE_NOOP("PolicyPlaces", "layouts"),
    "order_within": QT_TRANSLATE_NOOP("PolicyPlaces", "order within the group"),
    "field": QT_TRANSLATE_NOOP("PolicyPlaces", "fact"),
    "op": QT_TRANSLATE_NOOP("PolicyPlaces", "comparison"),
    "value": QT_TRANSLATE_NOOP("PolicyPlaces", "value"),
}
# A list item by the key of its list; conditions ("all", "any") count terms.
POLICY_ITEMS: dict[str, str] = {
    "tiers": QT_TRANSLATE_NOOP("PolicyPlaces", "tier {n}"),
    "groups": QT_TRANSLATE_NOOP("PolicyPlaces", "group {n}"),
    "subsidies": QT_TRANSLATE_NOOP("PolicyPlaces", "subsidy {n}"),
    "all": QT_TRANSLATE_NOOP("PolicyPlaces", "term {n}"),
    "any": QT_TRANSLATE_NOOP("PolicyPlaces", "term {n}"),
    "": QT_TRANSLATE_NOOP("PolicyPlaces", "item {n}"),
}
POLICY_PLACE: dict[str, str] = {
    "joiner": QT_TRANSLATE_NOOP("PolicyPlaces", " › "),
    "problem": QT_TRANSLATE_NOOP("PolicyPlaces", "{place}: {message}"),
    "whole": QT_TRANSLATE_NOOP("PolicyPlaces", "whole policy"),
}
_PATH_PART = re.compile(r"([A-Za-z_][A-Za-z_0-9]*)|\[(\d+)\]")

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
    """One translated sentence for a coded error (the code and its facts if it has no wording)."""
    return _sentence(code, _coded(code), params)


def describe_import(code: str, params: dict[str, Any]) -> str:
    """Like describe(), but a rule found in a file is worded with the file's facts."""
    return _sentence(code, IMPORT_MESSAGES.get(code) or _coded(code), params)


def _coded(code: str) -> str | None:
    return next((m[code] for m in CODED_MESSAGES if code in m), None)


def _sentence(code: str, template: str | None, params: dict[str, Any]) -> str:
    if template is None:
        # Better an honest code with its facts than nothing: every code should get wording.
        facts = ", ".join(f"{k}={v}" for k, v in params.items() if k != "problems")
        return f"{code} ({facts})" if facts else code
    plain = POLICY_MESSAGES.get(code) == template  # policy keys stay as written in the file
    text = _format(template, params, plain_field=plain)
    if params.get("path") and "path" not in _placeholders(template):
        text += tr(PLACE["path"]).format(path=params["path"])
    return text


@cache
def _placeholders(template: str) -> frozenset[str]:
    names = (name for _, name, _, _ in Formatter().parse(template) if name)
    return frozenset(re.split(r"[.\[]", name, maxsplit=1)[0] for name in names)


def _place_tr(text: str) -> str:
    return QCoreApplication.translate(POLICY_PLACES_CONTEXT, text)


def policy_place(path: str) -> str:
    """A policy key path in words: ``pricing.tiers[1].start`` → prices › price tiers › tier 2 ›
    from. Keys without wording (a key the policy does not know) stay as written."""
    words: list[str] = []
    last_key = ""
    for key, index in _PATH_PART.findall(path):
        if index:
            template = POLICY_ITEMS.get(last_key, POLICY_ITEMS[""])
            words.append(_place_tr(template).format(n=int(index) + 1))
        elif key in ("all", "any"):
            last_key = key  # the term's number says enough
        else:
            last_key = key
            words.append(_place_tr(POLICY_KEYS[key]) if key in POLICY_KEYS else key)
    return _place_tr(POLICY_PLACE["joiner"]).join(words) or _place_tr(POLICY_PLACE["whole"])


def describe_policy_problem(path: str, code: str, params: dict[str, Any]) -> str:
    """One line for a problem of a policy: where it is, in words, then what is wrong."""
    message = describe(code, {k: v for k, v in params.items() if k not in ("path", "problems")})
    return _place_tr(POLICY_PLACE["problem"]).format(place=policy_place(path), message=message)


def describe_problem(problem: Any) -> str:
    """One line for an import problem: where (sheet, row, column), what, and the value."""
    text = describe_import(problem.code, dict(problem.params))
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


def _format(template: str, params: dict[str, Any], *, plain_field: bool = False) -> str:
    values = {k: "" if v is None else v for k, v in params.items()}
    if not plain_field:
        values["field"] = field_name(params.get("field"))
    # Parameters that are codes are worded; lists are joined as the sentence expects.
    for key, names in (("reason", ID_REASONS), ("act", ACT_NAMES), ("role", ROLE_NAMES),
                       ("needed", ROLE_NAMES), ("expected", EXPECTED), ("mode", MODE_NAMES),
                       ("session_status", SESSION_STATUS_NAMES), ("verdict", ANCHOR_VERDICTS)):
        value = params.get(key)
        if isinstance(value, str) and value in names:
            values[key] = tr(names[value])
    for key, joiner in (("found", "、"), ("flats", "、"), ("allowed", " / "), ("known", " / ")):
        if isinstance(params.get(key), tuple | list):
            values[key] = joiner.join(map(str, params[key]))
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
