"""The desk's widgets, how a :class:`DeskView` is shown on them, and choosing a flat.

:class:`desktop.session.session_page.SessionPage` adds the acts (the database);
this base lays the page out, shows what was read and keeps the flat chosen
in the list and the building view in step, so each half stays readable.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from allocation.registry import FlatStatus
from db.selection import (
    PAUSED,
    QUEUED,
    Act,
    DeskView,
    FlatOffer,
    SessionState,
    Turn,
    allowed_acts,
)
from desktop.common import DESK_SPLITTER, remember_splitter, scrolled
from desktop.i18n import describe_error
from desktop.registry import BuildingView
from desktop.session.batch_banner import BatchBanner
from desktop.session.chances_panel import ChancesPanel
from desktop.session.desk_models import OfferColumn, OffersModel, TurnColumn, TurnsModel
from desktop.session.household_card import HouseholdCard
from desktop.session.session_words import (
    area,
    order_number,
    session_status,
    signed_area,
    signed_yuan,
    turn_state,
    yuan,
)
from desktop.session.taken_flats import TakenFlats

OK_STYLE = "color: #1b5e20; font-weight: bold;"
ERROR_STYLE = "color: #b71c1c; font-weight: bold;"
PAUSED_STYLE = ("background: #ffd54f; color: #000000; font-size: 13pt; font-weight: bold;"
                " padding: 6px; border-radius: 4px;")
CHOICE_STYLE = "font-size: 12pt;"
BUTTON_STYLE = "QToolButton { font-size: 11pt; padding: 6px 10px; min-height: 28px; }"
# px of the household card: its facts wrap below this; less leaves the flats the room their
# needed columns take at 1280 px (flat to settlement, about 580 px in English)
CARD_WIDTH = 250
# px the order of the session starts with: its number, household, head and state in
# English (the flats, their money columns' units under their names, need the rest at 1280)
TURNS_WIDTH = 290
HEAD_WIDTH_NAME = "欧阳建国"  # the order's Head column fits this name
MAIN_ACTS = ("call", "skip", "proxy", "take", "put_back", "confirm", "decline", "pause")
SESSION_ACTS = ("open", "final_call", "close", "display", "window")
TURN_ACTS = ("requeue", "revoke", "reprint")


def ask_yes(parent: QWidget, title: str, text: str) -> bool:
    """A Yes/Cancel question, Cancel the default (tests patch QMessageBox.question)."""
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


def acts_enabled(state: SessionState | None, *, idle: bool, picked: Turn | None,
                 revocable: bool) -> dict[str, bool]:
    """Which of the desk's keys are enabled now: the session's acts, and its windows.

    The session decides its acts (:func:`db.selection.allowed_acts`). The
    hall's display and the desk's own window are not session rules: they
    only show, never change the session, so they are decided here. The
    display needs something to show (a project, or a session already read);
    the desk window can always be opened or made full screen.

    Args:
        idle: no act is under way and a project is chosen.
        picked: the turn chosen in the list of turns, if any.
        revocable: there is a selection the revoke and reprint acts would take.
    """
    allowed = allowed_acts(state, idle=idle, picked=picked, revocable=revocable)
    enabled = {act.value: act in allowed for act in Act}
    enabled["display"] = idle or state is not None
    enabled["window"] = True
    return enabled


class DeskLayout(QWidget):
    """The desk's widgets; ``build`` lays them out around the acts given."""

    chosen_key: str | None = None
    view: DeskView | None = None

    def build(self, actions: Mapping[str, QAction]) -> None:
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet("font-size: 11pt;")
        self.paused_label = QLabel(self.tr(
            "Paused: the hall's display shows 暂停. Press F9 to resume."))
        self.paused_label.setStyleSheet(PAUSED_STYLE)
        self.paused_label.hide()
        self.batch_banner = BatchBanner()
        self.card = HouseholdCard()
        self.card.setMinimumWidth(CARD_WIDTH)  # the household comes first: never squeezed
        self.chances_panel = ChancesPanel()  # its chances per layout, now and as estimated
        self.offers_model = OffersModel(self)
        self.offers_table = self._table(self.offers_model)
        # Facing shown last: flat, layout, area, ± entitlement, price and settlement are
        # what the operator reads out, and they must fit the list's width at 1280 px.
        offers_header = self.offers_table.horizontalHeader()
        offers_header.moveSection(offers_header.visualIndex(OfferColumn.ORIENTATION),
                                  offers_header.count() - 1)
        self.building = BuildingView()
        for status in (FlatStatus.RESERVED, FlatStatus.UNAVAILABLE):
            self.building.chips[status].hide()  # never offered: the legend stays narrow
        self.offers_hint = QLabel()
        self.offers_hint.setWordWrap(True)
        self.offers_hint.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.taken_panel = TakenFlats()
        self.choice_label = QLabel()
        self.choice_label.setWordWrap(True)
        self.choice_label.setStyleSheet(CHOICE_STYLE)
        self.turns_model = TurnsModel(self)
        self.turns_table = self._table(self.turns_model)
        self._narrow_heads(self.turns_table)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.slip_label = QLabel()
        self.slip_label.setWordWrap(True)
        self.slip_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = {key: self._button(action) for key, action in actions.items()}
        self._lay_out()

    def _table(self, model: OffersModel | TurnsModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    @staticmethod
    def _narrow_heads(table: QTableView) -> None:
        """The order's Head column as wide as a name of four characters (a 复姓 and two):
        a longer name is elided, whole in its tooltip, and the state beside it stays
        in sight in the order's narrow column."""
        header = table.horizontalHeader()
        header.setSectionResizeMode(TurnColumn.HEAD, QHeaderView.ResizeMode.Interactive)
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        header.resizeSection(TurnColumn.HEAD,
                             table.fontMetrics().horizontalAdvance(HEAD_WIDTH_NAME) + 4 * margin)

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setStyleSheet(BUTTON_STYLE)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys work wherever the focus is
        keys = action.shortcuts()
        if keys:
            key = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
            action.setIconText(f"{action.text()}  {'Enter' if key == 'Return' else key}")
        return button

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.batch_banner)
        top.addStretch(1)
        for key in SESSION_ACTS:
            top.addWidget(self.buttons[key])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        # Scrolled, not crushed: on a 768-pixel laptop the card's facts (and a long
        # household's members) are taller than the room the desk leaves it.
        card_area = scrolled(self.card)
        card_area.setMinimumWidth(
            CARD_WIDTH + card_area.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent))
        splitter.addWidget(self._box(self.tr("At the desk"), card_area))
        splitter.addWidget(self._offers_box())
        splitter.addWidget(self._turns_box())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        # The flats in the middle take what the household and the order leave: at 1280 px
        # their list shows flat, layout, area, ± entitlement, price and settlement.
        splitter.setSizes([CARD_WIDTH, 10_000, TURNS_WIDTH])
        remember_splitter(splitter, DESK_SPLITTER)
        acts = QHBoxLayout()
        for key in MAIN_ACTS:
            acts.addWidget(self.buttons[key])
        acts.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addLayout(top)
        layout.addWidget(self.paused_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(acts)
        layout.addWidget(self.message_label)
        layout.addWidget(self.slip_label)

    def _box(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(widget)
        return box

    def _offers_box(self) -> QGroupBox:
        self.tabs = QTabWidget()
        self.tabs.addTab(self.offers_table, self.tr("List"))
        self.tabs.addTab(self.building, self.tr("Building view"))
        box = QGroupBox(self.tr("Flats this household may take"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.offers_hint)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.taken_panel)
        layout.addWidget(self.choice_label)
        layout.addWidget(self.chances_panel)  # per layout: free now, and as estimated
        return box

    def _turns_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Order of the session"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.turns_table, 1)
        grid = QGridLayout()  # one button a row: the column stays narrow, the flats wide
        for row, key in enumerate(TURN_ACTS):
            grid.addWidget(self.buttons[key], row, 0)
        layout.addLayout(grid)
        return box

    # --- showing ----------------------------------------------------------------------

    def show_view(self, view: DeskView | None) -> None:
        state = None if view is None else view.state
        self.status_label.setText(self.status_text(view))
        self.paused_label.setVisible(state is not None and state.info.status == PAUSED)
        if state is None:
            self.card.show_household(None)
        else:
            info = state.info
            self.card.show_household(
                state.at_desk, calls_before_move=info.settings.calls_before_move,
                seconds=info.settings.seconds_per_household,
                server_now=state.read_at)
        offers = () if view is None else view.offers
        self.offers_model.set_rows(offers, together=view is not None and bool(view.taken))
        waiting = state is not None and state.at_desk is not None and not offers
        refusal = None if view is None else view.refusal
        taken = view is not None and bool(view.taken)
        self.offers_hint.setText(
            "" if not waiting else
            self.tr("No further flat may be added: press Enter to confirm the flats taken, "
                    "or Shift+F4 to put the last one back.") if taken else
            self.tr("This household is offered no flat: {reason}. Press F8 (takes no flat) "
                    "or settle its compensation first.").format(reason=describe_error(refusal))
            if refusal is not None else
            self.tr("No flat is left that this household may take: press F8 (takes no flat)."))
        self.taken_panel.show_taken(view)
        self.batch_banner.show_batch(None if view is None else view.batch)
        self.chances_panel.show_view(view)
        self._show_flats(view)
        self._show_turns(view)

    def status_text(self, view: DeskView | None) -> str:
        state = None if view is None else view.state
        if state is None:
            return self.tr("No selection session yet: open it once the draw is done.")
        info = state.info
        return self.tr(
            "Session {status} · held on {day} · {done} of {households} households done · "
            "{waiting} waiting · {flats} flats left · {seconds} s per household, "
            "{calls} calls").format(
            status=session_status(info.status), day=info.held_on.isoformat(),
            done=state.households_done, households=state.households,
            waiting=sum(state.turns_by_state.get(s, 0) for s in QUEUED),
            flats=state.flats_left, seconds=info.settings.seconds_per_household,
            calls=info.settings.calls_before_move)

    def _show_flats(self, view: DeskView | None) -> None:
        flats = () if view is None else view.flats
        self.building.set_flats(flats)
        offered = {o.flat.key for o in view.offers} if view is not None else set()
        ids = {s.id for s in flats if s.flat.key in offered}
        self.building.set_shown(ids if view is not None and view.state is not None else None)
        if view is not None and view.offers and self.chosen_key is None:
            buildings = {o.flat.building for o in view.offers}
            if self.building.current_building() not in buildings:
                self.building.set_building(view.offers[0].flat.building)

    def _show_turns(self, view: DeskView | None) -> None:
        picked = self.turns_model.turn_at(self.turns_table.currentIndex().row())
        if view is None:
            self.turns_model.set_rows([], {}, {})
            return
        self.turns_model.set_rows(view.turns, view.head_names, view.selections, view.choices)
        state = view.state
        code = picked.code if picked is not None else (
            state.at_desk.turn.code if state is not None and state.at_desk else None)
        row = self.turns_model.row_of(code) if code else None
        if row is not None:
            index = self.turns_model.index(row, 0)
            if picked is not None:
                self.turns_table.setCurrentIndex(index)
            self.turns_table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def choose_row(self, row: int) -> None:
        """Make offer ``row`` the chosen flat (the table's current row)."""
        self.offers_table.setCurrentIndex(self.offers_model.index(row, 0))
        self.offers_table.scrollTo(self.offers_model.index(row, 0))

    def taken_keys(self) -> tuple[str, ...]:
        """The flats the household at the desk has taken so far (一户多套), as last shown."""
        return () if self.view is None else tuple(f.key for f in self.view.taken)

    def show_choice(self, offer: FlatOffer | None) -> None:
        if offer is None:
            self.choice_label.setText(self.tr("No flat chosen."))
            return
        flat, price = offer.flat, offer.price
        if self.taken_keys():
            # Priced together with the flats taken: the figures are the household's.
            self.choice_label.setText(self.tr(
                "Next: <b>{flat}</b> {layout}, floor {floor} · with the flats taken: "
                "{area} m² ({difference}) · price <b>{price}</b> yuan · settlement "
                "<b>{settlement}</b> yuan").format(
                flat=flat.key, layout=flat.layout, floor=flat.floor, area=area(price.area),
                difference=signed_area(offer.difference), price=yuan(price.total),
                settlement=signed_yuan(offer.settlement)))
            return
        if offer.by_value:
            self.choice_label.setText(self.tr(
                "<b>{flat}</b> {layout}, floor {floor} · {area} m² · value <b>{value}</b> yuan "
                "· settlement <b>{settlement}</b> yuan").format(
                flat=flat.key, layout=flat.layout, floor=flat.floor, area=area(price.area),
                value=yuan(price.total), settlement=signed_yuan(offer.settlement)))
            return
        self.choice_label.setText(self.tr(
            "<b>{flat}</b> {layout}, floor {floor} · {area} m² ({difference}) · "
            "price <b>{price}</b> yuan · settlement <b>{settlement}</b> yuan").format(
            flat=flat.key, layout=flat.layout, floor=flat.floor, area=area(price.area),
            difference=signed_area(offer.difference), price=yuan(price.total),
            settlement=signed_yuan(offer.settlement)))

    def _money_lines(self, offer: FlatOffer, compensation: Decimal) -> list[str]:
        """Area and money of the confirmation: by entitlement and price, or by value.

        The area is the one counted (:func:`allocation.rules.counted_area`), which the
        entitlement is laid against and the price or value is worked from."""
        price = offer.price
        if offer.by_value:
            return [
                self.tr("Area: {area} m², value {unit} yuan/m²").format(
                    area=area(price.area), unit=yuan(offer.unit_value or Decimal(0))),
                self.tr("Flat's value: {value} yuan").format(value=yuan(price.total)),
                self.tr("Value available (property exchange by value): {amount} yuan").format(
                    amount=yuan(offer.available or Decimal(0))),
            ]
        return [
            self.tr("Area: {area} m² (entitlement {entitlement} m², {difference} m²)").format(
                area=area(price.area), entitlement=area(offer.entitlement),
                difference=signed_area(offer.difference)),
            self.tr("Price to pay: {price} yuan").format(price=yuan(price.total)),
            self.tr("Compensation: {amount} yuan").format(amount=yuan(compensation)),
        ]

    def several_confirmation_text(self, offer: FlatOffer, keys: tuple[str, ...]) -> str:
        """The second confirmation of several flats: each flat, then the household's totals."""
        state = self.view_state()
        at_desk = state.at_desk if state is not None else None
        assert at_desk is not None and self.view is not None
        turn, household = at_desk.turn, at_desk.household
        flats = {f.key: f for f in self.view.taken} | {offer.flat.key: offer.flat}
        lines = [self.tr("Household {code} {name} ({number}) takes {count} flats?").format(
            code=household.code, name=household.head_name, number=order_number(turn.order_no),
            count=len(keys)), ""]
        for number, key in enumerate(keys, start=1):
            flat = flats[key]
            lines.append(self.tr("{number}. {flat}: {layout}, floor {floor}, facing {facing}, "
                                 "{area} m²").format(
                number=number, flat=key, layout=flat.layout, floor=flat.floor,
                facing=flat.orientation or "—", area=area(flat.area)))
        lines += ["", *self._money_lines(offer, at_desk.compensation),
                  self.tr("Settlement: {balance} yuan ({direction})").format(
                      balance=signed_yuan(offer.settlement),
                      direction=self.tr("paid to the household") if offer.settlement >= 0
                      else self.tr("paid by the household"))]
        if turn.proxy_name:
            lines.append(self.tr("Chosen by the proxy {name} ({id_number})").format(
                name=turn.proxy_name, id_number=turn.proxy_id or ""))
        lines += ["", self.tr("Once confirmed the flats are final, all together, and the slip "
                              "is printed for signing.")]
        return "\n".join(lines)

    def confirmation_text(self, offer: FlatOffer) -> str:
        """What the second confirmation says: who takes which flat, its area, price, settlement."""
        state = self.view_state()
        at_desk = state.at_desk if state is not None else None
        assert at_desk is not None
        turn, household = at_desk.turn, at_desk.household
        flat = offer.flat
        lines = [
            self.tr("Household {code} {name} ({number}) takes flat {flat}?").format(
                code=household.code, name=household.head_name,
                number=order_number(turn.order_no), flat=flat.key),
            "",
            self.tr("Layout: {layout}, floor {floor}, facing {facing}").format(
                layout=flat.layout, floor=flat.floor, facing=flat.orientation or "—"),
            *self._money_lines(offer, at_desk.compensation),
            self.tr("Settlement: {balance} yuan ({direction})").format(
                balance=signed_yuan(offer.settlement),
                direction=self.tr("paid to the household") if offer.settlement >= 0
                else self.tr("paid by the household")),
        ]
        if turn.proxy_name:
            lines.append(self.tr("Chosen by the proxy {name} ({id_number})").format(
                name=turn.proxy_name, id_number=turn.proxy_id or ""))
        lines += ["", self.tr("Once confirmed the choice is final and the slip is printed "
                              "for signing.")]
        return "\n".join(lines)

    def view_state(self) -> SessionState | None:
        return None if self.view is None else self.view.state

    def turn_state_text(self, state: str) -> str:
        return turn_state(state)

    # --- choosing a flat --------------------------------------------------------------

    def _offer_chosen(self, row: int) -> None:
        offer = self.offers_model.offer_at(row)
        self.chosen_key = None if offer is None else offer.flat.key
        self.show_choice(offer)
        if offer is not None:
            self.building.select_flat(self._flat_id(offer.flat.key))
        self._update_actions()

    def _building_flat_chosen(self, flat_id: int) -> None:
        key = next((s.flat.key for s in self.view.flats if s.id == flat_id), None) \
            if self.view is not None else None
        row = self.offers_model.row_of(key) if key is not None else None
        if row is None and key is not None and self.view is not None and self.view.several:
            self.explain_refusal(key)  # the rules' own words: why this one may not be added
            return
        if row is None:
            self._say(self.tr("Flat {flat} is not one this household may take.").format(
                flat=key or ""), ERROR_STYLE)
            return
        self._say("")
        self.choose_row(row)

    def choose(self, key: str) -> bool:
        """Choose flat ``key`` among the offers (as a click would); False if not offered."""
        row = self.offers_model.row_of(key)
        if row is None:
            return False
        self.choose_row(row)
        return True

    def _restore_choice(self) -> None:
        row = self.offers_model.row_of(self.chosen_key) if self.chosen_key else None
        if row is None:
            self.chosen_key = None
            self.show_choice(None)
        else:
            self.choose_row(row)

    def _flat_id(self, key: str) -> int | None:
        if self.view is None:
            return None
        return next((s.id for s in self.view.flats if s.flat.key == key), None)

    def chosen_offer(self) -> FlatOffer | None:
        row = self.offers_model.row_of(self.chosen_key) if self.chosen_key else None
        return None if row is None else self.offers_model.offer_at(row)

    def explain_refusal(self, key: str) -> None:
        """Say why flat ``key`` is refused (the page asks the rules)."""

    def _say(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)

    def _update_actions(self) -> None:
        """Enable the acts that make sense now (the page does it)."""
