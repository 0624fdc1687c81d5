"""File › Back up… and Restore…: the same db/admin/backups.py as `anju backup` / `anju restore`.

A backup is safe while the app runs (SQLite's online backup, or the portable
archive read in one transaction). A restore replaces everything in the open
database, so it asks twice, needs an administrator (once the database has
users), and runs all or nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget
from sqlalchemy import Engine

from allocation.errors import AnjuError
from db import admin as backups
from db.admin import backup_folder
from db.replay import restored_data_mismatch
from desktop.admin.backup_status import remember_backup
from desktop.common import AppContext, open_file_name, save_file_name
from desktop.i18n import describe_error, show_error


def _engine(ctx: AppContext) -> Engine:
    engine = ctx.factory.kw["bind"]
    assert isinstance(engine, Engine)
    return engine


def back_up(ctx: AppContext, parent: QWidget | None, path: Path | None = None) -> Path | None:
    """Write a backup to ``path`` (asked for if None); returns it, or None if cancelled."""
    if path is None:
        suffix = ".sqlite3" if _engine(ctx).dialect.name == "sqlite" else ".anju.zip"
        proposed = backup_folder() / f"anju-{datetime.now():%Y%m%d-%H%M}{suffix}"
        chosen, _ = save_file_name(
            parent, QCoreApplication.translate("Backup", "Back up the database"),
            str(proposed), QCoreApplication.translate(
                "Backup", "SQLite copy (*.sqlite3);;Portable archive (*.anju.zip)"))
        if not chosen:
            return None
        path = Path(chosen)
    try:
        counts = backups.backup(_engine(ctx), path, actor=ctx.actor)
    except Exception as error:  # noqa: BLE001 - every failure is shown to the operator
        show_error(parent, error)
        return None
    remember_backup(path, datetime.now(UTC))
    text = QCoreApplication.translate(
        "Backup", "Backup written to {path}: {households} households, {events} audit events.")
    QMessageBox.information(
        parent, QCoreApplication.translate("Backup", "Backup written"),
        text.format(path=path, households=counts.get("household", 0),
                    events=counts.get("audit_event", 0)))
    return path


class _NoReason(Exception):
    """The operator gave no reason to restore a backup lacking a witnessed head."""


def _restore(ctx: AppContext, parent: QWidget | None, path: Path, title: str) -> None:
    """Restore; a backup lacking a witnessed head (issue 18) is restored only with a reason,
    asked for here after the refusal is shown in words, and audited by db/admin."""
    try:
        backups.restore(_engine(ctx), path, replace=True, actor=ctx.actor,
                        check=restored_data_mismatch)
        return
    except AnjuError as error:
        if error.code not in ("backup_lacks_witnessed_heads", "backup_chain_unwitnessed"):
            raise
        refusal = describe_error(error)
    prompt = QCoreApplication.translate(
        "Backup", "{refusal}\n\nWhy restore this backup all the same? (audited)")
    reason, given = QInputDialog.getText(parent, title, prompt.format(refusal=refusal))
    if not given or not reason.strip():
        raise _NoReason
    backups.restore(_engine(ctx), path, replace=True, actor=ctx.actor,
                    check=restored_data_mismatch, reason=reason.strip())


def restore(ctx: AppContext, parent: QWidget | None, path: Path | None = None) -> bool:
    """Replace the open database with a backup, after two confirmations; True if done."""
    title = QCoreApplication.translate("Backup", "Restore from a backup")
    if path is None:
        chosen, _ = open_file_name(
            parent, title, str(backup_folder()),
            QCoreApplication.translate("Backup", "Backups (*.sqlite3 *.db *.zip)"))
        if not chosen:
            return False
        path = Path(chosen)
    question = QCoreApplication.translate(
        "Backup", "Everything in the open database will be replaced by the backup\n{path}.\n\n"
        "Changes made since that backup are lost (a backup of the current state is "
        "written first). Continue?")
    answer = QMessageBox.warning(
        parent, title, question.format(path=path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        suffix = ".sqlite3" if _engine(ctx).dialect.name == "sqlite" else ".anju.zip"
        stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
        backups.backup(_engine(ctx), backup_folder() / f"before-restore-{stamp}{suffix}",
                       actor=ctx.actor)
        _restore(ctx, parent, path, title)
    except _NoReason:
        return False
    except Exception as error:  # noqa: BLE001 - nothing was restored; say why
        show_error(parent, error)
        return False
    ctx.undo_stack.clear()
    return True
