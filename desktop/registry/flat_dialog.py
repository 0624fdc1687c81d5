"""Adding and editing one flat, checked as the operator types, saved as an undoable change.

Areas and prices are typed as text and parsed to Decimal (never float), the
same rules as the registry's (allocation.registry.check_flat) are applied on
every keystroke, and OK stays disabled while anything is wrong. The save runs
in the dialog so that a refusal from the database (the flat exists, another
workstation changed it) is shown next to the fields and the dialog stays open.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from allocation.errors import AnjuError
from allocation.registry import CENT, Flat, FlatId, FlatStatus, check_flat
from db.registry import StoredFlat, add_flat, delete_flat, update_flat
from desktop.common import AppContext, ServiceCommand, apply_and_push
from desktop.i18n import describe, describe_error, field_name
from desktop.registry.flats_model import format_decimal, status_label

Step = Callable[[Session], Any]
MAX_FLOOR = 199
COMMON_ORIENTATIONS = ("南北", "南", "东南", "西南", "东西", "东", "西", "北")
COMMON_LAYOUTS = ("1室1厅1卫", "2室1厅1卫", "2室2厅1卫", "3室2厅1卫", "3室2厅2卫", "4室2厅2卫")
ERROR_STYLE = "color: #b00020;"
INVALID_FIELD_STYLE = "border: 1px solid #b00020;"


# --- undoable changes ----------------------------------------------------------


@dataclass
class FlatChange:
    """One undoable change to the housing stock: its menu text and its two service steps.

    ``flat_ids`` holds the ids the change last produced (an undone delete
    re-creates flats under new ids), so the page can select them.
    """

    text: str
    redo: Step
    undo: Step
    flat_ids: list[FlatId] = field(default_factory=list)


class FlatCommand(ServiceCommand):
    """A flats command that carries its change, so the page can select the flats it touched."""

    def __init__(self, ctx: AppContext, change: FlatChange) -> None:
        super().__init__(ctx, change.text, change.redo, change.undo)
        self.change = change


def run_change(ctx: AppContext, change: FlatChange, done: Callable[[], Any] | None = None,
               refused: Callable[[BaseException], Any] | None = None) -> None:
    """Apply a change in its own transaction on the worker, then put it on the undo stack.

    ``refused`` gets whatever the service refused (nothing is stored or stacked).
    """
    apply_and_push(ctx, FlatCommand(ctx, change), done, refused)


def add_change(ctx: AppContext, flat: Flat) -> FlatChange:
    project_id = ctx.project_id
    assert project_id is not None, "a flat belongs to a project"
    text = QCoreApplication.translate("FlatDialog", "Add flat {key}").format(key=flat.key)
    change = FlatChange(text, _no_step, _no_step)

    def redo(session: Session) -> None:
        change.flat_ids = [add_flat(session, project_id=project_id, flat=flat, actor=ctx.actor)]

    def undo(session: Session) -> None:
        delete_flat(session, flat_id=change.flat_ids[0], actor=ctx.actor)

    change.redo, change.undo = redo, undo
    return change


def edit_change(ctx: AppContext, stored: StoredFlat, flat: Flat) -> FlatChange:
    """Replace a flat's data; each step refuses if another workstation saved in between."""
    text = QCoreApplication.translate("FlatDialog", "Edit flat {key}").format(key=flat.key)
    change = FlatChange(text, _no_step, _no_step, [stored.id])
    version = [stored.version]

    def apply(target: Flat) -> Step:
        def step(session: Session) -> None:
            version[0] = update_flat(session, flat_id=stored.id, flat=target, actor=ctx.actor,
                                     expected_version=version[0])
        return step

    change.redo, change.undo = apply(flat), apply(stored.flat)
    return change


