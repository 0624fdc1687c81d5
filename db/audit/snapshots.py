"""Plain JSON snapshots of households and flats: what the audit log records as before/after.

A snapshot is the whole entity, so the log alone can rebuild the current data
(the check in `anju audit verify` replays it). Decimals and dates become
strings so that no float or locale ever enters a hashed record.
"""

from __future__ import annotations

import json
import json.encoder
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from allocation.registry import (
    CompensationMode,
    Condition,
    Flat,
    FlatStatus,
    Household,
    HouseholdStatus,
    Member,
    OldHomeUse,
    quantize_area,
    quantize_money,
)

Snapshot = dict[str, Any]

# Fields a snapshot gained after events had been logged without them (issue 18: the
# moment of each act, a turn's group): an older event that lacks one says nothing about
# it, so the row's value is compared only with events that state it.
LATER_FIELDS: dict[str, frozenset[str]] = {
    "user": frozenset({"created_at"}),
    "project": frozenset({"created_at"}),
    "policy": frozenset({"created_at", "frozen_at"}),
    "pool": frozenset({"published_at"}),
    "draw": frozenset({"announced_at"}),
    "selection_session": frozenset({"opened_at"}),
    "selection_turn": frozenset({"group_name"}),
}


def unstated_fields(entity: str, logged: Snapshot) -> frozenset[str]:
    """The later fields (LATER_FIELDS) a logged snapshot of ``entity`` does not state."""
    later = LATER_FIELDS.get(entity)
    if not later:
        return frozenset()
    return frozenset(field for field in later if field not in logged)


def as_logged(stored: Snapshot, unstated: frozenset[str]) -> Snapshot:
    """A row's snapshot without the fields its logged state does not state."""
    if not unstated:
        return stored
    return {key: value for key, value in stored.items() if key not in unstated}


def moment_text(moment: datetime | None) -> str | None:
    """A stored time as snapshots log it: aware UTC, ISO to the microsecond (SQLite hands
    back naive datetimes, which were stored as UTC)."""
    if moment is None:
        return None
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return aware.isoformat(timespec="microseconds")


def canonical_json(value: Any) -> str:
    """The one JSON spelling used for hashing: sorted keys, no spaces, UTF-8 text."""
    return _CANONICAL.encode(value)


# What json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")) would
# build on every call: made once (a bulk import encodes 100,000 snapshots).
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def member_snapshot(member: Member) -> Snapshot:
    return {
        "name": member.name,
        "id_number": member.id_number,
        "relation": member.relation,
        "recognised": member.recognised,
        "conditions": sorted(c.value for c in member.conditions),
        "disability_grade": member.disability_grade,
        "new_member": member.new_member,
    }


def household_snapshot(household: Household) -> Snapshot:
    return {
        "code": household.code,
        "head_name": household.head_name,
        "head_id": household.head_id,
        "phone": household.phone,
        "address": household.address,
        "legal_area": str(quantize_area(household.legal_area)),
        "signed_on": household.signed_on.isoformat() if household.signed_on else None,
        "signing_seq": household.signing_seq,
        "notes": household.notes,
        "status": household.status.value,
        "members": [member_snapshot(m) for m in household.members],
        "compensation_mode": household.compensation_mode.value,
        "mode_chosen_on": _day(household.mode_chosen_on),
        "assessed_value": (None if household.assessed_value is None
                           else str(quantize_money(household.assessed_value))),
        "appraisal_report": household.appraisal_report,
        "transition_housing": household.transition_housing,
        "transition_from": _day(household.transition_from),
        "transition_until": _day(household.transition_until),
        "payee_bank": household.payee_bank,
        "payee_name": household.payee_name,
        "payee_account": household.payee_account,
        "old_home_use": household.old_home_use.value,
    }


# What a household snapshot logged before migration 0009 leaves out: the compensation
# choice; and before 0010: the transition housing, payee account and old home use.
# Those migrations gave every stored household these defaults.
HOUSEHOLD_DEFAULTS: Snapshot = {
    "compensation_mode": CompensationMode.AREA.value,
    "mode_chosen_on": None,
    "assessed_value": None,
    "appraisal_report": "",
    "transition_housing": "",
    "transition_from": None,
    "transition_until": None,
    "payee_bank": "",
    "payee_name": "",
    "payee_account": "",
    "old_home_use": OldHomeUse.RESIDENTIAL.value,
}

# What a flat snapshot logged before migration 0010 leaves out (no flat stated it then).
FLAT_DEFAULTS: Snapshot = {"inner_area": None}


def upgrade_household_snapshot(data: Snapshot) -> Snapshot:
    """A logged household snapshot in today's form (older ones lack the later keys)."""
    return _upgraded(data, HOUSEHOLD_DEFAULTS)


def upgrade_flat_snapshot(data: Snapshot) -> Snapshot:
    """A logged flat snapshot in today's form (older ones lack the inner area)."""
    return _upgraded(data, FLAT_DEFAULTS)


def _upgraded(data: Snapshot, defaults: Snapshot) -> Snapshot:
    if all(key in data for key in defaults):
        return data
    return {**defaults, **data}


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def flat_snapshot(flat: Flat) -> Snapshot:
    return {
        "building": flat.building,
        "unit": flat.unit,
        "floor": flat.floor,
        "number": flat.number,
        "area": str(quantize_area(flat.area)),
        "layout": flat.layout,
        "orientation": flat.orientation,
        "base_price": str(quantize_money(flat.base_price)),
        "status": flat.status.value,
        "inner_area": None if flat.inner_area is None else str(quantize_area(flat.inner_area)),
    }


