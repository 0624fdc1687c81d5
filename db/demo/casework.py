"""The demo project's casework in the database: teams, pairs, visits, requests, cases, progress.

The data is allocation.demo_casework's (deterministic); it is written like an
office's own work would be, every row in the audit log, so the demo passes
`anju audit verify` and its daily report and Progress page look real.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from allocation.casework import RequestStatus
from allocation.demo import WORK_START, DemoCasework, demo_casework, demo_intentions
from allocation.registry import HouseholdStatus, ProjectId
from db import casework, registry
from db.casework import insert_logged, intention_columns, sync_status
from db.records import (
    AssignmentRecord,
    CaseFlagRecord,
    HouseholdRecord,
    IntentionRecord,
    ProgressStepRecord,
    RequestRecord,
    VisitRecord,
)


def add_demo_casework(session: Session, *, project_id: ProjectId, actor: str) -> DemoCasework:
    """Write the demo casework into a project holding the demo register; returns it.

    Steps:
        1. create the teams and their staff (one by one, as an office would);
        2. give every household to its team and pair;
        3. add the progress steps, visits, requests and special cases in bulk;
        4. add the intentions most households gave their pair (选房意向);
        5. move the status of households that moved out forward.
    """
    households = registry.load_households(session, project_id)
    work = demo_casework(households)
    ids = dict(session.execute(select(HouseholdRecord.code, HouseholdRecord.id).where(
        HouseholdRecord.project_id == project_id)).all())
    staff = _teams(session, project_id, work, actor)
    base = {"project_id": project_id}
    assignment_rows = [{**base, "household_id": ids[code], "team_id": staff[team][1],
                        "first_staff_id": staff[first][0], "second_staff_id": staff[second][0],
                        "assigned_on": WORK_START}
                       for code, (team, first, second) in work.pairs.items()]
    insert_logged(session, AssignmentRecord, assignment_rows, keys=list(work.pairs),
                  actor=actor)
    _steps(session, work, ids, base, actor)
    _entries(session, work, ids, base, actor)
    _intentions(session, households, work, ids, base, actor)
    for code in work.moved_out:
        sync_status(session, ids[code], actor, backwards=False)
    return work


def _teams(session: Session, project_id: ProjectId, work: DemoCasework,
           actor: str) -> dict[str, tuple[int, int]]:
    """staff name -> (staff id, team id), and team name -> (0, team id)."""
    found: dict[str, tuple[int, int]] = {}
    for team, names in work.teams.items():
        team_id = casework.add_team(session, project_id=project_id, name=team, leader=names[0],
                                    actor=actor)
        found[team] = (0, team_id)
        for name in names:
            found[name] = (casework.add_staff(session, team_id=team_id, name=name,
                                              actor=actor), team_id)
    return found


def _steps(session: Session, work: DemoCasework, ids: dict[str, int], base: dict[str, Any],
           actor: str) -> None:
    rows, keys = [], []
    for step, dates in ((HouseholdStatus.REGISTERED, work.registered),
                        (HouseholdStatus.VERIFIED, work.verified),
                        (HouseholdStatus.MOVED_OUT, work.moved_out)):
        for code, on in dates.items():
            rows.append({**base, "household_id": ids[code], "step": step.value, "done_on": on,
                         "note": ""})
            keys.append(code)
    insert_logged(session, ProgressStepRecord, rows, keys=keys, actor=actor)


def _entries(session: Session, work: DemoCasework, ids: dict[str, int], base: dict[str, Any],
             actor: str) -> None:
    visits = sorted(work.visits, key=lambda v: (v.visited_on, v.code))
    insert_logged(session, VisitRecord, [
        {**base, "household_id": ids[v.code], "visited_on": v.visited_on,
         "method": v.method.value, "visitors": v.visitors, "summary": v.summary}
        for v in visits], keys=[v.code for v in visits], actor=actor)
    requests = sorted(work.requests, key=lambda r: (r.received_on, r.code))
    insert_logged(session, RequestRecord, [
        {**base, "household_id": ids[r.code], "kind": r.kind.value, "text": r.text,
         "received_on": r.received_on, "status": _status(r.answered_on, r.closed_on).value,
         "answer": r.answer, "answered_by": r.answered_by, "answered_on": r.answered_on,
         "closed_on": r.closed_on}
        for r in requests], keys=[r.code for r in requests], actor=actor)
    flags = sorted(work.flags, key=lambda f: (f.raised_on, f.code))
    insert_logged(session, CaseFlagRecord, [
        {**base, "household_id": ids[f.code], "kind": f.kind.value, "status": f.status.value,
         "raised_on": f.raised_on, "decided_on": f.decided_on, "note": f.note}
        for f in flags], keys=[f.code for f in flags], actor=actor)


def _intentions(session: Session, households: list[Any], work: DemoCasework,
                ids: dict[str, int], base: dict[str, Any], actor: str) -> None:
    """Each known intention, recorded by the household's first responsible."""
    recorders = {code: first for code, (_team, first, _second) in work.pairs.items()}
    found = sorted(demo_intentions(households, recorders), key=lambda i: (i.recorded_on, i.code))
    insert_logged(session, IntentionRecord, [
        {**base, "household_id": ids[i.code],
         **intention_columns(i.intention, i.recorded_on, i.recorded_by)}
        for i in found], keys=[i.code for i in found], actor=actor)


def _status(answered_on: Any, closed_on: Any) -> RequestStatus:
    if closed_on is not None:
        return RequestStatus.CLOSED
    return RequestStatus.ANSWERED if answered_on is not None else RequestStatus.OPEN

