"""The demo projects: 199 households, 638 people, 220 flats and frozen rules, like real data.

Project "demo" is the area demo (:func:`allocation.demo.demo_policy`);
project "demo-value" the same estate under a value-based policy
(:func:`allocation.demo.value_policy`: 价值互换 with 货币补偿, each household
with its compensation mode, assessed value and appraisal report). Both are
rehearsal projects, built by the same steps.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from allocation.demo import (
    DEMO_PROJECT_NAME,
    demo_flats,
    demo_households,
    demo_policy,
    value_flats,
    value_households,
    value_policy,
)
from allocation.errors import ConflictError, NotFoundError
from allocation.registry import Flat, Household, ProjectId
from allocation.rules import Policy
from db import registry
from db import registry as importing
from db import rules as policies
from db.demo.casework import add_demo_casework

DEMO_NAME = "demo"
VALUE_DEMO_NAME = "demo-value"
#: The demo projects' papers are headed in Chinese; the short names are for commands.
DEMO_TITLE = DEMO_PROJECT_NAME
VALUE_DEMO_TITLE = f"{DEMO_PROJECT_NAME}（价值互换方案）"


def create_demo_project(session: Session, *, actor: str, replace: bool = False) -> ProjectId:
    """Create project "demo" through the same bulk import an office uses.

    Raises:
        ConflictError: the demo project exists and ``replace`` is false.
    """
    return _create(session, DEMO_NAME, DEMO_TITLE, demo_households(), demo_flats(),
                   demo_policy(), actor=actor, replace=replace)


def create_value_demo_project(session: Session, *, actor: str,
                              replace: bool = False) -> ProjectId:
    """Create project "demo-value", the demo estate under the value-based policy.

    Raises:
        ConflictError: project "demo-value" exists and ``replace`` is false.
    """
    return _create(session, VALUE_DEMO_NAME, VALUE_DEMO_TITLE, value_households(),
                   value_flats(), value_policy(), actor=actor, replace=replace)


def _create(session: Session, name: str, title: str, households: Sequence[Household],
            flats: Sequence[Flat], policy: Policy, *, actor: str, replace: bool) -> ProjectId:
    try:
        existing = registry.find_project(session, name)
    except NotFoundError:
        existing = None
    if existing is not None:
        if not replace:
            raise ConflictError("project_exists", name=name)
        registry.delete_project(session, project_id=existing, actor=actor)
    # A rehearsal project (演练): its papers say so, and --replace may delete it.
    project_id = registry.create_project(session, name=name, actor=actor, rehearsal=True,
                                         title=title)
    importing.import_households(session, project_id=project_id, households=households,
                                actor=actor)
    importing.import_flats(session, project_id=project_id, flats=flats, actor=actor)
    add_demo_casework(session, project_id=project_id, actor=actor)  # teams, visits, requests
    # The rules are published before anything is decided: the demo freezes them at once.
    policies.set_policy(session, project_id=project_id, policy=policy, actor=actor)
    policies.freeze_policy(session, project_id=project_id, actor=actor)
    return project_id
