"""A command opens (and migrates) its database once, signing in included, and closes it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.pool import Pool

from desktop.cli.main import main

PASSWORD = "admin-pass-2026"


class PoolCounter:
    """Counts, through SQLAlchemy's pool events, the pools opened and the connections left."""

    def __init__(self) -> None:
        self.pools = 0  # one per engine that connected: a database opened
        self.open_connections = 0

    def first_connect(self, _dbapi_connection: object, _record: object) -> None:
        self.pools += 1

    def connect(self, _dbapi_connection: object, _record: object) -> None:
        self.open_connections += 1

    def close(self, _dbapi_connection: object, _record: object) -> None:
        self.open_connections -= 1


@pytest.fixture
def pools() -> Iterator[PoolCounter]:
    counter = PoolCounter()
    for name in ("first_connect", "connect", "close"):
        event.listen(Pool, name, getattr(counter, name))
    yield counter
    for name in ("first_connect", "connect", "close"):
        event.remove(Pool, name, getattr(counter, name))


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A database with an admin and a project, so that every command signs in first."""
    url = f"sqlite:///{tmp_path / 'once.sqlite3'}"
    monkeypatch.setenv("ANJU_NEW_PASSWORD", PASSWORD)
    monkeypatch.setenv("ANJU_PASSWORD", PASSWORD)
    assert main(["--db", url, "user", "add", "admin", "--role", "admin"]) == 0
    assert main(["--db", url, "--user", "admin", "project", "create", "东湖"]) == 0
    return url


@pytest.mark.parametrize("command", [
    ["project", "list"],
    ["summary", "--project", "东湖"],
    ["audit", "verify"],
    ["backup", "{tmp}/copy.anju.zip"],
    ["user", "list"],
])
def test_a_command_opens_its_database_once_and_closes_it(
        db_url: str, pools: PoolCounter, tmp_path: Path, command: list[str]) -> None:
    """Signing in and the command share one engine: one pool connects, and none stays open."""
    argv = [part.replace("{tmp}", str(tmp_path)) for part in command]
    assert main(["--db", db_url, "--user", "admin", "--lang", "en", *argv]) == 0
    assert pools.pools == 1
    assert pools.open_connections == 0


def test_a_command_without_a_database_opens_none(db_url: str, pools: PoolCounter) -> None:
    assert main(["--db", db_url, "order", "--source", "1 2 3", "--pool", "5"]) == 0
    assert pools.pools == 0


def test_a_refused_command_closes_its_database_too(
        db_url: str, pools: PoolCounter, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_url, "--user", "admin", "--lang", "en", "summary",
                 "--project", "nope"]) == 1
    assert "project not found" in capsys.readouterr().err
    assert (pools.pools, pools.open_connections) == (1, 0)
