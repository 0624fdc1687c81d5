"""Database fixtures: every db test runs on SQLite, and on PostgreSQL when a server is given.

Set ANJU_TEST_POSTGRES_URL (``.ci/run`` starts a private server and does) to
run the same tests against PostgreSQL; without it those variants are skipped.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from db.records.base import Base
from db.registry.operations import create_project
from db.store.engine import make_engine, make_session_factory
from db.store.migrate import upgrade

POSTGRES_URL = os.environ.get("ANJU_TEST_POSTGRES_URL")
# CI sets this so that a missing server fails the run instead of skipping quietly.
REQUIRE_POSTGRES = os.environ.get("ANJU_REQUIRE_POSTGRES") == "1"
BACKENDS = [
    "sqlite",
    # The PostgreSQL variant repeats the SQLite one on a real server: `make
    # testfast` leaves it to the full run.
    pytest.param("postgres", marks=[
        pytest.mark.postgres, pytest.mark.slow,
        pytest.mark.skipif(not POSTGRES_URL and not REQUIRE_POSTGRES,
                           reason="ANJU_TEST_POSTGRES_URL not set")]),
]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file, copied for each test (migrating per test is slow)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_engine() -> Iterator[Engine]:
    assert POSTGRES_URL, "ANJU_REQUIRE_POSTGRES=1 but ANJU_TEST_POSTGRES_URL is not set"
    engine = make_engine(POSTGRES_URL)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    upgrade(engine)
    yield engine
    engine.dispose()


def _empty_postgres(engine: Engine) -> None:
    tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        connection.execute(text("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, :h)"),
                           {"h": "0" * 64})


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A freshly migrated, empty database on each backend."""
    if request.param == "postgres":
        pg = request.getfixturevalue("postgres_engine")
        _empty_postgres(pg)
        yield pg
        return
    path = tmp_path / "anju.sqlite3"
    shutil.copy(request.getfixturevalue("sqlite_template"), path)
    sqlite = make_engine(f"sqlite:///{path}")
    yield sqlite
    sqlite.dispose()


@pytest.fixture
def factory(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)


@pytest.fixture
def project_id(factory: sessionmaker[Session]) -> int:
    with factory.begin() as session:
        return create_project(session, name="测试项目", actor="tester")
