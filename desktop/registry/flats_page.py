"""The Flats page: the housing stock as a table and as a building picture, with search and edits.

Both views show the same loaded flats and the same filter (the building
picture fades what the filter hides instead of leaving holes in the
building). Adds, edits and deletes are undoable changes; the page reloads
whenever anyone announces that flats changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from allocation.registry import FlatId, FlatStatus
from db.registry import StoredFlat, load_flats
from desktop import common as settings
from desktop.common import AppContext, Changes, ProjectPage
from desktop.i18n import describe_error
from desktop.registry.building_view import BuildingView
from desktop.registry.flat_dialog import FlatDialog, Suggestions, delete_change, run_change
from desktop.registry.flats_model import (
    STATUS_COLOURS,
    STATUS_ROLE,
    Column,
    FlatFilter,
    FlatTableModel,
    building_label,
    status_label,
)

LIST_TAB, BUILDING_TAB = 0, 1


class StatusDelegate(QStyledItemDelegate):
    """Paints the status as a small coloured chip, so a wide column is not a wall of colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        try:
            status = FlatStatus(index.data(STATUS_ROLE))
        except ValueError:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None and option.state & QStyle.StateFlag.State_Selected:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option,
                                painter, option.widget)
        colours = STATUS_COLOURS[status]
        text = status_label(status)
        width = option.fontMetrics.horizontalAdvance(text) + 20
        rect = QRect(option.rect.left() + 4, option.rect.top() + 3, width,
                     option.rect.height() - 6)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(colours.background.darker(125))
        painter.setBrush(colours.background)
        painter.drawRoundedRect(rect, 4, 4)
        font = option.font
        font.setStrikeOut(colours.strike)
        painter.setFont(font)
        painter.setPen(colours.text)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class FlatsPage(ProjectPage, QWidget):
    """The housing stock of ``ctx.project_id``; call :meth:`set_project` when it changes.

    Signals:
        loaded(): the flats were (re)loaded and both views show them.
    """

    loaded = Signal()
    follows = ("flats",)
    reloads_after_own_writes = True  # the database assigns ids and versions

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow(ctx)
        self._select_after_load: list[FlatId] = []
        self._columns_sized_for: object = None  # the project the columns were fitted to
        self._columns_shown = False  # fitted or restored once: the widths are worth keeping
        self._columns_pending = False
        self.model = FlatTableModel(self)
        self._make_filters()
        self._make_views()
        self._make_actions()
        self._lay_out()
        self._update_actions()

    # --- widgets -------------------------------------------------------------

    def _make_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search number, layout, orientation…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.textChanged.connect(self._apply_filter)
        self.building_filter = self._filter_combo()
        self.layout_filter = self._filter_combo()
        self.status_filter = self._filter_combo()
        self.count_label = QLabel()

    def _filter_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(self._apply_filter)
        return combo

    def _make_views(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.BUILDING, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        # Right-aligned number headers otherwise touch the next left-aligned one (楼层房号).
        self.table.horizontalHeader().setStyleSheet("QHeaderView::section { padding: 3px 6px; }")
        self.table.setItemDelegateForColumn(Column.STATUS, StatusDelegate(self.table))
        self.table.doubleClicked.connect(lambda _index: self.edit_flat())
        self.table.selectionModel().selectionChanged.connect(self._table_selection_changed)
        self.building_view = BuildingView()
        self.building_view.flatActivated.connect(self._building_flat_activated)
        self.building_view.editRequested.connect(lambda fid: self.edit_flat(FlatId(fid)))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, self.tr("List"))
        self.tabs.addTab(self.building_view, self.tr("Building view"))
        self.tabs.currentChanged.connect(lambda _index: self._update_actions())

    def _make_actions(self) -> None:
        self.add_action = self._action(self.tr("&Add flat…"), self.add_flat,
                                       QKeySequence.StandardKey.New)
        self.edit_action = self._action(self.tr("&Edit…"), lambda: self.edit_flat(), None)
        self.delete_action = self._action(self.tr("&Delete"), self.delete_flats,
                                          QKeySequence.StandardKey.Delete)
        # Enter edits in the table, as double-click does; only there, not in the search box.
        edit_key = QAction(self.table)
        edit_key.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        edit_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        edit_key.triggered.connect(lambda: self.edit_flat())
        self.table.addAction(edit_key)

    def _action(self, text: str, slot: Any, key: QKeySequence.StandardKey | None) -> QAction:
        action = QAction(text, self)
        if key is not None:
            action.setShortcut(QKeySequence(key))
            # Page-wide, so Del works in both views but never in another page.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        for action in (self.add_action, self.edit_action, self.delete_action):
            bar.addWidget(self._button(action))
        bar.addSpacing(16)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.building_filter)
        bar.addWidget(self.layout_filter)
        bar.addWidget(self.status_filter)
        bar.addSpacing(8)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)

    @staticmethod
    def _button(action: QAction) -> QPushButton:
        button = QPushButton(action.text())
        button.clicked.connect(action.trigger)
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
        button.setEnabled(action.isEnabled())
        return button

    # --- loading -------------------------------------------------------------

    def set_project(self) -> None:
        """Show the flats of ``ctx.project_id`` (nothing when no project is open)."""
        self._select_after_load.clear()
        self.reload()

    def reload(self) -> None:
        """Load the flats in the background; a newer reload wins over an older one."""
        project_id = self._ctx.project_id
        if project_id is None:
            self._loads.cancel()
            self._show_rows([])
            return
        self._loads.run(lambda s: load_flats(s, project_id), self._show_rows, self._load_failed)

    def _load_failed(self, error: BaseException) -> None:
        self.count_label.setText(describe_error(error))

    def _show_rows(self, rows: list[StoredFlat]) -> None:
        keep = self._select_after_load or self.selected_ids()
        self.model.set_rows(rows)
        if self._columns_sized_for != self._ctx.project_id:
            # Once a project: a header is no wider than its column ("Base price
            # (yuan/m²)", 基准价 were cut at Qt's 100 px); the operator's widths stay after
            # that. A hidden table measures nothing: then when the page is shown.
            self._columns_sized_for = self._ctx.project_id
            self._columns_pending = True
            self._fit_columns_once()
        self.building_view.set_flats(rows)
        self._refill_filters()
        self._apply_filter()
        self._select(keep)
        self._select_after_load = []
        self._update_actions()
        self.loaded.emit()

    def refresh(self, changes: Changes, initiator: Any) -> None:
        # After our own edit (an undo step), select the flats it touched.
        change = getattr(initiator, "change", None)
        if change is not None:
            self._select_after_load = list(getattr(change, "flat_ids", []))
        self.reload()

    # --- filters -------------------------------------------------------------

    def _refill_filters(self) -> None:
        self._refill(self.building_filter, self.tr("All buildings"),
                     [(building_label(b), b) for b in self.model.buildings()])
        self._refill(self.layout_filter, self.tr("All layouts"),
                     [(layout, layout) for layout in self.model.layouts()])
        self._refill(self.status_filter, self.tr("All statuses"),
                     [(status_label(s), s.value) for s in FlatStatus])

    @staticmethod
    def _refill(combo: QComboBox, everything: str, items: list[tuple[str, Any]]) -> None:
        kept = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, value in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(kept)) if kept is not None else 0)
        combo.blockSignals(False)

    def current_filter(self) -> FlatFilter:
        status = self.status_filter.currentData()
        return FlatFilter(text=self.search.text(), building=self.building_filter.currentData(),
                          layout=self.layout_filter.currentData(),
                          status=FlatStatus(status) if status else None)

    def _apply_filter(self) -> None:
        keep = self.selected_ids()
        flat_filter = self.current_filter()
        self.model.set_filter(flat_filter)
        self._select(keep)
        everything = flat_filter == FlatFilter()
        shown = None if everything else {s.id for s in self.model.shown_flats()}
        self.building_view.set_shown(shown)
        if flat_filter.building is not None:
            self.building_view.set_building(flat_filter.building)
        self.count_label.setText(self.tr("{shown} of {total} flats").format(
            shown=self.model.rowCount(), total=self.model.total_count()))

    # --- selection -----------------------------------------------------------

    def selected_ids(self) -> list[FlatId]:
        """The flats the operator has chosen in the visible view."""
        if self.tabs.currentIndex() == BUILDING_TAB:
            current = self.building_view.current_flat_id()
            return [current] if current is not None else []
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.flat_at(row).id for row in rows if row < self.model.rowCount()]

    def selected_flats(self) -> list[StoredFlat]:
        by_id = {s.id: s for s in self.model.all_flats()}
        return [by_id[i] for i in self.selected_ids() if i in by_id]

    def _select(self, flat_ids: list[FlatId]) -> None:
        """Select these flats in both views (those the filter hides stay unselected)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        rows = [r for r in (self.model.row_of(i) for i in flat_ids) if r is not None]
        for row in rows:
            selection.select(self.model.index(row, 0),
                             selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        if rows:
            first = self.model.index(rows[0], 0)
            # NoUpdate: the view's own setCurrentIndex would drop the other selected rows.
            selection.setCurrentIndex(first, selection.SelectionFlag.NoUpdate)
            self.table.scrollTo(first)
        self.building_view.select_flat(flat_ids[0] if flat_ids else None)

    def _table_selection_changed(self) -> None:
        index = self.table.currentIndex()
        if index.isValid() and self.tabs.currentIndex() == LIST_TAB:
            self.building_view.select_flat(self.model.flat_at(index.row()).id)
        self._update_actions()

    def _building_flat_activated(self, flat_id: int) -> None:
        row = self.model.row_of(flat_id)
        if row is not None:
            self.table.selectRow(row)
        self._update_actions()

    def _update_actions(self) -> None:
        has_project = self._ctx.project_id is not None
        count = len(self.selected_ids())
        self.add_action.setEnabled(has_project)
        self.edit_action.setEnabled(has_project and count == 1)
        self.delete_action.setEnabled(has_project and count > 0)

    # --- editing -------------------------------------------------------------

    def add_flat(self) -> FlatDialog | None:
        """Open the dialog for a new flat (window-modal, returns at once)."""
        if self._ctx.project_id is None:
            return None
        return self._open_dialog(None)

    def edit_flat(self, flat_id: FlatId | None = None) -> FlatDialog | None:
        """Open the dialog on one flat: ``flat_id``, or the selected one."""
        flats = self.model.all_flats()
        if flat_id is None:
            chosen = self.selected_flats()
            stored = chosen[0] if len(chosen) == 1 else None
        else:
            stored = next((s for s in flats if s.id == flat_id), None)
        return self._open_dialog(stored) if stored is not None else None

    def _open_dialog(self, stored: StoredFlat | None) -> FlatDialog:
        suggestions = Suggestions.from_flats(self.model.all_flats())
        dialog = FlatDialog(self._ctx, stored, self, suggestions=suggestions)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def delete_flats(self) -> bool:
        """Delete the selected flats after the operator confirms; True if asked to delete.

        The deletion runs on the worker; a refusal is shown in a warning box.
        """
        flats = self.selected_flats()
        if not flats or not self._confirm_delete(flats):
            return False

        def refused(error: BaseException) -> None:
            QMessageBox.warning(self, self.tr("Delete flats"), describe_error(error))

        run_change(self._ctx, delete_change(self._ctx, flats), refused=refused)
        return True

    def _confirm_delete(self, flats: list[StoredFlat]) -> bool:
        keys = "、".join(s.flat.key for s in flats[:10]) + ("…" if len(flats) > 10 else "")
        text = self.tr("Delete {count} flat(s): {keys}?").format(count=len(flats), keys=keys)
        taken = [s.flat.key for s in flats if s.flat.status != FlatStatus.AVAILABLE]
        if taken:
            text += "\n\n" + self.tr("Not available (reserved, selected or unavailable): "
                                     "{keys}").format(keys="、".join(taken))
        text += "\n\n" + self.tr("You can undo this with Edit ▸ Undo.")
        answer = QMessageBox.question(
            self, self.tr("Delete flats"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _fit_columns_once(self) -> None:
        if self._columns_pending and self.table.isVisible():
            self._columns_pending = False
            self._columns_shown = True
            # The widths this user left last time come first; fitted only without them.
            saved = settings.get(settings.FLAT_COLUMNS)
            if saved.isEmpty() or not self.table.horizontalHeader().restoreState(saved):
                self.resize_columns()

    def save_state(self) -> None:
        """Remember the column widths and order (called when the window closes)."""
        if self._columns_shown:  # never shown: Qt's 100 px, not the user's widths
            settings.put(settings.FLAT_COLUMNS, self.table.horizontalHeader().saveState())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._fit_columns_once()

    def resize_columns(self) -> None:
        """Fit the columns to their contents (after the first load of a project)."""
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        # The last column stretches to the edge; widening it too would add a scroll bar.
        for column in range(self.model.columnCount() - 1):
            header.resizeSection(column, max(header.sectionSize(column) + 16, 72))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
