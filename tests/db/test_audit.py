"""The audit chain: every change is logged, and any edit or deletion of the log is found."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import delete, text, update

import db.audit.chain as audit
import db.registry.operations as registry
from allocation.errors import ConflictError
from db.records.tables import AuditEventRecord
from tests.factories import make_flat, make_household


def _populate(factory, project_id):
    with factory.begin() as s:
        hid = registry.add_household(s, project_id=project_id, household=make_household(),
                                     actor="op")
        registry.add_flat(s, project_id=project_id, flat=make_flat(), actor="op")
    with factory.begin() as s:
        registry.delete_household(s, household_id=hid, actor="sup")


def test_chain_is_whole_after_changes(factory, project_id):
    """A project, a household, a flat and a deletion make a whole chain of four-plus events."""
    _populate(factory, project_id)
    with factory() as s:
        events = audit.events_for(s)
        assert [e.action for e in events] == ["create", "create", "create", "delete"]
        assert audit.verify_chain(s) is None
        assert audit.chain_head(s) == events[-1].hash
        assert events[1].prev_hash == events[0].hash
        assert json.loads(events[1].after)["code"] == "H001"


def test_edited_event_is_found(factory, project_id):
    """An UPDATE typed into the database breaks that event's hash."""
    _populate(factory, project_id)
    with factory.begin() as s:
        s.execute(update(AuditEventRecord).where(AuditEventRecord.seq == 2)
                  .values(actor="somebody else"))
    with factory() as s:
        found = audit.verify_chain(s)
    assert (found.seq, found.reason) == (2, "hash_mismatch")


def test_deleted_event_is_found(factory, project_id):
    """Deleting a row from the middle of the log is found at the gap."""
    _populate(factory, project_id)
    with factory.begin() as s:
        s.execute(delete(AuditEventRecord).where(AuditEventRecord.seq == 3))
    with factory() as s:
        found = audit.verify_chain(s)
    assert (found.seq, found.reason) == (3, "missing_event")


def test_deleted_last_event_is_found(factory, project_id):
    """Even the newest event cannot vanish: the head row remembers it."""
    _populate(factory, project_id)
    with factory.begin() as s:
        s.execute(delete(AuditEventRecord).where(AuditEventRecord.seq == 4))
    with factory() as s:
        assert audit.verify_chain(s).reason == "head_mismatch"


def test_rehashed_event_breaks_next_link(factory, project_id):
    """Editing an event and fixing its own hash still breaks the link of the next one."""
    _populate(factory, project_id)
    with factory.begin() as s:
        event = s.get(AuditEventRecord, 2)
        event.actor = "forger"
        event.hash = audit.chain_hash(event.prev_hash, audit.event_payload(event))
    with factory() as s:
        found = audit.verify_chain(s)
    assert (found.seq, found.reason) == (3, "link_mismatch")


def test_failed_change_leaves_no_event(factory, project_id):
    """A refused change writes no audit event: change and event share one transaction."""
    with factory.begin() as s:
        registry.add_household(s, project_id=project_id, household=make_household(), actor="op")
    with factory() as s:
        before = len(audit.events_for(s))
    with pytest.raises(ConflictError), factory.begin() as s:
        registry.add_household(s, project_id=project_id, household=make_household(), actor="op")
    with factory() as s:
        assert len(audit.events_for(s)) == before
        assert s.execute(text("select count(*) from household")).scalar() == 1
