"""Users and roles: who may do what, enforced where the data is changed.

Roles, each allowed what the one before is allowed:

* ``observer`` — the notary and the inspectors: read everything, change nothing;
* ``operator`` — office staff: the registry, imports, casework, the desk;
* ``supervisor`` — freezes and supersedes the rules, publishes the pool,
  runs and retracts the draw, revokes a selection;
* ``admin`` — manages users and deletes projects.

The operations that change data call :func:`require_role` with the acting
user's name, so an operator cannot freeze a policy even by calling
``freeze_policy`` directly. A database without users is in *set-up mode*:
nothing is checked until the first user, who must be an admin, is created —
the GUI asks for that admin on its first start.

Passwords are stored as ``scrypt$n$r$p$salt$hash`` (hashlib.scrypt, RFC 7914,
2^14 × 8 × 1: about 50 ms and 16 MiB per check, which makes guessing slow),
never in clear; a wrong name and a wrong password get the same answer.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Final

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from allocation.errors import AnjuError, ConflictError, NotFoundError, ValidationError
from db import audit
from db.audit import Snapshot
from db.records import AuditEventRecord, UserRecord

OBSERVER, OPERATOR, SUPERVISOR, ADMIN = "observer", "operator", "supervisor", "admin"
ROLES: Final = (OBSERVER, OPERATOR, SUPERVISOR, ADMIN)
_SCRYPT: Final = {"n": 2**14, "r": 8, "p": 1}
MIN_PASSWORD: Final = 8
#: Failed sign-ins in a row after which the account waits, and for how long.
LOCKOUT_AFTER: Final = int(os.environ.get("ANJU_LOCKOUT_AFTER", 5))
LOCKOUT_MINUTES: Final = int(os.environ.get("ANJU_LOCKOUT_MINUTES", 15))
#: A failed sign-in is answered after this many seconds per failure in a row.
SIGN_IN_DELAY_SECONDS: Final = float(os.environ.get("ANJU_SIGN_IN_DELAY", 0.5))


class PermissionDenied(AnjuError):
    """The acting user's role does not allow the operation."""


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: str
    active: bool


# --- passwords --------------------------------------------------------------------


def hash_password(password: str) -> str:
    """The stored form of ``password``: scheme, cost parameters, salt and hash."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, **_SCRYPT)
    n, r, p = _SCRYPT["n"], _SCRYPT["r"], _SCRYPT["p"]
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def password_matches(stored: str, password: str) -> bool:
    """Whether ``password`` is the one ``stored`` was made from (constant-time compare)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        found = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt),
                               n=int(n), r=int(r), p=int(p), dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return scheme == "scrypt" and hmac.compare_digest(found, expected)


@cache
def _unknown_user_hash() -> str:
    return hash_password(secrets.token_hex(16))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# --- roles ------------------------------------------------------------------------


def setup_mode(session: Session) -> bool:
    """True while the database has never had a user (nothing is checked yet).

    Set-up mode ends for good with the first user: it is read from the log,
    so emptying the users table behind the app's back does not bring it back
    (everything is then refused until a backup is restored).
    """
    session.flush()  # a user added in this transaction counts
    return not session.connection().execute(_EVER_HAD_A_USER).scalar()


# One statement on the connection: every act asks (twice a turn at the selection desk), and
# two ORM queries cost more than SQLite's work for them.
_EVER_HAD_A_USER: Final = select(
    exists().select_from(UserRecord)
    | exists().where(AuditEventRecord.entity == "user"))


def logged_user(session: Session, name: str) -> Snapshot | None:
    """The user ``name`` as its newest audited event leaves it (None: never created)."""
    after = session.scalar(
        select(AuditEventRecord.after)
        .where(AuditEventRecord.entity == "user", AuditEventRecord.entity_key == name)
        .order_by(AuditEventRecord.seq.desc()).limit(1))
    return json.loads(after) if after else None


