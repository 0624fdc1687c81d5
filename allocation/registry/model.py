"""The registry's domain types: households, their members, and flats.

Frozen dataclasses with Decimal areas and money. Chinese vocabulary that is
*data* (what an office writes in its ledger, e.g. 残疾 or 已选) lives here so
that importers and exporters share one spelling; user-interface wording
lives in desktop/.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import NewType

ProjectId = NewType("ProjectId", int)
HouseholdId = NewType("HouseholdId", int)
FlatId = NewType("FlatId", int)

CENT = Decimal("0.01")


def quantize_area(value: Decimal) -> Decimal:
    """Areas are kept to 0.01 m², rounded half up as offices do."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def quantize_money(value: Decimal) -> Decimal:
    """Money is kept to 0.01 yuan, rounded half up."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


class Condition(enum.StrEnum):
    """Special conditions of a person that policies may reward or prioritise."""

    DISABILITY = "disability"
    LOW_INCOME = "low_income"
    EXTREME_HARDSHIP = "extreme_hardship"
    SERIOUS_ILLNESS = "serious_illness"
    MARTYR_FAMILY = "martyr_family"

    @property
    def zh(self) -> str:
        return CONDITION_ZH[self]


CONDITION_ZH: dict[Condition, str] = {
    Condition.DISABILITY: "残疾",
    Condition.LOW_INCOME: "低保",
    Condition.EXTREME_HARDSHIP: "特困",
    Condition.SERIOUS_ILLNESS: "重病",
    Condition.MARTYR_FAMILY: "烈属",
}


class HouseholdStatus(enum.StrEnum):
    """Where a household stands in the work (grows with the casework issue)."""

    REGISTERED = "registered"
    VERIFIED = "verified"
    SIGNED = "signed"
    MOVED_OUT = "moved_out"
    FLAT_CHOSEN = "flat_chosen"
    KEYS_HANDED = "keys_handed"

    @property
    def zh(self) -> str:
        return HOUSEHOLD_STATUS_ZH[self]


HOUSEHOLD_STATUS_ZH: dict[HouseholdStatus, str] = {
    HouseholdStatus.REGISTERED: "已登记",
    HouseholdStatus.VERIFIED: "已核实",
    HouseholdStatus.SIGNED: "已签约",
    HouseholdStatus.MOVED_OUT: "已搬迁",
    HouseholdStatus.FLAT_CHOSEN: "已选房",
    HouseholdStatus.KEYS_HANDED: "已交房",
}


class FlatStatus(enum.StrEnum):
    """State of a flat in the housing stock."""

    AVAILABLE = "available"
    RESERVED = "reserved"
    SELECTED = "selected"
    UNAVAILABLE = "unavailable"

    @property
    def zh(self) -> str:
        return FLAT_STATUS_ZH[self]


FLAT_STATUS_ZH: dict[FlatStatus, str] = {
    FlatStatus.AVAILABLE: "可选",
    FlatStatus.RESERVED: "保留",
    FlatStatus.SELECTED: "已选",
    FlatStatus.UNAVAILABLE: "不可用",
}

class CompensationMode(enum.StrEnum):
    """How a household is compensated (补偿方式): Decree 590 Art. 21 gives it the choice.

    ``area``: property exchange by area (产权调换, the entitlement in m²);
    ``value``: property exchange by value (价值互换: the assessed value of the
    old home, with subsidies, buys the new flats' value); ``money``: money
    compensation (货币补偿: no flat, not in the selection pool).
    """

    AREA = "area"
    VALUE = "value"
    MONEY = "money"

    @property
    def zh(self) -> str:
        return COMPENSATION_MODE_ZH[self]


COMPENSATION_MODE_ZH: dict[CompensationMode, str] = {
    CompensationMode.AREA: "产权调换（按面积）",
    CompensationMode.VALUE: "产权调换（价值互换）",
    CompensationMode.MONEY: "货币补偿",
}

class OldHomeUse(enum.StrEnum):
    """What the old home was used for (原房屋用途): a non-residential unit (商铺, 厂房,
    经营用房) is owed the loss of production and business (停产停业损失, Decree 590
    Art. 17 and 23) besides its value; a home is not."""

    RESIDENTIAL = "residential"
    NON_RESIDENTIAL = "non_residential"

    @property
    def zh(self) -> str:
        return OLD_HOME_USE_ZH[self]


OLD_HOME_USE_ZH: dict[OldHomeUse, str] = {
    OldHomeUse.RESIDENTIAL: "住宅",
    OldHomeUse.NON_RESIDENTIAL: "非住宅",
}

HEAD_RELATION = "户主"


@dataclass(frozen=True, slots=True)
class Member:
    """A person in a household. The head is a member whose relation is 户主."""

    name: str
    id_number: str
    relation: str = HEAD_RELATION
    recognised: bool = True
    conditions: frozenset[Condition] = frozenset()
    disability_grade: int | None = None
    new_member: bool = False

    @property
    def is_head(self) -> bool:
        return self.relation == HEAD_RELATION


@dataclass(frozen=True, slots=True)
class Household:
    """One registered household (一户一表). ``code`` is its 户号, unique per project."""

    code: str
    head_name: str
    head_id: str
    legal_area: Decimal
    phone: str = ""
    address: str = ""
    signed_on: date | None = None
    signing_seq: int | None = None
    notes: str = ""
    status: HouseholdStatus = HouseholdStatus.REGISTERED
    members: tuple[Member, ...] = field(default_factory=tuple)
    # 补偿方式 and the day the household chose it; the old home's assessed value (评估价值,
    # yuan) with the appraisal report's number (评估报告编号), which value and money modes use.
    compensation_mode: CompensationMode = CompensationMode.AREA
    mode_chosen_on: date | None = None
    assessed_value: Decimal | None = None
    appraisal_report: str = ""
    # 过渡方式: a household waits for its new flat on the transition allowance (自行过渡,
    # the default: no address) or in transition housing lent by the office (周转用房), at
    # ``transition_housing`` from ``transition_from`` until ``transition_until``. It then
    # moves twice (out of the old home, out of the transition flat), which the policy's
    # per-move items count, and gets the allowance only if the policy says so.
    transition_housing: str = ""
    transition_from: date | None = None
    transition_until: date | None = None
    # 收款账户: where party A pays what the agreement owes the household. Personal data:
    # printed on the household's own agreement only, never on a public paper.
    payee_bank: str = ""
    payee_name: str = ""
    payee_account: str = ""
    old_home_use: OldHomeUse = OldHomeUse.RESIDENTIAL

    @property
    def in_transition_housing(self) -> bool:
        """Whether the household waits in transition housing (周转用房过渡)."""
        return bool(self.transition_housing)

    @property
    def recognised_count(self) -> int:
        return sum(1 for m in self.members if m.recognised)

    @property
    def conditions(self) -> frozenset[Condition]:
        """Every special condition of any member."""
        found: set[Condition] = set()
        for member in self.members:
            found |= member.conditions
        return frozenset(found)


@dataclass(frozen=True, slots=True)
class Flat:
    """One new flat. ``key`` (楼栋-单元-房号) is unique per project."""

    building: str
    unit: str
    floor: int
    number: str
    area: Decimal
    layout: str
    base_price: Decimal
    orientation: str = ""
    status: FlatStatus = FlatStatus.AVAILABLE
    # 套内建筑面积, m², when the register states it (``area`` is the 建筑面积, which
    # includes the flat's share of the common parts, 公摊). A policy that prices by inner
    # area reads it (allocation.rules.pricing).
    inner_area: Decimal | None = None

    @property
    def key(self) -> str:
        return flat_key(self.building, self.unit, self.number)

    @property
    def list_price(self) -> Decimal:
        """Area × base price in yuan, rounded half up to the fen: the flat's price as listed.

        What the housing stock shows for a flat; what a household pays is the
        policy's business (:mod:`allocation.rules.pricing`: tiers, floor
        coefficients, the entitlement).
        """
        return quantize_money(self.area * self.base_price)


KEY_SEPARATOR = "-"


def flat_key(building: str, unit: str, number: str) -> str:
    """The printed identity of a flat, e.g. ``"1-2-301"`` (building and unit hold no "-")."""
    return KEY_SEPARATOR.join((building, unit, number))
