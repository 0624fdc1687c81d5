"""Qt's own dialogs speak Chinese in the Chinese interface.

Qt 6's non-native file dialog asks for "&Look in:" and "Files of &type:" and its
file types under QAbstractFileIconProvider, sources that Qt's zh_CN catalogues
(still Qt 5's) lack; our catalogue carries them (desktop.i18n.catalogue.QT_OWN_TEXTS).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QTabWidget,
    QTreeView,
    QWidget,
)

from desktop.common.file_dialogs import file_dialog
from desktop.i18n import init_translations, remove_translations

# An English word: two Latin letters or more with a small one, once mnemonics "(&L)" are
# set aside (an acronym such as PDF, in the system's "PDF 文档", is no English word).
ENGLISH_WORD = re.compile(r"(?<![A-Za-z])(?=[A-Za-z]*[a-z])[A-Za-z]{2,}")
MNEMONIC = re.compile(r"\(&[A-Za-z]\)")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    init_translations(qapp, "zh_CN")
    try:
        yield
    finally:
        remove_translations(qapp)
        QLocale.setDefault(before)  # later tests' traces follow the locale (trace_language)


def _english(texts: list[str]) -> list[str]:
    return [t for t in texts if ENGLISH_WORD.search(MNEMONIC.sub("", t))]


def _shown_texts(widget: QWidget, *, choices: bool = False) -> list[str]:
    """Every label, button text, box title, tab, tooltip and menu entry the dialog can
    show, and with ``choices`` its combo boxes' items (not in the file dialog: those are
    the folder's path and the app's own file filters)."""
    texts = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QLabel | QAbstractButton):
            texts.append(child.text())
        if isinstance(child, QGroupBox):
            texts.append(child.title())
        if choices and isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
        if isinstance(child, QTabWidget):
            texts += [child.tabText(i) for i in range(child.count())]
        texts.append(child.toolTip())
    texts += [action.text() for action in widget.findChildren(QAction)]
    return [t for t in texts if t]


@pytest.mark.parametrize("mode", [QFileDialog.AcceptMode.AcceptOpen,
                                  QFileDialog.AcceptMode.AcceptSave])
def test_qts_file_dialog_has_no_english_label(qtbot, chinese, tmp_path, mode):
    (tmp_path / "资料").mkdir()
    (tmp_path / "确认书.pdf").write_bytes(b"%PDF-1.4\n")
    dialog = file_dialog(None, "另存为", str(tmp_path), "PDF 文件 (*.pdf)", mode)  # the app's
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = _shown_texts(dialog)
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts
    view = dialog.findChild(QTreeView, "treeView")
    model = view.model()
    texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 2)  # the folder is read apart
    types = {model.index(r, 0, view.rootIndex()).data(): model.index(r, 2, view.rootIndex()).data()
             for r in range(2)}
    assert types["资料"] == "文件夹"
    assert _english([*texts, *types.values()]) == []


def test_message_boxes_standard_buttons_are_chinese(qtbot, chinese):
    every = QMessageBox.StandardButton.NoButton
    for button in (QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Cancel,
                   QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No,
                   QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard,
                   QMessageBox.StandardButton.Close, QMessageBox.StandardButton.Retry,
                   QMessageBox.StandardButton.Ignore, QMessageBox.StandardButton.Abort,
                   QMessageBox.StandardButton.Apply, QMessageBox.StandardButton.Help):
        every |= button
    box = QMessageBox(QMessageBox.Icon.Question, "确认", "是否继续？", every)
    qtbot.addWidget(box)
    box.show()
    texts = [b.text() for b in box.buttons()]
    assert len(texts) == 12 and "确定" in texts and "取消" in texts
    assert _english(texts) == []


def test_the_print_dialog_is_chinese(qtbot, chinese):
    """The system's print dialog (the Printouts page's 打印, the desk's slip when a printer
    is there): Qt's own, on Linux; its labels, boxes, tabs and buttons in Chinese."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = _shown_texts(dialog, choices=True)
    assert "打印(&P)" in texts and "取消" in texts and "页面组(&S)：" in texts
    assert _english(texts) == []


def test_input_and_progress_dialogs_are_chinese(qtbot, chinese):
    """The questions the app asks through QInputDialog (a reason, a screen for the hall's
    display) and its progress boxes: Qt's buttons in Chinese."""
    item = QInputDialog()
    item.setComboBoxItems(["1: 屏幕 (1920×1080)"])
    text = QInputDialog()
    text.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    progress = QProgressDialog()
    for dialog in (item, text, progress):
        qtbot.addWidget(dialog)
        dialog.show()
    texts = _shown_texts(item) + _shown_texts(text) + _shown_texts(progress)
    assert texts.count("确定") == 2 and texts.count("取消") == 3
    assert _english(texts) == []


def test_sizes_dates_and_numbers_in_the_chinese_form(chinese):
    """What Qt formats by the locale (a file's size, a date, a figure) reads Chinese."""
    from datetime import date

    locale = QLocale()
    assert locale.formattedDataSize(9) == "9 字节"
    assert locale.toString(date(2026, 12, 7), QLocale.FormatType.LongFormat) == \
        "2026年12月7日星期一"
    assert locale.toString(1234567.5, "f", 2) == "1,234,567.50"
