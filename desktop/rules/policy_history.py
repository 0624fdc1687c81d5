"""The versions of a project's policy as a small table: version, status, frozen at, hash, reason."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from db.rules import PolicyVersion
from desktop.rules.policy_words import choice_label

COL_VERSION, COL_STATUS, COL_FROZEN_AT, COL_SHA, COL_REASON = range(5)
SHA_SHOWN = 16  # characters of the hash in the cell; the whole hash is its tip


def local_time(moment: datetime) -> str:
    """A stored moment (UTC; SQLite returns it naive) in the workstation's time."""
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    return aware.astimezone().strftime("%Y-%m-%d %H:%M")


class PolicyHistoryTable(QTableWidget):
    """Every version, newest first; read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels([
            self.tr("Version"), self.tr("Status"), self.tr("Frozen at"), self.tr("SHA-256"),
            self.tr("Reason")])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def set_history(self, history: list[PolicyVersion]) -> None:
        self.setRowCount(0)
        for version in reversed(history):
            row = self.rowCount()
            self.insertRow(row)
            frozen = "" if version.frozen_at is None else local_time(version.frozen_at)
            cells = [str(version.version), choice_label("status", version.status), frozen,
                     version.sha256[:SHA_SHOWN], version.reason]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(version.sha256 if column == COL_SHA else text)
                self.setItem(row, column, item)
