"""The main window: projects, navigation, menus in both languages, the status bar."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

import db.registry.operations as registry
import desktop.common.settings as settings
from allocation.registry.model import Household, HouseholdId
from db.audit.chain import events_for
from db.registry.operations import add_household, create_project, find_project
from db.store.engine import make_engine, make_session_factory
from desktop.common.actions import MainAction
from desktop.common.context import AppContext
from desktop.common.operations import wait_for_idle
from desktop.i18n import init_translations, remove_translations
from desktop.registry.households_model import COL_CODE
from desktop.shell.app import main as app_main
from desktop.shell.main_window import PAGE_FLATS, PAGE_SESSION, MainWindow, mask_url
from desktop.shell.project_dialog import ProjectDialog
from tests.desktop.conftest import PROJECT_NAME, settle
from tests.desktop.test_desk_scenario import demo_ctx, session_template  # noqa: F401
from tests.factories import make_household


def build(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, lambda: ctx.project_id is None or window.counts_label.text() != "")
    return window


def shown_codes(window: MainWindow) -> list[str]:
    model = window.households_page.model
    return [model.data(model.index(r, COL_CODE)) for r in range(model.rowCount())]


def test_window_shows_the_project_and_its_pages(
        qtbot: QtBot, ctx: AppContext, add: Callable[[Household], HouseholdId]) -> None:
    add(make_household("H001"))
    window = build(qtbot, ctx)
    assert PROJECT_NAME in window.windowTitle()
    assert window.central.currentIndex() == 1  # the workspace, not the empty state
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Households", "Flats", "Rules", "Draw", "Audit", "Progress", "Printouts",
        "Selection"]
    settle(qtbot, lambda: shown_codes(window) == ["H001"])
    settle(qtbot, lambda: "1 households" in window.counts_label.text())
    window.show_page(PAGE_FLATS)
    assert window.pages.currentIndex() == PAGE_FLATS


def test_project_chooser_lists_projects_and_switching_reloads(
        qtbot: QtBot, ctx: AppContext, add: Callable[[Household], HouseholdId]) -> None:
    add(make_household("H001"))
    with ctx.factory.begin() as session:
        other = create_project(session, name="第二项目", actor="tester")
        add_household(session, project_id=other, household=make_household("B777", seq=7),
                      actor="tester")
    settings.put(settings.LAST_PROJECT, PROJECT_NAME)
    window = build(qtbot, ctx)
    combo = window.project_combo
    assert sorted(combo.itemText(i) for i in range(combo.count())) == sorted(
        [PROJECT_NAME, "第二项目"])
    assert combo.currentText() == PROJECT_NAME
    ctx.undo_stack.push(_noop_command())
    combo.setCurrentIndex(combo.findText("第二项目"))
    assert ctx.project_id == other and ctx.project_name == "第二项目"
    assert ctx.undo_stack.count() == 0  # undo steps belong to their project
    settle(qtbot, lambda: shown_codes(window) == ["B777"])
    assert settings.get(settings.LAST_PROJECT) == "第二项目"
    assert "第二项目" in window.windowTitle()


def _noop_command() -> QUndoCommand:
    return QUndoCommand("noop")


def test_new_and_rename_project(qtbot: QtBot, ctx: AppContext) -> None:
    """The New project dialog takes the short name and the title its papers are headed
    with; the same dialog edits both, each change audited."""
    window = build(qtbot, ctx)
    window.actions_by_name[MainAction.NEW_PROJECT].trigger()
    dialog = window._dialogs[-1]
    assert isinstance(dialog, ProjectDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no name yet
    dialog.name_edit.setText(" 新建项目 ")
    dialog.title_edit.setText("东湖片区二期安置项目")
    assert ok.isEnabled()
    ok.click()  # written on the worker
    settle(qtbot, lambda: window.project_combo.currentText() == "新建项目")
    assert (ctx.project_name, ctx.project_heading) == ("新建项目", "东湖片区二期安置项目")
    edit = window.rename_project()
    assert edit is not None
    assert (edit.name_edit.text(), edit.title_edit.text()) == ("新建项目", "东湖片区二期安置项目")
    edit.name_edit.setText("改名项目")
    edit.title_edit.setText("东湖片区三期安置项目")
    edit.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    settle(qtbot, lambda: ctx.project_heading == "东湖片区三期安置项目")
    assert window.project_combo.currentText() == "改名项目"
    assert window.project_combo.count() == 2
    with ctx.factory() as s:
        pid = find_project(s, "改名项目")
        assert [e.action for e in events_for(s, project_id=pid)] == ["create", "rename",
                                                                      "update"]


@pytest.fixture
def empty_ctx(qapp: QApplication, db_url: str) -> Iterator[AppContext]:
    """A database without any project."""
    engine = make_engine(db_url)
    context = AppContext(factory=make_session_factory(engine), url=db_url)
    yield context
    wait_for_idle()
    QApplication.processEvents()
    engine.dispose()


def test_without_projects_the_window_invites_to_create_one(
        qtbot: QtBot, empty_ctx: AppContext) -> None:
    window = build(qtbot, empty_ctx)
    assert window.central.currentIndex() == 0
    text = " ".join(label.text() for label in window.empty_state.findChildren(QLabel))
    assert "anju demo" in text
    assert not window.actions_by_name[MainAction.RENAME_PROJECT].isEnabled()
    assert not window.households_page.actions_by_name[MainAction.ADD_HOUSEHOLD].isEnabled()


def test_menus_are_chinese_with_the_chinese_translation(
        qtbot: QtBot, qapp: QApplication, ctx: AppContext) -> None:
    assert init_translations(qapp, "zh_CN") == "zh_CN"
    try:
        window = build(qtbot, ctx)
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles[:2] == ["文件(&F)", "编辑(&E)"]
        assert window.nav.item(0).text() == "被安置户"
        model = window.households_page.model
        assert model.headerData(0, Qt.Orientation.Horizontal) == "户号"
        assert window.actions_by_name[MainAction.UNDO].text() == "撤销"
    finally:
        remove_translations(qapp)


def test_undo_action_follows_the_stack(qtbot: QtBot, ctx: AppContext) -> None:
    window = build(qtbot, ctx)
    undo = window.actions_by_name[MainAction.UNDO]
    assert not undo.isEnabled()
    ctx.undo_stack.push(_noop_command())
    assert undo.isEnabled() and undo.text() == "Undo noop"


def test_status_bar_hides_the_database_password() -> None:
    masked = mask_url("postgresql+psycopg://anju:s3cret@db.local:5432/anju")
    assert "s3cret" not in masked and "db.local" in masked


def test_settings_dialog_stores_the_language(qtbot: QtBot, ctx: AppContext) -> None:
    window = build(qtbot, ctx)
    dialog = window.open_settings()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    dialog.accept()
    assert settings.get(settings.LANGUAGE) == "zh_CN"


def test_an_unopenable_database_is_explained_and_the_app_exits(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda _parent, _title, text, *a: shown.append(text)))
    assert app_main(url="nosuchdriver://user:pw@host/db", language="en") == 1
    assert "nosuchdriver://user:***@host/db" in shown[0]
    assert "pw@" not in shown[0]


def test_file_menu_reaches_import_export_and_templates(
        qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Import opens the import dialog; export and templates call the import module."""
    window = build(qtbot, ctx)
    module = window.import_module
    calls: list[tuple[str, ...]] = []
    monkeypatch.setattr(module, "export_to", lambda _ctx, kind, _parent: calls.append(
        ("export", kind)))
    monkeypatch.setattr(module, "save_template", lambda _ctx, kind, _parent: calls.append(
        ("template", kind)))
    monkeypatch.setattr(QInputDialog, "getItem",
                        staticmethod(lambda _p, _t, _l, items, *a, **k: (items[1], True)))
    actions = window.actions_by_name
    actions[MainAction.EXPORT_FLATS].trigger()
    actions[MainAction.DOWNLOAD_TEMPLATES].trigger()
    assert calls == [("export", "flats"), ("template", "flats")]
    actions[MainAction.IMPORT_HOUSEHOLDS].trigger()
    dialogs = [d for d in window._dialogs if isinstance(d, module.ImportDialog)]
    assert len(dialogs) == 1
    dialogs[0].reject()
    assert window._dialogs == []


