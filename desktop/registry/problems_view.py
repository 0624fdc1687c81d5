"""The problems of a rejected import as a table, to read, copy into Excel or save as .xlsx/.csv."""

from __future__ import annotations

import csv
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView, QWidget

from db.excel import ImportProblem
from desktop.i18n import describe_import

PROBLEM_HEADERS = (
    QT_TRANSLATE_NOOP("ProblemsView", "Sheet"),
    QT_TRANSLATE_NOOP("ProblemsView", "Row"),
    QT_TRANSLATE_NOOP("ProblemsView", "Column"),
    QT_TRANSLATE_NOOP("ProblemsView", "Value"),
    QT_TRANSLATE_NOOP("ProblemsView", "Problem"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProblemsView", text)


def problem_cells(problem: ImportProblem) -> tuple[str, str, str, str, str]:
    """The five cells of a problem row; the reason alone, as the place has its own columns."""
    row = "" if problem.row is None else str(problem.row)
    return (problem.sheet, row, problem.column or "", problem.value,
            describe_import(problem.code, problem.params_dict))


class ProblemTableModel(QAbstractTableModel):
    """Import problems, one per row, in the reader's order (sheet, row, column)."""

    def __init__(self, problems: list[ImportProblem], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.problems = problems
        self._cells = [problem_cells(p) for p in problems]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(PROBLEM_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(PROBLEM_HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def header_row(self) -> list[str]:
        return [_tr(h) for h in PROBLEM_HEADERS]

    def rows(self) -> list[tuple[str, ...]]:
        return list(self._cells)


def save_problems(path: str, model: ProblemTableModel) -> None:
    """Write the problems as .xlsx or, for any other name, as CSV that Excel opens in Chinese."""
    if path.lower().endswith(".xlsx"):
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = QCoreApplication.translate("ProblemsView", "Problems")[:31]
        sheet.append(model.header_row())
        for row in model.rows():
            # The row number stays a number, so the operator can sort by it in Excel.
            sheet.append([row[0], int(row[1]) if row[1] else None, *row[2:]])
        for letter, width in zip("ABCDE", (12, 8, 14, 24, 70), strict=True):
            sheet.column_dimensions[letter].width = width
        book.save(path)
        return
    # utf-8-sig: the byte-order mark makes Excel read the Chinese text correctly.
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(model.header_row())
        writer.writerows(model.rows())


class ProblemsView(QTableView):
    """A read-only table of import problems, one per row, that copies itself for Excel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)

    def show_problems(self, problems: list[ImportProblem]) -> None:
        self.setModel(ProblemTableModel(problems, self))
        header = self.horizontalHeader()
        # The row column fits the longest row number shown: a sheet's last rows run to
        # 1,048,576, which the usual 56 pixels cut to "1048…".
        digits = max((len(str(p.row)) for p in problems if p.row is not None), default=1)
        row_width = max(56, self.fontMetrics().horizontalAdvance("0" * digits) + 20)
        for column, width in enumerate((110, row_width, 110, 150)):
            header.resizeSection(column, width)
        self.resizeRowsToContents()

    def problem_model(self) -> ProblemTableModel | None:
        model = self.model()
        return model if isinstance(model, ProblemTableModel) else None

    def copy(self) -> None:
        """Put every problem on the clipboard, with the header row."""
        model = self.problem_model()
        if model is None:
            return
        # Tab-separated columns paste into Excel as a table; the last one reads on its own.
        lines = ["\t".join(model.header_row())] + ["\t".join(row) for row in model.rows()]
        QApplication.clipboard().setText("\n".join(lines))