def member_from_snapshot(data: Snapshot) -> Member:
    return Member(
        name=data["name"],
        id_number=data["id_number"],
        relation=data["relation"],
        recognised=data["recognised"],
        conditions=frozenset(Condition(c) for c in data["conditions"]),
        disability_grade=data["disability_grade"],
        new_member=data["new_member"],
    )


def household_from_snapshot(data: Snapshot) -> Household:
    data = upgrade_household_snapshot(data)
    signed_on, chosen_on, value = data["signed_on"], data["mode_chosen_on"], data["assessed_value"]
    return Household(
        code=data["code"],
        head_name=data["head_name"],
        head_id=data["head_id"],
        phone=data["phone"],
        address=data["address"],
        legal_area=Decimal(data["legal_area"]),
        signed_on=date.fromisoformat(signed_on) if signed_on else None,
        signing_seq=data["signing_seq"],
        notes=data["notes"],
        status=HouseholdStatus(data["status"]),
        members=tuple(member_from_snapshot(m) for m in data["members"]),
        compensation_mode=CompensationMode(data["compensation_mode"]),
        mode_chosen_on=date.fromisoformat(chosen_on) if chosen_on else None,
        assessed_value=None if value is None else Decimal(value),
        appraisal_report=data["appraisal_report"],
        transition_housing=data["transition_housing"],
        transition_from=_date(data["transition_from"]),
        transition_until=_date(data["transition_until"]),
        payee_bank=data["payee_bank"],
        payee_name=data["payee_name"],
        payee_account=data["payee_account"],
        old_home_use=OldHomeUse(data["old_home_use"]),
    )


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def flat_from_snapshot(data: Snapshot) -> Flat:
    data = upgrade_flat_snapshot(data)
    inner_area = data["inner_area"]
    return Flat(
        building=data["building"],
        unit=data["unit"],
        floor=data["floor"],
        number=data["number"],
        area=Decimal(data["area"]),
        layout=data["layout"],
        orientation=data["orientation"],
        base_price=Decimal(data["base_price"]),
        status=FlatStatus(data["status"]),
        inner_area=None if inner_area is None else Decimal(inner_area),
    )


_quoted = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) writes for a str


class _Unusual(Exception):
    """A value of a type the spelled-out encoder does not take: canonical_json spells it."""


#: A household snapshot's fields in sorted order: the order of an import batch's rows.
HOUSEHOLD_FIELDS: tuple[str, ...] = (
    "address", "appraisal_report", "assessed_value", "code", "compensation_mode", "head_id",
    "head_name", "legal_area", "members", "mode_chosen_on", "notes", "old_home_use",
    "payee_account", "payee_bank", "payee_name", "phone", "signed_on", "signing_seq",
    "status", "transition_from", "transition_housing", "transition_until")


def household_row_json(household: Household) -> str:
    """canonical_json of household_snapshot(household)'s values in HOUSEHOLD_FIELDS order
    (one row of an import batch), spelled out value by value: the same text, about twice
    as fast.

    A bulk import encodes one row per household (100,000 in a city's file)
    without building the snapshot's dicts. A value of any other type than the
    model's (an int that is a bool, a number where text belongs) takes
    canonical_json itself, so the hashed text never differs (a property test in
    tests/db/test_bulk_append.py holds the two equal).
    """
    try:
        return _household_row(household)
    except (_Unusual, TypeError):
        snapshot = household_snapshot(household)
        return canonical_json([snapshot[field] for field in HOUSEHOLD_FIELDS])


def _household_row(h: Household) -> str:
    q = _quoted
    value = h.assessed_value
    return "".join((
        "[", q(h.address),
        ",", q(h.appraisal_report),
        ",", "null" if value is None else q(str(quantize_money(value))),
        ",", q(h.code),
        ",", q(h.compensation_mode.value),
        ",", q(h.head_id),
        ",", q(h.head_name),
        ",", q(str(quantize_area(h.legal_area))),
        ",[", ",".join([_member_json(m) for m in h.members]),
        "],", _day_json(h.mode_chosen_on),
        ",", q(h.notes),
        ",", q(h.old_home_use.value),
        ",", q(h.payee_account),
        ",", q(h.payee_bank),
        ",", q(h.payee_name),
        ",", q(h.phone),
        ",", _day_json(h.signed_on),
        ",", _int_json(h.signing_seq),
        ",", q(h.status.value),
        ",", _day_json(h.transition_from),
        ",", q(h.transition_housing),
        ",", _day_json(h.transition_until), "]"))


def _member_json(m: Member) -> str:
    q = _quoted
    return "".join((
        '{"conditions":[', ",".join([q(c) for c in sorted(c.value for c in m.conditions)]),
        '],"disability_grade":', _int_json(m.disability_grade),
        ',"id_number":', q(m.id_number),
        ',"name":', q(m.name),
        ',"new_member":', _bool_json(m.new_member),
        ',"recognised":', _bool_json(m.recognised),
        ',"relation":', q(m.relation), "}"))


def _int_json(value: Any) -> str:
    if value is None:
        return "null"
    if type(value) is not int:
        raise _Unusual
    return int.__repr__(value)


def _bool_json(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    raise _Unusual


def _day_json(value: date | None) -> str:
    # _day's None for a falsy day: a date is never falsy, so None and a day are the cases.
    if not value:
        return "null"
    if type(value) is not date:
        raise _Unusual
    return '"' + value.isoformat() + '"'
