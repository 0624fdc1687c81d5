"""The daily report (日通报) as a PDF: figures read through db/, laid out by printouts/.

Used by `anju report daily`, the Progress page and `anju demo --out`; like
desktop/printing/documents.py it is the one place joining the database and the
document, and the document never sees a session.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from allocation.chances import SupplyDemand
from allocation.errors import NotFoundError
from allocation.registry import ProjectId
from db import audit, selection
from db import rules as policies
from db.casework import daily_report
from db.records import ProjectRecord
from db.registry import project_title, require_project
from printouts import DailyReport, DocumentInfo
from printouts.reports import OFFICE


def daily_report_document(session: Session, project_id: ProjectId, day: date, *,
                          office: str = OFFICE, printed_at: datetime | None = None,
                          ) -> DailyReport:
    """The report of ``day`` for a project, its figures read in the caller's transaction."""
    project: ProjectRecord = require_project(session, project_id)
    current = policies.current_policy(session, project_id)
    anchor = audit.current_anchor(session)
    info = DocumentInfo(
        project=project_title(project),
        audit_head=anchor.head, audit_count=anchor.count,
        printed_at=printed_at or datetime.now().astimezone(),
        rehearsal=project.rehearsal,
        policy_sha256=current.sha256 if current is not None and current.frozen else None,
    )
    session_day = selection.session_day(session, project_id, day)
    return DailyReport(info, daily_report(session, project_id, day), office=office,
                       session_day=session_day if session_day and session_day.begun else None,
                       supply=supply_demand(session, project_id, day))


def supply_demand(session: Session, project_id: ProjectId, day: date) -> SupplyDemand | None:
    """The report's supply and demand: none before the rules are frozen (they say who may
    take what)."""
    try:
        return selection.project_supply_demand(session, project_id, on=day)
    except NotFoundError as error:
        if error.code != "policy_not_frozen":
            raise
        return None


def write_daily_report(session: Session, project_id: ProjectId, day: date, out: Path, *,
                       office: str = OFFICE) -> tuple[int, str]:
    """Write the PDF; returns (pages, characters the font lacks)."""
    document = daily_report_document(session, project_id, day, office=office)
    pages = document.render(out)
    return pages, "".join(sorted(set(document.missing_characters)))


def write_demo_report(session: Session, project_id: ProjectId, out: Path) -> Path:
    """`anju demo --out`: the demo's daily report for its own day (DEMO_TODAY)."""
    from allocation.demo import DEMO_TODAY

    path = out / "report-daily.pdf"
    write_daily_report(session, project_id, DEMO_TODAY, path)
    return path
