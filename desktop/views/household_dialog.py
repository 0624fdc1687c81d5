"""Adding and editing one household (一户一表) with its members, checked as the operator types.

The head of household is not typed twice: ``head_name`` and ``head_id`` are
taken from the member row whose relation is 户主. Two copies of the same
fact would only produce "the head's name differs from the 户主 member"
errors that the operator has to chase; one source cannot disagree.

Every change re-runs ``allocation.registry.check_household``; problems mark
their field (red, message in the tooltip) and are listed under the form, and
OK stays disabled until there are none. Rules that need the database (a
person already in another household, a code in use, someone else's edit)
are found when OK is pressed: the dialog applies the change itself, shows a
refusal under the form and stays open; only a change that succeeded goes on
the undo stack (the commands are at the end of this module).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QRegularExpression, Qt, Signal
from PySide6.QtGui import QAction, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from allocation.errors import ConflictError
from allocation.ids import normalise_id
from allocation.model import (
    HEAD_RELATION,
    Condition,
    Household,
    HouseholdId,
    HouseholdStatus,
    Member,
    ProjectId,
)
from allocation.registry import FieldProblem, check_household
from db.registry import (
    StoredHousehold,
    add_household,
    delete_household,
    get_household,
    update_household,
)
from desktop.context import AppContext
from desktop.events import Changed
from desktop.messages import describe, describe_error
from desktop.models.households import (
    CONDITION_ORDER,
    condition_label,
    conditions_text,
    status_label,
)
from desktop.undo import ServiceCommand, Step, push

# Relations are ledger data (the head is the member whose relation is 户主), so they stay Chinese.
RELATIONS = ("户主", "配偶", "子", "女", "父", "母", "孙子", "孙女", "儿媳", "女婿",
             "兄弟姐妹", "其他")
COL_NAME, COL_ID, COL_RELATION, COL_RECOGNISED, COL_CONDITIONS, COL_GRADE, COL_NEW = range(7)
# Fields whose value is derived from the 户主 member row; their problems repeat that row's.
DERIVED_FIELDS = frozenset({"head_name", "head_id"})
INVALID_STYLE = """
QLineEdit[invalid="true"], QComboBox[invalid="true"], QToolButton[invalid="true"],
QTableWidget[invalid="true"] { border: 1px solid #c62828; background: #fdecea; }
"""


def _mark(widget: QWidget, message: str | None) -> None:
    """Show or clear the red frame and the message tooltip of one editor."""
    invalid = message is not None
    if widget.property("invalid") != invalid:
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
    if widget.property("plainTip") is None:
        widget.setProperty("plainTip", widget.toolTip())
    widget.setToolTip(message if invalid else widget.property("plainTip"))


# --- the members grid ---------------------------------------------------------------


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


# --- the dialog -----------------------------------------------------------------------


class HouseholdDialog(QDialog):
    """Add (``stored`` is None) or edit a household; OK applies it as an undoable command."""

    def __init__(self, ctx: AppContext, stored: StoredHousehold | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._stored = stored
        self._touched: set[str] = set()
        self._show_all = stored is not None  # an existing household shows its problems at once
        self.problems: list[FieldProblem] = []
        self.setWindowTitle(self._title())
        self.setStyleSheet(INVALID_STYLE)
        self._build_fields()
        self._build_layout()
        self._load(stored.household if stored else None)
        self._connect()
        self.validate()

    def _title(self) -> str:
        if self._stored is None:
            return self.tr("Add household")
        return self.tr("Household {code}").format(code=self._stored.household.code)

    # --- building -------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("e.g. LD-001"))
        self.area_edit = QLineEdit()
        self.area_edit.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"^\d{0,6}(\.\d{0,2})?$"), self.area_edit))
        self.area_edit.setPlaceholderText("0.00")
        self.area_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.phone_edit = QLineEdit()
        self.address_edit = QLineEdit()
        self.status_combo = QComboBox()
        for status in HouseholdStatus:
            self.status_combo.addItem(status_label(status), status.value)
        self.signed_check = QCheckBox(self.tr("Signed on"))
        self.signed_date = QDateEdit(QDate.currentDate())
        self.signed_date.setCalendarPopup(True)
        self.signed_date.setDisplayFormat("yyyy-MM-dd")
        self.seq_spin = QSpinBox()
        self.seq_spin.setRange(0, 9_999_999)
        self.seq_spin.setSpecialValueText(self.tr("none"))  # 0 means "no signing order yet"
        self.head_label = QLabel()
        self.head_label.setToolTip(self.tr("Taken from the member whose relation is 户主"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(54)
        self.members = MembersEditor()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save"))
        self._field_widgets: dict[str, QWidget] = {
            "code": self.code_edit, "legal_area": self.area_edit, "phone": self.phone_edit,
            "address": self.address_edit, "signing_seq": self.seq_spin,
            "members": self.members.table,
        }

    def _build_layout(self) -> None:
        form = QGridLayout()
        form.setHorizontalSpacing(12)
        left, right = QFormLayout(), QFormLayout()
        for side in (left, right):
            side.setHorizontalSpacing(10)
        left.addRow(self.tr("Household code *"), self.code_edit)
        left.addRow(self.tr("Legal area (m²) *"), self.area_edit)
        left.addRow(self.tr("Phone"), self.phone_edit)
        left.addRow(self.tr("Original address"), self.address_edit)
        signed = QHBoxLayout()
        signed.addWidget(self.signed_check)
        signed.addWidget(self.signed_date, 1)
        right.addRow(self.tr("Status"), self.status_combo)
        right.addRow(self.tr("Agreement"), signed)
        right.addRow(self.tr("Signing order"), self.seq_spin)
        right.addRow(self.tr("Head of household"), self.head_label)
        form.addLayout(left, 0, 0)
        form.addLayout(right, 0, 1)
        form.setColumnStretch(0, 3)
        form.setColumnStretch(1, 2)
        notes = QFormLayout()
        notes.addRow(self.tr("Notes"), self.notes_edit)
        group = QGroupBox(self.tr("Members"))
        QVBoxLayout(group).addWidget(self.members)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(notes)
        layout.addWidget(group, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.resize(980, 580)

    def _load(self, household: Household | None) -> None:
        if household is None:
            self.members.add_member()  # one row for the head: every household has one
            self.members.rows[0].relation.setCurrentText(HEAD_RELATION)
            self.signed_date.setEnabled(False)
            return
        self.code_edit.setText(household.code)
        self.area_edit.setText(f"{household.legal_area:.2f}")
        self.phone_edit.setText(household.phone)
        self.address_edit.setText(household.address)
        self.status_combo.setCurrentIndex(self.status_combo.findData(household.status.value))
        self.signed_check.setChecked(household.signed_on is not None)
        self.signed_date.setEnabled(household.signed_on is not None)
        if household.signed_on is not None:
            self.signed_date.setDate(QDate(household.signed_on))
        self.seq_spin.setValue(household.signing_seq or 0)
        self.notes_edit.setPlainText(household.notes)
        self.members.set_members(household.members)

    def _connect(self) -> None:
        for name, edit in (("code", self.code_edit), ("legal_area", self.area_edit),
                           ("phone", self.phone_edit), ("address", self.address_edit)):
            edit.textChanged.connect(self._field_edited(name))
        self.seq_spin.valueChanged.connect(self._field_edited("signing_seq"))
        self.status_combo.currentIndexChanged.connect(self._field_edited("status"))
        self.signed_check.toggled.connect(self.signed_date.setEnabled)
        self.signed_check.toggled.connect(self._field_edited("signed_on"))
        self.signed_date.dateChanged.connect(self._field_edited("signed_on"))
        self.notes_edit.textChanged.connect(self._field_edited("notes"))
        self.members.edited.connect(self._member_edited)
        self.members.rows_changed.connect(self._field_edited("members"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _field_edited(self, name: str) -> Callable[..., None]:
        def edited(*_args: Any) -> None:
            self._touched.add(name)
            self.validate()
        return edited

    def _member_edited(self, editors: MemberEditors, name: str) -> None:
        editors.touched.add(name)
        self.validate()

    # --- reading and checking ---------------------------------------------------------

    def household(self) -> Household:
        """The household as the form describes it now (it may break rules)."""
        members = tuple(self.members.members())
        head = next((m for m in members if m.is_head), None)
        signed_on: date | None = None
        if self.signed_check.isChecked():
            signed_on = self.signed_date.date().toPython()
        return Household(
            code=self.code_edit.text().strip(),
            head_name=head.name if head else "",
            head_id=head.id_number if head else "",
            legal_area=self._area() or Decimal(0),
            phone=self.phone_edit.text().strip(),
            address=self.address_edit.text().strip(),
            signed_on=signed_on,
            signing_seq=self.seq_spin.value() or None,
            notes=self.notes_edit.toPlainText().strip(),
            status=HouseholdStatus(self.status_combo.currentData()),
            members=members,
        )

    def _area(self) -> Decimal | None:
        try:
            return Decimal(self.area_edit.text())
        except InvalidOperation:
            return None

    def check(self) -> list[FieldProblem]:
        """The rules the form breaks now, without the repeats of derived fields."""
        problems = [p for p in check_household(self.household())
                    if p.field not in DERIVED_FIELDS]
        if self._area() is None:
            problems = [p for p in problems if p.field != "legal_area"]
            problems.insert(0, FieldProblem("legal_area", "required_value_missing"))
        return problems

    def validate(self) -> None:
        """Re-check the form, mark what is wrong, and allow OK only when nothing is."""
        self.problems = self.check()
        self._show_head()
        shown = [p for p in self.problems if self._visible(p)]
        self._mark_problems(shown)
        self._show_messages(shown)
        self.ok_button.setEnabled(not self.problems)

    def _show_head(self) -> None:
        household = self.household()
        self.head_label.setText(
            f"{household.head_name}  {household.head_id}".strip() or self.tr("(no 户主 member)"))

    def _visible(self, problem: FieldProblem) -> bool:
        if self._show_all:
            return True
        if problem.member is not None and problem.member < len(self.members.rows):
            return problem.field in self.members.rows[problem.member].touched
        return problem.field in self._touched

    def _widget_for(self, problem: FieldProblem) -> QWidget:
        if problem.member is not None and problem.member < len(self.members.rows):
            return self.members.rows[problem.member].widget_for(problem.field)
        return self._field_widgets.get(problem.field, self.members.table)

    def _mark_problems(self, problems: list[FieldProblem]) -> None:
        messages: dict[int, tuple[QWidget, list[str]]] = {}
        for problem in problems:
            widget = self._widget_for(problem)
            messages.setdefault(id(widget), (widget, []))[1].append(self.message(problem))
        for widget in self._markable():
            found = messages.get(id(widget))
            _mark(widget, "\n".join(found[1]) if found else None)

    def _markable(self) -> list[QWidget]:
        widgets = list(self._field_widgets.values())
        for editors in self.members.rows:
            widgets += editors.markable()
        return widgets

    def message(self, problem: FieldProblem) -> str:
        """The sentence for one problem, naming the member row when it is about a person."""
        text = describe(problem.code, {**problem.params, "field": problem.field})
        if problem.member is None:
            return text
        return self.tr("Member {row}: {message}").format(row=problem.member + 1, message=text)

    def _show_messages(self, shown: list[FieldProblem]) -> None:
        if shown:
            lines = [self.message(p) for p in shown[:4]]
            if len(shown) > 4:
                lines.append(self.tr("… and {count} more").format(count=len(shown) - 4))
            self._set_message("\n".join(lines), error=True)
        elif self.problems:
            self._set_message(self.tr("Fill in the fields marked * and the 户主 member to save."),
                              error=False)
        else:
            self._set_message("", error=False)

    def _set_message(self, text: str, *, error: bool) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #c62828;" if error else "color: #666;")

    # --- saving -----------------------------------------------------------------------

    def accept(self) -> None:
        """Apply the change; on a refusal show why and stay open."""
        if self.check():
            return
        household = self.household()
        if self._stored is not None and household == self._stored.household:
            super().accept()
            return
        try:
            command = self._apply(household)
        except Exception as error:  # noqa: BLE001 - every refusal is shown to the operator
            self._show_service_error(error)
            return
        push(self._ctx, command)
        super().accept()

    def _apply(self, household: Household) -> ServiceCommand:
        """Run the first step here (so a refusal stays in the dialog), then build the command."""
        if self._stored is None:
            steps = HouseholdSteps(self._ctx, HouseholdHandle(HouseholdId(0)))
            first, command = steps.add(household), add_command
        else:
            handle = handle_for(self._ctx, self._stored.id)
            handle.version = self._stored.version
            steps = HouseholdSteps(self._ctx, handle)
            first, command = steps.update(household), edit_command
        self._ctx.op(first).run_now()
        return command(steps, self._stored, household, first)

    def _show_service_error(self, error: BaseException) -> None:
        text = describe_error(error)
        widget = self._service_widget(error)
        if widget is not None:
            _mark(widget, text)
        self._set_message(text, error=True)

    def _service_widget(self, error: BaseException) -> QWidget | None:
        params: dict[str, Any] = getattr(error, "params", {})
        code = getattr(error, "code", "")
        if code == "household_exists":
            return self.code_edit
        if code == "person_in_other_household":
            for editors in self.members.rows:
                if editors.member().id_number == params.get("id_number"):
                    return editors.id_number
        return None


# --- undoable commands ------------------------------------------------------------------


@dataclass
class HouseholdHandle:
    """The database row that a chain of undo commands is about.

    Undoing a delete re-adds the household under a new id; every command
    about that household holds the same handle, so an older "edit" command
    still finds it. ``version`` is the version this workstation last wrote
    (None: not known, accept whatever is stored).
    """

    id: HouseholdId
    version: int | None = None
    url: str = field(default="", compare=False)


_handles: dict[tuple[str, int], HouseholdHandle] = {}


def handle_for(ctx: AppContext, household_id: HouseholdId) -> HouseholdHandle:
    """The shared handle of a stored household (created on first use)."""
    key = (ctx.url, household_id)
    if key not in _handles:
        _handles[key] = HouseholdHandle(household_id, url=ctx.url)
    return _handles[key]


def _move_handle(handle: HouseholdHandle, new_id: HouseholdId) -> None:
    old = (handle.url, handle.id)
    if _handles.get(old) is handle:
        del _handles[old]
    handle.id = new_id
    _handles[(handle.url, new_id)] = handle


class HouseholdSteps:
    """The service calls of household commands, each one transaction on a session."""

    def __init__(self, ctx: AppContext, handle: HouseholdHandle) -> None:
        assert ctx.project_id is not None, "household commands need an open project"
        self.ctx = ctx
        self.project_id: ProjectId = ctx.project_id
        self.handle = handle
        handle.url = ctx.url
        self.deleted: Household | None = None

    def add(self, household: Household) -> Step:
        def step(session: Session) -> None:
            new_id = add_household(session, project_id=self.project_id, household=household,
                                   actor=self.ctx.actor)
            _move_handle(self.handle, new_id)
            self.handle.version = get_household(session, new_id).version
        return step

    def update(self, household: Household) -> Step:
        def step(session: Session) -> None:
            self.handle.version = update_household(
                session, household_id=self.handle.id, household=household,
                actor=self.ctx.actor, expected_version=self.handle.version)
        return step

    def delete(self) -> Step:
        def step(session: Session) -> None:
            stored = get_household(session, self.handle.id)
            if self.handle.version is not None and stored.version != self.handle.version:
                raise ConflictError("stale_household", code=stored.household.code,
                                    expected=self.handle.version, found=stored.version)
            self.deleted = delete_household(session, household_id=self.handle.id,
                                            actor=self.ctx.actor)
        return step

    def readd(self) -> Step:
        def step(session: Session) -> None:
            assert self.deleted is not None, "undo of a delete that never ran"
            self.add(self.deleted)(session)
        return step


def _done_once(step: Step) -> Step:
    """A step whose first run is skipped: the dialog has already applied it."""
    pending = [True]

    def run(session: Session) -> Any:
        if pending:
            pending.clear()
            return None
        return step(session)
    return run


def add_command(steps: HouseholdSteps, _stored: StoredHousehold | None, household: Household,
                applied: Step) -> ServiceCommand:
    """Undo deletes the new household; redo adds it again (under a new id)."""
    return ServiceCommand(
        steps.ctx, QCoreApplication.translate(
            "HouseholdCommands", "Add household {code}").format(code=household.code),
        redo=_done_once(applied), undo=steps.delete(), changes=Changed.HOUSEHOLDS)


def edit_command(steps: HouseholdSteps, stored: StoredHousehold | None, household: Household,
                 applied: Step) -> ServiceCommand:
    """Undo writes the household as it was loaded; both directions check the version."""
    assert stored is not None
    return ServiceCommand(
        steps.ctx, QCoreApplication.translate(
            "HouseholdCommands", "Edit household {code}").format(code=household.code),
        redo=_done_once(applied), undo=steps.update(stored.household),
        changes=Changed.HOUSEHOLDS)


def delete_command(ctx: AppContext, household_id: HouseholdId, code: str) -> ServiceCommand:
    """Delete a household; undo registers it again with the same data and members."""
    handle = handle_for(ctx, household_id)
    handle.version = None  # the operator deletes what the page shows, whatever its version
    steps = HouseholdSteps(ctx, handle)
    text = QCoreApplication.translate("HouseholdCommands", "Delete household {code}")
    return ServiceCommand(ctx, text.format(code=code), redo=steps.delete(),
                          undo=steps.readd(), changes=Changed.HOUSEHOLDS)


def delete_household_undoably(ctx: AppContext, household_id: HouseholdId, code: str) -> bool:
    """Push the delete command; False if it failed (the error has been shown)."""
    return push(ctx, delete_command(ctx, household_id, code))

