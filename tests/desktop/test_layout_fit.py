"""Every page and dialog fits a 1280×800 projector and a 1366×768 laptop, in both languages.

Measured in the states that make them widest: the demo drawn and its selection session in
progress, a household with a long name at the desk, a long project name, and a second
project whose draft rules have many priority groups with long names. The pages are the main
window's own (``window.pages``), the dialogs every QDialog subclass of ``desktop`` (each
needs a builder below, so a new dialog is measured too). A window must go as small as the
screen leaves room for (``layout_fit.available``) and, at that size, no label or button may
show less than its text (``layout_fit.cut_texts``, by the fonts' metrics).
"""

from __future__ import annotations

import importlib
import pkgutil
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

import desktop
from allocation.demo.policy import demo_policy
from allocation.rules.conditions import Criteria, Term
from allocation.rules.priority import PriorityGroup
from db import lottery as draws
from db.registry import operations as registry
from db.registry.importing import import_households
from db.rules import versions as policies
from db.selection import desk
from db.selection.lifecycle import open_session
from db.store.engine import open_database
from desktop.cli.demo import DEMO_SOURCES, DEMO_WITNESSES, create_demo
from desktop.common.context import AppContext
from desktop.common.operations import wait_for_idle
from desktop.i18n import init_translations
from desktop.session.desk_models import OfferColumn, TurnColumn
from desktop.shell.main_window import PAGE_SESSION, MainWindow
from tests.db.test_several_flats import build_two_flat_project
from tests.desktop.conftest import context_on
from tests.desktop.layout_fit import (
    SCREENS,
    available,
    cut_headers,
    cut_table_headers,
    cut_texts,
    squeezed,
    too_large,
)

# Long, as real ones are: a district, a street, a phase and the roads it runs along.
LONG_PROJECT = "武昌区粮道街片区旧城改造安置项目第二期（积玉桥、中山路、解放路沿线）"
GROUPS_PROJECT = "积玉桥片区棚户区改造项目（优先组较多的分房方案草案）"
# Listed after the others (the main window opens on the first): H001 may take two flats.
TWO_FLATS_PROJECT = "重建片区一户多套安置项目"
LONG_HEAD = "欧阳司马慕容诸葛建国"
GROUP_NAMES = ("八十岁以上高龄老人家庭", "持有一级、二级残疾证的家庭",
               "烈士遗属和因公牺牲军人遗属家庭",
               "最低生活保障家庭和特困供养人员家庭", "提前签约并已腾空交房的家庭", "已签约家庭",
               "多子女家庭（三个及以上未成年子女）", "重大疾病患者家庭")


def _build(path: Path) -> None:
    """The widest states, written into ``path`` (a migrated database)."""
    _engine, factory = open_database(f"sqlite:///{path}")
    create_demo(factory, actor="operator")
    with factory() as session:
        project_id = registry.list_projects(session)[0].id
    with factory.begin() as session:
        draws.publish_pool(session, project_id=project_id, actor="operator", on=date.today())
        draws.announce_and_draw(session, project_id=project_id, sources=DEMO_SOURCES,
                                witnesses=DEMO_WITNESSES, actor="operator")
        registry.rename_project(session, project_id=project_id, name=LONG_PROJECT,
                                actor="operator")
        open_session(session, project_id=project_id, operator="operator",
                     held_on=date.today())
        turn = desk.call_next(session, project_id=project_id, operator="operator")
        assert turn is not None
        stored = registry.find_household(session, project_id, turn.code)
        old = stored.household
        members = tuple(replace(m, name=LONG_HEAD) if m.name == old.head_name else m
                        for m in old.members)
        registry.update_household(session, household_id=stored.id, actor="operator",
                                  household=replace(old, head_name=LONG_HEAD, members=members))
        households = registry.load_households(session, project_id)
    with factory.begin() as session:
        other = registry.create_project(session, name=GROUPS_PROJECT, actor="operator")
        import_households(session, project_id=other, households=households, actor="operator")
        groups = tuple(
            PriorityGroup(name, Criteria("all", (Term("member_count", ">=", 1 + index),)))
            for index, name in enumerate(GROUP_NAMES))
        policies.set_policy(session, project_id=other, actor="operator",
                            policy=replace(demo_policy(), groups=groups))
    with factory.begin() as session:  # H001 at the desk, two flats allowed (一户多套)
        build_two_flat_project(session, name=TWO_FLATS_PROJECT)
    _engine.dispose()
    connection = sqlite3.connect(path)  # everything in the one file that is copied
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


