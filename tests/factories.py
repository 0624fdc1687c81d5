"""Test data builders with sensible defaults: valid households, members and flats."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from allocation.registry.ids import make_id
from allocation.registry.model import Condition, Flat, Household, Member

REGION = "110101"


def person_id(seq: int, birth: date = date(1970, 1, 1), sex: str = "M") -> str:
    """A valid ID number; ``seq`` (0–999) makes it unique for one birth date."""
    return make_id(REGION, birth, seq, sex)


def make_member(seq: int, name: str = "张三", relation: str = "户主", **changes: object) -> Member:
    fields: dict[str, object] = {"name": name, "id_number": person_id(seq), "relation": relation}
    fields.update(changes)
    return Member(**fields)  # type: ignore[arg-type]


def make_household(code: str = "H001", seq: int = 1, size: int = 3,
                   **changes: object) -> Household:
    """A household of ``size`` people whose ID numbers start at ``seq * 10``."""
    names = ["张三", "李梅", "张小明", "张小红", "王芳", "张大爷"]
    relations = ["户主", "配偶", "子", "女", "儿媳", "父"]
    members = tuple(
        Member(name=names[i], id_number=person_id(seq * 10 + i, date(1960 + i * 7, 3, 1)),
               relation=relations[i])
        for i in range(size))
    fields: dict[str, object] = {
        "code": code, "head_name": members[0].name, "head_id": members[0].id_number,
        "legal_area": Decimal("88.50"), "phone": "13800138000", "address": "中山路1号",
        "members": members,
    }
    fields.update(changes)
    return Household(**fields)  # type: ignore[arg-type]


def with_condition(household: Household, index: int, condition: Condition,
                   grade: int | None = None) -> Household:
    members = list(household.members)
    old = members[index]
    members[index] = Member(old.name, old.id_number, old.relation, old.recognised,
                            old.conditions | {condition}, grade, old.new_member)
    return Household(**{**_fields(household), "members": tuple(members)})


def _fields(household: Household) -> dict[str, object]:
    return {name: getattr(household, name) for name in household.__dataclass_fields__}


def make_flat(building: str = "1", unit: str = "1", floor: int = 3, number: str = "301",
              **changes: object) -> Flat:
    fields: dict[str, object] = {
        "building": building, "unit": unit, "floor": floor, "number": number,
        "area": Decimal("85.00"), "layout": "3室2厅1卫", "orientation": "南北",
        "base_price": Decimal("4000.00"),
    }
    fields.update(changes)
    return Flat(**fields)  # type: ignore[arg-type]
