"""db.selection.draw_chances: the chances fed from the stored draw, rules and flats."""

from __future__ import annotations

import hashlib

import pytest

import db.lottery.draws as draws
import db.selection as selection
import db.selection.desk as desk
from allocation.errors import NotFoundError
from allocation.registry import FlatStatus
from db.registry import load_flats
from tests.db.test_selection import ON, _open, build_drawn_project


def test_chances_of_a_stored_draw(factory) -> None:
    """12 demo households drawn. The seed is SHA-256 of the record's hash + "chances". The
    first household has nobody ahead: for each layout it may take, guaranteed = flats, and
    one is always left (chance 1). Everyone's figures are in the drawn order, places 1..12.
    After the first household takes a flat at the desk, the figures are the same: they are
    the estimate made from the stock before the session, which still counts that flat (what
    is left now is the desk's to say). Revoked, it is available again: still the same."""
    with factory.begin() as s:
        project_id = build_drawn_project(s)
    with factory() as s:
        draw = draws.counting_draw(s, project_id)
        assert draw is not None and draw.record_sha256 is not None
        result = selection.draw_chances(s, project_id, replays=50, on=ON)
    assert result.seed == hashlib.sha256(
        (draw.record_sha256 + "chances").encode("ascii")).hexdigest()
    assert [h.code for h in result.households] == draw.final_order
    assert [h.place for h in result.households] == list(range(1, 13))
    first = result.households[0]
    assert first.layouts
    assert all(lc.ahead == 0 and lc.guaranteed == lc.flats and lc.left == 50
               for lc in first.layouts)

    _open(factory, project_id)
    code = draw.final_order[0]
    with factory.begin() as s:
        desk.call_next(s, project_id=project_id, operator="op")
        key = desk.offers(s, project_id, code)[0].flat.key
        desk.select_flat(s, project_id=project_id, code=code, flat_key=key, operator="op")
    with factory() as s:
        taken = [f.flat for f in load_flats(s, project_id) if f.flat.key == key][0]
        assert taken.status is FlatStatus.SELECTED
        before = selection.stock_before_session(s, project_id)
        after = selection.draw_chances(s, project_id, replays=50, on=ON)
    assert [f.status for f in before if f.key == key] == [FlatStatus.AVAILABLE]
    assert after == result


def test_no_draw_no_chances(factory, project_id) -> None:
    with factory() as s, pytest.raises(NotFoundError) as raised:
        selection.draw_chances(s, project_id)
    assert raised.value.code == "draw_not_found"