@pytest.fixture(scope="session")
def widest_template(tmp_path_factory: pytest.TempPathFactory, migrated_template: Path) -> Path:
    path = tmp_path_factory.mktemp("widest") / "widest.sqlite3"
    shutil.copy(migrated_template, path)
    _build(path)
    return path


@pytest.fixture
def widest(qapp: QApplication, tmp_path: Path, widest_template: Path,
           language: str) -> Iterator[AppContext]:
    path = tmp_path / "widest.sqlite3"
    shutil.copy(widest_template, path)
    with context_on(qapp, f"sqlite:///{path}", LONG_PROJECT, create=False) as context:
        init_translations(qapp, language)  # context_on removes them when it closes
        yield context


def _settle(qapp: QApplication) -> None:
    for _ in range(4):  # a page's load may start another (the desk's view, its flats)
        wait_for_idle()
        qapp.processEvents()


def _problems(window: QWidget, screen: tuple[int, int], where: str) -> list[str]:
    found = [f"{where}: {too_large(window, screen)}"] if too_large(window, screen) else []
    return (found + [f"{where}: {cut}" for cut in cut_texts(window)]
            + [f"{where}: {cut}" for cut in cut_table_headers(window)]
            + [f"{where}: {cut}" for cut in squeezed(window)])


@pytest.mark.slow  # 8 pages × 2 projects × 2 screens × 2 languages: about 25 s
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_fits(qtbot: QtBot, qapp: QApplication, widest: AppContext,
                         screen: tuple[int, int]) -> None:
    window = MainWindow(widest)
    qtbot.addWidget(window)  # closed and deleted after the test, its loads finished
    window.resize(*available(screen))
    window.show()
    problems = []
    for project in (LONG_PROJECT, GROUPS_PROJECT):
        window.project_combo.setCurrentIndex(window.project_combo.findText(project))
        for page in range(window.pages.count()):
            window.show_page(page)
            _settle(qapp)
            window.resize(*available(screen))
            qapp.processEvents()
            name = type(window.pages.widget(page)).__name__
            problems += _problems(window, screen, f"{project[:6]}… {name}")
    window.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("project", [LONG_PROJECT, TWO_FLATS_PROJECT])
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_desk_shows_the_columns_an_operator_needs(
        qtbot: QtBot, qapp: QApplication, widest: AppContext, screen: tuple[int, int],
        project: str) -> None:
    """Flat, layout, area, ± entitlement, price and settlement without scrolling sideways,
    for the household at the desk (with a long name; or with a flat taken of two, when the
    money columns are the household's together, 合计…), and the order of the session's
    number, household, head and state: each column at its default width as wide as its
    header's text (the header's font metrics) and inside the table's viewport."""
    window = MainWindow(widest)
    qtbot.addWidget(window)  # closed and deleted after the test, its loads finished
    window.resize(*available(screen))
    window.show()
    window.show_page(PAGE_SESSION)
    _settle(qapp)
    if project != LONG_PROJECT:
        combo = window.project_combo  # its names read "（演练）" after a rehearsal's
        combo.setCurrentIndex(next(i for i in range(combo.count())
                                   if combo.itemText(i).startswith(project)))
        for _ in range(3):
            _settle(qapp)
    page = window.session_page
    assert page.card.isVisible() and page.offers_model.rowCount() > 0
    if project == TWO_FLATS_PROJECT:
        page.take_flat("1-1-301")
        for _ in range(10):
            _settle(qapp)
            if page.taken_keys() and page.offers_model.together:
                break
        assert page.taken_keys() == ("1-1-301",) and page.offers_model.together
    problems = cut_headers(page.offers_table, (
        OfferColumn.FLAT, OfferColumn.LAYOUT, OfferColumn.AREA, OfferColumn.DIFFERENCE,
        OfferColumn.PRICE, OfferColumn.SETTLEMENT))
    problems += cut_headers(page.turns_table, (
        TurnColumn.ORDER, TurnColumn.CODE, TurnColumn.HEAD, TurnColumn.STATE))
    problems += squeezed(window)  # the whole desk, its card and panels at their least
    window.close()
    assert not problems, "\n".join(problems)


# --- dialogs ------------------------------------------------------------------------

