"""Render the documentation screenshots of the desktop app, in Chinese, from demo data.

Usage:
``.venv/bin/python scripts/screenshots.py [OUT_DIR] [--size WxH] [--language zh_CN|en]``
(default docs/screenshots, 1280x800, Chinese; the README's 1366×768 pair is made with
``--size 1366x768`` into docs/screenshots/1366x768-zh_CN and -en). Runs offscreen on a
temporary SQLite database and a
temporary settings folder, so nothing of the user's is read or changed.
Writes households.png, household_dialog.png, household_transition.png, flats.png, building.png,
audit.png, rules.png (a draft, priority groups and preview), rules_problems.png
(an overlapping price tier refused), rules_modes.png (value swap and money compensation
offered, the notice text's 补偿方式 in the preview), rules_compensation.png (a moving fee
per move, the allowance's share in transition housing, the business loss), draw.png,
rules_frozen.png, printouts.png (the draw notice previewed), objections.png and desk.png
(the selection desk in the middle of a session, in batch 1 of its stored plan, the
household's chances under the flats), desk_two_flats.png (a household taking two flats),
all at the size asked for, display.png (the hall's display) at 1920×1080 and
display_half.png at 683×768 (half a laptop's screen), and display_12.png and
display_12_half.png the same over a stock of twelve buildings.
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
from PySide6.QtGui import QTextCursor, QTextDocument  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from allocation.registry.model import Household, HouseholdStatus, ProjectId  # noqa: E402
from db.registry.operations import create_project, find_household  # noqa: E402
from db.store.engine import open_database  # noqa: E402
from desktop.common.context import AppContext  # noqa: E402
from desktop.common.operations import wait_for_idle  # noqa: E402
from desktop.i18n import init_translations  # noqa: E402
from desktop.registry.household_dialog import HouseholdDialog  # noqa: E402
from desktop.rules.policy_editor import TAB_COMPENSATION, TAB_GROUPS, TAB_MODES  # noqa: E402
from desktop.rules.rules_page import RulesPage  # noqa: E402
from desktop.shell.app import create_application  # noqa: E402
from desktop.shell.main_window import PAGE_AUDIT, PAGE_DRAW, PAGE_FLATS, PAGE_RULES, MainWindow  # noqa: E402

SIZE = (1280, 800)
LANGUAGE = "zh_CN"


def demo_data() -> tuple[str, list[Household], list]:  # type: ignore[type-arg]
    """The demo project's name, households and flats."""
    from allocation.demo.register import DEMO_PROJECT_NAME, demo_flats, demo_households

    return DEMO_PROJECT_NAME, demo_households(), demo_flats()


def build_database(url: str) -> AppContext:
    from db.registry.importing import import_flats, import_households

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


