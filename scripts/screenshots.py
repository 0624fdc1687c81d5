"""Render the documentation screenshots of the desktop app, in Chinese, from demo data.

Usage: ``.venv/bin/python scripts/screenshots.py [OUT_DIR]`` (default
docs/screenshots). Runs offscreen on a temporary SQLite database and a
temporary settings folder, so nothing of the user's is read or changed.
Writes households.png, household_dialog.png, flats.png, building.png,
audit.png, rules.png (a draft, priority groups and preview), rules_problems.png
(an overlapping price tier refused), draw.png and rules_frozen.png, all at
1280×800.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402 - the platform must be set first
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from allocation.model import Household, HouseholdStatus, ProjectId  # noqa: E402
from db.registry import create_project, find_household  # noqa: E402
from db.session import open_database  # noqa: E402
from desktop.app import create_application  # noqa: E402
from desktop.context import AppContext  # noqa: E402
from desktop.i18n import init_translations  # noqa: E402
from desktop.operations import wait_for_idle  # noqa: E402
from desktop.views.household_dialog import HouseholdDialog  # noqa: E402
from desktop.views.main_window import (  # noqa: E402
    PAGE_AUDIT,
    PAGE_DRAW,
    PAGE_FLATS,
    PAGE_RULES,
    MainWindow,
)

SIZE = (1280, 800)


def demo_data() -> tuple[str, list[Household], list]:  # type: ignore[type-arg]
    """The demo project's name, households and flats."""
    from allocation.demo import DEMO_PROJECT_NAME, demo_flats, demo_households

    return DEMO_PROJECT_NAME, demo_households(), demo_flats()


def build_database(url: str) -> AppContext:
    from db.importing import import_flats, import_households

    name, households, flats = demo_data()
    _engine, factory = open_database(url)
    with factory.begin() as session:
        project_id = create_project(session, name=name, actor="screenshots")
        import_households(session, project_id=project_id, households=households,
                          actor="screenshots")
        import_flats(session, project_id=project_id, flats=flats, actor="screenshots")
    return AppContext(factory=factory, url=url, actor="screenshots",
                      project_id=ProjectId(project_id), project_name=name)


