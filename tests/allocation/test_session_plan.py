"""The session plan (选房安排): batches, dates and windows, worked by hand."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from allocation.errors import ValidationError
from allocation.schedule import (
    BatchSpec,
    Pause,
    make_plan,
    read_plan,
    specs_by_count,
    specs_by_group,
)

LUNCH = Pause(time(12, 0), time(14, 0))


def codes(n: int) -> list[str]:
    return [f"D{i:03d}" for i in range(1, n + 1)]


def test_forty_a_batch_from_half_past_eight():
    """80 households, 40 a batch, 3 minutes each from 2026-12-20 08:30, one batch a day,
    lunch 12:00–14:00.

    By hand: household 25 starts (25 − 1) × 3 = 72 min after 08:30 → 09:42–09:45.
    Household 40 ends 40 × 3 = 120 min after 08:30 → 10:27–10:30, before lunch.
    Household 41 is the first of batch 2, on the next day 2026-12-21 at 08:30–08:33.
    """
    specs = specs_by_count(80, size=40, first=datetime(2026, 12, 20, 8, 30), minutes=3,
                           pause=LUNCH)
    plan = make_plan(codes(80), specs)
    assert len(plan.batches) == 2
    h25 = plan.slot("D025")
    assert (h25.batch, h25.on, h25.start.time(), h25.end.time()) == (
        1, date(2026, 12, 20), time(9, 42), time(9, 45))
    h40 = plan.slot("D040")
    assert (h40.start.time(), h40.end.time()) == (time(10, 27), time(10, 30))
    h41 = plan.slot("D041")
    assert (h41.batch, h41.on, h41.start.time(), h41.end.time()) == (
        2, date(2026, 12, 21), time(8, 30), time(8, 33))
    assert plan.days == (date(2026, 12, 20), date(2026, 12, 21))


def test_lunch_moves_the_rest_to_the_afternoon():
    """100 households in one batch, 3 minutes from 08:30, lunch 12:00–14:00.

    By hand: 08:30 to 12:00 is 210 min = 70 windows, so household 70 is 11:57–12:00 and
    household 71 starts at 14:00 (14:00–14:03). Household 100 is the 30th of the afternoon:
    14:00 + 29 × 3 = 15:27–15:30, the batch's end.
    """
    plan = make_plan(codes(100), [BatchSpec(on=date(2026, 12, 20), start=time(8, 30),
                                            minutes=3, size=100, pause=LUNCH)])
    assert plan.slot("D070").end.time() == time(12, 0)
    assert plan.slot("D071").start.time() == time(14, 0)
    h100 = plan.slot("D100")
    assert (h100.start.time(), h100.end.time()) == (time(15, 27), time(15, 30))
    assert plan.batches[0].end == datetime(2026, 12, 20, 15, 30)


def test_a_window_that_would_reach_into_lunch_waits_for_its_end():
    """5 minutes from 11:50: 11:50–11:55, 11:55–12:00, then 12:00 would reach into lunch, so
    the third household is 14:00–14:05. With 7 minutes: 11:50–11:57, then 11:57–12:04 would
    overlap the break, so the second starts at 14:00."""
    five = make_plan(codes(3), [BatchSpec(on=date(2026, 12, 20), start=time(11, 50),
                                          minutes=5, size=3, pause=LUNCH)])
    assert [s.start.time() for s in five.slots] == [time(11, 50), time(11, 55), time(14, 0)]
    seven = make_plan(codes(2), [BatchSpec(on=date(2026, 12, 20), start=time(11, 50),
                                           minutes=7, size=2, pause=LUNCH)])
    assert [s.start.time() for s in seven.slots] == [time(11, 50), time(14, 0)]


def test_two_batches_a_day_follow_each_other():
    """10 households, 4 a batch, 2 batches a day, 10 minutes from 09:00.

    By hand: batch 1 is 09:00–09:40 (4 × 10 min); batch 2 starts 09:40, its households at
    09:40, 09:50, 10:00, 10:10, ending 10:20; batch 3 (households 9 and 10) is the next day
    at 09:00 and 09:10.
    """
    specs = specs_by_count(10, size=4, first=datetime(2026, 12, 20, 9, 0), minutes=10,
                           per_day=2)
    plan = make_plan(codes(10), specs)
    assert [(b.on.day, b.start.time(), b.end.time()) for b in plan.batches] == [
        (20, time(9, 0), time(9, 40)), (20, time(9, 40), time(10, 20)),
        (21, time(9, 0), time(9, 20))]
    assert [b.first for b in plan.batches] == [1, 5, 9]


def test_batches_by_priority_group():
    """Order D001–D005; D001, D002 in 特殊困难户, D003–D005 in no group. By group: batch 1 is
    the two of 特殊困难户, batch 2 the other three, one a day."""
    groups = {"D001": "特殊困难户", "D002": "特殊困难户"}
    specs = specs_by_group(codes(5), groups, first=datetime(2026, 12, 20, 8, 30), minutes=3)
    plan = make_plan(codes(5), specs, groups)
    assert [(b.group, [s.code for s in b.slots]) for b in plan.batches] == [
        ("特殊困难户", ["D001", "D002"]), (None, ["D003", "D004", "D005"])]
    assert plan.slot("D003").on == date(2026, 12, 21)


def test_plan_file_with_key_paths():
    """A plan file: batch 1 takes 2 from 08:30 at 3 min (08:30, 08:33), batch 2 the rest from
    14:00 at 5 min (14:00, 14:05)."""
    specs = read_plan({"minutes": 3, "batches": [
        {"date": "2026-12-20", "start": "08:30", "size": 2},
        {"date": "2026-12-20", "start": "14:00", "size": 9, "minutes": 5}]})
    plan = make_plan(codes(4), specs)
    assert [s.start.strftime("%H:%M") for s in plan.slots] == ["08:30", "08:33", "14:00",
                                                               "14:05"]


@pytest.mark.parametrize(("data", "code", "path"), [
    ({"batches": [{"date": "2026-12-20", "start": "8:30", "size": 2, "minutes": 3}]},
     "bad_plan_time", "batches[0].start"),
    ({"minutes": 3, "batches": [{"date": "2026-12-20", "start": "08:30", "size": 2},
                                {"date": "2026-12-20", "start": "08:30", "size": 2},
                                {"date": "2026-12-32", "start": "08:30", "size": 2}]},
     "bad_plan_date", "batches[2].date"),
    ({"batches": [{"date": "2026-12-20", "start": "08:30", "size": 2}]},
     "missing_key", "batches[0].minutes"),
    ({"minutes": 3, "batches": [{"date": "2026-12-20", "start": "08:30"}]},
     "batch_size_or_group", "batches[0]"),
    ({"minutes": 3, "batches": [{"date": "2026-12-20", "start": "08:30", "size": 1,
                                 "room": "A"}]}, "unknown_key", "batches[0].room"),
    ({"minutes": 3, "break": {"start": "14:00", "end": "12:00"}, "batches": []},
     "bad_pause", "break"),
    ({"minutes": 3, "batches": "all"}, "wrong_type", "batches"),
])
def test_plan_file_errors_name_the_key(data, code, path):
    with pytest.raises(ValidationError) as raised:
        read_plan(data)
    assert (raised.value.code, raised.value.params["path"]) == (code, path)


def test_overlapping_batches_are_refused():
    """Batch 1: 4 × 10 min from 09:00 ends 09:40; batch 2 the same day at 09:30 would call
    while batch 1's last household (09:30–09:40) is still choosing."""
    specs = read_plan({"minutes": 10, "batches": [
        {"date": "2026-12-20", "start": "09:00", "size": 4},
        {"date": "2026-12-20", "start": "09:30", "size": 4}]})
    with pytest.raises(ValidationError) as raised:
        make_plan(codes(8), specs)
    assert raised.value.code == "batch_overlaps"
    assert raised.value.params["path"] == "batches[1].start"
    assert raised.value.params["end"] == "09:40"