def pause(app: QApplication, seconds: float) -> None:
    """Keep the event loop running a while (for views that paint from their own threads)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


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


def parse(args: list[str]) -> tuple[Path, tuple[int, int], str]:
    """OUT_DIR, --size WxH and --language from the command line."""
    import argparse

    parser = argparse.ArgumentParser(description="Render the desktop app's screenshots.")
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default="1280x800", help="window size, e.g. 1366x768")
    parser.add_argument("--language", default="zh_CN", choices=("zh_CN", "en"))
    options = parser.parse_args(args)
    width, _x, height = options.size.partition("x")
    return options.out, (int(width), int(height)), options.language


def main(argv: list[str] | None = None) -> int:
    global SIZE, LANGUAGE
    out, SIZE, LANGUAGE = parse(sys.argv[1:] if argv is None else argv)
    out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="anju-screenshots-"))
    # The automatic backups of the demo's freeze and draw, and the status bar's last backup,
    # in the scratch folder: not the user's.
    os.environ["ANJU_BACKUP_DIR"] = str(scratch / "backups")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(scratch / "settings"))
    app = create_application([sys.argv[0]])
    init_translations(app, LANGUAGE)
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
    shoot_new_project(app, window, out)
    shoot_flats(app, window, out)
    shoot_rules(app, ctx, window, code, out)
    shoot_draw(app, ctx, window, out)
    shoot_frozen_rules(app, window, out)
    shoot_printouts(app, ctx, window, out)
    shoot_progress(app, ctx, window, out)
    shoot_session(app, ctx, window, out)
    shoot_session_days(app, window, out)
    shoot_two_flats(app, scratch, out)
    shoot_audit(app, ctx, window, out)  # after the session: its events read in words
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
    dialog.tabs.setCurrentWidget(dialog.transition)
    settle(app, lambda: True)
    save(dialog, out / "household_transition.png")
    dialog.reject()


def shoot_new_project(app: QApplication, window: MainWindow, out: Path) -> None:
    """The New project dialog, filled in as an office would: a short name and the title."""
    dialog = window.new_project()
    dialog.name_edit.setText("dh2")
    dialog.title_edit.setText("东湖片区二期旧城改造安置项目")
    settle(app, lambda: True)
    save(dialog, out / "new_project.png")
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
    """The Audit page at the end of the demo's session (calls, choices, an ordinary edit),
    with the check run."""
    from dataclasses import replace

    import db.registry.operations as registry

    with ctx.factory.begin() as session:
        stored = registry.find_household(session, ctx.project_id, "D007")
        registry.update_household(session, household_id=stored.id, actor="王科员",
                                  household=replace(stored.household, phone="13607100007"))
    page = window.audit_page
    window.show_page(PAGE_AUDIT)
    page.reload()
    settle(app, lambda: page.model.rowCount() > 400 and page.model.row_at(
        page.model.rowCount() - 1).entity == "household")
    page.verify()
    settle(app, lambda: page.verify_button.isEnabled())
    save(window, out / "audit.png")


def shoot_rules(app: QApplication, ctx: AppContext, window: MainWindow, code: str,
                out: Path) -> None:
    """The Rules page on the demo rules as a draft: groups, preview; then a refused tier."""
    import db.rules.versions as policies
    from allocation.demo.policy import demo_policy

    with ctx.factory.begin() as session:
        policies.set_policy(session, project_id=ctx.project_id, policy=demo_policy(),
                            actor="screenshots")
    page = window.rules_page
    window.show_page(PAGE_RULES)
    page.reload()
    settle(app, lambda: page.state is not None and page.state.current is not None)
    page.editor.tabs.setCurrentIndex(TAB_GROUPS)
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
    shoot_modes(app, page, window, out)
    page._load_editor(page.state.current)
    shoot_compensation(app, page, window, out)
    page._load_editor(page.state.current)


def shoot_compensation(app: QApplication, page: RulesPage, window: MainWindow, out: Path) -> None:
    """The 补偿补助 tab: an item per move, half the allowance in transition housing, the
    business loss of non-residential homes at 30 yuan per m² and month for 6 months."""
    editor = page.editor
    editor.tabs.setCurrentIndex(TAB_COMPENSATION)
    row = editor.compensation.table.add_row()
    editor.compensation.table.set_cell(row, "name", "搬迁费")
    editor.compensation.table.set_cell(row, "amount", "1500")
    editor.compensation.table.set_cell(row, "moves", "per_move")
    editor.business_loss_box.setChecked(True)
    for path, text in (("transition.in_housing", "0.5"), ("business_loss.per_area_month", "30"),
                       ("business_loss.months", "6")):
        edit = editor.fields[path][0]
        edit.setText(text)
        edit.textEdited.emit(text)
    settle(app, lambda: page.policy is not None and page.policy.business_loss is not None)
    show_notice_section(app, page, "停产停业损失", "、补偿补助")
    save(window, out / "rules_compensation.png")


def show_notice_section(app: QApplication, page: RulesPage, word: str, heading: str) -> None:
    """The preview's notice text, once it holds ``word``, with ``heading`` at its top."""
    page.preview.refresh()
    view = page.preview.rules_view
    # The notice's words are Chinese; in the English interface the preview reads English.
    settle(app, lambda: word in view.toPlainText()
           or (LANGUAGE == "en" and bool(view.toPlainText())))
    page.preview.text_tabs.setCurrentWidget(view)
    # The section at the top of the view: the end first, then back up to the heading.
    view.moveCursor(QTextCursor.MoveOperation.End)
    view.find(heading, QTextDocument.FindFlag.FindBackward)
    cursor = view.textCursor()
    cursor.clearSelection()
    view.setTextCursor(cursor)
    settle(app, lambda: True)


