"""What a transaction changed, read off its audit events (db.audit.Changes)."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlalchemy import select

import db.admin.users as users
import db.publications.notices as publications
import db.registry.operations as registry
from db.audit import NO_CHANGES, Changes, changes_of, forget_changes, take_changes
from db.demo import create_demo_project
from db.records.tables import AuditEventRecord
from db.selection.rehearsal import rehearse
from tests.db.test_selection import ON, build_drawn_project
from tests.factories import make_household


def test_events_are_grouped_by_what_a_page_shows():
    """Worked example: three events of project 1 and one office-wide user event.

    household D001 and flat 1-1-101 are named; the policy event sets ``rules``;
    nothing touched the draw; the user event (project None) shows in every project.
    """
    changes = changes_of([(1, "household", "D001"), (1, "flat", "1-1-101"),
                          (1, "policy", "1"), (None, "user", "王芳")])
    assert changes.households == {"D001"} and changes.flats == {"1-1-101"}
    assert changes.rules and changes.users and not changes.draw and not changes.unknown
    assert changes.names("draw", "rules") and not changes.names("draw", "session")
    assert changes.concerns(1) and changes.concerns(2)  # the user is office-wide
    only_project = changes_of([(1, "household", "D001")])
    assert only_project.concerns(1) and not only_project.concerns(2)


def test_a_new_kind_of_record_counts_as_everything():
    """An entity the table does not know reloads every page rather than leaving one stale."""
    changes = changes_of([(3, "compensation_choice", "D009")])
    assert changes.unknown
    assert changes.names("households") and changes.names("draw") and changes.names("session")


def test_no_events_is_no_change_and_changes_merge():
    assert not changes_of([]) and changes_of([]) == NO_CHANGES
    merged = changes_of([(1, "household", "D001")]) | changes_of([(1, "draw", "1")])
    assert merged.households == {"D001"} and merged.draw and merged.concerns(1)
    assert merged == Changes(households=frozenset({"D001"}), draw=True)


def test_a_committed_write_says_what_it_wrote(factory, project_id):
    with factory() as session:
        with session.begin():
            registry.add_household(session, project_id=project_id, household=make_household("D001"),
                                   actor="tester")
        changes = take_changes(session)
    assert changes.households == {"D001"} and changes.concerns(project_id)
    assert not changes.flats and not changes.rules and not changes.unknown


def test_a_rolled_back_write_changed_nothing(factory, project_id):
    with factory() as session:
        with pytest.raises(RuntimeError), session.begin():
            registry.add_household(session, project_id=project_id, household=make_household("D002"),
                                   actor="tester")
            raise RuntimeError("the operation failed after writing")
        forget_changes(session)  # what the desktop's worker does on failure
        assert take_changes(session) == NO_CHANGES


def test_a_whole_project_writes_no_unknown_entity(factory):
    """Registry, casework, rules, pool, draw, a rehearsed session, publications and users:
    every audit entity they write is one a page follows (none falls to ``unknown``)."""
    with factory.begin() as session:
        create_demo_project(session, actor="op")
        drawn = build_drawn_project(session, households=8)
    rehearse(factory, drawn, seed=5, absent_rate=0.3, held_on=ON)
    with factory.begin() as session:
        publications.register_publication(
            session, project_id=drawn, kind="notice-households",
            pdf_sha256=hashlib.sha256(b"v").hexdigest(), start=date(2026, 11, 23),
            end=date(2026, 11, 29), actor="op", pages=1)
        publications.record_objection(session, project_id=drawn, kind="notice-households",
                                      objector="张三丰", item="户号 D001", text="人口少算一人",
                                      received_on=date(2026, 11, 24), actor="op")
        users.create_user(session, name="admin", role=users.ADMIN,
                          password="correct horse", actor="admin")
    with factory() as session:
        events = session.execute(select(AuditEventRecord.project_id, AuditEventRecord.entity,
                                        AuditEventRecord.entity_key)).all()
    seen = {entity for _, entity, _ in events}
    assert {"household", "flat", "policy", "pool", "draw", "selection_session",
            "team", "publication", "objection", "user"} <= seen
    changes = changes_of(events)
    assert not changes.unknown, sorted(seen)
    assert changes.households and changes.flats and changes.rules and changes.draw
    assert changes.session and changes.casework and changes.publications and changes.users
