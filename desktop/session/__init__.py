"""The session day on screen: the operator's desk (turns, the household card, the acts
and their dialogs, the slip) and the hall display with its grid of flats and countdown,
on a second screen or in a window."""

from desktop.session.display_window import DisplayWindow, screen_by_number, screen_name, screens
from desktop.session.session_page import SessionPage
from desktop.session.session_words import session_status, turn_state

__all__ = [
    "DisplayWindow",
    "SessionPage",
    "screen_by_number",
    "screen_name",
    "screens",
    "session_status",
    "turn_state",
]
