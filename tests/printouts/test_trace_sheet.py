"""分户明细 read back: each household's decisions and every step of its trace, on its own page."""

from __future__ import annotations

import pytest

from allocation.demo.register import DEMO_TODAY
from allocation.money import yuan_in_capitals
from allocation.rules.entitlement import compute_entitlement
from allocation.rules.explain import explain_household
from allocation.rules.pricing import settle
from allocation.rules.priority import assign_group
from printouts import DOCUMENTS
from printouts.papers.trace_sheet import TraceSheet, TraceSheetData, category, step_text, summarise
from tests.printouts.notice_inputs import policy
from tests.printouts.readback import (
    area_text,
    id_number_in,
    make_info,
    render,
    sections,
    squeeze,
)
from tests.printouts.selection_inputs import assignments, households, order_numbers

SHOWN = 4


def sheet(index: int, *, chosen: bool = True) -> TraceSheetData:
    household = households()[index]
    flats = assignments()[household.code] if chosen else ()
    trace = explain_household(household, policy(), DEMO_TODAY, flats or None)
    order = order_numbers()[household.code] if chosen else None
    return TraceSheetData(household=household, trace=trace, order_number=order,
                          lottery_rank=index + 10 if chosen else None, flats=flats)  # fmt: skip


@pytest.fixture(scope="module")
def sheets() -> list[TraceSheetData]:
    return [sheet(n) for n in range(SHOWN - 1)] + [sheet(SHOWN - 1, chosen=False)]


@pytest.fixture(scope="module")
def texts(sheets) -> list[str]:
    # render() checks the font has every character: ✗ of the trace text is printed as ✘.
    return [squeeze("".join(p)) for p in sections(render(TraceSheet(make_info(), sheets)))]


def test_registered_and_not_public():
    assert DOCUMENTS["traces"] is TraceSheet
    assert not TraceSheet.public


def test_one_section_per_household_each_on_one_page(texts, sheets):
    assert len(texts) == len(sheets)
    assert all("第1页/共1页" in text for text in texts)


def test_every_step_of_the_trace_is_a_numbered_row_with_its_category(texts, sheets):
    for text, data in zip(texts, sheets, strict=True):
        for number, step in enumerate(data.trace.steps, start=1):
            row = f"{number}{category(step.rule)}{squeeze(step_text(data.trace, step))}"
            assert row in text, row


def test_summary_states_the_decisions_allocation_made(texts, sheets):
    """Entitlement, group, order number, price and settlement as allocation computes them."""
    for text, data in zip(texts, sheets, strict=True):
        h = data.household
        entitlement = compute_entitlement(h, policy(), DEMO_TODAY).area
        group = assign_group(h, policy(), DEMO_TODAY)
        assert f"户主{h.head_name}" in text
        assert f"安置面积{area_text(entitlement)}㎡" in text
        assert f"优先组第{group.rank + 1}组“{group.name}”" in text
        if data.flats:
            assert f"选房顺序号第{data.order_number}号" in text
            assert f"摇号位次为第{data.lottery_rank}位" in text
            assert "所选房源" + "、".join(f.key for f in data.flats) in text
        else:
            assert "选房顺序号摇号后确定" in text and "所选房源尚未选房" in text


def test_settlement_in_capitals_when_flats_are_chosen(texts, sheets):
    for text, data in zip(texts, sheets[:-1], strict=False):
        decided = summarise(data.trace)
        assert decided.price is not None and decided.compensation is not None
        balance = settle(decided.compensation, decided.price)
        assert decided.settlement == balance.balance
        assert yuan_in_capitals(abs(balance.balance)) in text


def test_full_name_but_no_id_number_phone_or_address(texts, sheets):
    """A paper for the household: its head by name, nothing it does not need."""
    for text, data in zip(texts, sheets, strict=True):
        assert data.household.head_name in text
        assert not id_number_in(text)
        assert data.household.phone not in text
        assert squeeze(data.household.address) not in text


def test_every_rule_a_trace_can_hold_has_a_chinese_category():
    """A rule without a category would print its English name on a Chinese paper."""
    from allocation.rules.explain import _STEPS  # every rule the trace text can word

    for rule in _STEPS:
        label = category(rule)
        assert label != rule and all(not ch.isascii() for ch in label), rule
    assert category("reference_date.day") == "计算基准日"
