"""`anju demo`: build the demo project and write its files: Excel registry and public notices."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from db.demo import DEMO_NAME, create_demo_project
from db.importing import export_flats_file, export_households_file
from db.queries import summary
from desktop.printing import KINDS, PrintRequest, print_to


def create_demo(factory: sessionmaker[Session], *, actor: str, replace: bool = False,
                out: Path | None = None) -> dict[str, Any]:
    """Create the demo project (one transaction) and, with ``out``, write its files."""
    with factory.begin() as session:
        project_id = create_demo_project(session, actor=actor, replace=replace)
        counts = summary(session, project_id)
    if out is not None:
        write_demo_files(factory, project_id, out, counts)
    return counts


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
