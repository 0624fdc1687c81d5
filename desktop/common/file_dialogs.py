"""Every file dialog Anju opens, in the interface's language and form (issue 16).

Qt's own widget file dialog (the one used where the system offers none, and always with
``DontUseNativeDialog``) sizes its columns for English and formats with Qt's defaults:
sizes in IEC units cut to "34.…KiB", dates in the system locale's form. Chinese offices
read "34.5 KB" and "2026/12/07 15:30". Every open and save dialog of the app goes through
:func:`get_open_file_name` / :func:`get_save_file_name` (QFileDialog's static functions'
shape), which build the dialog with the interface's locale, a proxy that writes sizes and
dates in that form, and columns as wide as what they show.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QDateTime,
    QIdentityProxyModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QHeaderView, QTreeView, QWidget

#: The columns of Qt's file system model: name, size, type, date modified.
SIZE_COLUMN = 1
DATE_COLUMN = 3
#: How a file's time reads: as Chinese Windows writes it, and in the app's ISO form in
#: English (the date fields read 2026-12-07 too).
DATE_FORMATS = {QLocale.Language.Chinese: "yyyy/MM/dd HH:mm"}
ISO_DATE_FORMAT = "yyyy-MM-dd HH:mm"
NO_OPTIONS = QFileDialog.Option(0)
_UNITS = ("KB", "MB", "GB", "TB")


def file_size_text(size: int, locale: QLocale) -> str:
    """A file's size as offices read it: powers of 1024 named KB, MB, GB, one decimal
    in the locale's digits ("34.5 KB"); under a KB the locale's own bytes ("500 字节")."""
    if size < 1024:
        return locale.formattedDataSize(size, 0, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
    value = size / 1024
    unit = 0
    while value >= 1024 and unit < len(_UNITS) - 1:
        value /= 1024
        unit += 1
    return f"{locale.toString(value, 'f', 1)} {_UNITS[unit]}"


def file_time_text(when: QDateTime, locale: QLocale) -> str:
    """When a file was last changed, in the interface language's form."""
    return locale.toString(when, DATE_FORMATS.get(locale.language(), ISO_DATE_FORMAT))


class LocaleFileColumns(QIdentityProxyModel):
    """Qt's file system model with its Size and Date Modified columns in ``locale``'s form."""

    def __init__(self, locale: QLocale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._locale = locale

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        source = self.sourceModel()
        if (role == Qt.ItemDataRole.DisplayRole and index.column() in (SIZE_COLUMN, DATE_COLUMN)
                and isinstance(source, QFileSystemModel)):
            info = source.fileInfo(self.mapToSource(index))
            if index.column() == DATE_COLUMN:
                return file_time_text(info.lastModified(), self._locale)
            if info.isFile():
                return file_size_text(info.size(), self._locale)
        return super().data(index, role)


def file_dialog(parent: QWidget | None, caption: str, directory: str, filters: str,
                mode: QFileDialog.AcceptMode,
                options: QFileDialog.Option = NO_OPTIONS) -> QFileDialog:
    """The app's file dialog, not shown yet: Qt's widget dialog in the interface's locale,
    its sizes and dates in that form, its columns as wide as they need."""
    dialog = QFileDialog(parent, caption, directory, filters)
    dialog.setOptions(options | QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    if mode == QFileDialog.AcceptMode.AcceptOpen:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    locale = QLocale()  # the interface's (init_translations sets the default)
    dialog.setLocale(locale)
    dialog.setProxyModel(LocaleFileColumns(locale, dialog))
    view = dialog.findChild(QTreeView, "treeView")
    if view is not None:
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return dialog


def _chosen(dialog: QFileDialog) -> tuple[str, str]:
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return "", ""
    return dialog.selectedFiles()[0], dialog.selectedNameFilter()


def get_open_file_name(parent: QWidget | None, caption: str, directory: str = "",
                       filters: str = "") -> tuple[str, str]:
    """QFileDialog.getOpenFileName through :func:`file_dialog`: (path, filter), or ("", "")."""
    return _chosen(file_dialog(parent, caption, directory, filters,
                               QFileDialog.AcceptMode.AcceptOpen))


def get_save_file_name(parent: QWidget | None, caption: str, directory: str = "",
                       filters: str = "",
                       options: QFileDialog.Option = NO_OPTIONS) -> tuple[str, str]:
    """QFileDialog.getSaveFileName through :func:`file_dialog`: (path, filter), or ("", "")."""
    return _chosen(file_dialog(parent, caption, directory, filters,
                               QFileDialog.AcceptMode.AcceptSave, options))


# What the pages call (through desktop.common's face): the functions above looked up when
# called, so a test answers every dialog by replacing get_open_file_name/get_save_file_name.
def open_file_name(parent: QWidget | None, caption: str, directory: str = "",
                   filters: str = "") -> tuple[str, str]:
    return get_open_file_name(parent, caption, directory, filters)


def save_file_name(parent: QWidget | None, caption: str, directory: str = "",
                   filters: str = "", options: QFileDialog.Option = NO_OPTIONS) -> tuple[str, str]:
    return get_save_file_name(parent, caption, directory, filters, options)
