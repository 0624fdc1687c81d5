"""Printing: load a project's data through db/, build a printouts/ document, write the PDF.

This is the one place that joins the database and the documents; printouts/
never sees a session. Public notices get the frozen policy's entitlements
and groups when the rules are frozen, and "—" before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from allocation.entitlement import compute_entitlement
from allocation.errors import NotFoundError
from allocation.lottery import DEFAULT_METHOD
from allocation.model import ProjectId
from allocation.priority import assign_group
from allocation.rules_text import policy_text
from db import audit, draws, policies, registry
from db.records import ProjectRecord
from printouts import (
    DocumentInfo,
    DrawNotice,
    FlatNotice,
    HouseholdNotice,
    PoolNotice,
    Publication,
    RulesNotice,
    household_lines,
)

KINDS = (HouseholdNotice.kind, FlatNotice.kind, RulesNotice.kind, PoolNotice.kind, DrawNotice.kind)


@dataclass(frozen=True, slots=True)
class PrintRequest:
    """What to print and the notice's objection period (公示期)."""

    kind: str
    project: str
    start: date
    days: int = 7
    office: str = "征收安置工作指挥部"


def build_document(session: Session, request: PrintRequest) -> Any:
    """The document for ``request``, its data read in the caller's transaction."""
    project_id = registry.find_project(session, request.project)
    project = session.get(ProjectRecord, project_id)
    frozen = policies.current_policy(session, project_id)
    policy = frozen.policy if frozen is not None and frozen.frozen else None
    info = DocumentInfo(
        project=request.project,
        audit_head=audit.chain_head(session),
        printed_at=datetime.now().astimezone(),
        rehearsal=bool(project and project.rehearsal),
        policy_sha256=frozen.sha256 if policy is not None else None,
    )
    publication = Publication(
        start=request.start,
        end=request.start + timedelta(days=request.days - 1),
        office=request.office,
    )
    if request.kind == FlatNotice.kind:
        flats = [stored.flat for stored in registry.load_flats(session, project_id)]
        return FlatNotice(info, flats, publication)
    if request.kind == RulesNotice.kind:
        if policy is None or frozen is None:
            raise NotFoundError("policy_not_frozen", project=project_id)
        return RulesNotice(info, policy_text(policy, "zh"), frozen.sha256, publication)
    if request.kind in (PoolNotice.kind, DrawNotice.kind):
        return _lottery_notice(session, project_id, request.kind, info, publication)
    households = registry.load_households(session, project_id)
    entitlements = groups = None
    if policy is not None:
        entitlements = {
            h.code: compute_entitlement(h, policy, request.start).area for h in households
        }
        groups = {h.code: assign_group(h, policy, request.start).name for h in households}
    lines = household_lines(households, entitlements=entitlements, groups=groups)
    return HouseholdNotice(info, lines, publication)


def _lottery_notice(
    session: Session, project_id: ProjectId, kind: str, info: DocumentInfo, publication: Publication
) -> PoolNotice | DrawNotice:
    """摇号名单公示 (needs the published pool) or 摇号结果公示 (needs the active draw)."""
    names = {h.code: h.head_name for h in registry.load_households(session, project_id)}
    draw = draws.current_draw(session, project_id)
    if kind == DrawNotice.kind:
        if draw is None or draw.record is None:
            raise NotFoundError("draw_not_found", project=project_id)
        return DrawNotice(info, draw.record, names, publication)
    pool = draws.current_pool(session, project_id)
    if pool is None:
        raise NotFoundError("pool_not_published", project=project_id)
    announced = draws.draw_history(session, project_id)
    latest = next((d for d in reversed(announced) if d.pool_id == pool.id
                   and d.status != draws.RETRACTED), None)  # fmt: skip
    method = latest.method if latest is not None else DEFAULT_METHOD
    sources = latest.sources if latest is not None else []
    return PoolNotice(info, pool.entries, names, pool.pool_sha256, method, sources, publication)


def print_to(session: Session, request: PrintRequest, out: Path) -> tuple[int, str]:
    """Write the PDF; returns (pages, characters the font lacks)."""
    document = build_document(session, request)
    pages = document.render(out)
    return pages, "".join(sorted(set(getattr(document, "missing_characters", "") or "")))
