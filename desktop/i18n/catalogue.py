"""Loading the Chinese translation of Anju and of Qt's own dialogs (确定, 取消…).

English is the source language, so "en" means no translator at all. The
compiled catalogue ``anju_zh_CN.qm`` sits next to this file and is rebuilt
from ``anju_zh_CN.ts`` by ``scripts/i18n.py update``.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent
CATALOGUE = "anju_zh_CN"
CHINESE = "zh_CN"
ENGLISH = "en"

#: Qt's own texts that Qt's Chinese catalogues lack, translated in ours (under Qt's
#: contexts, so lupdate files them there). Qt 6 renamed the file dialog's labels (mnemonics
#: added) and moved the file types to QAbstractFileIconProvider; qtbase_zh_CN.qm and
#: qt_zh_CN.qm still hold the Qt 5 sources, so the non-native file dialog read "&Look in:",
#: "Files of &type:" and "Folder". A translator with no answer passes the text on, so
#: these are asked of ours when qtbase_zh_CN has none.
QT_OWN_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Alias"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
    # The print dialog's "Page Set:" (qtbase_zh_CN: 页面组：) took a mnemonic in Qt 6.
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
)

# Translators must outlive the call: Qt keeps only a pointer to them.
_installed: list[QTranslator] = []
#: The default locale before the first translators were installed: removing them gives it
#: back, so that a test (or a language switch) that read Chinese leaves no Chinese dates.
_locale_before: list[QLocale] = []


def trace_language() -> str:
    """The language of rules texts and traces shown on screen: Chinese unless the interface
    is not (the Rules page's preview, the desk's refusals)."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def resolve_language(language: str) -> str:
    """The language to load: "auto" is Chinese on a Chinese system, else English."""
    if language == "auto":
        return CHINESE if QLocale.system().language() == QLocale.Language.Chinese else ENGLISH
    return CHINESE if language.startswith("zh") else ENGLISH


def init_translations(app: QCoreApplication, language: str = "auto") -> str:
    """Install the translators for ``language`` ("auto", "zh_CN" or "en"); returns the one used.

    Calling it again replaces the previous translators, so tests can switch
    languages. Missing catalogues are not an error: the UI stays English.
    """
    remove_translations(app)
    _locale_before.append(QLocale())
    used = resolve_language(language)
    if used == ENGLISH:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return used
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((CATALOGUE, str(I18N_DIR)), ("qtbase_zh_CN", qt_dir)):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return used


def remove_translations(app: QCoreApplication) -> None:
    while _installed:
        translator = _installed.pop()
        # A translator dies with the application object that owned it.
        if shiboken6.isValid(translator):
            app.removeTranslator(translator)
    while _locale_before:
        QLocale.setDefault(_locale_before.pop())


def catalogue_path() -> Path:
    return I18N_DIR / f"{CATALOGUE}.qm"
