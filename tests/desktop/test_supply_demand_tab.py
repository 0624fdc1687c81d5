"""The Progress page's supply and demand on the demo: the figures, the flags, the chart."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from allocation.demo.register import DEMO_TODAY
from desktop.casework.progress_page import ProgressPage
from desktop.casework.tables import FLAG_BACKGROUND
from desktop.common.context import AppContext
from tests.desktop.conftest import context_on, settle


@pytest.fixture
def demo(qapp, demo_url: str) -> Iterator[AppContext]:
    with context_on(qapp, demo_url, "demo", create=False) as context:
        yield context


def test_the_tab_shows_flats_against_first_wishes_and_flags_shortages(
        qtbot: QtBot, demo: AppContext) -> None:
    """The figures are counted again here in plain SQL: flats per layout, and households per
    first layout named (the text before the first 、). A layout wanted first by more
    households than it has flats is on a red background and says by how many."""
    page = ProgressPage(demo)
    qtbot.addWidget(page)
    page.set_day(DEMO_TODAY)
    page.resize(1280, 760)
    page.show()
    tab = page.supply
    page.tabs.setCurrentWidget(tab)
    settle(qtbot, lambda: tab.table is not None)
    with demo.factory() as s:
        flats = dict(s.execute(text(
            "SELECT layout, count(*) FROM flat WHERE project_id = :p AND status = 'available' "
            "GROUP BY layout"), {"p": demo.project_id}).all())
        layouts = s.execute(text("SELECT layouts FROM selection_intention WHERE project_id = :p"),
                            {"p": demo.project_id}).scalars().all()
    first = Counter(value.split("、")[0] for value in layouts)
    model = tab.layout_model
    shown = {model.text(r, 0): (int(model.text(r, 1)), int(model.text(r, 3)), model.text(r, 6),
                                model.is_flagged(r))
             for r in range(model.rowCount())}
    expected = {name: (flats.get(name, 0), first[name],
                       f"short by {first[name] - flats.get(name, 0)}"
                       if first[name] > flats.get(name, 0) else "",
                       first[name] > flats.get(name, 0))
                for name in first}
    assert shown == expected
    assert any(flag for *_rest, flag in shown.values())  # the demo has a shortage
    short = next(r for r in range(model.rowCount()) if model.is_flagged(r))
    assert model.data(model.index(short, 0), Qt.ItemDataRole.BackgroundRole) == FLAG_BACKGROUND
    assert f"{len(layouts)} of" in tab.summary_label.text()
    assert "unknown" in tab.summary_label.text()
    assert tab.chart.categories == [model.text(r, 0) for r in range(model.rowCount())]
    assert [s.values for s in tab.chart.series] == [
        tuple(flats.get(n, 0) for n in tab.chart.categories),
        tuple(first[n] for n in tab.chart.categories)]
    groups = tab.group_model
    assert groups.rowCount() >= 1
    assert sum(int(groups.text(r, 3)) for r in range(groups.rowCount())) == tab.table.households


def test_without_frozen_rules_the_tab_says_so(qtbot: QtBot, ctx: AppContext) -> None:
    page = ProgressPage(ctx)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot, lambda: "freeze" in page.supply.summary_label.text())
    assert page.supply.layout_model.rowCount() == 0