def settle(app: QApplication, done: Callable[[], bool], timeout: float = 20.0) -> None:
    """Let background operations finish and the UI process their results."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not finish loading")
        wait_for_idle()
        app.processEvents()
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def interesting_household(window: MainWindow) -> str:
    """A signed household with several members and a special condition, for the dialog."""
    model = window.households_page.model
    rows = [model.row_at(r) for r in range(model.visible_count)]
    for row in rows:
        if row.conditions and row.members >= 4 and row.status == HouseholdStatus.SIGNED:
            return row.code
    return rows[0].code


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="anju-screenshots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(scratch / "settings"))
    app = create_application([sys.argv[0]])
    init_translations(app, "zh_CN")
    ctx = build_database(f"sqlite:///{scratch / 'anju.sqlite3'}")
    window = MainWindow(ctx)
    window.resize(*SIZE)
    window.show()
    page = window.households_page
    settle(app, lambda: page.model.total_count > 0 and window.counts_label.text() != "")
    code = interesting_household(window)
    page.select_view_row(page.model.view_row_of(page.model.id_of_code(code)) or 0)
    settle(app, lambda: True)
    save(window, out / "households.png")
    shoot_dialog(app, ctx, window, code, out)
    shoot_flats(app, window, out)
    shoot_audit(app, ctx, window, out)
    shoot_rules(app, ctx, window, code, out)
    shoot_draw(app, ctx, window, out)
    shoot_frozen_rules(app, window, out)
    window.close()
    wait_for_idle()
    return 0


def shoot_dialog(app: QApplication, ctx: AppContext, window: MainWindow, code: str,
                 out: Path) -> None:
    with ctx.factory() as session:
        stored = find_household(session, ctx.project_id, code)  # type: ignore[arg-type]
    dialog = HouseholdDialog(ctx, stored, window)
    dialog.show()
    settle(app, lambda: True)
    save(dialog, out / "household_dialog.png")
    dialog.reject()


def shoot_flats(app: QApplication, window: MainWindow, out: Path) -> None:
    page = window.flats_page
    model = getattr(page, "model", None)
    if model is None:
        return  # the flats page is not there yet
    window.show_page(PAGE_FLATS)
    settle(app, lambda: model.rowCount() > 0)
    save(window, out / "flats.png")
    tabs = getattr(page, "tabs", None)
    if tabs is not None and tabs.count() > 1:
        tabs.setCurrentIndex(1)
        settle(app, lambda: True)
        save(window, out / "building.png")


def shoot_audit(app: QApplication, ctx: AppContext, window: MainWindow, out: Path) -> None:
    """The Audit page after an ordinary edit, with the check run."""
    from dataclasses import replace

    from db import registry

    with ctx.factory.begin() as session:
        stored = registry.find_household(session, ctx.project_id, "D007")
        registry.update_household(session, household_id=stored.id, actor="王科员",
                                  household=replace(stored.household, phone="13607100007"))
    page = window.audit_page
    window.show_page(PAGE_AUDIT)
    page.reload()
    settle(app, lambda: page.model.rowCount() > 400)
    page.verify()
    settle(app, lambda: page.verify_button.isEnabled())
    save(window, out / "audit.png")


def shoot_rules(app: QApplication, ctx: AppContext, window: MainWindow, code: str,
                out: Path) -> None:
    """The Rules page on the demo rules as a draft: groups, preview; then a refused tier."""
    from allocation.demo_policy import demo_policy
    from db import policies

    with ctx.factory.begin() as session:
        policies.set_policy(session, project_id=ctx.project_id, policy=demo_policy(),
                            actor="screenshots")
    page = window.rules_page
    window.show_page(PAGE_RULES)
    page.reload()
    settle(app, lambda: page.state is not None and page.state.current is not None)
    page.editor.tabs.setCurrentIndex(4)
    page.preview.choose(code)
    page.preview.refresh()
    settle(app, lambda: bool(page.preview.sizes))
    save(window, out / "rules.png")
    tiers = page.editor.tiers
    page.editor.tabs.setCurrentIndex(2)
    row = tiers.add_row()
    tiers.set_cell(row, "start", "20.00")
    tiers.set_cell(row, "end", "30.00")
    settle(app, lambda: bool(page.problems))
    page.preview.refresh()  # without waiting for the pause after typing
    settle(app, lambda: True)
    save(window, out / "rules_problems.png")
    page._load_editor(page.state.current)  # the edit is only for the picture


def shoot_frozen_rules(app: QApplication, window: MainWindow, out: Path) -> None:
    """The Rules page once the rules are frozen (shoot_draw froze them): read-only, hash."""
    page = window.rules_page
    window.show_page(PAGE_RULES)
    page.reload()
    settle(app, lambda: page.state is not None and page.state.current is not None
           and page.state.current.frozen)
    page.editor.tabs.setCurrentIndex(0)
    page.preview.refresh()
    settle(app, lambda: True)
    save(window, out / "rules_frozen.png")


def shoot_draw(app: QApplication, ctx: AppContext, window: MainWindow, out: Path) -> None:
    """The Draw page after the demo rules are frozen, the pool published and drawn."""
    from datetime import date

    from allocation.demo_policy import demo_policy
    from db import draws, policies
    from desktop.demo_project import DEMO_SOURCES, DEMO_WITNESSES

    pid = ctx.project_id
    with ctx.factory.begin() as session:
        policies.set_policy(session, project_id=pid, policy=demo_policy(), actor="screenshots")
        policies.freeze_policy(session, project_id=pid, actor="screenshots")
        draws.publish_pool(session, project_id=pid, actor="screenshots", on=date(2026, 11, 1))
        draws.announce_sources(session, project_id=pid, sources=DEMO_SOURCES,
                               witnesses=DEMO_WITNESSES, actor="screenshots")
        draws.run_draw(session, project_id=pid, actor="screenshots")
    page = window.draw_page
    window.show_page(PAGE_DRAW)
    page.reload()
    settle(app, lambda: page.model.rowCount() > 100)
    save(window, out / "draw.png")


if __name__ == "__main__":
    raise SystemExit(main())
