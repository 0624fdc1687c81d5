"""The order the papers print: the counting draw's numbers, ranks and groups, the date judged
on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from allocation.registry import ProjectId
from db import lottery, selection


@dataclass(frozen=True, slots=True)
class DrawnOrder:
    """The draw's order numbers and lottery ranks by household code (empty before a draw)."""

    numbers: dict[str, int]
    ranks: dict[str, int]


def drawn_order(session: Session, project_id: ProjectId) -> DrawnOrder:
    """Order numbers (final order) and lottery ranks of the draw that counts."""
    draw = lottery.counting_draw(session, project_id)
    if draw is None or draw.record is None:
        return DrawnOrder({}, {})
    numbers = {code: n for n, code in enumerate(draw.final_order, start=1)}
    positions = {e["position"]: e["code"] for e in draw.record["pool"]}
    ranks = {positions[p]: n for n, p in enumerate(draw.record["lottery_order"], start=1)}
    return DrawnOrder(numbers, ranks)


@dataclass(frozen=True, slots=True)
class DrawnTurn:
    """One household of the final order as the draw recorded it: code and priority group."""

    code: str
    group: str | None


def drawn_turns(session: Session, project_id: ProjectId) -> list[DrawnTurn]:
    """The counting draw's final order with each household's group (empty before a draw):
    what a session plan (选房安排) cuts into batches."""
    draw = lottery.counting_draw(session, project_id)
    if draw is None or draw.record is None:
        return []
    groups = {e["code"]: e["group"] for e in draw.record["pool"]}
    return [DrawnTurn(code, groups.get(code)) for code in draw.final_order]


def judged_on(session: Session, project_id: ProjectId, default: date) -> date:
    """The date entitlements and groups are judged on: the session's, else ``default``."""
    found = selection.find_session(session, project_id)
    return found.held_on if found is not None else default
