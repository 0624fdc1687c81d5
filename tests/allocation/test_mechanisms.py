"""Tests of the allocation mechanisms (order only, serial choice, 摇号定房) and their check."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from allocation.demo.policy import demo_policy
from allocation.demo.register import DEMO_TODAY, demo_flats, demo_households
from allocation.errors import ValidationError
from allocation.lottery.assignment_check import Violation, check_allocation
from allocation.lottery.mechanisms import (
    Allocation,
    AllocationInput,
    Assignment,
    Unassigned,
    allocatable,
    eligible_flats,
    flat_draw_key,
    lottery_assignment,
    order_only,
    prepare_input,
    serial_choice,
)
from allocation.lottery.rfc3797 import draw, key_string
from allocation.registry.model import Condition, Flat, FlatStatus, Household
from allocation.rules.conditions import Criteria, Term
from allocation.rules.entitlement import EntitlementRules
from allocation.rules.ordering import final_order
from allocation.rules.policy import Policy
from allocation.rules.pricing import PricingRules, Tier
from allocation.rules.priority import FlatRestriction, PriorityGroup, pool_entries
from tests.factories import make_flat, make_household, with_condition

ON = date(2026, 11, 1)
# The worked examples' own policy, so that they do not move when the demo's does.
POLICY = Policy(
    name="测试方案",
    entitlement=EntitlementRules(area_per_person=Decimal("50.00"), excess_cap=Decimal("30.00")),
    pricing=PricingRules(tiers=(Tier(Decimal("0.00"), Decimal("30.00"), factor=Decimal("1")),)),
    groups=(PriorityGroup("残疾家庭", Criteria("all", (Term("has_disability", "==", True),)),
                          FlatRestriction(floor_max=2)),
            PriorityGroup("已签约家庭", Criteria("all", (Term("signed", "==", True),)))),
    default_group="其他家庭",
)
TWO = "2室1厅1卫"
THREE = "3室2厅1卫"
THREE_LARGE = "3室2厅2卫"


def household(code: str, size: int, *, disabled: bool = False, **changes: Any) -> Household:
    """A household of ``size`` people: band 0 .. 50 × size + 30 m²; disabled: floors 1–2."""
    made = make_household(code=code, seq=int(code[1:]), size=size, **changes)
    return with_condition(made, 0, Condition.DISABILITY) if disabled else made


def flat(floor: int, area: str, layout: str, number: str = "", building: str = "1",
         **changes: Any) -> Flat:
    return make_flat(building=building, floor=floor, number=number or f"{floor}01",
                     area=Decimal(area), layout=layout, **changes)


def make_input(households: Sequence[Household], flats: Sequence[Flat],
               order: Sequence[str] | None = None) -> AllocationInput:
    codes = [h.code for h in households] if order is None else list(order)
    return prepare_input(codes, {h.code: h for h in households}, flats, POLICY, ON)


def check(allocation: Allocation, inputs: AllocationInput, **kwargs: Any) -> list[Violation]:
    return check_allocation(allocation, inputs.order, inputs.eligibility, inputs.flats, **kwargs)


def codes(violations: list[Violation]) -> set[str]:
    return {v.code for v in violations}


def flats_of(allocation: Allocation) -> dict[str, str]:
    return {a.code: a.flat_key for a in allocation.assignments}


def reasons_of(allocation: Allocation) -> dict[str, str]:
    return {u.code: u.reason for u in allocation.unassigned}


# --- a worked example of serial choice ---------------------------------------

SERIAL_FLATS = (
    flat(1, "70.00", TWO),  # 1-1-101
    flat(2, "85.00", THREE),  # 1-1-201
    flat(3, "70.00", TWO),  # 1-1-301
    flat(4, "110.00", THREE_LARGE),  # 1-1-401
    flat(5, "70.00", TWO, status=FlatStatus.RESERVED),  # 1-1-501
)
SERIAL_HOUSEHOLDS = (
    household("H1", 1, disabled=True),  # band ≤ 80, floors 1–2
    household("H2", 2),  # ≤ 130
    household("H3", 2),  # ≤ 130
    household("H4", 1),  # ≤ 80
    household("H5", 3),  # ≤ 180
)
SERIAL_PREFERENCES = {
    "H1": ["1-1-301", THREE, TWO],  # floor 3 restricted; 3室 too big; a 2室 on floor 1 or 2
    "H2": ["1-1-101", "1-1-501", TWO],  # taken by H1; reserved; 1-1-301 is the 2室 left
    "H3": [TWO, "9-9-999", THREE_LARGE],  # none left; no such flat; 1-1-401
    "H4": ["1-1-201", TWO],  # 85 m² > 80; every 2室 taken or reserved
    "H5": [],
}


def serial_example() -> tuple[AllocationInput, Allocation]:
    inputs = make_input(SERIAL_HOUSEHOLDS, SERIAL_FLATS)
    return inputs, serial_choice(inputs, SERIAL_PREFERENCES)


def test_serial_choice_worked_example() -> None:
    """Hand-computed: each household gets its third item; H4 exhausts its list, H5 gave none."""
    inputs, result = serial_example()
    assert [(a.code, a.flat_key, a.rank, a.item) for a in result.assignments] == [
        ("H1", "1-1-101", 3, TWO), ("H2", "1-1-301", 3, TWO), ("H3", "1-1-401", 3, THREE_LARGE)]
    assert result.unassigned == (Unassigned("H4", "preferences_exhausted"),
                                 Unassigned("H5", "no_preferences"))
    assert check(result, inputs, preferences=SERIAL_PREFERENCES) == []


def test_serial_choice_records_each_skip_with_its_reason() -> None:
    """The trace says why every item before the assigned one was passed over."""
    _, result = serial_example()
    skips = [(s.inputs["code"], s.inputs["item"], s.result) for s in result.steps
             if s.rule == "serial_choice.skip"]
    assert skips == [
        ("H1", "1-1-301", "flat_not_eligible"), ("H1", THREE, "layout_not_eligible"),
        ("H2", "1-1-101", "flat_taken"), ("H2", "1-1-501", "flat_not_available"),
        ("H3", TWO, "layout_taken"), ("H3", "9-9-999", "unknown_item"),
        ("H4", "1-1-201", "flat_not_eligible"), ("H4", TWO, "layout_taken"),
    ]


def test_a_layout_gives_the_first_free_flat_in_stock_order() -> None:
    """Building "2" comes before "10" and floor 9 before floor 10, as numbers."""
    flats = [flat(1, "70.00", TWO, building="10"), flat(10, "70.00", TWO, "1001", building="2"),
             flat(9, "70.00", TWO, "901", building="2")]
    inputs = make_input([household("H1", 2), household("H2", 2)], flats)
    result = serial_choice(inputs, {"H1": [TWO], "H2": [TWO]})
    assert flats_of(result) == {"H1": "2-1-901", "H2": "2-1-1001"}


def test_a_flat_key_wins_over_a_layout_of_the_same_name() -> None:
    """An item naming both a flat and a layout means the flat."""
    odd = flat(3, "70.00", "1-1-101")  # a layout spelt like a flat key
    inputs = make_input([household("H1", 2)], [flat(1, "70.00", TWO), odd])
    assert flats_of(serial_choice(inputs, {"H1": ["1-1-101"]})) == {"H1": "1-1-101"}


# --- a worked example of 摇号定房 -------------------------------------------

# Published flat list, stock order: 1 = 1-1-101, 2 = 1-1-201, 3 = 1-1-301, 4 = 1-1-401.
# The reserved 1-1-102 is not numbered, or it would be number 2.
LOTTERY_FLATS = (
    flat(1, "85.00", THREE),
    flat(1, "70.00", TWO, "102", status=FlatStatus.RESERVED),
    flat(2, "70.00", TWO),
    flat(3, "85.00", THREE),
    flat(4, "85.00", THREE),
)
LOTTERY_HOUSEHOLDS = (
    household("H1", 1, disabled=True),  # ≤ 80, floors 1–2: only 1-1-201
    household("H2", 2),  # ≤ 130: any flat
    household("H3", 1),  # ≤ 80: only 1-1-201
    household("H4", 2),
    household("H5", 2, disabled=True),  # floors 1–2
)
SOURCES = ["9319"]  # K = "9319./", so the flat draw's key is "9319./FLATS./"


def rfc3797_by_hand(key: str, size: int) -> list[int]:
    """RFC 3797 section 6 written out: MD5(C || K || C) mod remaining, pick, remove."""
    remaining, chosen = list(range(1, size + 1)), []
    for counter in range(size):
        c = counter.to_bytes(2, "big")
        value = int.from_bytes(hashlib.md5(c + key.encode("ascii") + c).digest(), "big")
        chosen.append(remaining.pop(value % len(remaining)))
    return chosen


def test_flat_draw_of_the_example_is_the_rfc_procedure() -> None:
    """Digests 27D9…, E24A…, B517…, 7716… give remainders 2, 1, 1, 0: flats 3, 2, 4, 1."""
    assert rfc3797_by_hand("9319./FLATS./", 4) == [3, 2, 4, 1]


def test_flat_draw_key_is_the_announced_sources_plus_one_text_source() -> None:
    """Anyone can rebuild the flat draw's key from the sources with the RFC's own rules."""
    sources = ["2 5 12 8 10", "9319"]
    assert flat_draw_key(key_string(sources)) == key_string([*sources, "FLATS"])


def test_lottery_assignment_worked_example() -> None:
    """Flats in drawn order 1-1-301, 1-1-201, 1-1-401, 1-1-101; households take them in order."""
    inputs = make_input(LOTTERY_HOUSEHOLDS, LOTTERY_FLATS)
    key = key_string(SOURCES)
    result = lottery_assignment(inputs, key=key)
    assert result.flat_draw == ("1-1-301", "1-1-201", "1-1-401", "1-1-101")
    assert [(a.code, a.flat_key, a.rank) for a in result.assignments] == [
        ("H1", "1-1-201", 2), ("H2", "1-1-301", 1), ("H4", "1-1-401", 3), ("H5", "1-1-101", 4)]
    assert result.unassigned == (Unassigned("H3", "no_eligible_flat_left"),)
    assert check(result, inputs, key=key) == []


def test_lottery_assignment_within_chosen_layouts() -> None:
    """A household draws only among flats of the layout it applied for."""
    inputs = make_input(LOTTERY_HOUSEHOLDS, LOTTERY_FLATS)
    layouts = {"H1": TWO, "H2": THREE, "H3": THREE, "H4": TWO}
    result = lottery_assignment(inputs, key=key_string(SOURCES), layouts=layouts)
    assert flats_of(result) == {"H1": "1-1-201", "H2": "1-1-301"}
    assert reasons_of(result) == {"H3": "no_eligible_flat", "H4": "no_eligible_flat_left",
                                  "H5": "no_layout_chosen"}
    assert check(result, inputs, key=key_string(SOURCES), layouts=layouts) == []


def test_lottery_with_no_available_flat_assigns_nothing() -> None:
    """An empty stock is no error: nobody had a candidate."""
    inputs = make_input([household("H1", 2)], [flat(1, "85.00", THREE, status="reserved")])
    result = lottery_assignment(inputs, key="1./")
    assert result.unassigned == (Unassigned("H1", "no_eligible_flat"),)


# --- order only ----------------------------------------------------------------


def test_order_only_is_the_calling_order_with_eligible_counts() -> None:
    """No flat is assigned; each place carries the number of flats eligible before anyone chose."""
    inputs = make_input(SERIAL_HOUSEHOLDS, SERIAL_FLATS, order=["H3", "H1", "H4"])
    result = order_only(inputs)
    assert result.order == ("H3", "H1", "H4")
    assert result.assignments == () and result.unassigned == ()
    calls = [(s.inputs["place"], s.inputs["code"], s.result) for s in result.steps]
    assert calls == [(1, "H3", 4), (2, "H1", 1), (3, "H4", 2)]
    assert check(result, inputs) == []


# --- validation ----------------------------------------------------------------


@pytest.mark.parametrize(("order", "error"), [
    (["H1", "H2", "H1"], "order_duplicate_code"),
    (["H1", "H9"], "order_unknown_household"),
])
def test_bad_orders_are_refused(order: list[str], error: str) -> None:
    with pytest.raises(ValidationError) as caught:
        make_input(SERIAL_HOUSEHOLDS, SERIAL_FLATS, order=order)
    assert caught.value.code == error


def test_two_flats_with_one_key_are_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        make_input(SERIAL_HOUSEHOLDS, [flat(1, "70.00", TWO), flat(1, "85.00", THREE)])
    assert caught.value.params == {"flat": "1-1-101"}


def test_preferences_and_layouts_of_households_outside_the_order_are_refused() -> None:
    inputs = make_input(SERIAL_HOUSEHOLDS, SERIAL_FLATS, order=["H1"])
    with pytest.raises(ValidationError, match="preferences_unknown_household"):
        serial_choice(inputs, {"H2": [TWO]})
    with pytest.raises(ValidationError, match="layouts_unknown_household"):
        lottery_assignment(inputs, key="1./", layouts={"H2": TWO})


def test_check_needs_the_mechanisms_own_inputs() -> None:
    inputs, result = serial_example()
    with pytest.raises(ValidationError, match="check_needs_preferences"):
        check(result, inputs)
    lottery = lottery_assignment(inputs, key="1./")
    with pytest.raises(ValidationError, match="check_needs_key"):
        check(lottery, inputs)


# --- the check finds corrupted results ----------------------------------------------


def corrupt(allocation: Allocation, assignments: Mapping[str, str] | None = None,
            unassigned: Mapping[str, str] | None = None, **changes: Any) -> Allocation:
    """The allocation with some households' flats or reasons replaced (``""`` drops one)."""
    given = {**flats_of(allocation), **(assignments or {})}
    reasons = {**reasons_of(allocation), **(unassigned or {})}
    return dataclasses.replace(
        allocation,
        assignments=tuple(Assignment(c, k, 1) for c, k in given.items() if k and c not in
                          (unassigned or {})),
        unassigned=tuple(Unassigned(c, r) for c, r in reasons.items() if r and c not in
                         (assignments or {})),
        **changes)


