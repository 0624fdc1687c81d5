"""The append-only, hash-chained audit log, written in the same transaction as each change.

Each event's hash is SHA-256 over the previous hash and the event's canonical
JSON, so editing or deleting any stored event breaks every hash after it.
Appends lock the single chain-head row first, which serialises writers on
PostgreSQL (row lock) and on SQLite (the write lock), so two workstations
can never fork the chain.
"""

from __future__ import annotations

import hashlib
import json.encoder
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db.audit.changes import note as note_changes
from db.audit.snapshots import Snapshot, canonical_json, moment_text
from db.records import AuditEventRecord, AuditHeadRecord
from db.store import insert_rows

GENESIS = "0" * 64
HEAD_ROW = 1


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One change to record: who did what to which entity, with both states."""

    project_id: int | None
    actor: str
    action: str
    entity: str
    entity_key: str
    before: Snapshot | None = None
    after: Snapshot | None = None
    # The moment of the act, when its row keeps one too (created_at, frozen_at, ...): the
    # act reads the clock once and writes the same time into the row and the event.
    at: datetime | None = None
    # ``after`` already in canonical JSON (a bulk import spells its snapshots out:
    # db.audit.household_batches); when given, ``after`` is not encoded again.
    after_json: str | None = None


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """The first event whose stored hash or link does not match the chain."""

    seq: int
    reason: str  # "hash_mismatch", "link_mismatch", "missing_event", "head_mismatch"


def event_payload(event: AuditEventRecord) -> dict[str, Any]:
    """The hashed fields of a stored event (everything but ``id`` and ``hash``)."""
    return {
        "seq": event.seq,
        "project_id": event.project_id,
        "at": _iso(event.at),
        "actor": event.actor,
        "action": event.action,
        "entity": event.entity,
        "entity_key": event.entity_key,
        "before": event.before,
        "after": event.after,
        "prev_hash": event.prev_hash,
    }


def chain_hash(prev_hash: str, payload: dict[str, Any]) -> str:
    data = (prev_hash + canonical_json(payload)).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def _iso(moment: datetime) -> str:
    return str(moment_text(moment))


def _lock_head(session: Session) -> tuple[int, str]:
    # A no-op UPDATE takes the write lock before we read the head.
    session.execute(update(AuditHeadRecord).where(AuditHeadRecord.id == HEAD_ROW)
                    .values(seq=AuditHeadRecord.seq))
    head = session.get(AuditHeadRecord, HEAD_ROW, populate_existing=True)
    if head is None:
        head = AuditHeadRecord(id=HEAD_ROW, seq=0, hash=GENESIS)
        session.add(head)
        session.flush()
    return head.seq, head.hash


def record(session: Session, entry: AuditEntry) -> str:
    """Append one event; returns the new chain head."""
    return record_many(session, [entry])


def record_many(session: Session, entries: Iterable[AuditEntry]) -> str:
    """Append events in order under one lock; returns the new chain head.

    Bulk imports use this so that 100,000 households cost one lock and one
    executemany, not 100,000 round trips.
    """
    start, head = _lock_head(session)
    seq, prev = _write_events(session, entries, start, head)
    if seq != start:
        session.execute(update(AuditHeadRecord).where(AuditHeadRecord.id == HEAD_ROW)
                        .values(seq=seq, hash=prev))
    return prev


def _write_events(session: Session, entries: Iterable[AuditEntry], seq: int,
                  prev: str) -> tuple[int, str]:
    """Chain ``entries`` after (seq, prev) and insert them; returns the new (seq, head).

    The caller holds the head's lock and moves the head: record_many through
    the ORM, record_block on the connection.
    """
    now = datetime.now(UTC)
    rows: list[dict[str, Any]] = []
    for entry in entries:
        seq += 1
        row = _event_row(entry, seq, entry.at or now, prev)
        prev = row["hash"]
        rows.append(row)
    note_changes(session, ((r["project_id"], r["entity"], r["entity_key"]) for r in rows))
    if rows:
        insert_rows(session, AuditEventRecord.__table__, _EVENT_COLUMNS,
                    ([r[c] for c in _EVENT_COLUMNS] for r in rows))
    return seq, prev


_HEAD = AuditHeadRecord.__table__
# A no-op UPDATE takes the write lock (the row lock on PostgreSQL) and RETURNING reads the
# head in the same round trip.
_LOCK_AND_READ_HEAD = (update(_HEAD).where(_HEAD.c.id == HEAD_ROW)
                       .values(seq=_HEAD.c.seq).returning(_HEAD.c.seq, _HEAD.c.hash))
_MOVE_HEAD = update(_HEAD).where(_HEAD.c.id == HEAD_ROW)


def record_block(session: Session, entries: Sequence[AuditEntry]) -> str:
    """Append the events of one operation (a few, often) under one lock; returns the new head.

    The same events, hashes and head as :func:`record_many`, in two statements
    on the session's connection (lock-and-read, then move the head) besides the
    insert, where record_many takes three through the ORM: for the selection
    desk and the rehearsal, whose every turn is one transaction of a few events
    (about a third of a rehearsed turn went to appending). The first event of
    a database (no head row yet) goes through record_many, which makes the row.
    """
    connection = session.connection()
    found = connection.execute(_LOCK_AND_READ_HEAD).first()
    if found is None:
        return record_many(session, entries)
    start, head = found
    seq, prev = _write_events(session, entries, start, head)
    if seq != start:
        connection.execute(_MOVE_HEAD.values(seq=seq, hash=prev))
        # Past the ORM: a head row it holds (chain_head's session.get) is stale now.
        held = session.identity_map.get(session.identity_key(AuditHeadRecord, HEAD_ROW))
        if held is not None:
            session.expire(held)
    return prev


_EVENT_COLUMNS = ("seq", "project_id", "at", "actor", "action", "entity", "entity_key",
                  "before", "after", "prev_hash", "hash")


def _event_row(entry: AuditEntry, seq: int, now: datetime, prev: str) -> dict[str, Any]:
    # Built as a plain dict (no ORM object): bulk imports write 100,000 of these.
    before = None if entry.before is None else canonical_json(entry.before)
    after = (entry.after_json if entry.after_json is not None
             else None if entry.after is None else canonical_json(entry.after))
    payload: dict[str, Any] = {
        "seq": seq,
        "project_id": entry.project_id,
        "at": _iso(now),
        "actor": entry.actor,
        "action": entry.action,
        "entity": entry.entity,
        "entity_key": entry.entity_key,
        "before": before,
        "after": after,
        "prev_hash": prev,
    }
    text = _payload_json(payload)
    digest = hashlib.sha256((prev + text).encode("utf-8")).hexdigest()
    return {**payload, "at": now, "hash": digest}


_quoted = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) writes for a str


def _payload_json(payload: dict[str, Any]) -> str:
    """canonical_json(payload), spelled out field by field: the same text, faster.

    A bulk append spends much of its time encoding payloads, whose keys are
    always the same ten: here they are written in their sorted order and
    only the values are encoded (the snapshots, already JSON text, are
    quoted exactly as json.dumps quotes a string). A value of any other type
    than the usual takes canonical_json itself, so the hashed text never differs.
    """
    p = payload
    project, seq, before, after = p["project_id"], p["seq"], p["before"], p["after"]
    if not (type(seq) is int and (project is None or type(project) is int)
            and (before is None or type(before) is str)
            and (after is None or type(after) is str)
            and type(p["action"]) is str and type(p["actor"]) is str and type(p["at"]) is str
            and type(p["entity"]) is str and type(p["entity_key"]) is str
            and type(p["prev_hash"]) is str):
        return canonical_json(payload)
    return "".join((
        '{"action":', _quoted(p["action"]), ',"actor":', _quoted(p["actor"]),
        ',"after":', "null" if after is None else _quoted(after),
        ',"at":', _quoted(p["at"]),
        ',"before":', "null" if before is None else _quoted(before),
        ',"entity":', _quoted(p["entity"]), ',"entity_key":', _quoted(p["entity_key"]),
        ',"prev_hash":', _quoted(p["prev_hash"]),
        ',"project_id":', "null" if project is None else int.__repr__(project),
        ',"seq":', int.__repr__(seq), "}"))


def chain_head(session: Session) -> str:
    """The hash of the newest event (printed on every document)."""
    head = session.get(AuditHeadRecord, HEAD_ROW)
    return head.hash if head else GENESIS


def verify_chain(session: Session, batch: int = 5000) -> ChainBreak | None:
    """Walk every event in order; return the first break, or None if whole."""
    prev, expected_seq = GENESIS, 1
    query = select(AuditEventRecord).order_by(AuditEventRecord.seq)
    for event in session.scalars(query.execution_options(yield_per=batch)):
        found = _check_event(event, prev, expected_seq)
        if found:
            return found
        prev, expected_seq = event.hash, expected_seq + 1
    head = session.get(AuditHeadRecord, HEAD_ROW)
    if head is not None and (head.hash != prev or head.seq != expected_seq - 1):
        return ChainBreak(seq=expected_seq, reason="head_mismatch")
    return None


def _check_event(event: AuditEventRecord, prev: str, expected_seq: int) -> ChainBreak | None:
    if event.seq != expected_seq:
        return ChainBreak(seq=expected_seq, reason="missing_event")
    if event.prev_hash != prev:
        return ChainBreak(seq=event.seq, reason="link_mismatch")
    if chain_hash(prev, event_payload(event)) != event.hash:
        return ChainBreak(seq=event.seq, reason="hash_mismatch")
    return None


def events_for(session: Session, *, project_id: int | None = None,
               entity_key: str | None = None) -> Sequence[AuditEventRecord]:
    """Events of a project (and one entity), oldest first, for display and tests."""
    query = select(AuditEventRecord).order_by(AuditEventRecord.seq)
    if project_id is not None:
        query = query.where(AuditEventRecord.project_id == project_id)
    if entity_key is not None:
        query = query.where(AuditEventRecord.entity_key == entity_key)
    return session.scalars(query).all()
