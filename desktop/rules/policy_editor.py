"""The policy as forms: name, entitlement, extra area, prices, compensation, modes, groups.

The editor works on the policy's JSON form (:func:`allocation.policy.policy_to_dict`):
``load(data)`` shows a dict, ``data()`` builds one from the forms. It does no
checking of its own: the page builds a Policy from ``data()`` and hands the
problems back through ``show_problems`` (key path → message), which marks
the fields, cells and conditions at fault and colours the tabs that hold them.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.common import scrolled
from desktop.rules.condition_builder import ConditionBuilder
from desktop.rules.items_editor import ConditionSlot, ItemsEditor
from desktop.rules.modes_editor import ModeBox
from desktop.rules.policy_words import CHOICES, choice_label, mark
from desktop.rules.record_table import Column, RecordTable, get_path, set_path

TAB_ENTITLEMENT, TAB_EXTRAS, TAB_PRICES, TAB_COMPENSATION, TAB_MODES, TAB_GROUPS = range(6)
PROBLEM_TAB_COLOUR = QColor("#c62828")
# Where each part of the policy is edited, longest prefix first.
_TABS = (("entitlement.extras", TAB_EXTRAS), ("entitlement", TAB_ENTITLEMENT),
         ("band", TAB_ENTITLEMENT), ("pricing", TAB_PRICES), ("compensation", TAB_COMPENSATION),
         ("transition", TAB_COMPENSATION), ("business_loss", TAB_COMPENSATION),
         ("value_swap", TAB_MODES),
         ("money_compensation", TAB_MODES), ("groups", TAB_GROUPS),
         ("default_group", TAB_GROUPS), ("session", TAB_GROUPS))
_NO_TRANSITION = {"per_person_month": "0.00", "months": 0, "minimum_month": "0.00"}
_MINIMUM_CONDITION = "entitlement.minimum_condition"
_EVERYONE = {"all": []}
# The pricing keys left out of the JSON form at their defaults (allocation.rules.pricing).
_PRICE_RULE_DEFAULTS = {"area_basis": "building", "shared_area_share": None,
                        "single_flat_bonus": None, "round_up": None}


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def move_key(item: dict[str, Any]) -> str:
    """The moves choice of a compensation item of the JSON form (see CHOICES["moves"])."""
    if item.get("moves") is not True:
        return "no"
    return "per_move_own_once" if item.get("own_transition_moves") == 1 else "per_move"


def moves_of(item: dict[str, Any]) -> dict[str, Any]:
    """The item with its moves choice back as the JSON's keys; at their defaults (not per
    move, twice in own transition) the keys are left out, as the canonical form has them."""
    key = item.pop("moves", "no")
    item.pop("own_transition_moves", None)
    if key in ("per_move", "per_move_own_once"):
        item["moves"] = True
        if key == "per_move_own_once":
            item["own_transition_moves"] = 1
    return item


def _restriction(record: dict[str, Any]) -> dict[str, Any]:
    """A group without any flat limit has no restriction at all (null), as the JSON form has."""
    limit = record.get("flat_restriction")
    if isinstance(limit, dict) and all(v is None or v == [] for v in limit.values()):
        record["flat_restriction"] = None
    return record


class PolicyEditor(QWidget):
    """Every part of a policy as forms; ``changed`` after each edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base: dict[str, Any] = {}
        self._loading = False
        self.fields: dict[str, tuple[QLineEdit, str, bool]] = {}
        self.name_edit = self._field("name", "text")
        self.note_edit = self._field("version_note", "text", nullable=False)
        self.note_edit.setPlaceholderText(self.tr("e.g. 2026-11-01, version 1"))
        self.reference_edit = self._field("reference_date", "date", nullable=True,
                                          placeholder=self.tr("e.g. 2026-11-01"))
        self.reference_edit.setToolTip(self.tr(
            "Reference date: the day on which every age, duration and date condition is "
            "judged, e.g. the day the expropriation decision was announced. The pool, the "
            "desk and every paper count ages to this day. Required before freezing."))
        # Two rows: the name is long (the project's, in full), the others short.
        head = QFormLayout()
        head.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        head.addRow(self.tr("Policy &name:"), self.name_edit)
        second = QHBoxLayout()
        second.addWidget(self.note_edit, 1)
        second.addSpacing(12)
        second.addWidget(QLabel(self.tr("Reference &date:")))
        self._buddy(second, self.reference_edit, 0)
        head.addRow(self.tr("Version note:"), second)
        # Each tab scrolls: the tallest (prices, compensation) would otherwise make the page
        # taller than a 1366×768 laptop leaves room for, and the widest wider than 1280 px.
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolled(self._entitlement_tab()), self.tr("Entitlement"))
        self.tabs.addTab(scrolled(self._extras_tab()), self.tr("Extra area"))
        self.tabs.addTab(scrolled(self._prices_tab()), self.tr("Prices"))
        self.tabs.addTab(scrolled(self._compensation_tab()), self.tr("Compensation"))
        self.tabs.addTab(scrolled(self._modes_tab()), self.tr("Compensation modes"))
        self.tabs.addTab(scrolled(self._groups_tab()), self.tr("Priority groups"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)

    # --- building -------------------------------------------------------------------

    def _buddy(self, row: QHBoxLayout, edit: QWidget, stretch: int) -> None:
        label = row.itemAt(row.count() - 1).widget()
        if isinstance(label, QLabel):
            label.setBuddy(edit)
        row.addWidget(edit, stretch)

    def _field(self, path: str, kind: str, *, nullable: bool = False,
               placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(path)
        edit.setPlaceholderText(placeholder)
        if kind != "text":
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            # Wide enough for the hint of an empty field, in whichever language it is.
            hint = edit.fontMetrics().horizontalAdvance(placeholder) + 24
            edit.setFixedWidth(max(110, hint))
        edit.textEdited.connect(self._edited)
        self.fields[path] = (edit, kind, nullable)
        return edit

    def _form(self, rows: list[tuple[str, QWidget]]) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for label, widget in rows:
            form.addRow(label, widget)
        return form

    def _entitlement_tab(self) -> QWidget:
        self.combine_combo = QComboBox()
        for key in CHOICES["combine"]:
            self.combine_combo.addItem(choice_label("combine", key), key)
        self.combine_combo.currentIndexChanged.connect(self._edited)
        unset = self.tr("empty: no limit")
        left = self._form([
            (self.tr("Area per &person (m²):"), self._field("entitlement.area_per_person",
                                                            "decimal")),
            (self.tr("Counted &by:"), self.combine_combo),
            (self.tr("Legal area ratio:"), self._field(
                "entitlement.legal_area_ratio", "decimal", nullable=True,
                placeholder=self.tr("e.g. 1.2"))),
            (self.tr("Minimum area (m²):"), self._field("entitlement.minimum_area", "decimal")),
            (self.tr("Ma&ximum area (m²):"), self._field(
                "entitlement.maximum_area", "decimal", nullable=True, placeholder=unset)),
        ])
        right = self._form([
            (self.tr("&Cap on area bought over it (m²):"), self._field(
                "entitlement.excess_cap", "decimal")),
            (self.tr("Choice may fall short by (m²):"), self._field(
                "band.below", "decimal", nullable=True, placeholder=unset)),
            (self.tr("Choice may exceed by (m²):"), self._field(
                "band.above", "decimal", nullable=True, placeholder=self.tr("empty: the cap"))),
            (self.tr("Flats per household, at most:"), self._field(
                "entitlement.max_flats", "int", nullable=True,
                placeholder=self.tr("empty: any number"))),
            (self.tr("More than one flat from (m²):"), self._field(
                "entitlement.several_flats_from", "decimal", nullable=True,
                placeholder=self.tr("empty: every household"))),
        ])
        self.fields["entitlement.several_flats_from"][0].setToolTip(self.tr(
            "Only households entitled to at least this area may take more than one flat "
            "(安置面积达到…平方米的可选购多套); the others take one."))
        self.fields["entitlement.maximum_area"][0].setToolTip(self.tr(
            "The entitlement never exceeds this, after extra area and the minimum "
            "(安置面积最高不超过…)."))
        self.minimum_condition = ConditionBuilder("household")
        self.minimum_condition.changed.connect(self._edited)
        minimum = self._box(self.tr("The minimum area is for households that meet"),
                            self.minimum_condition)

        self.categories = ItemsEditor(
            [Column("name", self.tr("Category"), width=160),
             Column("area", self.tr("Area per person (m²)"), "decimal")],
            lambda: {"name": self.tr("New category"), "area": "45.00", "member_condition": {
                "all": [{"field": "new_member", "op": "==", "value": True}]}},
            [ConditionSlot("member_condition", "member", self.tr("Members in this category"))])
        self.categories.changed.connect(self._edited)
        # Beside the categories, under the forms: beside the forms it widened the page past
        # 1280 px, and across the tab it made the tab taller than the window allows.
        lower = QHBoxLayout()
        lower.addWidget(self._box(
            self.tr("Person categories: members who count another area (first match wins)"),
            self.categories), 3)
        lower.addWidget(minimum, 2)
        minimum.layout().setAlignment(self.minimum_condition, Qt.AlignmentFlag.AlignTop)
        return self._tab([(self._columns(left, right), 0), (lower, 1)])

    def _extras_tab(self) -> QWidget:
        self.extras = ItemsEditor(
            [Column("name", self.tr("Name"), width=180),
             Column("area", self.tr("Area (m²)"), "decimal", width=90),
             Column("per", self.tr("Counted"), "choice", choices="per",
                    options=("household", "person")),
             self._members_column()],
            lambda: {"name": self.tr("New extra area"), "area": "10.00", "per": "household",
                     "condition": {"all": []}, "member_condition": None,
                     "members": "recognised"},
            [ConditionSlot("condition", "household", self.tr("Household condition")),
             ConditionSlot("member_condition", "member", self.tr("Members counted"),
                           self.tr("Per person: count only members who meet"))])
        self.extras.changed.connect(self._edited)
        hint = QLabel(self.tr("Extra entitlement area when a condition holds, per household "
                              "or per matching member."))
        hint.setWordWrap(True)
        return self._tab([(hint, 0), (self.extras, 1)])

    def _prices_tab(self) -> QWidget:
        prices = self._form([
            (self.tr("&Base price (yuan/m²):"), self._field(
                "pricing.base_price", "decimal", nullable=True,
                placeholder=self.tr("empty: each flat's own"))),
            (self.tr("Price beyond the cap (yuan/m²):"), self._field(
                "pricing.beyond_cap_price", "decimal", nullable=True,
                placeholder=self.tr("empty: not allowed"))),
            (self.tr("Refund for area not taken (yuan/m²):"), self._field(
                "pricing.refund_price", "decimal", nullable=True,
                placeholder=self.tr("empty: no refund"))),
        ])
        self.tiers = RecordTable(
            [Column("start", self.tr("From (m² over)"), "decimal", width=110),
             Column("end", self.tr("To (m² over)"), "decimal", width=110),
             Column("price", self.tr("Price (yuan/m²)"), "decimal", nullable=True, width=110),
             Column("factor", self.tr("or factor × base price"), "decimal", nullable=True,
                    width=130),
             Column("end_share_of_legal", self.tr("Ends by share of legal area"), "decimal",
                    nullable=True, tip=self.tr(
                        "e.g. 0.1: the tier ends at 10 % of the original legal area over the "
                        "entitlement if that comes before its end, and the next tier starts "
                        "there; empty: at its end. Not on the last tier."))],
            self._new_tier)
        self.tiers.changed.connect(self._edited)
        # Room for three tiers, whatever else the tab holds: policies have two or three.
        table = self.tiers.table
        table.setMinimumHeight(3 * table.verticalHeader().defaultSectionSize()
                               + table.horizontalHeader().sizeHint().height()
                               + 2 * table.frameWidth())
        self.floors = RecordTable(
            [Column("first_floor", self.tr("First floor"), "int", width=56),
             Column("last_floor", self.tr("Last floor"), "int", width=56),
             Column("factor", self.tr("Factor"), "decimal")],
            lambda: {"first_floor": 1, "last_floor": 1, "factor": "1"})
        self.floors.changed.connect(self._edited)
        self.increments = RecordTable(
            [Column("first_floor", self.tr("First floor"), "int", width=56),
             Column("last_floor", self.tr("Last floor"), "int", width=56),
             Column("amount", self.tr("± yuan/m²"), "decimal",
                    tip=self.tr("Added to the unit price of these floors, e.g. 100; "
                                "negative takes off, e.g. -50"))],
            lambda: {"first_floor": 1, "last_floor": 1, "amount": "0.00"})
        self.increments.changed.connect(self._edited)
        self.orientations = RecordTable(
            [Column("orientation", self.tr("Orientation"), width=90,
                    tip=self.tr("As the flats list writes it, e.g. 南北")),
             Column("factor", self.tr("Factor"), "decimal")],
            lambda: {"orientation": self.tr("South-north"), "factor": "1"})
        self.orientations.changed.connect(self._edited)
        # Side by side: three short lists, and the tiers keep the height they need.
        adjustments = QHBoxLayout()
        for title, table in ((self.tr("Floor coefficients"), self.floors),
                             (self.tr("Floor increments"), self.increments),
                             (self.tr("Orientation coefficients"), self.orientations)):
            # The columns fit; a scroll bar for the last pixels would hide a row.
            table.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            adjustments.addWidget(self._box(title, table), 1)
        hint = QLabel(self.tr("Unit price = price × floor coefficient × orientation "
                              "coefficient + floor increment, to the fen."))
        hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # The rule beside the tiers' buttons, not under the lists: with the problems list
        # open the tiers need every row of height they can get, and the area rules took the
        # room it had beside the price fields.
        self.tiers.add_beside_buttons(hint)
        top = QHBoxLayout()
        top.addLayout(prices)
        top.addSpacing(16)
        top.addLayout(self._area_rules_form())
        top.addStretch(1)
        return self._tab([(top, 0), (self._round_up_row(), 0), (self._box(
            self.tr("Tiers of area over the entitlement, from 0 up to the cap, end to end "
                    "(a price or a factor each)"), self.tiers), 3),
            (adjustments, 2)])

    def _area_rules_form(self) -> QFormLayout:
        """The area basis (计价面积) with its shared-area share, and the single-flat bonus."""
        self.area_basis_combo = QComboBox()
        self.area_basis_combo.setObjectName("pricing.area_basis")
        for key in CHOICES["area_basis"]:
            self.area_basis_combo.addItem(choice_label("area_basis", key), key)
        self.area_basis_combo.setToolTip(self.tr(
            "The area of each flat that is laid against the entitlement and priced: its "
            "building area (建筑面积) or its inner area (套内建筑面积)"))
        self.area_basis_combo.currentIndexChanged.connect(self._edited)
        share = self._field("pricing.shared_area_share", "decimal", nullable=True,
                            placeholder=self.tr("e.g. 0.12"))
        share.setToolTip(self.tr(
            "Inner area only: a flat without an inner area in the flats list counts its "
            "building area × (1 − this share), e.g. 0.12 for 12 % shared area (公摊); "
            "empty: such a flat cannot be priced"))
        bonus = self._field("pricing.single_flat_bonus", "decimal", nullable=True,
                            placeholder=self.tr("empty: none"))
        bonus.setToolTip(self.tr(
            "Taken off the price of a household that takes exactly one flat (单套奖励); "
            "property exchange by area only"))
        return self._form([(self.tr("Area &counted:"), self.area_basis_combo),
                           (self.tr("Shared share if no inner area:"), share),
                           (self.tr("Single-flat bonus (yuan):"), bonus)])

    def _round_up_row(self) -> QHBoxLayout:
        """就近上靠 as one sentence: one flat over by at most so many m², the excess at a price."""
        reach = self._field("pricing.round_up.max_area", "decimal", nullable=True,
                            placeholder=self.tr("empty: none"))
        reach.setToolTip(self.tr(
            "A household taking one flat whose area is over its entitlement by no more than "
            "this pays the whole excess at the round-up price instead of the tiers; further "
            "over, the tiers apply to all of it"))
        price = self._field("pricing.round_up.price", "decimal", nullable=True)
        factor = self._field("pricing.round_up.factor", "decimal", nullable=True)
        parts: list[str | QLineEdit] = [
            self.tr("Round-up (就近上靠): one flat over by at most"), reach,
            self.tr("m², the whole excess at"), price, self.tr("yuan/m² or base price ×"),
            factor]
        row = QHBoxLayout()
        for part in parts:
            if isinstance(part, QLineEdit):
                part.setFixedWidth(90)  # one sentence across the tab: short fields
            row.addWidget(QLabel(part) if isinstance(part, str) else part)
        row.addStretch(1)
        return row

    def _price_rules_data(self, data: dict[str, Any]) -> None:
        """The area basis, round-up and bonus in ``data`` as the JSON form has them: a round-up
        with nothing filled in is none, and a key at its default stays out unless it was in."""
        pricing, base = data["pricing"], self._base.get("pricing") or {}
        pricing["area_basis"] = self.area_basis_combo.currentData()
        round_up = pricing.get("round_up")
        if isinstance(round_up, dict) and all(v is None for v in round_up.values()):
            pricing["round_up"] = None
        for key, default in _PRICE_RULE_DEFAULTS.items():
            if pricing.get(key) == default and key not in base:
                del pricing[key]

    def _new_tier(self) -> dict[str, Any]:
        tiers = self.tiers.records()
        start = tiers[-1].get("end") if tiers else "0.00"
        cap = self.fields["entitlement.excess_cap"][0].text().strip() or start
        return {"start": start, "end": cap, "price": None, "factor": "1",
                "end_share_of_legal": None}

    def _compensation_tab(self) -> QWidget:
        self.compensation = ItemsEditor(
            [Column("name", self.tr("Item"), width=170),
             Column("amount", self.tr("Amount (yuan)"), "decimal", width=110),
             Column("per", self.tr("Counted"), "choice", choices="per"),
             Column("moves", self.tr("Paid"), "choice", choices="moves", width=150,
                    tip=self.tr("Per move (搬迁费): twice for property exchange (through "
                                "transition housing or own transition), once for money "
                                "compensation; or own transition once")),
             self._members_column()],
            lambda: {"name": self.tr("New item"), "amount": "0.00", "per": "household",
                     "condition": {"all": []}, "member_condition": None,
                     "members": "recognised", "moves": "no"},
            [ConditionSlot("condition", "household", self.tr("Paid when the household meets")),
             ConditionSlot("member_condition", "member", self.tr("Members counted"),
                           self.tr("Per person or certificate: count only members who meet"))],
            finish=moves_of)
        self.compensation.changed.connect(self._edited)
        self.transition_box = QGroupBox(self.tr("&Transition allowance"))
        self.transition_box.setCheckable(True)
        self.transition_box.toggled.connect(self._edited)
        self.transition_members = QComboBox()
        for key in CHOICES["members"]:
            self.transition_members.addItem(choice_label("members", key), key)
        self.transition_members.setToolTip(self._members_tip())
        self.transition_members.currentIndexChanged.connect(self._edited)
        # Rows of two: one row of four is wider than the page at 1280 px in Chinese.
        grid = QGridLayout(self.transition_box)
        cells = [
            (self.tr("Per person and month (yuan):"),
             self._field("transition.per_person_month", "decimal")),
            (self.tr("Months:"), self._field("transition.months", "int")),
            (self.tr("At least per household and month (yuan):"),
             self._field("transition.minimum_month", "decimal")),
            (self.tr("Counting:"), self.transition_members),
            (self.tr("Share in transition housing:"), self._field(
                "transition.in_housing", "decimal", nullable=True,
                placeholder=self.tr("empty: none")))]
        self.fields["transition.in_housing"][0].setToolTip(self.tr(
            "The share of the allowance a household lent transition housing (周转用房) gets: "
            "empty or 0 none, 1 all of it, e.g. 0.5 half"))
        for index, (label, widget) in enumerate(cells):
            row, column = divmod(index, 2)
            grid.addWidget(QLabel(label), row, 3 * column)
            grid.addWidget(widget, row, 3 * column + 1)
        grid.setColumnMinimumWidth(2, 16)
        grid.setColumnStretch(5, 1)
        lower = QHBoxLayout()
        lower.addWidget(self.transition_box, 3)
        lower.addWidget(self._business_loss_box(), 2)
        return self._tab([(self.compensation, 1), (lower, 0)])

    def _business_loss_box(self) -> QGroupBox:
        """停产停业损失 of a non-residential old home: a percent of the assessed value, or an
        amount per m² of legal area and month for some months."""
        self.business_loss_box = QGroupBox(self.tr("&Business loss of non-residential homes"))
        self.business_loss_box.setCheckable(True)
        self.business_loss_box.setToolTip(self.tr(
            "停产停业损失: paid to a household whose old home was used for business (非住宅)"))
        self.business_loss_box.toggled.connect(self._edited)
        form = self._form([
            (self.tr("Percent of the assessed value:"), self._field(
                "business_loss.percent", "decimal", nullable=True,
                placeholder=self.tr("e.g. 5"))),
            (self.tr("or yuan per m² and month:"), self._field(
                "business_loss.per_area_month", "decimal", nullable=True)),
            (self.tr("for months:"), self._field("business_loss.months", "int",
                                                 nullable=True)),
        ])
        self.business_loss_box.setLayout(form)
        return self.business_loss_box

    def _business_loss_data(self, data: dict[str, Any]) -> None:
        """The section as the JSON form has it: none when unchecked (left out if it was not
        in), months left out when empty."""
        if not self.business_loss_box.isChecked():
            if "business_loss" in self._base:
                data["business_loss"] = None
            else:
                data.pop("business_loss", None)
            return
        section = data["business_loss"]
        if section.get("months") is None:
            section.pop("months", None)

    def _transition_data(self, data: dict[str, Any]) -> None:
        if not self.transition_box.isChecked():
            data["transition"] = None
            return
        set_path(data, "transition.members", self.transition_members.currentData())
        if get_path(data, "transition.in_housing") is None:
            del data["transition"]["in_housing"]

    def _modes_tab(self) -> QWidget:
        self.value_swap = ModeBox("value_swap", self.tr("Offer &value swap (by value)"),
                                  value_swap=True)
        self.money = ModeBox("money_compensation", self.tr("Offer &money compensation"),
                             value_swap=False)
        row = QHBoxLayout()
        for box, stretch in ((self.value_swap, 3), (self.money, 2)):
            box.changed.connect(self._edited)
            row.addWidget(box, stretch)
        self.compensation.changed.connect(self._offer_items)
        hint = QLabel(self.tr(
            "Property exchange by area (the other tabs) is always offered. A mode checked here "
            "is offered too: it starts from the household's assessed value (评估价值) and adds "
            "its subsidies, the items ticked and, if ticked, the transition allowance."))
        hint.setWordWrap(True)
        return self._tab([(hint, 0), (row, 1)])

    def _modes(self) -> tuple[ModeBox, ModeBox]:
        return self.value_swap, self.money

    def _offer_items(self) -> None:
        """The mode boxes offer the compensation items the table holds now."""
        names = [str(item.get("name") or "") for item in self.compensation.records()]
        for box in self._modes():
            box.set_known_items([name for name in dict.fromkeys(names) if name])

    def _members_tip(self) -> str:
        return self.tr("Whose ages and conditions the rule reads, and whom it counts per "
                       "person: the recognised members (认定人口) or every registered member "
                       "(家庭成员)")

    def _members_column(self) -> Column:
        return Column("members", self.tr("Members"), "choice", choices="members", width=110,
                      tip=self._members_tip())

    def _groups_tab(self) -> QWidget:
        self.groups = ItemsEditor(
            [Column("name", self.tr("Group"), width=130),
             Column("order_within", self.tr("Order within"), "choice", choices="order_within",
                    width=140),
             Column("flat_restriction.floor_min", self.tr("Lowest floor"), "int",
                    nullable=True, width=66),
             Column("flat_restriction.floor_max", self.tr("Highest floor"), "int",
                    nullable=True, width=66),
             Column("flat_restriction.buildings", self.tr("Buildings"), "list", width=70,
                    tip=self.tr("Only these buildings, separated by commas; empty: any")),
             Column("flat_restriction.layouts", self.tr("Layouts"), "list",
                    tip=self.tr("Only these layouts, separated by commas; empty: any")),
             self._members_column()],
            lambda: {"name": self.tr("New group"), "condition": {"all": []},
                     "flat_restriction": None, "order_within": "lottery",
                     "members": "recognised"},
            [ConditionSlot("condition", "household", self.tr("Households in this group"))],
            finish=_restriction)
        self.groups.changed.connect(self._edited)
        hint = QLabel(self.tr("Groups choose in this order; a household joins the first group "
                              "whose condition it meets."))
        hint.setWordWrap(True)
        default = QHBoxLayout()
        default.addWidget(QLabel(self.tr("Everyone e&lse:")))
        self._buddy(default, self._field("default_group", "text"), 1)
        return self._tab([(hint, 0), (self.groups, 1), (default, 0), (self._absent_row(), 0)])

    def _absent_row(self) -> QHBoxLayout:
        """Where a household absent after its calls is called again (session.absent)."""
        self.absent_combo = QComboBox()
        self.absent_combo.setObjectName("session.absent")
        for key in CHOICES["absent"]:
            self.absent_combo.addItem(choice_label("absent", key), key)
        self.absent_combo.setToolTip(self.tr(
            "A household called at its place that does not come (过号) is called again here; "
            "absent a second time, it waits for the final call"))
        self.absent_combo.currentIndexChanged.connect(self._edited)
        row = QHBoxLayout()
        label = QLabel(self.tr("Absent after its calls, called again:"))
        label.setBuddy(self.absent_combo)
        row.addWidget(label)
        row.addWidget(self.absent_combo)
        row.addStretch(1)
        return row

    def _load_absent(self, data: dict[str, Any]) -> None:
        absent = get_path(data, "session.absent") or "end_of_batch"
        if self.absent_combo.findData(absent) < 0:
            self.absent_combo.addItem(choice_label("absent", absent), absent)
        self.absent_combo.setCurrentIndex(self.absent_combo.findData(absent))

    def _absent_data(self, data: dict[str, Any]) -> None:
        """The default rule stays out of the JSON form unless it was in (the hash stays)."""
        absent = self.absent_combo.currentData()
        if absent != "end_of_batch" or "session" in self._base:
            data["session"] = {**(self._base.get("session") or {}), "absent": absent}

    def _columns(self, left: QFormLayout, right: QFormLayout) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addLayout(left)
        row.addSpacing(16)
        row.addLayout(right)
        row.addStretch(1)
        return row

    def _box(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(widget)
        return box

    def _tab(self, parts: list[tuple[QWidget | QLayout, int]]) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        for part, stretch in parts:
            if isinstance(part, QLayout):
                layout.addLayout(part, stretch)
            else:
                layout.addWidget(part, stretch)
        return page

    # --- data -----------------------------------------------------------------------

    def load(self, data: dict[str, Any]) -> None:
        """Show the policy ``data`` (its JSON form; optional keys may be missing)."""
        self._loading = True
        self._base = copy.deepcopy(data)
        for path, (edit, _kind, _nullable) in self.fields.items():
            edit.setText(_text(get_path(data, path)))
        combine = get_path(data, "entitlement.combine") or "people"
        index = self.combine_combo.findData(combine)
        if index < 0:
            self.combine_combo.addItem(choice_label("combine", combine), combine)
            index = self.combine_combo.count() - 1
        self.combine_combo.setCurrentIndex(index)
        basis = get_path(data, "pricing.area_basis") or "building"
        if self.area_basis_combo.findData(basis) < 0:
            self.area_basis_combo.addItem(choice_label("area_basis", basis), basis)
        self.area_basis_combo.setCurrentIndex(self.area_basis_combo.findData(basis))
        self._load_absent(data)
        lists = self._lists()
        for path, editor in lists.items():
            editor.set_records(get_path(data, path) or [])
        self.compensation.set_records([{**item, "moves": move_key(item)}
                                       for item in data.get("compensation") or []
                                       if isinstance(item, dict)])
        self.transition_box.setChecked(data.get("transition") is not None)
        self.business_loss_box.setChecked(data.get("business_loss") is not None)
        if get_path(data, "business_loss.months") == 0:  # the default, for a percent basis
            self.fields["business_loss.months"][0].setText("")
        members = get_path(data, "transition.members") or "recognised"
        self.transition_members.setCurrentIndex(max(0, self.transition_members.findData(members)))
        self.minimum_condition.set_condition(get_path(data, _MINIMUM_CONDITION) or _EVERYONE)
        self._offer_items()
        for box in self._modes():
            box.load(data.get(box.key))
        self._loading = False

    def _lists(self) -> dict[str, ItemsEditor | RecordTable]:
        return {"entitlement.person_categories": self.categories,
                "entitlement.extras": self.extras, "pricing.tiers": self.tiers,
                "pricing.floor_coefficients": self.floors,
                "pricing.floor_increments": self.increments,
                "pricing.orientation_coefficients": self.orientations,
                "compensation": self.compensation, "groups": self.groups}

    def data(self) -> dict[str, Any]:
        """The policy in its JSON form, as the forms show it now."""
        data = copy.deepcopy(self._base)
        for path, (edit, kind, nullable) in self.fields.items():
            set_path(data, path, self._value(edit.text(), kind, nullable))
        set_path(data, "entitlement.combine", self.combine_combo.currentData())
        set_path(data, _MINIMUM_CONDITION, self.minimum_condition.condition())
        self._price_rules_data(data)
        self._absent_data(data)
        for path, editor in self._lists().items():
            set_path(data, path, editor.records())
        self._transition_data(data)
        self._business_loss_data(data)
        for box in self._modes():
            section = box.section()
            if section is not None or box.key in self._base:
                data[box.key] = section
        return data

    def _value(self, text: str, kind: str, nullable: bool) -> Any:
        if kind == "text":
            return text
        text = text.strip()
        if not text and nullable:
            return None
        if kind == "int" and re.fullmatch(r"-?[0-9]+", text):
            return int(text)
        return text  # decimals as typed: the policy reads them, or names what is wrong

    def _edited(self) -> None:
        if self._loading:
            return
        if self.transition_box.isChecked() and self._transition_empty():
            self._loading = True
            for key, value in _NO_TRANSITION.items():
                self.fields[f"transition.{key}"][0].setText(str(value))
            self._loading = False
        self.changed.emit()

    def _transition_empty(self) -> bool:
        return all(not self.fields[f"transition.{k}"][0].text() for k in _NO_TRANSITION)

    # --- state ----------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        for edit, _kind, _nullable in self.fields.values():
            edit.setReadOnly(read_only)
        self.combine_combo.setEnabled(not read_only)
        self.area_basis_combo.setEnabled(not read_only)
        self.absent_combo.setEnabled(not read_only)
        self.transition_box.setEnabled(not read_only)
        self.transition_members.setEnabled(not read_only)
        self.business_loss_box.setEnabled(not read_only)
        self.minimum_condition.set_read_only(read_only)
        for box in self._modes():
            box.set_read_only(read_only)
        for editor in self._lists().values():
            editor.set_read_only(read_only)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Mark every field named by a problem's key path; colour the tabs that hold one."""
        for path, (edit, _kind, _nullable) in self.fields.items():
            mark(edit, problems.get(path))
        mark(self.combine_combo, problems.get("entitlement.combine"))
        mark(self.area_basis_combo, problems.get("pricing.area_basis"))
        mark(self.absent_combo, problems.get("session.absent") or problems.get("session"))
        for key in ("price", "factor"):  # neither or both: the round-up's price is ambiguous
            mark(self.fields[f"pricing.round_up.{key}"][0],
                 problems.get(f"pricing.round_up.{key}") or problems.get("pricing.round_up"))
        mark(self.transition_box, problems.get("transition"))
        for key in ("percent", "per_area_month"):  # neither or both: the basis is ambiguous
            mark(self.fields[f"business_loss.{key}"][0],
                 problems.get(f"business_loss.{key}") or problems.get("business_loss"))
        self.minimum_condition.highlight({
            path[len(_MINIMUM_CONDITION):].lstrip("."): message
            for path, message in problems.items()
            if path == _MINIMUM_CONDITION or path.startswith(_MINIMUM_CONDITION + ".")})
        for prefix, editor in self._lists().items():
            editor.highlight({path[len(prefix):]: message for path, message in problems.items()
                              if path == prefix or path.startswith((prefix + "[", prefix + "."))})
        for box in self._modes():
            box.highlight({path[len(box.key):]: message for path, message in problems.items()
                           if path == box.key or path.startswith((box.key + ".", box.key + "["))})
        tabs = {tab_of(path) for path in problems}
        bar = self.tabs.tabBar()
        for index in range(self.tabs.count()):
            bar.setTabTextColor(index, PROBLEM_TAB_COLOUR if index in tabs else QColor())

    def reveal(self, path: str) -> None:
        """Show the tab and field of ``path`` and put the focus there."""
        tab = tab_of(path)
        if tab is not None:
            self.tabs.setCurrentIndex(tab)
        if path in self.fields:
            self.fields[path][0].setFocus()
            return
        if path == "pricing.round_up":
            self.fields["pricing.round_up.price"][0].setFocus()
            return
        if path == "business_loss":
            self.fields["business_loss.percent"][0].setFocus()
            return
        if path.startswith(_MINIMUM_CONDITION):
            self.minimum_condition.setFocus()
            return
        for box in self._modes():
            if path == box.key or path.startswith(box.key + "."):
                box.reveal(path[len(box.key):])
                return
        for prefix, editor in self._lists().items():
            found = re.match(re.escape(prefix) + r"\[(\d+)\]", path)
            table = editor.table if isinstance(editor, RecordTable) else editor.table.table
            if found:
                table.setCurrentCell(int(found.group(1)), 0)
                table.setFocus()
                return


def tab_of(path: str) -> int | None:
    """The tab where the policy part at ``path`` is edited (None: above the tabs)."""
    return next((tab for prefix, tab in _TABS if path.startswith(prefix)), None)