def shoot_modes(app: QApplication, page: RulesPage, window: MainWindow, out: Path) -> None:
    """The 补偿方式 tab with a value swap and money compensation filled in (not saved)."""
    editor = page.editor
    editor.tabs.setCurrentIndex(TAB_MODES)
    swap, money = editor.value_swap, editor.money
    swap.setChecked(True)
    row = swap.subsidies.add_row()
    swap.subsidies.set_cell(row, "name", "产权调换补助")
    swap.subsidies.set_cell(row, "percent", "5")
    for name in ("重病补助", "残疾补助", "低保补助", "提前签约奖励（7月）"):
        swap.check_item(name)
    swap.transition.setChecked(True)
    for key, text in (("last_flat_min_share", "0.5"), ("alone_layouts", "一室一厅"),
                      ("non_residential_layouts", "商铺")):
        swap.fields[key].setText(text)
        swap.fields[key].textEdited.emit(text)
    money.setChecked(True)
    row = money.subsidies.add_row()
    money.subsidies.set_cell(row, "name", "货币补偿奖励")
    money.subsidies.set_cell(row, "percent", "10")
    money.check_item("提前签约奖励（7月）")
    settle(app, lambda: page.policy is not None and page.policy.money_compensation is not None)
    show_notice_section(app, page, "补偿方式", "、补偿方式")
    save(window, out / "rules_modes.png")


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

    import db.lottery.draws as draws
    import db.rules.versions as policies
    from allocation.demo.policy import demo_policy
    from desktop.cli.demo import DEMO_SOURCES, DEMO_WITNESSES

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


def shoot_printouts(app: QApplication, ctx: AppContext, window: MainWindow, out: Path) -> None:
    """The Printouts page previewing the draw notice; then its objections tab with one objection.

    Shown inside the main window once it has the page, else on its own at the same size.
    """
    from datetime import date

    import db.publications.notices as publications
    from desktop.printing.job import wait_for_renders
    from desktop.printing.printouts_page import PrintoutsPage

    page = getattr(window, "printouts_page", None)
    shown: QWidget = window
    if page is None:
        page = PrintoutsPage(ctx)
        page.resize(*SIZE)
        page.show()
        shown = page
    else:
        window.nav.setCurrentRow(window.pages.indexOf(page))
    tab = page.documents
    tab.choose_kind("notice-draw")
    tab.start.setDate(date(2026, 11, 23))
    tab.make_preview()
    settle(app, lambda: wait_for_renders() or tab.rendered is not None, timeout=60)
    pause(app, 2.0)  # QPdfView draws its pages on a thread of its own
    save(shown, out / "printouts.png")
    tab.ask_save_path = lambda: Path(tempfile.mkdtemp()) / "notice-draw.pdf"  # type: ignore[method-assign]
    tab.save()
    settle(app, lambda: not tab.save_button.isEnabled() and "SHA" not in tab.status.text()
           and tab.status.text().startswith(("已保存", "Saved")))
    with ctx.factory.begin() as session:
        publications.record_objection(
            session, project_id=ctx.project_id, kind="notice-draw", objector="张三丰",
            item="D012 的选房顺序号", text="本户应属优先组（户内有七十岁以上老人），请核实。",
            received_on=date.today(), actor="screenshots", household_code="D012")
    page.tabs.setCurrentIndex(1)
    page.objections.reload()
    settle(app, lambda: page.objections.objections.rowCount() == 1)
    save(shown, out / "objections.png")



def shoot_progress(app: QApplication, ctx: AppContext, window: MainWindow, out: Path) -> None:
    """The Progress page on the demo's casework and day, a case log, and that day's 日通报.

    The report's first page is drawn (pdftoppm, 70 dpi) as
    ``<out>/../printouts/report-daily.png``, next to the other printouts.
    """
    import subprocess

    from allocation.demo.register import DEMO_TODAY
    from db.demo.casework import add_demo_casework
    from desktop.casework.case_log_dialog import open_case_log
    from desktop.printing.daily_report import write_daily_report
    from desktop.shell.main_window import PAGE_PROGRESS

    with ctx.factory.begin() as session:
        add_demo_casework(session, project_id=ctx.project_id, actor="screenshots")  # type: ignore[arg-type]
    page = window.progress_page
    window.show_page(PAGE_PROGRESS)
    page.set_day(DEMO_TODAY)
    settle(app, lambda: page.data is not None and page.data.figures.day == DEMO_TODAY)
    save(window, out / "progress.png")
    page.tabs.setCurrentWidget(page.supply)  # supply and demand (人房供需)
    settle(app, lambda: page.supply.table is not None)
    save(window, out / "supply_demand.png")
    page.tabs.setCurrentIndex(0)
    waiting = next(r for r in page.data.rows if r.open_requests)  # type: ignore[union-attr]
    dialog = open_case_log(ctx, waiting.household_id, window)
    settle(app, lambda: dialog.log is not None)
    dialog.tabs.setCurrentIndex(3)  # its requests
    settle(app, lambda: True)
    save(dialog, out / "case_log.png")
    dialog.tabs.setCurrentIndex(2)  # its intention (选房意向)
    settle(app, lambda: True)
    save(dialog, out / "case_log_intention.png")
    dialog.reject()
    pdf = Path(tempfile.mkdtemp(prefix="anju-report-")) / "report-daily.pdf"
    with ctx.factory() as session:
        write_daily_report(session, ctx.project_id, DEMO_TODAY, pdf)  # type: ignore[arg-type]
    printouts = out.parent / "printouts"
    printouts.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(printouts / "report-daily")], check=True)
    print(f"wrote {printouts / 'report-daily.png'}")



