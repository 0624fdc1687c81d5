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
and writes everything in one transaction: a damaged archive restores nothing,
nor does one whose audit chain breaks or whose data differs from its log.
Both directions stream rows in batches: memory stays flat whatever the size.
An archive of an older schema (taken before an upgrade of Anju) restores
through the same migrations the office's database went through.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    DateTime,
    Engine,
    MetaData,
    Numeric,
    Table,
    func,
    select,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from allocation.errors import AnjuError
from db.admin.places import sync_folder
from db.admin.restore_witness import check_witnessed, witness_restored
from db.admin.users import ADMIN, SUPERVISOR, require_role
from db.audit import verify_chain
from db.records import Base
from db.store import (
    current_revision,
    head_revision,
    is_known_revision,
    make_engine,
    upgrade,
)

FORMAT = "anju-backup/1"
SQLITE_SUFFIXES = (".sqlite3", ".sqlite", ".db")
#: Rows read or written at a time, so neither a backup nor a restore holds a table whole.
ROWS_PER_BATCH = 2000
#: A restore reads at most this much table data (a small archive can unpack to
#: gigabytes: a zip bomb stops here instead of filling the disk).
MAX_RESTORE_BYTES = int(os.environ.get("ANJU_RESTORE_MAX_BYTES", 8 * 1024**3))
#: No row of ours comes near this; a longer line is damage, not data.
MAX_LINE_BYTES = 64 * 1024**2


class BackupError(AnjuError):
    """A backup that cannot be written or restored (codes: see each raise)."""


def is_sqlite_file(path: Path) -> bool:
    return path.suffix.lower() in SQLITE_SUFFIXES


def backup(engine: Engine, path: Path, *, actor: str = "") -> dict[str, int]:
    """Write a backup of the whole database to ``path``, asked by ``actor``; rows per table.

    A backup carries every ID number, phone and password hash, so once the
    database has users only a supervisor or above may take one; the
    automatic backups before an act use :func:`write_backup`, the act's own
    permission having been checked.

    Raises:
        PermissionDenied: ``not_permitted``.
    """
    with Session(engine) as session:
        require_role(session, actor, SUPERVISOR)
    return write_backup(engine, path)


def write_backup(engine: Engine, path: Path) -> dict[str, int]:
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
    sync_folder(path.parent)
    return counts


def _sync(path: Path) -> None:
    with open(path, "rb+") as file:
        os.fsync(file.fileno())


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
        # A database left at an older revision lacks the newer tables: count what it has.
        held = {name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        return {t.name: connection.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0]
                for t in Base.metadata.sorted_tables if t.name in held}
    finally:
        connection.close()


