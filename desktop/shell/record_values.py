"""Values of the audit log's states in words, from the word tables the pages already have.

The tables live with the pages that show them (a flat's status with the Flats
page, a turn's state with the desk…), on floors the Audit page may not
import; the shell sits above them all and hands the page this one function.
A value without a table is shown as stored.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from allocation.casework import FlagKind, FlagStatus, RequestKind, RequestStatus, VisitMethod
from allocation.registry import CompensationMode, FlatStatus, HouseholdStatus
from desktop import registry
from desktop.casework import casework_label
from desktop.i18n import ROLE_NAMES, tr
from desktop.session import session_status, turn_state


def _enum(kind: type[Enum], words: Callable[[Any], str]) -> Callable[[Any], str]:
    return lambda value: words(kind(value))


def _casework(kind: type[Enum]) -> Callable[[Any], str]:
    return _enum(kind, casework_label)


#: (record kind, field) -> the words of its values; "*" for a field of any record.
VALUE_WORDS: dict[tuple[str, str], Callable[[Any], str]] = {
    ("household", "status"): _enum(HouseholdStatus, registry.status_label),
    ("progress_step", "step"): _enum(HouseholdStatus, registry.status_label),
    ("flat", "status"): _enum(FlatStatus, registry.flat_status_label),
    ("*", "compensation_mode"): _enum(CompensationMode, registry.mode_label),
    ("selection_turn", "state"): turn_state,
    ("selection_session", "status"): session_status,
    ("user", "role"): lambda value: tr(ROLE_NAMES[value]),
    ("visit", "method"): _casework(VisitMethod),
    ("request", "kind"): _casework(RequestKind),
    ("request", "status"): _casework(RequestStatus),
    ("case_flag", "kind"): _casework(FlagKind),
    ("case_flag", "status"): _casework(FlagStatus),
}


def value_in_words(entity: str, field: str, value: Any) -> str | None:
    """The value in words, or None when there are none (or the value is not one it knows)."""
    words = VALUE_WORDS.get((entity, field)) or VALUE_WORDS.get(("*", field))
    if words is None or value is None:
        return None
    try:
        return words(value)
    except (ValueError, KeyError):  # a value from an older version, say: show it as stored
        return None
