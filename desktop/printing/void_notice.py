"""The void notice's data (选房活动作废公告): the newest voided session, read back as stored.

Printed like every public notice (documents.py: prepared with its 第N版,
registered with the PDF's SHA-256 as the file is written); `anju void-session
--notice` prints it in the void's own transaction, so the audit head it
prints is the one right after the void.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from allocation.errors import NotFoundError
from db import registry, selection
from desktop.printing import data
from printouts import DocumentInfo, Publication, VoidedChoice, VoidFacts, VoidNotice


def void_session_notice(session: Session, facts: data.ProjectFacts, info: DocumentInfo,
                        posted: Publication) -> VoidNotice:
    """The notice of the project's newest voided session; names are masked by the notice.

    Raises:
        NotFoundError: ``no_voided_session``.
    """
    found = selection.voided_sessions(session, facts.id)
    if not found:
        raise NotFoundError("no_voided_session", project=facts.name)
    voided = found[-1]
    names = {h.code: h.head_name for h in registry.load_households(session, facts.id)}
    choices = [VoidedChoice(order_number=voided.order_numbers.get(s.code), code=s.code,
                            head_name=names.get(s.code, ""), flat_key=s.flat_key,
                            chosen_at=s.selected_at.astimezone())
               for s in voided.selections]
    about = VoidFacts(session_id=voided.session.id, held_on=voided.session.held_on,
                      draw_sha256=voided.session.draw_sha256,
                      voided_at=voided.voided_at.astimezone(), reason=voided.reason)
    return VoidNotice(info, about, choices, posted)
