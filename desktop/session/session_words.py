"""Words and number formats of the selection session, shared by the desk and the display."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from allocation.money import format_yuan
from db.selection import (
    ABSENT,
    CALLED,
    CLOSED,
    DECLINED,
    MOVED_TO_END,
    OPEN,
    PAUSED,
    REVOKED,
    SELECTED,
    SKIPPED,
    WAITING,
)

CONTEXT = "SessionWords"

TURN_STATES: dict[str, str] = {
    WAITING: QT_TRANSLATE_NOOP("SessionWords", "waiting"),
    CALLED: QT_TRANSLATE_NOOP("SessionWords", "at the desk"),
    SELECTED: QT_TRANSLATE_NOOP("SessionWords", "flat chosen"),
    SKIPPED: QT_TRANSLATE_NOOP("SessionWords", "passed over"),
    MOVED_TO_END: QT_TRANSLATE_NOOP("SessionWords", "moved to the end"),
    ABSENT: QT_TRANSLATE_NOOP("SessionWords", "absent"),
    DECLINED: QT_TRANSLATE_NOOP("SessionWords", "took no flat"),
    REVOKED: QT_TRANSLATE_NOOP("SessionWords", "revoked, to choose again"),
}
SESSION_STATUSES: dict[str, str] = {
    OPEN: QT_TRANSLATE_NOOP("SessionWords", "in progress"),
    PAUSED: QT_TRANSLATE_NOOP("SessionWords", "paused"),
    CLOSED: QT_TRANSLATE_NOOP("SessionWords", "closed"),
}


def turn_state(state: str) -> str:
    """A turn's state in words (the code itself if unknown)."""
    return QCoreApplication.translate(CONTEXT, TURN_STATES[state]) if state in TURN_STATES \
        else state


def session_status(status: str) -> str:
    return QCoreApplication.translate(CONTEXT, SESSION_STATUSES[status]) \
        if status in SESSION_STATUSES else status


yuan = format_yuan  # 1,234.50: the same figures the notices and agreements print


def signed_yuan(amount: Decimal) -> str:
    """A balance with its sign: ``+1,000.00`` is paid to the household."""
    return ("+" if amount > 0 else "") + format_yuan(amount)


def area(value: Decimal) -> str:
    return f"{value:,.2f}"


def signed_area(value: Decimal) -> str:
    return f"{value:+,.2f}"


def order_number(number: int) -> str:
    """选房顺序号 as said in the hall: 第 12 号."""
    return QCoreApplication.translate("SessionWords", "No. {number}").format(number=number)
