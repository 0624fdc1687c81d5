"""The desk's banner of the batch being called (选房批次): its number, date and window.

The session plan (db.selection.session_plan) cuts the order into batches on
set days; the desk calls them in turn. The operator sees which batch the
household at the desk belongs to, the window the appointment notices gave it,
and how many of its households still wait: when that reaches none, the next
call opens the next batch (the next morning, after an overnight close).
Hidden while the project has no stored plan.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from db.selection import CurrentBatch

BANNER_STYLE = ("background: #e3f2fd; color: #0d47a1; font-size: 12pt; font-weight: bold;"
                " padding: 4px 10px; border-radius: 4px;")


class BatchBanner(QLabel):
    """第2批（共2批）· 2026-12-21 08:30—09:00 · 本批6户，待叫4户."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(BANNER_STYLE)
        self.batch: CurrentBatch | None = None
        self.hide()

    def show_batch(self, batch: CurrentBatch | None) -> None:
        self.batch = batch
        self.setVisible(batch is not None)
        if batch is None:
            self.clear()
            return
        self.setText(self.tr(
            "Batch {number} of {count} · {date} {start}–{end} · {households} households, "
            "{waiting} still to call").format(
            number=batch.number, count=batch.count, date=batch.on.isoformat(),
            start=batch.start.strftime("%H:%M"), end=batch.end.strftime("%H:%M"),
            households=batch.households, waiting=batch.waiting))
