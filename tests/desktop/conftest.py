"""Desktop fixtures: a fresh migrated SQLite file per test, a project in it, and an AppContext.

Settings go to a temporary folder so tests never read or write the user's
own options. Background database operations are waited for before a test's
database is closed.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from allocation.registry.model import Household, HouseholdId, ProjectId
from db.registry.operations import add_household, create_project
from db.store.engine import make_engine, make_session_factory, open_database
from desktop.common.context import AppContext
from desktop.common.operations import wait_for_idle
from desktop.i18n import remove_translations

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


@pytest.fixture
def ctx(qapp: QApplication, db_url: str) -> Iterator[AppContext]:
    """An AppContext on a fresh database with one project selected."""
    engine = make_engine(db_url)
    factory = make_session_factory(engine)
    with factory.begin() as session:
        project_id = create_project(session, name=PROJECT_NAME, actor="tester")
    context = AppContext(factory=factory, url=db_url, actor="tester",
                         project_id=project_id, project_name=PROJECT_NAME)
    yield context
    wait_for_idle()
    QApplication.processEvents()  # deliver finished operations before the database goes
    context.undo_stack.clear()
    remove_translations(qapp)
    engine.dispose()


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