def delete_change(ctx: AppContext, flats: list[StoredFlat]) -> FlatChange:
    """Delete flats; undo registers them again as they were when deleted."""
    project_id = ctx.project_id
    assert project_id is not None, "a flat belongs to a project"
    if len(flats) == 1:
        text = QCoreApplication.translate("FlatDialog", "Delete flat {key}").format(
            key=flats[0].flat.key)
    else:
        text = QCoreApplication.translate("FlatDialog", "Delete {count} flats").format(
            count=len(flats))
    change = FlatChange(text, _no_step, _no_step, [s.id for s in flats])
    deleted: list[Flat] = []

    def redo(session: Session) -> None:
        deleted[:] = [delete_flat(session, flat_id=fid, actor=ctx.actor)
                      for fid in change.flat_ids]

    def undo(session: Session) -> None:
        change.flat_ids = [add_flat(session, project_id=project_id, flat=f, actor=ctx.actor)
                           for f in deleted]

    change.redo, change.undo = redo, undo
    return change


def _no_step(_session: Session) -> None:
    raise AssertionError("step replaced before use")


# --- parsing what is typed -----------------------------------------------------


def parse_amount(text: str) -> tuple[Decimal | None, str | None]:
    """Text to a Decimal with at most two decimals: (value, None) or (None, message).

    Full-width digits, spaces and thousands separators are accepted, as
    operators paste them from Word and Excel.
    """
    cleaned = "".join(unicodedata.normalize("NFKC", text).split()).replace(",", "")
    if not cleaned:
        return None, None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None, QCoreApplication.translate("FlatDialog", "Enter a number, for example 85.50")
    if not value.is_finite():
        return None, QCoreApplication.translate("FlatDialog", "Enter a number, for example 85.50")
    if value != value.quantize(CENT):
        return None, QCoreApplication.translate("FlatDialog", "Use at most two decimals")
    return value.quantize(CENT), None


# --- the dialog ------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestions:
    """Values already used in the project, offered while typing."""

    buildings: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    layouts: tuple[str, ...] = ()

    @classmethod
    def from_flats(cls, flats: Iterable[StoredFlat]) -> Suggestions:
        flats = list(flats)
        return cls(tuple(sorted({s.flat.building for s in flats})),
                   tuple(sorted({s.flat.unit for s in flats})),
                   tuple(sorted({s.flat.layout for s in flats})))


TEXT_FIELDS = ("building", "unit", "number", "area", "inner_area", "layout", "base_price")


