"""A demo session for the desk and display tests, and what they read, tested without windows.

The demo project (199 households, 220 flats, frozen rules) is built once,
drawn with the demo's sources and its selection session opened; each test
gets a copy of that database file. The fixtures are imported by
test_desk.py and test_display.py.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import db.lottery.draws as draws
import db.selection.desk as selection
from allocation.registry.ids import make_id, mask_name
from db.demo.project import DEMO_NAME, create_demo_project
from db.registry.operations import find_project
from db.selection.view import desk_view, display_view
from db.store.engine import make_engine, make_session_factory
from desktop.cli.demo import DEMO_SOURCES, DEMO_WITNESSES
from desktop.common.context import AppContext
from desktop.common.operations import wait_for_idle
from desktop.i18n import remove_translations
from desktop.session.desk_models import OfferColumn, OffersModel, TurnColumn, TurnsModel

HELD_ON = date(2026, 11, 1)
PROXY_ID = make_id("420106", date(1980, 5, 17), 12, "F")


@pytest.fixture(scope="session")
def session_template(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project drawn, with its selection session open and nobody called yet."""
    path = tmp_path_factory.mktemp("desk-template") / "demo.sqlite3"
    shutil.copy(migrated_template, path)
    engine = make_engine(f"sqlite:///{path}")
    factory = make_session_factory(engine)
    with factory.begin() as s:
        project_id = create_demo_project(s, actor="tester")
    with factory.begin() as s:
        draws.publish_pool(s, project_id=project_id, actor="tester", on=HELD_ON)
        draws.announce_and_draw(s, project_id=project_id, sources=DEMO_SOURCES,
                                witnesses=DEMO_WITNESSES, actor="tester")
    with factory.begin() as s:
        selection.open_session(s, project_id=project_id, operator="tester", held_on=HELD_ON)
    engine.dispose()
    return path


@pytest.fixture
def demo_ctx(qapp: QApplication, session_template: Path, tmp_path: Path) -> Iterator[AppContext]:
    """An AppContext on a fresh copy of the demo session, the demo project current."""
    path = tmp_path / "demo.sqlite3"
    shutil.copy(session_template, path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    factory = make_session_factory(engine)
    with factory() as s:
        project_id = find_project(s, DEMO_NAME)
    context = AppContext(factory=factory, url=url, actor="tester", project_id=project_id,
                         project_name=DEMO_NAME)
    yield context
    wait_for_idle()
    QApplication.processEvents()
    remove_translations(qapp)
    engine.dispose()


def read(ctx: AppContext, fn):  # type: ignore[no-untyped-def]
    with ctx.factory() as s:
        return fn(s)


def act(ctx: AppContext, fn):  # type: ignore[no-untyped-def]
    with ctx.factory.begin() as s:
        return fn(s)


# --- what the desk and display read ---------------------------------------------------------


def test_desk_view_of_a_called_household_offers_what_it_may_take(demo_ctx):
    """The desk's read: the household called, its offers (all eligible, priced), every turn."""
    pid = demo_ctx.project_id
    before = read(demo_ctx, lambda s: desk_view(s, pid))
    assert before.state is not None and before.state.at_desk is None and before.offers == ()
    turn = act(demo_ctx, lambda s: selection.call_next(s, project_id=pid, operator="op"))
    view = read(demo_ctx, lambda s: desk_view(s, pid))
    assert view.state.at_desk.turn.code == turn.code
    assert [o.flat.key for o in view.offers] == [
        o.flat.key for o in read(demo_ctx, lambda s: selection.offers(s, pid, turn.code))]
    band = view.state.at_desk.band
    assert view.offers and all(band.low <= o.flat.area <= band.high for o in view.offers)
    assert len(view.turns) == 199 and len(view.flats) == 220
    assert view.head_names[turn.code] == view.state.at_desk.household.head_name
    assert view.selections == {}


def test_display_view_names_the_latest_choice_masked(demo_ctx):
    pid = demo_ctx.project_id
    assert read(demo_ctx, lambda s: display_view(s, pid)).last_choice is None
    turn = act(demo_ctx, lambda s: selection.call_next(s, project_id=pid, operator="op"))
    key = read(demo_ctx, lambda s: selection.offers(s, pid, turn.code))[0].flat.key
    act(demo_ctx, lambda s: selection.select_flat(s, project_id=pid, code=turn.code,
                                                  flat_key=key, operator="op"))
    view = read(demo_ctx, lambda s: display_view(s, pid))
    head = read(demo_ctx, lambda s: desk_view(s, pid)).head_names[turn.code]
    assert view.last_choice is not None
    assert (view.last_choice.order_no, view.last_choice.flat_key) == (turn.order_no, key)
    assert view.last_choice.masked_name == mask_name(head) != head
    assert key in view.state.taken_flats


def test_offers_model_shows_price_and_settlement_before_commit(demo_ctx):
    """Each offer's area difference, price and settlement, as the operator reads them."""
    pid = demo_ctx.project_id
    turn = act(demo_ctx, lambda s: selection.call_next(s, project_id=pid, operator="op"))
    offers = read(demo_ctx, lambda s: selection.offers(s, pid, turn.code))
    model = OffersModel()
    model.set_rows(offers)
    assert model.rowCount() == len(offers)
    first = offers[0]

    def cell(column: OfferColumn) -> str:
        return model.data(model.index(0, column))

    assert cell(OfferColumn.FLAT) == first.flat.key
    assert cell(OfferColumn.PRICE) == f"{first.price.total:,.2f}"
    assert cell(OfferColumn.SETTLEMENT) == f"{first.settlement:+,.2f}"
    assert cell(OfferColumn.DIFFERENCE) == f"{first.price.area - first.price.entitlement:+,.2f}"
    assert model.row_of(offers[-1].flat.key) == len(offers) - 1
    assert model.row_of("nope") is None


def test_turns_model_lists_states_and_chosen_flats(demo_ctx):
    pid = demo_ctx.project_id
    turn = act(demo_ctx, lambda s: selection.call_next(s, project_id=pid, operator="op"))
    view = read(demo_ctx, lambda s: desk_view(s, pid))
    model = TurnsModel()
    model.set_rows(view.turns, view.head_names, view.selections)
    row = model.row_of(turn.code)
    assert row == 0
    assert model.data(model.index(row, TurnColumn.STATE)) == "at the desk"
    assert model.data(model.index(row, TurnColumn.CALLS)) == "1"
    assert model.data(model.index(1, TurnColumn.STATE)) == "waiting"
    assert model.data(model.index(row, TurnColumn.ORDER),
                      Qt.ItemDataRole.TextAlignmentRole) is not None