@pytest.mark.parametrize(("assignments", "unassigned", "expected"), [
    ({"H2": "1-1-101"}, None, {"flat_twice"}),
    ({"H4": "1-1-401", "H3": "1-1-201"}, {}, {"flat_outside_band"}),  # 110 m² for ≤ 80
    ({"H1": "1-1-301", "H2": "1-1-101"}, None, {"flat_restricted"}),  # floor 3, disabled
    ({"H4": "1-1-501"}, None, {"flat_not_available"}),
    ({"H4": "1-1-999"}, None, {"unknown_flat"}),
    ({"H2": "1-1-401", "H3": "1-1-301"}, None, {"order_violated"}),  # H2 could have had 301
    (None, {"H3": "preferences_exhausted"}, {"unassigned_but_free"}),
    (None, {"H5": "preferences_exhausted"}, {"unassigned_reason_wrong"}),
    (None, {"H4": ""}, {"household_missing"}),
    ({"H5": "1-1-201"}, None, {"assigned_without_option"}),
])
def test_check_finds_a_corrupted_serial_choice(
    assignments: dict[str, str] | None, unassigned: dict[str, str] | None, expected: set[str]
) -> None:
    """Each corruption is named by its own code (and the sound result has none)."""
    inputs, result = serial_example()
    found = codes(check(corrupt(result, assignments, unassigned), inputs,
                        preferences=SERIAL_PREFERENCES))
    assert expected <= found


