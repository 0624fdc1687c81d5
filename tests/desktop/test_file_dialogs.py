"""The app's file dialogs show sizes and dates in the interface language's form, uncut.

Worked by hand: a file of 35 328 bytes is 35 328 / 1024 = 34.5 KB exactly; its time set
to 2026-12-07 15:30 (local) reads "2026/12/07 15:30" in Chinese, "2026-12-07 15:30" in
English.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QTreeView
from pytestqt.qtbot import QtBot

from desktop.common.file_dialogs import DATE_COLUMN, SIZE_COLUMN, file_dialog

EXPECTED = {"zh_CN": ("34.5 KB", "2026/12/07 15:30"), "en": ("34.5 KB", "2026-12-07 15:30")}


@pytest.mark.parametrize("mode", [QFileDialog.AcceptMode.AcceptOpen,
                                  QFileDialog.AcceptMode.AcceptSave])
def test_sizes_and_dates_read_in_the_interface_form_and_fit(
        qtbot: QtBot, language: str, tmp_path: Path, mode: QFileDialog.AcceptMode) -> None:
    report = tmp_path / "分房结果.xlsx"
    report.write_bytes(b"x" * 35328)
    when = datetime(2026, 12, 7, 15, 30).timestamp()
    os.utime(report, (when, when))
    dialog = file_dialog(None, "title", str(tmp_path), "Excel (*.xlsx)", mode)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.resize(800, 500)  # about what Qt opens it at
    dialog.show()
    view = dialog.findChild(QTreeView, "treeView")
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 1)  # read apart
    row = model.index(0, 0, view.rootIndex())
    size = row.siblingAtColumn(SIZE_COLUMN).data()
    modified = row.siblingAtColumn(DATE_COLUMN).data()
    assert (size, modified) == EXPECTED[language]
    header = view.header()
    qtbot.waitUntil(lambda: header.sectionSize(SIZE_COLUMN) > 0)
    QApplication.processEvents()
    metrics = view.fontMetrics()
    margin = 2 * view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view)
    header_metrics = header.fontMetrics()
    header_margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None,
                                                   header)
    for column, text in ((SIZE_COLUMN, size), (DATE_COLUMN, modified)):
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        needs = max(metrics.horizontalAdvance(text) + margin,
                    header_metrics.horizontalAdvance(title) + header_margin)
        assert header.sectionSize(column) >= needs, (title, header.sectionSize(column), needs)
        rect = view.visualRect(row.siblingAtColumn(column))
        assert rect.right() <= view.viewport().width(), title  # in view, not scrolled to
