"""Which registered notice a file is, and where its registration sits in the audit chain.

`anju publication verify FILE.pdf` hashes the file and looks for it here: a
PDF changed by one byte is no registered notice. The registration's own
audit event (``publish`` of ``<kind> v<N>``, which logs the same SHA-256)
must be in the chain after the head the notice prints, since a notice is
printed and registered in one transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.publications.notices import ENTITY_PUBLICATION, PublishedNotice, _published
from db.records import AuditEventRecord, ProjectRecord, PublicationRecord


@dataclass(frozen=True, slots=True)
class RegisteredFile:
    """A file found in the registry: its notice, project and the registration's event (or None)."""

    notice: PublishedNotice
    project: str
    registered_seq: int | None  # the audit event that logged this SHA-256


def registered_file(session: Session, sha256: str) -> RegisteredFile | None:
    """The notice registered with this PDF SHA-256, or None."""
    record = session.scalars(select(PublicationRecord)
                             .where(PublicationRecord.content_sha256 == sha256)
                             .order_by(PublicationRecord.id).limit(1)).first()
    if record is None:
        return None
    project = session.get(ProjectRecord, record.project_id)
    return RegisteredFile(_published(session, record), project.name if project else "",
                          _registration_seq(session, record))


def _registration_seq(session: Session, record: PublicationRecord) -> int | None:
    events = session.execute(
        select(AuditEventRecord.seq, AuditEventRecord.after)
        .where(AuditEventRecord.entity == ENTITY_PUBLICATION,
               AuditEventRecord.entity_key == f"{record.kind} v{record.version}",
               AuditEventRecord.project_id == record.project_id,
               AuditEventRecord.action == "publish"))
    for seq, after in events:
        if after and json.loads(after).get("content_sha256") == record.content_sha256:
            return int(seq)
    return None
