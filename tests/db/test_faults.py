"""A full disk or a read-only database: a clear, coded error, and nothing lost or half-written.

The faults are real, made by the database itself: SQLite's
``max_page_count`` caps the file (what a full disk does to it), SQLite's
``query_only`` and PostgreSQL's ``SET TRANSACTION READ ONLY`` refuse writes
(what a read-only file or a standby server does).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session, sessionmaker

import db.audit.chain as audit
import db.registry.importing as importing
import db.registry.operations as registry
from allocation.demo.register import demo_households
from db.records.tables import HouseholdRecord, MemberRecord
from db.replay.check import verify_audit
from db.store.engine import make_engine, make_session_factory
from db.store.faults import StorageError, classify
from tests.factories import make_household


def _counts(factory: sessionmaker[Session]) -> tuple[int, int, str]:
    with factory() as s:
        return (s.scalar(select(func.count()).select_from(HouseholdRecord)) or 0,
                s.scalar(select(func.count()).select_from(MemberRecord)) or 0,
                audit.chain_head(s))


def _make_read_only(session: Session, engine: Engine) -> None:
    if engine.dialect.name == "sqlite":
        session.execute(text("PRAGMA query_only = ON"))
    else:
        session.execute(text("SET TRANSACTION READ ONLY"))


def test_read_only_database_is_a_clear_error_and_nothing_changes(factory, engine, project_id):
    before = _counts(factory)
    with pytest.raises(StorageError) as refused, factory.begin() as s:
        _make_read_only(s, engine)
        registry.add_household(s, project_id=project_id, household=make_household(code="R1"),
                               actor="op")
    assert refused.value.code == "database_read_only"
    if engine.dialect.name == "sqlite":
        with factory() as s:  # the pooled connection must not stay read-only
            s.execute(text("PRAGMA query_only = OFF"))
    assert _counts(factory) == before
    with factory.begin() as s:  # and the database works again once writable
        registry.add_household(s, project_id=project_id, household=make_household(code="R1"),
                               actor="op")
    assert _counts(factory)[0] == before[0] + 1


def test_full_disk_midway_through_an_import_loses_nothing(tmp_path: Path) -> None:
    """199 households do not fit in the pages left: the import fails whole, with its code."""
    engine = make_engine(f"sqlite:///{tmp_path / 'small.sqlite3'}")
    from db.store.migrate import upgrade

    upgrade(engine)
    factory = make_session_factory(engine)
    with factory.begin() as s:
        project = registry.create_project(s, name="满盘", actor="op")
    before = _counts(factory)
    with pytest.raises(StorageError) as refused, factory.begin() as s:
        pages = s.execute(text("PRAGMA page_count")).scalar_one()
        s.execute(text(f"PRAGMA max_page_count = {pages + 2}"))
        importing.import_households(s, project_id=project, households=demo_households(),
                                    actor="op")
    assert refused.value.code == "database_full"
    engine.dispose()  # drop the capped connection, as restarting the app would
    factory = make_session_factory(make_engine(f"sqlite:///{tmp_path / 'small.sqlite3'}"))
    assert _counts(factory) == before
    with factory() as s:
        assert verify_audit(s, project).ok


def test_every_fault_has_wording() -> None:
    from db.store.faults import _POSTGRES, _SQLITE
    from desktop.i18n.messages import MESSAGES

    assert {*_SQLITE.values(), *_POSTGRES.values(), "database_unreachable"} <= set(MESSAGES)


def test_other_errors_are_not_storage_faults() -> None:
    """Only the listed faults are translated; a constraint or a syntax error passes through."""
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (x UNIQUE)")
    connection.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(sqlite3.IntegrityError) as unique:
        connection.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(sqlite3.OperationalError) as syntax:
        connection.execute("SELEKT 1")
    assert classify(unique.value) is None and classify(syntax.value) is None
    connection.execute("PRAGMA query_only = ON")
    with pytest.raises(sqlite3.OperationalError) as read_only:
        connection.execute("INSERT INTO t VALUES (2)")
    assert classify(read_only.value) == "database_read_only"


def test_a_database_held_too_long_is_a_clear_error(engine, factory, project_id) -> None:
    """Another connection holds the lock past the wait: the error says so in a code the
    GUI and CLI word ("held by another program"), not a driver traceback, and nothing of
    the refused change is kept. The waits are shortened in the session (busy_timeout,
    lock_timeout) so the real timeout path runs without the 30 s an office gets."""
    before = _counts(factory)
    with engine.connect() as holder:
        if engine.dialect.name == "sqlite":
            holder.exec_driver_sql("BEGIN EXCLUSIVE")
        else:
            holder.exec_driver_sql("BEGIN")
            holder.exec_driver_sql("LOCK TABLE household IN ACCESS EXCLUSIVE MODE")
        with pytest.raises(StorageError) as refused, factory.begin() as s:
            if engine.dialect.name == "sqlite":
                s.execute(text("PRAGMA busy_timeout = 0"))
            else:
                s.execute(text("SET LOCAL lock_timeout = '50ms'"))
            registry.add_household(s, project_id=project_id,
                                   household=make_household(code="B1"), actor="op")
        holder.rollback()
    assert refused.value.code == "database_busy"
    if engine.dialect.name == "sqlite":
        with factory() as s:  # the pooled connection waits as usual again
            s.execute(text("PRAGMA busy_timeout = 30000"))
    assert _counts(factory) == before
