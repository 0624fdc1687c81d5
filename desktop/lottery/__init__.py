"""desktop.lottery: TODO face docstring."""

from desktop.lottery.draw_page import DrawPage

__all__ = [
    "DrawPage",
]
