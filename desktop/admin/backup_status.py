"""The last backup's place and age, for the status bar: the one written with File › Back up…
(remembered in the settings) or the newest automatic one, whichever is later.

An office that sees "last backup: 9 days ago" backs up before the hall opens; one that
sees the database's own disk named knows the copy dies with that disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from db.admin import automatic_backups
from desktop import common as settings


@dataclass(frozen=True, slots=True)
class LastBackup:
    path: Path
    at: datetime  # aware, UTC


def remember_backup(path: Path, at: datetime) -> None:
    """Note a backup written by hand, for :func:`last_backup`."""
    settings.put(settings.LAST_BACKUP, f"{at.astimezone(UTC).isoformat()}|{path}")


def _remembered() -> LastBackup | None:
    stamp, _bar, path = settings.get(settings.LAST_BACKUP).partition("|")
    try:
        at = datetime.fromisoformat(stamp)
    except ValueError:  # never written, or a hand-edited file
        return None
    return LastBackup(Path(path), at) if path and at.tzinfo is not None else None


def last_backup(folder: Path | None = None) -> LastBackup | None:
    """The later of the remembered manual backup and the newest automatic one in ``folder``."""
    found = [b for b in (_remembered(),) if b is not None and b.path.exists()]
    automatic = automatic_backups(folder)
    if automatic:
        newest = automatic[-1]
        found.append(LastBackup(newest, datetime.fromtimestamp(newest.stat().st_mtime, UTC)))
    return max(found, key=lambda b: b.at, default=None)


def age_text(then: datetime, now: datetime) -> str:
    """How long ago, in the unit an operator reads at a glance (minutes, hours, days)."""
    minutes = max(0, int((now - then).total_seconds() // 60))
    if minutes < 1:
        return QCoreApplication.translate("BackupStatus", "just now")
    if minutes < 60:
        return QCoreApplication.translate("BackupStatus", "{n} min ago").format(n=minutes)
    if minutes < 48 * 60:
        return QCoreApplication.translate("BackupStatus", "{n} h ago").format(n=minutes // 60)
    return QCoreApplication.translate("BackupStatus", "{n} days ago").format(n=minutes // (24 * 60))


def status_text(backup: LastBackup | None, now: datetime) -> str:
    if backup is None:
        return QCoreApplication.translate("BackupStatus", "No backup yet")
    return QCoreApplication.translate("BackupStatus", "Last backup {age}: {path}").format(
        age=age_text(backup.at, now), path=backup.path)
