"""Engines and sessions: SQLite by default in the user's data folder, or any SQLAlchemy URL.

The URL is chosen in this order: an explicit ``--db URL``, the
``ANJU_DATABASE_URL`` environment variable, then ``anju.sqlite3`` in the
user's data folder. Opening a database applies its migrations.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from db.store import faults

ENV_URL = "ANJU_DATABASE_URL"
ENV_DATA_DIR = "ANJU_DATA_DIR"


def data_dir() -> Path:
    """The per-user folder for the default database and backups (XDG or %APPDATA%)."""
    if os.environ.get(ENV_DATA_DIR):
        return Path(os.environ[ENV_DATA_DIR])
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "Anju"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Anju"
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "anju"


def database_url(explicit: str | None = None) -> str:
    """The URL to open: explicit, else $ANJU_DATABASE_URL, else the default SQLite file."""
    if explicit:
        return explicit
    if os.environ.get(ENV_URL):
        return os.environ[ENV_URL]
    return f"sqlite:///{data_dir() / 'anju.sqlite3'}"


def make_engine(url: str) -> Engine:
    """An engine with our SQLite settings; the SQLite file is created private (0600)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        engine = create_engine(url, pool_pre_ping=True)
        faults.install(engine)
        return engine
    if parsed.database and parsed.database != ":memory:" and not _is_uri(parsed.database):
        _create_private_file(Path(parsed.database))
    engine = create_engine(url, connect_args={"timeout": 30})
    event.listen(engine, "connect", _sqlite_on_connect)
    faults.install(engine)
    return engine


def _is_uri(database: str) -> bool:
    # sqlite:///file:anju.sqlite3?mode=ro&uri=true opens an existing file read-only.
    return database.startswith("file:")


def _create_private_file(path: Path) -> None:
    # Personal data: nobody but the office account may read the file.
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.touch(mode=0o600)


def _sqlite_on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # WAL with NORMAL sync survives an application crash; FULL also survives a power cut
    # on the last transaction, which matters on session day.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values after commit, so results can leave the transaction."""
    return sessionmaker(engine, expire_on_commit=False)


def open_database(url: str | None = None) -> tuple[Engine, sessionmaker[Session]]:
    """Open (and migrate) the database the user asked for."""
    from db.store.migrate import upgrade

    engine = make_engine(database_url(url))
    upgrade(engine)
    return engine, make_session_factory(engine)
