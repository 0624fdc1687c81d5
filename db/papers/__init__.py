"""The rules behind the session's papers, read from the database: which confirmed selections
an agreement or slip batch prints (priced again under the policy each was confirmed with)
and which it leaves out and why, the money households' agreements (货币补偿协议), the
papers' numbers, and the drawn order they print.

desktop/printing turns these into printouts/' data classes; nothing here writes.
"""

from db.papers.confirmed import (
    NOT_CHOSEN,
    PRICE_CHANGED,
    Chosen,
    MoneyPapers,
    SessionPapers,
    Skipped,
    active_selections,
    money_papers,
    reprice,
    session_papers,
    settlement_of,
)
from db.papers.numbers import (
    agreement_number,
    appointment_number,
    money_agreement_number,
    slip_number,
)
from db.papers.order import DrawnOrder, DrawnTurn, drawn_order, drawn_turns, judged_on

__all__ = [
    "Chosen",
    "DrawnOrder",
    "DrawnTurn",
    "MoneyPapers",
    "NOT_CHOSEN",
    "PRICE_CHANGED",
    "SessionPapers",
    "Skipped",
    "active_selections",
    "agreement_number",
    "appointment_number",
    "drawn_order",
    "drawn_turns",
    "judged_on",
    "money_agreement_number",
    "money_papers",
    "reprice",
    "session_papers",
    "settlement_of",
    "slip_number",
]
