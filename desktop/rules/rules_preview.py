"""Live preview of a policy being edited: a household's trace, the notice text, group sizes.

The policy is pure and the project's households are already loaded, so the
preview is computed on the UI thread, a short moment after the last edit
(199 households take a few milliseconds).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from allocation.errors import AnjuError
from allocation.registry import Household
from allocation.rules import (
    Policy,
    assign_group,
    compute_entitlement,
    explain_household,
    group_names,
    policy_text,
    trace_text,
)
from desktop.i18n import describe_error, trace_language

PREVIEW_DELAY_MS = 300
WAITING = QT_TRANSLATE_NOOP(
    "RulesPreview",
    "The rules have problems (see the list): the preview waits until they are fixed.")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True, slots=True)
class GroupSize:
    """One priority group over the whole project: households, recognised people, entitlement."""

    name: str
    households: int
    people: int
    area: Decimal


def group_sizes(households: list[Household], policy: Policy, on: date) -> list[GroupSize]:
    """Every group of ``policy`` in order (the default group last), with who falls in it."""
    names = group_names(policy)
    counts = [[0, 0, Decimal("0.00")] for _ in names]
    for household in households:
        rank = assign_group(household, policy, on).rank
        counts[rank][0] += 1
        counts[rank][1] += household.recognised_count
        counts[rank][2] += compute_entitlement(household, policy, on).area
    return [GroupSize(name, int(h), int(p), Decimal(a))
            for name, (h, p, a) in zip(names, counts, strict=True)]


class RulesPreview(QWidget):
    """A household chooser with its trace, and a table of group sizes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._households: list[Household] = []
        self._policy: Policy | None = None
        self._sha256: str | None = None
        self.sizes: list[GroupSize] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.household_combo = QComboBox()
        self.household_combo.setMinimumContentsLength(14)
        self.household_combo.currentIndexChanged.connect(self.refresh_trace)
        label = QLabel(self.tr("Househol&d:"))
        label.setBuddy(self.household_combo)
        self.trace_view = self._text_view()
        self.rules_view = self._text_view()
        self.text_tabs = QTabWidget()
        self.text_tabs.setDocumentMode(True)
        self.text_tabs.addTab(self.trace_view, self.tr("Household trace"))
        self.text_tabs.addTab(self.rules_view, self.tr("Rules as printed"))
        self.groups_table = self._table()
        chooser = QHBoxLayout()
        chooser.addWidget(label)
        chooser.addWidget(self.household_combo, 1)
        self.groups_title = QLabel(self.tr("Group sizes over the whole project"))
        self.groups_title.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(chooser)
        layout.addWidget(self.text_tabs, 3)
        layout.addWidget(self.groups_title)
        layout.addWidget(self.groups_table, 2)

    def _text_view(self) -> QPlainTextEdit:
        view = QPlainTextEdit()
        view.setReadOnly(True)
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        return view

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 4)
        table.setHorizontalHeaderLabels([self.tr("Group"), self.tr("Households"),
                                         self.tr("Recognised people"),
                                         self.tr("Entitlement (m²)")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setTabKeyNavigation(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    # --- input ----------------------------------------------------------------------

    def set_households(self, households: list[Household]) -> None:
        """The project's households; the chosen one stays chosen if it is still there."""
        chosen = self.household_combo.currentData()
        self._households = sorted(households, key=lambda h: h.code)
        combo = self.household_combo
        combo.blockSignals(True)
        combo.clear()
        for household in self._households:
            combo.addItem(f"{household.code}  {household.head_name}", household.code)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)
        self.schedule()

    def set_policy(self, policy: Policy | None, sha256: str | None = None) -> None:
        """The policy to preview (None while the forms hold a broken one); ``sha256`` is the
        hash stored with a frozen version, printed instead of one computed now."""
        self._policy, self._sha256 = policy, sha256
        self.schedule()

    def schedule(self) -> None:
        self.timer.start()

    def choose(self, code: str) -> None:
        self.household_combo.setCurrentIndex(self.household_combo.findData(code))

    # --- output ---------------------------------------------------------------------

    def refresh(self) -> None:
        self.timer.stop()
        self.refresh_trace()
        self._refresh_sizes()
        policy = self._policy
        # Keep the reader's place: the notice text is long, and a typed digit changes a line.
        bar = self.rules_view.verticalScrollBar()
        position = bar.value()
        self.rules_view.setPlainText(self.tr(WAITING) if policy is None
                                     else policy_text(policy, trace_language(),
                                                      sha256=self._sha256))
        bar.setValue(position)

    def refresh_trace(self) -> None:
        policy, code = self._policy, self.household_combo.currentData()
        household = next((h for h in self._households if h.code == code), None)
        if policy is None:
            text = self.tr(WAITING)
        elif household is None:
            text = self.tr("No household registered yet: the preview needs one.")
        else:
            try:
                trace = explain_household(household, policy, date.today(), sha256=self._sha256)
                text = trace_text(trace, trace_language())
            except AnjuError as error:
                text = describe_error(error)
        self.trace_view.setPlainText(text)

    def _refresh_sizes(self) -> None:
        policy = self._policy
        self.sizes = [] if policy is None else group_sizes(self._households, policy, date.today())
        table = self.groups_table
        table.setRowCount(0)
        if not self.sizes:
            return
        total = GroupSize(self.tr("Total"), sum(s.households for s in self.sizes),
                          sum(s.people for s in self.sizes), sum(s.area for s in self.sizes))
        for size in [*self.sizes, total]:
            row = table.rowCount()
            table.insertRow(row)
            cells = [size.name, str(size.households), str(size.people), format(size.area, ",.2f")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(_RIGHT)
                if size is total:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(row, column, item)
