"""Household progress: steps with dates, signing kept on the household, status following along."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

import db.casework.progress as progress
import db.registry.operations as registry
from allocation.errors import ConflictError, ValidationError
from allocation.registry.model import HouseholdStatus
from db.casework.progress_report import progress_rows
from db.replay.check import verify_audit
from tests.factories import make_household

S = HouseholdStatus


@pytest.fixture
def ids(factory, project_id):
    with factory.begin() as s:
        return [registry.add_household(s, project_id=project_id, actor="op",
                                        household=make_household(f"H00{n}", seq=n))
                for n in (1, 2, 3)]


def _household(factory, household_id):
    with factory() as s:
        return registry.get_household(s, household_id).household


def test_signing_is_stored_on_the_household_with_the_next_order_number(factory, ids):
    with factory.begin() as s:
        first = progress.record_signing(s, household_id=ids[1], signed_on=date(2026, 7, 2),
                                        actor="op")
        second = progress.record_signing(s, household_id=ids[0], signed_on=date(2026, 7, 3),
                                         actor="op")
    assert (first, second) == (1, 2)
    signed = _household(factory, ids[0])
    assert (signed.signed_on, signed.signing_seq, signed.status) == (
        date(2026, 7, 3), 2, S.SIGNED)
    with factory.begin() as s, pytest.raises(ConflictError) as twice:
        progress.record_signing(s, household_id=ids[0], signed_on=date(2026, 7, 4), actor="op")
    with factory.begin() as s, pytest.raises(ConflictError) as taken:
        progress.record_signing(s, household_id=ids[2], signed_on=date(2026, 7, 4),
                                signing_seq=1, actor="op")
    assert (twice.value.code, taken.value.code) == ("already_signed", "signing_seq_taken")


def test_moving_out_needs_a_signed_agreement_and_moves_the_status_on(factory, project_id, ids):
    hid = ids[0]
    with factory.begin() as s:
        progress.record_step(s, household_id=hid, step=S.REGISTERED, done_on=date(2026, 5, 1),
                             actor="op")
        progress.record_step(s, household_id=hid, step=S.VERIFIED, done_on=date(2026, 6, 1),
                             actor="op")
        with pytest.raises(ValidationError) as early:
            progress.record_step(s, household_id=hid, step=S.MOVED_OUT,
                                 done_on=date(2026, 7, 9), actor="op")
        assert early.value.code == "step_needs_signing"
    assert _household(factory, hid).status is S.VERIFIED
    with factory.begin() as s:
        progress.record_signing(s, household_id=hid, signed_on=date(2026, 7, 2), actor="op")
        progress.record_step(s, household_id=hid, step=S.MOVED_OUT, done_on=date(2026, 7, 9),
                             actor="op", note="腾空交房")
    assert _household(factory, hid).status is S.MOVED_OUT
    with factory() as s:
        row = next(r for r in progress_rows(s, project_id) if r.household_id == hid)
        assert (row.registered_on, row.verified_on, row.signed_on, row.signing_seq,
                row.moved_out_on, row.flat_key) == (date(2026, 5, 1), date(2026, 6, 1),
                                                    date(2026, 7, 2), 1, date(2026, 7, 9), None)
        assert verify_audit(s, project_id).ok


def test_a_step_recorded_by_mistake_is_taken_back_and_the_status_falls_back(
        factory, project_id, ids):
    hid = ids[1]
    with factory.begin() as s:
        progress.record_signing(s, household_id=hid, signed_on=date(2026, 7, 2), actor="op")
        progress.record_step(s, household_id=hid, step=S.MOVED_OUT, done_on=date(2026, 7, 2),
                             actor="op")
        progress.record_step(s, household_id=hid, step=S.MOVED_OUT, done_on=date(2026, 7, 5),
                             actor="op")  # re-dated
    with factory() as s:
        assert progress.reached_steps(s, hid)[S.MOVED_OUT] == date(2026, 7, 5)
    with factory.begin() as s:
        progress.remove_step(s, household_id=hid, step=S.MOVED_OUT, actor="sup")
    assert _household(factory, hid).status is S.SIGNED
    with factory() as s:
        assert S.MOVED_OUT not in progress.reached_steps(s, hid)
        assert verify_audit(s, project_id).ok


def test_signing_and_choosing_are_not_recorded_as_steps(factory, ids):
    with factory.begin() as s, pytest.raises(ValidationError) as refused:
        progress.record_step(s, household_id=ids[0], step=S.SIGNED, done_on=date(2026, 7, 1),
                             actor="op")
    assert refused.value.code == "step_not_recorded"
    with factory.begin() as s, pytest.raises(ValidationError) as keys:
        progress.record_step(s, household_id=ids[0], step=S.KEYS_HANDED,
                             done_on=date(2026, 7, 1), actor="op")
    assert keys.value.code == "step_needs_flat"


def test_a_status_typed_further_by_hand_is_not_pulled_back_by_an_earlier_step(factory, ids):
    hid = ids[2]
    with factory.begin() as s:
        stored = registry.get_household(s, hid)
        registry.update_household(s, household_id=hid, actor="op", household=replace(
            stored.household, status=S.VERIFIED))
        progress.record_step(s, household_id=hid, step=S.REGISTERED, done_on=date(2026, 5, 1),
                             actor="op")
    assert _household(factory, hid).status is S.VERIFIED
