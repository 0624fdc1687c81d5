"""desktop.session: TODO face docstring."""

from desktop.session.display_window import DisplayWindow, screen_by_number, screen_name, screens
from desktop.session.session_page import SessionPage

__all__ = [
    "DisplayWindow",
    "SessionPage",
    "screen_by_number",
    "screen_name",
    "screens",
]
