"""Date fields as every form uses them: ISO display, a calendar, and an optional date.

One place, so that a date reads the same (2026-08-01) in the casework forms,
the objections dialogs and the printing options.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

#: The value an optional date field shows as "none" (its special value text).
NO_DATE = QDate(2000, 1, 1)


def date_edit(day: date | None = None) -> QDateEdit:
    """A date field with a calendar pop-up, on ``day`` (today unless given)."""
    edit = QDateEdit(QDate.currentDate() if day is None else QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def chosen_date(edit: QDateEdit) -> date:
    """The day a date field shows."""
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def optional_date_edit(none_text: str) -> QDateEdit:
    """A date field that may hold no date: its lowest value shows ``none_text`` (e.g. the
    default that applies then), and it starts there."""
    edit = date_edit()
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(none_text)
    edit.setDate(NO_DATE)
    return edit


def optional_date(edit: QDateEdit) -> date | None:
    """The day an optional date field shows, or None at its "none" value."""
    return None if edit.date() == edit.minimumDate() else chosen_date(edit)
