"""The household dialog's 过渡安置与收款 tab: old home use, transition housing and its term,
and the payee account party A pays into.

None of these is settled by signing (allocation.registry.MODE_FIELDS): a household
moves into transition housing, or gives its account, after the agreement as often as
before it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from allocation.registry import TEXT_LIMITS, Household, OldHomeUse
from desktop.common import optional_date, optional_date_edit

#: The Household fields this tab edits.
FIELDS = ("old_home_use", "transition_housing", "transition_from", "transition_until",
          "payee_bank", "payee_name", "payee_account")


class TransitionPayeeFields(QWidget):
    """Editors for the transition and payee facts; ``edited(field)`` on every change."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.use_combo = QComboBox()
        self.use_combo.addItem(self.tr("Residential (住宅)"), OldHomeUse.RESIDENTIAL.value)
        self.use_combo.addItem(self.tr("Non-residential (非住宅)"),
                               OldHomeUse.NON_RESIDENTIAL.value)
        self.use_combo.setToolTip(self.tr(
            "A non-residential old home (shop, workshop) is also owed the loss of business"))
        self.housing_edit = self._text("transition_housing", self.tr(
            "Leave empty for transition by allowance (自行过渡)"))
        self.from_date = optional_date_edit(self.tr("no date"))
        self.until_date = optional_date_edit(self.tr("no date"))
        self.bank_edit = self._text("payee_bank", self.tr("e.g. 中国工商银行武汉江汉支行"))
        self.name_edit = self._text("payee_name", "")
        self.account_edit = self._text("payee_account", self.tr(
            "digits; spaces or hyphens between groups are kept"))
        self.widgets: dict[str, QWidget] = {
            "old_home_use": self.use_combo, "transition_housing": self.housing_edit,
            "transition_from": self.from_date, "transition_until": self.until_date,
            "payee_bank": self.bank_edit, "payee_name": self.name_edit,
            "payee_account": self.account_edit,
        }
        self._lay_out()
        self._connect()

    def _text(self, field: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(TEXT_LIMITS[field])
        edit.setPlaceholderText(placeholder)
        return edit

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.setHorizontalSpacing(10)
        form.addRow(self.tr("Old home use"), self.use_combo)
        form.addRow(self.tr("Transition housing (周转用房)"), self.housing_edit)
        term = QHBoxLayout()
        term.addWidget(self.from_date, 1)
        term.addWidget(QLabel(self.tr("until")))
        term.addWidget(self.until_date, 1)
        form.addRow(self.tr("Term of use"), term)
        form.addRow(self.tr("Payee's bank"), self.bank_edit)
        form.addRow(self.tr("Account name"), self.name_edit)
        form.addRow(self.tr("Account number"), self.account_edit)

    def _connect(self) -> None:
        self.use_combo.currentIndexChanged.connect(lambda *_: self.edited.emit("old_home_use"))
        for field, edit in (("transition_housing", self.housing_edit),
                            ("payee_bank", self.bank_edit), ("payee_name", self.name_edit),
                            ("payee_account", self.account_edit)):
            edit.textChanged.connect(lambda *_, f=field: self.edited.emit(f))
        self.from_date.dateChanged.connect(lambda *_: self.edited.emit("transition_from"))
        self.until_date.dateChanged.connect(lambda *_: self.edited.emit("transition_until"))

    def load(self, household: Household) -> None:
        self.use_combo.setCurrentIndex(self.use_combo.findData(household.old_home_use.value))
        self.housing_edit.setText(household.transition_housing)
        for edit, day in ((self.from_date, household.transition_from),
                          (self.until_date, household.transition_until)):
            if day is not None:
                edit.setDate(QDate(day.year, day.month, day.day))
        self.bank_edit.setText(household.payee_bank)
        self.name_edit.setText(household.payee_name)
        self.account_edit.setText(household.payee_account)

    def values(self) -> dict[str, Any]:
        """The tab's facts as Household keyword arguments."""
        return {
            "old_home_use": OldHomeUse(self.use_combo.currentData()),
            "transition_housing": self.housing_edit.text().strip(),
            "transition_from": optional_date(self.from_date),
            "transition_until": optional_date(self.until_date),
            "payee_bank": self.bank_edit.text().strip(),
            "payee_name": self.name_edit.text().strip(),
            "payee_account": self.account_edit.text().strip(),
        }
