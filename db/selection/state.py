"""What the desk and the hall's display read: the session as it stands, cheap to poll.

A display polls :func:`session_pulse` (one row) a few times a second and
reads :func:`session_state` only when the pulse's ``version`` changed or the
desk's liveness did; that is how another computer on the same PostgreSQL
database follows the session within a second. Nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from allocation.registry import Flat, FlatStatus, Household, ProjectId, mask_name
from allocation.rules import AreaBand, judged_on
from db.records import FlatRecord, HouseholdRecord
from db.registry import load_flats
from db.selection.base import (
    ABSENT,
    DECLINED,
    PAUSED,
    SELECTED,
    Row,
    Selection,
    SessionInfo,
    Turn,
    as_utc,
    selection_of,
    session_info,
    turn_of,
)
from db.selection.offers import turn_eligibility
from db.selection.rows import (
    LIVE,
    SELECTIONS,
    SESSIONS,
    TURNS,
    called_turn,
    now,
    queue_head,
    read_session,
)

#: Without a heartbeat for this long, the desk counts as away (the display shows 暂停).
DESK_AWAY_AFTER: Final = timedelta(seconds=15)


@dataclass(frozen=True, slots=True)
class Pulse:
    """The one row a display polls: has anything changed, is the desk there?"""

    version: int
    status: str
    desk_away: bool

    @property
    def show_pause(self) -> bool:
        """What the display shows as 暂停: paused, or the desk has gone quiet."""
        return self.status == PAUSED or self.desk_away


@dataclass(frozen=True, slots=True)
class QueueEntry:
    """A household in the queue, as the display lists the next few."""

    code: str
    order_no: int
    place: int
    state: str
    call_round: int
    head_name: str

    @property
    def masked_name(self) -> str:
        return mask_name(self.head_name)


@dataclass(frozen=True, slots=True)
class AtDesk:
    """The household called now, with what the desk needs to serve it.

    ``seconds_left`` is counted at ``SessionState.read_at`` and goes negative
    when the time is up: the desk warns, it never commits on its own.
    """

    turn: Turn
    household: Household
    entitlement: Decimal
    band: AreaBand
    compensation: Decimal
    deadline: datetime | None
    seconds_left: int | None
    ages_on: date  # the rules' reference date (or the session day): the card's ages count to it

    @property
    def masked_name(self) -> str:
        return mask_name(self.household.head_name)


@dataclass(frozen=True, slots=True)
class SessionState:
    """The whole picture at one moment; ``version`` is the pulse's."""

    info: SessionInfo
    read_at: datetime
    desk_away: bool
    at_desk: AtDesk | None
    upcoming: tuple[QueueEntry, ...]
    flats_left: int
    flats_left_by_layout: dict[str, int]
    taken_flats: frozenset[str]
    last_selection: Selection | None
    turns_by_state: dict[str, int]

    @property
    def version(self) -> int:
        return self.info.version

    @property
    def show_pause(self) -> bool:
        return self.info.status == PAUSED or self.desk_away

    @property
    def households(self) -> int:
        return sum(self.turns_by_state.values())

    @property
    def households_done(self) -> int:
        """Selected, declined, or absent at the close."""
        return sum(self.turns_by_state.get(s, 0) for s in (SELECTED, DECLINED, ABSENT))


def session_pulse(session: Session, project_id: ProjectId) -> Pulse | None:
    """The change counter, status and desk liveness; None if the project has no session."""
    row = session.execute(select(SESSIONS.c.change_seq, SESSIONS.c.status,
                                 SESSIONS.c.heartbeat_at)
                          .where(SESSIONS.c.project_id == project_id, LIVE)).first()
    if row is None:
        return None
    return Pulse(row.change_seq, row.status, _away(row.heartbeat_at, now(session)))


def _away(heartbeat_at: datetime | None, at: datetime) -> bool:
    beat = as_utc(heartbeat_at)
    return beat is None or at - beat > DESK_AWAY_AFTER


