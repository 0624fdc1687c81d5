"""Choosing at the desk: confirming a flat, declining, and a supervisor's revocation.

Prices and settlements come from the frozen policy at the moment of the
choice, on the session's date, in the household's compensation mode (by
area or by value; a money household takes no flat and is refused). A flat
can never be chosen twice: the service checks the flat's status, and behind
it a partial unique index on the active selections refuses a second one even
from a workstation that raced past the check (or from SQL typed by hand).
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from allocation.errors import ConflictError, NotFoundError, ValidationError
from allocation.registry import Flat, FlatStatus, ProjectId
from allocation.rules import counted_area
from db import audit
from db.admin import OPERATOR, SUPERVISOR, backup_before, require_role
from db.audit import flat_snapshot
from db.registry import flat_from_record
from db.selection.base import (
    CALLED,
    DECLINED,
    ENTITY_SELECTION,
    REVOKED,
    SELECTED,
    VOID,
    Row,
    Selection,
    Turn,
    VoidedSession,
    as_utc,
    entry,
    selection_of,
    selection_snapshot,
    session_info,
    turn_of,
)
from db.selection.offers import FLATS, Chooser, chooser_of, settle_flat
from db.selection.rows import (
    SELECTIONS,
    SESSIONS,
    TURNS,
    append,
    called_turn,
    change_session,
    change_turn,
    find_turn,
    lock_session,
    now,
    read_session,
    require_not_closed,
    require_running,
    run,
    turn_change,
)

# Statements built once (see db/selection/rows.py): these run once or twice per turn.
_FLAT_BY_KEY = select(FLATS).where(
    FLATS.c.project_id == bindparam("project"), FLATS.c.building == bindparam("building"),
    FLATS.c.unit == bindparam("unit"), FLATS.c.number == bindparam("number"))
_FLAT_BY_ID = select(FLATS).where(FLATS.c.id == bindparam("id"))
_SET_FLAT_STATUS = (update(FLATS).where(FLATS.c.id == bindparam("flat"),
                                        FLATS.c.version == bindparam("old_version"))
                    .values(status=bindparam("new_status"),
                            version=bindparam("new_version")))
_ACTIVE_SELECTION = select(SELECTIONS).where(
    SELECTIONS.c.project_id == bindparam("project"),
    SELECTIONS.c.household_id == bindparam("household"), SELECTIONS.c.revoked_at.is_(None))
_INSERT_SELECTION = insert(SELECTIONS).returning(SELECTIONS.c.id)
_SET_CHAIN_HEAD = (update(SELECTIONS).where(SELECTIONS.c.id == bindparam("selection"))
                   .values(chain_head=bindparam("head")))


# --- confirming -----------------------------------------------------------------------------


def select_flat(session: Session, *, project_id: ProjectId, code: str, flat_key: str,
                operator: str) -> Selection:
    """Confirm household ``code``'s choice of ``flat_key`` (选房确认).

    Steps:
        1. lock the session; it must be open (not paused or closed);
        2. the flat must exist and be available: one already chosen is
           ``flat_already_selected`` (looked at first, so that the loser of
           a race between two desks learns what happened);
        3. it must be this household's turn: it is the one called;
        4. the flat must be eligible: within its entitlement band and its
           group's flat restriction;
        5. price it and settle it against the compensation in the
           household's mode (frozen policy, session date): a value swap the
           value cannot carry, or a money household, is refused with the
           rule's code;
        6. store the selection (the unique index refuses a flat or a
           household twice), mark the flat selected and the turn done;
        7. log the turn, the flat and the selection, the selection last, and
           keep the chain head after it on the selection (the slip prints it).

    Raises:
        ConflictError: ``flat_already_selected``, ``flat_not_available``,
            ``not_households_turn``, ``household_already_selected``,
            ``session_paused``, ``session_closed``.
        ValidationError: ``flat_not_eligible``, ``area_beyond_cap``;
            ``value_exhausted``, ``last_flat_share_too_small``,
            ``flats_in_money_mode``, ``mode_not_offered``,
            ``assessed_value_missing``.
        NotFoundError: ``flat_not_found``, ``household_not_in_session``,
            ``policy_not_frozen``, ``session_not_found``.
    """
    require_role(session, operator, OPERATOR)
    row = lock_session(session, project_id)
    require_running(row)
    turn = find_turn(session, row["id"], code)
    flat_row = _available_flat(session, project_id, flat_key)
    _require_called(session, row, turn)
    chooser = chooser_of(session, row, turn)
    flat = flat_from_record(flat_row)
    if not chooser.eligibility.allows(flat):
        raise ValidationError("flat_not_eligible", household=code, flat=flat.key,
                              area=str(counted_area(flat, chooser.policy.pricing)),
                              low=str(chooser.band.low),
                              high=str(chooser.band.high))
    chosen = _insert_selection(session, row, turn, flat, flat_row.id, chooser, operator)
    events = [
        turn_change(session, project_id, turn, operator, "select", state=SELECTED,
                    finished_at=chosen["selected_at"])[1],
        _flat_change(session, project_id, flat_row, FlatStatus.SELECTED, operator, "select"),
        entry(project_id, operator, "select", ENTITY_SELECTION, None,
              selection_snapshot(chosen)),
    ]
    chosen["chain_head"] = append(session, events, head=True)
    run(session, _SET_CHAIN_HEAD, {"selection": chosen["id"], "head": chosen["chain_head"]})
    return selection_of(chosen)


def _require_called(session: Session, row: Row, turn: Row) -> None:
    if turn["state"] != CALLED:
        current = called_turn(session, row["id"])
        raise ConflictError("not_households_turn", household=turn["code"],
                            current=current["code"] if current else "")


def _available_flat(session: Session, project_id: int, key: str) -> Row:
    parts = key.split("-")
    found = None
    if len(parts) == 3:
        building, unit, number = parts
        found = run(session, _FLAT_BY_KEY, {"project": project_id, "building": building,
                                               "unit": unit, "number": number}).first()
    if found is None:
        raise NotFoundError("flat_not_found", key=key)
    if found.status == FlatStatus.SELECTED.value:
        raise ConflictError("flat_already_selected", flat=key)
    if found.status != FlatStatus.AVAILABLE.value:
        raise ConflictError("flat_not_available", flat=key, status=found.status)
    return found


def _insert_selection(session: Session, row: Row, turn: Row, flat: Flat, flat_id: int,
                      chooser: Chooser, operator: str) -> dict[str, object]:
    price, settlement = settle_flat(chooser, flat)
    chosen: dict[str, object] = {
        "project_id": row["project_id"], "session_id": row["id"], "turn_id": turn["id"],
        "household_id": turn["household_id"], "flat_id": flat_id, "code": turn["code"],
        "flat_key": flat.key, "selected_at": now(session), "operator": operator,
        "proxy_name": turn["proxy_name"], "proxy_id": turn["proxy_id"], "area": price.area,
        "entitlement": chooser.entitlement.area, "price_total": price.total,
        "compensation": settlement.compensation, "settlement": settlement.balance,
        "policy_sha256": chooser.policy_sha256, "chain_head": None, "revoked_at": None,
        "revoked_by": None, "revoke_reason": None}
    try:
        chosen["id"] = run(session, _INSERT_SELECTION, chosen).scalar_one()
    except IntegrityError as error:
        # The other workstation won between our check and our insert (or a row was
        # written behind the service's back): the index, not luck, decided. The
        # transaction is spoilt on PostgreSQL, so the constraint's name says which.
        code = ("household_already_selected" if "household" in str(error.orig)
                else "flat_already_selected")
        raise ConflictError(code, flat=flat.key, household=turn["code"]) from error
    return chosen


def _flat_change(session: Session, project_id: int, flat: Row, status: FlatStatus,
                 operator: str, action: str) -> audit.AuditEntry:
    """Set a flat's status (optimistic version check); returns its audit entry."""
    before = flat_from_record(flat)
    done = run(session, _SET_FLAT_STATUS, {
        "flat": flat.id, "old_version": flat.version, "new_status": status.value,
        "new_version": flat.version + 1})
    if done.rowcount != 1:  # type: ignore[attr-defined]
        # Another workstation changed the flat since we read it: it wins.
        raise ConflictError("flat_already_selected", flat=before.key, household="")
    return audit.AuditEntry(project_id, operator, action, "flat", before.key,
                            before=flat_snapshot(before),
                            after=flat_snapshot(replace(before, status=status)))


