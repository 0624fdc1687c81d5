"""The status bar's last backup: its age in words, and the later of a manual and an
automatic backup."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.admin.backup_status import LastBackup, age_text, last_backup, remember_backup
from desktop.common import file_dialogs
from desktop.common.actions import MainAction
from desktop.shell.main_window import MainWindow

THEN = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(("later", "words"), [
    (timedelta(seconds=59), "just now"),        # under a minute
    (timedelta(minutes=45), "45 min ago"),
    (timedelta(hours=23, minutes=59), "23 h ago"),  # 1439 min // 60 = 23
    (timedelta(hours=47, minutes=59), "47 h ago"),  # still hours below two days
    (timedelta(hours=48), "2 days ago"),            # 2880 min // 1440 = 2
    (timedelta(days=9, hours=5), "9 days ago"),     # 13 260 min // 1440 = 9
    (timedelta(minutes=-5), "just now"),            # a clock set back reads as now
])
def test_the_age_reads_in_minutes_hours_or_days(later, words):
    assert age_text(THEN, THEN + later) == words


def test_the_later_of_the_manual_and_the_automatic_backup(tmp_path):
    folder = tmp_path / "auto"
    folder.mkdir()
    assert last_backup(folder) is None
    automatic = folder / "20261201T100000000000Z-p1-freeze.sqlite3"
    automatic.write_bytes(b"x")
    os.utime(automatic, (THEN.timestamp(), THEN.timestamp()))
    manual = tmp_path / "U盘" / "anju.sqlite3"
    manual.parent.mkdir()
    manual.write_bytes(b"x")
    remember_backup(manual, THEN - timedelta(days=1))
    assert last_backup(folder) == LastBackup(automatic, THEN)
    remember_backup(manual, THEN + timedelta(hours=1))
    assert last_backup(folder) == LastBackup(manual, THEN + timedelta(hours=1))
    manual.unlink()  # the stick is gone: the automatic one is what is left
    assert last_backup(folder) == LastBackup(automatic, THEN)


def test_the_status_bar_shows_a_backup_once_written(qtbot, ctx, tmp_path, monkeypatch):
    monkeypatch.setenv("ANJU_BACKUP_DIR", str(tmp_path / "auto"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.backup_label.text() == "No backup yet"
    target = tmp_path / "copy.sqlite3"
    monkeypatch.setattr(file_dialogs, "get_save_file_name",
                        staticmethod(lambda *_a, **_k: (str(target), "")))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *_a: None))
    window.actions_by_name[MainAction.BACK_UP].trigger()
    assert target.is_file()
    # ...and under it the witness file's last line (this test's file: nothing yet)
    assert window.backup_label.toolTip() == (f"Last backup just now: {target}\n"
                                             "Nothing witnessed in this file yet.")
    shown = window.backup_label.text()  # elided in the middle when long; the age comes first
    assert shown.startswith("Last backup just now: ") and shown.endswith("copy.sqlite3")
