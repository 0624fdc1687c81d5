"""选房时间安排表 and 选房通知书 read back: the plan's windows, masked in public, full on paper."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from allocation.registry import mask_name
from allocation.schedule import Pause, make_plan, specs_by_count
from printouts import DOCUMENTS
from printouts.notices.publication import Publication
from printouts.notices.schedule_notice import ScheduleNotice
from printouts.papers.appointment import Appointment, AppointmentData
from tests.printouts.readback import (
    ReadBack,
    assert_footer_counts_pages,
    assert_nothing_personal,
    draw_page,
    make_info,
    needs_pdftoppm,
    render,
    sections,
    squeeze,
)
from tests.printouts.selection_inputs import OFFICE, households

VENUE = "粮道街社区服务中心二楼大厅"
ISSUED = date(2026, 12, 10)
# Posted for seven days from the day it is issued, like every public notice.
POSTED = Publication(start=ISSUED, end=date(2026, 12, 16), office=OFFICE)


@pytest.fixture(scope="module")
def chosen():
    """The first 50 demo households in registry order as the drawn order."""
    return list(households()[:50])


@pytest.fixture(scope="module")
def plan(chosen):
    """40 a batch, 3 minutes from 2026-12-20 08:30, lunch 12:00–14:00, one batch a day:
    batch 1 is households 1–40 on 12-20 08:30–10:30, batch 2 households 41–50 on 12-21
    08:30–09:00 (10 × 3 min)."""
    specs = specs_by_count(len(chosen), size=40, first=datetime(2026, 12, 20, 8, 30), minutes=3,
                           pause=Pause(time(12, 0), time(14, 0)))
    return make_plan([h.code for h in chosen], specs)


@pytest.fixture(scope="module")
def schedule(plan, chosen) -> ReadBack:
    names = {h.code: h.head_name for h in chosen}
    return render(ScheduleNotice(make_info(), plan, names, venue=VENUE, publication=POSTED))


def test_registered():
    assert DOCUMENTS["schedule"] is ScheduleNotice and ScheduleNotice.public
    assert DOCUMENTS["appointments"] is Appointment and not Appointment.public


def test_schedule_batches_and_windows(schedule, chosen):
    """Batch 1: 2026-12-20 (a Sunday) 08:30—10:30, numbers 1—40, 40 households; batch 2:
    2026-12-21 (Monday) 08:30—09:00, numbers 41—50, 10. Household 25 is 09:42—09:45
    ((25 − 1) × 3 = 72 min after 08:30)."""
    text = squeeze(schedule.text)
    assert "共50户，分2批，于2026年12月20日（星期日）、2026年12月21日（星期一）在" + VENUE in text
    assert "第1批2026年12月20日（星期日）08:30—10:301—4040" in text
    assert "第2批2026年12月21日（星期一）08:30—09:0041—5010" in text
    h25 = chosen[24]
    assert (f"25{h25.code}{mask_name(h25.head_name)}第1批2026年12月20日（星期日）09:42—09:45"
            in text)
    h41 = chosen[40]
    assert f"41{h41.code}{mask_name(h41.head_name)}第2批2026年12月21日（星期一）08:30—08:33" in text
    assert "身份证" in text and "户口簿" in text and "授权委托书" in text
    assert OFFICE + "2026年12月10日" in text


def test_schedule_ends_with_its_posting_period(schedule):
    """Posted 2026-12-10 to 12-16: 7 days, both ends counted (10, 11, …, 16); objections go
    to the office, and the issuer and date close it, as on every public notice."""
    text = squeeze(schedule.text)
    assert "公示期：自2026年12月10日起至2026年12月16日止，共7日。" in text
    assert f"以书面形式向{OFFICE}提出" in text
    assert text.index("共7日") < text.rindex(OFFICE + "2026年12月10日")


def test_schedule_is_public(schedule, chosen):
    assert_nothing_personal(schedule, chosen)
    assert_footer_counts_pages(schedule)


def test_lunch_shows_both_half_days(chosen):
    """One batch of 75 from 08:30 at 3 min: 70 fit before 12:00 (210 min), the other 5 are
    14:00—14:15, so the batch reads 08:30—12:00、14:00—14:15."""
    plan = make_plan([h.code for h in chosen[:50]] + [f"X{i}" for i in range(25)],
                     specs_by_count(75, size=75, first=datetime(2026, 12, 20, 8, 30), minutes=3,
                                    pause=Pause(time(12, 0), time(14, 0))))
    text = squeeze(render(ScheduleNotice(make_info(), plan, {}, venue=VENUE,
                                         publication=POSTED)).text)
    assert "08:30—12:00、14:00—14:15" in text


@pytest.fixture(scope="module")
def appointments(plan, chosen) -> list[AppointmentData]:
    picked = [chosen[0], chosen[24], chosen[40]]
    return [AppointmentData(number=f"TZ-{plan.slot(h.code).order_number:04d}", household=h,
                            slot=plan.slot(h.code), batch=plan.batches[plan.slot(h.code).batch - 1],
                            venue=VENUE, office=OFFICE, issued_on=ISSUED,
                            entitlement=Decimal("90.00") if n else None,
                            group="特殊困难户" if n == 2 else "")
            for n, h in enumerate(picked)]


def test_appointment_notice_per_household(appointments):
    """Household 25: batch 1, 2026-12-20 09:42—09:45 (as in the schedule), 90.00 m²."""
    read = render(Appointment(make_info(), appointments))
    texts = [squeeze("".join(pages)) for pages in sections(read)]
    assert len(texts) == 3
    for text, item in zip(texts, appointments, strict=True):
        h = item.household
        assert f"{h.head_name}户主：" in text  # full name: the household's own paper
        assert f"选房顺序号为第{item.slot.order_number}号，安排在第{item.slot.batch}批" in text
        assert "第1页/共1页" in text
        for thing in ("居民身份证原件", "户口簿原件", "授权委托书"):
            assert thing in text
        assert f"选房地点{VENUE}" in text
        assert h.head_id not in text  # not needed on a posted paper
    assert "请于2026年12月20日（星期日）09:42—09:45到" + VENUE in texts[1]
    assert "安置面积90.00平方米" in texts[1]
    assert "安置面积—" in texts[0]
    assert "请于2026年12月21日（星期一）08:30—08:33到" in texts[2]
    assert "优先组特殊困难户" in texts[2]
    assert "本批时间08:30—09:00" in texts[2]


@needs_pdftoppm
def test_pages_draw(schedule, appointments, tmp_path):
    assert draw_page(schedule.pdf, tmp_path).dark > 1000
    paper = render(Appointment(make_info(), appointments[:1]))
    assert draw_page(paper.pdf, tmp_path).dark > 1000
