"""The demo project: 199 households, 638 people, 220 flats and frozen rules, like real data."""

from __future__ import annotations

from sqlalchemy.orm import Session

from allocation.demo import demo_flats, demo_households, demo_policy
from allocation.errors import ConflictError, NotFoundError
from allocation.registry import ProjectId
from db import registry
from db import registry as importing
from db import rules as policies
from db.demo.casework import add_demo_casework

DEMO_NAME = "demo"


def create_demo_project(session: Session, *, actor: str, replace: bool = False) -> ProjectId:
    """Create project "demo" through the same bulk import an office uses.

    Raises:
        ConflictError: the demo project exists and ``replace`` is false.
    """
    try:
        existing = registry.find_project(session, DEMO_NAME)
    except NotFoundError:
        existing = None
    if existing is not None:
        if not replace:
            raise ConflictError("project_exists", name=DEMO_NAME)
        registry.delete_project(session, project_id=existing, actor=actor)
    # A rehearsal project (演练): its papers say so, and --replace may delete it.
    project_id = registry.create_project(session, name=DEMO_NAME, actor=actor, rehearsal=True)
    importing.import_households(session, project_id=project_id,
                                households=demo_households(), actor=actor)
    importing.import_flats(session, project_id=project_id, flats=demo_flats(), actor=actor)
    add_demo_casework(session, project_id=project_id, actor=actor)  # teams, visits, requests
    # The rules are published before anything is decided: the demo freezes them at once.
    policies.set_policy(session, project_id=project_id, policy=demo_policy(), actor=actor)
    policies.freeze_policy(session, project_id=project_id, actor=actor)
    return project_id
