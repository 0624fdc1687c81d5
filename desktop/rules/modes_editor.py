"""The compensation modes a policy offers besides area mode: value swap and money compensation.

Each mode is one checkable box editing its section of the policy's JSON form
(``value_swap`` or ``money_compensation``; unchecked: null, the mode is not
offered): the subsidies as a table (name, percent of the assessed value),
the policy's compensation items that also count as check boxes, whether the
transition allowance is paid too and, for value swap, the share rule of the
last flat and the two lists of layouts. The box does no checking: the
policy names what is wrong, and ``highlight`` marks it (paths relative to
the section).
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from desktop.rules.policy_words import UNKNOWN, mark, tr
from desktop.rules.record_table import INVALID_BACKGROUND, Column, RecordTable, split_list

NAME_ROLE = Qt.ItemDataRole.UserRole
#: The keys of a value swap beyond the ones both modes share.
VALUE_SWAP_FIELDS = ("last_flat_min_share", "alone_layouts", "non_residential_layouts")
_ITEM = re.compile(r"^\[(\d+)\]")


class ModeBox(QGroupBox):
    """One mode's section; checked when the policy offers it. ``changed`` after each edit."""

    changed = Signal()

    def __init__(self, key: str, title: str, *, value_swap: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.key = key
        self.setObjectName(key)
        self.setCheckable(True)
        self.setChecked(False)
        self._loading = False
        self._chosen: list[str] = []  # the items counted, in the policy's order
        self._known: list[str] = []
        self.subsidies = RecordTable(
            [Column("name", self.tr("Subsidy"), width=110),
             Column("percent", self.tr("Percent of assessed value"), "decimal",
                    tip=self.tr("e.g. 5: 5 % of the assessed value is paid on top of it"))],
            lambda: {"name": self.tr("New subsidy"), "percent": "0"})
        self.subsidies.table.setMinimumHeight(72)
        self.subsidies.changed.connect(self._edited)
        self.items = QListWidget()
        self.items.setObjectName(f"{key}.items")
        self.items.setToolTip(self.tr(
            "The policy's compensation items (tab Compensation) also paid in this mode, "
            "counted as in area mode. An item paying the home's value by its legal area would "
            "count the home twice beside its assessed value."))
        self.items.setMinimumHeight(60)
        self.items.itemChanged.connect(self._item_changed)
        self.transition = QCheckBox(self.tr("The &transition allowance is paid too"))
        self.transition.setObjectName(f"{key}.transition")
        self.transition.toggled.connect(self._edited)
        self.fields: dict[str, QLineEdit] = {}
        # A value swap's subsidies beside its items, not above them: stacked, the tab was
        # taller than the others and pushed the Rules page past 800 px. Money compensation
        # has no more rows to fit, and its narrower box needs the width for the names.
        layout = QGridLayout(self)
        layout.addWidget(self._label(self.tr("Subsidies, % of the assessed value:")), 0, 0)
        layout.addWidget(self.subsidies, 1, 0)
        items_at = (0, 1) if value_swap else (2, 0)
        layout.addWidget(self._label(self.tr("Compensation items also counted:")), *items_at)
        layout.addWidget(self.items, items_at[0] + 1, items_at[1])
        layout.setRowStretch(1, 1)
        if value_swap:
            layout.setColumnStretch(0, 3)
            layout.setColumnStretch(1, 2)
        else:
            layout.setRowStretch(3, 1)
        layout.addWidget(self.transition, 4, 0, 1, 2)
        if value_swap:
            layout.addLayout(self._value_swap_form(), 5, 0, 1, 2)
        self.toggled.connect(self._edited)

    def _label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def _value_swap_form(self) -> QFormLayout:
        share = self._edit("last_flat_min_share", self.tr("e.g. 0.5; empty: any"))
        share.setAlignment(Qt.AlignmentFlag.AlignRight)
        share.setFixedWidth(max(110, share.fontMetrics().horizontalAdvance(
            share.placeholderText()) + 24))
        share.setToolTip(self.tr(
            "A flat the value left does not cover in full (the last one) may be taken only "
            "if what is left is at least this share of its value, e.g. 0.5: half; empty: "
            "any share. Shops (non-residential layouts) are exempt."))
        alone = self._edit("alone_layouts", self.tr("e.g. 一室一厅"))
        alone.setToolTip(self.tr(
            "Layouts that may only be taken as the household's only flat, separated by "
            "commas; empty: none"))
        shops = self._edit("non_residential_layouts", self.tr("e.g. 商铺"))
        shops.setToolTip(self.tr(
            "Layouts that are not homes, separated by commas: exempt from the share rule, "
            "their value counts like any flat's; empty: none"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Last flat: least share of its value left:"), share)
        form.addRow(self.tr("Layouts taken only alone:"), alone)
        form.addRow(self.tr("Non-residential layouts (shops):"), shops)
        return form

    def _edit(self, key: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"{self.key}.{key}")
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(self._edited)
        self.fields[key] = edit
        return edit

    # --- data -----------------------------------------------------------------------

    def load(self, section: Any) -> None:
        """Show ``section`` (the mode's JSON object, or None: not offered)."""
        self._loading = True
        offered = isinstance(section, dict)
        data: dict[str, Any] = section if isinstance(section, dict) else {}
        self.setChecked(offered)
        self.subsidies.set_records(data.get("subsidies") or [])
        self._chosen = [str(name) for name in data.get("items") or []]
        self.transition.setChecked(bool(data.get("transition")))
        for key, edit in self.fields.items():
            value = data.get(key)
            edit.setText(", ".join(map(str, value)) if isinstance(value, list)
                         else "" if value is None else str(value))
        self._fill_items()
        self._loading = False

    def section(self) -> dict[str, Any] | None:
        """The mode's JSON object as the box shows it, or None when the mode is not offered."""
        if not self.isChecked():
            return None
        section: dict[str, Any] = {"subsidies": self.subsidies.records(),
                                   "items": list(self._chosen),
                                   "transition": self.transition.isChecked()}
        for key, edit in self.fields.items():
            text = edit.text().strip()
            if key == "last_flat_min_share":
                section[key] = text or None  # a factor as typed: the policy reads it
            else:
                section[key] = split_list(text)
        return section

    def set_known_items(self, names: list[str]) -> None:
        """The policy's compensation items, offered as check boxes (the chosen ones kept)."""
        if names != self._known:
            self._known = list(names)
            self._fill_items()

    def _fill_items(self) -> None:
        was = self._loading
        self._loading = True
        self.items.clear()
        unknown = [name for name in dict.fromkeys(self._chosen) if name not in self._known]
        for name in self._known + unknown:
            label = name if name in self._known else tr(UNKNOWN).format(name=name)
            item = QListWidgetItem(label)
            item.setData(NAME_ROLE, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in self._chosen
                               else Qt.CheckState.Unchecked)
            self.items.addItem(item)
        self._loading = was

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        name = str(item.data(NAME_ROLE))
        if item.checkState() == Qt.CheckState.Checked:
            if name not in self._chosen:
                self._chosen.append(name)
        else:
            self._chosen = [chosen for chosen in self._chosen if chosen != name]
        self._edited()

    def check_item(self, name: str, checked: bool = True) -> None:
        """Tick or clear an item's box, as a click would."""
        for row in range(self.items.count()):
            item = self.items.item(row)
            if item.data(NAME_ROLE) == name:
                item.setCheckState(Qt.CheckState.Checked if checked
                                   else Qt.CheckState.Unchecked)

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    # --- state ----------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)
        self.subsidies.set_read_only(read_only)
        for edit in self.fields.values():
            edit.setReadOnly(read_only)

    def highlight(self, problems: dict[str, str]) -> None:
        """Mark what the paths (relative to the section: ``.items[1]``, ``.subsidies[0].percent``,
        ``.last_flat_min_share``, "" for the whole) name."""
        def under(key: str) -> dict[str, str]:
            return {path[len(key) + 1:]: message for path, message in problems.items()
                    if path == f".{key}" or path.startswith((f".{key}[", f".{key}."))}
        mark(self, problems.get(""))
        self.subsidies.highlight(under("subsidies"))
        mark(self.transition, problems.get(".transition"))
        for key, edit in self.fields.items():
            found = [message for path, message in under(key).items()]
            mark(edit, "\n".join(found) or None)
        self._highlight_items(under("items"))

    def _highlight_items(self, problems: dict[str, str]) -> None:
        was = self._loading
        self._loading = True  # colours and tips change items: not an edit
        wrong: dict[str, str] = {}
        whole = None
        for path, message in problems.items():
            found = _ITEM.match(path)
            if found and int(found.group(1)) < len(self._chosen):
                name = self._chosen[int(found.group(1))]
                wrong[name] = "\n".join(filter(None, (wrong.get(name), message)))
            else:
                whole = message
        for row in range(self.items.count()):
            item = self.items.item(row)
            message = wrong.get(str(item.data(NAME_ROLE)))
            item.setData(Qt.ItemDataRole.BackgroundRole, INVALID_BACKGROUND if message else None)
            item.setToolTip(message or "")
        self._loading = was
        mark(self.items, whole)

    def reveal(self, rest: str) -> None:
        """Put the focus on what ``rest`` (relative to the section) names."""
        found = re.match(r"^\.subsidies\[(\d+)\]", rest)
        if found:
            self.subsidies.table.setCurrentCell(int(found.group(1)), 0)
            self.subsidies.table.setFocus()
            return
        found = re.match(r"^\.items\[(\d+)\]", rest)
        if found and int(found.group(1)) < len(self._chosen):
            name = self._chosen[int(found.group(1))]
            for row in range(self.items.count()):
                if self.items.item(row).data(NAME_ROLE) == name:
                    self.items.setCurrentRow(row)
            self.items.setFocus()
            return
        key = rest.lstrip(".").split("[")[0]
        if key in self.fields:
            self.fields[key].setFocus()
        elif key == "transition":
            self.transition.setFocus()
        else:
            self.setFocus()