def shoot_session(app: QApplication, ctx: AppContext, window: MainWindow, out: Path) -> None:
    """The selection desk and the hall's display in the middle of the demo's session.

    Ten households have chosen (one declined), one did not answer and was moved to the
    end, and the household at the desk has a proxy and a flat picked, not yet confirmed.
    Shot last: the selections change the flats and the progress the other pages show.
    """
    from datetime import date

    import db.selection.desk as selection
    from allocation.registry.ids import make_id
    from db.selection import set_plan
    from desktop.session.display_window import DisplayWindow
    from desktop.session.session_page import SessionPage

    pid = ctx.project_id
    assert pid is not None
    with ctx.factory.begin() as session:
        # The plan the session works by: two batches of 100 on two days (the banner).
        set_plan(session, project_id=pid, venue="粮道街社区服务中心", operator="screenshots",
                 plan={"minutes": 3, "break": {"start": "12:00", "end": "14:00"}, "batches": [
                     {"date": "2026-12-20", "start": "08:30", "size": 100},
                     {"date": "2026-12-21", "start": "08:30", "size": 100}]})
        selection.open_session(session, project_id=pid, operator="screenshots",
                               held_on=date(2026, 11, 1))
        for index in range(12):
            turn = selection.call_next(session, project_id=pid, operator="王科员")
            assert turn is not None
            offers = selection.offers(session, pid, turn.code)
            if index == 3:  # not there: three calls, then moved to the end
                for _ in range(3):
                    selection.skip(session, project_id=pid, code=turn.code, operator="王科员")
            elif index == 7 or not offers:
                selection.decline(session, project_id=pid, code=turn.code,
                                  reason="本户放弃选房", operator="王科员")
            else:
                pick = offers[(index * 7) % len(offers)].flat.key
                selection.select_flat(session, project_id=pid, code=turn.code, flat_key=pick,
                                      operator="王科员")
        called = selection.call_next(session, project_id=pid, operator="王科员")
        assert called is not None
        selection.set_proxy(session, project_id=pid, code=called.code, name="陈建国",
                            id_number=make_id("420106", date(1975, 3, 8), 21, "M"),
                            operator="王科员")
    page = getattr(window, "session_page", None)
    shown: QWidget = window
    if page is None:  # not in the main window yet: the page on its own, at the same size
        page = SessionPage(ctx, slip_folder=Path(tempfile.mkdtemp()),
                           slip_printer=lambda _slip: None)
        page.resize(*SIZE)
        page.show()
        shown = page
    else:
        window.nav.setCurrentRow(window.pages.indexOf(page))
    page.set_project()
    settle(app, lambda: page.view is not None and page.view.state is not None
           and page.view.state.at_desk is not None and page.offers_model.rowCount() > 0
           and page.chances_panel.chances is not None)  # its chances in the panel
    page.choose_row(min(4, page.offers_model.rowCount() - 1))
    settle(app, lambda: True)
    save(shown, out / "desk.png")
    display = DisplayWindow(ctx.factory, pid, ctx.project_name)
    display.resize(1920, 1080)
    display.show()
    display.start()
    settle(app, lambda: display.loaded > 0 and not display.is_paused_shown())
    save(display, out / "display.png")
    display.resize(683, 768)  # a window beside the desk on half a 1366×768 laptop
    settle(app, lambda: True)
    save(display, out / "display_half.png")
    shoot_large_estate(app, display, out)
    display.close()
    page.hide()


