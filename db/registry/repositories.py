"""Records to domain dataclasses and back; no ORM object leaves db/."""

from __future__ import annotations

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
from db.records import FlatRecord, HouseholdRecord, MemberRecord


def conditions_text(conditions: frozenset[Condition]) -> str:
    return ",".join(sorted(c.value for c in conditions))


def conditions_from_text(text: str) -> frozenset[Condition]:
    return frozenset(Condition(c) for c in text.split(",") if c)


def member_from_record(record: MemberRecord) -> Member:
    return Member(
        name=record.name,
        id_number=record.id_number,
        relation=record.relation,
        recognised=record.recognised,
        conditions=conditions_from_text(record.conditions),
        disability_grade=record.disability_grade,
        new_member=record.new_member,
    )


def household_from_record(record: HouseholdRecord) -> Household:
    return Household(
        code=record.code,
        head_name=record.head_name,
        head_id=record.head_id,
        phone=record.phone,
        address=record.address,
        legal_area=record.legal_area,
        signed_on=record.signed_on,
        signing_seq=record.signing_seq,
        notes=record.notes,
        status=HouseholdStatus(record.status),
        members=tuple(member_from_record(m) for m in record.members),
        compensation_mode=CompensationMode(record.compensation_mode),
        mode_chosen_on=record.mode_chosen_on,
        assessed_value=record.assessed_value,
        appraisal_report=record.appraisal_report,
        transition_housing=record.transition_housing,
        transition_from=record.transition_from,
        transition_until=record.transition_until,
        payee_bank=record.payee_bank,
        payee_name=record.payee_name,
        payee_account=record.payee_account,
        old_home_use=OldHomeUse(record.old_home_use),
    )


def search_text(household: Household) -> str:
    """What instant search matches: code, phone, every member's name and ID, lower-cased."""
    people = [m.name for m in household.members] + [m.id_number for m in household.members]
    return " ".join([household.code, household.phone, *people]).lower()


def household_columns(household: Household) -> dict[str, Any]:
    """Column values of a household row (without ids and version), derived ones included."""
    members = household.members
    return {
        "member_count": len(members),
        "recognised_count": sum(m.recognised for m in members),
        "new_member_count": sum(m.new_member for m in members),
        "member_conditions": conditions_text(household.conditions),
        "search_text": search_text(household),
        "code": household.code,
        "head_name": household.head_name,
        "head_id": household.head_id,
        "phone": household.phone,
        "address": household.address,
        "legal_area": quantize_area(household.legal_area),
        "signed_on": household.signed_on,
        "signing_seq": household.signing_seq,
        "notes": household.notes,
        "status": household.status.value,
        "compensation_mode": household.compensation_mode.value,
        "mode_chosen_on": household.mode_chosen_on,
        "assessed_value": (None if household.assessed_value is None
                           else quantize_money(household.assessed_value)),
        "appraisal_report": household.appraisal_report,
        "transition_housing": household.transition_housing,
        "transition_from": household.transition_from,
        "transition_until": household.transition_until,
        "payee_bank": household.payee_bank,
        "payee_name": household.payee_name,
        "payee_account": household.payee_account,
        "old_home_use": household.old_home_use.value,
    }


def member_columns(member: Member, position: int) -> dict[str, Any]:
    return {
        "position": position,
        "name": member.name,
        "id_number": member.id_number,
        "relation": member.relation,
        "recognised": member.recognised,
        "conditions": conditions_text(member.conditions),
        "disability_grade": member.disability_grade,
        "new_member": member.new_member,
    }


def flat_from_record(record: FlatRecord) -> Flat:
    return Flat(
        building=record.building,
        unit=record.unit,
        floor=record.floor,
        number=record.number,
        area=record.area,
        layout=record.layout,
        orientation=record.orientation,
        base_price=record.base_price,
        status=FlatStatus(record.status),
        inner_area=record.inner_area,
    )


def flat_columns(flat: Flat) -> dict[str, Any]:
    return {
        "building": flat.building,
        "unit": flat.unit,
        "floor": flat.floor,
        "number": flat.number,
        "area": quantize_area(flat.area),
        "layout": flat.layout,
        "orientation": flat.orientation,
        "base_price": quantize_money(flat.base_price),
        "status": flat.status.value,
        "inner_area": None if flat.inner_area is None else quantize_area(flat.inner_area),
    }
