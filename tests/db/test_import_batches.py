"""Imported households are logged a thousand to an event (db.audit.batches): verify still
replays every row, and databases of per-household import events still verify."""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta

from sqlalchemy import select, text, update

import db.registry.importing as importing
from db.audit import BATCH_SIZE, canonical_json, expand_batch, household_snapshot
from db.excel import write_households
from db.records.tables import AuditEventRecord, AuditHeadRecord
from db.replay import verify_audit
from tests.db.forging import rehash_from
from tests.factories import make_household, make_member, person_id


def _household(i):
    """A one-person household; its head born on the ``i``-th day after 1950-01-01 (the
    factory's ID numbers run out at 50 households)."""
    head = make_member(1, id_number=person_id(1, date(1950, 1, 1) + timedelta(days=i)))
    return make_household(f"K{i:05}", size=1, members=(head,), head_id=head.id_number)


def _import(factory, project_id, count):
    batch = [_household(i) for i in range(1, count + 1)]
    with factory.begin() as s:
        importing.import_households(s, project_id=project_id, households=batch, actor="op")
    return batch


def _batch_events(session):
    return session.scalars(select(AuditEventRecord).where(
        AuditEventRecord.entity == "import_batch").order_by(AuditEventRecord.seq)).all()


def test_a_batch_of_1001_households_splits_into_two_events(factory, project_id):
    batch = _import(factory, project_id, BATCH_SIZE + 1)
    with factory() as s:
        events = _batch_events(s)
        parts = [expand_batch(json.loads(e.after)) for e in events]
        assert [len(p) for p in parts] == [BATCH_SIZE, 1]
        assert [h["code"] for p in parts for h in p] == [h.code for h in batch]
        assert parts[1][0] == household_snapshot(batch[-1])
        assert [e.entity_key for e in events] == ["direct-1", f"direct-{BATCH_SIZE + 1}"]
        assert events[1].after == canonical_json({  # spelled out, but the canonical text
            "fields": sorted(household_snapshot(batch[-1])), "file": None, "sha256": None,
            "households": [list(parts[1][0].values())]})
        assert verify_audit(s).ok


def test_an_imported_file_is_named_in_its_batch_event(factory, project_id, tmp_path):
    path = tmp_path / "户籍.xlsx"
    write_households(path, [make_household(f"F{i:03}", seq=i) for i in range(1, 4)])
    with factory.begin() as s:
        importing.import_households_file(s, project_id=project_id, path=path, actor="op")
    with factory() as s:
        (event,) = _batch_events(s)
        after = json.loads(event.after)
        assert after["file"] == "户籍.xlsx"
        assert after["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert event.entity_key == f"{after['sha256'][:16]}-1"
        assert verify_audit(s).ok


def test_a_row_edited_behind_the_apps_back_is_named(factory, project_id):
    _import(factory, project_id, 30)
    with factory.begin() as s:
        s.execute(text("UPDATE household SET head_name = '李四' WHERE code = 'K00017'"))
    with factory() as s:
        found = verify_audit(s).mismatch
    assert found is not None
    assert (found.entity, found.key, found.reason, found.field) == (
        "household", "K00017", "changed_outside_app", "head_name")


def test_a_value_tampered_inside_a_batch_event_is_named(factory, project_id):
    """The log rewritten and re-hashed, so the chain holds: the row no longer matches."""
    _import(factory, project_id, 30)
    with factory.begin() as s:
        (event,) = _batch_events(s)
        after = json.loads(event.after)
        row = after["households"][22]
        assert row[after["fields"].index("code")] == "K00023"
        row[after["fields"].index("phone")] = "13900000000"
        event.after = canonical_json(after)
        rehash_from(s, event.seq)
    with factory() as s:
        report = verify_audit(s)
    assert report.chain_break is None
    assert report.mismatch is not None
    assert (report.mismatch.key, report.mismatch.reason, report.mismatch.field) == (
        "K00023", "changed_outside_app", "phone")


def test_a_household_left_out_of_its_batch_event_is_unlogged(factory, project_id):
    _import(factory, project_id, 5)
    with factory.begin() as s:
        (event,) = _batch_events(s)
        after = json.loads(event.after)
        del after["households"][3]
        event.after = canonical_json(after)
        rehash_from(s, event.seq)
    with factory() as s:
        found = verify_audit(s).mismatch
    assert found is not None and (found.key, found.reason) == ("K00004", "unlogged_row")


def test_a_database_of_per_household_import_events_still_verifies(factory, project_id):
    """An older Anju logged one "import" event per household: the batch event rewritten
    as those, the chain re-hashed, verify replays them, and still finds an edited row."""
    batch = _import(factory, project_id, 12)
    with factory.begin() as s:
        (event,) = _batch_events(s)
        first, after = event.seq, json.loads(event.after)
        later = s.scalars(select(AuditEventRecord).where(AuditEventRecord.seq > first)
                          .order_by(AuditEventRecord.seq)).all()
        snapshots = expand_batch(after)
        event.entity, event.entity_key = "household", snapshots[0]["code"]
        event.after = canonical_json(snapshots[0])
        moved = [(e.seq, e) for e in later]
        for old_seq, e in reversed(moved):  # make room for the other 11 events
            e.seq = old_seq + len(snapshots) - 1
            s.flush()
        for offset, snapshot in enumerate(snapshots[1:], start=1):
            s.add(AuditEventRecord(
                seq=first + offset, project_id=event.project_id, at=event.at, actor=event.actor,
                action="import", entity="household", entity_key=snapshot["code"],
                before=None, after=canonical_json(snapshot), prev_hash="",
                hash=f"placeholder-{offset}"))
        s.flush()
        s.execute(update(AuditHeadRecord).values(
            seq=AuditHeadRecord.seq + len(snapshots) - 1))
        rehash_from(s, first)
    with factory() as s:
        assert not _batch_events(s)
        imports = s.scalars(select(AuditEventRecord.entity_key).where(
            AuditEventRecord.action == "import")).all()
        assert imports == [h.code for h in batch]
        assert verify_audit(s).ok
    with factory.begin() as s:
        s.execute(text("UPDATE household SET address = 'x' WHERE code = 'K00005'"))
    with factory() as s:
        found = verify_audit(s).mismatch
    assert found is not None and (found.key, found.field) == ("K00005", "address")
