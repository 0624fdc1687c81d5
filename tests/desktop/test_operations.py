"""Background reads: when two loads overlap, only the newest answer reaches the page."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.common.operations import LatestLoad, wait_for_idle


def test_older_answer_is_dropped(qtbot, ctx):
    owner = QObject()
    seen: list[str] = []
    loads = LatestLoad(ctx.factory, owner)
    loads.run(lambda _s: "old", seen.append)
    loads.run(lambda _s: "new", seen.append)
    wait_for_idle()
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)  # old, if kept, would come first
    qtbot.wait(50)
    assert seen == ["new"]


def test_cancel_drops_the_answer_under_way(qtbot, ctx):
    owner = QObject()
    seen: list[str] = []
    loads = LatestLoad(ctx.factory, owner)
    loads.run(lambda _s: "late", seen.append)
    loads.cancel()
    wait_for_idle()
    qtbot.wait(100)
    assert seen == []