def test_back_up_and_restore_from_the_file_menu(
        qtbot: QtBot, ctx: AppContext, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A backup taken in the GUI restores the data as it was, after two confirmations."""
    import desktop.admin.backup_actions as backup_actions

    window = build(qtbot, ctx)
    with ctx.factory.begin() as s:
        registry.add_household(s, project_id=ctx.project_id, household=make_household("B001"),
                               actor="tester")
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: None))
    path = backup_actions.back_up(ctx, window, tmp_path / "copy.sqlite3")
    assert path is not None and path.exists()
    with ctx.factory.begin() as s:
        registry.add_household(s, project_id=ctx.project_id, household=make_household(
            "B002", seq=2), actor="tester")
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda *a: QMessageBox.StandardButton.Yes))
    monkeypatch.setenv("ANJU_BACKUP_DIR", str(tmp_path / "auto"))
    assert backup_actions.restore(ctx, window, path)
    with ctx.factory() as s:
        codes = [h.code for h in registry.load_households(s, ctx.project_id)]
    assert codes == ["B001"]
    assert list((tmp_path / "auto").glob("before-restore-*.sqlite3"))  # the state it replaced


def test_restore_of_a_backup_older_than_a_witnessed_act_asks_why(qtbot, ctx, tmp_path,
                                                                monkeypatch):
    """Issue 18: a backup lacking a head of the witness file restores only with a reason,
    asked for after the refusal; cancelling restores nothing."""
    import desktop.admin.backup_actions as backup_actions
    from db.admin import witness_on_commit
    from db.audit import current_anchor

    window = build(qtbot, ctx)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: None))
    path = backup_actions.back_up(ctx, window, tmp_path / "older.sqlite3")
    with ctx.factory.begin() as s:  # a witnessed act after the backup
        registry.add_household(s, project_id=ctx.project_id, household=make_household("B009"),
                               actor="tester")
        witness_on_commit(s, project_id=ctx.project_id, act="freeze")
    with ctx.factory() as s:
        witnessed = current_anchor(s)
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda *a: QMessageBox.StandardButton.Yes))
    monkeypatch.setenv("ANJU_BACKUP_DIR", str(tmp_path / "auto"))
    asked: list[str] = []

    def answer(text):
        def get_text(_parent, _title, prompt):
            asked.append(prompt)
            return text, bool(text)
        return staticmethod(get_text)

    from PySide6.QtWidgets import QInputDialog
    monkeypatch.setattr(QInputDialog, "getText", answer(""))
    assert not backup_actions.restore(ctx, window, path)
    assert str(witnessed) in asked[0]
    with ctx.factory() as s:
        assert current_anchor(s) == witnessed  # nothing restored
    monkeypatch.setattr(QInputDialog, "getText", answer("误登记，回到备份"))
    assert backup_actions.restore(ctx, window, path)
    with ctx.factory() as s:
        assert "B009" not in [h.code for h in registry.load_households(s, ctx.project_id)]


# --- the status bar's counts follow the data ----------------------------------------

def _available(window: MainWindow) -> str:
    return window.counts_label.text().rsplit("(", 1)[-1]


def test_the_status_bar_counts_follow_imports_projects_and_other_desks(
        qtbot: QtBot, demo_ctx: AppContext) -> None:  # noqa: F811
    """The demo: 199 households, 220 flats, none taken (its session open, nobody called).
    Two flats imported through the app: 222 flats, 222 available. A selection confirmed
    at another workstation (written straight to the database, as another desk's is),
    seen by this desk's pulse: 221 available. Another project (one household, no
    flats): 0 flats; back: the demo's counts again."""
    from db.registry.importing import import_flats
    from db.selection import desk as calls
    from db.selection.choice import select_flat
    from db.selection.offers import offers
    from tests.factories import make_flat

    ctx = demo_ctx
    project_id, demo_name = ctx.project_id, ctx.project_name
    assert project_id is not None
    with ctx.factory.begin() as session:
        other = create_project(session, name="第二项目", actor="tester")
        add_household(session, project_id=other, household=make_household("B777", seq=7),
                      actor="tester")
    window = build(qtbot, ctx)
    settle(qtbot, lambda: "220 flats (220 available)" in window.counts_label.text())
    new_flats = [make_flat(building="99", number=n) for n in ("301", "302")]
    ctx.op(lambda s: import_flats(s, project_id=project_id, flats=new_flats,
                                  actor=ctx.actor)).run_in_background()
    settle(qtbot, lambda: "222 flats (222 available)" in window.counts_label.text())

    window.show_page(PAGE_SESSION)
    page = window.session_page
    settle(qtbot, lambda: page.view is not None and page.view.state is not None)
    with ctx.factory.begin() as session:  # another desk, its own connection
        turn = calls.call_next(session, project_id=project_id, operator="tester")
        assert turn is not None
        key = offers(session, project_id, turn.code)[0].flat.key
        select_flat(session, project_id=project_id, code=turn.code, flat_key=key,
                    operator="tester")
    page.poll()  # the desk's timer, at once
    settle(qtbot, lambda: "222 flats (221 available)" in window.counts_label.text())

    window.project_combo.setCurrentIndex(window.project_combo.findText("第二项目"))
    settle(qtbot, lambda: "1 households" in window.counts_label.text()
           and "0 flats" in window.counts_label.text())
    combo = window.project_combo  # the demo's name reads "（演练）" in a session
    combo.setCurrentIndex(next(i for i in range(combo.count())
                               if combo.itemText(i).startswith(demo_name)))
    settle(qtbot, lambda: "222 flats (221 available)" in window.counts_label.text())
