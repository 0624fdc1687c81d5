"""Backup → wipe → restore gives identical data, row by row, on each backend and across them."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command as alembic_command
from sqlalchemy import Engine, select

import db.audit.chain as audit
import db.registry.importing as importing
import db.registry.operations as registry
from allocation.demo.register import demo_flats, demo_households
from db.admin.backups import BackupError, backup, restore
from db.records.base import Base
from db.store.engine import make_engine, make_session_factory
from db.store.migrate import alembic_config, current_revision, head_revision, upgrade


def _fill(factory) -> None:
    with factory.begin() as s:
        pid = registry.create_project(s, name="东湖", actor="op")
        importing.import_households(s, project_id=pid, households=demo_households()[:30],
                                    actor="op")
        importing.import_flats(s, project_id=pid, flats=demo_flats()[:40], actor="op")


def _rows(engine: Engine) -> dict[str, list[tuple]]:
    """Every row of every table; times as UTC (SQLite hands them back without a zone)."""
    with engine.connect() as connection:
        return {t.name: [tuple(_utc(v) for v in r) for r in connection.execute(
                    select(t).order_by(*t.primary_key.columns))]
                for t in Base.metadata.sorted_tables}


def _utc(value: object) -> object:
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value


def _fresh_sqlite(tmp_path: Path, name: str) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / name}")
    upgrade(engine)
    return engine


@pytest.mark.parametrize("suffix", [".anju.zip", ".sqlite3"])
def test_backup_wipe_restore_is_identical(engine, factory, tmp_path, suffix):
    """Every row of every table comes back equal; the audit chain still verifies."""
    if suffix == ".sqlite3" and engine.dialect.name != "sqlite":
        pytest.skip("the SQLite file format needs a SQLite database")
    _fill(factory)
    before = _rows(engine)
    path = tmp_path / f"backup{suffix}"
    counts = backup(engine, path)
    assert counts["household"] == 30 and counts["flat"] == 40
    with pytest.raises(BackupError) as refused:
        restore(engine, path)
    assert refused.value.code == "database_not_empty"
    restore(engine, path, replace=True)
    assert _rows(engine) == before
    with factory() as s:
        assert audit.verify_chain(s) is None


def test_restore_into_another_backend(engine, factory, tmp_path):
    """A project backed up on this backend restores into a new SQLite file, and works on."""
    _fill(factory)
    path = tmp_path / "move.anju.zip"
    backup(engine, path)
    target = _fresh_sqlite(tmp_path, "laptop.sqlite3")
    restore(target, path)
    assert _rows(target) == _rows(engine)
    from db.store.engine import make_session_factory

    with make_session_factory(target).begin() as s:
        pid = registry.find_project(s, "东湖")
        registry.add_flat(s, project_id=pid, flat=demo_flats()[45], actor="op")
        assert audit.verify_chain(s) is None


@pytest.mark.parametrize("suffix", [".anju.zip", ".sqlite3"])
def test_a_backup_from_before_an_upgrade_restores(engine, tmp_path, suffix):
    """An office upgrades Anju holding automatic backups of the older schema: they restore.

    A database filled at the head is taken down to revision 0010 (before
    sessions could be voided, 0011, and the audit index, 0012), backed up as
    it stands there, and restored into a database at the head: every row
    comes back equal, the columns added since holding their defaults, and
    the chain still verifies. A revision no migration knows is refused.
    """
    older = _fresh_sqlite(tmp_path, "older.sqlite3")
    _fill(make_session_factory(older))
    before = _rows(older)
    alembic_command.downgrade(alembic_config(older), "0010")
    assert current_revision(older) == "0010"
    path = tmp_path / f"older{suffix}"
    backup(older, path)
    older.dispose()
    if suffix == ".anju.zip":
        with zipfile.ZipFile(path) as archive:
            assert json.loads(archive.read("manifest.json"))["revision"] == "0010"
    restore(engine, path)
    assert current_revision(engine) == head_revision()
    assert _rows(engine) == before
    with make_session_factory(engine)() as s:
        assert audit.verify_chain(s) is None


def test_a_backup_from_a_newer_anju_is_refused(engine, factory, tmp_path):
    _fill(factory)
    path = tmp_path / "b.anju.zip"
    backup(engine, path)
    with zipfile.ZipFile(path) as source:
        data = {name: source.read(name) for name in source.namelist()}
    manifest = json.loads(data["manifest.json"])
    manifest["revision"] = "9999"
    data["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, content in data.items():
            target.writestr(name, content)
    with pytest.raises(BackupError) as refused:
        restore(engine, path, replace=True)
    assert refused.value.code == "backup_newer"
    assert refused.value.params["revision"] == "9999"


def test_damaged_archive_restores_nothing(engine, factory, tmp_path):
    _fill(factory)
    path = tmp_path / "b.anju.zip"
    backup(engine, path)
    damaged = tmp_path / "damaged.anju.zip"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "tables/household.jsonl":
                data = data.replace("东湖".encode(), "西湖".encode()) + b"{}\n"
            target.writestr(item, data)
    fresh = _fresh_sqlite(tmp_path, "fresh.sqlite3")
    with pytest.raises(BackupError) as error:
        restore(fresh, damaged)
    assert error.value.code == "backup_damaged"
    assert all(not rows for name, rows in _rows(fresh).items() if name != "audit_head")


def _rewrite(source_path: Path, target_path: Path, member: str, edit) -> None:
    """Copy an archive with one member edited and the manifest's hash recomputed to match,
    as anyone holding the file can: the manifest proves nothing against a forger."""
    import hashlib
    import json

    with zipfile.ZipFile(source_path) as source:
        manifest = json.loads(source.read("manifest.json"))
        data = {item.filename: source.read(item) for item in source.infolist()}
    data[member] = edit(data[member])
    manifest["files"][member] = hashlib.sha256(data[member]).hexdigest()
    data["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(target_path, "w") as target:
        for name, content in data.items():
            target.writestr(name, content)


def test_forged_data_with_a_recomputed_manifest_restores_nothing(engine, factory, tmp_path):
    """A household's legal area raised in the archive, its hash recomputed: the replay of
    the archive's own log finds the row, names it, and the open database keeps its data."""
    from db.replay import restored_data_mismatch

    _fill(factory)
    before = _rows(engine)
    path = tmp_path / "b.anju.zip"
    backup(engine, path)
    forged = tmp_path / "forged.anju.zip"

    def raise_area(data: bytes) -> bytes:
        first, rest = data.split(b"\n", 1)
        import json

        row = json.loads(first)
        row["legal_area"] = "999.00"
        return json.dumps(row, ensure_ascii=False, sort_keys=True).encode() + b"\n" + rest

    _rewrite(path, forged, "tables/household.jsonl", raise_area)
    with pytest.raises(BackupError) as error:
        restore(engine, forged, replace=True, check=restored_data_mismatch)
    assert error.value.code == "backup_replay_mismatch"
    assert "household" in error.value.params["detail"]
    assert _rows(engine) == before


