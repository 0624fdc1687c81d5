"""Every user option of the desktop app, declared once: key, type, default and label.

Options live in an INI file in the user's configuration folder (QSettings,
IniFormat, UserScope), the same format on every system, so an office can
copy it from one workstation to another. Tests redirect the folder with
``QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tmp_path)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QSettings
from PySide6.QtWidgets import QSplitter

ORGANISATION = "Anju"
APPLICATION = "Anju"
CONTEXT = "Settings"

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One option. ``label`` is an English source string translated in the ``Settings`` context."""

    key: str
    type: type[T]
    default: T
    label: str

    @property
    def translated_label(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.label)


LANGUAGES = ("auto", "zh_CN", "en")
LANGUAGE_LABELS = {
    "auto": QT_TRANSLATE_NOOP("Settings", "Automatic (system language)"),
    "zh_CN": QT_TRANSLATE_NOOP("Settings", "Chinese (简体中文)"),
    "en": QT_TRANSLATE_NOOP("Settings", "English"),
}



def language_label(code: str) -> str:
    """The translated name of a language choice ("auto", "zh_CN", "en")."""
    return QCoreApplication.translate(CONTEXT, LANGUAGE_LABELS[code])


LANGUAGE: Setting[str] = Setting(
    "ui/language", str, "auto", QT_TRANSLATE_NOOP("Settings", "Language"))
LAST_PROJECT: Setting[str] = Setting(
    "session/last_project", str, "", QT_TRANSLATE_NOOP("Settings", "Last opened project"))
WINDOW_GEOMETRY: Setting[QByteArray] = Setting(
    "window/geometry", QByteArray, QByteArray(),
    QT_TRANSLATE_NOOP("Settings", "Main window position and size"))
WINDOW_STATE: Setting[QByteArray] = Setting(
    "window/state", QByteArray, QByteArray(),
    QT_TRANSLATE_NOOP("Settings", "Main window toolbars and docks"))
HOUSEHOLD_COLUMNS: Setting[QByteArray] = Setting(
    "households/header", QByteArray, QByteArray(),
    QT_TRANSLATE_NOOP("Settings", "Household table column widths"))
FLAT_COLUMNS: Setting[QByteArray] = Setting(
    "flats/header", QByteArray, QByteArray(),
    QT_TRANSLATE_NOOP("Settings", "Flat table column widths"))
# "<ISO time>|<path>" of the last backup written with File › Back up… (the status bar's).
LAST_BACKUP: Setting[str] = Setting(
    "backup/last", str, "", QT_TRANSLATE_NOOP("Settings", "Last backup written by hand"))
# Where this computer witnesses the chain head of each irreversible act ("": beside the
# automatic backups); db.admin.choose_witness_file is handed it at start.
WITNESS_FILE: Setting[str] = Setting(
    "backup/witness_file", str, "", QT_TRANSLATE_NOOP("Settings", "Witness file"))

# Where the operator put the dividers of the pages split in two or three (QSplitter.saveState).
DESK_SPLITTER: Setting[QByteArray] = Setting(
    "session/splitter", QByteArray, QByteArray(),
    QT_TRANSLATE_NOOP("Settings", "Selection desk panel widths"))
RULES_SPLITTER: Setting[QByteArray] = Setting(
    "rules/splitter", QByteArray, QByteArray(),
    QT_TRANSLATE_NOOP("Settings", "Rules page editor and preview widths"))

ALL_SETTINGS: tuple[Setting[Any], ...] = (
    LANGUAGE, LAST_PROJECT, WINDOW_GEOMETRY, WINDOW_STATE, HOUSEHOLD_COLUMNS, FLAT_COLUMNS,
    LAST_BACKUP, DESK_SPLITTER, RULES_SPLITTER, WITNESS_FILE)


def store() -> QSettings:
    """The settings file; opened per call, which is cheap and always sees the latest values."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     ORGANISATION, APPLICATION)


def get(setting: Setting[T]) -> T:
    """The stored value, or the default when missing or of the wrong type."""
    value = store().value(setting.key, setting.default)
    if setting.type is str and value is not None and not isinstance(value, str):
        value = str(value)
    if not isinstance(value, setting.type):
        return setting.default
    if setting.key == LANGUAGE.key and value not in LANGUAGES:
        # A hand-edited file must not leave the app in a language it cannot load.
        return setting.default
    return value


def put(setting: Setting[T], value: T) -> None:
    settings = store()
    settings.setValue(setting.key, value)
    settings.sync()


def remember_splitter(splitter: QSplitter, setting: Setting[QByteArray]) -> None:
    """Give ``splitter`` the widths this user left it at, and keep them when it is moved."""
    saved = get(setting)
    if not saved.isEmpty():
        splitter.restoreState(saved)
    splitter.splitterMoved.connect(lambda _pos, _index: put(setting, splitter.saveState()))
