"""The Households page: the registry table with instant search, filters, and add/edit/delete.

Rows come from ``db.casework.household_rows_at_their_stage`` (the registry's
rows with each household's stage) on the database worker; the page reloads
them whenever a committed write names households or the selection session
(its own undoable commands included), keeping the selection.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from allocation.registry import Condition, HouseholdId, HouseholdStatus
from db.casework import household_rows_at_their_stage
from db.registry import HouseholdRow, StoredHousehold, get_household
from desktop import common as settings
from desktop.casework import CaseLogDialog, open_case_log
from desktop.common import AppContext, ElidedLabel, MainAction, ProjectPage, create_action
from desktop.i18n import show_error
from desktop.registry.household_commands import delete_household_undoably
from desktop.registry.household_dialog import HouseholdDialog
from desktop.registry.households_model import (
    CONDITION_ORDER,
    HouseholdTableModel,
    condition_label,
    status_label,
)

SEARCH_DELAY_MS = 150  # one keystroke filters 100,000 rows in well under this
SEARCH_WIDTH = 200  # px at least for the search box; 300 made the page wider than 1280 px
FIRST_SCREEN_ROWS = 200  # rows measured when sizing columns to their content
COLUMN_PADDING = 18
MIN_PADDING = 6  # when the columns would not fit the window with the full padding
MIN_COLUMN_WIDTH = 64


def _padded(widths: list[int], room: int) -> list[int]:
    """Content widths with air: COLUMN_PADDING each, less (down to MIN_PADDING) when the
    columns would not fit ``room`` with it, as at 1280 px in Chinese."""
    padded: list[int] = []
    for padding in range(COLUMN_PADDING, MIN_PADDING - 1, -1):
        padded = [max(width + padding, MIN_COLUMN_WIDTH) for width in widths]
        if sum(padded) <= room:
            break
    return padded


class HouseholdsPage(ProjectPage, QWidget):
    """Every household of the current project; ``loaded`` fires after each (re)load."""

    loaded = Signal()
    follows = ("households", "session")  # a flat chosen at the desk moves a stage to 已选房
    reloads_after_own_writes = True  # undo steps and dialogs: the database numbers rows

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow(ctx)
        self._sized = False
        self._select_code: str | None = None
        self.dialog: HouseholdDialog | None = None
        self.model = HouseholdTableModel(self)
        self._build_actions()
        self._build_filters()
        self._build_table()
        self._lay_out()
        self._update_actions()

    # --- building -------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.actions_by_name = {
            MainAction.ADD_HOUSEHOLD: create_action(
                MainAction.ADD_HOUSEHOLD, self, self.add_household),
            MainAction.EDIT_HOUSEHOLD: create_action(
                MainAction.EDIT_HOUSEHOLD, self, self.edit_selected),
            MainAction.DELETE_HOUSEHOLD: create_action(
                MainAction.DELETE_HOUSEHOLD, self, self.delete_selected),
            MainAction.CASE_LOG: create_action(MainAction.CASE_LOG, self, self.open_case_log),
        }
        # Delete must only fire when the page has focus (text fields keep their Delete key).
        self.addActions(list(self.actions_by_name.values()))

    def _build_filters(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Search by code, name, ID number or phone"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(SEARCH_WIDTH)
        self.condition_combo = QComboBox()
        self.condition_combo.addItem(self.tr("All special conditions"), None)
        for condition in CONDITION_ORDER:
            self.condition_combo.addItem(condition_label(condition), condition.value)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All stages"), None)
        for status in HouseholdStatus:
            self.status_combo.addItem(status_label(status), status.value)
        self.count_label = ElidedLabel()  # "Showing 199 of 199 households": long in English
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self.apply_filter)
        self.condition_combo.currentIndexChanged.connect(self.apply_filter)
        self.status_combo.currentIndexChanged.connect(self.apply_filter)

    def _build_table(self) -> None:
        table = self.table = QTableView()
        table.setModel(self.model)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setResizeContentsPrecision(FIRST_SCREEN_ROWS)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        table.setSortingEnabled(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        table.doubleClicked.connect(lambda _index: self.edit_selected())
        table.installEventFilter(self)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.model.modelReset.connect(self._update_actions)

    def _lay_out(self) -> None:
        # Commands first, then the search, as on the Flats page.
        bar = QHBoxLayout()
        for action in self.actions_by_name.values():
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)
        bar.addSpacing(12)
        bar.addWidget(self.search_edit, 2)
        bar.addWidget(self.condition_combo)
        bar.addWidget(self.status_combo)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    # --- loading --------------------------------------------------------------------

    def set_project(self) -> None:
        """The project changed: show its households (the filters stay as they are)."""
        self.reload()

    def reload(self) -> None:
        """Load the rows on the database worker; the newest load wins."""
        project_id = self._ctx.project_id
        if project_id is None:
            self._loads.cancel()
            self._show_rows([])
            return
        self.count_label.setText(self.tr("Loading…"))
        self._loads.run(lambda s: household_rows_at_their_stage(s, project_id), self._show_rows,
                        self._load_failed)

    def _show_rows(self, rows: list[HouseholdRow]) -> None:
        keep = self.selected_id()
        self.model.set_rows(rows)
        self._reselect(keep)
        if not self._sized and rows:
            self._size_columns()
        self._update_count()
        self.loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            self.count_label.setText("")
            show_error(self, error)

    def _size_columns(self) -> None:
        # Measure the first screen once; later reloads keep the operator's widths.
        self._sized = True
        saved = settings.get(settings.HOUSEHOLD_COLUMNS)
        header = self.table.horizontalHeader()
        if saved.isEmpty() or not header.restoreState(saved):
            self.table.resizeColumnsToContents()
            widths = [self.table.columnWidth(c) for c in range(self.model.columnCount())]
            for column, width in enumerate(_padded(widths, self._table_room())):
                self.table.setColumnWidth(column, width)

    def _table_room(self) -> int:
        """The width the columns may take without a horizontal scroll bar."""
        room = self.table.viewport().width()
        scroll_bar = self.table.verticalScrollBar()
        if not scroll_bar.isVisible():  # it appears once the rows are shown
            room -= scroll_bar.sizeHint().width()
        return room

    def save_state(self) -> None:
        """Remember the column widths and order (called when the window closes)."""
        if self._sized:
            settings.put(settings.HOUSEHOLD_COLUMNS, self.table.horizontalHeader().saveState())

    # --- filtering ------------------------------------------------------------------

    def apply_filter(self) -> None:
        """Filter now (typing waits SEARCH_DELAY_MS for the next key first)."""
        self._search_timer.stop()
        keep = self.selected_id()
        condition = self.condition_combo.currentData()
        status = self.status_combo.currentData()
        self.model.set_filter(self.search_edit.text(),
                              Condition(condition) if condition else None,
                              HouseholdStatus(status) if status else None)
        self._reselect(keep)
        self._update_count()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("Showing {shown} of {total} households").format(
            shown=self.model.visible_count, total=self.model.total_count))

    # --- selection ------------------------------------------------------------------

    def selected_row(self) -> HouseholdRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_id(self) -> HouseholdId | None:
        row = self.selected_row()
        return row.id if row else None

    def select_view_row(self, view_row: int) -> None:
        index = self.model.index(view_row, 0)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _reselect(self, household_id: HouseholdId | None) -> None:
        if self._select_code is not None:
            code, self._select_code = self._select_code, None
            household_id = self.model.id_of_code(code) or household_id
        if household_id is None:
            return
        view_row = self.model.view_row_of(household_id)
        if view_row is not None:
            self.select_view_row(view_row)

    def _update_actions(self) -> None:
        has_project = self._ctx.project_id is not None
        selected = has_project and self.selected_row() is not None
        self.actions_by_name[MainAction.ADD_HOUSEHOLD].setEnabled(has_project)
        self.actions_by_name[MainAction.EDIT_HOUSEHOLD].setEnabled(selected)
        self.actions_by_name[MainAction.DELETE_HOUSEHOLD].setEnabled(selected)
        self.actions_by_name[MainAction.CASE_LOG].setEnabled(selected)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # Enter on a row opens it, as a double-click does.
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.edit_selected()
            return True
        return super().eventFilter(watched, event)

    # --- commands -------------------------------------------------------------------

    def add_household(self) -> None:
        if self._ctx.project_id is not None:
            self._open_dialog(None)

    def edit_selected(self) -> None:
        """Open the selected household, freshly read with its version."""
        row = self.selected_row()
        if row is None:
            return
        (self._ctx.op(lambda session: get_household(session, row.id), read_only=True)
         .success(self._open_dialog)
         .failure(lambda error: show_error(self, error))
         .run_in_background())

    def _open_dialog(self, stored: StoredHousehold | None) -> None:
        if not shiboken6.isValid(self):
            return
        dialog = HouseholdDialog(self._ctx, stored, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._after_save(dialog))
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    def _after_save(self, dialog: HouseholdDialog) -> None:
        self._select_code = dialog.household().code

    def _dialog_closed(self) -> None:
        self.dialog = None

    def open_case_log(self) -> CaseLogDialog | None:
        """The selected household's case log: team and pair, visits, requests, progress."""
        row = self.selected_row()
        return None if row is None else open_case_log(self._ctx, row.id, self.window())

    def delete_selected(self) -> None:
        """Delete the selected household after a confirmation naming it; Undo brings it back."""
        row = self.selected_row()
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete household"),
            self.tr("Delete household {code} ({head}) with its {members} members?\n"
                    "You can bring it back with Edit › Undo.").format(
                code=row.code, head=row.head_name, members=row.members),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            delete_household_undoably(self._ctx, row.id, row.code)
