"""Choosing at the desk: confirming a flat, declining, and a supervisor's revocation.

Prices and settlements come from the frozen policy at the moment of the
choice, on the session's date, in the household's compensation mode (by
area or by value; a money household takes no flat and is refused). A flat
can never be chosen twice: the service checks the flat's status, and behind
it a partial unique index on the active selections refuses a second one even
from a workstation that raced past the check (or from SQL typed by hand).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from allocation.errors import ConflictError, NotFoundError, ValidationError
from allocation.registry import Flat, FlatStatus, ProjectId, quantize_money
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
from db.selection.offers import (
    FLATS,
    ZERO,
    Chooser,
    band_refusal,
    chooser_of,
    flat_shares,
    settle_flats,
)
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
    SELECTIONS.c.household_id == bindparam("household"), SELECTIONS.c.revoked_at.is_(None)
).order_by(SELECTIONS.c.flat_no)
_INSERT_SELECTION = insert(SELECTIONS).returning(SELECTIONS.c.id)
_SET_CHAIN_HEAD = (update(SELECTIONS).where(SELECTIONS.c.id == bindparam("selection"))
                   .values(chain_head=bindparam("head")))


# --- confirming -----------------------------------------------------------------------------


def select_flat(session: Session, *, project_id: ProjectId, code: str, flat_key: str,
                operator: str) -> Selection:
    """Confirm household ``code``'s choice of ``flat_key`` (选房确认): :func:`select_flats` of
    one flat."""
    return select_flats(session, project_id=project_id, code=code, flat_keys=[flat_key],
                        operator=operator)[0]


def select_flats(session: Session, *, project_id: ProjectId, code: str,
                 flat_keys: Sequence[str], operator: str) -> tuple[Selection, ...]:
    """Confirm household ``code``'s flats (选房确认), all at once: one flat, or several where
    the rules allow (一户多套, ``entitlement.max_flats`` above one), in the order taken.

    Steps:
        1. lock the session; it must be open (not paused or closed);
        2. each flat must exist and be available: one already chosen is
           ``flat_already_selected`` (looked at first, so that the loser of
           a race between two desks learns what happened), one named twice
           too;
        3. it must be this household's turn: it is the one called;
        4. no more flats than the household may take (``too_many_flats``);
           each within its group's flat restriction and their total counted
           area within its entitlement band;
        5. price them together (the first flat uses the entitlement first)
           and settle them against the compensation in the household's mode
           (frozen policy, session date): area beyond the cap, a value swap
           the value cannot carry, or a money household, is refused with the
           rule's code;
        6. store one selection per flat, numbered 1…n (the unique indexes
           refuse a flat twice, or a household's flat n twice), each with its
           own area and price share, the compensation on flat 1 (so that the
           rows add up to the household's figures); mark the flats selected
           and the turn done;
        7. log the turn, then each flat and its selection, and keep on each
           selection the chain head after its own event (the slip prints the
           last); all in the caller's one transaction: all flats or none.

    Raises:
        ConflictError: ``flat_already_selected``, ``flat_not_available``,
            ``not_households_turn``, ``household_already_selected``,
            ``session_paused``, ``session_closed``.
        ValidationError: ``no_flats``, ``too_many_flats``,
            ``flat_not_eligible``, ``area_beyond_cap``; ``value_exhausted``,
            ``last_flat_share_too_small``, ``layout_taken_alone_only``,
            ``flats_in_money_mode``, ``mode_not_offered``,
            ``assessed_value_missing``.
        NotFoundError: ``flat_not_found``, ``household_not_in_session``,
            ``policy_not_frozen``, ``session_not_found``.
    """
    require_role(session, operator, OPERATOR)
    if not flat_keys:
        raise ValidationError("no_flats", household=code)
    row = lock_session(session, project_id)
    require_running(row)
    turn = find_turn(session, row["id"], code)
    flat_rows = []
    for key in flat_keys:
        if key in flat_keys[:len(flat_rows)]:
            raise ConflictError("flat_already_selected", flat=key)
        flat_rows.append(_available_flat(session, project_id, key))
    _require_called(session, row, turn)
    chooser = chooser_of(session, row, turn)
    flats = [flat_from_record(r) for r in flat_rows]
    if len(flats) > chooser.most_flats:
        raise ValidationError("too_many_flats", household=code, count=len(flats),
                              max_flats=chooser.most_flats)
    refused = band_refusal(chooser, flats)
    if refused is not None:
        raise refused
    price, settlement = settle_flats(chooser, flats)
    at = now(session)
    shares = flat_shares(price, flats, chooser.policy.pricing)
    chosen = []
    for number, (flat, flat_row, (area, share)) in enumerate(
            zip(flats, flat_rows, shares, strict=True), start=1):
        compensation = settlement.compensation if number == 1 else ZERO
        chosen.append(_insert_selection(session, row, turn, flat, flat_row.id, chooser, operator,
                                        at=at, number=number, area=area, price=share,
                                        compensation=compensation))
    events = [turn_change(session, project_id, turn, operator, "select", state=SELECTED,
                          finished_at=at)[1]]
    for flat_row, made in zip(flat_rows, chosen, strict=True):
        events += [
            _flat_change(session, project_id, flat_row, FlatStatus.SELECTED, operator,
                         "select"),
            entry(project_id, operator, "select", ENTITY_SELECTION, None,
                  selection_snapshot(made)),
        ]
        made["chain_head"] = append(session, events, head=True)
        events = []
        run(session, _SET_CHAIN_HEAD, {"selection": made["id"], "head": made["chain_head"]})
    return tuple(selection_of(made) for made in chosen)


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
                      chooser: Chooser, operator: str, *, at: datetime, number: int,
                      area: Decimal, price: Decimal, compensation: Decimal,
                      ) -> dict[str, object]:
    chosen: dict[str, object] = {
        "project_id": row["project_id"], "session_id": row["id"], "turn_id": turn["id"],
        "household_id": turn["household_id"], "flat_id": flat_id, "code": turn["code"],
        "flat_key": flat.key, "flat_no": number, "selected_at": at, "operator": operator,
        "proxy_name": turn["proxy_name"], "proxy_id": turn["proxy_id"], "area": area,
        "entitlement": chooser.entitlement.area, "price_total": price,
        "compensation": compensation, "settlement": quantize_money(compensation - price),
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
    """Revoke household ``code``'s selection, every flat of it (supervisor only, with a reason).

    Steps:
        1. the reason and the supervisor are required; the session must not
           be closed;
        2. each of its flats' selections is marked revoked (never deleted),
           each flat returns to stock, and the household's turn is revoked: it is back in the
           queue at its own place, so it is called next;
        3. the selections, the flats and the turn are logged. Returns the
           first flat's selection.

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
    chosen = list(found.mappings())
    if not chosen:
        raise NotFoundError("selection_not_found", household=code)
    values = {"revoked_at": now(session), "revoked_by": supervisor.strip(),
              "revoke_reason": reason.strip()}
    events = []
    revoked = []
    # Every flat of the household goes back: its flats were confirmed together.
    for selection in chosen:
        session.execute(update(SELECTIONS).where(SELECTIONS.c.id == selection["id"])
                        .values(values))
        revoked.append({**selection, **values})
        flat = run(session, _FLAT_BY_ID, {"id": selection["flat_id"]}).one()
        events += [
            entry(project_id, supervisor, "revoke", ENTITY_SELECTION,
                  selection_snapshot(selection), selection_snapshot(revoked[-1])),
            _flat_change(session, project_id, flat, FlatStatus.AVAILABLE, supervisor,
                         "revoke"),
        ]
    # REVOKED is a queued state: at its own (early) place, it is called next.
    events.append(turn_change(session, project_id, turn, supervisor, "revoke", state=REVOKED,
                              calls=0, finished_at=None)[1])
    append(session, events)
    return selection_of(revoked[0])


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
