"""`anju demo`: build the demo project and write its files: Excel registry and public notices."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from allocation.verify import dumps_record
from db import draws
from db.demo import DEMO_NAME, create_demo_project
from db.importing import export_flats_file, export_households_file
from db.queries import summary
from desktop.printing import KINDS, PrintRequest, print_to

# Fixed, plainly numeric demo sources: a daily number and two six-ball draws.
DEMO_SOURCES = ["931", "2 5 12 18 26 33", "7 14 21 28 35 3"]
DEMO_WITNESSES = [("公证员", "王公证"), ("监督员", "李监督"), ("群众代表", "张代表")]


def create_demo(factory: sessionmaker[Session], *, actor: str, replace: bool = False,
                out: Path | None = None) -> dict[str, Any]:
    """Create the demo project (one transaction) and, with ``out``, write its files.

    With ``out`` the demo pool is also published and drawn with fixed demo
    sources, and the draw record is written as ``out/draw.json``.
    """
    with factory.begin() as session:
        project_id = create_demo_project(session, actor=actor, replace=replace)
        counts = summary(session, project_id)
    if out is not None:
        # Drawn first: the pool and draw notices print what the draw recorded.
        write_demo_draw(factory, project_id, out, actor)
        write_demo_files(factory, project_id, out, counts)
    return counts


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
                     counts: dict[str, Any]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with factory() as session:
        export_households_file(session, project_id=project_id, path=out / "households.xlsx")
        export_flats_file(session, project_id=project_id, path=out / "flats.xlsx")
    with factory() as session:
        for kind in KINDS:
            print_to(session, PrintRequest(kind, DEMO_NAME, date.today()), out / f"{kind}.pdf")
    (out / "summary.json").write_text(json.dumps(counts, ensure_ascii=False, indent=2) + "\n",
                                      encoding="utf-8")
