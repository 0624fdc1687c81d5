"""The chances panel at the desk: the household called, its chances per layout, now and as
estimated before the session, on the demo session driven by the desk's keys."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt

import db.lottery.draws as draws
import db.selection as selection
import db.selection.desk as desk_acts
from tests.desktop.conftest import settle
from tests.desktop.test_desk import (  # noqa: F401 - fixtures
    answers,
    at_desk,
    changed,
    desk,
    press,
    printed,
    version,
)
from tests.desktop.test_desk_scenario import demo_ctx, read, session_template  # noqa: F401


def _free(page) -> Counter[str]:  # type: ignore[no-untyped-def]
    return Counter(o.flat.layout for o in page.view.offers)


def test_the_household_called_reads_its_chances(qtbot, desk, demo_ctx, answers):  # noqa: F811
    """Worked by hand. The first household drawn has nobody ahead: for every layout it may
    take, the flats left whatever the others do are all its flats, n, and one is left in
    every replay: "n free now; estimate: at least n, 100.0%". It takes a flat of layout L.
    The second household's estimate was made before the session, so the flat just taken
    still counts in it: for L its flats are one more than the flats free now when it might
    have taken that flat (one of its offers before), as many otherwise; and its figures
    are those `draw_chances` gives, taken flat or not; with the method, the replays and
    the seed's first twelve digits, worded as an estimate."""
    ctx, page = demo_ctx, desk
    panel = page.chances_panel
    assert not panel.isVisible()  # nobody at the desk
    order = read(ctx, lambda s: draws.counting_draw(s, ctx.project_id).final_order)
    press(qtbot, page, Qt.Key.Key_F5)
    changed(qtbot, page, 1)
    assert at_desk(page) == order[0]
    settle(qtbot, lambda: panel.chances is not None, timeout=20_000)
    assert panel.isVisible()
    text = panel.text()
    assert "an estimate, never a promise" in text
    free = _free(page)
    assert free
    for layout, n in free.items():
        assert f"<b>{layout}</b>: {n} free now; estimate: at least {n}, 100.0% chance" in text
    chances = panel.chances
    assert f"{chances.replays} replays" in text and chances.seed[:12] in text
    assert chances.seed[12:] not in text and chances.seed in panel.label.toolTip()

    second = order[1]
    could = {o.flat.key for o in read(ctx, lambda s: desk_acts.offers(s, ctx.project_id,
                                                                       second))}
    press(qtbot, page, Qt.Key.Key_Down)
    taken = page.chosen_offer()
    assert taken is not None
    before = version(page)
    press(qtbot, page, Qt.Key.Key_Return)
    changed(qtbot, page, before)
    assert at_desk(page) is None and not panel.isVisible()

    before = version(page)
    press(qtbot, page, Qt.Key.Key_F5)
    changed(qtbot, page, before)
    assert at_desk(page) == second
    estimate = read(ctx, lambda s: selection.draw_chances(s, ctx.project_id)).of(second)
    assert panel.chances is chances  # read once for the session, not at every call
    assert estimate is not None and estimate == chances.of(second)
    free, text = _free(page), panel.text()
    for line in estimate.layouts:
        gone = line.layout == taken.flat.layout and taken.flat.key in could
        assert free[line.layout] == line.flats - (1 if gone else 0)
        assert (f"<b>{line.layout}</b>: {free[line.layout]} free now; estimate: at least "
                f"{line.guaranteed}, {line.percent}% chance one is left") in text
