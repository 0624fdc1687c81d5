"""Casework rules: request status moves, progress steps, the demo casework fitting its register."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from allocation.casework.vocabulary import (
    RECORDED_STEPS,
    REQUEST_TRANSITIONS,
    FlagStatus,
    RequestAction,
    RequestStatus,
    check_step,
    furthest,
    household_stage,
    request_transition,
)
from allocation.demo.casework import (
    PRICE_DIFFERENCE_HOUSEHOLDS,
    SECOND_CHILD_HOUSEHOLDS,
    demo_casework,
)
from allocation.demo.register import DEMO_TODAY, demo_households
from allocation.errors import ValidationError
from allocation.registry.model import HouseholdStatus

S = HouseholdStatus


@given(st.lists(st.sampled_from(list(RequestAction)), max_size=30))
@settings(max_examples=300)
def test_any_sequence_of_actions_keeps_a_request_consistent(actions):
    """Whatever operators click, a request is closed only after an answer, and every refusal
    leaves it as it was: a small model of the record (status, has an answer) never breaks."""
    status, answered = RequestStatus.OPEN, False
    for action in actions:
        try:
            after = request_transition(status, action)
        except ValidationError as refused:
            assert (status, action) not in REQUEST_TRANSITIONS
            assert refused.params == {"status": status.value, "action": action.value}
            continue
        if after is RequestStatus.CLOSED:
            assert answered, "closed without an answer"
        answered = after is not RequestStatus.OPEN
        status = after
    assert (status is RequestStatus.OPEN) != answered


@pytest.mark.parametrize(("status", "action", "code"), [
    (RequestStatus.ANSWERED, RequestAction.ANSWER, "request_already_answered"),
    (RequestStatus.OPEN, RequestAction.CLOSE, "request_not_answered"),
    (RequestStatus.CLOSED, RequestAction.CLOSE, "request_already_closed"),
    (RequestStatus.OPEN, RequestAction.REOPEN, "request_still_open"),
])
def test_each_refused_move_says_why(status, action, code):
    with pytest.raises(ValidationError) as refused:
        request_transition(status, action)
    assert refused.value.code == code


def test_every_status_can_be_reached_and_left():
    targets = set(REQUEST_TRANSITIONS.values())
    sources = {status for status, _action in REQUEST_TRANSITIONS}
    assert targets == sources == set(RequestStatus)


@pytest.mark.parametrize(("step", "reached", "code"), [
    (S.SIGNED, {}, "step_not_recorded"),
    (S.FLAT_CHOSEN, {}, "step_not_recorded"),
    (S.MOVED_OUT, {S.VERIFIED: date(2026, 7, 1)}, "step_needs_signing"),
    (S.KEYS_HANDED, {S.SIGNED: date(2026, 7, 1)}, "step_needs_flat"),
    (S.MOVED_OUT, {S.SIGNED: date(2026, 8, 2)}, "step_before"),
])
def test_steps_need_what_comes_before_them(step, reached, code):
    with pytest.raises(ValidationError) as refused:
        check_step(step, date(2026, 8, 1), reached)
    assert refused.value.code == code


def test_steps_in_order_pass_and_the_furthest_wins():
    reached = {S.REGISTERED: date(2026, 5, 1), S.SIGNED: date(2026, 7, 1)}
    check_step(S.MOVED_OUT, date(2026, 7, 1), reached)  # the same day is fine
    check_step(S.VERIFIED, date(2026, 5, 2), reached)
    assert furthest(reached) is S.SIGNED
    assert furthest({}) is S.REGISTERED
    assert furthest({S.MOVED_OUT: date(2026, 7, 9), **reached}) is S.MOVED_OUT


@pytest.fixture(scope="module")
def register():
    return demo_households()


@pytest.fixture(scope="module")
def work(register):
    return demo_casework(register)


def test_the_demo_casework_is_the_same_every_time(register, work):
    assert demo_casework(register) == work


def test_every_demo_household_has_a_pair_of_its_team(register, work):
    assert set(work.pairs) == {h.code for h in register}
    for team, first, second in work.pairs.values():
        assert first != second and {first, second} <= set(work.teams[team])
    sizes = [sum(1 for p in work.pairs.values() if p[0] == t) for t in work.teams]
    assert max(sizes) - min(sizes) <= 10


def test_demo_progress_follows_the_rules(register, work):
    """Every step of the demo would pass the checks a typed step passes."""
    for household in register:
        reached = {S.SIGNED: household.signed_on} if household.signed_on else {}
        for step, dates in ((S.REGISTERED, work.registered), (S.VERIFIED, work.verified),
                            (S.MOVED_OUT, work.moved_out)):
            if household.code in dates:
                check_step(step, dates[household.code], reached)
                assert dates[household.code] <= DEMO_TODAY
        if household.signed_on:
            assert work.verified[household.code] < household.signed_on
    assert sum(1 for d in work.moved_out.values() if d == DEMO_TODAY) == 3
    assert set(work.registered) == {h.code for h in register}
    assert all(step in RECORDED_STEPS for step in (S.REGISTERED, S.VERIFIED, S.MOVED_OUT))


def test_demo_requests_are_about_thirty_and_mostly_answered(work):
    requests = [r for r in work.requests if r.kind.value == "request"]
    assert 28 <= len(requests) <= 32
    answered = [r for r in requests if r.answered_on is not None]
    assert len(answered) / len(requests) > 0.75
    for request in work.requests:
        if request.answered_on is not None:
            assert request.received_on <= request.answered_on <= DEMO_TODAY
        if request.closed_on is not None:
            assert request.answered_on is not None
            assert request.answered_on <= request.closed_on <= DEMO_TODAY
    assert len({r.received_on for r in work.requests}) > 15  # spread over the months


def test_demo_special_cases_follow_the_register(register, work):
    by_kind: dict[str, list[str]] = {}
    for flag in work.flags:
        by_kind.setdefault(flag.kind.value, []).append(flag.code)
        assert (flag.decided_on is not None) == (flag.status in (FlagStatus.APPROVED,
                                                                 FlagStatus.REJECTED))
    assert len(by_kind["second_child"]) == SECOND_CHILD_HOUSEHOLDS
    assert len(by_kind["price_difference"]) == PRICE_DIFFERENCE_HOUSEHOLDS
    with_new = {h.code for h in register if any(m.new_member for m in h.members)}
    assert set(by_kind["new_member"]) == with_new
    pairs = [(f.code, f.kind) for f in work.flags]
    assert len(pairs) == len(set(pairs)), "one flag per kind and household"


def test_the_stage_is_the_furthest_of_the_status_and_the_steps():
    """Worked by hand, in the order 已登记 < 已核实 < 已签约 < 已搬迁 < 已选房 < 已交房:
    signed (stored) with a flat chosen at the session → 已选房 (the row never says it);
    stored 已搬迁 with only 已核实 recorded → 已搬迁 (a step behind does not pull it back);
    nothing reached → the stored status itself."""
    S = HouseholdStatus
    assert household_stage(S.SIGNED, [S.VERIFIED, S.FLAT_CHOSEN]) == S.FLAT_CHOSEN
    assert household_stage(S.MOVED_OUT, [S.VERIFIED]) == S.MOVED_OUT
    assert household_stage(S.REGISTERED) == S.REGISTERED


@given(st.sampled_from(list(HouseholdStatus)), st.sets(st.sampled_from(list(HouseholdStatus))))
def test_the_stage_is_never_behind_anything_reached(status, reached):
    stage = household_stage(status, reached)
    assert stage in {status, *reached}
    order = list(HouseholdStatus)
    assert all(order.index(stage) >= order.index(s) for s in {status, *reached})