def test_plan_must_cover_the_order_and_no_more():
    one = [BatchSpec(on=date(2026, 12, 20), start=time(8, 30), minutes=3, size=3)]
    with pytest.raises(ValidationError) as short:
        make_plan(codes(5), one)
    assert (short.value.code, short.value.params["count"], short.value.params["first"]) == (
        "order_left_over", 2, 4)
    two = [*one, BatchSpec(on=date(2026, 12, 21), start=time(8, 30), minutes=3, size=3)]
    with pytest.raises(ValidationError) as empty:
        make_plan(codes(3), two)
    assert (empty.value.code, empty.value.params["path"]) == ("batch_empty", "batches[1]")


def test_past_midnight_and_bad_minutes():
    """10 × 30 min from 20:00 would end at 01:00 the next day."""
    late = [BatchSpec(on=date(2026, 12, 20), start=time(20, 0), minutes=30, size=10)]
    with pytest.raises(ValidationError) as raised:
        make_plan(codes(10), late)
    assert (raised.value.code, raised.value.params["order_number"]) == ("batch_past_midnight", 9)
    zero = [BatchSpec(on=date(2026, 12, 20), start=time(8, 0), minutes=0, size=1)]
    with pytest.raises(ValidationError) as bad:
        make_plan(codes(1), zero)
    assert (bad.value.code, bad.value.params["path"]) == ("bad_minutes", "batches[0].minutes")