class FlatDialog(QDialog):
    """Add a flat (``stored`` is None) or edit one; saving happens on OK.

    After ``accepted``, :attr:`saved_id` is the flat's id.
    """

    def __init__(self, ctx: AppContext, stored: StoredFlat | None,
                 parent: QWidget | None = None, *,
                 suggestions: Suggestions | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._stored = stored
        self._suggestions = suggestions or Suggestions()
        self._touched: set[str] = set()
        self.saved_id: FlatId | None = stored.id if stored else None
        self.problems: dict[str, str] = {}
        self.setWindowTitle(self.tr("Edit flat") if stored else self.tr("Add flat"))
        self._make_fields()
        self._make_buttons()
        self._lay_out()
        self._fill(stored.flat if stored else None)
        self._connect()
        self._validate()

    # --- building the form ---------------------------------------------------

    def _make_fields(self) -> None:
        self.building = self._line_edit(self._suggestions.buildings)
        self.unit = self._line_edit(self._suggestions.units)
        self.floor = QSpinBox()
        self.floor.setRange(1, MAX_FLOOR)
        self.number = self._line_edit(())
        self.area = self._line_edit(())
        self.area.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.area.setPlaceholderText("85.50")
        self.inner_area = self._line_edit(())  # 套内建筑面积: blank when not measured
        self.inner_area.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.inner_area.setPlaceholderText(self.tr("optional"))
        self.layout_edit = self._line_edit(
            tuple(dict.fromkeys(self._suggestions.layouts + COMMON_LAYOUTS)))
        self.layout_edit.setPlaceholderText("3室2厅1卫")
        self.orientation = QComboBox()
        self.orientation.setEditable(True)
        self.orientation.addItems(["", *COMMON_ORIENTATIONS])
        self.base_price = self._line_edit(())
        self.base_price.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.base_price.setPlaceholderText("4000.00")
        self.status = QComboBox()
        for status in FlatStatus:
            # Qt hands str-enums back as plain str: store the value, convert on the way out.
            self.status.addItem(status_label(status), status.value)
        self._status_by_session(None)
        self.total = QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(ERROR_STYLE)
        self.errors = {name: self._error_label() for name in (*TEXT_FIELDS, "floor")}

    @staticmethod
    def _line_edit(completions: tuple[str, ...]) -> QLineEdit:
        edit = QLineEdit()
        if completions:
            completer = QCompleter(list(completions), edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            edit.setCompleter(completer)
        return edit

    @staticmethod
    def _error_label() -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _make_buttons(self) -> None:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._add_row(form, self.tr("&Building:"), self.building, "building")
        self._add_row(form, self.tr("&Unit:"), self.unit, "unit")
        self._add_row(form, self.tr("&Floor:"), self.floor, "floor")
        self._add_row(form, self.tr("Flat &number:"), self.number, "number")
        self._add_row(form, self.tr("Floor &area:"), self.area, "area", unit="m²")
        self._add_row(form, self.tr("&Inner area:"), self.inner_area, "inner_area", unit="m²")
        self._add_row(form, self.tr("&Layout:"), self.layout_edit, "layout")
        self._add_row(form, self.tr("&Orientation:"), self.orientation, None)
        self._add_row(form, self.tr("Base &price:"), self.base_price, "base_price",
                      unit=self.tr("yuan/m²"))
        self._add_row(form, self.tr("&Status:"), self.status, None)
        form.addRow(self.tr("Total price:"), self.total)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _add_row(self, form: QFormLayout, label: str, widget: QWidget, name: str | None,
                 unit: str = "") -> None:
        text = QLabel(label)
        text.setBuddy(widget)
        form.addRow(text, self._with_unit(widget, unit) if unit else widget)
        if name is not None:
            form.addRow("", self.errors[name])

    @staticmethod
    def _with_unit(edit: QWidget, unit: str) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        row.addWidget(QLabel(unit))
        return box

    def _fill(self, flat: Flat | None) -> None:
        if flat is None:
            self.floor.setValue(1)
            return
        self.building.setText(flat.building)
        self.unit.setText(flat.unit)
        self.floor.setValue(flat.floor)
        self.number.setText(flat.number)
        self.area.setText(str(flat.area))
        self.inner_area.setText("" if flat.inner_area is None else str(flat.inner_area))
        self.layout_edit.setText(flat.layout)
        self.orientation.setCurrentText(flat.orientation)
        self.base_price.setText(str(flat.base_price))
        self.status.setCurrentIndex(self.status.findData(flat.status.value))
        self._status_by_session(flat.status)
        # Everything shown is the stored data: point at any problem at once.
        self._touched.update((*TEXT_FIELDS, "floor"))

    def _status_by_session(self, stored: FlatStatus | None) -> None:
        """Only the selection session sets 已选 (update_flat refuses it by hand): a chosen
        flat's status is locked, and no other flat may be marked chosen here."""
        chosen = stored == FlatStatus.SELECTED
        self.status.setEnabled(not chosen)
        self.status.setToolTip(self.tr(
            "This flat was chosen in the selection session: its status changes only there "
            "(by revoking the choice at the desk).") if chosen else self.tr(
            "“Selected” is set only by a household's choice in the selection session."))
        item = self.status.model().item(self.status.findData(FlatStatus.SELECTED.value))
        item.setEnabled(chosen)

    def _connect(self) -> None:
        for name in TEXT_FIELDS:
            edit: QLineEdit = self._edit(name)
            edit.textChanged.connect(lambda _text, n=name: self._changed(n))
        self.floor.valueChanged.connect(lambda _value: self._changed("floor"))
        self.orientation.currentTextChanged.connect(lambda _text: self._validate())
        self.status.currentIndexChanged.connect(lambda _index: self._validate())

    def _edit(self, name: str) -> QLineEdit:
        return self.layout_edit if name == "layout" else getattr(self, name)

    # --- validation ----------------------------------------------------------

    def _changed(self, name: str) -> None:
        self._touched.add(name)
        self._validate()

    def flat(self) -> Flat | None:
        """The flat as typed, or None while area or price is not a number."""
        area, area_error = parse_amount(self.area.text())
        price, price_error = parse_amount(self.base_price.text())
        _, inner_error = parse_amount(self.inner_area.text())
        if area_error or price_error or inner_error:
            return None
        return self._flat_with(area or Decimal(0), price or Decimal(0))

    def _flat_with(self, area: Decimal, price: Decimal) -> Flat:
        inner, _ = parse_amount(self.inner_area.text())  # None when blank or not a number
        return Flat(building=self.building.text().strip(), unit=self.unit.text().strip(),
                    floor=self.floor.value(), number=self.number.text().strip(), area=area,
                    layout=self.layout_edit.text().strip(), base_price=price,
                    orientation=self.orientation.currentText().strip(),
                    status=FlatStatus(self.status.currentData()), inner_area=inner)

    def _validate(self) -> None:
        self.problems = self._find_problems()
        for name, label in self.errors.items():
            message = self.problems.get(name) if name in self._touched else None
            self._show_error(name, label, message)
        self.ok_button.setEnabled(not self.problems)
        self._show_summary()
        self._show_total()

    def _find_problems(self) -> dict[str, str]:
        """Field → first message: parse errors first, then the registry's own rules."""
        problems: dict[str, str] = {}
        amounts: dict[str, Decimal] = {}
        for name in ("area", "base_price", "inner_area"):
            value, error = parse_amount(self._edit(name).text())
            if error:
                problems[name] = error
            amounts[name] = value if value is not None else Decimal(0)
        flat = self._flat_with(amounts["area"], amounts["base_price"])
        for problem in check_flat(flat):
            params = {**problem.params, "field": problem.field}
            problems.setdefault(problem.field, describe(problem.code, params))
        return problems

    def _show_error(self, name: str, label: QLabel, message: str | None) -> None:
        label.setText(message or "")
        label.setVisible(bool(message))
        widget = self.floor if name == "floor" else self._edit(name)
        widget.setStyleSheet(INVALID_FIELD_STYLE if message else "")

    def _show_summary(self, message: str | None = None) -> None:
        if message is None:
            untouched = [n for n in self.problems if n not in self._touched]
            if untouched:
                names = self.tr(", ").join(field_name(n) for n in untouched)
                message = self.tr("Still to fill in: {fields}").format(fields=names)
        self.summary.setText(message or "")
        self.summary.setVisible(bool(message))

    def _show_total(self) -> None:
        area, _ = parse_amount(self.area.text())
        price, _ = parse_amount(self.base_price.text())
        if area is None or price is None or area <= 0 or price <= 0:
            self.total.setText("—")
            return
        total = format_decimal(self._flat_with(area, price).list_price)
        self.total.setText(self.tr("{total} yuan").format(total=total))

    # --- saving --------------------------------------------------------------

    def accept(self) -> None:
        """Save, and close only if the database took the change."""
        flat = self.flat()
        if flat is None or self.problems:
            return
        if self._stored is not None and flat == self._stored.flat:
            super().accept()
            return
        change = (edit_change(self._ctx, self._stored, flat) if self._stored
                  else add_change(self._ctx, flat))
        self.buttons.setEnabled(False)  # one save at a time; back on if refused

        def stored() -> None:
            if shiboken6.isValid(self):  # the operator may have closed it meanwhile
                self.saved_id = change.flat_ids[0]
                super(FlatDialog, self).accept()

        def refused(error: BaseException) -> None:
            if shiboken6.isValid(self):
                self.buttons.setEnabled(True)
                self._show_refusal(error)

        run_change(self._ctx, change, stored, refused)

    def _show_refusal(self, error: BaseException) -> None:
        """Put the database's answer next to the field it concerns, or under the form."""
        message = describe_error(error)
        name = None
        if isinstance(error, AnjuError):
            name = "number" if error.code == "flat_exists" else error.params.get("field")
        if name in self.errors:
            self._touched.add(name)
            self._show_error(name, self.errors[name], message)
            (self.floor if name == "floor" else self._edit(name)).setFocus()
            self._show_summary("")
            return
        self._show_summary(message)