def test_check_finds_a_household_twice_and_a_changed_order() -> None:
    inputs, result = serial_example()
    doubled = dataclasses.replace(
        result, assignments=(*result.assignments, Assignment("H1", "1-1-201", 1)),
        order=("H2", "H1", "H3", "H4", "H5"))
    found = codes(check(doubled, inputs, preferences=SERIAL_PREFERENCES))
    assert {"household_twice", "flat_outside_band", "order_changed"} <= found  # 85 > 80


def test_check_finds_a_lottery_result_not_following_the_draw() -> None:
    """Swapping two households' flats breaks the draw order even if both are eligible."""
    inputs = make_input(LOTTERY_HOUSEHOLDS, LOTTERY_FLATS)
    key = key_string(SOURCES)
    result = lottery_assignment(inputs, key=key)
    swapped = corrupt(result, {"H2": "1-1-401", "H4": "1-1-301"})
    assert codes(check(swapped, inputs, key=key)) == {"order_violated"}
    assert codes(check(result, inputs, key="2./")) == {"order_violated"}


def test_check_finds_an_assignment_in_an_order_only_result() -> None:
    inputs = make_input(SERIAL_HOUSEHOLDS, SERIAL_FLATS)
    bad = dataclasses.replace(order_only(inputs), assignments=(Assignment("H2", "1-1-201", 1),))
    assert codes(check(bad, inputs)) == {"order_only_assigned"}


