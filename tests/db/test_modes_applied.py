"""Each household's compensation mode applied on a real database: the pool, the desk, the papers.

The project of these examples (:func:`build_mode_project`): the first 12 demo
households, the demo flats and the demo rules, with two more sections —
value swap (价值互换) with a 5 % 产权调换补助 and a last flat needing 95 % of
its value covered, and money compensation (货币补偿) with a 10 % 货币补偿奖励.
The demo rules have no floor coefficients, so a flat's unit value is its base
price. D002 孙涛 chose the value swap (assessed at 300,000.00); D012 雷丽萍
chose money compensation (assessed at 500,000.00). Everyone else is in area
mode, as in the demo.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

import db.lottery.draws as draws
import db.registry.importing as importing
import db.registry.operations as registry
import db.rules.versions as policies
import db.selection.desk as selection
from allocation.demo.policy import demo_policy
from allocation.demo.register import demo_flats, demo_households
from allocation.errors import ValidationError
from allocation.lottery.verifier import first_mismatch, verify_record
from allocation.registry.model import CompensationMode, HouseholdStatus, ProjectId
from allocation.rules import MoneyCompensationRules, Subsidy, ValueSwap, ValueSwapRules
from db.replay.check import verify_audit
from tests.db.test_selection import ON, SOURCES

D = Decimal
CHOSEN_ON = date(2026, 9, 1)
VALUE_CODE, MONEY_CODE = "D002", "D012"
MODE_POLICY = replace(
    demo_policy(),
    value_swap=ValueSwapRules(subsidies=(Subsidy("产权调换补助", D(5)),),
                              last_flat_min_share=D("0.95")),
    money_compensation=MoneyCompensationRules(subsidies=(Subsidy("货币补偿奖励", D(10)),)))


def mode_households():
    households = demo_households()[:12]
    for index, (mode, value, report) in {
            1: (CompensationMode.VALUE, "300000.00", "鄂评字（2026）第017号"),
            11: (CompensationMode.MONEY, "500000.00", "鄂评字（2026）第018号")}.items():
        households[index] = replace(households[index], compensation_mode=mode,
                                    assessed_value=D(value), mode_chosen_on=CHOSEN_ON,
                                    appraisal_report=report)
    return households


def build_mode_project(session: Session, *, name: str = "补偿方式项目") -> ProjectId:
    """The project above, its rules frozen, its pool published and drawn."""
    project_id = registry.create_project(session, name=name, actor="op", rehearsal=True)
    importing.import_households(session, project_id=project_id, households=mode_households(),
                                actor="op")
    importing.import_flats(session, project_id=project_id, flats=demo_flats(), actor="op")
    policies.set_policy(session, project_id=project_id, policy=MODE_POLICY, actor="op")
    policies.freeze_policy(session, project_id=project_id, actor="sup")
    draws.publish_pool(session, project_id=project_id, actor="op", on=ON)
    draws.announce_and_draw(session, project_id=project_id, sources=SOURCES, actor="op")
    return project_id


@pytest.fixture
def modes(factory) -> ProjectId:
    with factory.begin() as s:
        project_id = build_mode_project(s)
        selection.open_session(s, project_id=project_id, operator="op", held_on=ON)
    return project_id


def test_the_pool_leaves_the_money_household_out(factory):
    """12 households, one (D012) chose 货币补偿: the pool has the other 11, numbered 1..11
    by code, and says D012 was left out. The draw and its record verify on the smaller pool;
    the session has 11 turns, D002 (value swap) first in the final order."""
    with factory.begin() as s:
        project_id = registry.create_project(s, name="池", actor="op", rehearsal=True)
        importing.import_households(s, project_id=project_id, households=mode_households(),
                                    actor="op")
        policies.set_policy(s, project_id=project_id, policy=MODE_POLICY, actor="op")
        policies.freeze_policy(s, project_id=project_id, actor="sup")
        pool = draws.publish_pool(s, project_id=project_id, actor="op", on=ON)
    assert pool.size == 11 and pool.money == (MONEY_CODE,)
    assert [e.code for e in pool.entries] == [f"D{n:03d}" for n in range(1, 12)]
    assert [e.position for e in pool.entries] == list(range(1, 12))
    with factory.begin() as s:
        assert draws.current_pool(s, project_id).money == (MONEY_CODE,)
        draw = draws.announce_and_draw(s, project_id=project_id, sources=SOURCES, actor="op")
        assert verify_audit(s, project_id).ok
    assert draw.record is not None and first_mismatch(verify_record(draw.record)) is None
    assert len(draw.final_order) == 11 and MONEY_CODE not in draw.final_order
    assert draw.final_order[0] == VALUE_CODE


def test_a_value_household_at_the_desk_is_offered_and_charged_its_value_swap(factory, modes):
    """Worked example, D002 孙涛 by value: assessed 300,000.00 + 产权调换补助 5 % (15,000.00)
    = 315,000.00 of value available (the desk's compensation).

    * 1-1-402, 69.51 m² at 3,950.00: value 274,564.50, all covered; 40,435.50 remains and is
      paid to the household (settlement +40,435.50);
    * 2-1-101, 79.45 m² at 4,000.00: value 317,800.00; 315,000.00 covers 99.1 % ≥ 95 %: it is
      offered, and the household pays up the 2,800.00 short (settlement −2,800.00);
    * 2-1-102, 84.46 m² at 4,000.00: value 337,840.00; 95 % of it is 320,948.00 > 315,000.00:
      not offered, and choosing it is refused ``last_flat_share_too_small``.

    It confirms 2-1-101: the selection stores price 317,800.00, compensation 315,000.00 and
    settlement −2,800.00."""
    with factory.begin() as s:
        turn = selection.call_next(s, project_id=modes, operator="op")
        assert turn is not None and turn.code == VALUE_CODE
        chooser = selection.turn_eligibility(s, modes, VALUE_CODE)
        assert chooser.compensation == D("315000.00") and chooser.refusal is None
        offered = {o.flat.key: o for o in selection.offers(s, modes, VALUE_CODE)}
    small, short = offered["1-1-402"], offered["2-1-101"]
    assert isinstance(small.price, ValueSwap) and isinstance(short.price, ValueSwap)
    assert (small.price.total, small.settlement) == (D("274564.50"), D("40435.50"))
    use = small.price.flats[0]
    assert (use.value, use.used, use.remaining, use.short) == (
        D("274564.50"), D("274564.50"), D("40435.50"), D("0.00"))
    assert (short.price.total, short.settlement) == (D("317800.00"), D("-2800.00"))
    use = short.price.flats[0]
    assert (use.used, use.remaining, use.short) == (D("315000.00"), D("0.00"), D("2800.00"))
    assert "2-1-102" not in offered
    assert short.entitlement == D("76.65") and short.difference == D("2.80")

    with factory.begin() as s, pytest.raises(ValidationError) as refused:
        selection.select_flat(s, project_id=modes, code=VALUE_CODE, flat_key="2-1-102",
                              operator="op")
    assert refused.value.code == "last_flat_share_too_small"
    assert refused.value.params["minimum"] == "320948.00"
    with factory.begin() as s:
        picked = selection.select_flat(s, project_id=modes, code=VALUE_CODE,
                                       flat_key="2-1-101", operator="op")
    assert (picked.price_total, picked.compensation, picked.settlement) == (
        D("317800.00"), D("315000.00"), D("-2800.00"))
    with factory() as s:
        assert verify_audit(s, modes).ok


def test_area_households_at_the_same_desk_are_priced_as_always(factory, modes):
    """The second household in order (D011, area mode) is offered its flats priced by
    entitlement, exactly as :func:`allocation.rules.settle_household` prices them."""
    from allocation.rules import PriceBreakdown, settle_household
    with factory.begin() as s:
        selection.call_next(s, project_id=modes, operator="op")
        selection.decline(s, project_id=modes, code=VALUE_CODE, reason="放弃", operator="op")
        turn = selection.call_next(s, project_id=modes, operator="op")
        assert turn is not None
        chooser = selection.turn_eligibility(s, modes, turn.code)
        offer = selection.offers(s, modes, turn.code)[0]
    assert chooser.household.compensation_mode is CompensationMode.AREA
    assert isinstance(offer.price, PriceBreakdown)
    settled = settle_household(chooser.household, [offer.flat], MODE_POLICY, ON)
    assert (offer.price, offer.settlement) == (settled.price, settled.settlement.balance)


def test_a_money_household_is_offered_no_flat(factory, modes):
    """D011 (not yet signed) changes to 货币补偿 after the pool was published: it keeps its
    place (the pool is locked) but is offered nothing, its compensation is 400,000.00 + 10 %
    = 440,000.00, and a choice is refused ``flats_in_money_mode``."""
    with factory.begin() as s:
        stored = registry.find_household(s, modes, "D011")
        unsigned = replace(stored.household, signed_on=None, status=HouseholdStatus.VERIFIED)
        registry.update_household(s, household_id=stored.id, household=unsigned, actor="op")
        registry.update_household(s, household_id=stored.id, household=replace(
            unsigned, compensation_mode=CompensationMode.MONEY, assessed_value=D("400000.00"),
            mode_chosen_on=CHOSEN_ON, appraisal_report="鄂评字（2026）第019号"), actor="op")
        selection.call_next(s, project_id=modes, operator="op")
        selection.decline(s, project_id=modes, code=VALUE_CODE, reason="放弃", operator="op")
        turn = selection.call_next(s, project_id=modes, operator="op")
        assert turn is not None and turn.code == "D011"
        assert selection.turn_eligibility(s, modes, "D011").compensation == D("440000.00")
        assert selection.offers(s, modes, "D011") == []
    with factory.begin() as s, pytest.raises(ValidationError) as refused:
        selection.select_flat(s, project_id=modes, code="D011", flat_key="1-1-101",
                              operator="op")
    assert refused.value.code == "flats_in_money_mode"


# --- the papers, read back from the real PDFs --------------------------------------------


def _printed(factory, kind: str, household: str | None = None):
    from desktop.printing.documents import PrintRequest, prepare, render
    from tests.printouts.readback import read_back, squeeze
    with factory() as s:
        prepared = prepare(s, PrintRequest(kind, "补偿方式项目", ON, household=household))
    rendered = render(prepared)
    assert rendered.missing == ""
    return prepared, squeeze(read_back(rendered.pdf, rendered.pages).text)


def test_the_value_households_agreement_and_slip_show_its_value_swap(factory, modes):
    """D002 confirms 2-1-101 (as above). Its 安置协议书 says 产权调换（价值互换）in the
    preamble and articles one and two; article one states the assessed value,
    人民币叁拾万元整（¥300,000.00）, and its report 鄂评字（2026）第017号; article four is the value
    swap (not the area price table): 79.45 m² × 4,000.00 = 317,800.00 of value, 315,000.00
    available and used, 0.00 remaining, 2,800.00 paid up; article five is 300,000.00 + 产权调换
    补助 5 % of 300,000.00 = 15,000.00, 人民币叁拾壹万伍仟元整（¥315,000.00）; article seven:
    315,000.00 − 317,800.00, party B pays up 人民币贰仟捌佰元整（¥2,800.00）(多退少补). The slip
    shows the same figures. The money household D012 is neither printed nor "not chosen"."""
    with factory.begin() as s:
        selection.call_next(s, project_id=modes, operator="op")
        selection.select_flat(s, project_id=modes, code=VALUE_CODE, flat_key="2-1-101",
                              operator="op")
    prepared, text = _printed(factory, "agreements")
    assert [item.household.code for item in prepared.items] == [VALUE_CODE]
    assert MONEY_CODE not in {s.code for s in prepared.skipped}
    assert len(prepared.skipped) == 10  # the other ten area households have not chosen
    for part in ("乙方选择产权调换（价值互换）方式", "第二条补偿方式补偿方式为产权调换（价值互换）",
                 "被征收房屋价值为人民币叁拾万元整（¥300,000.00）（评估报告编号：鄂评字（2026）第017号）",
                 "第四条所选房屋价值（价值互换）",
                 "2-1-10179.454,000.00317,800.00315,000.00315,000.000.002,800.00",
                 "所选房屋价值合计：人民币叁拾壹万柒仟捌佰元整（¥317,800.00）",
                 "被征收房屋评估价值", "产权调换补助评估价值300,000.00元×5%15,000.00",
                 "可用于调换的价值合计：人民币叁拾壹万伍仟元整（¥315,000.00）",
                 "两项相抵后（多退少补），乙方应向甲方补缴人民币贰仟捌佰元整（¥2,800.00）"):
        assert part in text, part
    for area_only in ("房价款合计", "计价区段", "安置面积以内按基准价"):
        assert area_only not in text

    _, slip = _printed(factory, "slips")
    for part in ("二、产权调换（价值互换）", "315,000.0079.45317,800.00315,000.000.002,800.00",
                 "不足部分由乙方补缴：人民币贰仟捌佰元整（¥2,800.00）",
                 "所选房源、面积和房屋价值经本人核对无误"):
        assert part in slip, part


def test_the_money_households_agreement_before_any_session(factory):
    """D012 雷丽萍 chose 货币补偿, assessed at 500,000.00: its 货币补偿协议 is printed though no
    session was held. 500,000.00 + 货币补偿奖励 10 % of 500,000.00 = 50,000.00 → 550,000.00,
    人民币伍拾伍万元整（¥550,000.00）, all paid by party A within the payment term; no flat, no
    price; the moving deadline is 30 days after the print date (1 Nov → 1 Dec 2026); full name
    and ID numbers. Its number is HB<project>-2026-D012. Asking for an area household's money
    agreement is refused."""
    with factory.begin() as s:
        project_id = build_mode_project(s)
    prepared, text = _printed(factory, "agreements-money")
    assert [item.household.code for item in prepared.items] == [MONEY_CODE]
    household = prepared.items[0].household
    for part in ("货币补偿协议", f"HB{project_id:03d}-2026-D012", "乙方选择货币补偿方式",
                 "第二条补偿方式补偿方式为货币补偿", "不提供产权调换房屋",
                 "被征收房屋价值为人民币伍拾万元整（¥500,000.00）（评估报告编号：鄂评字（2026）第018号）",
                 "被征收房屋评估价值", "500,000.00",
                 "货币补偿奖励评估价值500,000.00元×10%50,000.00",
                 "货币补偿金额合计：人民币伍拾伍万元整（¥550,000.00）", "第五条支付期限",
                 "本协议签订之日起15个工作日内向乙方支付货币补偿款人民币伍拾伍万元整（¥550,000.00）",
                 "搬迁费：", "临时安置费：乙方选择货币补偿，不计付临时安置费",
                 "2026年12月1日前搬迁完毕", household.head_name,
                 *(m.id_number for m in household.members)):
        assert part in text, part
    for absent in ("房价款", "安置面积", "选定房源"):
        assert absent not in text
    from allocation.errors import NotFoundError
    from desktop.printing.documents import PrintRequest, prepare
    with factory() as s, pytest.raises(NotFoundError) as refused:
        prepare(s, PrintRequest("agreements-money", "补偿方式项目", ON, household="D001"))
    assert refused.value.code == "household_not_money"


def test_the_money_household_is_counted_apart_in_the_statistics_and_results(factory, modes):
    """Of the 12 households D012 chose 货币补偿 and nobody has chosen a flat yet: the results
    notice prints 选择货币补偿 on its row and counts 11 households not yet chosen and 1 by
    money; the statistics say 选择货币补偿1户; the pool notice says 1 household left out."""
    _, results = _printed(factory, "notice-results")
    assert "尚未选房11户；选择货币补偿1户，不安置房屋" in results
    assert results.count("选择货币补偿") == 2  # D012's row and the totals
    _, statistics = _printed(factory, "statistics")
    assert "选择货币补偿1户（不安置房屋，不参加选房）" in statistics
    _, pool = _printed(factory, "notice-pool")
    assert "参加摇号的被安置户共11户。另有1户选择货币补偿，不安置房屋，不参加摇号" in pool
    assert "选择货币补偿1户，未列入本名单" in pool


def test_the_desk_says_why_a_household_is_offered_nothing(factory, modes):
    """D002 chose the value swap but its assessed value is gone (a register kept outside the
    app): nothing can be settled, so the desk's view carries the reason, assessed_value_missing,
    instead of an empty list of flats with no word."""
    from sqlalchemy import update

    from db.records import HouseholdRecord
    from db.selection.view import desk_view

    with factory.begin() as s:
        s.execute(update(HouseholdRecord).where(HouseholdRecord.project_id == modes,
                                                HouseholdRecord.code == VALUE_CODE)
                  .values(assessed_value=None))
        turn = selection.call_next(s, project_id=modes, operator="op")
        assert turn is not None and turn.code == VALUE_CODE
        view = desk_view(s, modes)
    assert view.offers == ()
    assert view.refusal is not None and view.refusal.code == "assessed_value_missing"