# --- declining and revoking ---------------------------------------------------------------


def decline(session: Session, *, project_id: ProjectId, code: str, reason: str,
            operator: str) -> Turn:
    """The household at the desk takes no flat (none left it may take, or it refuses).

    Raises:
        ValidationError: ``required_value_missing`` (``reason``).
        ConflictError: ``not_households_turn``, ``session_paused``, ``session_closed``.
    """
    require_role(session, operator, OPERATOR)
    if not reason.strip():
        raise ValidationError("required_value_missing", field="reason")
    row = lock_session(session, project_id)
    require_running(row)
    turn = find_turn(session, row["id"], code)
    _require_called(session, row, turn)
    return turn_of(change_turn(session, project_id, turn, operator, "decline",
                               state=DECLINED, reason=reason.strip(),
                               finished_at=now(session)))


def revoke(session: Session, *, project_id: ProjectId, code: str, reason: str,
           supervisor: str) -> Selection:
    """Revoke household ``code``'s selection (supervisor only, with a reason).

    Steps:
        1. the reason and the supervisor are required; the session must not
           be closed;
        2. the selection is marked revoked (never deleted), the flat returns
           to stock, and the household's turn is revoked: it is back in the
           queue at its own place, so it is called next;
        3. the selection, the flat and the turn are logged.

    Who counts as a supervisor is the roles' business; the name is recorded.

    Raises:
        ValidationError: ``required_value_missing`` (``reason``, ``supervisor``).
        NotFoundError: ``selection_not_found``, ``household_not_in_session``.
        ConflictError: ``session_closed``, ``flat_already_selected`` (the
            flat was changed meanwhile at another workstation).
    """
    require_role(session, supervisor, SUPERVISOR)
    for field, value in (("reason", reason), ("supervisor", supervisor)):
        if not value.strip():
            raise ValidationError("required_value_missing", field=field)
    row = lock_session(session, project_id)
    require_not_closed(row)
    turn = find_turn(session, row["id"], code)
    found = run(session, _ACTIVE_SELECTION, {"project": project_id,
                                                "household": turn["household_id"]})
    chosen = found.mappings().first()
    if chosen is None:
        raise NotFoundError("selection_not_found", household=code)
    values = {"revoked_at": now(session), "revoked_by": supervisor.strip(),
              "revoke_reason": reason.strip()}
    session.execute(update(SELECTIONS).where(SELECTIONS.c.id == chosen["id"]).values(values))
    revoked = {**chosen, **values}
    flat = run(session, _FLAT_BY_ID, {"id": chosen["flat_id"]}).one()
    events = [
        entry(project_id, supervisor, "revoke", ENTITY_SELECTION, selection_snapshot(chosen),
              selection_snapshot(revoked)),
        _flat_change(session, project_id, flat, FlatStatus.AVAILABLE, supervisor, "revoke"),
        # REVOKED is a queued state: at its own (early) place, it is called next.
        turn_change(session, project_id, turn, supervisor, "revoke", state=REVOKED,
                    calls=0, finished_at=None)[1],
    ]
    append(session, events)
    return selection_of(revoked)


