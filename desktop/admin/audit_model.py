"""Table model of the audit log: who did what to which record, and which fields changed."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)

from db.audit import ENTITY_IMPORT_BATCH, batch_codes
from db.registry import AuditRow
from desktop.i18n import event_action, event_entity, record_field

Index = QModelIndex
#: (record kind, field, stored value) -> the value in words, or None to show it as stored.
ValueWords = Callable[[str, str, Any], str | None]
COL_SEQ, COL_TIME, COL_ACTOR, COL_ACTION, COL_ENTITY, COL_KEY, COL_FIELDS = range(7)

HEADERS = (
    QT_TRANSLATE_NOOP("AuditTableModel", "No."),
    QT_TRANSLATE_NOOP("AuditTableModel", "Time"),
    QT_TRANSLATE_NOOP("AuditTableModel", "By"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Action"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Record"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Key"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Changed fields"),
)

def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditTableModel", text)


def _batch_codes(row: AuditRow) -> str:
    if row.entity != ENTITY_IMPORT_BATCH:
        return ""
    return " " + " ".join(batch_codes(row.after))


def shown_key(row: AuditRow) -> str:
    """The key as shown: an import batch's by its first and last household (its stored key,
    the file's digest and first row, says nothing to a reader)."""
    if row.entity != ENTITY_IMPORT_BATCH:
        return row.key
    codes = batch_codes(row.after)
    return f"{codes[0]}…{codes[-1]}" if codes else row.key


def changed_fields(row: AuditRow) -> list[str]:
    """The top-level fields whose value differs between before and after (updates only)."""
    if row.before is None or row.after is None:
        return []
    before, after = json.loads(row.before), json.loads(row.after)
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


def audit_line(row: AuditRow) -> str:
    """One event as a line of `anju audit log`: the same words as the page's row."""
    fields = "、".join(record_field(f, row.entity) for f in changed_fields(row))
    when = row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    return "  ".join(part for part in (
        f"{row.seq:>6}", when, row.actor, event_action(row.action), event_entity(row.entity),
        shown_key(row), fields) if part)


class AuditTableModel(QAbstractTableModel):
    """Rows in chain order; filtering by text is done in the model (fast on long logs)."""

    def __init__(self, parent: Any = None, value_words: ValueWords | None = None) -> None:
        super().__init__(parent)
        self._value_words = value_words
        self._rows: list[AuditRow] = []
        self._visible: list[int] = []
        self._texts: list[str] = []
        self._keys: dict[int, str] = {}  # an import batch's key as shown (shown_key)

    def set_rows(self, rows: Sequence[AuditRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        # Found by the words shown as well as by the stored identifiers; an import batch
        # also by its households' codes, so that one household's history shows its import.
        self._texts = [f"{r.actor} {r.action} {event_action(r.action)} {r.entity} "
                       f"{event_entity(r.entity)} {r.key}{_batch_codes(r)}".lower()
                       for r in self._rows]
        self._keys = {r.seq: shown_key(r) for r in self._rows if r.entity == ENTITY_IMPORT_BATCH}
        self._visible = list(range(len(self._rows)))
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        needle = text.strip().lower()
        self.beginResetModel()
        self._visible = [i for i, t in enumerate(self._texts) if needle in t]
        self.endResetModel()

    def row_at(self, view_row: int) -> AuditRow:
        return self._rows[self._visible[view_row]]

    @property
    def total_count(self) -> int:
        return len(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_FIELDS:
            return self._details(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[section]) if section < len(HEADERS) else None
        return None

    def _display(self, row: AuditRow, column: int) -> str:
        values = {
            COL_SEQ: str(row.seq),
            COL_TIME: row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            COL_ACTOR: row.actor,
            COL_ACTION: event_action(row.action),
            COL_ENTITY: event_entity(row.entity),
            COL_KEY: self._keys.get(row.seq, row.key),
            COL_FIELDS: "、".join(record_field(f, row.entity) for f in changed_fields(row)),
        }
        return values.get(column, "")

    def _details(self, row: AuditRow) -> str:
        if row.before is None or row.after is None:
            return ""
        before, after = json.loads(row.before), json.loads(row.after)
        return "\n".join(f"{record_field(k, row.entity)}: "
                         f"{self._value(row.entity, k, before.get(k))} → "
                         f"{self._value(row.entity, k, after.get(k))}"
                         for k in changed_fields(row))

    def _value(self, entity: str, field: str, value: Any) -> str:
        words = self._value_words(entity, field, value) if self._value_words else None
        return words if words is not None else str(value)
