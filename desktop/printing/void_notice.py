"""The void notice's data (选房活动作废公告): the voided session, read where it was voided.

Built in the void's own transaction (see `anju void-session --notice`), so the
audit head it prints is the one right after the void.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from db import registry
from db.selection import VoidedSession
from desktop.printing import data
from printouts import Publication, VoidedChoice, VoidFacts, VoidNotice


def void_session_notice(session: Session, project: str, voided: VoidedSession, *, office: str,
                issued_on: date) -> VoidNotice:
    """The notice of ``voided``, issued by ``office`` on ``issued_on``; names are masked
    by the notice itself."""
    facts = data.project_facts(session, project)
    names = {h.code: h.head_name for h in registry.load_households(session, facts.id)}
    choices = [VoidedChoice(order_number=voided.order_numbers.get(s.code), code=s.code,
                            head_name=names.get(s.code, ""), flat_key=s.flat_key,
                            chosen_at=s.selected_at.astimezone())
               for s in voided.selections]
    about = VoidFacts(session_id=voided.session.id, held_on=voided.session.held_on,
                      draw_sha256=voided.session.draw_sha256,
                      voided_at=voided.voided_at.astimezone(), reason=voided.reason)
    posted = Publication(start=issued_on, end=issued_on, office=office)
    return VoidNotice(data.document_info(session, facts), about, choices, posted)