# --- voiding the session ------------------------------------------------------------------

_LIVE_SELECTIONS = select(SELECTIONS).where(
    SELECTIONS.c.session_id == bindparam("session"), SELECTIONS.c.revoked_at.is_(None)
).order_by(SELECTIONS.c.id)


def void_session(session: Session, *, project_id: ProjectId, reason: str,
                 supervisor: str) -> VoidedSession:
    """Void the project's session (作废, supervisor only, with a reason): what undoes a day.

    A draw is final once a session has opened on it (``draw_in_use``); when
    the day must be undone all the same (the draw was flawed, the hall was
    not fit), the session is voided instead, in the open:

    Steps:
        1. the reason is required; lock the live session (open, paused or
           closed) and back the database up first;
        2. every active choice is marked revoked with the void's reason and
           time (never deleted: it stays readable, and prints on the void
           notice), and its flat returns to stock;
        3. the session is marked void, with who, when and why; its turns stay
           as they were;
        4. the choices, the flats and the session are logged in one append.

    Afterwards the project has no live session: a new one may open, or the
    draw may be retracted (nothing uses it any more).

    Raises:
        ValidationError: ``required_value_missing`` (``reason``).
        NotFoundError: ``session_not_found``.
        ConflictError: ``flat_already_selected`` (a flat was changed meanwhile).
    """
    require_role(session, supervisor, SUPERVISOR)
    if not reason.strip():
        raise ValidationError("required_value_missing", field="reason")
    if read_session(session, project_id) is None:  # refused before the backup is made
        raise NotFoundError("session_not_found", project=project_id)
    backup_before(session, project_id=project_id, act="void")
    row = lock_session(session, project_id)
    at = now(session)
    values = {"revoked_at": at, "revoked_by": supervisor, "revoke_reason": reason.strip()}
    chosen = list(run(session, _LIVE_SELECTIONS, {"session": row["id"]}).mappings())
    events = []
    voided = []
    for selection in chosen:
        session.execute(update(SELECTIONS).where(SELECTIONS.c.id == selection["id"])
                        .values(values))
        revoked = {**selection, **values}
        voided.append(selection_of(revoked))
        flat = run(session, _FLAT_BY_ID, {"id": selection["flat_id"]}).one()
        events += [entry(project_id, supervisor, "void", ENTITY_SELECTION,
                         selection_snapshot(selection), selection_snapshot(revoked)),
                   _flat_change(session, project_id, flat, FlatStatus.AVAILABLE, supervisor,
                                "void")]
    row, event = change_session(session, row, supervisor, "void", status=VOID,
                                voided_by=supervisor, voided_at=at,
                                void_reason=reason.strip())
    append(session, [*events, event])
    return VoidedSession(session_info(row), supervisor, at, reason.strip(), tuple(voided),
                         _order_numbers(session, row["id"]))


def voided_sessions(session: Session, project_id: ProjectId) -> list[VoidedSession]:
    """The project's voided sessions, oldest first, each with the choices it voided."""
    found = []
    query = (select(SESSIONS).where(SESSIONS.c.project_id == project_id,
                                    SESSIONS.c.status == VOID).order_by(SESSIONS.c.id))
    for row in session.execute(query).mappings().all():
        # The choices the void revoked: at its moment, with its reason (an earlier
        # revocation at the desk has its own time and reason).
        choices = session.execute(select(SELECTIONS).where(
            SELECTIONS.c.session_id == row["id"],
            SELECTIONS.c.revoked_at == row["voided_at"]).order_by(SELECTIONS.c.id)).mappings()
        found.append(VoidedSession(session_info(row), row["voided_by"],
                                   as_utc(row["voided_at"]) or row["voided_at"],
                                   row["void_reason"], tuple(selection_of(c) for c in choices),
                                   _order_numbers(session, row["id"])))
    return found


def _order_numbers(session: Session, session_id: int) -> dict[str, int]:
    return dict(session.execute(select(TURNS.c.code, TURNS.c.order_no)
                                .where(TURNS.c.session_id == session_id)).all())
