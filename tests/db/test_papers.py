"""db.papers on a real database: which confirmed selections the papers print, priced again
under the policy each was confirmed with, and which are left out, and why."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

import db.registry.operations as registry
import db.selection.desk as selection
from allocation.errors import NotFoundError
from db import papers
from tests.db.test_selection import ON, build_drawn_project

LATER = date(2027, 1, 10)


@pytest.fixture
def confirmed(factory):
    """A drawn project of 12 households whose first in order has chosen its first offer."""
    with factory.begin() as s:
        project_id = build_drawn_project(s)
        selection.open_session(s, project_id=project_id, operator="op", held_on=ON)
        turn = selection.call_next(s, project_id=project_id, operator="op")
        assert turn is not None
        key = selection.offers(s, project_id, turn.code)[0].flat.key
        picked = selection.select_flat(s, project_id=project_id, code=turn.code, flat_key=key,
                                       operator="op")
    return project_id, turn, picked


def test_a_confirmed_household_is_priced_then_left_out_once_its_data_changed(
        factory, confirmed):
    """Worked example: the first household in order confirmed a flat at the desk on 1 Nov
    2026; its papers are priced again under the frozen policy on that date and match what
    it signed. Then 40 m² are added to its legal area: its entitlement (and price) would
    now differ from the slip it signed, so it is left out as ``price_changed``, with the
    confirmed and today's figures."""
    project_id, turn, picked = confirmed
    with factory() as s:
        batch = papers.session_papers(s, project_id, "agreements")
    assert batch.held_on == ON
    assert [c.household.code for c in batch.chosen] == [turn.code]
    assert len(batch.skipped) == 11
    assert {s.reason for s in batch.skipped} == {papers.NOT_CHOSEN}
    chosen = batch.chosen[0]
    assert chosen.selection.id == picked.id and chosen.turn is not None
    assert chosen.turn.order_no == 1 and chosen.flats[0].key == picked.flat_key
    priced = papers.reprice(batch, chosen)
    assert not isinstance(priced, papers.Skipped)
    assert priced[1].total == picked.price_total
    assert priced[1].entitlement == picked.entitlement

    with factory.begin() as s:
        stored = registry.find_household(s, project_id, turn.code)
        bigger = replace(stored.household,
                         legal_area=stored.household.legal_area + Decimal(40))
        registry.update_household(s, household_id=stored.id, household=bigger, actor="op")
    with factory() as s:
        batch = papers.session_papers(s, project_id, "agreements", turn.code)
    assert [c.household.legal_area for c in batch.chosen] == [bigger.legal_area]
    left_out = papers.reprice(batch, batch.chosen[0])
    assert isinstance(left_out, papers.Skipped)
    assert (left_out.code, left_out.reason) == (turn.code, papers.PRICE_CHANGED)
    before, after = left_out.detail.split(" → ")
    assert before == f"{picked.entitlement} m² / {picked.price_total}"
    assert after != before


def test_the_papers_numbers_and_the_drawn_order(factory, confirmed):
    project_id, turn, picked = confirmed
    assert papers.agreement_number(project_id, ON, turn.code) == (
        f"AZ{project_id:03d}-2026-{turn.code}")
    assert papers.slip_number(project_id, ON, picked) == (
        f"QR{project_id:03d}-2026-{picked.id:05d}")
    with factory() as s:
        order = papers.drawn_order(s, project_id)
        turns = selection.session_turns(s, project_id)
        assert papers.judged_on(s, project_id, LATER) == ON  # the session's date wins
        flats = papers.active_selections(s, project_id)
    assert order.numbers == {t.code: t.order_no for t in turns}
    assert sorted(order.ranks.values()) == list(range(1, 13))
    assert flats == {turn.code: (flats[turn.code][0],)}
    assert flats[turn.code][0].key == picked.flat_key


def test_papers_need_a_session_and_a_chosen_household(factory, project_id):
    with factory() as s:
        with pytest.raises(NotFoundError) as none:
            papers.session_papers(s, project_id, "slips")
        assert papers.judged_on(s, project_id, LATER) == LATER
        assert papers.drawn_order(s, project_id) == papers.DrawnOrder({}, {})
    assert none.value.code == "no_selection_session"
    assert none.value.params == {"project": "测试项目", "kind": "slips"}


def test_one_household_that_has_not_chosen_is_refused(factory, confirmed):
    project_id, turn, _ = confirmed
    with factory() as s:
        other = next(t.code for t in selection.session_turns(s, project_id)
                     if t.code != turn.code)
        with pytest.raises(NotFoundError) as refused:
            papers.session_papers(s, project_id, "slips", other)
        assert refused.value.code == "household_has_no_selection"
        with pytest.raises(NotFoundError) as unknown:
            papers.session_papers(s, project_id, "slips", "NOPE")
        assert unknown.value.code == "household_not_found"
