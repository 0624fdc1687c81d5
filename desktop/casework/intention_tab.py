"""The case log's intention (选房意向): what the household wants, best first, and where.

:class:`IntentionForm` holds the layouts, buildings, floor range and number
of flats; the Intention tab records it with its date and who asked, and the
Visits tab can record one with a visit (the visit's date and first visitor).
The Intention is built on the database worker, so a form that breaks a rule
(a layout named twice, floors reversed) is refused in words under the tabs,
like any other refusal, and nothing is stored.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from allocation.chances import Intention, join_names, split_names
from db import casework
from db.casework import CaseLog
from desktop.casework.case_host import CaseHost
from desktop.casework.labels import day_text
from desktop.common import chosen_date, date_edit

#: The floor spin boxes' lowest value, shown as "any": no bound.
ANY_FLOOR = 0


class FormValues(NamedTuple):
    layouts: str
    buildings: str
    floor_min: int  # ANY_FLOOR: no bound
    floor_max: int
    flats: int


def _floor_box(any_text: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(ANY_FLOOR, 99)
    box.setSpecialValueText(any_text)
    return box


class IntentionForm(QWidget):
    """Layouts and buildings (、-separated, best first), floor range and flats wanted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layouts_edit = QLineEdit()
        self.layouts_edit.setPlaceholderText(self.tr("best first, e.g. 3室2厅1卫、2室2厅1卫"))
        self.buildings_edit = QLineEdit()
        self.buildings_edit.setPlaceholderText(self.tr("any; or e.g. 1、4"))
        self.floor_min_box = _floor_box(self.tr("any"))
        self.floor_max_box = _floor_box(self.tr("any"))
        self.flats_box = QSpinBox()
        self.flats_box.setRange(1, 9)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for text, widget in ((self.tr("Buildings"), self.buildings_edit),
                             (self.tr("Floors"), self.floor_min_box),
                             ("–", self.floor_max_box), (self.tr("Flats"), self.flats_box)):
            row.addWidget(QLabel(text))
            row.addWidget(widget, 2 if widget is self.buildings_edit else 0)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Layouts wanted"), self.layouts_edit)
        form.addRow("", _wrap(row))

    def values(self) -> FormValues:
        """What the form holds, as plain values a worker may read (see :func:`build_intention`)."""
        return FormValues(self.layouts_edit.text(), self.buildings_edit.text(),
                          self.floor_min_box.value(), self.floor_max_box.value(),
                          self.flats_box.value())

    def show_intention(self, intention: Intention | None) -> None:
        self.layouts_edit.setText(join_names(intention.layouts) if intention else "")
        self.buildings_edit.setText(join_names(intention.buildings) if intention else "")
        self.floor_min_box.setValue((intention.floor_min or ANY_FLOOR) if intention else 0)
        self.floor_max_box.setValue((intention.floor_max or ANY_FLOOR) if intention else 0)
        self.flats_box.setValue(intention.flats if intention else 1)


def _wrap(layout: QHBoxLayout) -> QWidget:
    holder = QWidget()
    holder.setLayout(layout)
    return holder


def intention_text(intention: Intention) -> str:
    """One line of what the household wants: 3室2厅1卫、2室2厅1卫 · 1、4栋 · 2–6层 · 2套."""
    parts = [join_names(intention.layouts)]
    if intention.buildings:
        parts.append(QCoreApplication.translate("IntentionForm", "buildings {names}").format(
            names=join_names(intention.buildings)))
    if intention.floor_min is not None or intention.floor_max is not None:
        parts.append(QCoreApplication.translate("IntentionForm", "floors {low}–{high}").format(
            low=intention.floor_min or "", high=intention.floor_max or ""))
    if intention.flats > 1:
        parts.append(QCoreApplication.translate("IntentionForm", "{flats} flats").format(
            flats=intention.flats))
    return " · ".join(parts)


class IntentionTab(QWidget):
    """What the household said it wants, when and to whom; record it again, or clear it."""

    def __init__(self, case: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.current_label = QLabel()
        self.current_label.setWordWrap(True)
        self.current_label.setStyleSheet("font-size: 11pt;")
        self.form = IntentionForm()
        self.date_edit = date_edit()
        self.recorder_edit = QLineEdit()
        self.recorder_edit.setPlaceholderText(self.tr("who asked"))
        self.record_button = QPushButton(self.tr("&Record intention"))
        self.record_button.clicked.connect(self.record)
        self.clear_button = QPushButton(self.tr("Clear (unknown)"))
        self.clear_button.clicked.connect(self.clear)
        note = QLabel(self.tr("Households without an intention count as unknown: the chances "
                              "assume they may take any flat the rules allow them."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        when = QHBoxLayout()
        when.addWidget(QLabel(self.tr("Recorded on")))
        when.addWidget(self.date_edit)
        when.addWidget(QLabel(self.tr("by")))
        when.addWidget(self.recorder_edit, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current_label)
        layout.addWidget(self.form)
        layout.addLayout(when)
        layout.addLayout(buttons)
        layout.addWidget(note)
        layout.addStretch(1)

    def show_log(self, log: CaseLog) -> None:
        entry = log.intention
        if entry is None:
            self.current_label.setText(self.tr("Intention: unknown (not recorded)"))
        else:
            self.current_label.setText(self.tr("Intention: {what} (recorded {day} by {who})")
                                       .format(what=intention_text(entry.intention),
                                               day=day_text(entry.recorded_on),
                                               who=entry.recorded_by))
        self.form.show_intention(entry.intention if entry else None)
        pair = log.assignment.pair if log.assignment else None
        self.recorder_edit.setText(entry.recorded_by if entry else
                                   (pair.first if pair else self.case.ctx.actor))
        self.clear_button.setEnabled(entry is not None)

    def record(self) -> None:
        household_id, actor, values = self.case.household_id, self.case.ctx.actor, \
            self.form.values()
        on, who = chosen_date(self.date_edit), self.recorder_edit.text()
        self.case.run(lambda s: casework.record_intention(
            s, household_id=household_id, intention=build_intention(values), recorded_on=on,
            recorded_by=who, actor=actor))

    def clear(self) -> None:
        household_id, actor = self.case.household_id, self.case.ctx.actor
        self.case.run(lambda s: casework.clear_intention(s, household_id=household_id,
                                                         actor=actor))


def build_intention(values: FormValues) -> Intention:
    """The form's values as an Intention; run on the worker, so a refusal is worded there.

    Raises:
        ValidationError: ``intention_duplicate``, ``intention_no_layout``, ``too_long``,
            ``intention_floor_range``.
    """
    return Intention(split_names("layouts", values.layouts),
                     split_names("buildings", values.buildings),
                     None if values.floor_min == ANY_FLOOR else values.floor_min,
                     None if values.floor_max == ANY_FLOOR else values.floor_max, values.flats)
