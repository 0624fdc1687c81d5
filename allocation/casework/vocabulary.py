"""Casework vocabulary and rules: visits, requests and their answers, special cases, progress.

The housing office's work around the registry (包户到人): each household has
a responsible pair of staff, who visit it, take its requests (诉求) and
suggestions (建议) and answer them, and follow its special cases (二孩指标,
新增人口, 补差价, hardship). Like :mod:`allocation.registry`, the Chinese words
here are *data* (what the ledger and the printouts say); the desktop owns
the interface wording.

A request moves ``open → answered → closed``; an answered or closed request
may be reopened when the household is not satisfied (the earlier answer
stays in the audit log). :func:`request_transition` is the one place that
decides which moves are allowed.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Final

from allocation.errors import ValidationError
from allocation.registry import HouseholdStatus

MAX_NAME = 64
MAX_TEXT = 2000
MAX_PATH = 500


class VisitMethod(enum.StrEnum):
    """How the household was met."""

    HOME = "home"
    PHONE = "phone"
    OFFICE = "office"
    OTHER = "other"

    @property
    def zh(self) -> str:
        return VISIT_METHOD_ZH[self]


VISIT_METHOD_ZH: Final = {
    VisitMethod.HOME: "入户走访",
    VisitMethod.PHONE: "电话联系",
    VisitMethod.OFFICE: "来访接待",
    VisitMethod.OTHER: "其他",
}


class RequestKind(enum.StrEnum):
    """A request the office must answer (诉求), or a suggestion it collects (建议)."""

    REQUEST = "request"
    SUGGESTION = "suggestion"

    @property
    def zh(self) -> str:
        return REQUEST_KIND_ZH[self]


REQUEST_KIND_ZH: Final = {RequestKind.REQUEST: "诉求", RequestKind.SUGGESTION: "建议"}


class RequestStatus(enum.StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"

    @property
    def zh(self) -> str:
        return REQUEST_STATUS_ZH[self]


REQUEST_STATUS_ZH: Final = {
    RequestStatus.OPEN: "待答复",
    RequestStatus.ANSWERED: "已答复",
    RequestStatus.CLOSED: "已办结",
}


class RequestAction(enum.StrEnum):
    ANSWER = "answer"
    CLOSE = "close"
    REOPEN = "reopen"


# (from, action) -> to. Closing needs an answer first: a request is never closed unanswered.
REQUEST_TRANSITIONS: Final = {
    (RequestStatus.OPEN, RequestAction.ANSWER): RequestStatus.ANSWERED,
    (RequestStatus.ANSWERED, RequestAction.CLOSE): RequestStatus.CLOSED,
    (RequestStatus.ANSWERED, RequestAction.REOPEN): RequestStatus.OPEN,
    (RequestStatus.CLOSED, RequestAction.REOPEN): RequestStatus.OPEN,
}


def request_transition(status: RequestStatus, action: RequestAction) -> RequestStatus:
    """The status after ``action``.

    Raises:
        ValidationError: ``request_already_answered``, ``request_not_answered``,
            ``request_already_closed`` or ``request_still_open`` (params: status, action).
    """
    found = REQUEST_TRANSITIONS.get((status, action))
    if found is None:
        raise ValidationError(_REFUSALS[(status, action)], status=status.value,
                              action=action.value)
    return found


# Why a move is refused, by (status, action): one code each, so the message can say it.
_REFUSALS: Final = {
    (RequestStatus.ANSWERED, RequestAction.ANSWER): "request_already_answered",
    (RequestStatus.CLOSED, RequestAction.ANSWER): "request_already_answered",
    (RequestStatus.OPEN, RequestAction.CLOSE): "request_not_answered",
    (RequestStatus.CLOSED, RequestAction.CLOSE): "request_already_closed",
    (RequestStatus.OPEN, RequestAction.REOPEN): "request_still_open",
}


class FlagKind(enum.StrEnum):
    """Special cases followed per household, each with its own status."""

    SECOND_CHILD = "second_child"
    NEW_MEMBER = "new_member"
    PRICE_DIFFERENCE = "price_difference"
    SERIOUS_ILLNESS = "serious_illness"
    EXTREME_HARDSHIP = "extreme_hardship"
    LOW_INCOME = "low_income"
    DISABILITY = "disability"

    @property
    def zh(self) -> str:
        return FLAG_KIND_ZH[self]


FLAG_KIND_ZH: Final = {
    FlagKind.SECOND_CHILD: "二孩指标",
    FlagKind.NEW_MEMBER: "新增人口",
    FlagKind.PRICE_DIFFERENCE: "补差价",
    FlagKind.SERIOUS_ILLNESS: "重病",
    FlagKind.EXTREME_HARDSHIP: "特困",
    FlagKind.LOW_INCOME: "低保",
    FlagKind.DISABILITY: "残疾",
}


class FlagStatus(enum.StrEnum):
    CLAIMED = "claimed"
    REVIEWING = "reviewing"
    APPROVED = "approved"
    REJECTED = "rejected"

    @property
    def zh(self) -> str:
        return FLAG_STATUS_ZH[self]

    @property
    def decided(self) -> bool:
        return self in (FlagStatus.APPROVED, FlagStatus.REJECTED)


FLAG_STATUS_ZH: Final = {
    FlagStatus.CLAIMED: "已申报",
    FlagStatus.REVIEWING: "核实中",
    FlagStatus.APPROVED: "已认定",
    FlagStatus.REJECTED: "不予认定",
}

# Progress steps stored as casework. Signing is the household's own signed_on and
# signing_seq (the policy may order by them), and a flat is chosen by a selection
# at the session: neither is stored twice.
RECORDED_STEPS: Final = (HouseholdStatus.REGISTERED, HouseholdStatus.VERIFIED,
                         HouseholdStatus.MOVED_OUT, HouseholdStatus.KEYS_HANDED)
STEP_ORDER: Final = {status: rank for rank, status in enumerate(HouseholdStatus)}
# A step that only makes sense after another one.
STEP_NEEDS: Final = {
    HouseholdStatus.MOVED_OUT: HouseholdStatus.SIGNED,
    HouseholdStatus.KEYS_HANDED: HouseholdStatus.FLAT_CHOSEN,
}


def furthest(steps: dict[HouseholdStatus, date]) -> HouseholdStatus:
    """The furthest step reached (REGISTERED when none is recorded)."""
    return max(steps, key=STEP_ORDER.__getitem__, default=HouseholdStatus.REGISTERED)


def household_stage(status: HouseholdStatus,
                    reached: Iterable[HouseholdStatus] = ()) -> HouseholdStatus:
    """A household's stage (已登记 … 已签约 … 已选房 … 已交房): the furthest of its stored
    status and every step it reached, a flat chosen at the session among them.

    The one rule for every place that shows a stage (the Households page, the
    progress table, the case log, the statistics): the desk does not rewrite
    the household row when a flat is chosen, so the stored status alone
    would never say 已选房.
    """
    return max([status, *reached], key=STEP_ORDER.__getitem__)


def check_step(step: HouseholdStatus, on: date, reached: dict[HouseholdStatus, date]) -> None:
    """May ``step`` be recorded on ``on``, given the steps already ``reached`` (with dates)?

    Raises:
        ValidationError: ``step_not_recorded`` (signing and choosing a flat are
            not recorded here), ``step_needs_signing`` / ``step_needs_flat``
            (its prerequisite is missing), ``step_before`` (dated before it).
    """
    if step not in RECORDED_STEPS:
        raise ValidationError("step_not_recorded", step=step.value)
    needed = STEP_NEEDS.get(step)
    if needed is None:
        return
    if needed not in reached:
        code = "step_needs_signing" if needed is HouseholdStatus.SIGNED else "step_needs_flat"
        raise ValidationError(code, step=step.value)
    if on < reached[needed]:
        raise ValidationError("step_before", step=step.value, date=on.isoformat(),
                              needs_date=reached[needed].isoformat())


# --- checks of typed entries -----------------------------------------------------------


def check_text(field: str, value: str, *, required: bool = True, limit: int = MAX_TEXT) -> str:
    """The text stripped; raises ValidationError required_value_missing or too_long."""
    text = value.strip()
    if required and not text:
        raise ValidationError("required_value_missing", field=field)
    if len(text) > limit:
        raise ValidationError("too_long", field=field, max=limit)
    return text


def check_order(field: str, earlier: date, later: date) -> None:
    """``later`` must not come before ``earlier`` (an answer before its request...)."""
    if later < earlier:
        raise ValidationError("date_before_start", field=field, date=later.isoformat(),
                              start=earlier.isoformat())


@dataclass(frozen=True, slots=True)
class Pair:
    """The responsible pair of a household (包户到人): two staff of one team, or one."""

    team: str
    first: str
    second: str | None = None

    @property
    def names(self) -> str:
        return "、".join(n for n in (self.first, self.second) if n)
