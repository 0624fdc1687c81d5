"""The Progress page's session days on the demo's rehearsed session, against plain SQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from db.records import local_date
from desktop.casework.progress_page import ProgressPage
from desktop.common.context import AppContext
from tests.desktop.conftest import context_on, settle


@pytest.fixture
def rehearsed(qapp, demo_out) -> Iterator[AppContext]:
    with context_on(qapp, demo_out.url, "demo", create=False) as context:
        yield context


def test_the_tab_shows_each_day_and_the_flats_of_each_layout(
        qtbot: QtBot, rehearsed: AppContext) -> None:
    """The demo runs its session in one sitting: one day, every choice on it. The choices
    and the flats per layout (offered: available or taken; taken: chosen and standing) are
    counted here in SQL; a layout with nothing left is flagged."""
    params = {"p": rehearsed.project_id}
    with rehearsed.factory() as s:
        chosen, flats_chosen, at = s.execute(text(
            "SELECT count(DISTINCT code), count(*), max(selected_at) FROM selection "
            "WHERE project_id = :p AND revoked_at IS NULL"), params).one()
        offered = dict(s.execute(text(
            "SELECT layout, count(*) FROM flat WHERE project_id = :p AND status IN "
            "('available', 'selected') GROUP BY layout"), params).all())
        taken = dict(s.execute(text(
            "SELECT f.layout, count(*) FROM selection x JOIN flat f ON f.id = x.flat_id "
            "WHERE x.project_id = :p AND x.revoked_at IS NULL GROUP BY f.layout"),
            params).all())
    day = local_date(at if isinstance(at, datetime) else datetime.fromisoformat(str(at)))
    page = ProgressPage(rehearsed)
    qtbot.addWidget(page)
    page.set_day(day)
    page.resize(1280, 760)
    page.show()
    tab = page.session_days
    page.tabs.setCurrentWidget(tab)
    settle(qtbot, lambda: tab.days_model.rowCount() > 0)
    days = tab.days_model
    assert days.rowCount() == 1
    assert [days.text(0, c) for c in range(4)] == [day.isoformat(), "1", str(chosen),
                                                   str(flats_chosen)]
    layouts = tab.layouts_model
    shown = {layouts.text(r, 0): tuple(int(layouts.text(r, c)) for c in range(1, 5))
             for r in range(layouts.rowCount())}
    assert shown == {name: (count, taken.get(name, 0), taken.get(name, 0),
                            count - taken.get(name, 0)) for name, count in offered.items()}
    for r in range(layouts.rowCount()):
        assert layouts.is_flagged(r) == (layouts.text(r, 4) == "0")
    assert f"{chosen} households chose {flats_chosen} flats" in tab.summary_label.text()


def test_before_a_session_the_tab_says_so(qtbot: QtBot, ctx: AppContext) -> None:
    page = ProgressPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.session_days)
    settle(qtbot, lambda: "No selection session" in page.session_days.summary_label.text())
    assert page.session_days.layouts_model.rowCount() == 0


def test_the_days_notice_previews_on_the_printouts_page(qtbot: QtBot, rehearsed: AppContext):
    """The objection period starting on the session's day: the notice of that day."""
    from desktop.printing.job import wait_for_renders
    from desktop.printing.printouts_page import PrintoutsPage
    from tests.printouts.readback import read_back, squeeze

    with rehearsed.factory() as s:
        at = s.execute(text("SELECT max(selected_at) FROM selection")).scalar_one()
    day = local_date(at if isinstance(at, datetime) else datetime.fromisoformat(str(at)))
    page = PrintoutsPage(rehearsed)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    tab = page.documents
    tab.choose_kind("notice-day")
    assert "session day the objection period starts on" in tab.note.text()
    tab.start.setDate(QDate(day.year, day.month, day.day))
    tab.make_preview()
    settle(qtbot, lambda: wait_for_renders() or tab.rendered is not None, timeout=30000)
    assert tab.rendered is not None
    back = squeeze(read_back(tab.rendered.pdf, 0).text)
    assert "当日选房结果公告" in back and "第1日" in back
    page.documents.cancel()
    wait_for_renders()
