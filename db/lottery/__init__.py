"""The lottery in the database: the published pool (who is drawn, in which group, locked
from publication on), the announced sources, the one draw and its retraction with a
reason, and "which draw counts" for every page and printout (``counting_draw``)."""

from db.lottery.draws import (
    ACTIVE,
    ANNOUNCED,
    RETRACTED,
    Draw,
    PublishedPool,
    announce_and_draw,
    counting_draw,
    counting_draw_of,
    current_pool,
    draw_history,
    draw_key,
    draw_snapshot,
    lock_counting_draw,
    pool_key,
    pool_snapshot,
    publish_pool,
    published_groups,
    retract_draw,
    standing_draw_of,
)

__all__ = [
    "ACTIVE",
    "ANNOUNCED",
    "Draw",
    "PublishedPool",
    "RETRACTED",
    "announce_and_draw",
    "counting_draw",
    "counting_draw_of",
    "current_pool",
    "draw_history",
    "draw_key",
    "draw_snapshot",
    "lock_counting_draw",
    "pool_key",
    "pool_snapshot",
    "publish_pool",
    "published_groups",
    "retract_draw",
    "standing_draw_of",
]
