"""选房活动作废公告 read back: the void's facts, the choices masked, no ID number anywhere."""

from __future__ import annotations

from datetime import date, datetime

from allocation.registry.ids import make_id
from printouts import DOCUMENTS
from printouts.notices.void_notice import VoidedChoice, VoidFacts, VoidNotice
from tests.printouts.readback import id_number_in, make_info, render, squeeze

DRAW_SHA = "ab" * 32
AT = datetime(2026, 11, 24, 9, 30)


def _facts(reason: str) -> VoidFacts:
    return VoidFacts(session_id=2, held_on=date(2026, 11, 23), draw_sha256=DRAW_SHA,
                     voided_at=AT, reason=reason)


def test_registered():
    assert DOCUMENTS["notice-void"] is VoidNotice and VoidNotice.public


def test_the_void_and_its_choices_in_order_masked(publication):
    """Two choices given out of order (place 7, then 3).

    By hand: rows come by order number, 3 before 7; 张三丰 prints 张*丰 and
    李四 prints 李*; the reason, the session number 第2场, the day
    2026年11月23日, the void's moment 2026年11月24日 09:30, the count
    选房确认共2条 and the whole draw hash are printed.
    """
    choices = [
        VoidedChoice(order_number=7, code="D007", head_name="张三丰", flat_key="2-1-301",
                     chosen_at=datetime(2026, 11, 23, 10, 5)),
        VoidedChoice(order_number=3, code="D003", head_name="李四", flat_key="1-1-101",
                     chosen_at=datetime(2026, 11, 23, 9, 40)),
    ]
    notice = render(VoidNotice(make_info(), _facts("摇号源公布有误"), choices, publication))
    text = squeeze(notice.text)
    assert "选房活动作废公告" in text and "第2场现场选房活动" in text
    assert "2026年11月23日按摇号" in text and "2026年11月24日09:30决定予以作废" in text
    assert "作废理由：摇号源公布有误" in text and "选房确认共2条" in text
    assert DRAW_SHA in text
    assert text.index("D003") < text.index("D007")
    assert "张*丰" in text and "李*" in text
    assert "张三丰" not in text and "李四" not in text


def test_no_choices_and_an_id_number_in_the_reason_is_hidden(publication):
    number = make_id("420106", date(1980, 5, 17), 12, "F")
    notice = render(VoidNotice(make_info(), _facts(f"户主{number}提出异议"), [], publication))
    text = squeeze(notice.text)
    assert "该场活动中尚无选房确认" in text and "选房确认共0条" in text
    assert id_number_in(text) is None


def test_ends_with_the_objection_period_like_every_notice(publication):
    """Posted 2026-11-23 to 11-29: 7 days (23, 24, …, 29), objections to the office at its
    address and phone, and the office and the first day close it."""
    notice = render(VoidNotice(make_info(), _facts("摇号源公布有误"), [], publication))
    text = squeeze(notice.text)
    assert "公示期：自2026年11月23日起至2026年11月29日止，共7日。" in text
    assert "粮道街片区征收安置指挥部（地址：武昌区粮道街120号，电话：027-88001234）提出" in text
    assert text.index("共7日") < text.rindex("粮道街片区征收安置指挥部2026年11月23日")
