"""Desktop fixtures: a fresh migrated SQLite file per test, a project in it, and an AppContext.

Settings go to a temporary folder so tests never read or write the user's
own options. Background database operations are waited for before a test's
database is closed.

The demo project is built once per test session by the function ``anju demo``
calls (with and without ``--out``) and each test gets a copy of the file:
building it takes seconds, copying it milliseconds.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from allocation.registry.model import Household, HouseholdId, ProjectId
from db.registry.operations import add_household, create_project, find_project
from db.store.engine import make_engine, make_session_factory, open_database
from desktop.cli.demo import create_demo
from desktop.common.context import AppContext
from desktop.common.operations import wait_for_idle
from desktop.i18n import init_translations, remove_translations

PROJECT_NAME = "测试项目"


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication(qapp: QApplication) -> QApplication:
    """A QApplication from the start: Qt allows one application object per process, and
    code that only needs translations (the CLI) would otherwise create a QCoreApplication
    that no window could use."""
    return qapp


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    """QSettings in a temporary folder, empty for every test."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    yield


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated database file, copied per test (migrating each time is slow)."""
    path = tmp_path_factory.mktemp("desktop-template") / "template.sqlite3"
    engine, _factory = open_database(f"sqlite:///{path}")
    engine.dispose()
    return path


@pytest.fixture
def db_url(tmp_path: Path, migrated_template: Path) -> str:
    path = tmp_path / "anju.sqlite3"
    shutil.copy(migrated_template, path)
    return f"sqlite:///{path}"


@contextmanager
def context_on(qapp: QApplication, url: str, project_name: str, *,
               create: bool) -> Iterator[AppContext]:
    """An AppContext on ``url`` with ``project_name`` current (created first if ``create``);
    on leaving, background operations are finished before the database is closed."""
    engine = make_engine(url)
    factory = make_session_factory(engine)
    with factory.begin() as session:
        project_id = (create_project(session, name=project_name, actor="tester") if create
                      else find_project(session, project_name))
    context = AppContext(factory=factory, url=url, actor="tester",
                         project_id=project_id, project_name=project_name)
    yield context
    wait_for_idle()
    QApplication.processEvents()  # deliver finished operations before the database goes
    context.undo_stack.clear()
    remove_translations(qapp)
    engine.dispose()


@dataclass(frozen=True)
class DemoCopy:
    """A test's own copy of what ``anju demo --out`` made: the database and the files."""

    url: str
    out: Path  # households.xlsx, draw.json, summary.json, every printout


def _build_demo(template: Path, folder: Path, out: Path | None = None) -> Path:
    """What ``anju demo [--out out]`` does (the same function, the CLI's default user),
    into ``folder/demo.sqlite3`` copied from the migrated ``template``."""
    path = folder / "demo.sqlite3"
    shutil.copy(template, path)
    engine, factory = open_database(f"sqlite:///{path}")
    create_demo(factory, actor="operator", out=out)
    engine.dispose()
    # The file is in WAL mode: make sure everything is in the main file, so that
    # copying that one file copies the whole database.
    connection = sqlite3.connect(path)
    busy, _log, _done = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    connection.close()
    assert busy == 0, "the demo database is still in use; its copies would be incomplete"
    return path


def _copy_database(template: Path, folder: Path) -> str:
    path = folder / "demo.sqlite3"
    shutil.copy(template, path)
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path:
    """``anju demo`` once: the demo project (199 households, 220 flats, frozen rules),
    not drawn."""
    return _build_demo(migrated_template, tmp_path_factory.mktemp("demo-template"))


@pytest.fixture(scope="session")
def demo_out_template(tmp_path_factory: pytest.TempPathFactory,
                      migrated_template: Path) -> Path:
    """``anju demo --out`` once: the demo drawn, its session rehearsed to the close,
    its files written to ``out/`` beside the database."""
    folder = tmp_path_factory.mktemp("demo-out-template")
    return _build_demo(migrated_template, folder, out=folder / "out")


@pytest.fixture
def demo_url(tmp_path: Path, demo_template: Path) -> str:
    """The URL of this test's own copy of the demo database (``anju demo``)."""
    return _copy_database(demo_template, tmp_path)


@pytest.fixture
def demo_out(tmp_path: Path, demo_out_template: Path) -> DemoCopy:
    """This test's own copy of ``anju demo --out``: the database, and the files in
    ``tmp_path / "out"``."""
    out = tmp_path / "out"
    shutil.copytree(demo_out_template.parent / "out", out)
    return DemoCopy(url=_copy_database(demo_out_template, tmp_path), out=out)


@pytest.fixture
def ctx(qapp: QApplication, db_url: str) -> Iterator[AppContext]:
    """An AppContext on a fresh database with one project selected."""
    with context_on(qapp, db_url, PROJECT_NAME, create=True) as context:
        yield context


@pytest.fixture
def add(ctx: AppContext) -> Callable[[Household], HouseholdId]:
    """Store a household directly (no undo), returning its id."""
    def store(household: Household) -> HouseholdId:
        assert ctx.project_id is not None
        project_id: ProjectId = ctx.project_id
        with ctx.factory.begin() as session:
            return add_household(session, project_id=project_id, household=household,
                                 actor="tester")
    return store


def in_session(ctx: AppContext, fn: Callable[[Session], object]) -> object:
    with ctx.factory() as session:
        return fn(session)


def settle(qtbot: QtBot, condition: Callable[[], bool], timeout: int = 5000) -> None:
    """Wait for background operations, then for ``condition`` on the UI thread."""
    wait_for_idle()
    qtbot.waitUntil(condition, timeout=timeout)


@pytest.fixture(params=("zh_CN", "en"))
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The interface in one language, Chinese first; remove_translations puts the default
    locale back after it (Chinese sets it, and later tests' numbers would follow it)."""
    init_translations(qapp, request.param)
    try:
        yield request.param
    finally:
        remove_translations(qapp)
