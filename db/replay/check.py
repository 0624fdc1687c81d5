"""Does the data equal what the audit log says? Replays every event's after-state and compares.

The hash chain proves the log was not edited; this check proves the data was
not edited behind the log's back (an UPDATE typed into the database, a row
deleted by hand, a frozen policy's text changed). Both together are what
`anju audit verify` reports.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from allocation.registry import CompensationMode, HouseholdStatus, OldHomeUse
from db import admin as users
from db.audit import (
    ENTITY_IMPORT_BATCH,
    ChainBreak,
    Snapshot,
    as_logged,
    canonical_json,
    expand_batch,
    flat_snapshot,
    household_snapshot,
    unstated_fields,
    upgrade_flat_snapshot,
    upgrade_household_snapshot,
    verify_chain,
)
from db.casework import CaseworkReplay, casework_key
from db.casework import stored_snapshots as casework_snapshots
from db.lottery import draw_key, draw_snapshot, pool_key, pool_snapshot
from db.publications import publication_key
from db.publications import stored_snapshots as publication_snapshots
from db.records import (
    AuditEventRecord,
    DrawRecord,
    HouseholdRecord,
    PolicyRecord,
    PoolRecord,
    ProjectRecord,
    SelectionRecord,
)
from db.registry import (
    household_columns,
    household_from_record,
    iter_household_records,
    load_flats,
    project_snapshot,
    require_project,
    upgrade_project_snapshot,
)
from db.replay.location import column_of, table_of
from db.rules import policy_snapshot
from db.selection import ENTITY_SELECTION, snapshot_key, stored_snapshots

EntityKey = tuple[int, str, str]  # (project id, entity, key)

# A project's own facts (its name, the rehearsal flag) under one key: a rename replaces them.
# Who signed an act is the actor of its event (hash-chained), not a field of the logged
# snapshot: (entity, action) → the column holding that person.
SIGNED_BY = {
    ("policy", "create"): "created_by",
    ("policy", "freeze"): "frozen_by",
    ("pool", "publish"): "published_by",
    ("draw", "announce"): "announced_by",
    # Sources corrected before the draw: who corrected them announced them (db.lottery).
    ("draw", "update"): "announced_by",
}
SIGNATURES = frozenset(SIGNED_BY.values())
# Columns derived from the members on every write (db.registry.household_columns): the
# stored copy must equal what its members give.
DERIVED_HOUSEHOLD_COLUMNS = ("member_count", "recognised_count", "new_member_count",
                             "member_conditions")
# A household's columns that hold one of a set of values: one typed in by hand outside
# the set makes no household, but verify names it (a placeholder stands in to read the rest).
HOUSEHOLD_CHOICES = (("status", HouseholdStatus), ("compensation_mode", CompensationMode),
                     ("old_home_use", OldHomeUse))


@dataclass(frozen=True, slots=True)
class DataMismatch:
    """The first row that differs from the log.

    ``reason`` is "changed_outside_app" (the row differs from its last logged
    state), "missing_row" (the log says it exists) or "unlogged_row" (no event
    created it). ``table`` and ``column`` say where it is stored (the column
    also for a row whose key was edited: it is missing under its logged key
    and unlogged under the new one).
    """

    project_id: int
    entity: str
    key: str
    reason: str
    field: str | None = None
    table: str = ""
    column: str | None = None


@dataclass(frozen=True, slots=True)
class AuditReport:
    events: int
    chain_break: ChainBreak | None
    mismatch: DataMismatch | None

    @property
    def ok(self) -> bool:
        return self.chain_break is None and self.mismatch is None


def verify_audit(session: Session, project_id: int | None = None) -> AuditReport:
    """Check the chain, then the data of one project (or all) against the replayed log."""
    chain_break = verify_chain(session)
    expected = replay(session)
    mismatch = None
    if chain_break is None:
        mismatch = compare(session, expected, project_id) or _chain_heads(session, project_id)
    count = session.query(AuditEventRecord).count()
    return AuditReport(count, chain_break, mismatch)


def restored_data_mismatch(session: Session) -> str | None:
    """The check db.admin.restore runs before it commits: the first row that differs.

    db.admin sits below this package, so the restore is handed this function
    rather than importing it. The chain itself db.admin checks on its own.
    """
    found = verify_audit(session).mismatch
    if found is None:
        return None
    return f"{found.entity} {found.key}: {found.reason}" + (f" ({found.field})"
                                                            if found.field else "")


@dataclass(frozen=True, slots=True)
class Logged:
    """What the replay keeps of an entity's last logged state: the SHA-256 of its canonical
    JSON and the event that logged it (read again only when the row differs).

    A parsed snapshot is about 5 KB a household: 100,000 of them were most of
    the 1.4 GB that the check grew to. This is about 200 bytes.
    """

    digest: bytes
    seq: int
    # Who signed the entity's acts so far (SIGNED_BY): actors of earlier events, which
    # the one at ``seq`` does not repeat; None for all but policies, pools and draws.
    signed: Snapshot | None = None
    # Fields the event does not state (logged before they were: db.audit.LATER_FIELDS):
    # the row's values of them are not compared.
    unstated: frozenset[str] = frozenset()
    # Its place in an import batch's households (db.audit.batches); None for an event
    # that logs this entity alone.
    part: int | None = None


def replay(session: Session) -> dict[EntityKey, Logged]:
    """The state of every household and flat as the log says it is now (streamed)."""
    state: dict[EntityKey, Logged] = {}
    cases = CaseworkReplay()  # a deleted household's case log went with it
    columns = AuditEventRecord.__table__.c
    query = select(columns.seq, columns.project_id, columns.actor, columns.action, columns.entity,
                   columns.entity_key, columns.before, columns.after).order_by(columns.seq)
    for event in session.execute(query.execution_options(yield_per=5000)):
        _apply(state, event)
        cases.follow(state, event)  # type: ignore[arg-type]
    return state


def _apply(state: dict[EntityKey, Logged], event: Any) -> None:
    project = event.project_id or 0
    if event.entity == "sign_in":
        return  # an attempt to sign in, not the state of anything
    if event.entity == "anchor":
        return  # a restore let through without a witnessed head: its reason, not a state
    if event.entity == ENTITY_IMPORT_BATCH:  # imported households, a thousand an event
        _apply_batch(state, project, event)
        return
    if event.entity == "project":
        if event.action == "delete":  # its households and flats went with it
            for key in [k for k in state if k[0] == project]:
                del state[key]
        elif event.after:  # created, renamed or retitled: its facts as they are now
            # keyed by its id, which a rename leaves as it was
            after = _logged_after("project", event.after) or {}
            state[(project, "project", str(project))] = Logged(
                _digest(after), event.seq, unstated=unstated_fields("project", after))
        return
    before = json.loads(event.before) if event.before else None
    after = _logged_after(event.entity, event.after)
    signed: Snapshot = {}
    if before is not None:
        gone = state.pop((project, event.entity, _key(event.entity, before)), None)
        if gone is not None and gone.signed:
            signed = dict(gone.signed)  # who signed earlier acts, kept by later ones
    if after is not None:
        signature = SIGNED_BY.get((event.entity, event.action))
        if signature is not None:
            signed[signature] = event.actor
        state[(project, event.entity, _key(event.entity, after))] = Logged(
            _digest({**after, **signed}), event.seq, signed or None,
            unstated_fields(event.entity, after))


def _logged_after(entity: str, text: str | None) -> Snapshot | None:
    """An event's after-state in today's form."""
    after = json.loads(text) if text else None
    if after is not None and entity == "household":
        # Logged before migration 0009 or 0010: the household has what those gave it.
        after = upgrade_household_snapshot(after)
    elif after is not None and entity == "flat":
        after = upgrade_flat_snapshot(after)  # logged before 0010: no inner area
    elif after is not None and entity == "project":
        after = upgrade_project_snapshot(after)  # logged before 0013: no title
    return after


def _apply_batch(state: dict[EntityKey, Logged], project: int, event: Any) -> None:
    for part, snapshot in enumerate(_batch_households(event.after)):
        state[(project, "household", _key("household", snapshot))] = Logged(
            _digest(snapshot), event.seq, None, unstated_fields("household", snapshot), part)


def _batch_households(text: str | None) -> list[Snapshot]:
    """An import batch's households, each in today's form."""
    return [upgrade_household_snapshot(snapshot)
            for snapshot in expand_batch(json.loads(text) if text else {})]


def _digest(snapshot: Snapshot) -> bytes:
    return hashlib.sha256(canonical_json(snapshot).encode("utf-8")).digest()


def _key(entity: str, snapshot: Snapshot) -> str:
    if entity == "flat":
        return f"{snapshot['building']}-{snapshot['unit']}-{snapshot['number']}"
    if entity == "policy":
        return f"v{snapshot['version']}"
    if entity == "pool":
        return pool_key(snapshot)
    if entity == "draw":
        return draw_key(snapshot)
    if entity == "user":
        return str(snapshot["name"])
    notice_key = publication_key(entity, snapshot)  # a printed notice or an objection
    if notice_key is not None:
        return notice_key
    case_key = casework_key(entity, snapshot)  # a team, visit, request, step...
    if case_key is not None:
        return case_key
    session_key = snapshot_key(entity, snapshot)  # a selection session, turn or selection
    if session_key is not None:
        return session_key
    return str(snapshot["code"])


def compare(session: Session, expected: dict[EntityKey, Logged],
            project_id: int | None) -> DataMismatch | None:
    """The first difference (in key order) between the stored rows and the replayed log.

    The rows are streamed and each is struck off ``expected``: what is left
    was logged but is missing. ``expected`` is consumed.
    """
    first: DataMismatch | None = None
    first_key: EntityKey | None = None
    unlogged: dict[EntityKey, Snapshot] = {}  # a few, to pair with a missing row
    for key, stored in _current(session, project_id):
        found = _difference(session, key, expected.pop(key, None), stored)
        if found and found.reason == "unlogged_row" and len(unlogged) < PAIRED:
            unlogged[key] = stored
        if found and (first_key is None or key < first_key):
            first, first_key = found, key
    missing = [key for key in expected if project_id is None or key[0] == project_id]
    for key in missing:
        if first_key is None or key < first_key:
            first, first_key = DataMismatch(key[0], key[1], key[2], "missing_row",
                                            table=table_of(key[1], None)), key
    if first is None or first_key is None or first.reason == "changed_outside_app":
        return first
    kept = {k: expected[k] for k in [*missing[:PAIRED], first_key] if k in expected}
    return _rekeyed(session, first, first_key, kept, unlogged)


# How many unlogged rows, and missing ones, are kept to pair as one row whose key changed.
PAIRED = 100


def _rekeyed(session: Session, first: DataMismatch, key: EntityKey,
             missing: dict[EntityKey, Logged], unlogged: dict[EntityKey, Snapshot]) -> DataMismatch:
    """A row missing under its logged key and one unlogged under another of the same kind:
    one row whose key columns were edited. The fields that differ between the two name
    the column (the pair differing in the fewest fields)."""
    pairs: list[tuple[Snapshot, Snapshot]] = []
    if first.reason == "missing_row":
        logged = _logged_state(session, key[1], missing[key]) or {}
        pairs = [(logged, as_logged(stored, missing[key].unstated))
                 for other, stored in unlogged.items() if other[:2] == key[:2]]
    elif first.reason == "unlogged_row" and key in unlogged:
        pairs = [(_logged_state(session, key[1], state) or {},
                  as_logged(unlogged[key], state.unstated))
                 for other, state in missing.items() if other[:2] == key[:2]]
    if not pairs:
        return first
    logged, stored = min(pairs, key=lambda pair: len(_fields_differing(*pair)))
    field = _named_field(key[1], logged, stored)
    return replace(first, field=field, table=table_of(key[1], field),
                   column=column_of(key[1], field, logged, stored))


def _current(session: Session, project_id: int | None) -> Iterator[tuple[EntityKey, Snapshot]]:
    ids = session.scalars(select(ProjectRecord.id)).all()
    for pid in ids:
        if project_id is not None and pid != project_id:
            continue
        yield (pid, "project", str(pid)), project_snapshot(require_project(session, pid))
        for household in iter_household_records(session, pid):
            yield (pid, "household", household.code), _household(household)
        for stored in load_flats(session, pid):
            yield (pid, "flat", stored.flat.key), flat_snapshot(stored.flat)
        yield from _policies(session, pid)
        yield from _draws(session, pid)
        for entity, key, snapshot in stored_snapshots(session, pid):
            yield (pid, entity, key), snapshot
        for entity, key, snapshot in casework_snapshots(session, pid):
            yield (pid, entity, key), snapshot
        for entity, key, snapshot in publication_snapshots(session, pid):
            yield (pid, entity, key), snapshot
    if project_id is None:  # users belong to the database, not to a project
        for name, snapshot in users.stored_snapshots(session):
            yield (0, "user", name), snapshot


def _household(record: HouseholdRecord) -> Snapshot:
    """The household as logged, plus what the log has no field for but the row contradicts
    (so the comparison names that column): a stored derived column its members do not
    give, members out of their order (positions are 0, 1, 2...), and a value outside its
    set of values, which no household can hold."""
    outside = {name: getattr(record, name) for name, choices in HOUSEHOLD_CHOICES
               if getattr(record, name) not in {c.value for c in choices}}
    placeholders = {name: next(iter(choices)).value for name, choices in HOUSEHOLD_CHOICES
                    if name in outside}
    household = household_from_record(
        cast(HouseholdRecord, _StandIn(record, placeholders)) if placeholders else record)
    snapshot = {**household_snapshot(household), **outside}
    derived = household_columns(household)
    for name in DERIVED_HOUSEHOLD_COLUMNS:
        if getattr(record, name) != derived[name]:
            snapshot[name] = getattr(record, name)
    positions = [member.position for member in record.members]
    if positions != list(range(len(positions))):
        snapshot["member_positions"] = positions
    return snapshot


class _StandIn:
    """A row read with placeholders in place of some of its columns."""

    def __init__(self, record: Any, values: dict[str, Any]) -> None:
        self._record, self._values = record, values

    def __getattr__(self, name: str) -> Any:
        if name in self._values:
            return self._values[name]
        return getattr(self._record, name)


def _signatures(record: Any) -> Snapshot:
    """Who signed each act of a policy, pool or draw, as the row says (compared with the
    actor of the act's event)."""
    return {field: getattr(record, field) for field in sorted(SIGNATURES)
            if getattr(record, field, None) is not None}


def _policies(session: Session, project_id: int) -> Iterator[tuple[EntityKey, Snapshot]]:
    """Each version as logged, but with the hash of the document as stored now."""
    query = select(PolicyRecord).where(PolicyRecord.project_id == project_id)
    for record in session.scalars(query):
        snapshot = policy_snapshot(record)
        document = hashlib.sha256(record.document.encode("utf-8")).hexdigest()
        # A changed document, or a stored hash that no longer is the document's, both show.
        snapshot["sha256"] = (document if record.sha256 == document
                              else f"{record.sha256} (document {document})")
        snapshot.update(_signatures(record))
        yield (project_id, "policy", f"v{record.version}"), snapshot


def _draws(session: Session, project_id: int) -> Iterator[tuple[EntityKey, Snapshot]]:
    """Pools and draws with their hashes recomputed from the stored JSON."""
    pools = select(PoolRecord).where(PoolRecord.project_id == project_id)
    for pool in session.scalars(pools):
        snapshot = {**pool_snapshot(pool), **_signatures(pool)}
        yield (project_id, "pool", pool_key(snapshot)), snapshot
    draws = select(DrawRecord).where(DrawRecord.project_id == project_id)
    for draw in session.scalars(draws):
        snapshot = {**draw_snapshot(draw), **_signatures(draw)}
        yield (project_id, "draw", draw_key(snapshot)), snapshot


def _difference(session: Session, key: EntityKey, logged: Logged | None,
                stored: Snapshot) -> DataMismatch | None:
    project, entity, name = key
    if logged is None:
        return DataMismatch(project, entity, name, "unlogged_row", table=table_of(entity, None))
    stored = as_logged(stored, logged.unstated)
    if logged.digest == _digest(stored):
        return None
    # Different text: read the logged state again and compare the values themselves.
    snapshot = _logged_state(session, entity, logged) or {}
    if snapshot != stored:
        field = _named_field(entity, snapshot, stored)
        return DataMismatch(project, entity, name, "changed_outside_app", field,
                            table_of(entity, field), column_of(entity, field, snapshot, stored))
    return None


def _logged_state(session: Session, entity: str, logged: Logged) -> Snapshot | None:
    """The state ``logged`` stands for, read again from its event."""
    text = session.scalar(select(AuditEventRecord.after).where(AuditEventRecord.seq == logged.seq))
    if logged.part is not None:
        return _batch_households(text)[logged.part]
    snapshot = _logged_after(entity, text)
    if snapshot is not None and logged.signed:
        snapshot = {**snapshot, **logged.signed}
    return snapshot


def _fields_differing(logged: dict[str, Any], stored: dict[str, Any]) -> list[str]:
    return [f for f in sorted(set(logged) | set(stored)) if logged.get(f) != stored.get(f)]


def _named_field(entity: str, logged: dict[str, Any], stored: dict[str, Any]) -> str | None:
    """The field the report names: the first that differs, but an edited member before the
    household's derived columns, which differ only because of it."""
    differing = _fields_differing(logged, stored)
    if entity == "household":  # the members themselves before their positions' numbers
        for field in ("members", "member_positions"):
            if field in differing:
                return field
    return next(iter(differing), None)


def _chain_heads(session: Session, project_id: int | None) -> DataMismatch | None:
    """Each selection's chain head (printed on its slip) is the hash of its own "select" event.

    The head is not in the logged snapshot (it is the hash of that very
    event), so it is checked against the chain instead.
    """
    logged = dict(session.execute(
        select(AuditEventRecord.entity_key, AuditEventRecord.hash)
        .where(AuditEventRecord.entity == ENTITY_SELECTION,
               AuditEventRecord.action == "select")).all())
    query = select(SelectionRecord).order_by(SelectionRecord.id)
    if project_id is not None:
        query = query.where(SelectionRecord.project_id == project_id)
    for record in session.scalars(query):
        key = str(snapshot_key(ENTITY_SELECTION, {"id": record.id}))
        if record.chain_head != logged.get(key):
            return DataMismatch(record.project_id, ENTITY_SELECTION, key, "changed_outside_app",
                                "chain_head", "selection", "chain_head")
    return None
