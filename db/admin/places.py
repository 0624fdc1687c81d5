"""Where the office's files outside the database live (the backups, and the witness file
beside them), and making a new name in such a folder durable."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

from db.store import data_dir

ENV_BACKUP_DIR: Final = "ANJU_BACKUP_DIR"


def backup_folder() -> Path:
    """Where automatic backups go."""
    explicit = os.environ.get(ENV_BACKUP_DIR)
    return Path(explicit) if explicit else data_dir() / "backups"


def sync_folder(folder: Path) -> None:
    """Sync ``folder`` itself: a file created or renamed in it must reach the disk by its
    name too, or a power cut may bring back the old one (or none)."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
