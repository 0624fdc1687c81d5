"""Backup → wipe → restore gives identical data, row by row, on each backend and across them."""

from __future__ import annotations

import os
import stat
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

import db.audit.chain as audit
import db.registry.importing as importing
import db.registry.operations as registry
from allocation.demo.register import demo_flats, demo_households
from db.admin.backups import BackupError, backup, restore
from db.records.base import Base
from db.store.engine import make_engine
from db.store.migrate import upgrade


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
    writestr = zipfile.ZipFile.writestr
    written: list[str] = []

    def interrupted(self, name, data, *args, **kwargs):
        if written:
            raise KeyboardInterrupt  # what SIGINT does mid-write
        written.append(str(name))
        return writestr(self, name, data, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", interrupted)
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
