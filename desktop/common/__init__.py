"""What every page shares: the app context, the one database worker and what its writes
changed, the project-page base, undo, actions, settings and the Excel file dialogs."""

from db.audit import NO_CHANGES, Changes
from desktop.common.actions import MainAction, create_action, create_undo_actions
from desktop.common.context import AppContext
from desktop.common.dates import chosen_date, date_edit, optional_date, optional_date_edit
from desktop.common.events import AppEvents
from desktop.common.excel_files import (
    KINDS,
    SPREADSHEET_FILTER,
    XLSX_FILTER,
    ask_save_path,
    last_folder,
    remember_folder,
    translated,
    with_suffix,
)
from desktop.common.file_dialogs import open_file_name, save_file_name
from desktop.common.fitting import ElidedLabel, scrolled
from desktop.common.operations import DbOp, LatestLoad, wait_for_idle
from desktop.common.page import ProjectPage
from desktop.common.settings import (
    APPLICATION,
    DESK_SPLITTER,
    FLAT_COLUMNS,
    HOUSEHOLD_COLUMNS,
    LANGUAGE,
    LANGUAGES,
    LAST_BACKUP,
    LAST_PROJECT,
    ORGANISATION,
    RULES_SPLITTER,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    WITNESS_FILE,
    get,
    language_label,
    put,
    remember_splitter,
)
from desktop.common.undo import ServiceCommand, Step, apply_and_push

__all__ = [
    "open_file_name",
    "save_file_name",
    "MainAction",
    "create_action",
    "create_undo_actions",
    "KINDS",
    "SPREADSHEET_FILTER",
    "XLSX_FILTER",
    "ask_save_path",
    "last_folder",
    "remember_folder",
    "translated",
    "with_suffix",
    "APPLICATION",
    "AppContext",
    "AppEvents",
    "Changes",
    "NO_CHANGES",
    "ProjectPage",
    "ElidedLabel",
    "DESK_SPLITTER",
    "RULES_SPLITTER",
    "remember_splitter",
    "scrolled",
    "DbOp",
    "FLAT_COLUMNS",
    "HOUSEHOLD_COLUMNS",
    "LANGUAGE",
    "LANGUAGES",
    "LAST_BACKUP",
    "LAST_PROJECT",
    "LatestLoad",
    "ORGANISATION",
    "ServiceCommand",
    "Step",
    "WINDOW_GEOMETRY",
    "WINDOW_STATE",
    "WITNESS_FILE",
    "apply_and_push",
    "get",
    "language_label",
    "put",
    "wait_for_idle",
    "chosen_date",
    "date_edit",
    "optional_date",
    "optional_date_edit",
]
