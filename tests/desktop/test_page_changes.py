"""Each page refreshes from the Changes of a real write it follows, and only from those.

A write here is a real operation on the desktop's one worker (``ctx.op``),
made "elsewhere" (no initiator), as an import or another workstation's page
would. A page's reload shows as a new generation of its background loads:
counting them observes what the page did without stubbing any part of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from allocation.demo import demo_policy
from db import casework, registry
from db import rules as policies
from desktop.admin.audit_page import AuditPage
from desktop.casework.progress_page import ProgressPage
from desktop.common.context import AppContext
from desktop.common.operations import wait_for_idle
from desktop.lottery.draw_page import DrawPage
from desktop.printing.objections_page import ObjectionsPage
from desktop.registry.flats_page import FlatsPage
from desktop.registry.households_page import HouseholdsPage
from desktop.rules.rules_page import RulesPage
from desktop.session.session_page import SessionPage
from tests.factories import make_flat, make_household

Write = Callable[[Session, int], Any]

WRITES: dict[str, Write] = {
    "household": lambda s, p: registry.add_household(
        s, project_id=p, household=make_household("H901", seq=49), actor="tester"),
    "flat": lambda s, p: registry.add_flat(
        s, project_id=p, flat=make_flat(building="9", number="901"), actor="tester"),
    "rules": lambda s, p: policies.set_policy(s, project_id=p, policy=demo_policy(),
                                              actor="tester"),
    "team": lambda s, p: casework.add_team(s, project_id=p, name="第九组", actor="tester"),
}

PAGES: dict[str, type] = {
    "households": HouseholdsPage, "flats": FlatsPage, "rules": RulesPage, "draw": DrawPage,
    "session": SessionPage, "progress": ProgressPage, "objections": ObjectionsPage,
    "audit": AuditPage,
}

# (page, write, refreshes?) — what each page shows decides; worked out from the
# screens, not from `follows`: the draw page counts households in the pool, the
# session desk lists flats, only the progress page shows teams (and, in its
# supply and demand, the flats), the audit page shows every event.
CASES = [
    ("households", "household", True), ("households", "flat", False),
    ("flats", "flat", True), ("flats", "household", False), ("flats", "team", False),
    ("rules", "rules", True), ("rules", "household", True), ("rules", "flat", False),
    ("draw", "household", True), ("draw", "rules", True), ("draw", "team", False),
    ("session", "flat", True), ("session", "household", True), ("session", "team", False),
    ("progress", "team", True), ("progress", "household", True), ("progress", "flat", True),
    ("objections", "household", False), ("objections", "rules", False),
    ("audit", "team", True), ("audit", "flat", True),
]


def _page(qtbot: QtBot, ctx: AppContext, name: str) -> Any:
    page = PAGES[name](ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    if name == "progress":
        page.show()  # off screen it only marks itself stale
        qtbot.waitExposed(page)
    page.set_project()
    wait_for_idle()
    qtbot.wait(20)  # deliver the first load before counting
    return page


def _write(qtbot: QtBot, ctx: AppContext, write: Write, project_id: int) -> None:
    done: list[object] = []
    (ctx.op(lambda s: write(s, project_id)).success(done.append).failure(done.append)
     .run_in_background())
    wait_for_idle()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    if isinstance(done[0], BaseException):
        raise done[0]


@pytest.mark.parametrize(("page_name", "write_name", "refreshes"), CASES,
                         ids=[f"{p}-{w}" for p, w, _ in CASES])
def test_a_page_refreshes_from_what_it_shows(qtbot: QtBot, ctx: AppContext, page_name: str,
                                             write_name: str, refreshes: bool) -> None:
    assert ctx.project_id is not None
    page = _page(qtbot, ctx, page_name)
    before = page._loads._generation
    _write(qtbot, ctx, WRITES[write_name], ctx.project_id)
    assert (page._loads._generation > before) is refreshes


@pytest.mark.parametrize("page_name", ["households", "flats", "draw", "session"])
def test_a_write_in_another_project_leaves_the_page_alone(qtbot: QtBot, ctx: AppContext,
                                                          page_name: str) -> None:
    with ctx.factory.begin() as session:
        other = registry.create_project(session, name="另一个项目", actor="tester")
    page = _page(qtbot, ctx, page_name)
    before = page._loads._generation
    _write(qtbot, ctx, WRITES["household"], other)
    _write(qtbot, ctx, WRITES["flat"], other)
    assert page._loads._generation == before


def test_a_failed_write_refreshes_nothing(qtbot: QtBot, ctx: AppContext) -> None:
    """The household is written, then the operation fails: rolled back, no broadcast."""
    assert ctx.project_id is not None
    project_id = ctx.project_id
    page = _page(qtbot, ctx, "households")
    before = page._loads._generation
    failed: list[BaseException] = []

    def write_then_fail(session: Session) -> None:
        WRITES["household"](session, project_id)
        raise RuntimeError("after the write")

    ctx.op(write_then_fail).failure(failed.append).run_in_background()
    wait_for_idle()
    qtbot.waitUntil(lambda: bool(failed), timeout=5000)
    assert page._loads._generation == before
