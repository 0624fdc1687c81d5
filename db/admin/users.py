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
import secrets
from dataclasses import dataclass
from functools import cache
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from allocation.errors import AnjuError, ConflictError, NotFoundError, ValidationError
from db import audit
from db.audit import Snapshot
from db.records import UserRecord

OBSERVER, OPERATOR, SUPERVISOR, ADMIN = "observer", "operator", "supervisor", "admin"
ROLES: Final = (OBSERVER, OPERATOR, SUPERVISOR, ADMIN)
_SCRYPT: Final = {"n": 2**14, "r": 8, "p": 1}
MIN_PASSWORD: Final = 8


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
    """True while the database has no users (nothing is checked yet)."""
    return not session.scalar(select(func.count()).select_from(UserRecord))


def require_role(session: Session, actor: str, role: str) -> None:
    """Refuse unless ``actor`` is an active user whose role is ``role`` or above.

    Raises:
        PermissionDenied: ``not_permitted`` (``actor``, ``role`` held or
            ``"none"``, ``needed``).
    """
    if setup_mode(session):
        return
    record = session.scalar(select(UserRecord).where(UserRecord.name == actor))
    held = record.role if record is not None and record.active else "none"
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

    Raises:
        ValidationError: ``login_failed`` — the same for an unknown name, a
            wrong password and a deactivated user, so guessing names learns nothing.
    """
    record = session.scalar(select(UserRecord).where(UserRecord.name == name))
    # An unknown name costs one scrypt too, so timing does not tell names apart.
    stored = record.password_hash if record is not None else _unknown_user_hash()
    if not password_matches(stored, password) or record is None or not record.active:
        raise ValidationError("login_failed", name=name)
    return _user(record)


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
    record = UserRecord(name=name, role=role, password_hash=hash_password(password), active=True)
    session.add(record)
    session.flush()
    _log(session, actor or name, "create", None, record)
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
            "password_sha256": fingerprint}


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
         record: UserRecord) -> None:
    audit.record(session, audit.AuditEntry(None, actor, action, "user", record.name,
                                           before=before, after=snapshot(record)))
