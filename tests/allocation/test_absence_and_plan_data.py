"""Where a household absent after its calls goes (the rules' ``session.absent``), and the
plan file a stored plan keeps (``plan_data``), read back as the same batches."""

from __future__ import annotations

import dataclasses
from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from allocation.demo.policy import demo_policy
from allocation.errors import ValidationError
from allocation.rules import (
    SessionRules,
    absent_rule,
    policy_from_dict,
    policy_sha256,
    policy_text,
    policy_to_dict,
)
from allocation.schedule import BatchSpec, Pause, plan_data, read_plan


def test_a_policy_without_the_section_keeps_its_hash_and_the_old_rule():
    policy = demo_policy()
    written = policy_to_dict(policy)
    assert "session" not in written  # left out while null: frozen policies hash as before
    assert policy_from_dict(written) == policy
    assert absent_rule(policy.session) == "end_of_batch"
    assert "移至本批次末尾再次叫号" in policy_text(policy)


def test_the_rule_is_read_printed_and_hashed():
    written = {**policy_to_dict(demo_policy()), "session": {"absent": "next_batch"}}
    policy = policy_from_dict(written)
    assert absent_rule(policy.session) == "next_batch"
    assert policy_sha256(policy) != policy_sha256(demo_policy())
    assert "移至下一批次末尾再次叫号" in policy_text(policy)
    assert "end of the next batch" in policy_text(policy, "en")
    final = dataclasses.replace(policy, session=SessionRules("final_round"))
    assert "本批次不再叫号" in policy_text(final)


@pytest.mark.parametrize(("section", "code", "path"), [
    ({"absent": "tomorrow"}, "not_one_of", "session.absent"),
    ({"absence": "next_batch"}, "unknown_key", "session.absence"),
    ("next_batch", "wrong_type", "session"),
])
def test_a_bad_rule_is_named_by_its_key_path(section, code, path):
    written = {**policy_to_dict(demo_policy()), "session": section}
    with pytest.raises(ValidationError) as refused:
        policy_from_dict(written)
    assert (refused.value.code, refused.value.params["path"]) == (code, path)


def test_plan_data_spells_every_batch_out():
    """A file with a default of 3 minutes and a lunch break; its second batch overrides
    both. Written back, each batch carries its own minutes and break (null: none)."""
    specs = read_plan({"minutes": 3, "break": {"start": "12:00", "end": "14:00"},
                       "batches": [{"date": "2026-12-20", "start": "08:30", "size": 40},
                                   {"date": "2026-12-21", "start": "14:00", "group": "特困",
                                    "minutes": 5, "break": None}]})
    assert plan_data(specs) == {"batches": [
        {"date": "2026-12-20", "start": "08:30", "minutes": 3, "size": 40,
         "break": {"start": "12:00", "end": "14:00"}},
        {"date": "2026-12-21", "start": "14:00", "minutes": 5, "group": "特困", "break": None}]}


clocks = st.builds(time, st.integers(0, 23), st.integers(0, 59))
specs_strategy = st.builds(
    lambda on, start, minutes, size, group, pause: BatchSpec(
        on=on, start=start, minutes=minutes, size=None if group else size, group=group,
        pause=pause),
    st.dates(date(2026, 1, 1), date(2030, 12, 31)), clocks, st.integers(1, 240),
    st.integers(1, 500), st.one_of(st.none(), st.sampled_from(["高龄", "特困", "普通"])),
    st.one_of(st.none(), st.builds(lambda a, b: Pause(time(a, 0), time(b, 30)),
                                   st.integers(0, 11), st.integers(12, 23))))


@given(st.lists(specs_strategy, min_size=1, max_size=8))
def test_plan_data_reads_back_as_the_same_specs(specs):
    assert read_plan(plan_data(specs)) == specs
