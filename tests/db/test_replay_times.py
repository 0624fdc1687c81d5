"""The moments of acts, and values no app writes, as verify replays them (issue 18).

Each act reads the clock once and writes that time into its row and its audit
event; verify compares the row's time with the event's snapshot. Events logged
before the snapshots stated these fields (older databases) still verify. A hand
edit that leaves no readable value (bad JSON, a word outside an enum) is named
by table and column, not a crash.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text

import db.selection.desk as selection
from db import admin as users
from db.records.tables import AuditEventRecord
from db.replay import verify_audit
from tests.db.forging import rehash_from
from tests.db.test_selection import ON, build_drawn_project

# (table, its time column, the event that stamps it: entity, action)
STAMPED = [
    ("project", "created_at", "project", "create"),
    ("policy", "created_at", "policy", "create"),
    ("policy", "frozen_at", "policy", "freeze"),
    ("draw_pool", "published_at", "pool", "publish"),
    ("draw", "announced_at", "draw", "announce"),
    ("selection_session", "opened_at", "selection_session", "open"),
    ("app_user", "created_at", "user", "create"),
]


@pytest.fixture
def opened(factory):
    with factory.begin() as s:
        users.create_user(s, name="op", role="admin", password="op-password-1", actor="op")
        users.create_user(s, name="sup", role="supervisor", password="sup-password-1",
                          actor="op")
        project_id = build_drawn_project(s)
        selection.open_session(s, project_id=project_id, operator="op", held_on=ON)
    return project_id


def _moment(value) -> datetime:
    """A time read by plain SQL as aware UTC (SQLite gives text, naive UTC)."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _shift(s, table: str, column: str, by: timedelta) -> None:
    """Move the time in the first row of ``table`` by ``by``."""
    row, value = s.execute(text(f"SELECT id, {column} FROM {table} ORDER BY id LIMIT 1")).one()
    s.execute(text(f"UPDATE {table} SET {column} = :v WHERE id = :id"),
              {"v": _moment(value) + by, "id": row})


def test_each_acts_row_keeps_its_events_time_to_the_microsecond(factory, opened):
    """Seven acts, seven times: each row's time is exactly its event's ``at`` (one clock
    read per act), not a moment a few microseconds later."""
    with factory() as s:
        for table, column, entity, action in STAMPED:
            stored = s.execute(text(f"SELECT {column} FROM {table} ORDER BY id "
                                    "LIMIT 1")).scalar_one()
            at = s.scalar(select(AuditEventRecord.at).where(
                AuditEventRecord.entity == entity, AuditEventRecord.action == action)
                .order_by(AuditEventRecord.seq).limit(1))
            assert _moment(stored) == _moment(at), (table, column)
        assert verify_audit(s).ok


@pytest.mark.parametrize(("table", "column"), [(t, c) for t, c, _e, _a in STAMPED])
def test_a_time_moved_by_one_microsecond_is_named(factory, opened, table, column):
    with factory.begin() as s:
        _shift(s, table, column, timedelta(microseconds=1))
    with factory() as s:
        found = verify_audit(s).mismatch
    assert found is not None and (found.table, found.column) == (table, column)


def _forget_fields(session, entity: str, fields: set[str]) -> None:
    """Rewrite every event of ``entity`` as an older Anju logged it (without ``fields``) and
    re-hash the chain from the first one: a database written before these fields were."""
    first = None
    for event in session.scalars(select(AuditEventRecord).where(AuditEventRecord.entity == entity)
                                 .order_by(AuditEventRecord.seq)):
        for side in ("before", "after"):
            if getattr(event, side):
                data = json.loads(getattr(event, side))
                setattr(event, side, json.dumps({k: v for k, v in data.items()
                                                 if k not in fields},
                                                ensure_ascii=False, sort_keys=True,
                                                separators=(",", ":")))
        first = event.seq if first is None else first
    assert first is not None
    rehash_from(session, first)


