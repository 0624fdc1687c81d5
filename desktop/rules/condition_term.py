"""One term of a condition in a form: fact ▾ comparison ▾ value, the value editor by kind.

Facts come from :data:`allocation.conditions.FIELDS` for the row's scope,
comparisons from the fact's kind, and the value editor from the kind too
(number, date, yes/no, special condition, status). What the form cannot
represent (an unknown fact, a value of the wrong kind) is kept as written,
so the policy's checks report it instead of the form hiding it.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from allocation.registry import Condition, HouseholdStatus, OldHomeUse
from allocation.rules import CONDITION_NAMES, FIELDS, OPERATORS_BY_KIND
from desktop.registry import condition_label, status_label
from desktop.rules.policy_words import (
    OPERATOR_ORDER,
    choice_label,
    field_label,
    mark,
    operator_label,
)

_SPLIT = re.compile(r"[,，、;；\s]+")
_DEFAULTS: dict[str, Any] = {"int": 0, "decimal": "0.00", "text": "", "bool": True,
                             "set": Condition.DISABILITY.value}
NEW_TERMS = {"household": ("max_member_age", ">=", 70), "member": ("age", ">=", 70)}
_SPIN_MAX = 999_999
AND = QT_TRANSLATE_NOOP("ConditionBuilder", " and ")
OR = QT_TRANSLATE_NOOP("ConditionBuilder", " or ")


def translate(text: str) -> str:
    return QCoreApplication.translate("ConditionBuilder", text)


def _default_value(kind: str | None) -> Any:
    if kind == "date":
        return date.today().isoformat()
    return _DEFAULTS.get(kind or "", "")


def as_text(value: Any, kind: str | None) -> str:
    if isinstance(value, list):
        return ", ".join(as_text(v, kind) for v in value)
    if kind is None and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _parse_one(text: str, kind: str | None) -> Any:
    if kind == "int" and re.fullmatch(r"-?[0-9]+", text):
        return int(text)
    if kind is None:
        try:
            return json.loads(text)
        except ValueError:
            return text
    return text  # decimals and dates stay text in the JSON form; the policy reads them


def _parse(text: str, kind: str | None, many: bool) -> Any:
    if many:
        return [_parse_one(part, kind) for part in _SPLIT.split(text.strip()) if part]
    return _parse_one(text.strip(), kind)


class TermRow(QWidget):
    """One term ``fact op value``; ``changed`` on every edit, ``removed`` from its ✕ button."""

    changed = Signal()
    removed = Signal(object)

    def __init__(self, scope: str, term: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields = FIELDS[scope]
        self.field_combo = QComboBox()
        self.field_combo.setMinimumContentsLength(9)
        for name in self._fields:
            self.field_combo.addItem(field_label(name), name)
        self.op_combo = QComboBox()
        self.op_combo.setMinimumContentsLength(4)
        self.value_widget: QWidget = QLineEdit()
        self.remove_button = QToolButton()
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(self.tr("Remove this condition"))
        self.remove_button.clicked.connect(lambda: self.removed.emit(self))
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.field_combo, 3), (self.op_combo, 1),
                                (self.value_widget, 3), (self.remove_button, 0)):
            self._layout.addWidget(widget, stretch)
        self._read_only = False
        self._show(term["field"], term["op"], term["value"])
        self.field_combo.currentIndexChanged.connect(self._field_chosen)
        self.op_combo.currentIndexChanged.connect(self._op_chosen)

    # --- showing --------------------------------------------------------------------

    def kind(self) -> str | None:
        field = self.field_combo.currentData()
        return self._fields.get(field) if isinstance(field, str) else None

    def _show(self, field: Any, op: Any, value: Any) -> None:
        combo = self.field_combo
        combo.blockSignals(True)
        index = combo.findData(field) if isinstance(field, str) else -1
        if index < 0:  # an unknown fact, kept so that the check can name it
            combo.addItem(field_label(field), field)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        combo.blockSignals(False)
        self._fill_ops(op)
        self._set_value_editor(value)

    def _fill_ops(self, op: Any) -> None:
        kind = self.kind()
        allowed = OPERATORS_BY_KIND.get(kind or "", frozenset(OPERATOR_ORDER))
        ops: list[Any] = [o for o in OPERATOR_ORDER if o in allowed]
        if op not in ops:
            ops.append(op)  # unknown, or not for this fact: kept and reported
        combo = self.op_combo
        combo.blockSignals(True)
        combo.clear()
        for name in ops:
            combo.addItem(operator_label(name), name)
        combo.setCurrentIndex(ops.index(op))
        combo.blockSignals(False)

    def _set_value_editor(self, value: Any) -> None:
        editor = self._editor_for(self.kind(), self.op_combo.currentData(), value)
        old = self.value_widget
        self._layout.replaceWidget(old, editor)
        old.hide()  # deleteLater waits for the event loop; until then it would still show
        old.setParent(None)
        old.deleteLater()
        self.value_widget = editor
        self._layout.setStretchFactor(editor, 3)
        self.setTabOrder(self.op_combo, editor)
        self.setTabOrder(editor, self.remove_button)
        self._apply_read_only()

    def _editor_for(self, kind: str | None, op: Any, value: Any) -> QWidget:
        many = op == "in"
        field = self.field_combo.currentData()
        if not many and kind == "int" and type(value) is int and 0 <= value <= _SPIN_MAX:
            spin = QSpinBox()
            spin.setRange(0, _SPIN_MAX)
            spin.setValue(value)
            spin.valueChanged.connect(self.changed)
            return spin
        if not many and kind == "date" and isinstance(value, str | date):
            day = QDate.fromString(str(value), "yyyy-MM-dd")
            if day.isValid():
                edit = QDateEdit(day)
                edit.setCalendarPopup(True)
                edit.setDisplayFormat("yyyy-MM-dd")
                edit.dateChanged.connect(self.changed)
                return edit
        choices = self._choices(kind, field)
        if not many and choices and value in [key for key, _label in choices]:
            combo = QComboBox()
            for key, label in choices:
                combo.addItem(label, key)
            combo.setCurrentIndex(combo.findData(value))
            combo.currentIndexChanged.connect(self.changed)
            return combo
        edit = QLineEdit(as_text(value, kind))
        if many:
            edit.setPlaceholderText(self.tr("several values, separated by commas"))
        edit.textChanged.connect(self.changed)
        return edit

    def _choices(self, kind: str | None, field: Any) -> list[tuple[Any, str]]:
        if kind == "bool":
            return [(True, choice_label("bool", "true")), (False, choice_label("bool", "false"))]
        if kind == "set":
            return [(c.value, condition_label(c)) for c in Condition if c.value in CONDITION_NAMES]
        if field == "status":
            return [(s.value, status_label(s)) for s in HouseholdStatus]
        if field == "old_home_use":
            return [(u.value, choice_label("old_home_use", u.value)) for u in OldHomeUse]
        return []

    # --- reading --------------------------------------------------------------------

    def value(self) -> Any:
        widget = self.value_widget
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QDateEdit):
            return widget.date().toString("yyyy-MM-dd")
        if isinstance(widget, QComboBox):
            return widget.currentData()
        assert isinstance(widget, QLineEdit)
        return _parse(widget.text(), self.kind(), self.op_combo.currentData() == "in")

    def term(self) -> dict[str, Any]:
        return {"field": self.field_combo.currentData(), "op": self.op_combo.currentData(),
                "value": self.value()}

    def _field_chosen(self) -> None:
        current = self.op_combo.currentData()
        kinds = OPERATORS_BY_KIND.get(self.kind() or "", frozenset(OPERATOR_ORDER))
        allowed = [o for o in OPERATOR_ORDER if o in kinds]
        self._fill_ops(current if current in allowed else allowed[0])
        value = _default_value(self.kind())
        self._set_value_editor([value] if self.op_combo.currentData() == "in" else value)
        self.changed.emit()

    def _op_chosen(self) -> None:
        value, many = self.value(), self.op_combo.currentData() == "in"
        if many and not isinstance(value, list):
            value = [value]
        elif not many and isinstance(value, list):
            value = value[0] if value else _default_value(self.kind())
        self._set_value_editor(value)
        self.changed.emit()

    # --- state ----------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        ro = self._read_only
        self.field_combo.setEnabled(not ro)
        self.op_combo.setEnabled(not ro)
        widget = self.value_widget
        if isinstance(widget, QLineEdit | QSpinBox | QDateEdit):
            widget.setReadOnly(ro)
        else:
            widget.setEnabled(not ro)
        self.remove_button.setVisible(not ro)

    def highlight(self, parts: dict[str, str]) -> None:
        """Mark the fact, comparison or value named in ``parts`` ("" marks the whole row)."""
        whole = parts.get("")
        mark(self.field_combo, parts.get("field") or whole)
        mark(self.op_combo, parts.get("op"))
        mark(self.value_widget, parts.get("value"))