# --- the demo project ----------------------------------------------------------------

DEMO_SOURCES = ["2 5 12 8 10", "9319", "9 18 26 34 41 45"]


@pytest.fixture(scope="module")
def demo() -> tuple[AllocationInput, str]:
    """The demo round under the demo policy, drawn from public sources; and the draw's key."""
    households, policy = demo_households(), demo_policy()
    entries = pool_entries(households, policy, DEMO_TODAY)
    run = draw(len(entries), DEMO_SOURCES)
    order = [e.code for e in final_order(entries, run.order)]
    by_code = {h.code: h for h in households}
    return prepare_input(order, by_code, demo_flats(), policy, DEMO_TODAY), run.key


DEMO_LAYOUTS = [THREE_LARGE, THREE, "2室2厅1卫", TWO, "1室1厅1卫"]  # every layout of the stock


def demo_preferences(inputs: AllocationInput) -> dict[str, list[str]]:
    """One named flat (the last eligible one in the list), then every layout, biggest first."""
    prefs = {}
    for code in inputs.order:
        eligible = eligible_flats(inputs.eligibility[code], allocatable(inputs.flats))
        prefs[code] = [eligible[-1].key, *DEMO_LAYOUTS] if eligible else DEMO_LAYOUTS
    return prefs


def test_every_mechanism_on_the_demo_passes_the_check(demo: tuple[AllocationInput, str]) -> None:
    """199 households, 220 flats: everyone is accounted for once, and the check finds nothing."""
    inputs, key = demo
    assert len(inputs.order) == 199 and len(allocatable(inputs.flats)) == 220
    prefs = demo_preferences(inputs)
    serial = serial_choice(inputs, prefs)
    lottery = lottery_assignment(inputs, key=key)
    assert check(order_only(inputs), inputs) == []
    assert check(serial, inputs, preferences=prefs) == []
    assert check(lottery, inputs, key=key) == []
    for result in (serial, lottery):
        assert sorted([*flats_of(result), *reasons_of(result)]) == sorted(inputs.order)
        assert len(set(flats_of(result).values())) == len(result.assignments) > 0


