"""Shared helpers for the flats tests: stored flats without a database, and a real database context.

Test modules bind the fixtures by assignment (``ctx = flats_fixtures.ctx``)
because tests/desktop/conftest.py belongs to the shell's tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from allocation.registry.model import Flat, FlatId, FlatStatus
from db.registry.operations import StoredFlat, create_project, load_flats
from db.store.engine import open_database
from desktop.common.context import AppContext
from desktop.common.operations import wait_for_idle
from tests.factories import make_flat


def stored(flat_id: int, flat: Flat | None = None, version: int = 1,
           **changes: object) -> StoredFlat:
    """A StoredFlat as load_flats returns it, from tests.factories.make_flat."""
    return StoredFlat(FlatId(flat_id), version, flat or make_flat(**changes))  # type: ignore[arg-type]


def small_building() -> list[StoredFlat]:
    """Building 1: unit 1 has two flats per floor, unit 2 one; floors 1–3; 2-102 is missing."""
    statuses = {"101": FlatStatus.RESERVED, "202": FlatStatus.SELECTED,
                "301": FlatStatus.UNAVAILABLE}
    flats = []
    next_id = 1
    for unit, positions in (("1", ("01", "02")), ("2", ("01",))):
        for floor in (1, 2, 3):
            for position in positions:
                number = f"{floor}{position}"
                status = statuses.get(number, FlatStatus.AVAILABLE) if unit == "1" else \
                    FlatStatus.AVAILABLE
                flats.append(stored(next_id, building="1", unit=unit, floor=floor,
                                    number=number, status=status))
                next_id += 1
    return flats


def open_context(path: Path, project: str = "测试项目") -> AppContext:
    """A freshly migrated SQLite database with one project, wrapped in an AppContext."""
    url = f"sqlite:///{path}"
    _engine, factory = open_database(url)
    with factory.begin() as session:
        project_id = create_project(session, name=project, actor="tester")
    return AppContext(factory=factory, url=url, actor="tester", project_id=project_id,
                      project_name=project)


@pytest.fixture
def ctx(tmp_path: Path, qtbot: object) -> Iterator[AppContext]:
    context = open_context(tmp_path / "a.sqlite3")
    yield context
    wait_for_idle()
    context.undo_stack.clear()
    context.factory.kw["bind"].dispose()


def db_flats(context: AppContext) -> list[Flat]:
    """The project's flats as stored right now, in key order."""
    with context.factory() as session:
        assert context.project_id is not None
        return [s.flat for s in load_flats(session, context.project_id)]


def with_statuses(flats: list[Flat]) -> list[Flat]:
    """Demo flats with a realistic mix of statuses (most available, some taken)."""
    cycle = ([FlatStatus.AVAILABLE] * 6
             + [FlatStatus.RESERVED, FlatStatus.SELECTED, FlatStatus.SELECTED,
                FlatStatus.UNAVAILABLE])
    return [replace(f, status=cycle[(i * 7) % len(cycle)]) for i, f in enumerate(flats)]
