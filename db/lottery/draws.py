"""The lottery workflow: publish the pool, announce the sources, draw once, retract with a reason.

1. ``publish_pool`` stores the pool (every household that takes a flat,
   numbered 1..P by household code, with its priority group and sort key
   under the frozen policy; a household that chose money compensation,
   货币补偿, takes no flat and is left out). From then on its membership
   and order are locked: RFC 3797 §5.1 says a doubtful entry stays in the
   pool and is skipped later, because inserting or deleting one would
   scramble every selection.
2. ``announce_sources`` records the sources, the method and the witnesses
   before the draw (they may be corrected until the draw runs).
3. ``run_draw`` runs the draw once and seals its record (allocation.verify
   format) and the record's SHA-256; the row is never edited again.
4. ``retract_draw`` is a supervisor act with a reason: the draw stays
   readable, marked retracted, and new sources must be announced before the
   next draw of the same pool.

Every step is in the audit log. Functions take the session first and never
commit.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from allocation.errors import ConflictError, NotFoundError, ValidationError
from allocation.lottery import (
    DEFAULT_METHOD,
    build_record,
    get_method,
    key_string,
    pool_sha256,
    record_sha256,
)
from allocation.registry import CompensationMode, Household, ProjectId
from allocation.rules import PoolEntry, pool_entries
from db import audit
from db.admin import SUPERVISOR, backup_before, require_role, witness_on_commit
from db.audit import Snapshot
from db.records import VOID, DrawRecord, PoolRecord, SelectionRecord, SelectionSessionRecord
from db.registry import load_households, require_project
from db.rules import frozen_policy

PUBLISHED = "published"
ANNOUNCED, ACTIVE, RETRACTED = "announced", "active", "retracted"


@dataclass(frozen=True, slots=True)
class PublishedPool:
    """The published pool; ``money`` are the codes of the households left out of it because
    they chose money compensation (货币补偿: no flat, so no place in the draw), by code."""

    id: int
    pool_sha256: str
    policy_sha256: str
    entries: list[PoolEntry]
    published_at: datetime
    published_by: str
    money: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return len(self.entries)


@dataclass(frozen=True, slots=True)
class Draw:
    """One draw of a pool; ``record`` is the sealed record (None while only announced)."""

    pool_id: int
    seq: int
    status: str
    method: str
    sources: list[str]
    witnesses: list[dict[str, str]]
    record: dict[str, Any] | None
    record_sha256: str | None
    reason: str

    @property
    def final_order(self) -> list[str]:
        return [] if self.record is None else list(self.record["final_order"])


# --- snapshots (what the audit log records; audit_check recomputes them) ------


def pool_snapshot(record: PoolRecord) -> Snapshot:
    """The pool as logged: its hashes, with the entries JSON hashed as stored."""
    return {"id": record.id, "status": record.status, "pool_sha256": record.pool_sha256,
            "policy_sha256": record.policy_sha256,
            "entries_sha256": hashlib.sha256(record.entries.encode("utf-8")).hexdigest(),
            "published_at": audit.moment_text(record.published_at)}


def draw_snapshot(record: DrawRecord) -> Snapshot:
    """The draw as logged; ``sealed_sha256`` is recomputed from the stored record JSON."""
    return {"pool": record.pool_id, "seq": record.seq, "status": record.status,
            "method": record.method, "sources": _logged_json(record.sources),
            "witnesses": _logged_json(record.witnesses), "record_sha256": record.record_sha256,
            "sealed_sha256": _sealed_sha256(record.record),
            "reason": record.reason, "announced_at": audit.moment_text(record.announced_at)}


def _logged_json(text: str) -> Any:
    """Stored JSON as the snapshot states it; text that is not JSON (only a hand edit writes
    that) stays text, so the check names the column instead of failing on it."""
    try:
        return json.loads(text)
    except ValueError:
        return f"not JSON: {text[:80]}"


def _sealed_sha256(text: str | None) -> str | None:
    """The sealed record's hash recomputed from the stored JSON (what it says if it is not a
    sealed record any more)."""
    if text is None:
        return None
    found = _logged_json(text)
    try:
        return record_sha256(found)
    except (TypeError, KeyError, ValueError, AttributeError):
        return f"not a sealed record: {text[:80]}"


def pool_key(snapshot: Snapshot) -> str:
    return f"pool-{snapshot['id']}"


def draw_key(snapshot: Snapshot) -> str:
    return f"draw-{snapshot['pool']}-{snapshot['seq']}"


# --- the workflow -------------------------------------------------------------


def publish_pool(session: Session, *, project_id: ProjectId, actor: str,
                 on: date) -> PublishedPool:
    """Publish the pool of the households that take a flat, numbered 1..P by household code.

    A household that chose money compensation (货币补偿) takes no flat and is
    left out; the pool says how many (``PublishedPool.money``). Membership
    and order are locked from now on: a doubtful entry is not removed but
    stays in the pool and is skipped after the draw (RFC 3797
    §5.1), since deleting or inserting one would change every selection.

    Raises:
        NotFoundError: ``policy_not_frozen``.
        ConflictError: ``pool_already_published``.
        ValidationError: ``pool_empty``.
    """
    require_role(session, actor, SUPERVISOR)
    require_project(session, project_id)
    policy = frozen_policy(session, project_id)
    existing = _pool(session, project_id)
    if existing is not None:
        raise ConflictError("pool_already_published", sha256=existing.pool_sha256)
    everyone = sorted(load_households(session, project_id), key=lambda h: h.code)
    households = [h for h in everyone if not _money(h)]
    if not households:
        raise ValidationError("pool_empty", pool_size=0)
    entries = pool_entries(households, policy.policy, on)
    at = datetime.now(UTC)  # the row's time is its event's
    record = PoolRecord(project_id=project_id, status=PUBLISHED,
                        pool_sha256=pool_sha256([e.code for e in entries]),
                        entries=_entries_json(entries), policy_sha256=policy.sha256,
                        published_by=actor, published_at=at)
    session.add(record)
    session.flush()
    witness_on_commit(session, project_id=project_id, act="pool")
    snapshot = pool_snapshot(record)
    audit.record(session, audit.AuditEntry(project_id, actor, "publish", "pool",
                                           pool_key(snapshot), after=snapshot, at=at))
    return _published(record, tuple(h.code for h in everyone if _money(h)))


def current_pool(session: Session, project_id: ProjectId) -> PublishedPool | None:
    """The published pool, with the money households outside it as the registry has them now."""
    record = _pool(session, project_id)
    if record is None:
        return None
    inside = {e.code for e in _entries(record.entries)}
    money = sorted(h.code for h in load_households(session, project_id)
                   if _money(h) and h.code not in inside)
    return _published(record, tuple(money))


def _money(household: Household) -> bool:
    """Whether ``household`` chose money compensation: it takes no flat, so it is not drawn."""
    return household.compensation_mode is CompensationMode.MONEY


def published_groups(session: Session, project_id: ProjectId, *,
                     policy_sha256: str | None = None) -> dict[str, str]:
    """Each household's priority group as the published pool froze it, by code.

    Empty before the pool is published. Afterwards these groups order the
    draw and the session: the papers and traces print them, not the group
    the household's facts would give today (a head who turned 80 since).

    The groups are those of the policy the pool was published under. Given
    ``policy_sha256`` (the policy a caller explains or prints under), they are
    returned only if it is that policy; under another one (a draft, or a
    version that superseded it) nothing was published and the result is empty.
    """
    pool = _pool(session, project_id)
    if pool is None or policy_sha256 not in (None, pool.policy_sha256):
        return {}
    return {e.code: e.group for e in _entries(pool.entries) if e.group is not None}


def announce_sources(session: Session, *, project_id: ProjectId, sources: Sequence[str],
                     method: str = DEFAULT_METHOD,
                     witnesses: Sequence[tuple[str, str]] = (), actor: str) -> Draw:
    """Record the sources, method and witnesses before the draw (or correct them).

    Raises:
        NotFoundError: ``pool_not_published``.
        ConflictError: ``draw_already_run``.
        ValidationError: the source errors of allocation.lottery
            (``source_empty``, ``sources_empty``...), ``unknown_method``,
            ``pool_too_large_for_method``, ``required_value_missing``.
    """
    require_role(session, actor, SUPERVISOR)
    pool = _require_pool(session, project_id)
    texts = list(sources)
    key_string(texts)  # canonicalises each source: a bad one is refused now, not at the draw
    spec = get_method(method)
    size = len(json.loads(pool.entries))
    if size > spec.max_pool:
        raise ValidationError("pool_too_large_for_method", pool_size=size, method=method,
                              max_pool=spec.max_pool)
    people = [_witness(role, name) for role, name in witnesses]
    latest = _latest_draw(session, pool.id)
    if latest is not None and latest.status == ACTIVE:
        raise ConflictError("draw_already_run", seq=latest.seq,
                            sha256=latest.record_sha256)
    fields = {"method": method, "sources": _json(texts), "witnesses": _json(people)}
    at = datetime.now(UTC)  # the row's time is its event's
    if latest is not None and latest.status == ANNOUNCED:
        before = draw_snapshot(latest)
        for name, value in fields.items():
            setattr(latest, name, value)
        latest.announced_by, latest.announced_at = actor, at
        session.flush()
        _log(session, latest, actor, "update", before, at=at)
        return _draw(latest)
    seq = 1 if latest is None else latest.seq + 1
    record = DrawRecord(project_id=project_id, pool_id=pool.id, seq=seq, status=ANNOUNCED,
                        announced_by=actor, announced_at=at, reason="", **fields)
    session.add(record)
    session.flush()
    _log(session, record, actor, "announce", None, at=at)
    return _draw(record)


def run_draw(session: Session, *, project_id: ProjectId, actor: str,
             drawn_at: datetime | None = None) -> Draw:
    """Run the announced draw once and seal its record.

    Raises:
        NotFoundError: ``pool_not_published``.
        ConflictError: ``draw_already_run``, ``draw_not_announced``.
    """
    require_role(session, actor, SUPERVISOR)
    pool = _require_pool(session, project_id)
    latest = _latest_draw(session, pool.id)
    if latest is not None and latest.status == ACTIVE:
        raise ConflictError("draw_already_run", seq=latest.seq,
                            sha256=latest.record_sha256)
    if latest is None or latest.status != ANNOUNCED:
        raise ConflictError("draw_not_announced")
    backup_before(session, project_id=project_id, act="draw")
    witness_on_commit(session, project_id=project_id, act="draw")
    witnesses = json.loads(latest.witnesses)
    sealed = build_record(
        pool=_entries(pool.entries), sources=json.loads(latest.sources),
        drawn_at=(drawn_at or datetime.now(UTC)).isoformat(timespec="seconds"),
        operator=actor, witnesses=witnesses, method=latest.method,
        policy_sha256=pool.policy_sha256)
    before = draw_snapshot(latest)
    latest.record = _json(sealed)
    latest.record_sha256 = sealed["record_sha256"]
    latest.status = ACTIVE
    session.flush()
    _log(session, latest, actor, "draw", before)
    return _draw(latest)


def announce_and_draw(session: Session, *, project_id: ProjectId, sources: Sequence[str],
                      method: str = DEFAULT_METHOD,
                      witnesses: Sequence[tuple[str, str]] = (), actor: str) -> Draw:
    """Announce the sources and run the draw in the caller's one transaction.

    For a draw held on the spot, where sources are entered and drawn at once:
    if the draw is refused, the announcement is rolled back with it.
    """
    announce_sources(session, project_id=project_id, sources=sources, method=method,
                     witnesses=witnesses, actor=actor)
    return run_draw(session, project_id=project_id, actor=actor)


def retract_draw(session: Session, *, project_id: ProjectId, reason: str, actor: str) -> Draw:
    """Mark the active draw retracted, with a reason; it stays readable.

    Who may do this is the roles' business; here the reason is required.

    A draw is final once a selection session has opened on it: households
    were called, and chose, in its order. Then only voiding the session
    (:func:`db.selection.void_session`, a supervisor's act with a reason)
    lets the draw go. The draw's row is locked before the sessions are
    looked at, and opening a session locks it too (:func:`lock_counting_draw`),
    so a retraction and an opening racing from two workstations take turns:
    the second sees what the first did.

    Raises:
        ValidationError: ``required_value_missing`` (field ``reason``).
        NotFoundError: ``pool_not_published``, ``draw_not_found``.
        ConflictError: ``draw_in_use`` (``session``, ``session_status``, ``chosen``:
            the session on it, its status and how many flats were chosen).
    """
    require_role(session, actor, SUPERVISOR)
    if not reason.strip():
        raise ValidationError("required_value_missing", field="reason")
    pool = _require_pool(session, project_id)
    latest = _lock_latest_draw(session, pool.id)
    if latest is None or latest.status != ACTIVE:
        raise NotFoundError("draw_not_found", project=project_id)
    _refuse_if_used(session, latest)
    before = draw_snapshot(latest)
    latest.status, latest.reason = RETRACTED, reason.strip()
    session.flush()
    _log(session, latest, actor, "retract", before)
    return _draw(latest)


def lock_counting_draw(session: Session, project_id: ProjectId) -> tuple[int, Draw] | None:
    """Lock the newest draw of the published pool; (its row id, the draw) if it counts.

    What opening a session calls first: with the draw's row locked, a
    retraction from another workstation waits until the session is committed,
    and then refuses (``draw_in_use``); or it went first, and the draw no
    longer counts here (None).
    """
    pool = _pool(session, project_id)
    latest = None if pool is None else _lock_latest_draw(session, pool.id)
    if latest is None or latest.status != ACTIVE:
        return None
    return latest.id, _draw(latest)


def counting_draw(session: Session, project_id: ProjectId) -> Draw | None:
    """The draw that counts for the project (see :func:`counting_draw_of`), or None."""
    pool = _pool(session, project_id)
    if pool is None:
        return None
    query = select(DrawRecord).where(DrawRecord.pool_id == pool.id).order_by(DrawRecord.seq)
    return _counting(pool.id, [_draw(r) for r in session.scalars(query)])


def counting_draw_of(pool: PublishedPool | None, history: Sequence[Draw]) -> Draw | None:
    """The draw that counts, found in a loaded history (oldest first).

    The rule, stated once: a draw of the published pool stands until it is
    retracted; the newest standing draw counts once its record is sealed
    (status ``active``). Before publication, before the first draw, while the
    newest draw is only announced, or after a retraction with no redraw yet,
    no draw counts. Draws of another pool never count.
    """
    return None if pool is None else _counting(pool.id, history)


def standing_draw_of(pool: PublishedPool | None, history: Sequence[Draw]) -> Draw | None:
    """The newest draw of the published pool that is not retracted, sealed or not.

    It is the counting draw, or the draw announced to count next: the pool
    notice prints its method and sources.
    """
    return None if pool is None else _standing(pool.id, history)


def draw_history(session: Session, project_id: ProjectId) -> list[Draw]:
    """Every draw of the project, retracted ones included, oldest first."""
    query = (select(DrawRecord).where(DrawRecord.project_id == project_id)
             .order_by(DrawRecord.pool_id, DrawRecord.seq))
    return [_draw(r) for r in session.scalars(query)]


# --- helpers ------------------------------------------------------------------


def _pool(session: Session, project_id: ProjectId) -> PoolRecord | None:
    return session.scalar(select(PoolRecord).where(PoolRecord.project_id == project_id,
                                                   PoolRecord.status == PUBLISHED)
                          .order_by(PoolRecord.id.desc()).limit(1))


def _require_pool(session: Session, project_id: ProjectId) -> PoolRecord:
    require_project(session, project_id)
    pool = _pool(session, project_id)
    if pool is None:
        raise NotFoundError("pool_not_published", project=project_id)
    return pool


def _latest_draw(session: Session, pool_id: int) -> DrawRecord | None:
    return session.scalar(select(DrawRecord).where(DrawRecord.pool_id == pool_id)
                          .order_by(DrawRecord.seq.desc()).limit(1))


def _lock_latest_draw(session: Session, pool_id: int) -> DrawRecord | None:
    """The newest draw of the pool, its row locked for this transaction, read afresh.

    The UPDATE changes nothing but takes the row lock on PostgreSQL and the
    write lock on SQLite (where SELECT ... FOR UPDATE does not exist), so
    what is read after it is what the previous holder committed.
    """
    latest = _latest_draw(session, pool_id)
    if latest is None:
        return None
    session.execute(update(DrawRecord).where(DrawRecord.id == latest.id)
                    .values(status=DrawRecord.status)
                    .execution_options(synchronize_session=False))
    session.refresh(latest)
    return latest


def _refuse_if_used(session: Session, draw: DrawRecord) -> None:
    """ConflictError ``draw_in_use`` if a selection session (not void) is on the draw."""
    used = session.execute(
        select(SelectionSessionRecord.id, SelectionSessionRecord.status)
        .where(SelectionSessionRecord.draw_id == draw.id,
               SelectionSessionRecord.status != VOID)).first()
    if used is None:
        return
    chosen = session.scalar(select(func.count()).select_from(SelectionRecord).where(
        SelectionRecord.session_id == used.id, SelectionRecord.revoked_at.is_(None)))
    raise ConflictError("draw_in_use", session=used.id, session_status=used.status,
                        chosen=chosen or 0, seq=draw.seq)


def _standing(pool_id: int, history: Sequence[Draw]) -> Draw | None:
    return next((d for d in reversed(history)
                 if d.pool_id == pool_id and d.status != RETRACTED), None)


def _counting(pool_id: int, history: Sequence[Draw]) -> Draw | None:
    standing = _standing(pool_id, history)
    return standing if standing is not None and standing.status == ACTIVE else None


def _witness(role: str, name: str) -> dict[str, str]:
    role, name = role.strip(), name.strip()
    if not role:
        raise ValidationError("required_value_missing", field="witness")
    if not name:
        raise ValidationError("required_value_missing", field="witness")
    return {"role": role, "name": name}


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _entries_json(entries: Sequence[PoolEntry]) -> str:
    return _json([[e.position, e.code, e.group, e.group_rank, e.sort_key] for e in entries])


def _entries(text: str) -> list[PoolEntry]:
    return [PoolEntry(*row) for row in json.loads(text)]


def _published(record: PoolRecord, money: tuple[str, ...] = ()) -> PublishedPool:
    return PublishedPool(record.id, record.pool_sha256, record.policy_sha256,
                         _entries(record.entries), record.published_at, record.published_by,
                         money)


def _draw(record: DrawRecord) -> Draw:
    return Draw(record.pool_id, record.seq, record.status, record.method,
                json.loads(record.sources), json.loads(record.witnesses),
                None if record.record is None else json.loads(record.record),
                record.record_sha256, record.reason)


def _log(session: Session, record: DrawRecord, actor: str, action: str,
         before: Snapshot | None, at: datetime | None = None) -> None:
    after = draw_snapshot(record)
    audit.record(session, audit.AuditEntry(record.project_id, actor, action, "draw",
                                           draw_key(after), before=before, after=after, at=at))