def test_on_the_demo_only_households_whose_flats_all_went_earlier_miss_out(
    demo: tuple[AllocationInput, str]
) -> None:
    """Listing every layout, a household ends without a flat only if households before it took
    every flat eligible for it."""
    inputs, _ = demo
    prefs = demo_preferences(inputs)
    result = serial_choice(inputs, prefs)
    taken_by: dict[str, int] = {k: inputs.order.index(c) for c, k in flats_of(result).items()}
    for code, reason in reasons_of(result).items():
        eligible = eligible_flats(inputs.eligibility[code], allocatable(inputs.flats))
        assert reason == "preferences_exhausted"
        assert all(taken_by[f.key] < inputs.order.index(code) for f in eligible)


def test_demo_lottery_is_reproducible_from_the_sources(demo: tuple[AllocationInput, str]) -> None:
    inputs, key = demo
    assert lottery_assignment(inputs, key=key) == lottery_assignment(
        inputs, key=key_string(DEMO_SOURCES))


# --- properties on random small projects ------------------------------------------------

LAYOUTS = (TWO, THREE, THREE_LARGE)
AREAS = ("45.00", "70.00", "80.00", "85.50", "110.00", "130.00", "180.00")


@st.composite
def projects(draw_: st.DrawFn) -> tuple[AllocationInput, dict[str, list[str]], str]:
    """Up to 8 households (some disabled, some signed), up to 10 flats, preferences, a key."""
    households = []
    for index in range(draw_(st.integers(1, 8))):
        signed = draw_(st.booleans())
        households.append(household(
            f"H{index + 1}", draw_(st.integers(1, 3)), disabled=draw_(st.booleans()),
            signed_on=date(2026, 7, 1) if signed else None, signing_seq=index if signed else None))
    flats = [flat(draw_(st.integers(1, 5)), draw_(st.sampled_from(AREAS)),
                  draw_(st.sampled_from(LAYOUTS)), f"{index + 1:02d}",
                  building=draw_(st.sampled_from(("1", "2", "10"))),
                  status=draw_(st.sampled_from([FlatStatus.AVAILABLE] * 4 + list(FlatStatus))))
             for index in range(draw_(st.integers(0, 10)))]
    order = draw_(st.permutations([h.code for h in households]))
    items = st.sampled_from([f.key for f in flats] + list(LAYOUTS) + ["9-9-999"])
    prefs = {c: draw_(st.lists(items, max_size=5)) for c in order if draw_(st.booleans())}
    key = key_string([str(draw_(st.integers(0, 10**6)))])
    return make_input(households, flats, order), prefs, key


