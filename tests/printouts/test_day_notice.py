"""当日选房结果公告 read back: the day's figures, its choices masked, layouts, the absent."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from allocation.casework import LayoutDay, SessionDay
from printouts import DOCUMENTS
from printouts.notices import DayNotice, ResultLine, day_label
from tests.factories import make_flat
from tests.printouts.readback import ReadBack, id_number_in, make_info, render, squeeze

# Worked by hand: day 2 of a session of 10 households; 3 chose that day (one took two
# flats: 4 flats), 2 were called and missed (order numbers 5 and 7), 1 declined.
# By the close: 6 chose, 1 declined, 0 absent for good: 10 - 6 - 1 = 3 remaining.
# 两室一厅: 6 flats, 2 taken today, 4 by the close, 2 left; 三室两厅: 4 flats, 2 today,
# 3 by the close, 1 left. Total 10 flats, 4 today, 7 taken, 3 left.
DAY = SessionDay(
    day=date(2026, 12, 2), number=2, households=10, selected_today=3, selected=6,
    flats_today=4, absent_today=2, declined_today=1, declined=1, absent=0,
    layouts=(LayoutDay("两室一厅", 6, 2, 4), LayoutDay("三室两厅", 4, 2, 3)),
    chosen=("D004", "D006", "D008"), missed=(5, 7))
FLATS = {key: make_flat("1", "1", int(key[0]), key, area=Decimal(area), layout=layout)
         for key, area, layout in (("301", "89.50", "两室一厅"), ("302", "60.00", "两室一厅"),
                                   ("401", "110.20", "三室两厅"), ("402", "110.20", "三室两厅"))}
LINES = [ResultLine(code="D004", head_name="张建明", flats=(FLATS["301"], FLATS["401"]),
                    order_number=4),
         ResultLine(code="D006", head_name="李秀英", flats=(FLATS["302"],), order_number=6),
         ResultLine(code="D008", head_name="王芳", flats=(FLATS["402"],), order_number=8)]


@pytest.fixture(scope="module")
def notice(publication) -> ReadBack:
    return render(DayNotice(make_info(), DAY, LINES, publication))


def test_registered_as_a_public_notice() -> None:
    assert DOCUMENTS["notice-day"] is DayNotice and DayNotice.public


def test_the_days_figures(notice: ReadBack) -> None:
    text = squeeze(notice.text)
    assert "当日选房结果公告" in text and "第2日（2026年12月2日）" in text
    assert "当日选房3户，选定房源4套；当日叫号未到场2户，到场未选房1户" in text
    assert "参加选房共10户，已选房6户、到场未选房1户，尚待选房3户" in text
    assert "房源共10套，已选定7套，剩余3套" in text
    # layout, flats, today, by the close, left; the total row
    assert "两室一厅6242" in text and "三室两厅4231" in text and "合计10473" in text
    assert ("当日叫号未到场的选房顺序号：第5号、第7号。"
            "其中尚待选房的，按选房规则另行安排叫号") in text
    assert "公示期：" in text


def test_each_household_that_chose_is_listed_masked(notice: ReadBack) -> None:
    text = squeeze(notice.text)
    assert "张*明" in text and "李*英" in text and "王*" in text
    assert not any(name in notice.text for name in ("张建明", "李秀英", "王芳"))
    assert "1-1-301" in text and "1-1-401" in text and "110.20" in text
    assert not id_number_in(text)


def test_a_day_without_choices_says_so(publication) -> None:
    quiet = SessionDay(day=date(2026, 12, 3), number=0, households=10, selected_today=0,
                       selected=6, flats_today=0, absent_today=0, declined_today=0,
                       declined=1, absent=0, layouts=DAY.layouts)
    text = squeeze(render(DayNotice(make_info(), quiet, [], publication)).text)
    assert day_label(quiet) == "2026年12月3日"
    assert "当日无选定房源的户" in text and "当日叫号未到场的选房顺序号" not in text
