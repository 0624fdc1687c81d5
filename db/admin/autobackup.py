"""Automatic backups before acts that cannot be undone: freezing the rules, the draw, the session.

Each of those services calls :func:`backup_before` first, inside its own
transaction, so that no caller (GUI, CLI, a script) can forget it. The
backup reads the *committed* database through a second connection (SQLite's
online backup in WAL mode, or the portable archive in one repeatable-read
transaction), i.e. the state just before the act. If it cannot be written,
the act is refused: an office would rather freeze an hour later than
without a way back.

Files go to ``$ANJU_BACKUP_DIR`` or ``backups/`` in the data folder, named
``<UTC time>-p<project>-<act>.sqlite3`` (SQLite) or ``.anju.zip`` (any
other backend); the newest :data:`KEEP` automatic backups are kept.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from allocation.errors import AnjuError
from db.admin.backups import write_backup
from db.admin.places import backup_folder

KEEP: Final = 50
_SUFFIXES: Final = (".sqlite3", ".anju.zip")


def backup_before(session: Session, *, project_id: int, act: str) -> Path:
    """Back up the committed database before ``act``; returns the file written.

    Steps:
        1. name the file by time, project and act, in :func:`backup_folder`;
        2. write it with :func:`db.admin.backups.write_backup` through a new connection
           (the act's own permission was checked by its caller);
        3. remove the oldest automatic backups beyond :data:`KEEP`.

    Raises:
        AnjuError: ``automatic_backup_failed`` (``act``, ``folder``, ``reason``)
            — the caller's act does not happen.
    """
    engine = session.get_bind()
    assert isinstance(engine, Engine)
    folder = backup_folder()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    suffix = _SUFFIXES[0] if engine.dialect.name == "sqlite" else _SUFFIXES[1]
    path = folder / f"{stamp}-p{project_id}-{act}{suffix}"
    try:
        write_backup(engine, path)
    except (OSError, AnjuError) as error:
        if path.is_file():
            path.unlink()  # a half-written backup must not pass for one
        raise AnjuError("automatic_backup_failed", act=act, folder=str(folder),
                        reason=str(error)) from error
    _prune(folder)
    return path


def automatic_backups(folder: Path | None = None) -> list[Path]:
    """The automatic backups in ``folder``, oldest first (names sort by time)."""
    where = folder or backup_folder()
    if not where.is_dir():
        return []
    return sorted(p for p in where.iterdir()
                  if p.name[:1].isdigit() and p.name.endswith(_SUFFIXES))


def _prune(folder: Path) -> None:
    for old in automatic_backups(folder)[:-KEEP]:
        old.unlink(missing_ok=True)
