"""A form for one condition of a policy: all or any of rows "fact ▾ comparison ▾ value".

The condition is edited in its JSON form (``{"all": [{"field", "op",
"value"}, …]}``); each term is a :class:`~desktop.widgets.condition_term.TermRow`.
Nested conditions read from a file are kept as they are and shown
read-only, with a button to remove them.
"""

from __future__ import annotations

import json
import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.rules.condition_term import AND, NEW_TERMS, OR, TermRow, as_text, translate
from desktop.rules.policy_words import choice_label, field_label, mark, operator_label

_PATH = re.compile(r"^(all|any)\[(\d+)\](.*)$")


class NestedRow(QWidget):
    """A nested condition or an item the form cannot edit: shown read-only, kept, removable."""

    removed = Signal(object)

    def __init__(self, item: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.label = QLabel(self.tr("Nested: {text}").format(text=describe_item(item)))
        self.label.setWordWrap(True)
        self.label.setToolTip(self.tr("Nested conditions are kept as read from the file; "
                                      "edit them in the JSON file."))
        self.remove_button = QToolButton()
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(self.tr("Remove this condition"))
        self.remove_button.clicked.connect(lambda: self.removed.emit(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.remove_button)

    def set_read_only(self, read_only: bool) -> None:
        self.remove_button.setVisible(not read_only)

    def highlight(self, parts: dict[str, str]) -> None:
        mark(self.label, next(iter(parts.values()), None))


def _discard(widget: QWidget) -> None:
    # Hidden at once: deleteLater waits for the event loop, and until then the widget
    # would still be drawn where it was.
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


def describe_item(item: Any) -> str:
    """A condition item in interface words, for read-only display."""
    if isinstance(item, dict) and len(item) == 1 and next(iter(item)) in ("all", "any"):
        mode, items = next(iter(item.items()))
        joiner = translate(AND if mode == "all" else OR)
        inner = joiner.join(describe_item(i) for i in items) if isinstance(items, list) else ""
        return f"（{inner}）"
    if isinstance(item, dict) and {"field", "op", "value"} <= set(item):
        value = item["value"]
        shown = as_text(value, None if not isinstance(value, str) else "text")
        return f"{field_label(item['field'])} {operator_label(item['op'])} {shown}"
    return json.dumps(item, ensure_ascii=False, default=str)


class ConditionBuilder(QWidget):
    """Edits one condition of ``scope`` ("household" or "member"); ``changed`` on every edit.

    With ``optional_text`` a check box of that text turns the condition on and
    off (off is ``None``, as for a compensation item counted per household).
    """

    changed = Signal()

    def __init__(self, scope: str, *, optional_text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope = scope
        self.rows: list[TermRow | NestedRow] = []
        self._read_only = False
        self.enabled_box = QCheckBox(optional_text) if optional_text else None
        self.mode_combo = QComboBox()
        for mode in ("all", "any"):
            self.mode_combo.addItem(choice_label("mode", mode), mode)
        self.mode_combo.currentIndexChanged.connect(self.changed)
        self.empty_label = QLabel(self.tr("No condition: applies to every household")
                                  if scope == "household"
                                  else self.tr("No condition: applies to every member"))
        self.empty_label.setStyleSheet("color: palette(mid);")
        self.add_button = QPushButton(self.tr("Add condition"))
        self.add_button.clicked.connect(self.add_term)
        self._build()

    def _build(self) -> None:
        head = QHBoxLayout()
        if self.enabled_box is not None:
            head.addWidget(self.enabled_box)
            self.enabled_box.toggled.connect(self._toggled)
        head.addWidget(self.mode_combo)
        head.addStretch(1)
        head.addWidget(self.add_button)
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.empty_label)
        layout.addLayout(self.rows_layout)

    # --- data -----------------------------------------------------------------------

    def set_condition(self, data: Any) -> None:
        """Show ``data`` (a condition in its JSON form, or None) without emitting ``changed``."""
        self.blockSignals(True)
        for row in self.rows:
            _discard(row)
        self.rows = []
        present = data is not None
        if self.enabled_box is not None:
            self.enabled_box.setChecked(present)
        mode = next((k for k in ("all", "any") if isinstance(data, dict) and k in data), "all")
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode))
        items = data.get(mode, []) if isinstance(data, dict) else []
        for item in items if isinstance(items, list) else []:
            self._add_row(item)
        self.blockSignals(False)
        self._update_state()

    def condition(self) -> dict[str, Any] | None:
        if self.enabled_box is not None and not self.enabled_box.isChecked():
            return None
        items = [row.term() if isinstance(row, TermRow) else row.item for row in self.rows]
        return {self.mode_combo.currentData(): items}

    def add_term(self) -> TermRow:
        field, op, value = NEW_TERMS[self.scope]
        row = self._add_row({"field": field, "op": op, "value": value})
        assert isinstance(row, TermRow)
        row.field_combo.setFocus()
        self._update_state()
        self.changed.emit()
        return row

    def _add_row(self, item: Any) -> TermRow | NestedRow:
        is_term = (isinstance(item, dict) and set(item) == {"field", "op", "value"}
                   and not isinstance(item["value"], dict))
        row: TermRow | NestedRow
        if is_term:
            row = TermRow(self.scope, item)
            row.changed.connect(self.changed)
        else:
            row = NestedRow(item)
        row.removed.connect(self._remove_row)
        row.set_read_only(self._read_only)
        self.rows.append(row)
        self.rows_layout.addWidget(row)
        return row

    def _remove_row(self, row: TermRow | NestedRow) -> None:
        self.rows.remove(row)
        _discard(row)
        self._update_state()
        self.changed.emit()

    def _toggled(self) -> None:
        self._update_state()
        self.changed.emit()

    # --- state ----------------------------------------------------------------------

    def _update_state(self) -> None:
        on = self.enabled_box is None or self.enabled_box.isChecked()
        self.mode_combo.setVisible(on)
        self.mode_combo.setEnabled(not self._read_only)
        self.add_button.setVisible(on and not self._read_only)
        self.empty_label.setVisible(on and not self.rows)
        for row in self.rows:
            row.setVisible(on)
        if self.enabled_box is not None:
            self.enabled_box.setEnabled(not self._read_only)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for row in self.rows:
            row.set_read_only(read_only)
        self._update_state()

    def highlight(self, problems: dict[str, str]) -> None:
        """Mark the rows named by paths relative to this condition (``all[0].value``…)."""
        by_row: dict[int, dict[str, str]] = {}
        whole = problems.get("")
        for path, message in problems.items():
            found = _PATH.match(path)
            if found is None:
                whole = whole or message
                continue
            rest = found.group(3).lstrip(".")
            part = rest if rest in ("field", "op", "value") else ""
            by_row.setdefault(int(found.group(2)), {})[part] = message
        for index, row in enumerate(self.rows):
            row.highlight(by_row.get(index, {}))
        mark(self.enabled_box or self.mode_combo, whole)
