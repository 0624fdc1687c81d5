"""Backup and restore: SQLite's online backup, and a portable archive that moves between backends.

Two formats, chosen by the file name:

* ``*.sqlite3`` / ``*.db`` from a SQLite database: SQLite's online backup API,
  a page-by-page copy that is consistent while the application keeps running.
* anything else (``*.anju.zip`` by convention): a portable archive — one JSON
  Lines file per table plus a manifest with the schema version, row counts and
  each file's SHA-256 — read in one transaction, so it is consistent too. It
  restores into SQLite or PostgreSQL alike (a PostgreSQL project into SQLite
  on a laptop, and back).

Restore refuses a database that already holds data unless told to replace it,
and writes everything in one transaction: a damaged archive restores nothing.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import tempfile
import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Connection, Date, DateTime, Engine, Numeric, Table, func, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from allocation.errors import AnjuError
from db.admin.users import ADMIN, require_role
from db.records import Base
from db.store import current_revision, head_revision, make_engine, upgrade

FORMAT = "anju-backup/1"
SQLITE_SUFFIXES = (".sqlite3", ".sqlite", ".db")


class BackupError(AnjuError):
    """A backup that cannot be written or restored (codes: see each raise)."""


def is_sqlite_file(path: Path) -> bool:
    return path.suffix.lower() in SQLITE_SUFFIXES


def backup(engine: Engine, path: Path) -> dict[str, int]:
    """Write a backup of the whole database to ``path``; returns rows per table.

    The file is private (0600: it holds every ID number, phone and password
    hash) and appears whole or not at all: it is written to a temporary file
    beside ``path``, synced, then renamed over it, so an interrupted backup
    leaves an older archive of that name as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if is_sqlite_file(path) and engine.dialect.name != "sqlite":
        raise BackupError("backup_sqlite_file_needs_sqlite", backend=engine.dialect.name)
    # mkstemp creates the file 0600 whatever the umask, before any data is in it.
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    partial = Path(name)
    try:
        os.close(handle)
        if is_sqlite_file(path):
            counts = _sqlite_online_backup(engine, partial)
        else:
            counts = _portable_backup(engine, partial)
        _sync(partial)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)
    return counts


def _sync(path: Path) -> None:
    with open(path, "rb+") as file:
        os.fsync(file.fileno())


def _sync_folder(folder: Path) -> None:
    # The rename itself must reach the disk, or a power cut may bring back the old name.
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _sqlite_online_backup(engine: Engine, path: Path) -> dict[str, int]:
    target = sqlite3.connect(path)
    try:
        with engine.connect() as connection:
            source = connection.connection.driver_connection
            source.backup(target)  # type: ignore[union-attr]
    finally:
        target.close()
    return _counts_of_file(path)


def _counts_of_file(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        return {t.name: connection.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0]
                for t in Base.metadata.sorted_tables}
    finally:
        connection.close()


def _portable_backup(engine: Engine, path: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    files: dict[str, str] = {}
    with engine.connect() as connection, zipfile.ZipFile(
            path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        _consistent_read(connection)
        for table in Base.metadata.sorted_tables:
            data, counts[table.name] = _table_lines(connection, table)
            name = f"tables/{table.name}.jsonl"
            archive.writestr(name, data)
            files[name] = hashlib.sha256(data).hexdigest()
        manifest = {"format": FORMAT, "revision": current_revision(engine),
                    "created_at": datetime.now(UTC).isoformat(), "counts": counts,
                    "files": files}
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    return counts


def _consistent_read(connection: Connection) -> None:
    # One snapshot for every table: a backup taken during a session is still coherent.
    if connection.dialect.name == "postgresql":
        connection.execute(sql_text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
    else:
        connection.execute(sql_text("BEGIN"))


def _table_lines(connection: Connection, table: Table) -> tuple[bytes, int]:
    buffer = io.StringIO()
    count = 0
    query = select(table).order_by(*table.primary_key.columns)
    for row in connection.execute(query):
        record = {key: _encode(value) for key, value in row._mapping.items()}
        buffer.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return buffer.getvalue().encode("utf-8"), count


def _encode(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


# --- restore -----------------------------------------------------------------------


def restore(engine: Engine, path: Path, *, replace: bool = False,
            actor: str = "") -> dict[str, int]:
    """Restore ``path`` into the database of ``engine``; returns rows per table.

    Once the database has users, only an admin (``actor``) may restore into it.

    Raises:
        PermissionDenied: ``not_permitted``.
        BackupError: ``not_a_backup``, ``backup_damaged`` (a file's hash
            differs), ``backup_newer`` (made by a newer Anju), or
            ``database_not_empty`` (without ``replace``).
    """
    if is_sqlite_file(path):
        return _restore_sqlite_file(engine, path, replace=replace, actor=actor)
    manifest, tables = _read_archive(path)
    upgrade(engine)
    with Session(engine) as session:
        require_role(session, actor, ADMIN)
    if manifest["revision"] != head_revision():
        raise BackupError("backup_newer", revision=manifest["revision"])
    with engine.begin() as connection:
        _make_room(connection, replace)
        for table in Base.metadata.sorted_tables:
            rows = [_decode_row(table, record) for record in tables.get(table.name, [])]
            if rows:
                connection.execute(table.insert(), rows)
        _reset_sequences(connection)
    return {name: len(rows) for name, rows in tables.items()}


def _restore_sqlite_file(engine: Engine, path: Path, *, replace: bool,
                         actor: str) -> dict[str, int]:
    """A SQLite backup file restores through the portable path: same checks, any backend."""
    if not path.is_file():
        raise BackupError("not_a_backup", path=str(path))
    source = make_engine(f"sqlite:///{path}")
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "restore.anju.zip"
        try:
            _portable_backup(source, archive)
        except Exception as error:  # noqa: BLE001 - any unreadable file is "not a backup"
            raise BackupError("not_a_backup", path=str(path), detail=str(error)) from error
        finally:
            source.dispose()
        return restore(engine, archive, replace=replace, actor=actor)


def _read_archive(path: Path) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            if manifest.get("format") != FORMAT:
                raise BackupError("not_a_backup", path=str(path))
            return manifest, {_table_name(n): _lines(archive.read(n), n, digest)
                              for n, digest in manifest["files"].items()}
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError, OSError) as error:
        raise BackupError("not_a_backup", path=str(path), detail=str(error)) from error


def _table_name(member: str) -> str:
    return member.removeprefix("tables/").removesuffix(".jsonl")


def _lines(data: bytes, name: str, digest: str) -> list[dict[str, Any]]:
    if hashlib.sha256(data).hexdigest() != digest:
        raise BackupError("backup_damaged", file=name)
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line]


def _make_room(connection: Connection, replace: bool) -> None:
    tables = list(reversed(Base.metadata.sorted_tables))
    holding = [t.name for t in tables if t.name != "audit_head"
               and connection.execute(select(func.count()).select_from(t)).scalar()]
    if holding and not replace:
        raise BackupError("database_not_empty", tables=", ".join(sorted(holding)))
    for table in tables:
        connection.execute(table.delete())


def _decode_row(table: Table, record: dict[str, Any]) -> dict[str, Any]:
    return {name: _decode(table.c[name].type, value) for name, value in record.items()}


def _decode(column_type: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column_type, Numeric):
        return Decimal(value)
    if isinstance(column_type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    if isinstance(column_type, Boolean):
        return bool(value)
    return value


def _reset_sequences(connection: Connection) -> None:
    # Rows came with their ids; PostgreSQL's id sequences must continue after them.
    if connection.dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        connection.execute(sql_text(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
            f"COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"))
