"""Table models of the Objections view: printed notices with their countdown, and objections.

Rows are plain dataclasses from db.publications; the models only word
them. Objectors' names are shown masked (张*丰): the list is on screens in
the office, where visitors may see it. ``today`` is passed in so that tests
fix it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Final, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from db.publications import DISMISSED, OPEN, UPHELD, Objection, PublishedNotice
from desktop.printing.documents import KIND_LABELS

CONTEXT: Final = "Objections"
T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
OPEN_COLOUR: Final = QColor("#b71c1c")
OBJECTION_MARKED: Final = (6, 8)  # status and countdown columns
WORDS: Final = {
    OPEN: QT_TRANSLATE_NOOP("Objections", "open"),
    UPHELD: QT_TRANSLATE_NOOP("Objections", "upheld"),
    DISMISSED: QT_TRANSLATE_NOOP("Objections", "dismissed"),
}
# Declared once so that lupdate finds them under this context (a module has no class).
TEXT: Final = {
    "starts": QT_TRANSLATE_NOOP("Objections", "starts {date}"),
    "over": QT_TRANSLATE_NOOP("Objections", "objection period over"),
    "left": QT_TRANSLATE_NOOP("Objections", "days left in the objection period: {days}"),
    "version": QT_TRANSLATE_NOOP("Objections", "version {version}"),
    "corrected": QT_TRANSLATE_NOOP("Objections", "corrected in version {version}"),
    "notice": QT_TRANSLATE_NOOP("Objections", "Notice"),
    "period": QT_TRANSLATE_NOOP("Objections", "Period"),
    "countdown": QT_TRANSLATE_NOOP("Objections", "Countdown"),
    "pages": QT_TRANSLATE_NOOP("Objections", "Pages"),
    "answers": QT_TRANSLATE_NOOP("Objections", "Answers objections"),
    "sha256": QT_TRANSLATE_NOOP("Objections", "SHA-256 of the PDF"),
    "number": QT_TRANSLATE_NOOP("Objections", "No."),
    "objector": QT_TRANSLATE_NOOP("Objections", "Objector"),
    "entry": QT_TRANSLATE_NOOP("Objections", "Entry"),
    "objection": QT_TRANSLATE_NOOP("Objections", "Objection"),
    "received": QT_TRANSLATE_NOOP("Objections", "Received"),
    "status": QT_TRANSLATE_NOOP("Objections", "Status"),
    "decision": QT_TRANSLATE_NOOP("Objections", "Decision"),
    "version_column": QT_TRANSLATE_NOOP("Objections", "Version"),
}


def _word(key: str) -> str:
    """The wording of ``key`` (of TEXT or WORDS) in the interface language."""
    return QCoreApplication.translate(CONTEXT, TEXT.get(key) or WORDS.get(key) or key)


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("Printing", KIND_LABELS[kind]) if kind in KIND_LABELS \
        else kind


def countdown(start: date, end: date, today: date) -> str:
    """公示期剩余 N 天, 公示期已结束, or 公示未开始 (in the interface language)."""
    if today < start:
        return _word("starts").format(date=start.isoformat())
    if today > end:
        return _word("over")
    return _word("left").format(days=(end - today).days + 1)


def version_text(version: int) -> str:
    return _word("version").format(version=version)


class RowsModel(QAbstractTableModel, Generic[T]):
    """Read-only rows of ``T``, each worded by ``cells(row, today)``."""

    def __init__(self, headers: Sequence[str], cells: Callable[[T, date], list[str]],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._cells = cells
        self._rows: list[T] = []
        self._text: list[list[str]] = []
        self.today = date.today()

    def set_rows(self, rows: Sequence[T], today: date | None = None) -> None:
        self.beginResetModel()
        self.today = today or date.today()
        self._rows = list(rows)
        self._text = [self._cells(row, self.today) for row in self._rows]
        self.endResetModel()

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text[index.row()][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(self._rows[index.row()], index.column())
        return None

    def _colour(self, row: T, column: int) -> QColor | None:
        """An open objection's status and countdown in red: what still needs an answer."""
        marked = isinstance(row, Objection) and row.open and column in OBJECTION_MARKED
        return OPEN_COLOUR if marked else None


def notices_model(parent: Any = None) -> RowsModel[PublishedNotice]:
    headers = [_word(key) for key in ("notice", "version_column", "period", "countdown", "pages",
                                      "answers", "sha256")]

    def cells(notice: PublishedNotice, today: date) -> list[str]:
        answers = "、".join(map(str, notice.answers)) or "—"
        return [kind_label(notice.kind), version_text(notice.version),
                f"{notice.period_start.isoformat()} – {notice.period_end.isoformat()}",
                countdown(notice.period_start, notice.period_end, today), str(notice.pages),
                answers, notice.content_sha256]

    return RowsModel(headers, cells, parent)


def objections_model(parent: Any = None) -> RowsModel[Objection]:
    headers = [_word(key) for key in ("number", "notice", "objector", "entry", "objection",
                                      "received", "status", "decision", "countdown")]

    def cells(objection: Objection, today: date) -> list[str]:
        notice = f"{kind_label(objection.kind)} · {version_text(objection.version)}"
        status = _word(objection.status)
        if objection.answered_in is not None:
            status += " · " + _word("corrected").format(
                version=objection.answered_in)
        left = (countdown(date.min, objection.period_end, today) if objection.open
                else "—")  # fmt: skip
        return [str(objection.number), notice, objection.masked_objector, objection.item,
                objection.text, objection.received_on.isoformat(), status,
                objection.resolution or "—", left]

    return RowsModel(headers, cells, parent)