def _held_role(session: Session, actor: str) -> str:
    """The role ``actor`` acts with: the log's, refused if the table says otherwise.

    A role raised, an account revived or a password hash replaced in SQL
    shows as a users row that differs from its last audited state.

    Raises:
        PermissionDenied: ``user_not_as_logged`` (``actor``).
    """
    record = session.scalar(select(UserRecord).where(UserRecord.name == actor))
    if record is None:
        return "none"
    logged = logged_user(session, actor)
    if logged is None or logged != audit.as_logged(snapshot(record),
                                                    audit.unstated_fields("user", logged)):
        raise PermissionDenied("user_not_as_logged", actor=actor)
    return record.role if record.active else "none"


def require_role(session: Session, actor: str, role: str) -> None:
    """Refuse unless ``actor`` is an active user whose role is ``role`` or above.

    Raises:
        PermissionDenied: ``not_permitted`` (``actor``, ``role`` held or
            ``"none"``, ``needed``), ``user_not_as_logged`` (the users row
            differs from the log).
    """
    if setup_mode(session):
        return
    held = _held_role(session, actor)
    if held == "none" or ROLES.index(held) < ROLES.index(role):
        raise PermissionDenied("not_permitted", actor=actor, role=held, needed=role)


def holds_role(session: Session, actor: str, role: str) -> bool:
    """Whether :func:`require_role` would let ``actor`` act as ``role`` now.

    For pages that enable a button by the role: the act itself still asks
    require_role, in its own transaction.
    """
    try:
        require_role(session, actor, role)
    except PermissionDenied:
        return False
    return True


def authenticate(session: Session, name: str, password: str) -> User:
    """The user ``name`` if ``password`` is theirs and they are active.

    A failed attempt is audited (entity ``sign_in``) in a transaction of its
    own, so it stays although the caller's is rolled back, and is answered
    only after a delay growing with the failures in a row; after
    :data:`LOCKOUT_AFTER` in a row the account waits :data:`LOCKOUT_MINUTES`,
    whatever password is typed.

    Raises:
        ValidationError: ``login_failed`` — the same for an unknown name, a
            wrong password and a deactivated user, so guessing names learns
            nothing; ``account_waiting`` (``name``, ``minutes``).
        PermissionDenied: ``user_not_as_logged``.
    """
    failures = _failures_in_a_row(session, name)
    _refuse_while_waiting(failures, name)
    record = session.scalar(select(UserRecord).where(UserRecord.name == name))
    # An unknown name costs one scrypt too, so timing does not tell names apart.
    stored = record.password_hash if record is not None else _unknown_user_hash()
    if not password_matches(stored, password) or record is None or not record.active:
        _record_sign_in(session, name, "failed")
        time.sleep(SIGN_IN_DELAY_SECONDS * min(len(failures) + 1, LOCKOUT_AFTER))
        raise ValidationError("login_failed", name=name)
    if failures:  # the count starts again; a clean record needs no event per sign-in
        _record_sign_in(session, name, "succeeded")
    _held_role(session, name)
    return _user(record)


def _failures_in_a_row(session: Session, name: str) -> list[datetime]:
    """When the failed sign-ins of ``name`` since its last success happened, newest first."""
    events = session.execute(
        select(AuditEventRecord.action, AuditEventRecord.at)
        .where(AuditEventRecord.entity == "sign_in", AuditEventRecord.entity_key == name[:64])
        .order_by(AuditEventRecord.seq.desc()).limit(LOCKOUT_AFTER)).all()
    failures = []
    for action, at in events:
        if action != "failed":
            break
        failures.append(at if at.tzinfo else at.replace(tzinfo=UTC))
    return failures


