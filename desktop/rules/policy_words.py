"""Interface words of the rules editor: condition facts, comparisons, choices; and field marks.

The policy keeps its own names (``max_member_age``, ``signing_seq``); the
forms show these translated labels instead and keep the names as item data.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

CONTEXT = "PolicyWords"

FIELD_LABELS: dict[str, str] = {
    # household facts
    "member_count": QT_TRANSLATE_NOOP("PolicyWords", "registered members"),
    "recognised_count": QT_TRANSLATE_NOOP("PolicyWords", "recognised members"),
    "max_member_age": QT_TRANSLATE_NOOP("PolicyWords", "age of the oldest member"),
    "min_member_age": QT_TRANSLATE_NOOP("PolicyWords", "age of the youngest member"),
    "new_member_count": QT_TRANSLATE_NOOP("PolicyWords", "number of new members"),
    "disabled_count": QT_TRANSLATE_NOOP("PolicyWords", "number of disabled members"),
    "severest_disability_grade": QT_TRANSLATE_NOOP(
        "PolicyWords", "most severe disability grade"),
    "conditions": QT_TRANSLATE_NOOP("PolicyWords", "special conditions"),
    "has_disability": QT_TRANSLATE_NOOP("PolicyWords", "has a disabled member"),
    "low_income": QT_TRANSLATE_NOOP("PolicyWords", "receives 低保"),
    "signed": QT_TRANSLATE_NOOP("PolicyWords", "has signed"),
    "signed_on": QT_TRANSLATE_NOOP("PolicyWords", "signing date"),
    "signing_seq": QT_TRANSLATE_NOOP("PolicyWords", "signing order number"),
    "legal_area": QT_TRANSLATE_NOOP("PolicyWords", "original legal area (m²)"),
    "code": QT_TRANSLATE_NOOP("PolicyWords", "household code"),
    "status": QT_TRANSLATE_NOOP("PolicyWords", "registry status"),
    "old_home_use": QT_TRANSLATE_NOOP("PolicyWords", "old home use"),
    "in_transition_housing": QT_TRANSLATE_NOOP("PolicyWords", "waits in transition housing"),
    # member facts (conditions, has_disability as above)
    "age": QT_TRANSLATE_NOOP("PolicyWords", "age"),
    "relation": QT_TRANSLATE_NOOP("PolicyWords", "relation to the head"),
    "is_head": QT_TRANSLATE_NOOP("PolicyWords", "is the head"),
    "new_member": QT_TRANSLATE_NOOP("PolicyWords", "is a new member"),
    "disability_grade": QT_TRANSLATE_NOOP("PolicyWords", "disability grade"),
}

OPERATOR_ORDER = (">=", ">", "<=", "<", "==", "!=", "before", "after", "in", "has")
OPERATOR_LABELS: dict[str, str] = {
    ">=": QT_TRANSLATE_NOOP("PolicyWords", "≥"),
    ">": QT_TRANSLATE_NOOP("PolicyWords", ">"),
    "<=": QT_TRANSLATE_NOOP("PolicyWords", "≤"),
    "<": QT_TRANSLATE_NOOP("PolicyWords", "<"),
    "==": QT_TRANSLATE_NOOP("PolicyWords", "is"),
    "!=": QT_TRANSLATE_NOOP("PolicyWords", "is not"),
    "before": QT_TRANSLATE_NOOP("PolicyWords", "before"),
    "after": QT_TRANSLATE_NOOP("PolicyWords", "after"),
    "in": QT_TRANSLATE_NOOP("PolicyWords", "is one of"),
    "has": QT_TRANSLATE_NOOP("PolicyWords", "includes"),
}

# Choices of the policy's enumerated keys, by group; the keys are the policy's own words.
CHOICES: dict[str, dict[str, str]] = {
    "mode": {
        "all": QT_TRANSLATE_NOOP("PolicyWords", "all of these hold"),
        "any": QT_TRANSLATE_NOOP("PolicyWords", "any of these holds"),
    },
    "combine": {
        "people": QT_TRANSLATE_NOOP("PolicyWords", "by recognised people"),
        "legal": QT_TRANSLATE_NOOP("PolicyWords", "by original legal area"),
        "max": QT_TRANSLATE_NOOP("PolicyWords", "the larger of the two"),
        "sum": QT_TRANSLATE_NOOP("PolicyWords", "the sum of the two"),
    },
    "per": {
        "household": QT_TRANSLATE_NOOP("PolicyWords", "per household"),
        "person": QT_TRANSLATE_NOOP("PolicyWords", "per person"),
        "certificate": QT_TRANSLATE_NOOP("PolicyWords", "per certificate"),
        "legal_area": QT_TRANSLATE_NOOP("PolicyWords", "per m² of legal area"),
    },
    # A compensation item's moves (搬迁费), the JSON's moves and own_transition_moves in one
    # choice (desktop.rules.policy_editor: move_key, moves_of).
    "moves": {
        "no": QT_TRANSLATE_NOOP("PolicyWords", "once"),
        "per_move": QT_TRANSLATE_NOOP("PolicyWords", "per move"),
        "per_move_own_once": QT_TRANSLATE_NOOP("PolicyWords", "per move, own transition once"),
    },
    "area_basis": {
        "building": QT_TRANSLATE_NOOP("PolicyWords", "building area"),
        "inner": QT_TRANSLATE_NOOP("PolicyWords", "inner area"),
    },
    "members": {
        "recognised": QT_TRANSLATE_NOOP("PolicyWords", "recognised members"),
        "registered": QT_TRANSLATE_NOOP("PolicyWords", "all registered members"),
    },
    "order_within": {
        "lottery": QT_TRANSLATE_NOOP("PolicyWords", "lottery"),
        "signing_seq": QT_TRANSLATE_NOOP("PolicyWords", "signing order, then lottery"),
        "signed_on": QT_TRANSLATE_NOOP("PolicyWords", "signing date, then lottery"),
        "oldest_first": QT_TRANSLATE_NOOP("PolicyWords", "oldest first, then lottery"),
    },
    "bool": {
        "true": QT_TRANSLATE_NOOP("PolicyWords", "yes"),
        "false": QT_TRANSLATE_NOOP("PolicyWords", "no"),
    },
    "old_home_use": {
        "residential": QT_TRANSLATE_NOOP("PolicyWords", "residential"),
        "non_residential": QT_TRANSLATE_NOOP("PolicyWords", "non-residential"),
    },
    # Where a household absent after its calls is called again (allocation.rules.absence).
    "absent": {
        "end_of_batch": QT_TRANSLATE_NOOP("PolicyWords", "at the end of its batch"),
        "next_batch": QT_TRANSLATE_NOOP("PolicyWords", "at the end of the next batch"),
        "final_round": QT_TRANSLATE_NOOP("PolicyWords", "only in the final call at the close"),
    },
    "status": {
        "draft": QT_TRANSLATE_NOOP("PolicyWords", "draft"),
        "frozen": QT_TRANSLATE_NOOP("PolicyWords", "frozen"),
        "superseded": QT_TRANSLATE_NOOP("PolicyWords", "superseded"),
    },
}

UNKNOWN = QT_TRANSLATE_NOOP("PolicyWords", "{name} (unknown)")
INVALID_STYLE = "background: #ffe3e3; border: 1px solid #c62828;"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def field_label(name: object) -> str:
    """The label of a condition fact; an unknown name is shown as written, marked unknown."""
    if isinstance(name, str) and name in FIELD_LABELS:
        return tr(FIELD_LABELS[name])
    return tr(UNKNOWN).format(name=name)


def operator_label(op: object) -> str:
    if isinstance(op, str) and op in OPERATOR_LABELS:
        return tr(OPERATOR_LABELS[op])
    return tr(UNKNOWN).format(name=op)


def choice_label(group: str, key: object) -> str:
    labels = CHOICES[group]
    if isinstance(key, str) and key in labels:
        return tr(labels[key])
    return tr(UNKNOWN).format(name=key)


def mark(widget: QWidget, message: str | None) -> None:
    """Colour ``widget`` as the place of a problem (``message`` as its tip), or clear it."""
    base = widget.property("base_tip")
    if base is None:  # first mark: keep the widget's own tip for when the problem is gone
        base = widget.toolTip()
        widget.setProperty("base_tip", base)
    widget.setStyleSheet(INVALID_STYLE if message else "")
    widget.setToolTip(message or str(base))
