"""The draw page: publish the pool, enter the announced sources and witnesses, draw,
show and export the final order, retract a draw before the session starts."""

from desktop.lottery.draw_page import DrawPage

__all__ = [
    "DrawPage",
]