def run_all(inputs: AllocationInput, prefs: dict[str, list[str]],
            key: str) -> list[tuple[Allocation, dict[str, Any]]]:
    return [(order_only(inputs), {}),
            (serial_choice(inputs, prefs), {"preferences": prefs}),
            (lottery_assignment(inputs, key=key), {"key": key})]


@settings(max_examples=200, deadline=None)
@given(projects())
def test_every_mechanism_passes_the_check(project: tuple[AllocationInput, Any, str]) -> None:
    """No flat twice, every flat available and eligible, the order respected."""
    inputs, prefs, key = project
    for result, kwargs in run_all(inputs, prefs, key):
        assert check(result, inputs, **kwargs) == []
        flat_keys = [a.flat_key for a in result.assignments]
        assert len(flat_keys) == len(set(flat_keys))
        assert set(flat_keys) <= {f.key for f in allocatable(inputs.flats)}


@settings(max_examples=100, deadline=None)
@given(projects())
def test_results_are_reproducible(project: tuple[AllocationInput, Any, str]) -> None:
    """The same inputs and key give the same allocation, trace included."""
    inputs, prefs, key = project
    assert run_all(inputs, prefs, key) == run_all(inputs, {**prefs}, key)


@settings(max_examples=100, deadline=None)
@given(projects())
def test_later_households_do_not_change_earlier_ones(
    project: tuple[AllocationInput, Any, str]
) -> None:
    """Dropping the last household of the order leaves everyone else's outcome unchanged."""
    inputs, prefs, key = project
    shorter = dataclasses.replace(inputs, order=inputs.order[:-1])
    short_prefs = {c: p for c, p in prefs.items() if c in shorter.order}
    for full, part in zip(run_all(inputs, prefs, key), run_all(shorter, short_prefs, key),
                          strict=True):
        last = inputs.order[-1]
        assert {c: k for c, k in flats_of(full[0]).items() if c != last} == flats_of(part[0])


@settings(max_examples=100, deadline=None)
@given(projects(), st.data())
def test_everyone_wanting_one_flat_gives_it_to_the_first_eligible(
    project: tuple[AllocationInput, Any, str], data: st.DataObject
) -> None:
    """Only the first household in order for whom the flat is eligible gets it; no one else does."""
    inputs, _, _ = project
    stock = allocatable(inputs.flats)
    if not stock:
        return
    wanted = data.draw(st.sampled_from(stock))
    result = serial_choice(inputs, {c: [wanted.key] for c in inputs.order})
    first = next((c for c in inputs.order if inputs.eligibility[c].allows(wanted)), None)
    assert flats_of(result) == ({} if first is None else {first: wanted.key})
    assert reasons_of(result) == {c: "preferences_exhausted" for c in inputs.order if c != first}


@settings(max_examples=100, deadline=None)
@given(projects())
def test_no_flat_is_wasted(project: tuple[AllocationInput, Any, str]) -> None:
    """An unassigned household has no eligible flat (of its preferences) that nobody took."""
    inputs, prefs, key = project
    stock = allocatable(inputs.flats)
    for result, _ in run_all(inputs, prefs, key)[1:]:
        left = [f for f in stock if f.key not in set(flats_of(result).values())]
        for code in reasons_of(result):
            wanted = [f for f in left if inputs.eligibility[code].allows(f)]
            if result.mechanism == "serial_choice":
                wanted = [f for f in wanted if {f.key, f.layout} & set(prefs.get(code, ()))]
            assert wanted == []