def shoot_session_days(app: QApplication, window: MainWindow, out: Path) -> None:
    """session_days.png: the Progress page's Session days tab on the session just shot
    (its one day today: the choices, the household moved to the end, the layouts)."""
    from datetime import date

    from desktop.shell.main_window import PAGE_PROGRESS

    page = window.progress_page
    window.show_page(PAGE_PROGRESS)
    page.set_day(date.today())
    page.tabs.setCurrentWidget(page.session_days)
    page.reload()
    settle(app, lambda: page.session_days.layouts_model.rowCount() > 0)
    save(window, out / "session_days.png")
    page.tabs.setCurrentIndex(0)


def shoot_large_estate(app: QApplication, display: QWidget, out: Path) -> None:
    """display_12.png and display_12_half.png: the same moment of the session over a stock
    of twelve buildings (allocation.demo.demo_stock, up to 24 floors, 1020 flats), full
    screen at 1920×1080 and on half a laptop's screen. The flats taken so far are the
    demo's, in buildings 1–4."""
    from dataclasses import replace

    from allocation.demo import demo_stock
    from allocation.registry.model import FlatId
    from db.registry.operations import StoredFlat
    from desktop.session.display_window import DisplayWindow

    assert isinstance(display, DisplayWindow) and display.view is not None
    display.stop()  # the next poll would put the demo's stock back
    stock = tuple(StoredFlat(FlatId(n), 1, flat) for n, flat in enumerate(demo_stock(12), 1))
    display.show_view(replace(display.view, flats=stock))
    display.resize(1920, 1080)
    settle(app, lambda: True)
    save(display, out / "display_12.png")
    display.resize(683, 768)
    settle(app, lambda: True)
    save(display, out / "display_12_half.png")


def shoot_two_flats(app: QApplication, scratch: Path, out: Path) -> None:
    """desk_two_flats.png: the desk with a household that may take two flats (一户多套).

    A database of its own: the demo register under the demo rules (two flats for a
    household entitled to 120 m² or more), drawn; the first household of the order with a
    second flat to take beside a first has taken one, and a second is chosen in the list,
    not yet confirmed.
    """
    from datetime import date

    import db.lottery.draws as draws
    import db.rules.versions as policies
    import db.selection.desk as selection
    from allocation.demo.policy import demo_policy
    from db.registry.importing import import_flats, import_households
    from desktop.cli.demo import DEMO_SOURCES, DEMO_WITNESSES
    from desktop.session.session_page import SessionPage

    name, households, flats = demo_data()
    rules = demo_policy()
    url = f"sqlite:///{scratch / 'two-flats.sqlite3'}"
    _engine, factory = open_database(url)
    held_on = date(2026, 11, 1)
    with factory.begin() as session:
        pid = ProjectId(create_project(session, name=name, actor="screenshots"))
        import_households(session, project_id=pid, households=households, actor="screenshots")
        import_flats(session, project_id=pid, flats=flats, actor="screenshots")
        policies.set_policy(session, project_id=pid, policy=rules, actor="screenshots")
        policies.freeze_policy(session, project_id=pid, actor="screenshots")
        draws.publish_pool(session, project_id=pid, actor="screenshots", on=held_on)
        draws.announce_and_draw(session, project_id=pid, sources=DEMO_SOURCES,
                                witnesses=DEMO_WITNESSES, actor="screenshots")
        selection.open_session(session, project_id=pid, operator="screenshots",
                               held_on=held_on)
        first = second = None
        while first is None:
            turn = selection.call_next(session, project_id=pid, operator="王科员")
            assert turn is not None, "no household of the demo can take two flats"
            for offer in selection.offers(session, pid, turn.code):
                further = selection.offers(session, pid, turn.code, [offer.flat.key])
                if further:
                    first, second = offer.flat.key, further[len(further) // 2].flat.key
                    break
            else:
                selection.decline(session, project_id=pid, code=turn.code,
                                  reason="本户放弃选房", operator="王科员")
    ctx = AppContext(factory=factory, url=url, actor="screenshots", project_id=pid,
                     project_name=name)
    page = SessionPage(ctx, slip_folder=Path(tempfile.mkdtemp()),
                       slip_printer=lambda _slip: None)
    page.resize(*SIZE)
    page.show()
    page.set_project()
    settle(app, lambda: page.view is not None and page.offers_model.rowCount() > 0)
    page.take_flat(first)
    settle(app, lambda: page.taken_keys() == (first,) and page.offers_model.rowCount() > 0)
    page.choose(second)
    settle(app, lambda: True)
    save(page, out / "desk_two_flats.png")
    page.hide()


if __name__ == "__main__":
    raise SystemExit(main())