def test_group_batch_must_be_next_in_order():
    specs = [BatchSpec(on=date(2026, 12, 20), start=time(8, 0), minutes=3, group="甲")]
    with pytest.raises(ValidationError) as raised:
        make_plan(codes(2), specs, {"D001": "乙"})
    assert (raised.value.code, raised.value.params["path"], raised.value.params["found"]) == (
        "group_not_next", "batches[0].group", "乙")


@given(n=st.integers(1, 300), size=st.integers(1, 80), minutes=st.integers(1, 15),
       per_day=st.integers(1, 3), hour=st.integers(7, 9), lunch=st.booleans())
def test_plan_properties(n, size, minutes, per_day, hour, lunch):
    """Every household in exactly one batch, in the drawn order, windows of the set length
    that never overlap (nor the break), each batch on its own day or after the one before."""
    order = codes(n)
    pause = LUNCH if lunch else None
    try:
        specs = specs_by_count(n, size=size, first=datetime(2026, 12, 20, hour, 0),
                               minutes=minutes, pause=pause, per_day=per_day)
        plan = make_plan(order, specs)
    except ValidationError as error:
        assert error.code == "batch_past_midnight"  # a long day: the only way to fail
        return
    slots = plan.slots
    assert [s.code for s in slots] == order
    assert [s.order_number for s in slots] == list(range(1, n + 1))
    assert sum(len(b.slots) for b in plan.batches) == n
    assert all(len(b.slots) <= size for b in plan.batches)
    for batch in plan.batches:
        assert all(s.batch == batch.number and s.on == batch.on for s in batch.slots)
    for s in slots:
        assert (s.end - s.start).total_seconds() == minutes * 60
        if pause is not None:
            assert not (s.start.time() < pause.end and s.end.time() > pause.start) or (
                s.end.date() != s.start.date())
    for before, after in zip(slots, slots[1:], strict=False):
        assert after.start >= before.end


@given(runs=st.lists(st.tuples(st.sampled_from(["甲", "乙", None]), st.integers(1, 30)),
                     min_size=1, max_size=8))
def test_by_group_properties(runs):
    """By group: each batch holds one run of one group, whole, in order, one batch a day."""
    order, groups = [], {}
    for group, count in runs:
        for _ in range(count):
            code = f"D{len(order) + 1:03d}"
            order.append(code)
            groups[code] = group
    specs = specs_by_group(order, groups, first=datetime(2026, 12, 20, 8, 30), minutes=3,
                           pause=LUNCH)
    plan = make_plan(order, specs, groups)
    assert [s.code for s in plan.slots] == order
    for batch in plan.batches:
        assert len({groups[s.code] for s in batch.slots}) == 1
    for before, after in zip(plan.batches, plan.batches[1:], strict=False):
        assert groups[before.slots[-1].code] != groups[after.slots[0].code]
        assert (after.on - before.on).days == 1
