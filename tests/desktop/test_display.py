"""The hall's display follows the desk through the database: called number and masked name,
the taken flat crossed out, counts by layout, and 暂停 while paused or the desk is away.

The display polls on its own timer here, as in the hall; the desk acts through its keys.
The interface is in Chinese, as in the hall.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import update

import db.selection.desk as selection
import desktop.cli.display as cli_display
import desktop.session.desk_layout as desk_layout
from allocation.registry.ids import mask_name
from db.selection.rows import SESSIONS
from desktop.i18n import init_translations
from desktop.session.display_window import DisplayWindow, screen_by_number
from desktop.session.hall_grid import AVAILABLE, TAKEN
from desktop.session.session_words import order_number
from tests.desktop.conftest import settle
from tests.desktop.test_desk import at_desk, changed, make_desk, press, version
from tests.desktop.test_desk_scenario import (  # noqa: F401 - fixtures
    act,
    demo_ctx,
    read,
    session_template,
)

# A guard against a display that never follows, not a speed limit: it polls every 300 ms, but
# a loaded CI machine once took over 3 s to reload (the latency is measured in bench/).
FOLLOW_MS = 30_000


@pytest.fixture
def chinese(qapp):
    init_translations(qapp, "zh_CN")


@pytest.fixture
def display(qtbot, demo_ctx, chinese):  # noqa: F811
    window = DisplayWindow(demo_ctx.factory, demo_ctx.project_id, demo_ctx.project_name)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.start()
    settle(qtbot, lambda: window.loaded > 0)
    yield window
    window.stop()


@pytest.fixture
def desk(qtbot, demo_ctx, tmp_path, chinese, monkeypatch):  # noqa: F811
    monkeypatch.setattr(desk_layout.QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    page = make_desk(qtbot, demo_ctx, tmp_path, [])
    yield page
    page.hide()


def shows(qtbot, condition) -> None:
    qtbot.waitUntil(condition, timeout=FOLLOW_MS)


def test_the_display_follows_the_desk(qtbot, demo_ctx, desk, display):  # noqa: F811
    pid = demo_ctx.project_id
    shows(qtbot, lambda: not display.is_paused_shown())
    assert display.name_label.text() == "请等待叫号"
    counts = dict(display.layout_counts())
    assert counts and all(text.startswith("剩 ") for text in counts.values())

    before = version(desk)
    press(qtbot, desk, Qt.Key.Key_F5)
    changed(qtbot, desk, before)
    code = at_desk(desk)
    head = desk.view.state.at_desk.household.head_name
    shows(qtbot, lambda: display.number_label.text() == order_number(1))
    assert order_number(1) == "第 1 号"
    assert display.name_label.text() == mask_name(head) != head
    assert display.caption_label.text() == "正在选房"
    assert display.countdown.phase() == "running" and ":" in display.countdown.text()
    upcoming = desk.view.state.upcoming
    assert mask_name(upcoming[0].head_name) in display.next_labels[0].text()

    desk.choose_row(0)
    offer = desk.chosen_offer()
    key, layout = offer.flat.key, offer.flat.layout
    left_before = display.layout_counts()[layout]
    assert display.grid.cell_state(key) == AVAILABLE
    before = version(desk)
    press(qtbot, desk, Qt.Key.Key_Return)
    changed(qtbot, desk, before)
    assert read(demo_ctx, lambda s: selection.selection_results(s, pid))[0].code == code
    shows(qtbot, lambda: display.grid.cell_state(key) == TAKEN)
    assert display.grid.last_key() == key
    assert int(display.layout_counts()[layout].split()[1]) == int(left_before.split()[1]) - 1
    assert key in display.last_label.text() and mask_name(head) in display.last_label.text()
    assert "已完成 1 / 199 户" in display.progress_label.text()
    assert display.name_label.text() == "请等待叫号"

    before = version(desk)
    press(qtbot, desk, Qt.Key.Key_F9)
    changed(qtbot, desk, before)
    shows(qtbot, display.is_paused_shown)
    assert display.pause_label.text() == "暂停" and display.pause_label.isVisible()
    before = version(desk)
    press(qtbot, desk, Qt.Key.Key_F9)
    changed(qtbot, desk, before)
    shows(qtbot, lambda: not display.is_paused_shown())


def test_the_display_says_paused_when_the_desk_goes_quiet(qtbot, demo_ctx, desk, display):  # noqa: F811
    """No pause pressed: the desk's heartbeat stops (closed, crashed, unplugged) → 暂停."""
    shows(qtbot, lambda: not display.is_paused_shown())
    desk.hide()  # its heartbeat stops
    stale = datetime.now(UTC) - selection_state_away() - timedelta(seconds=1)
    act(demo_ctx, lambda s: s.execute(update(SESSIONS).values(heartbeat_at=stale)))
    shows(qtbot, display.is_paused_shown)
    assert display.pause_label.text() == "暂停"
    desk.show()  # back: the first load beats at once
    shows(qtbot, lambda: not display.is_paused_shown())


def selection_state_away() -> timedelta:
    from db.selection.state import DESK_AWAY_AFTER

    return DESK_AWAY_AFTER


def test_the_display_only_reads_the_whole_picture_when_the_session_changed(
        qtbot, demo_ctx, display):  # noqa: F811
    loaded = display.loaded
    qtbot.wait(1000)  # three polls or so, nothing changed
    assert display.loaded == loaded
    act(demo_ctx, lambda s: selection.call_next(s, project_id=demo_ctx.project_id,
                                                operator="other"))
    shows(qtbot, lambda: display.loaded == loaded + 1)


def test_before_a_session_and_after_the_close(qtbot, ctx, chinese):
    window = DisplayWindow(ctx.factory, ctx.project_id, ctx.project_name)
    qtbot.addWidget(window)
    window.show()
    window.poll()
    settle(qtbot, lambda: window.loaded > 0)
    assert window.name_label.text() == "选房尚未开始" and not window.is_paused_shown()
    assert window.number_label.text() == ""
    window.stop()


def test_a_closed_session_is_not_paused(qtbot, demo_ctx, display):  # noqa: F811
    pid = demo_ctx.project_id
    with demo_ctx.factory.begin() as s:
        for turn in selection.session_turns(s, pid):
            selection.call_next(s, project_id=pid, operator="op")
            selection.decline(s, project_id=pid, code=turn.code, reason="无", operator="op")
        selection.close_session(s, project_id=pid, operator="op")
    shows(qtbot, lambda: display.name_label.text() == "本场选房已结束")
    assert not display.is_paused_shown()


def test_screens_are_numbered_from_one():
    found = QGuiApplication.screens()
    assert screen_by_number(1) is found[0]
    assert screen_by_number(None) is found[-1]
    assert screen_by_number(len(found) + 1) is None and screen_by_number(0) is None


def test_anju_display_opens_the_project_windowed(qtbot, demo_ctx, chinese):  # noqa: F811
    parser = argparse.ArgumentParser()
    cli_display.add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["display", "--db", demo_ctx.url, "--project", "demo",
                              "--windowed", "--screen", "1"])
    assert args.command in cli_display.HANDLERS
    window = cli_display.open_display(args)
    qtbot.addWidget(window)
    assert window.isVisible() and not window.isFullScreen()
    settle(qtbot, lambda: window.loaded > 0)
    assert window.view.state is not None and len(window.view.flats) == 220
    window.stop()
    window.engine.dispose()
    with pytest.raises(SystemExit):
        cli_display.open_display(parser.parse_args(
            ["display", "--db", demo_ctx.url, "--project", "demo", "--screen", "99"]))