def test_events_logged_before_the_times_and_groups_were_still_verify(factory, opened):
    """An older database: its events state no time of the act and no turn's group, and its
    rows' times came from their own clock reads (here: a second later than logged)."""
    with factory.begin() as s:
        for _table, column, entity, _action in STAMPED:
            _forget_fields(s, entity, {column})
        _forget_fields(s, "selection_turn", {"group_name"})
        for table, column, _entity, _action in STAMPED:
            _shift(s, table, column, timedelta(seconds=1))
        s.execute(text("UPDATE selection_turn SET group_name = '甲组'"))
    with factory() as s:
        report = verify_audit(s)
        assert report.ok, report
        # ...and signing in still works: the user's logged state has no created_at
        users.require_role(s, "op", "admin")


@pytest.mark.parametrize(("table", "column", "value"), [
    ("draw", "sources", '["931", '),
    ("draw", "witnesses", "not json"),
    ("draw", "record", '{"pool": '),
    ("household", "compensation_mode", "cash!"),
    ("household", "old_home_use", "shop?"),
    ("household", "status", "gone"),
])
def test_a_value_no_app_writes_is_named_not_a_crash(factory, opened, table, column, value):
    with factory.begin() as s:
        row = s.execute(text(f"SELECT id FROM {table} ORDER BY id LIMIT 1")).scalar_one()
        s.execute(text(f"UPDATE {table} SET {column} = :v WHERE id = :id"), {"v": value, "id": row})
    with factory() as s:
        found = verify_audit(s).mismatch
    assert found is not None
    assert (found.table, found.column, found.reason) == (table, column, "changed_outside_app")


def test_voiding_fields_on_a_session_that_is_not_void_are_named(factory, opened):
    """Only a voided session states who voided it; one that is open and says "voided by"
    was edited (the fields are stated as soon as any is set)."""
    with factory.begin() as s:
        s.execute(text("UPDATE selection_session SET void_reason = '误操作'"))
    with factory() as s:
        found = verify_audit(s).mismatch
    assert found is not None and (found.table, found.column) == ("selection_session",
                                                                 "void_reason")


def _two_members(s) -> tuple[int, int]:
    household = s.execute(text(
        "SELECT household_id FROM member GROUP BY household_id HAVING COUNT(*) >= 2 "
        "ORDER BY household_id LIMIT 1")).scalar_one()
    first, second = s.execute(text("SELECT id FROM member WHERE household_id = :h "
                                   "ORDER BY position LIMIT 2"), {"h": household}).scalars()
    return first, second


def test_members_put_in_another_order_are_named_by_their_position(factory, opened):
    """The first two members of a household swap positions 0 and 1 (through -1: the pair is
    unique): the same members, the second now first. Named member.position."""
    with factory.begin() as s:
        first, second = _two_members(s)
        for member, position in ((first, -1), (second, 0), (first, 1)):
            s.execute(text("UPDATE member SET position = :p WHERE id = :id"),
                      {"p": position, "id": member})
    with factory() as s:
        found = verify_audit(s).mismatch
    assert found is not None and (found.table, found.column) == ("member", "position")


def test_a_position_renumbered_without_changing_the_order_is_named(factory, opened):
    """Positions 0, 1 become -1, 1: the order is as logged, but positions are written 0, 1,
    2... by every writer, so -1 was typed in. Named member.position."""
    with factory.begin() as s:
        first, _second = _two_members(s)
        s.execute(text("UPDATE member SET position = -1 WHERE id = :id"), {"id": first})
    with factory() as s:
        found = verify_audit(s).mismatch
    assert found is not None and (found.table, found.column) == ("member", "position")


def test_a_key_column_edited_is_named_though_the_row_seems_gone_and_new(factory, opened):
    """D001 renamed D001X in SQL: the log's D001 is missing and D001X was never logged. The
    two differ only in their code: one row whose code was edited, named household.code."""
    with factory.begin() as s:
        s.execute(text("UPDATE household SET code = 'D001X' WHERE code = 'D001'"))
    with factory() as s:
        found = verify_audit(s).mismatch
    assert found is not None and found.reason in ("missing_row", "unlogged_row")
    assert (found.table, found.column) == ("household", "code")
