"""Rows as an older Anju wrote them, for tests that migrate a database up from below head.

Such a test stands at an old revision, where the head ORM model may have columns the
table lacks yet (migration 0013 gave ``project`` its title): it inserts with the column
set of that revision, and logs what Anju logged then.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

import db.audit.chain as audit
from allocation.registry import ProjectId


def create_old_project(session: Session, name: str, *, actor: str = "op") -> ProjectId:
    """A project as every revision before 0013 stored and logged it: name and rehearsal."""
    project_id = session.execute(
        text("INSERT INTO project (name, rehearsal, created_at) VALUES (:name, :rehearsal, "
             ":at) RETURNING id"),
        {"name": name, "rehearsal": False, "at": datetime.now(UTC)}).scalar_one()
    audit.record(session, audit.AuditEntry(project_id, actor, "create", "project", name,
                                           after={"name": name, "rehearsal": False}))
    return ProjectId(int(project_id))
