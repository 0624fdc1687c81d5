"""`anju demo`: build the demo project and write its files: Excel registry and public notices.

With ``--out`` the demo is taken through the draw and, unless ``--no-session``,
through a rehearsed selection session, so that results, slips and agreements
have something to print.

``policy="value"`` builds the second demo project instead, "demo-value":
the same estate under a value-based policy (价值互换 with 货币补偿, each
household with its compensation mode and assessed value). With ``--out`` it
goes the same way: its pool (without the households taking money), draw,
rehearsed session and every paper, the 货币补偿协议 included.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Final

from sqlalchemy.orm import Session, sessionmaker

from allocation.errors import NotFoundError
from allocation.lottery import dumps_record
from allocation.schedule import Pause, plan_data
from db import lottery as draws
from db import papers
from db.demo import DEMO_NAME, VALUE_DEMO_NAME, create_demo_project, create_value_demo_project
from db.registry import export_flats_file, export_households_file, summary
from db.selection import rehearse, set_plan
from desktop.printing import (
    KINDS,
    PlanRequest,
    PrintRequest,
    print_to,
    request_specs,
    write_demo_report,
)

# Fixed, plainly numeric demo sources: a daily number and two six-ball draws.
DEMO_SOURCES = ["931", "2 5 12 18 26 33", "7 14 21 28 35 3"]
DEMO_WITNESSES = [("公证员", "王公证"), ("监督员", "李监督"), ("群众代表", "张代表")]
# The rehearsed session: fixed choices; a quarter miss each round of calls, so a few
# households are moved to the end, and about one in sixty never comes.
DEMO_SESSION_SEED = 20261101
DEMO_ABSENT_RATE = 0.25
# The demo's session plan: the drawn order in two batches on two days, three minutes a
# household from 08:30 with a lunch break, at a made-up venue. It starts on the demo's day
# (today, the day the session is rehearsed and held_on): rehearsal turns are stamped with the
# real clock, so every turn of both batches falls on today, and a plan starting today makes
# batch 1's day the day its turns carry; batch 2's day (tomorrow) is what the households were
# told, never faked into its turns' timestamps.
DEMO_PLAN_DAYS_AHEAD = 0
DEMO_PLAN_START = time(8, 30)
DEMO_PLAN_MINUTES = 3
DEMO_LUNCH = Pause(time(12, 0), time(14, 0))
DEMO_VENUE = "粮道街社区服务中心一楼选房大厅"
# Posted before the session, as an office posts them: the schedule, and supply against
# demand, which is about the stock households will choose from, not the few flats left.
BEFORE_SESSION: Final = ("notice-supply", "report-supply", "schedule")
# Why a kind of the Printouts page may have nothing to print in a demo (error codes).
DEMO_UNPRINTED = frozenset({"no_selection_session", "session_plan_not_found",
                            "no_voided_session"})


def create_demo(factory: sessionmaker[Session], *, actor: str, replace: bool = False,
                out: Path | None = None, session: bool = True,
                policy: str = "area") -> dict[str, Any]:
    """Create the demo project (one transaction) and, with ``out``, write its files.

    ``policy="value"`` creates project "demo-value" instead (see the module
    docstring), taken through the same steps.

    With ``out`` the demo pool is also published and drawn with fixed demo
    sources, and the draw record is written as ``out/draw.json``; then,
    unless ``session`` is false, a whole selection session is rehearsed
    (:func:`db.rehearsal.rehearse`, one transaction per household).
    """
    if policy not in ("area", "value"):
        raise ValueError(f"unknown demo policy {policy!r}")
    create, name = ((create_value_demo_project, VALUE_DEMO_NAME) if policy == "value"
                    else (create_demo_project, DEMO_NAME))
    with factory.begin() as db_session:
        project_id = create(db_session, actor=actor, replace=replace)
        counts = summary(db_session, project_id)
    if out is not None:
        # Drawn first: the pool and draw notices print what the draw recorded.
        write_demo_draw(factory, project_id, out, actor)
        store_demo_plan(factory, project_id, actor)
        write_demo_papers(factory, out, BEFORE_SESSION, name=name)
        if session:
            run_demo_session(factory, project_id, actor)
        with factory() as db_session:
            counts = summary(db_session, project_id)
        write_demo_files(factory, project_id, out, counts, name=name)
    return counts


def run_demo_session(factory: sessionmaker[Session], project_id: int, actor: str) -> None:
    """Rehearse the demo's selection session to its close, with fixed random choices.

    The demo project is marked as a rehearsal (db.demo: every household in it is
    invented), so its printouts carry 演练 and random choices harm nobody.
    """
    rehearse(factory, project_id, seed=DEMO_SESSION_SEED, absent_rate=DEMO_ABSENT_RATE,
             operator=actor, held_on=date.today())


def write_demo_draw(factory: sessionmaker[Session], project_id: int, out: Path,
                    actor: str) -> Path:
    """Publish the demo pool, draw it with the demo sources and write ``out/draw.json``."""
    with factory.begin() as session:
        draws.publish_pool(session, project_id=project_id, actor=actor, on=date.today())
        done = draws.announce_and_draw(session, project_id=project_id, sources=DEMO_SOURCES,
                                       witnesses=DEMO_WITNESSES, actor=actor)
    assert done.record is not None
    path = out / "draw.json"
    out.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps_record(done.record), encoding="utf-8")
    return path


def write_demo_files(factory: sessionmaker[Session], project_id: int, out: Path,
                     counts: dict[str, Any], *, name: str = DEMO_NAME) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with factory() as session:
        export_households_file(session, project_id=project_id, path=out / "households.xlsx")
        export_flats_file(session, project_id=project_id, path=out / "flats.xlsx")
    after = tuple(kind for kind in KINDS if kind not in BEFORE_SESSION)
    write_demo_papers(factory, out, after, name=name)
    with factory.begin() as session:
        write_demo_report(session, project_id, out)  # 日通报 of the demo's day
        write_demo_plan(session, project_id, name, out)
    _write_summary(out, counts)


def write_demo_papers(factory: sessionmaker[Session], out: Path, kinds: tuple[str, ...], *,
                      name: str = DEMO_NAME) -> None:
    """Print ``kinds`` into ``out`` in one transaction; the notices are registered (第1版)."""
    out.mkdir(parents=True, exist_ok=True)
    with factory.begin() as session:
        for kind in kinds:
            try:
                print_to(session, PrintRequest(kind, name, date.today()),
                         out / f"{kind}.pdf")
            except NotFoundError as error:
                # Results, slips and agreements need a session: not with --no-session;
                # the schedule a stored plan (none without a draw); the demo voids nothing.
                if error.code not in DEMO_UNPRINTED:
                    raise


def demo_plan_request(drawn: int) -> PlanRequest:
    """The demo's plan for ``drawn`` households: two batches, one a day, from today."""
    first = datetime.combine(date.today() + timedelta(days=DEMO_PLAN_DAYS_AHEAD),
                             DEMO_PLAN_START)
    return PlanRequest(first=first, minutes=DEMO_PLAN_MINUTES, batch_size=-(-drawn // 2),
                       pause=DEMO_LUNCH, venue=DEMO_VENUE)


def store_demo_plan(factory: sessionmaker[Session], project_id: int, actor: str) -> None:
    """Store the demo's plan (`anju plan set`), so the rehearsal calls batch by batch and the
    schedule and appointment notices print the plan the session works by."""
    with factory.begin() as session:
        request = demo_plan_request(len(papers.drawn_turns(session, project_id)))
        specs, _order, _groups = request_specs(session, project_id, request)
        set_plan(session, project_id=project_id, plan=plan_data(specs),
                           venue=request.venue, operator=actor)


def write_demo_plan(session: Session, project_id: int, name: str, out: Path) -> None:
    """appointments.pdf, printed from the stored plan (nothing when the demo was not drawn,
    so has no plan). The schedule is a public notice: printed (and registered) with them."""
    if not papers.drawn_turns(session, project_id):
        return
    print_to(session, PrintRequest("appointments", name, date.today(), plan=PlanRequest()),
             out / "appointments.pdf")


def _write_summary(out: Path, counts: dict[str, Any]) -> None:
    (out / "summary.json").write_text(json.dumps(counts, ensure_ascii=False, indent=2) + "\n",
                                      encoding="utf-8")
