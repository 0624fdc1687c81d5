"""Every menu and toolbar command, declared once and keyed by MainAction.

Menus, toolbars and pages look actions up by enum instead of building their
own, so the text, shortcut and tip of a command are the same everywhere.
Texts are English source strings in the ``MainAction`` translation context.
Standard shortcuts (``QKeySequence.StandardKey``) are used where Qt has one,
so Ctrl+Z, Ctrl+F… follow each platform's convention.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack

CONTEXT = "MainAction"
Key = QKeySequence.StandardKey


class MainAction(enum.StrEnum):
    """Every command of the main window (a str, so it can name QActions and settings)."""

    NEW_PROJECT = "new_project"
    RENAME_PROJECT = "rename_project"
    IMPORT_HOUSEHOLDS = "import_households"
    IMPORT_FLATS = "import_flats"
    EXPORT_HOUSEHOLDS = "export_households"
    EXPORT_FLATS = "export_flats"
    DOWNLOAD_TEMPLATES = "download_templates"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    FIND = "find"
    SETTINGS = "settings"
    ADD_HOUSEHOLD = "add_household"
    EDIT_HOUSEHOLD = "edit_household"
    DELETE_HOUSEHOLD = "delete_household"
    SHOW_HOUSEHOLDS = "show_households"
    SHOW_FLATS = "show_flats"
    SHOW_RULES = "show_rules"
    SHOW_DRAW = "show_draw"
    SHOW_AUDIT = "show_audit"
    SHOW_PROGRESS = "show_progress"
    SHOW_PRINTOUTS = "show_printouts"
    SHOW_SESSION = "show_session"
    BACK_UP = "back_up"
    RESTORE = "restore"
    USERS = "users"
    CASE_LOG = "case_log"
    ABOUT = "about"


@dataclass(frozen=True)
class ActionSpec:
    """What an action looks like; ``shortcut`` is a StandardKey or a portable string."""

    text: str
    shortcut: Key | str | None = None
    tip: str = ""
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut


_WIDGET = Qt.ShortcutContext.WidgetWithChildrenShortcut

SPECS: dict[MainAction, ActionSpec] = {
    MainAction.NEW_PROJECT: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&New project…"), "Ctrl+Shift+N",
        QT_TRANSLATE_NOOP("MainAction", "Create an empty resettlement project")),
    MainAction.RENAME_PROJECT: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "Project &name and title…")),
    MainAction.IMPORT_HOUSEHOLDS: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "Import &households…"), None,
        QT_TRANSLATE_NOOP("MainAction", "Register households from an Excel file")),
    MainAction.IMPORT_FLATS: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "Import &flats…"), None,
        QT_TRANSLATE_NOOP("MainAction", "Register flats from an Excel file")),
    MainAction.EXPORT_HOUSEHOLDS: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Export households…")),
    MainAction.EXPORT_FLATS: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "Export f&lats…")),
    MainAction.DOWNLOAD_TEMPLATES: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "Save Excel &templates…"), None,
        QT_TRANSLATE_NOOP("MainAction", "Save empty Excel sheets with the columns Anju reads")),
    MainAction.QUIT: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&Quit"), Key.Quit),
    MainAction.UNDO: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "Undo"), Key.Undo),
    MainAction.REDO: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "Redo"), Key.Redo),
    MainAction.FIND: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Find…"), Key.Find,
        QT_TRANSLATE_NOOP("MainAction", "Search by code, name, ID number or phone")),
    MainAction.SETTINGS: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Settings…"), Key.Preferences),
    MainAction.ADD_HOUSEHOLD: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Add household…"), Key.New,
        QT_TRANSLATE_NOOP("MainAction", "Register a new household with its members")),
    MainAction.EDIT_HOUSEHOLD: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Edit household…"), "Ctrl+E",
        QT_TRANSLATE_NOOP("MainAction", "Edit the selected household (or double-click it)")),
    MainAction.DELETE_HOUSEHOLD: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Delete household"), Key.Delete,
        QT_TRANSLATE_NOOP("MainAction", "Delete the selected household (can be undone)"),
        _WIDGET),
    MainAction.SHOW_HOUSEHOLDS: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Households"), "Ctrl+1"),
    MainAction.SHOW_FLATS: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "F&lats"), "Ctrl+2"),
    MainAction.SHOW_RULES: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&Rules"), "Ctrl+3"),
    MainAction.SHOW_DRAW: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&Draw"), "Ctrl+4"),
    MainAction.SHOW_AUDIT: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "A&udit log"), "Ctrl+5"),
    MainAction.SHOW_PROGRESS: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Progress"), "Ctrl+6",
        QT_TRANSLATE_NOOP("MainAction", "Daily report by team, every household's progress, "
                          "requests waiting for an answer")),
    MainAction.CASE_LOG: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Case log…"), "Ctrl+L",
        QT_TRANSLATE_NOOP("MainAction", "Team, visits, requests, special cases and progress "
                          "of the selected household")),
    MainAction.SHOW_PRINTOUTS: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "P&rintouts"), "Ctrl+7",
        QT_TRANSLATE_NOOP("MainAction", "Notices, agreements, slips and statistics; "
                          "publications and objections")),
    MainAction.SHOW_SESSION: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Selection session"), "Ctrl+8",
        QT_TRANSLATE_NOOP("MainAction", "The on-site selection desk and the hall display")),
    MainAction.BACK_UP: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Back up the database…"), None,
        QT_TRANSLATE_NOOP("MainAction", "A consistent copy, safe while Anju runs")),
    MainAction.RESTORE: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "Restore from a &backup…"), None,
        QT_TRANSLATE_NOOP("MainAction", "Replace the open database with a backup "
                          "(administrators)")),
    MainAction.USERS: ActionSpec(
        QT_TRANSLATE_NOOP("MainAction", "&Users…"), None,
        QT_TRANSLATE_NOOP("MainAction", "Add users, set their roles, reset passwords "
                          "(administrators)")),
    MainAction.ABOUT: ActionSpec(QT_TRANSLATE_NOOP("MainAction", "&About Anju")),
}


def action_text(action: MainAction) -> str:
    """The translated menu text of an action (with its & mnemonic)."""
    return QCoreApplication.translate(CONTEXT, SPECS[action].text)


def create_action(action: MainAction, parent: QObject,
                  slot: Callable[[], object] | None = None) -> QAction:
    """A QAction for ``action``, its ``triggered`` connected to ``slot`` when given."""
    spec = SPECS[action]
    qaction = QAction(action_text(action), parent)
    qaction.setObjectName(action.value)
    _apply_spec(qaction, spec)
    if slot is not None:
        qaction.triggered.connect(lambda _checked=False: slot())
    return qaction


def _apply_spec(qaction: QAction, spec: ActionSpec) -> None:
    if isinstance(spec.shortcut, Key):
        sequence = QKeySequence(spec.shortcut)
        # Some platforms have no standard key (Quit on Windows): fall back to nothing.
        if not sequence.isEmpty():
            qaction.setShortcut(sequence)
    elif spec.shortcut:
        qaction.setShortcut(QKeySequence(spec.shortcut))
    qaction.setShortcutContext(spec.context)
    if spec.tip:
        tip = QCoreApplication.translate(CONTEXT, spec.tip)
        qaction.setToolTip(tip)
        qaction.setStatusTip(tip)


def create_undo_actions(stack: QUndoStack, parent: QObject) -> tuple[QAction, QAction]:
    """Undo and Redo actions whose text ("Undo Edit household H001") and state follow the stack."""
    undo = stack.createUndoAction(parent, action_text(MainAction.UNDO))
    redo = stack.createRedoAction(parent, action_text(MainAction.REDO))
    for qaction, action in ((undo, MainAction.UNDO), (redo, MainAction.REDO)):
        qaction.setObjectName(action.value)
        _apply_spec(qaction, SPECS[action])
    return undo, redo
