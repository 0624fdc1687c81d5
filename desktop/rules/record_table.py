"""An editable table of policy records (tiers, items, groups), one JSON object per row.

Each row keeps its whole record, so keys without a column (an item's
conditions) survive edits and moves. Cell text is written back as the JSON
form expects: decimals as typed (the policy reports bad ones), whole
numbers as int when they are, empty optional cells as null, lists split on
commas. Problems are shown on the cells their key paths name.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.rules.policy_words import CHOICES, choice_label, mark

KEY_ROLE = Qt.ItemDataRole.UserRole
INVALID_BACKGROUND = QColor("#ffd6d6")
_ITEM_PATH = re.compile(r"^\[(\d+)\](?:\.(.*))?$")
_SPLIT = re.compile(r"\s*[,，、]\s*")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: ``key`` (dotted for a nested object), translated ``title``, ``kind``.

    Kinds: ``text``, ``decimal``, ``int``, ``list`` (of texts) and ``choice``
    (keys of the ``choices`` group of :data:`policy_words.CHOICES`).
    """

    key: str
    title: str
    kind: str = "text"
    nullable: bool = False
    choices: str = ""
    options: tuple[str, ...] = ()  # the keys offered, when not every key of the group fits
    width: int = 0
    tip: str = ""


def split_list(text: str) -> list[str]:
    """A list of texts as typed: separated by commas (either width) or 、; empty: none."""
    text = text.strip()
    return [part for part in _SPLIT.split(text) if part] if text else []


def get_path(record: dict[str, Any], key: str) -> Any:
    value: Any = record
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def set_path(record: dict[str, Any], key: str, value: Any) -> None:
    *parents, last = key.split(".")
    target = record
    for part in parents:
        if not isinstance(target.get(part), dict):
            target[part] = {}
        target = target[part]
    target[last] = value


