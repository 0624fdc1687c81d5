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
