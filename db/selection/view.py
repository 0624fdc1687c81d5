"""What the desk and the hall's display read in one go, and the desk's supervisor revocation.

The desk (desktop/session/session_page.py) and the display
(desktop/session/display_window.py) each reload with one read on the database
worker: :func:`desk_view` and :func:`display_view` gather the session's state
(:func:`db.selection.session_state`) with what the windows draw around it,
the flats and the turns, as plain data. :func:`revoke_as_supervisor` checks
the supervisor's password and role before :func:`db.selection.revoke`, in
the same transaction, so that an operator at the desk cannot revoke alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from allocation.errors import ValidationError
from allocation.registry import ProjectId, mask_name
from db.admin import SUPERVISOR, authenticate, require_role, setup_mode
from db.records import HouseholdRecord
from db.registry import StoredFlat, load_flats
from db.selection.desk import (
    FlatOffer,
    Selection,
    SessionState,
    Turn,
    offers,
    revoke,
    selection_results,
    session_state,
    session_turns,
    turn_eligibility,
)
from db.selection.rows import find_turn

#: How many households after the one at the desk the display and the desk list.
UPCOMING = 8


@dataclass(frozen=True, slots=True)
class DeskView:
    """Everything the operator desk shows; ``state`` None while the project has no session.

    ``offers`` are the flats the household at the desk may take (empty when
    nobody is called), ``selections`` the active (not revoked) ones by code;
    ``refusal`` is why the household's compensation mode offers it no flat at
    all (e.g. no assessed value), so the desk can say so rather than show an
    empty list.
    """

    state: SessionState | None
    offers: tuple[FlatOffer, ...]
    flats: tuple[StoredFlat, ...]
    turns: tuple[Turn, ...]
    head_names: dict[str, str]
    selections: dict[str, Selection]
    refusal: ValidationError | None = None

    @property
    def version(self) -> int | None:
        return None if self.state is None else self.state.version


@dataclass(frozen=True, slots=True)
class LastChoice:
    """The latest confirmed selection as the hall sees it: order number, masked name, flat."""

    order_no: int
    masked_name: str
    flat_key: str


@dataclass(frozen=True, slots=True)
class DisplayView:
    """What the hall's display shows: the session (or None), every flat, the latest choice."""

    state: SessionState | None
    flats: tuple[StoredFlat, ...]
    last_choice: LastChoice | None = None

    @property
    def version(self) -> int | None:
        return None if self.state is None else self.state.version


def desk_view(session: Session, project_id: ProjectId) -> DeskView:
    """The session with the offers of the household at the desk, the flats and every turn."""
    state = session_state(session, project_id, upcoming=UPCOMING)
    flats = tuple(load_flats(session, project_id))
    if state is None:
        return DeskView(None, (), flats, (), {}, {})
    at_desk = state.at_desk
    offered = () if at_desk is None else tuple(offers(session, project_id, at_desk.turn.code))
    # Names only: a session of 10,000 households reloads this after every act.
    names = dict(session.execute(select(HouseholdRecord.code, HouseholdRecord.head_name)
                                 .where(HouseholdRecord.project_id == project_id)).all())
    chosen = {s.code: s for s in selection_results(session, project_id, active_only=True)}
    refusal = (turn_eligibility(session, project_id, at_desk.turn.code).refusal
               if at_desk is not None and not offered else None)
    return DeskView(state, offered, flats, tuple(session_turns(session, project_id)), names,
                    chosen, refusal)


def display_view(session: Session, project_id: ProjectId) -> DisplayView:
    """The session and the flats, for the display's called number, queue and building grid."""
    state = session_state(session, project_id, upcoming=UPCOMING)
    flats = tuple(load_flats(session, project_id))
    last = None if state is None else state.last_selection
    if state is None or last is None or not last.active:
        return DisplayView(state, flats)
    turn = find_turn(session, state.info.id, last.code)
    name = session.scalar(select(HouseholdRecord.head_name).where(
        HouseholdRecord.id == turn["household_id"])) or ""
    return DisplayView(state, flats, LastChoice(turn["order_no"], mask_name(name),
                                                last.flat_key))


def revoke_as_supervisor(session: Session, *, project_id: ProjectId, code: str, reason: str,
                         supervisor: str, password: str) -> Selection:
    """Revoke household ``code``'s selection once ``supervisor`` has proved who they are.

    In set-up mode (a database without users) nothing is checked, as
    everywhere else; the name given is recorded.

    Raises:
        ValidationError: ``login_failed`` (wrong name or password),
            ``required_value_missing`` (``reason``, ``supervisor``).
        PermissionDenied: ``not_permitted`` (the user is not a supervisor).
        The errors of :func:`db.selection.revoke`.
    """
    supervisor = supervisor.strip()
    if supervisor and not setup_mode(session):
        authenticate(session, supervisor, password)
        require_role(session, supervisor, SUPERVISOR)
    return revoke(session, project_id=project_id, code=code, reason=reason,
                  supervisor=supervisor)
