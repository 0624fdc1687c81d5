"""The household at the desk: order number, head, members, entitlement, band, group, calls,
proxy and the time it has left.

Full names and ID numbers: this is the operator's screen, not the hall's.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from allocation.errors import ValidationError
from allocation.registry import CompensationMode, age_on
from db.selection import AtDesk
from desktop.registry import conditions_text
from desktop.session.countdown import Countdown
from desktop.session.session_words import area, order_number, yuan

_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse
NUMBER_STYLE = "font-size: 26pt; font-weight: bold; color: #0b3d91;"
NAME_STYLE = "font-size: 16pt; font-weight: bold;"
COUNTDOWN_STYLE_POINTS = 22
MEMBER_COLUMNS = 5


class HouseholdCard(QWidget):
    """Shows one :class:`AtDesk` (or "nobody at the desk"); the countdown runs by itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.at_desk: AtDesk | None = None
        self.number_label = QLabel()
        self.number_label.setStyleSheet(NUMBER_STYLE)
        self.name_label = QLabel()
        self.name_label.setStyleSheet(NAME_STYLE)
        self.name_label.setWordWrap(True)
        self.countdown = Countdown()
        font = self.countdown.font()
        font.setPointSize(COUNTDOWN_STYLE_POINTS)
        font.setBold(True)
        self.countdown.setFont(font)
        self.facts: dict[str, QLabel] = {}
        self.members = self._members_table()
        self._lay_out()
        self.show_household(None)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        rows = (("code", self.tr("Household:")), ("head_id", self.tr("Head's ID:")),
                ("entitlement", self.tr("Entitlement:")), ("band", self.tr("May choose:")),
                ("group", self.tr("Group:")), ("calls", self.tr("Calls:")),
                ("proxy", self.tr("Proxy:")), ("compensation", self.tr("Compensation:")))
        for key, text in rows:
            label = QLabel()
            label.setTextInteractionFlags(_SELECTABLE)
            label.setWordWrap(True)
            self.facts[key] = label
            form.addRow(text, label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.number_label)
        layout.addWidget(self.name_label)
        layout.addWidget(self.countdown)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Members:")))
        layout.addWidget(self.members, 1)

    def _members_table(self) -> QTableWidget:
        table = QTableWidget(0, MEMBER_COLUMNS)
        table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Relation"), self.tr("Age"),
                                         self.tr("Counted"), self.tr("Conditions")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    # --- content -------------------------------------------------------------------

    def show_household(self, at_desk: AtDesk | None, *, calls_before_move: int = 3,
                       seconds: int = 0,
                       server_now: datetime | None = None) -> None:
        """Show the household called now; None clears the card and stops the countdown."""
        self.at_desk = at_desk
        if at_desk is None:
            # At the name's size: in the number's 26 pt it is wider than the card (English).
            self.number_label.setStyleSheet(NAME_STYLE)
            self.number_label.setText(self.tr("Nobody at the desk"))
            self.name_label.setText(self.tr("Press F5 to call the next household."))
            for label in self.facts.values():
                label.setText("—")
            self.members.setRowCount(0)
            self.countdown.stop()
            return
        turn, household = at_desk.turn, at_desk.household
        self.number_label.setStyleSheet(NUMBER_STYLE)
        self.number_label.setText(order_number(turn.order_no))
        self.name_label.setText(f"{household.head_name}　{household.code}")
        self._show_facts(at_desk, calls_before_move)
        self._show_members(at_desk)
        if at_desk.deadline is not None and server_now is not None:
            self.countdown.start(at_desk.deadline, total=seconds, server_now=server_now)
        else:
            self.countdown.stop()

    def _show_facts(self, at_desk: AtDesk, calls_before_move: int) -> None:
        turn, household = at_desk.turn, at_desk.household
        f = self.facts
        f["code"].setText(self.tr("{code}, {people} people, {counted} counted").format(
            code=household.code, people=len(household.members),
            counted=household.recognised_count))
        f["head_id"].setText(household.head_id)
        if household.compensation_mode is CompensationMode.VALUE:
            # By value there is no entitlement in m²: the value available buys the flats.
            f["entitlement"].setText(self.tr("by value (价值互换)"))
            f["band"].setText(self.tr("flats its value available covers"))
        else:
            f["entitlement"].setText(self.tr("{area} m²").format(area=area(at_desk.entitlement)))
            band = at_desk.band
            # Rules without a lower bound give 0: "0.00 – 86.00 m²" reads as if a flat of
            # nothing were on offer, so only the ceiling is said.
            text = (self.tr("at most {high} m²") if band.low <= 0
                    else self.tr("{low} – {high} m²"))
            f["band"].setText(text.format(low=area(band.low), high=area(band.high)))
        f["group"].setText(turn.group_name or self.tr("(no priority group)"))
        f["calls"].setText(self.tr("call {calls} of {limit}").format(
            calls=turn.calls, limit=calls_before_move)
            + (self.tr(", moved to the end once") if turn.call_round > 1 else ""))
        f["calls"].setStyleSheet("color: #b71c1c; font-weight: bold;"
                                 if turn.calls >= calls_before_move else "")
        if turn.proxy_name:
            f["proxy"].setText(f"{turn.proxy_name}（{turn.proxy_id or ''}）")
            f["proxy"].setStyleSheet("color: #8a4b00; font-weight: bold;")
        else:
            f["proxy"].setText(self.tr("none: the household chooses in person"))
            f["proxy"].setStyleSheet("")
        text = (self.tr("{amount} yuan available") if household.compensation_mode
                is CompensationMode.VALUE else self.tr("{amount} yuan"))
        f["compensation"].setText(text.format(amount=yuan(at_desk.compensation)))

    def _show_members(self, at_desk: AtDesk) -> None:
        members = at_desk.household.members
        self.members.setRowCount(len(members))
        for row, member in enumerate(members):
            try:
                age = str(age_on(member.id_number, at_desk.ages_on))
            except ValidationError:
                age = "?"
            cells = (member.name, member.relation, age,
                     self.tr("yes") if member.recognised else self.tr("no"),
                     conditions_text(member.conditions))
            for column, text in enumerate(cells):
                self.members.setItem(row, column, QTableWidgetItem(text))
