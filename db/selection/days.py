"""The facts of each session day (选房当日情况), read for allocation.casework.session_days.

Dated by the office's local calendar day (:func:`db.records.local_date`, as
the progress steps are): a choice by when it was confirmed and revoked, a
turn by when it was declined or marked absent at the close, and each call a
household missed by its audit event. The turn row keeps only its latest
state, so a household that missed its call on the first day and chose on the
second was absent on the first all the same: the log of its turn's
``move_to_end`` and ``skip`` events says so.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from allocation.casework import ChoiceFacts, SessionDay, StockFlat, TurnFacts, session_days
from allocation.casework import day_figures as figures_of_day
from allocation.registry import FlatStatus, ProjectId, flat_key
from db.records import AuditEventRecord, FlatRecord, local_date
from db.selection.base import ABSENT, DECLINED, ENTITY_TURN
from db.selection.rows import SELECTIONS, TURNS, read_session

#: Flats offered at the session: those in stock, taken or not (not reserved or withdrawn).
OFFERED: Final = (FlatStatus.AVAILABLE.value, FlatStatus.SELECTED.value)
#: The turn actions of a missed call (db.selection.desk.skip).
MISSED: Final = ("move_to_end", "skip")


def day_facts(session: Session, project_id: ProjectId,
              ) -> tuple[list[TurnFacts], list[ChoiceFacts], list[StockFlat]] | None:
    """The live session's turns, choices and stock as plain facts; None without a session."""
    row = read_session(session, project_id)
    if row is None:
        return None
    missed = _missed_calls(session, project_id, row["id"])
    turns = [
        TurnFacts(code, order_no, tuple(missed.get(code, ())),
                  local_date(finished) if state == DECLINED and finished else None,
                  local_date(finished) if state == ABSENT and finished else None)
        for code, order_no, state, finished in session.execute(
            select(TURNS.c.code, TURNS.c.order_no, TURNS.c.state, TURNS.c.finished_at)
            .where(TURNS.c.session_id == row["id"]).order_by(TURNS.c.order_no))]
    f = FlatRecord.__table__.c
    layouts: dict[int, tuple[str, str]] = {}
    stock = []
    for flat_id, building, unit, number, layout, status in session.execute(
            select(f.id, f.building, f.unit, f.number, f.layout, f.status)
            .where(f.project_id == project_id)
            .order_by(f.building, f.unit, f.floor, f.number)):
        key = flat_key(building, unit, number)
        layouts[flat_id] = (key, layout)
        if status in OFFERED:
            stock.append(StockFlat(key, layout))
    choices = [
        ChoiceFacts(code, flat_key, layouts.get(flat_id, (flat_key, ""))[1], local_date(at),
                    local_date(revoked) if revoked is not None else None)
        for code, flat_key, flat_id, at, revoked in session.execute(
            select(SELECTIONS.c.code, SELECTIONS.c.flat_key, SELECTIONS.c.flat_id,
                   SELECTIONS.c.selected_at, SELECTIONS.c.revoked_at)
            .where(SELECTIONS.c.session_id == row["id"]).order_by(SELECTIONS.c.id))]
    return turns, choices, stock


def _missed_calls(session: Session, project_id: int, session_id: int) -> dict[str, list[date]]:
    """household code -> the local day of each call it missed: moved to the end (过号), or
    skipped in a later round; a call merely repeated is no miss."""
    a = AuditEventRecord.__table__.c
    prefix = f"turn-{session_id}-"  # db.selection.base.snapshot_key of a turn
    query = (select(a.at, a.entity_key).where(
        a.project_id == project_id, a.entity == ENTITY_TURN, a.action.in_(MISSED),
        a.entity_key.startswith(prefix, autoescape=True)).order_by(a.seq))
    found: dict[str, list[date]] = {}
    for at, key in session.execute(query):
        found.setdefault(key[len(prefix):], []).append(local_date(at))
    return found


def project_session_days(session: Session, project_id: ProjectId) -> tuple[SessionDay, ...]:
    """Each day of the live session at its close, first day first (none without a session)."""
    facts = day_facts(session, project_id)
    return () if facts is None else session_days(*facts)


def session_day(session: Session, project_id: ProjectId, day: date) -> SessionDay | None:
    """The live session's figures at the close of ``day`` (None without a session)."""
    facts = day_facts(session, project_id)
    return None if facts is None else figures_of_day(day, *facts)