def _portable_backup(engine: Engine, path: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    files: dict[str, str] = {}
    with engine.connect() as connection, zipfile.ZipFile(
            path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        _consistent_read(connection)
        revision = current_revision(engine)
        for table in _tables(connection, revision):
            name = _member_name(table.name)
            files[name], counts[table.name] = _write_table(connection, table, archive, name)
        manifest = {"format": FORMAT, "revision": revision,
                    "created_at": datetime.now(UTC).isoformat(), "counts": counts,
                    "files": files}
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    return counts


def _tables(connection: Connection, revision: str | None) -> list[Table]:
    """The tables a database at ``revision`` has, parents first.

    At the head they are the models' tables. A database left at an older
    revision (a SQLite backup file made before an upgrade, or the scratch
    copy an older archive is migrated through) is read as it stands: its
    tables reflected, each column typed as the models type it where the
    model still has it, so values are written and read back the same way.
    """
    if revision == head_revision():
        return list(Base.metadata.sorted_tables)
    reflected = MetaData()
    reflected.reflect(bind=connection)
    for table in reflected.sorted_tables:
        model = Base.metadata.tables.get(table.name)
        for column in table.columns:
            if model is not None and column.name in model.c:
                column.type = model.c[column.name].type
    return [t for t in reflected.sorted_tables if t.name != "alembic_version"]


def _consistent_read(connection: Connection) -> None:
    # One snapshot for every table: a backup taken during a session is still coherent.
    if connection.dialect.name == "postgresql":
        connection.execute(sql_text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
    else:
        connection.execute(sql_text("BEGIN"))


def _write_table(connection: Connection, table: Table, archive: zipfile.ZipFile,
                 name: str) -> tuple[str, int]:
    """Stream one table into the archive member ``name``; its SHA-256 and row count.

    Rows go out as they are read, in batches, so a city's audit log is never
    held in memory whole.
    """
    digest = hashlib.sha256()
    count = 0
    query = select(table).order_by(*table.primary_key.columns)
    rows = connection.execution_options(yield_per=ROWS_PER_BATCH).execute(query)
    with archive.open(name, "w", force_zip64=True) as member:
        for row in rows:
            record = {key: _encode(value) for key, value in row._mapping.items()}
            line = (json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n").encode()
            digest.update(line)
            member.write(line)
            count += 1
    return digest.hexdigest(), count


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


def restore(engine: Engine, path: Path, *, replace: bool = False, actor: str = "",
            check: Callable[[Session], str | None] | None = None,
            witness: Path | None = None, reason: str = "") -> dict[str, int]:
    """Restore ``path`` into the database of ``engine``; returns rows per table.

    Once the database has users, only an admin (``actor``) may restore into it.
    Everything happens in one transaction, committed only when the whole
    archive has been read: each member is streamed in batches and must match
    its SHA-256 and stay within :data:`MAX_RESTORE_BYTES`, the restored audit
    chain must be whole, and ``check`` (given the restored data before the
    commit; the desktop passes the replay check of db.replay, which sits
    above this package) must find nothing. A manifest can be recomputed by
    anyone, so the hashes alone prove only that the archive is undamaged;
    the chain and the replay prove its data is what its history says.

    The restored chain must also hold every head of the witness file
    (``witness``, default :func:`db.admin.witness.witness_file`): a backup
    made before a witnessed act, or one whose history was rewritten, is
    refused unless ``reason`` says why, and then the reason and the heads it
    lacks are audited in the restored chain. The restored head is witnessed.

    Raises:
        PermissionDenied: ``not_permitted``.
        BackupError: ``not_a_backup``, ``backup_damaged`` (a file's hash
            differs or a line is cut), ``backup_too_large`` (members larger
            than the bound), ``backup_newer`` (made by another schema),
            ``database_not_empty`` (without ``replace``), ``backup_chain_broken``
            (the restored audit chain breaks) or ``backup_replay_mismatch``
            (the restored data differs from its log), ``backup_lacks_witnessed_heads``
            (``lost``, ``anchor``, ``verdict``, ``witness``: without ``reason``).
    """
    if is_sqlite_file(path):
        return _restore_sqlite_file(engine, path, replace=replace, actor=actor, check=check,
                                    witness=witness, reason=reason)
    upgrade(engine)
    with Session(engine) as session:
        require_role(session, actor, ADMIN)
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = _manifest(archive, path)
            if manifest["revision"] != head_revision():
                with tempfile.TemporaryDirectory() as folder:
                    migrated = _migrated(archive, manifest, Path(folder))
                    return restore(engine, migrated, replace=replace, actor=actor,
                                   check=check, witness=witness, reason=reason)
            _known_members(manifest, Base.metadata.sorted_tables)
            with engine.begin() as connection:
                _make_room(connection, replace)
                counts = {table.name: _restore_table(connection, table, archive, manifest)
                          for table in Base.metadata.sorted_tables}
                _reset_sequences(connection)
                _check_restored(connection, check)
                anchor, log = check_witnessed(connection, witness, reason=reason, actor=actor)
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError, OSError) as error:
        raise BackupError("not_a_backup", path=str(path), detail=str(error)) from error
    witness_restored(anchor, log, witness)
    return {name: count for name, count in counts.items() if _member_name(name)
            in manifest["files"]}


def _restore_sqlite_file(engine: Engine, path: Path, *, replace: bool, actor: str,
                         check: Callable[[Session], str | None] | None,
                         witness: Path | None, reason: str) -> dict[str, int]:
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
        return restore(engine, archive, replace=replace, actor=actor, check=check,
                       witness=witness, reason=reason)


def _manifest(archive: zipfile.ZipFile, path: Path) -> dict[str, Any]:
    """The archive's manifest, its members known tables and within the size bound."""
    manifest = json.loads(archive.read("manifest.json"))
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("not_a_backup", path=str(path))
    # The sizes in the zip directory can lie; they bound the work up front,
    # and _members_lines enforces the same bound on what is actually read.
    declared = sum(archive.getinfo(name).file_size for name in manifest["files"])
    if declared > MAX_RESTORE_BYTES:
        raise BackupError("backup_too_large", size=declared, limit=MAX_RESTORE_BYTES)
    return manifest


def _known_members(manifest: dict[str, Any], tables: list[Table]) -> None:
    unknown = sorted(set(manifest["files"]) - {_member_name(t.name) for t in tables})
    if unknown:
        raise BackupError("backup_damaged", file=unknown[0])


def _migrated(archive: zipfile.ZipFile, manifest: dict[str, Any], folder: Path) -> Path:
    """An archive of an older schema, brought to the head through the migrations.

    Automatic backups are taken before every irreversible act, so an office
    that upgrades Anju holds archives of the schema before: they must restore.
    The rows are loaded into a scratch SQLite database at the archive's own
    revision, the same migrations an office's database goes through bring it
    to the head (data moves included), and the archive written from it is
    restored with every check of a current one — chain, replay, sizes. An
    archive whose revision these migrations do not know is from a newer Anju.
    """
    revision = manifest["revision"]
    if not is_known_revision(revision):
        raise BackupError("backup_newer", revision=revision)
    scratch = make_engine(f"sqlite:///{folder / 'older.sqlite3'}")
    try:
        upgrade(scratch, revision)
        with scratch.begin() as connection:
            tables = _tables(connection, revision)
            _known_members(manifest, tables)
            for table in reversed(tables):  # rows the migrations seed (the chain's head)
                connection.execute(table.delete())
            for table in tables:
                _restore_table(connection, table, archive, manifest)
        upgrade(scratch)
        migrated = folder / "migrated.anju.zip"
        _portable_backup(scratch, migrated)
    finally:
        scratch.dispose()
    return migrated


def _restore_table(connection: Connection, table: Table, archive: zipfile.ZipFile,
                   manifest: dict[str, Any]) -> int:
    name = _member_name(table.name)
    if name not in manifest["files"]:
        return 0
    count = 0
    batch: list[dict[str, Any]] = []
    for record in _member_records(archive, name, manifest["files"][name]):
        batch.append(_decode_row(table, record))
        if len(batch) == ROWS_PER_BATCH:
            connection.execute(table.insert(), batch)
            count, batch = count + len(batch), []
    if batch:
        connection.execute(table.insert(), batch)
    return count + len(batch)


def _member_records(archive: zipfile.ZipFile, name: str,
                    digest: str) -> Iterator[dict[str, Any]]:
    """The rows of one member, one line at a time; its hash checked at its end.

    The rows already inserted are rolled back with the transaction if the
    hash differs at the end, so nothing of a damaged member stays.
    """
    hashed = hashlib.sha256()
    read = 0
    with archive.open(name) as member:
        while line := member.readline(MAX_LINE_BYTES + 1):
            read += len(line)
            if len(line) > MAX_LINE_BYTES or not line.endswith(b"\n"):
                raise BackupError("backup_damaged", file=name)
            if read > MAX_RESTORE_BYTES:
                raise BackupError("backup_too_large", size=read, limit=MAX_RESTORE_BYTES)
            hashed.update(line)
            yield json.loads(line)
    if hashed.hexdigest() != digest:
        raise BackupError("backup_damaged", file=name)


def _check_restored(connection: Connection,
                    check: Callable[[Session], str | None] | None) -> None:
    """Refuse restored data whose audit chain breaks or whose rows differ from their log."""
    with Session(bind=connection) as session:
        broken = verify_chain(session)
        if broken is not None:
            raise BackupError("backup_chain_broken", seq=broken.seq, reason=broken.reason)
        mismatch = check(session) if check is not None else None
    if mismatch:
        raise BackupError("backup_replay_mismatch", detail=mismatch)


def _member_name(table: str) -> str:
    return f"tables/{table}.jsonl"


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
