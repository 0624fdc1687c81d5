"""A list of policy items with conditions: a table of their plain keys, the current item's
conditions edited below it (compensation items, priority groups, categories, extra areas)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.rules.condition_builder import ConditionBuilder
from desktop.rules.record_table import Column, RecordTable

_ITEM_PATH = re.compile(r"^\[(\d+)\]\.([a-z_]+)(?:\.(.*))?$")


@dataclass(frozen=True)
class ConditionSlot:
    """A condition key of each item: its scope, translated title, and check box text if it
    may be absent (``None``)."""

    key: str
    scope: str
    title: str
    optional_text: str = ""


class ItemsEditor(QWidget):
    """Items in a table, the current item's conditions below; ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, columns: list[Column], new_record: Callable[[], dict[str, Any]],
                 slots: list[ConditionSlot], *,
                 finish: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = RecordTable(columns, new_record, finish=finish)
        self.builders: dict[str, ConditionBuilder] = {}
        self._problems: dict[str, str] = {}
        self._row = -1
        self.detail_title = QLabel()
        self.detail_title.setStyleSheet("font-weight: bold;")
        detail = QWidget()
        column = QVBoxLayout(detail)
        column.setContentsMargins(0, 0, 4, 0)
        column.addWidget(self.detail_title)
        for slot in slots:
            builder = ConditionBuilder(slot.scope, optional_text=slot.optional_text)
            builder.changed.connect(lambda key=slot.key: self._condition_edited(key))
            self.builders[slot.key] = builder
            box = QGroupBox(slot.title)
            QVBoxLayout(box).addWidget(builder)
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(detail)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(scroll)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.table.changed.connect(self._table_edited)
        self.table.current_changed.connect(self._show_row)
        self._show_row(-1)

    # --- data -----------------------------------------------------------------------

    def set_records(self, records: list[dict[str, Any]]) -> None:
        self.table.set_records(records)

    def records(self) -> list[dict[str, Any]]:
        return self.table.records()

    def _show_row(self, row: int) -> None:
        self._row = row
        present = 0 <= row < self.table.table.rowCount()
        record = self.table.record(row) if present else {}
        name = record.get("name") or ""
        self.detail_title.setText(
            self.tr("Conditions of “{name}”").format(name=name) if present
            else self.tr("Choose a row above to edit its conditions"))
        for key, builder in self.builders.items():
            builder.setEnabled(present)
            builder.set_condition(record.get(key) if present else None)
        self._highlight_builders()

    def _condition_edited(self, key: str) -> None:
        self.table.update_record(self._row, key, self.builders[key].condition())

    def _table_edited(self) -> None:
        if 0 <= self._row < self.table.table.rowCount():
            name = self.table.record(self._row).get("name") or ""
            self.detail_title.setText(self.tr("Conditions of “{name}”").format(name=name))
        self.changed.emit()

    # --- state ----------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        self.table.set_read_only(read_only)
        for builder in self.builders.values():
            builder.set_read_only(read_only)

    def highlight(self, problems: dict[str, str]) -> None:
        """Mark cells and, for the current item, conditions (paths relative to the list)."""
        self._problems = problems
        self.table.highlight(problems)
        self._highlight_builders()

    def _highlight_builders(self) -> None:
        inside: dict[str, dict[str, str]] = {key: {} for key in self.builders}
        for path, message in self._problems.items():
            found = _ITEM_PATH.match(path)
            if found and int(found.group(1)) == self._row and found.group(2) in inside:
                inside[found.group(2)][found.group(3) or ""] = message
        for key, builder in self.builders.items():
            builder.highlight(inside[key])
