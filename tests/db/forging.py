"""What a forger does after editing the audit log: re-hash the chain so that it links again."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db.audit.chain import chain_hash, event_payload
from db.records.tables import AuditEventRecord, AuditHeadRecord


def rehash_from(session: Session, first: int) -> None:
    """Re-hash every event from ``first`` on, and the head: only the anchors and the
    witness file, which the database does not hold, can tell the chain was rewritten."""
    prev = session.scalar(select(AuditEventRecord.prev_hash).where(AuditEventRecord.seq == first))
    for later in session.scalars(select(AuditEventRecord).where(AuditEventRecord.seq >= first)
                                 .order_by(AuditEventRecord.seq)):
        later.prev_hash = prev
        later.hash = chain_hash(prev, event_payload(later))
        prev = later.hash
    session.flush()
    session.execute(update(AuditHeadRecord).values(hash=prev))
