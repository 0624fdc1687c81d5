"""Interface words for the casework's kinds and states (English source, Chinese catalogue).

The ledger's own Chinese words live in allocation.casework (``.zh``, used by
printouts and Excel files); these are the interface's, so that an English
interface says English.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from allocation.casework import FlagKind, FlagStatus, RequestKind, RequestStatus, VisitMethod
from allocation.registry import HouseholdStatus

CONTEXT = "CaseworkLabels"

LABELS: dict[Enum, str] = {
    VisitMethod.HOME: QT_TRANSLATE_NOOP("CaseworkLabels", "Home visit"),
    VisitMethod.PHONE: QT_TRANSLATE_NOOP("CaseworkLabels", "Phone call"),
    VisitMethod.OFFICE: QT_TRANSLATE_NOOP("CaseworkLabels", "Came to the office"),
    VisitMethod.OTHER: QT_TRANSLATE_NOOP("CaseworkLabels", "Other"),
    RequestKind.REQUEST: QT_TRANSLATE_NOOP("CaseworkLabels", "Request"),
    RequestKind.SUGGESTION: QT_TRANSLATE_NOOP("CaseworkLabels", "Suggestion"),
    RequestStatus.OPEN: QT_TRANSLATE_NOOP("CaseworkLabels", "Waiting for an answer"),
    RequestStatus.ANSWERED: QT_TRANSLATE_NOOP("CaseworkLabels", "Answered"),
    RequestStatus.CLOSED: QT_TRANSLATE_NOOP("CaseworkLabels", "Closed"),
    FlagKind.SECOND_CHILD: QT_TRANSLATE_NOOP("CaseworkLabels", "Second-child quota"),
    FlagKind.NEW_MEMBER: QT_TRANSLATE_NOOP("CaseworkLabels", "New member claim"),
    FlagKind.PRICE_DIFFERENCE: QT_TRANSLATE_NOOP("CaseworkLabels", "Pays a price difference"),
    FlagKind.SERIOUS_ILLNESS: QT_TRANSLATE_NOOP("CaseworkLabels", "Serious illness"),
    FlagKind.EXTREME_HARDSHIP: QT_TRANSLATE_NOOP("CaseworkLabels", "Extreme hardship"),
    FlagKind.LOW_INCOME: QT_TRANSLATE_NOOP("CaseworkLabels", "Low income"),
    FlagKind.DISABILITY: QT_TRANSLATE_NOOP("CaseworkLabels", "Disability"),
    FlagStatus.CLAIMED: QT_TRANSLATE_NOOP("CaseworkLabels", "Claimed"),
    FlagStatus.REVIEWING: QT_TRANSLATE_NOOP("CaseworkLabels", "Being checked"),
    FlagStatus.APPROVED: QT_TRANSLATE_NOOP("CaseworkLabels", "Approved"),
    FlagStatus.REJECTED: QT_TRANSLATE_NOOP("CaseworkLabels", "Not approved"),
}

# The progress steps, as the Progress page and the case log name them.
STEP_LABELS: dict[HouseholdStatus, str] = {
    HouseholdStatus.REGISTERED: QT_TRANSLATE_NOOP("CaseworkLabels", "Registered"),
    HouseholdStatus.VERIFIED: QT_TRANSLATE_NOOP("CaseworkLabels", "Verified"),
    HouseholdStatus.SIGNED: QT_TRANSLATE_NOOP("CaseworkLabels", "Agreement signed"),
    HouseholdStatus.MOVED_OUT: QT_TRANSLATE_NOOP("CaseworkLabels", "Moved out"),
    HouseholdStatus.FLAT_CHOSEN: QT_TRANSLATE_NOOP("CaseworkLabels", "Flat chosen"),
    HouseholdStatus.KEYS_HANDED: QT_TRANSLATE_NOOP("CaseworkLabels", "Keys handed over"),
}
NO_TEAM = QT_TRANSLATE_NOOP("CaseworkLabels", "No team")


def label(value: Enum) -> str:
    return QCoreApplication.translate(CONTEXT, LABELS[value])


def step_label(step: HouseholdStatus) -> str:
    return QCoreApplication.translate(CONTEXT, STEP_LABELS[step])


def no_team() -> str:
    return QCoreApplication.translate(CONTEXT, NO_TEAM)


def day_text(day: object) -> str:
    """A date as the tables show it (2026-08-01), "" for none."""
    return day.isoformat() if hasattr(day, "isoformat") else ""


