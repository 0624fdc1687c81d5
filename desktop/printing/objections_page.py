"""The Objections view: printed notices with their objection-period countdown, and objections.

Top: every registered version of the project's public notices, with the
days of its objection period left (公示期剩余 N 天). Bottom: the objections
(open ones by default, in red), to record and to decide. Deciding needs a
supervisor; the operation refuses otherwise, and the dialog says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db import publications
from db.publications import Objection, PublishedNotice
from desktop.common import AppContext, ProjectPage
from desktop.printing.objections_dialogs import ObjectionDialog, ResolveDialog
from desktop.printing.objections_models import RowsModel, notices_model, objections_model


@dataclass(frozen=True, slots=True)
class Register:
    notices: list[PublishedNotice]
    objections: list[Objection]


class ObjectionsPage(ProjectPage, QWidget):
    """Publications and objections of the current project: ``ObjectionsPage(ctx)``."""

    follows = ("publications",)
    reloads_after_own_writes = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow(ctx)
        self.today = date.today()
        self.notices: RowsModel[PublishedNotice] = notices_model(self)
        self.objections: RowsModel[Objection] = objections_model(self)
        self.dialog: ObjectionDialog | ResolveDialog | None = None
        self._build()

    def _build(self) -> None:
        self.add_button = QPushButton(self.tr("&Record an objection…"))
        self.add_button.clicked.connect(self.record_objection)
        self.resolve_button = QPushButton(self.tr("&Decide…"))
        self.resolve_button.clicked.connect(self.resolve_objection)
        self.open_only = QCheckBox(self.tr("Open objections only"))
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(self.reload)
        self.summary = QLabel()
        bar = QHBoxLayout()
        for widget in (self.add_button, self.resolve_button, self.open_only):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        self.notice_table = self._table(self.notices, stretch=6)
        self.objection_table = self._table(self.objections, stretch=4)
        self.objection_table.selectionModel().selectionChanged.connect(self._enable)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self._titled(self.tr("Printed notices"), self.notice_table))
        split.addWidget(self._titled(self.tr("Objections"), self.objection_table))
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self._enable()

    def _table(self, model: RowsModel, stretch: int) -> QTableView:  # type: ignore[type-arg]
        table = QTableView()
        table.setModel(model)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(56)
        table.setStyleSheet("QTableView::item { padding: 2px 6px; }")
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return table

    def _titled(self, title: str, table: QTableView) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        label = QLabel(title)
        label.setStyleSheet("font-weight: bold;")
        layout.addWidget(label)
        layout.addWidget(table)
        return box

    # --- loading -----------------------------------------------------------------

    def reload(self) -> None:
        project_id = self._ctx.project_id
        if project_id is None:
            self._loads.cancel()
            self._show(Register([], []))
            return
        open_only = self.open_only.isChecked()
        self._loads.run(lambda s: Register(
            publications.list_publications(s, project_id),
            publications.list_objections(s, project_id, open_only=open_only)), self._show)

    def _show(self, found: Register) -> None:
        self.notices.set_rows(found.notices, self.today)
        self.objections.set_rows(found.objections, self.today)
        open_count = sum(1 for o in found.objections if o.open)
        self.summary.setText(self.tr("{notices} printed notices · {open} open objections").format(
            notices=len(found.notices), open=open_count))
        self._enable()

    def _enable(self) -> None:
        self.add_button.setEnabled(self.notices.rowCount() > 0)
        chosen = self.selected_objection()
        self.resolve_button.setEnabled(chosen is not None and chosen.open)

    def selected_objection(self) -> Objection | None:
        rows = self.objection_table.selectionModel().selectedRows()
        return self.objections.row_at(rows[0].row()) if rows else None

    def selected_notice(self) -> PublishedNotice | None:
        rows = self.notice_table.selectionModel().selectedRows()
        return self.notices.row_at(rows[0].row()) if rows else None

    # --- actions -----------------------------------------------------------------

    def record_objection(self) -> ObjectionDialog:
        notices = [self.notices.row_at(r) for r in range(self.notices.rowCount())]
        newest = {n.kind: n for n in notices}  # objections go to a notice's newest version
        dialog = ObjectionDialog(self._ctx, list(newest.values()), self.selected_notice(), self)
        return self._open(dialog)

    def resolve_objection(self) -> ResolveDialog | None:
        objection = self.selected_objection()
        if objection is None or not objection.open:
            return None
        return self._open(ResolveDialog(self._ctx, objection, self))

    def _open(self, dialog: ObjectionDialog | ResolveDialog) -> ObjectionDialog | ResolveDialog:
        self.dialog = dialog
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog
