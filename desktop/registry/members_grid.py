"""The members grid of the household dialog: one row of editors per person, add/remove/move.

Each row's editors build the Member they describe; the grid reports every
edited cell so that the dialog can re-check the household as the operator
types.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from allocation.registry import Condition, Member, normalise_id
from desktop.registry.households_model import CONDITION_ORDER, condition_label, conditions_text

# Relations are ledger data (the head is the member whose relation is 户主), so they stay Chinese.
RELATIONS = ("户主", "配偶", "子", "女", "父", "母", "孙子", "孙女", "儿媳", "女婿",
             "兄弟姐妹", "其他")
COL_NAME, COL_ID, COL_RELATION, COL_RECOGNISED, COL_CONDITIONS, COL_GRADE, COL_NEW = range(7)


class ConditionsButton(QToolButton):
    """A drop-down of the five special conditions, each checkable; shows the chosen ones."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self)
        self.actions_by_condition: dict[Condition, QAction] = {}
        for condition in CONDITION_ORDER:
            action = menu.addAction(condition_label(condition))
            action.setCheckable(True)
            action.toggled.connect(self._toggled)
            self.actions_by_condition[condition] = action
        self.setMenu(menu)
        self._show()

    def conditions(self) -> frozenset[Condition]:
        return frozenset(c for c, a in self.actions_by_condition.items() if a.isChecked())

    def set_conditions(self, conditions: frozenset[Condition]) -> None:
        for condition, action in self.actions_by_condition.items():
            action.setChecked(condition in conditions)

    def _toggled(self, _checked: bool) -> None:
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        self.setText(conditions_text(self.conditions()) or self.tr("none"))


def _centred(widget: QWidget) -> QWidget:
    holder = QWidget()
    # An opaque cell, like its neighbours, instead of the row-selection colour showing through.
    holder.setAutoFillBackground(True)
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(widget)
    return holder


class MemberEditors:
    """The editors of one row of the members grid, and the Member they describe."""

    def __init__(self, on_change: Callable[[MemberEditors, str], None]) -> None:
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(24)  # room for pasted spaces, which are removed
        self.relation = QComboBox()
        self.relation.setEditable(True)
        self.relation.addItems(RELATIONS)
        self.recognised = QCheckBox()
        self.recognised.setChecked(True)
        self.conditions = ConditionsButton()
        self.grade = QComboBox()
        self.grade.addItem("—", None)
        for grade in range(1, 5):
            self.grade.addItem(QCoreApplication.translate(
                "HouseholdDialog", "Grade {grade}").format(grade=grade), grade)
        self.new_member = QCheckBox()
        self.touched: set[str] = set()
        self._connect(on_change)

    def _connect(self, on_change: Callable[[MemberEditors, str], None]) -> None:
        def notify(name: str) -> Callable[..., None]:
            return lambda *_args: on_change(self, name)

        self.name.textChanged.connect(notify("name"))
        self.id_number.textChanged.connect(notify("id_number"))
        self.relation.currentTextChanged.connect(notify("relation"))
        self.recognised.toggled.connect(notify("recognised"))
        self.conditions.changed.connect(notify("conditions"))
        self.grade.currentIndexChanged.connect(notify("disability_grade"))
        self.new_member.toggled.connect(notify("new_member"))

    def cells(self) -> list[QWidget]:
        """The cell widgets in column order."""
        return [self.name, self.id_number, self.relation, _centred(self.recognised),
                self.conditions, self.grade, _centred(self.new_member)]

    def widget_for(self, field_name: str) -> QWidget:
        return {"name": self.name, "id_number": self.id_number, "relation": self.relation,
                "conditions": self.conditions, "disability_grade": self.grade,
                }.get(field_name, self.name)

    def markable(self) -> list[QWidget]:
        return [self.name, self.id_number, self.relation, self.conditions, self.grade]

    def member(self) -> Member:
        return Member(
            name=self.name.text().strip(),
            id_number=normalise_id(self.id_number.text()),
            relation=self.relation.currentText().strip(),
            recognised=self.recognised.isChecked(),
            conditions=self.conditions.conditions(),
            disability_grade=self.grade.currentData(),
            new_member=self.new_member.isChecked(),
        )

    def set_member(self, member: Member) -> None:
        self.name.setText(member.name)
        self.id_number.setText(member.id_number)
        self.relation.setCurrentText(member.relation)
        self.recognised.setChecked(member.recognised)
        self.conditions.set_conditions(member.conditions)
        self.grade.setCurrentIndex(max(0, self.grade.findData(member.disability_grade)))
        self.new_member.setChecked(member.new_member)


class MembersEditor(QWidget):
    """The household's people: a grid with add, remove and move buttons.

    ``edited(editors, field)`` fires on every change of a cell;
    ``rows_changed`` when rows are added, removed or moved.
    """

    edited = Signal(object, str)
    rows_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[MemberEditors] = []
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("ID number"), self.tr("Relation"), self.tr("Recognised"),
            self.tr("Special conditions"), self.tr("Disability"), self.tr("New member")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(32)
        self._size_columns()
        self.add_button = QPushButton(self.tr("Add member"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.add_button.clicked.connect(lambda: self.add_member())
        self.remove_button.clicked.connect(lambda: self.remove_member(self.current_row()))
        self.up_button.clicked.connect(lambda: self.move_member(self.current_row(), -1))
        self.down_button.clicked.connect(lambda: self.move_member(self.current_row(), 1))
        self._lay_out()

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_ID, QHeaderView.ResizeMode.Stretch)
        widths = {COL_NAME: 110, COL_RELATION: 100, COL_RECOGNISED: 80,
                  COL_CONDITIONS: 130, COL_GRADE: 80, COL_NEW: 80}
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        header.setMinimumSectionSize(60)

    def _lay_out(self) -> None:
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def current_row(self) -> int:
        row = self.table.currentRow()
        return row if 0 <= row < len(self.rows) else len(self.rows) - 1

    def members(self) -> list[Member]:
        return [editors.member() for editors in self.rows]

    def set_members(self, members: tuple[Member, ...]) -> None:
        for member in members:
            self.add_member(member)

    def add_member(self, member: Member | None = None) -> MemberEditors:
        editors = MemberEditors(lambda e, name: self.edited.emit(e, name))
        if member is not None:
            editors.set_member(member)
        elif self.rows:
            # The first row is usually the head; later rows default to another relation.
            editors.relation.setCurrentText(RELATIONS[1] if len(self.rows) == 1 else "")
        row = len(self.rows)
        self.rows.append(editors)
        self.table.insertRow(row)
        for column, widget in enumerate(editors.cells()):
            self.table.setCellWidget(row, column, widget)
        self.table.setCurrentCell(row, COL_NAME)
        if member is None:
            editors.name.setFocus()
        self.rows_changed.emit()
        return editors

    def remove_member(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        self.rows.pop(row)
        self.table.removeRow(row)
        self.rows_changed.emit()

    def move_member(self, row: int, delta: int) -> None:
        """Swap a row with its neighbour; the values move, the editors stay in place."""
        other = row + delta
        if not (0 <= row < len(self.rows) and 0 <= other < len(self.rows)):
            return
        first, second = self.rows[row].member(), self.rows[other].member()
        self.rows[row].set_member(second)
        self.rows[other].set_member(first)
        self.rows[row].touched, self.rows[other].touched = (
            self.rows[other].touched, self.rows[row].touched)
        self.table.setCurrentCell(other, self.table.currentColumn())
        self.rows_changed.emit()
