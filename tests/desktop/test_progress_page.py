"""The Progress page and its chart on a real database: figures, charts, lists, filters, printing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

import db.casework.operations as casework
import db.casework.progress as progress
import db.casework.requests as casework_requests
import desktop.casework.files as casework_files
from allocation.casework.vocabulary import RequestKind
from allocation.registry.model import Household, HouseholdId, HouseholdStatus
from desktop.casework.bar_chart import PALETTE, BarChart, nice_ceiling
from desktop.casework.progress_page import ProgressPage
from desktop.common.actions import MainAction
from desktop.common.context import AppContext
from desktop.common.operations import wait_for_idle
from desktop.shell.main_window import PAGE_PROGRESS, MainWindow
from tests.desktop.conftest import settle
from tests.factories import make_household
from tests.printouts.readback import read_back

AddFn = Callable[[Household], HouseholdId]
DAY = date(2026, 9, 10)


@pytest.fixture
def project(ctx: AppContext, add: AddFn) -> dict[str, int]:
    """Four households in two teams: H001 signed today and H002 moved out today (team 甲),
    H003 signed long ago (team 乙), H004 without a team; three requests."""
    ids = {f"H00{n}": add(make_household(f"H00{n}", seq=n)) for n in range(1, 5)}
    with ctx.factory.begin() as s:
        for team, codes in (("甲组", ("H001", "H002")), ("乙组", ("H003",))):
            team_id = casework.add_team(s, project_id=ctx.project_id, name=team, actor="t")
            staff = casework.add_staff(s, team_id=team_id, name=f"{team}员", actor="t")
            for code in codes:
                casework.assign_household(s, household_id=ids[code], team_id=team_id,
                                          first_staff_id=staff, on=date(2026, 6, 1), actor="t")
        for code, signed in (("H001", DAY), ("H002", date(2026, 8, 1)),
                             ("H003", date(2026, 7, 1))):
            progress.record_signing(s, household_id=ids[code], signed_on=signed, actor="t")
        progress.record_step(s, household_id=ids["H002"], step=HouseholdStatus.MOVED_OUT,
                             done_on=DAY, actor="t")
        for code, received, kind in (("H001", DAY, RequestKind.REQUEST),
                                     ("H003", date(2026, 8, 20), RequestKind.REQUEST),
                                     ("H004", date(2026, 9, 1), RequestKind.SUGGESTION)):
            casework_requests.add_request(s, household_id=ids[code], kind=kind, text="过渡费",
                                          received_on=received, actor="t")
    return ids


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, project: dict[str, int]) -> ProgressPage:
    page = ProgressPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    page.set_day(DAY)
    settle(qtbot, lambda: page.data is not None and page.data.figures.day == DAY)
    return page


def _column(model, column: int) -> list[str]:
    return [model.text(r, column) for r in range(model.rowCount())]


def test_the_teams_are_ranked_with_the_days_figures(page: ProgressPage) -> None:
    model = page.team_model
    # Both teams signed all their households; the one with more signed ranks first.
    assert _column(model, 1) == ["甲组", "乙组", "未分组", "合计"]
    assert _column(model, 0) == ["1", "2", "3", ""]
    team = {model.text(r, 1): [model.text(r, c) for c in range(2, 12)]
            for r in range(model.rowCount())}
    assert team["甲组"] == ["2", "1", "2", "100.0%", "1", "1", "1", "0", "1", "0"]
    assert team["乙组"] == ["1", "0", "1", "100.0%", "0", "0", "0", "0", "1", "1"]
    assert team["合计"][:3] == ["4", "1", "3"]
    assert "3 of 4 households signed (75.0 %), 1 today" in page.summary_label.text()
    assert "3 are waiting, 2 of them for more than 7 days" in page.summary_label.text()


def test_the_charts_show_the_same_figures(page: ProgressPage) -> None:
    chart = page.team_chart
    assert chart.categories == ["甲组", "乙组", "未分组"] and chart.stacked
    assert [s.values for s in chart.series] == [(2, 1, 0), (0, 0, 1)]
    trend = page.trend_chart
    assert len(trend.categories) == 18 and trend.categories[-1] == "9/10"
    assert trend.series[0].values[-1] == 1 and trend.series[1].values[-1] == 1  # this week
    assert sum(trend.series[0].values) == 3


def test_the_households_list_follows_the_team_filter(qtbot: QtBot, page: ProgressPage) -> None:
    households = page.households
    assert households.model.rowCount() == 4
    assert households.model.text(1, 2) == "Moved out"
    page.team_combo.setCurrentIndex(page.team_combo.findText("甲组"))
    assert _column(households.model, 0) == ["H001", "H002"]
    page.team_combo.setCurrentIndex(page.team_combo.findText("No team"))
    assert _column(households.model, 0) == ["H004"]
    settle(qtbot, lambda: _column(page.requests.model, 0) == ["H004"])


def test_requests_are_filtered_by_age_and_kind(qtbot: QtBot, page: ProgressPage) -> None:
    requests = page.requests
    settle(qtbot, lambda: requests.model.rowCount() == 3)
    assert _column(requests.model, 0) == ["H003", "H004", "H001"]
    assert _column(requests.model, 5) == ["21", "9", "0"]
    requests.older_spin.setValue(7)
    settle(qtbot, lambda: _column(requests.model, 0) == ["H003", "H004"])
    requests.kind_combo.setCurrentIndex(requests.kind_combo.findData("suggestion"))
    settle(qtbot, lambda: _column(requests.model, 0) == ["H004"])


def test_the_daily_report_is_printed_from_the_page(qtbot: QtBot, page: ProgressPage,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "report.pdf"
    told: list[str] = []
    monkeypatch.setattr(casework_files, "ask_pdf_path", lambda *_args: str(out))
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda _p, _t, text, *a: told.append(text)))
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    settle(qtbot, lambda: bool(told))
    text = read_back(out.read_bytes(), 1).text
    assert "征收安置工作日通报" in text and "2026年9月10日" in text
    assert "甲组" in text and "张*" in text and "张三" not in text


def test_ctrl_6_shows_the_progress_page(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    action = window.actions_by_name[MainAction.SHOW_PROGRESS]
    assert action.shortcut().toString() == "Ctrl+6"
    action.trigger()
    assert window.pages.currentIndex() == PAGE_PROGRESS
    assert window.pages.currentWidget() is window.progress_page


def test_the_chart_draws_each_bar_where_its_tooltip_says(qtbot: QtBot) -> None:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(400, 260)
    chart.set_data("t", ["甲", "乙"], [("a", [3, 7]), ("b", [1, 0])], stacked=True)
    image = chart.grab().toImage()
    assert chart.top_value() == 10
    rect, category, series = chart._bars[1]  # category 0's second series, stacked on top
    assert (category, series) == (0, 1)
    centre = rect.center()
    assert QColor(image.pixel(int(centre.x()), int(centre.y()))) == PALETTE[1]
    tall = chart._bars[2][0]  # category 1, first series: the tallest bar
    assert tall.height() > rect.height() * 6
    assert chart.bar_at(centre.x(), centre.y()) == (0, 1)
    assert chart.tooltip_text(1) == "乙\na: 7\nb: 0"
    assert chart.bar_at(QPoint(2, 2).x(), 2) is None


@pytest.mark.parametrize(("value", "top"), [(0, 1), (1, 1), (3, 5), (17, 20), (40, 50),
                                            (101, 200), (139, 200)])
def test_the_value_axis_ends_on_a_round_number(value: int, top: int) -> None:
    assert nice_ceiling(value) == top


def test_a_hidden_page_catches_up_when_it_is_shown(qtbot: QtBot, ctx: AppContext,
                                                   page: ProgressPage,
                                                   project: dict[str, int]) -> None:
    """Changes made while another page is shown are read once, when the page shows again."""
    page.hide()
    ctx.op(lambda s: casework_requests.add_request(
        s, household_id=project["H002"], text="新诉求", kind=RequestKind.REQUEST,
        received_on=DAY, actor="t")).run_in_background()
    wait_for_idle()
    qtbot.wait(50)
    assert page.data is not None and page.data.figures.total.received_today == 1
    page.show()
    settle(qtbot, lambda: page.data is not None
           and page.data.figures.total.received_today == 2)