def test_rewritten_history_with_a_recomputed_manifest_restores_nothing(engine, factory,
                                                                     tmp_path):
    """An audit event's text edited in the archive (hash recomputed): the chain breaks at
    that event, and nothing is restored even without the replay check."""
    _fill(factory)
    before = _rows(engine)
    path = tmp_path / "b.anju.zip"
    backup(engine, path)
    forged = tmp_path / "forged.anju.zip"
    _rewrite(path, forged, "tables/audit_event.jsonl",
             lambda data: data.replace("东湖".encode(), "西湖".encode(), 1))
    with pytest.raises(BackupError) as error:
        restore(engine, forged, replace=True)
    assert error.value.code == "backup_chain_broken"
    assert error.value.params["seq"] == 1
    assert _rows(engine) == before


def test_an_archive_beyond_the_size_bound_is_refused(engine, factory, tmp_path, monkeypatch):
    """The bound is checked on the zip directory's sizes before anything is read."""
    import db.admin.backups as backups

    _fill(factory)
    path = tmp_path / "b.anju.zip"
    backup(engine, path)
    with zipfile.ZipFile(path) as archive:
        size = sum(i.file_size for i in archive.infolist() if i.filename != "manifest.json")
    monkeypatch.setattr(backups, "MAX_RESTORE_BYTES", size - 1)
    fresh = _fresh_sqlite(tmp_path, "fresh.sqlite3")
    with pytest.raises(BackupError) as error:
        restore(fresh, path)
    assert error.value.code == "backup_too_large"
    assert error.value.params == {"size": size, "limit": size - 1}
    monkeypatch.setattr(backups, "MAX_RESTORE_BYTES", size)
    assert restore(fresh, path)["household"] == 30


def test_not_a_backup(tmp_path):
    fresh = _fresh_sqlite(tmp_path, "fresh.sqlite3")
    bogus = tmp_path / "notes.zip"
    bogus.write_bytes(b"hello")
    with pytest.raises(BackupError) as error:
        restore(fresh, bogus)
    assert error.value.code == "not_a_backup"
    with pytest.raises(BackupError):
        restore(fresh, tmp_path / "missing.sqlite3")


@pytest.mark.parametrize("suffix", [".anju.zip", ".sqlite3"])
def test_backup_is_private(engine, factory, tmp_path, suffix, monkeypatch):
    """Owner only (0600) even under a permissive umask: it holds every ID number and phone."""
    if suffix == ".sqlite3" and engine.dialect.name != "sqlite":
        pytest.skip("the SQLite file format needs a SQLite database")
    _fill(factory)
    old = os.umask(0o000)
    try:
        path = tmp_path / "archives" / f"open{suffix}"
        backup(engine, path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_interrupted_backup_leaves_the_older_archive(engine, factory, tmp_path, monkeypatch):
    """Killed halfway through the second table, the older archive of that name is unchanged,
    byte for byte, and no partial file is left beside it."""
    _fill(factory)
    path = tmp_path / "archives" / "X.anju.zip"
    backup(engine, path)
    older = path.read_bytes()
    import db.admin.backups as backups

    write_table = backups._write_table
    written: list[str] = []

    def interrupted(connection, table, archive, name):
        if written:
            raise KeyboardInterrupt  # what SIGINT does mid-write
        written.append(name)
        return write_table(connection, table, archive, name)

    monkeypatch.setattr(backups, "_write_table", interrupted)
    with pytest.raises(KeyboardInterrupt):
        backup(engine, path)
    assert path.read_bytes() == older
    assert sorted(p.name for p in path.parent.iterdir()) == ["X.anju.zip"]


def test_automatic_backup_is_private(engine, factory, tmp_path, monkeypatch):
    from db.admin.autobackup import backup_before

    monkeypatch.setenv("ANJU_BACKUP_DIR", str(tmp_path / "auto"))
    _fill(factory)
    with factory.begin() as s:
        path = backup_before(s, project_id=1, act="freeze")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