def _refuse_while_waiting(failures: list[datetime], name: str) -> None:
    if len(failures) < LOCKOUT_AFTER:
        return
    until = failures[0] + timedelta(minutes=LOCKOUT_MINUTES)
    left = until - datetime.now(UTC)
    if left > timedelta(0):
        minutes = max(1, -(-int(left.total_seconds()) // 60))
        raise ValidationError("account_waiting", name=name, minutes=minutes,
                              failures=LOCKOUT_AFTER)


def _record_sign_in(session: Session, name: str, outcome: str) -> None:
    """Audit a sign-in outcome in its own transaction, beside the caller's."""
    with Session(session.get_bind()) as own, own.begin():
        audit.record(own, audit.AuditEntry(None, name[:64], outcome, "sign_in", name[:64],
                                           after={"name": name[:64], "outcome": outcome}))


# --- managing users ---------------------------------------------------------------


def create_user(session: Session, *, name: str, role: str, password: str, actor: str) -> User:
    """Add a user; the first user of a database must be an admin (and may create itself).

    Raises:
        PermissionDenied: ``actor`` is not an admin (once users exist).
        ValidationError: ``unknown_role``, ``first_user_not_admin``,
            ``password_too_short``, ``empty_name``.
        ConflictError: ``user_exists``.
    """
    if setup_mode(session):
        if role != ADMIN:
            raise ValidationError("first_user_not_admin", role=role)
    else:
        require_role(session, actor, ADMIN)
    name = name.strip()
    _check(name, role, password)
    if session.scalar(select(UserRecord).where(UserRecord.name == name)) is not None:
        raise ConflictError("user_exists", name=name)
    at = datetime.now(UTC)  # the row's time is its event's
    record = UserRecord(name=name, role=role, password_hash=hash_password(password), active=True,
                        created_at=at)
    session.add(record)
    session.flush()
    _log(session, actor or name, "create", None, record, at=at)
    return _user(record)


def change_user(session: Session, *, name: str, actor: str, role: str | None = None,
                active: bool | None = None, password: str | None = None) -> User:
    """Change a user's role, active flag or password. Admins may change anyone; a user
    may change only their own password.

    Raises:
        PermissionDenied, NotFoundError (``user_not_found``), ValidationError,
        ConflictError: ``last_admin`` — the last active admin cannot be demoted
        or deactivated.
    """
    if not (actor == name and role is None and active is None):
        require_role(session, actor, ADMIN)
    record = _find(session, name)
    before = snapshot(record)
    if password is not None:
        _check(name, record.role, password)
        record.password_hash = hash_password(password)
    if role is not None:
        _check(name, role, None)
        record.role = role
    if active is not None:
        record.active = active
    if before["role"] == ADMIN and not (record.role == ADMIN and record.active):
        _keep_an_admin(session, record)
    session.flush()
    _log(session, actor, "update", before, record)
    return _user(record)


def list_users(session: Session) -> list[User]:
    return [_user(r) for r in session.scalars(select(UserRecord).order_by(UserRecord.name))]


def snapshot(record: UserRecord) -> Snapshot:
    """What the log keeps of a user: never the password hash, only a fingerprint of it."""
    fingerprint = hashlib.sha256(record.password_hash.encode("ascii")).hexdigest()
    return {"name": record.name, "role": record.role, "active": record.active,
            "password_sha256": fingerprint, "created_at": audit.moment_text(record.created_at)}


def stored_snapshots(session: Session) -> list[tuple[str, Snapshot]]:
    """(name, snapshot) of every user, for the audit replay."""
    return [(r.name, snapshot(r)) for r in session.scalars(select(UserRecord))]


def _check(name: str, role: str, password: str | None) -> None:
    if not name:
        raise ValidationError("empty_name", field="name")
    if role not in ROLES:
        raise ValidationError("unknown_role", role=role, allowed=ROLES)
    if password is not None and len(password) < MIN_PASSWORD:
        raise ValidationError("password_too_short", minimum=MIN_PASSWORD)


def _keep_an_admin(session: Session, changed: UserRecord) -> None:
    others = select(func.count()).select_from(UserRecord).where(
        UserRecord.role == ADMIN, UserRecord.active, UserRecord.id != changed.id)
    if not session.scalar(others):
        raise ConflictError("last_admin", name=changed.name)


def _find(session: Session, name: str) -> UserRecord:
    record = session.scalar(select(UserRecord).where(UserRecord.name == name))
    if record is None:
        raise NotFoundError("user_not_found", name=name)
    return record


def _user(record: UserRecord) -> User:
    return User(record.name, record.role, record.active)


def _log(session: Session, actor: str, action: str, before: Snapshot | None,
         record: UserRecord, at: datetime | None = None) -> None:
    audit.record(session, audit.AuditEntry(None, actor, action, "user", record.name,
                                           before=before, after=snapshot(record), at=at))