def _dialog_classes() -> set[type[QDialog]]:
    """Every QDialog subclass defined in ``desktop`` (its modules imported first)."""
    for module in pkgutil.walk_packages(desktop.__path__, "desktop."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found: set[type[QDialog]] = set()
    todo = list(QDialog.__subclasses__())
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__module__.startswith("desktop."):
            found.add(cls)
    return found


Builder = Callable[[AppContext, MainWindow], QDialog]


def _household(ctx: AppContext) -> object:
    with ctx.factory() as session:
        assert ctx.project_id is not None
        return registry.find_household(session, ctx.project_id, "D001")


def _flat(ctx: AppContext) -> object:
    with ctx.factory() as session:
        assert ctx.project_id is not None
        return registry.load_flats(session, ctx.project_id)[0]


def _case_log(ctx: AppContext, window: MainWindow) -> QDialog:
    from desktop.casework.case_log_dialog import CaseLogDialog

    with ctx.factory() as session:
        assert ctx.project_id is not None
        household_id = registry.find_household(session, ctx.project_id, "D001").id
    return CaseLogDialog(ctx, household_id, window)


def _assignment(ctx: AppContext, window: MainWindow) -> QDialog:
    from desktop.casework.case_log_dialog import AssignmentDialog

    case = _case_log(ctx, window)
    _settle(QApplication.instance())  # type: ignore[arg-type]
    return AssignmentDialog(case, [])  # type: ignore[arg-type]


def _objection() -> object:
    from db.publications.notices import Objection

    return Objection(number=1, kind="notice-draw", version=1, period_end=date(2026, 11, 30),
                     objector="欧阳司马慕容", household_code="D012", contact="13607100007",
                     item="D012 的选房顺序号",
                     text="本户应属优先组（户内有七十岁以上老人），请核实。",
                     received_on=date(2026, 11, 25), recorded_by="operator", status="open",
                     resolution="", decided_by="", decided_on=None, answered_in=None)


def _builders() -> dict[str, Builder]:
    from desktop.admin.sign_in import SignInDialog
    from desktop.admin.users_dialog import UsersDialog
    from desktop.casework.teams import TeamsDialog
    from desktop.printing.objections_dialogs import ObjectionDialog, ResolveDialog
    from desktop.registry.flat_dialog import FlatDialog
    from desktop.registry.household_dialog import HouseholdDialog
    from desktop.registry.import_dialog import ImportDialog
    from desktop.session.desk_dialogs import (
        DeclineDialog,
        OpenSessionDialog,
        ProxyDialog,
        RevokeDialog,
    )
    from desktop.shell.main_window import SettingsDialog
    from desktop.shell.project_dialog import ProjectDialog

    return {
        "SignInDialog": lambda ctx, window: SignInDialog(ctx, window),
        "UsersDialog": lambda ctx, window: UsersDialog(ctx, window),
        "TeamsDialog": lambda ctx, window: TeamsDialog(ctx, window),
        "CaseLogDialog": _case_log,
        "AssignmentDialog": _assignment,
        "SettingsDialog": lambda ctx, window: SettingsDialog(window),
        "ProjectDialog": lambda ctx, window: ProjectDialog(
            window, name="liangdao-2", title=LONG_PROJECT, editing=True),
        "OpenSessionDialog": lambda ctx, window: OpenSessionDialog(window),
        "ProxyDialog": lambda ctx, window: ProxyDialog("D104", LONG_HEAD, "", window),
        "RevokeDialog": lambda ctx, window: RevokeDialog("D104", "12-2-1801", "", window),
        "DeclineDialog": lambda ctx, window: DeclineDialog("D104", window),
        "HouseholdDialog": lambda ctx, window: HouseholdDialog(
            ctx, _household(ctx), window),  # type: ignore[arg-type]
        "FlatDialog": lambda ctx, window: FlatDialog(ctx, _flat(ctx), window),  # type: ignore[arg-type]
        "ImportDialog": lambda ctx, window: ImportDialog(ctx, "households", window),
        "ObjectionDialog": lambda ctx, window: ObjectionDialog(ctx, [], None, window),
        "ResolveDialog": lambda ctx, window: ResolveDialog(
            ctx, _objection(), window),  # type: ignore[arg-type]
    }


# Base classes that are never shown themselves.
ABSTRACT_DIALOGS = {"_SavingDialog"}


def test_every_dialog_has_a_builder() -> None:
    """A new dialog must be added to ``_builders`` to be measured."""
    names = {cls.__name__ for cls in _dialog_classes()} - ABSTRACT_DIALOGS
    assert names == set(_builders())


@pytest.mark.slow  # 15 dialogs × 2 screens × 2 languages: about 60 s
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", sorted(_builders()))
def test_every_dialog_fits(qtbot: QtBot, qapp: QApplication, widest: AppContext, name: str,
                           screen: tuple[int, int]) -> None:
    window = MainWindow(widest)
    qtbot.addWidget(window)  # closed and deleted after the test, its loads finished
    window.resize(*available(screen))
    _settle(qapp)
    dialog = _builders()[name](widest, window)
    dialog.show()
    _settle(qapp)
    # Shown at the size it asks for, as Qt opens it, within the screen's room.
    room = available(screen)
    hint = dialog.sizeHint()
    dialog.resize(min(hint.width(), room[0]), min(hint.height(), room[1]))
    qapp.processEvents()
    problems = _problems(dialog, screen, name)
    dialog.reject()
    window.close()
    assert not problems, "\n".join(problems)


# --- the hall's display -------------------------------------------------------------

# Half a 1366×768 laptop's screen (a window beside the desk), a projector, a 1920×1080
# wall and a 4K one.
DISPLAY_SIZES = ((683, 768), (1280, 800), (1920, 1080), (3840, 2160))
# One building (72 flats, 12 floors), the demo's four (220) and twelve (1020, up to 24
# floors): allocation.demo.demo_stock; 4 is the demo's own stock, as drawn.
STOCKS = (1, 4, 12)
# Where a flat's number cannot be read: twelve buildings are 60 flat columns, which leave
# 9 px a cell in 683 pixels and 13 px in a projector's 1280, less than "01" needs at 9 px.
COLOURS_ONLY = {((683, 768), 12), ((1280, 800), 12)}


def _stock(buildings: int) -> tuple[object, ...]:
    from allocation.demo import demo_stock
    from allocation.registry.model import FlatId
    from db.registry.operations import StoredFlat

    return tuple(StoredFlat(FlatId(n), 1, flat)
                 for n, flat in enumerate(demo_stock(buildings), start=1))


@pytest.mark.parametrize("buildings", STOCKS)
@pytest.mark.parametrize("size", DISPLAY_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_hall_display_cuts_no_text(qtbot: QtBot, qapp: QApplication, widest: AppContext,
                                       size: tuple[int, int], buildings: int) -> None:
    """Every text of the display fits, at every size and with one building or twelve: the
    labels (the long project name and head's name called, the type scaling with the
    window's narrower side and shrinking for a tall stock), and the grid's painted texts
    — buildings, units, floors and every flat's number — by the fonts' metrics, each in
    its box, every cell inside the grid and the grid inside the window. Every flat shows
    its number (at least ``SMALLEST_TYPE`` pixels), except twelve buildings in half a
    laptop's screen, where the cells are colours only."""
    from desktop.session.display_window import DisplayWindow
    from desktop.session.hall_grid import SMALLEST_TYPE

    assert widest.project_id is not None
    display = DisplayWindow(widest.factory, widest.project_id, widest.project_name)
    qtbot.addWidget(display)
    display.resize(*size)
    display.show()
    display.start()
    _settle(qapp)
    for _ in range(20):
        if display.loaded > 0:
            break
        _settle(qapp)
    assert display.loaded > 0 and display.view is not None
    display.stop()
    if buildings != 4:  # the session's state as it is, over another stock
        display.show_view(replace(display.view, flats=_stock(buildings)))  # type: ignore[arg-type]
    qapp.processEvents()
    grid = display.grid
    assert len(grid.buildings()) == buildings
    cuts = [str(cut) for cut in cut_texts(display)]
    texts = grid.painted_texts()
    room = grid.rect().toRectF().adjusted(-0.01, -0.01, 0.01, 0.01)  # sums of fractions
    cuts += [f"{t.kind} {t.text!r} in {t.font.pixelSize()} px does not fit {t.rect}"
             for t in texts if not t.fits() or not room.contains(t.rect)]
    if not grid.floor_labels_fit():
        cuts.append(f"the floors' names are cut or left out in a grid of {grid.size()}")
    keys = [s.flat.key for s in display.view.flats] if buildings == 4 else \
        [s.flat.key for s in _stock(buildings)]  # type: ignore[attr-defined]
    outside = [k for k in keys if not room.contains(grid.cell_rect(k))]
    numbers = {t.flat: t for t in texts if t.kind == "number"}
    display.close()
    assert not cuts, "\n".join(cuts)
    assert not outside, f"cells outside the grid: {outside[:5]}"
    assert display.rect().contains(grid.geometry())
    if (size, buildings) in COLOURS_ONLY:
        assert not numbers
    else:
        assert set(numbers) == set(keys), f"numbers left out in a grid of {grid.size()}"
        assert min(t.font.pixelSize() for t in numbers.values()) >= SMALLEST_TYPE
