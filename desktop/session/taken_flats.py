"""The flats a household has taken at the desk so far (一户多套), with the running total.

Where the rules let a household take several flats, the desk takes them one
by one before confirming them all at once. This panel shows what the
household has so far, priced together as the rules price them (the first
flat uses the entitlement first): each flat with its price lines, the area
used and the entitlement left, the price and the settlement so far. Hidden
for a household that takes one flat: the desk then looks as it always did.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from allocation.rules import PriceLine
from db.selection import DeskView, FlatOffer
from desktop.session.session_words import area, signed_yuan, yuan


class TakenFlats(QWidget):
    """The running total of the household at the desk; ``text()`` is what it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setStyleSheet("background: #eef4fb; padding: 4px; border-radius: 4px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def show_taken(self, view: DeskView | None) -> None:
        state = None if view is None else view.state
        if view is None or state is None or state.at_desk is None or not view.several:
            self.label.clear()
            self.hide()
            return
        self.show()
        most = view.most_flats
        running = view.running
        if running is None or not view.taken:
            self.label.setText(self.tr(
                "This household may take up to {most} flats: choose one and press F4 to take "
                "it, then the next; Enter confirms them all.").format(most=most))
            return
        self.label.setText(self.running_text(running, len(view.taken), most))

    def running_text(self, running: FlatOffer, count: int, most: int) -> str:
        """The flats taken so far, line by line, and the totals: area, entitlement left,
        price, settlement."""
        price = running.price
        rows = [self.tr("<b>Flats taken so far: {count} of at most {most}</b>").format(
            count=count, most=most)]
        keys = list(dict.fromkeys(line.flat for line in price.lines if line.flat))
        for number, key in enumerate(keys, start=1):
            lines = [line for line in price.lines if line.flat == key]
            share = sum((line.amount for line in lines), Decimal("0.00"))
            parts = "; ".join(self.line_text(line) for line in lines)
            rows.append(self.tr("{number}. <b>{flat}</b>: {lines} → {amount} yuan").format(
                number=number, flat=escape(key), lines=parts, amount=yuan(share)))
        for line in price.lines:
            if line.flat is None:  # a refund or a bonus: the household's, not a flat's
                rows.append(self.line_text(line))
        if running.by_value:
            rows.append(self.tr("Area {area} m² · value of the flats {price} yuan · "
                                "settlement so far <b>{settlement}</b> yuan").format(
                area=area(price.area), price=yuan(price.total),
                settlement=signed_yuan(running.settlement)))
        else:
            left = running.entitlement - price.area
            rows.append(self.tr(
                "Area used {used} m² of {entitlement} m² entitlement, {left} m² left · "
                "price {price} yuan · settlement so far <b>{settlement}</b> yuan").format(
                used=area(price.area), entitlement=area(running.entitlement),
                left=area(max(left, Decimal("0.00"))), price=yuan(price.total),
                settlement=signed_yuan(running.settlement)))
        return "<br>".join(rows)

    def line_text(self, line: PriceLine) -> str:
        """One price line: what part of the area, at what unit price, for how much."""
        names = {
            "within": self.tr("within entitlement"), "beyond_cap": self.tr("beyond the cap"),
            "round_up": self.tr("round-up"), "refund": self.tr("area not taken, refunded"),
            "bonus": self.tr("single-flat bonus"), "value": self.tr("value"),
        }
        name = (self.tr("excess tier {number}").format(number=(line.tier or 0) + 1)
                if line.code == "tier" else names.get(line.code, line.code))
        if line.code == "bonus":
            return self.tr("{name} {amount} yuan").format(name=name, amount=yuan(line.amount))
        return self.tr("{name} {area} m² × {unit} = {amount}").format(
            name=name, area=area(line.area), unit=yuan(line.unit_price),
            amount=yuan(line.amount))