def session_state(session: Session, project_id: ProjectId, *,
                  upcoming: int = 5) -> SessionState | None:
    """The session for the desk and the display; None if the project has none.

    Args:
        upcoming: how many households of the queue to list after the one called.
    """
    row = read_session(session, project_id)
    if row is None:
        return None
    read_at = now(session)
    current = called_turn(session, row["id"])
    by_layout = _flats_left(session, project_id)
    return SessionState(
        info=session_info(row), read_at=read_at, desk_away=_away(row["heartbeat_at"], read_at),
        at_desk=None if current is None else _at_desk(session, row, current, read_at),
        upcoming=_upcoming(session, row["id"], upcoming),
        flats_left=sum(by_layout.values()), flats_left_by_layout=by_layout,
        taken_flats=_taken(session, row["id"]), last_selection=_last(session, row["id"]),
        turns_by_state=_turn_counts(session, row["id"]))


def _at_desk(session: Session, row: Row, turn: Row, read_at: datetime) -> AtDesk:
    chooser = turn_eligibility(session, ProjectId(row["project_id"]), turn["code"])
    called_at = as_utc(turn["called_at"])
    deadline = None
    seconds_left = None
    if called_at is not None:
        deadline = called_at + timedelta(seconds=row["seconds_per_household"])
        seconds_left = int((deadline - read_at).total_seconds())
    return AtDesk(turn_of(turn), chooser.household, chooser.entitlement.area, chooser.band,
                  chooser.compensation, deadline, seconds_left,
                  judged_on(chooser.policy, chooser.held_on))


def _upcoming(session: Session, session_id: int, count: int) -> tuple[QueueEntry, ...]:
    turns = queue_head(session, session_id, count)
    ids = [t["household_id"] for t in turns]
    names = dict(session.execute(select(HouseholdRecord.id, HouseholdRecord.head_name)
                                 .where(HouseholdRecord.id.in_(ids))).all()) if ids else {}
    return tuple(QueueEntry(t["code"], t["order_no"], t["place"], t["state"], t["call_round"],
                            names.get(t["household_id"], "")) for t in turns)


def _flats_left(session: Session, project_id: int) -> dict[str, int]:
    rows = session.execute(
        select(FlatRecord.layout, func.count())
        .where(FlatRecord.project_id == project_id,
               FlatRecord.status == FlatStatus.AVAILABLE.value)
        .group_by(FlatRecord.layout).order_by(FlatRecord.layout))
    return {layout: count for layout, count in rows}


def _taken(session: Session, session_id: int) -> frozenset[str]:
    return frozenset(session.scalars(select(SELECTIONS.c.flat_key).where(
        SELECTIONS.c.session_id == session_id, SELECTIONS.c.revoked_at.is_(None))))


def _last(session: Session, session_id: int) -> Selection | None:
    found = session.execute(select(SELECTIONS).where(SELECTIONS.c.session_id == session_id)
                            .order_by(SELECTIONS.c.id.desc()).limit(1)).mappings().first()
    return None if found is None else selection_of(found)


def _turn_counts(session: Session, session_id: int) -> dict[str, int]:
    rows = session.execute(select(TURNS.c.state, func.count())
                           .where(TURNS.c.session_id == session_id)
                           .group_by(TURNS.c.state))
    return {state: count for state, count in rows}


# --- lists for the desk, the display's grid and the printouts ----------------------------


def session_turns(session: Session, project_id: ProjectId) -> list[Turn]:
    """Every turn of the project's session, in calling order (empty without a session)."""
    query = (select(TURNS).join(SESSIONS, TURNS.c.session_id == SESSIONS.c.id)
             .where(SESSIONS.c.project_id == project_id, LIVE).order_by(TURNS.c.place))
    return [turn_of(t) for t in session.execute(query).mappings()]


def flat_grid(session: Session, project_id: ProjectId) -> list[Flat]:
    """Every flat of the project with its status, for the building/floor grid."""
    return [stored.flat for stored in load_flats(session, project_id)]


def selection_results(session: Session, project_id: ProjectId, *,
                      active_only: bool = False) -> list[Selection]:
    """Every selection of the project in the order they were made, revoked ones included
    unless ``active_only`` (results notice, slips, agreements)."""
    query = select(SELECTIONS).where(SELECTIONS.c.project_id == project_id)
    if active_only:
        query = query.where(SELECTIONS.c.revoked_at.is_(None))
    return [selection_of(r) for r in session.execute(query.order_by(SELECTIONS.c.id)).mappings()]
