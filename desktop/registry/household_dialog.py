"""Adding and editing one household (一户一表) with its members, checked as the operator types.

The head of household is not typed twice: ``head_name`` and ``head_id`` are
taken from the member row whose relation is 户主. Two copies of the same
fact would only produce "the head's name differs from the 户主 member"
errors that the operator has to chase; one source cannot disagree.

Every change re-runs ``allocation.registry.check_household``; problems mark
their field (red, message in the tooltip) and are listed under the form, and
OK stays disabled until there are none. The compensation choice (补偿方式,
the day chosen, the assessed value and the appraisal report's number) is
read-only once the household has signed, with the reason in words: signing
settles it (allocation.registry.check_mode_change, which the database
applies too). Rules that need the database (a
person already in another household, a code in use, someone else's edit)
are found when OK is pressed: the dialog applies the change itself, shows a
refusal under the form and stays open; only a change that succeeded goes on
the undo stack (the commands are in desktop/registry/household_commands.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from allocation.registry import (
    HEAD_RELATION,
    MAX_AMOUNT,
    TEXT_LIMITS,
    CompensationMode,
    FieldProblem,
    Household,
    HouseholdId,
    HouseholdStatus,
    check_household,
    is_signed,
)
from db.registry import StoredHousehold
from desktop.common import AppContext, ServiceCommand, apply_and_push
from desktop.i18n import describe, describe_error
from desktop.registry.household_commands import (
    HouseholdHandle,
    HouseholdSteps,
    add_command,
    edit_command,
    handle_for,
)
from desktop.registry.households_model import mode_label, status_label
from desktop.registry.members_grid import MemberEditors, MembersEditor
from desktop.registry.transition_fields import TransitionPayeeFields

# Fields whose value is derived from the 户主 member row; their problems repeat that row's.
DERIVED_FIELDS = frozenset({"head_name", "head_id"})
# As many digits as the database keeps (Numeric(14, 2)): 12 before the point, 2 after.
_WHOLE_DIGITS = len(str(int(MAX_AMOUNT)))
AMOUNT_PATTERN = r"^\d{0," + str(_WHOLE_DIGITS) + r"}(\.\d{0,2})?$"
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
        self._build_compensation_fields()
        self.members = MembersEditor()
        self.transition = TransitionPayeeFields()
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
            "members": self.members.table, "compensation_mode": self.mode_combo,
            "mode_chosen_on": self.chosen_date, "assessed_value": self.value_edit,
            "appraisal_report": self.report_edit, **self.transition.widgets,
        }

    def _build_compensation_fields(self) -> None:
        self.mode_combo = QComboBox()
        for mode in CompensationMode:
            self.mode_combo.addItem(mode_label(mode), mode.value)
        self.chosen_check = QCheckBox(self.tr("Chosen on"))
        self.chosen_check.setToolTip(self.tr(
            "The day the household chose its compensation mode (选择日期)"))
        self.chosen_date = QDateEdit(QDate.currentDate())
        self.chosen_date.setCalendarPopup(True)
        self.chosen_date.setDisplayFormat("yyyy-MM-dd")
        self.chosen_date.setEnabled(False)
        self.value_edit = QLineEdit()
        self.value_edit.setValidator(QRegularExpressionValidator(
            QRegularExpression(AMOUNT_PATTERN), self.value_edit))
        self.value_edit.setPlaceholderText("0.00")
        self.value_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.value_edit.setToolTip(self.tr(
            "The old home's assessed value (评估价值): needed for property exchange by value "
            "and for money compensation"))
        self.report_edit = QLineEdit()
        self.report_edit.setMaxLength(TEXT_LIMITS["appraisal_report"])
        self.report_edit.setPlaceholderText(self.tr("e.g. 鄂华信评字[2026]第0123号"))
        self.mode_note = QLabel()
        self.mode_note.setWordWrap(True)
        self.mode_note.setTextFormat(Qt.TextFormat.PlainText)
        self.mode_note.setStyleSheet("color: #666;")
        self.mode_note.hide()

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
        compensation = self._compensation_box()
        # Members and the transition and payee facts share the dialog's lower part as tabs,
        # so that the dialog stays as tall as before at 1280×800.
        self.tabs = QTabWidget()
        self.tabs.addTab(self.members, self.tr("Members"))
        self.tabs.addTab(self.transition, self.tr("Transition and payment"))
        group = self.tabs
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(compensation)
        layout.addLayout(notes)
        layout.addWidget(group, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.resize(980, 660)

    def _compensation_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Compensation"))
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(10)
        chosen = QHBoxLayout()
        chosen.addWidget(self.chosen_check)
        chosen.addWidget(self.chosen_date, 1)
        grid.addWidget(QLabel(self.tr("Compensation mode")), 0, 0)
        grid.addWidget(self.mode_combo, 0, 1)
        grid.addLayout(chosen, 0, 2, 1, 2)
        grid.addWidget(QLabel(self.tr("Assessed value (yuan)")), 1, 0)
        grid.addWidget(self.value_edit, 1, 1)
        grid.addWidget(QLabel(self.tr("Appraisal report no.")), 1, 2)
        grid.addWidget(self.report_edit, 1, 3)
        grid.addWidget(self.mode_note, 2, 0, 1, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        return box

    def _load(self, household: Household | None) -> None:
        if household is None:
            self.members.add_member()  # one row for the head: every household has one
            self.members.rows[0].relation.setCurrentText(HEAD_RELATION)
            self.signed_date.setEnabled(False)
            return
        self._load_compensation(household)
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
        self.transition.load(household)

    def _load_compensation(self, household: Household) -> None:
        self.mode_combo.setCurrentIndex(
            self.mode_combo.findData(household.compensation_mode.value))
        self._show_chosen_on(household.mode_chosen_on)
        if household.assessed_value is not None:
            self.value_edit.setText(f"{household.assessed_value:.2f}")
        self.report_edit.setText(household.appraisal_report)
        if is_signed(household):
            self._lock_compensation(household)

    def _show_chosen_on(self, day: date | None) -> None:
        self.chosen_check.setChecked(day is not None)
        self.chosen_date.setEnabled(day is not None)
        self.chosen_date.setDate(QDate(day) if day is not None else QDate.currentDate())

    def _lock_compensation(self, household: Household) -> None:
        """Signed: the choice is shown but not edited, and the note says why."""
        for widget in (self.mode_combo, self.chosen_check, self.chosen_date, self.value_edit,
                       self.report_edit):
            widget.setEnabled(False)
        for edit in (self.value_edit, self.report_edit):
            edit.setPlaceholderText("")  # a greyed example would read as the stored value
        self.mode_note.setText(describe("compensation_mode_locked", {
            "household": household.code, "field": "compensation_mode"}))
        self.mode_note.show()

    @property
    def compensation_locked(self) -> bool:
        return not self.mode_combo.isEnabled()

    def _mode_chosen(self, *_args: Any) -> None:
        """A new choice is made today (the operator may change the day); back to the stored
        mode, the stored day comes back too."""
        loaded = self._stored.household if self._stored is not None else None
        mode = CompensationMode(self.mode_combo.currentData())
        if loaded is not None and mode is loaded.compensation_mode:
            self._show_chosen_on(loaded.mode_chosen_on)
        elif loaded is None and mode is CompensationMode.AREA:
            self._show_chosen_on(None)
        else:
            self._show_chosen_on(date.today())
        self._touched.update({"compensation_mode", "mode_chosen_on", "assessed_value"})
        self.validate()

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
        self.mode_combo.currentIndexChanged.connect(self._mode_chosen)
        self.chosen_check.toggled.connect(self.chosen_date.setEnabled)
        self.chosen_check.toggled.connect(self._field_edited("mode_chosen_on"))
        self.chosen_date.dateChanged.connect(self._field_edited("mode_chosen_on"))
        self.value_edit.textChanged.connect(self._field_edited("assessed_value"))
        self.report_edit.textChanged.connect(self._field_edited("appraisal_report"))
        self.members.edited.connect(self._member_edited)
        self.transition.edited.connect(lambda name: self._field_edited(name)())
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
        chosen_on: date | None = None
        if self.chosen_check.isChecked():
            chosen_on = self.chosen_date.date().toPython()
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
            compensation_mode=CompensationMode(self.mode_combo.currentData()),
            mode_chosen_on=chosen_on,
            assessed_value=self._assessed_value(),
            appraisal_report=self.report_edit.text().strip(),
            **self.transition.values(),
        )

    def _area(self) -> Decimal | None:
        try:
            return Decimal(self.area_edit.text())
        except InvalidOperation:
            return None

    def _assessed_value(self) -> Decimal | None:
        """The typed value, or None when blank (or only a "." so far)."""
        try:
            return Decimal(self.value_edit.text())
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
        self.buttons.setEnabled(False)  # one save at a time; back on if refused

        def stored() -> None:
            if shiboken6.isValid(self):  # the operator may have closed it meanwhile
                super(HouseholdDialog, self).accept()

        def refused(error: BaseException) -> None:
            if shiboken6.isValid(self):
                self.buttons.setEnabled(True)
                self._show_service_error(error)

        apply_and_push(self._ctx, self._command(household), stored, refused)

    def _command(self, household: Household) -> ServiceCommand:
        """Add or edit, as an undoable command (run by apply_and_push)."""
        if self._stored is None:
            steps = HouseholdSteps(self._ctx, HouseholdHandle(HouseholdId(0)))
            return add_command(steps, self._stored, household)
        handle = handle_for(self._ctx, self._stored.id)
        handle.version = self._stored.version
        return edit_command(HouseholdSteps(self._ctx, handle), self._stored, household)

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
