"""db.lottery: TODO face docstring."""

from db.lottery.draws import (
    ACTIVE,
    ANNOUNCED,
    RETRACTED,
    Draw,
    PublishedPool,
    announce_and_draw,
    current_draw,
    current_pool,
    draw_history,
    draw_key,
    draw_snapshot,
    pool_key,
    pool_snapshot,
    publish_pool,
    retract_draw,
)

__all__ = [
    "ACTIVE",
    "ANNOUNCED",
    "Draw",
    "PublishedPool",
    "RETRACTED",
    "announce_and_draw",
    "current_draw",
    "current_pool",
    "draw_history",
    "draw_key",
    "draw_snapshot",
    "pool_key",
    "pool_snapshot",
    "publish_pool",
    "retract_draw",
]