class _ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of translated labels whose choice is stored as the policy's key."""

    def __init__(self, group: str, options: tuple[str, ...], parent: QWidget) -> None:
        super().__init__(parent)
        self._group = group
        self._options = options or tuple(CHOICES[group])

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem,  # noqa: N802
                     _index: Index) -> QWidget:
        combo = QComboBox(parent)
        for key in self._options:
            combo.addItem(choice_label(self._group, key), key)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(KEY_ROLE))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), KEY_ROLE)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class RecordTable(QWidget):
    """Rows of records with add, remove and move buttons; ``changed`` on every edit."""

    changed = Signal()
    current_changed = Signal(int)

    def __init__(self, columns: list[Column], new_record: Callable[[], dict[str, Any]], *,
                 finish: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._new_record = new_record
        self._finish = finish
        self._records: list[dict[str, Any]] = []
        self._loading = False
        self._restructuring = False  # rows and records differ for a moment: no current_changed
        self.table = QTableWidget(0, len(columns))
        self._warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._build_table()
        self.add_button = self._button(self.tr("Add"), self.tr("Add a row"), self.add_row)
        self.remove_button = self._button(self.tr("Remove"), self.tr("Remove the current row"),
                                          self.remove_row)
        self.up_button = self._button(self.tr("Up"), self.tr("Move the current row up"),
                                      lambda: self.move_row(-1))
        self.down_button = self._button(self.tr("Down"), self.tr("Move the current row down"),
                                        lambda: self.move_row(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self._buttons = buttons
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def add_beside_buttons(self, widget: QWidget) -> None:
        """``widget`` (a short note) after the buttons, in the room the row has to spare."""
        self._buttons.addWidget(widget, 1)

    def _build_table(self) -> None:
        table = self.table
        table.setHorizontalHeaderLabels([c.title for c in self.columns])
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for index, column in enumerate(self.columns):
            if column.width:
                table.setColumnWidth(index, column.width)
            if column.tip:
                table.horizontalHeaderItem(index).setToolTip(column.tip)
            if column.kind == "choice":
                delegate = _ChoiceDelegate(column.choices, column.options, table)
                table.setItemDelegateForColumn(index, delegate)
        table.itemChanged.connect(self._item_changed)
        table.currentCellChanged.connect(
            lambda row, _c, previous, _p: row != previous and not self._restructuring
            and self.current_changed.emit(row))

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda: slot())
        return button

    # --- data -----------------------------------------------------------------------

    def set_records(self, records: list[dict[str, Any]]) -> None:
        """Show ``records`` (copied) without emitting ``changed``."""
        self._loading = True
        self._records = [copy.deepcopy(r) if isinstance(r, dict) else {} for r in records]
        self.table.setRowCount(0)
        for row, record in enumerate(self._records):
            self.table.insertRow(row)
            self._fill_row(row, record)
        self._loading = False
        if self._records:
            self.table.setCurrentCell(0, 0)
        self.current_changed.emit(self.table.currentRow())

    def records(self) -> list[dict[str, Any]]:
        """Every row as a record of the JSON form."""
        result = []
        for row, base in enumerate(self._records):
            record = copy.deepcopy(base)
            for col, column in enumerate(self.columns):
                set_path(record, column.key, self._cell_value(row, col))
            result.append(self._finish(record) if self._finish else record)
        return result

    def record(self, row: int) -> dict[str, Any]:
        return self.records()[row]

    def update_record(self, row: int, key: str, value: Any) -> None:
        """Change a key that has no column (an item's condition)."""
        if 0 <= row < len(self._records):
            self._records[row][key] = value
            self.changed.emit()

    def set_cell(self, row: int, key: str, value: Any) -> None:
        """Put a value in a cell, as typing it would (choices by key)."""
        col = next(i for i, c in enumerate(self.columns) if c.key == key)
        self.table.setItem(row, col, self._item(self.columns[col], value))

    def _fill_row(self, row: int, record: dict[str, Any]) -> None:
        for col, column in enumerate(self.columns):
            self.table.setItem(row, col, self._item(column, get_path(record, column.key)))

    def _item(self, column: Column, value: Any) -> QTableWidgetItem:
        if column.kind == "choice":
            item = QTableWidgetItem(choice_label(column.choices, value))
            item.setData(KEY_ROLE, value)
            return item
        if isinstance(value, list):
            text = ", ".join(map(str, value))
        else:
            text = "" if value is None else str(value)
        item = QTableWidgetItem(text)
        if column.kind in ("decimal", "int"):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _cell_value(self, row: int, col: int) -> Any:
        column, item = self.columns[col], self.table.item(row, col)
        if column.kind == "choice":
            return None if item is None else item.data(KEY_ROLE)
        text = "" if item is None else item.text().strip()
        if column.kind == "list":
            return split_list(text)
        if text == "" and column.nullable:
            return None
        if column.kind == "int" and re.fullmatch(r"-?[0-9]+", text):
            return int(text)
        return text

    def _item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self.changed.emit()

    # --- rows -----------------------------------------------------------------------

    def add_row(self) -> int:
        row = self.table.rowCount()
        record = self._new_record()
        self._records.append(copy.deepcopy(record))
        self._loading = True
        self.table.insertRow(row)
        self._fill_row(row, record)
        self._loading = False
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        self.changed.emit()
        return row

    def finish_editing(self) -> None:
        """Close a cell's open editor, keeping what was typed, before rows change.

        The Remove and Up/Down buttons take no focus, so a cell being edited is still
        open when they are clicked; closing it later would write into a row that moved
        or is gone.
        """
        if self.table.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.table.indexWidget(self.table.currentIndex())
        if editor is not None:
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def remove_row(self) -> None:
        self.finish_editing()
        row = self.table.currentRow()
        if not 0 <= row < len(self._records):
            return
        # The table moves its current row while removing; listeners hear of it once both
        # the row and its record are gone, not in between.
        self._restructuring = True
        try:
            self.table.removeRow(row)
            del self._records[row]
        finally:
            self._restructuring = False
        self.current_changed.emit(self.table.currentRow())
        self.changed.emit()

    def move_row(self, step: int) -> None:
        self.finish_editing()
        row = self.table.currentRow()
        target = row + step
        if not (0 <= row < len(self._records) and 0 <= target < len(self._records)):
            return
        records = self.records()
        records[row], records[target] = records[target], records[row]
        self.set_records(records)
        self.table.setCurrentCell(target, 0)
        self.changed.emit()

    # --- state ----------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if read_only else
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setVisible(not read_only)

    def highlight(self, problems: dict[str, str]) -> None:
        """Colour the cells named by paths relative to the list (``[1].start``, ``[1]``, "")."""
        self._loading = True
        for row in range(self.table.rowCount()):
            for col in range(self.table.columnCount()):
                item = self.table.item(row, col)
                if item is not None:
                    item.setData(Qt.ItemDataRole.BackgroundRole, None)
                    item.setData(Qt.ItemDataRole.DecorationRole, None)
                    item.setToolTip("")
        whole = None
        for path, message in problems.items():
            found = _ITEM_PATH.match(path)
            if found is None or int(found.group(1)) >= self.table.rowCount():
                whole = whole or message
                continue
            for col in self._columns_for(found.group(2) or ""):
                item = self.table.item(int(found.group(1)), col)
                if item is not None:
                    # The icon still shows when the row is selected; the colour does not.
                    item.setBackground(INVALID_BACKGROUND)
                    item.setIcon(self._warning)
                    item.setToolTip(message)
        self._loading = False
        mark(self.table, whole)

    def _columns_for(self, rest: str) -> list[int]:
        def names(key: str) -> bool:
            return (rest == key or rest.startswith((key + ".", key + "["))
                    or key.startswith(rest + "."))
        found = [i for i, c in enumerate(self.columns) if rest and names(c.key)]
        return found or list(range(len(self.columns)))
