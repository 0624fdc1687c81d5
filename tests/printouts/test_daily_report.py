"""日通报: one page, the figures it was given, heads masked, and the shared page furniture."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from allocation.casework.daily_report import HouseholdFacts, RequestFacts, daily_figures
from allocation.casework.vocabulary import RequestKind
from printouts import DOCUMENTS, DailyReport
from printouts.reports.daily_report import summary_text
from tests.printouts.readback import (
    assert_footer_counts_pages,
    draw_page,
    make_info,
    needs_pdftoppm,
    render,
    squeeze,
)

DAY = date(2026, 11, 1)
D = timedelta(days=1)


@pytest.fixture(scope="module")
def figures():
    households = [HouseholdFacts(f"D{n:03}", name, team, signed, moved)
                  for n, (name, team, signed, moved) in enumerate([
                      ("欧阳建国", "第一工作组", DAY, None),
                      ("李秀英", "第一工作组", DAY - 9 * D, DAY),
                      ("张伟", "第二工作组", None, None),
                      ("王芳", "第二工作组", DAY - 40 * D, DAY - 30 * D),
                      ("赵敏", None, None, None)], start=1)]
    requests = [RequestFacts("D003", RequestKind.REQUEST, DAY - 12 * D, None, None),
                RequestFacts("D005", RequestKind.SUGGESTION, DAY, None, None),
                RequestFacts("D001", RequestKind.REQUEST, DAY - 3 * D, DAY, None)]
    return daily_figures(DAY, households, requests, teams=["第一工作组", "第二工作组"])


def test_the_report_is_one_page_with_every_teams_figures(figures):
    back = render(DailyReport(make_info(), figures))
    assert back.page_count == 1
    text = squeeze(back.text)
    assert "征收安置工作日通报" in text and "2026年11月1日" in text
    assert squeeze(summary_text(figures)) in text
    # rank, team, households, signed today, signed, rate, moved today, moved, in, answered
    assert "1第一工作组212100.0%11" in text
    assert "合计513" in text
    assert_footer_counts_pages(back)


def test_heads_of_household_appear_masked_only(figures):
    text = render(DailyReport(make_info(), figures)).text
    for name in ("欧阳建国", "李秀英", "张伟", "王芳", "赵敏"):
        assert name not in text
    assert "张*" in text and "赵*" in text
    assert "12日（逾期）" in squeeze(text)


def test_a_day_without_waiting_requests_says_so():
    quiet = daily_figures(DAY, [HouseholdFacts("D001", "张三", "甲组", None, None)], [])
    text = squeeze(render(DailyReport(make_info(), quiet, office="粮道街指挥部")).text)
    assert "当日无待答复的诉求和建议" in text and "粮道街指挥部" in text


def test_the_report_is_registered_under_its_kind():
    assert DOCUMENTS["report-daily"] is DailyReport


@needs_pdftoppm
def test_the_page_is_drawn_with_its_charts(figures, tmp_path):
    """Two charts and the tables put a fair amount of ink on the page."""
    back = render(DailyReport(make_info(rehearsal=True), figures))
    picture = draw_page(back.pdf, tmp_path)
    assert picture.size[0] < picture.size[1]  # portrait A4
    assert picture.dark > 10_000


def test_the_sessions_day_and_supply_and_demand_are_sections_of_their_own(figures):
    """The day notice's worked example (tests/printouts/test_day_notice.py: 10 households,
    6 chosen by the close of day 2, 3 remaining) and the supply notice's (20 households, 3
    unknown; 2室1厅 short by 3, 3室2厅 4 to spare) as sections four and five."""
    from tests.printouts.test_day_notice import DAY as SESSION_DAY
    from tests.printouts.test_supply_notice import TABLE

    back = render(DailyReport(make_info(), figures, session_day=SESSION_DAY, supply=TABLE))
    text = squeeze(back.text)
    assert "四、现场选房情况（截至当日选房结束）" in text
    assert "参加选房共10户，已选房6户、到场未选房1户，尚待选房3户" in text
    assert "两室一厅6242" in text and "合计10473" in text
    assert "五、各户型房源与选房意向（人房供需）" in text
    assert "已登记选房意向17户，意向未知3户" in text
    assert "2室1厅820111" + "2缺3" in text and "3室2厅1014" + "66余4" in text
    assert_footer_counts_pages(back)


def test_without_a_session_the_supply_section_is_the_fourth(figures):
    from tests.printouts.test_supply_notice import TABLE

    text = squeeze(render(DailyReport(make_info(), figures, supply=TABLE)).text)
    assert "四、各户型房源与选房意向（人房供需）" in text and "现场选房情况" not in text
