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

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from allocation.errors import AnjuError, ConflictError, NotFoundError, ValidationError
from allocation.registry import Flat, FlatStatus, ProjectId, mask_name
from allocation.trace import TraceStep
from db.admin import SUPERVISOR, authenticate, require_role, setup_mode
from db.records import HouseholdRecord, SelectionRecord
from db.registry import StoredFlat, load_flats
from db.selection.base import HouseholdChoice, household_choices
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
from db.selection.offers import refusal, settle_flats, taken_flats
from db.selection.rows import find_turn
from db.selection.session_plan import CurrentBatch, current_batch

#: How many households after the one at the desk the display and the desk list.
UPCOMING = 8


@dataclass(frozen=True, slots=True)
class DeskView:
    """Everything the operator desk shows; ``state`` None while the project has no session.

    ``offers`` are the flats the household at the desk may take (empty when
    nobody is called), ``selections`` the active (not revoked) ones by code
    (a household's first flat), ``choices`` all of each household's flats;
    ``refusal`` is why the household's compensation mode offers it no flat at
    all (e.g. no assessed value), so the desk can say so rather than show an
    empty list.

    一户多套: ``most_flats`` is how many flats the household at the desk may
    take; ``taken`` the flats it has taken at the desk so far (not yet
    confirmed), and ``running`` them priced together (None before the first):
    the ``offers`` are then the next flat, each priced with them.
    """

    state: SessionState | None
    offers: tuple[FlatOffer, ...]
    flats: tuple[StoredFlat, ...]
    turns: tuple[Turn, ...]
    head_names: dict[str, str]
    selections: dict[str, Selection]
    refusal: ValidationError | None = None
    choices: dict[str, HouseholdChoice] = field(default_factory=dict)
    most_flats: int = 1
    taken: tuple[Flat, ...] = ()
    running: FlatOffer | None = None
    #: The session plan's batch being called (None without a stored plan).
    batch: CurrentBatch | None = None

    @property
    def version(self) -> int | None:
        return None if self.state is None else self.state.version

    @property
    def several(self) -> bool:
        """Whether the household at the desk may take more than one flat."""
        return self.most_flats > 1


@dataclass(frozen=True, slots=True)
class LastChoice:
    """The latest confirmed selection as the hall sees it: order number, masked name, flat."""

    order_no: int
    masked_name: str
    flat_key: str
    #: Every flat the household took (一户多套), ``flat_key`` among them; one for most.
    flat_keys: tuple[str, ...] = ()

    @property
    def flats_text(self) -> str:
        """The flats as the hall reads them: "1-1-101", or "1-1-101、2-1-302"."""
        return "、".join(self.flat_keys or (self.flat_key,))


@dataclass(frozen=True, slots=True)
class DisplayView:
    """What the hall's display shows: the session (or None), every flat, the latest choice."""

    state: SessionState | None
    flats: tuple[StoredFlat, ...]
    last_choice: LastChoice | None = None
    #: The batch being called where a plan is stored (the hall sees which batch it is in).
    batch: CurrentBatch | None = None

    @property
    def version(self) -> int | None:
        return None if self.state is None else self.state.version


def desk_view(session: Session, project_id: ProjectId, taken: Sequence[str] = (),
              for_household: str | None = None) -> DeskView:
    """The session with the offers of the household at the desk, the flats and every turn.

    ``taken``: the flats the household at the desk has taken so far (一户多套),
    which the desk holds until it confirms them all; ignored when nobody is
    called, or when ``for_household`` names another household than the one
    called (another desk moved on meanwhile).
    """
    state = session_state(session, project_id, upcoming=UPCOMING)
    flats = tuple(load_flats(session, project_id))
    if state is None:
        return DeskView(None, (), flats, (), {}, {}, batch=current_batch(session, project_id))
    at_desk = state.at_desk
    if at_desk is None or (for_household is not None and for_household != at_desk.turn.code):
        taken = ()
    offered = () if at_desk is None else tuple(offers(session, project_id, at_desk.turn.code,
                                                     taken))
    # Names only: a session of 10,000 households reloads this after every act.
    names = dict(session.execute(select(HouseholdRecord.code, HouseholdRecord.head_name)
                                 .where(HouseholdRecord.project_id == project_id)).all())
    choices = household_choices(selection_results(session, project_id, active_only=True))
    chosen = {code: choice.first for code, choice in choices.items()}
    chooser = None if at_desk is None else turn_eligibility(session, project_id,
                                                            at_desk.turn.code)
    refusal = chooser.refusal if chooser is not None and not offered else None
    most = 1 if chooser is None else chooser.most_flats
    basket: tuple[Flat, ...] = ()
    running = None
    if chooser is not None and taken:
        basket = tuple(taken_flats(session, project_id, list(taken)))
        try:
            price, settlement = settle_flats(chooser, basket)
            running = FlatOffer(basket[-1], price, settlement.balance, chooser.entitlement.area)
        except ValidationError:  # its rules changed under the desk: confirming says why
            running = None
    return DeskView(state, offered, flats, tuple(session_turns(session, project_id)), names,
                    chosen, refusal, choices, most, basket, running,
                    batch=current_batch(session, project_id))


def flat_refusal(session: Session, project_id: ProjectId, code: str, taken: Sequence[str],
                 flat_key: str) -> TraceStep | AnjuError | None:
    """Why the rules refuse household ``code`` flat ``flat_key`` after ``taken`` (the trace step
    that says so), or the error of a flat not in stock; None when it may take it."""
    chooser = turn_eligibility(session, project_id, code)
    try:
        basket = taken_flats(session, project_id, [*taken, flat_key])
    except NotFoundError as error:
        return error
    flat = basket[-1]
    if flat.status is FlatStatus.SELECTED:
        return ConflictError("flat_already_selected", flat=flat.key)
    if flat.status is not FlatStatus.AVAILABLE:
        return ConflictError("flat_not_available", flat=flat.key, status=flat.status.value)
    if chooser.refusal is not None:
        return chooser.refusal
    return refusal(chooser, basket[:-1], flat)


def display_view(session: Session, project_id: ProjectId) -> DisplayView:
    """The session and the flats, for the display's called number, queue and building grid."""
    state = session_state(session, project_id, upcoming=UPCOMING)
    flats = tuple(load_flats(session, project_id))
    last = None if state is None else state.last_selection
    batch = current_batch(session, project_id)
    if state is None or last is None or not last.active:
        return DisplayView(state, flats, batch=batch)
    turn = find_turn(session, state.info.id, last.code)
    name = session.scalar(select(HouseholdRecord.head_name).where(
        HouseholdRecord.id == turn["household_id"])) or ""
    keys = tuple(session.scalars(select(SelectionRecord.flat_key).where(
        SelectionRecord.project_id == project_id, SelectionRecord.code == last.code,
        SelectionRecord.revoked_at.is_(None)).order_by(SelectionRecord.flat_no)))
    return DisplayView(state, flats, LastChoice(turn["order_no"], mask_name(name),
                                                last.flat_key, keys), batch)


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
