"""The building picture: floors top down, a cell per flat, colours by status, clicks name it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from allocation.registry.model import FlatStatus
from desktop.registry.building_view import BuildingView, plan_building, position_of
from desktop.registry.flats_model import STATUS_COLOURS
from tests.desktop.flats_fixtures import small_building, stored


@pytest.fixture
def view(qtbot) -> BuildingView:
    widget = BuildingView()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.set_flats(small_building())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_plan_puts_the_top_floor_first_and_units_side_by_side() -> None:
    plan = plan_building(small_building())
    assert plan.floors == [3, 2, 1]
    assert plan.columns == [("1", "01"), ("1", "02"), ("2", "01")]
    assert plan.unit_spans() == [("1", 0, 2), ("2", 2, 1)]
    by_number = {(s.flat.unit, s.flat.number): s.id for s in small_building()}
    assert plan.cells[by_number[("1", "301")]] == (0, 0)
    assert plan.cells[by_number[("1", "102")]] == (2, 1)
    assert plan.cells[by_number[("2", "101")]] == (2, 2)
    assert len(plan.cells) == 9


def test_plan_leaves_missing_flats_and_floors_empty() -> None:
    """A gap in the numbering stays an empty slot; a floor with no flats still gets its row."""
    flats = [stored(1, floor=1, number="101"), stored(2, floor=1, number="102"),
             stored(3, floor=3, number="301")]
    plan = plan_building(flats)
    assert plan.floors == [3, 2, 1]
    assert plan.columns == [("1", "01"), ("1", "02")]
    assert plan.flat_in(0, 1) is None and plan.flat_in(1, 0) is None
    assert plan.flat_in(0, 0).id == 3


@pytest.mark.parametrize(("number", "floor", "position"), [
    ("301", 3, "01"), ("1102", 11, "02"), ("102", 11, "102"), ("A", 1, "A"), ("3", 3, "3"),
])
def test_position_within_a_floor(number: str, floor: int, position: str) -> None:
    assert position_of(number, floor) == position


def test_view_lists_buildings_and_counts_by_status(qtbot) -> None:
    view = BuildingView()
    qtbot.addWidget(view)
    flats = small_building() + [stored(20, building="10", number="101", floor=1),
                                stored(21, building="2", number="101", floor=1)]
    view.set_flats(flats)
    assert view.buildings() == ["1", "2", "10"]
    assert view.building_combo.currentText() == "Building 1"
    counts = {status: chip.count for status, chip in view.chips.items()}
    assert counts == {FlatStatus.AVAILABLE: 6, FlatStatus.RESERVED: 1,
                      FlatStatus.SELECTED: 1, FlatStatus.UNAVAILABLE: 1}
    view.set_building("10")
    assert view.chips[FlatStatus.AVAILABLE].count == 1
    assert len(view.grid.plan().cells) == 1


def test_cells_are_painted_in_their_status_colour(view: BuildingView) -> None:
    image = view.grid.grab().toImage()
    for flat in small_building():
        rect = view.grid.cell_rect(flat.id)
        assert rect.width() >= 100 and rect.height() >= 50, "cells must fit three lines of text"
        # Inside the left padding, away from any text.
        colour = QColor(image.pixel(rect.left() + 3, rect.center().y()))
        assert colour == STATUS_COLOURS[flat.flat.status].background, flat.flat.key


def test_higher_floors_are_drawn_higher(view: BuildingView) -> None:
    flats = {s.flat.number: s.id for s in small_building() if s.flat.unit == "1"}
    assert view.grid.cell_rect(flats["301"]).top() < view.grid.cell_rect(flats["101"]).top()
    assert view.grid.cell_rect(flats["101"]).left() < view.grid.cell_rect(flats["102"]).left()


def test_click_emits_the_flat_id(view: BuildingView, qtbot) -> None:
    target = next(s for s in small_building() if s.flat.key == "1-1-202")
    with qtbot.waitSignal(view.flatActivated) as signal:
        qtbot.mouseClick(view.grid, Qt.MouseButton.LeftButton,
                         pos=view.grid.cell_rect(target.id).center())
    assert signal.args == [target.id]
    assert view.current_flat_id() == target.id


def test_double_click_asks_to_edit(view: BuildingView, qtbot) -> None:
    target = small_building()[4]
    with qtbot.waitSignal(view.editRequested) as signal:
        qtbot.mouseDClick(view.grid, Qt.MouseButton.LeftButton,
                          pos=view.grid.cell_rect(target.id).center())
    assert signal.args == [target.id]


def test_click_on_an_empty_slot_does_nothing(view: BuildingView, qtbot) -> None:
    with qtbot.assertNotEmitted(view.flatActivated):
        qtbot.mouseClick(view.grid, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert view.current_flat_id() is None


def test_arrow_keys_move_between_flats_and_enter_edits(view: BuildingView, qtbot) -> None:
    ids = {s.flat.key: s.id for s in small_building()}
    view.select_flat(ids["1-1-201"])
    view.grid.setFocus()
    with qtbot.waitSignal(view.flatActivated) as up:
        qtbot.keyClick(view.grid, Qt.Key.Key_Up)
    assert up.args == [ids["1-1-301"]]
    qtbot.keyClick(view.grid, Qt.Key.Key_Right)
    qtbot.keyClick(view.grid, Qt.Key.Key_Right)
    assert view.current_flat_id() == ids["1-2-301"]
    with qtbot.waitSignal(view.editRequested) as edit:
        qtbot.keyClick(view.grid, Qt.Key.Key_Return)
    assert edit.args == [ids["1-2-301"]]


def test_select_flat_switches_building(qtbot) -> None:
    view = BuildingView()
    qtbot.addWidget(view)
    other = stored(30, building="2", number="501", floor=5)
    view.set_flats([*small_building(), other])
    view.select_flat(other.id)
    assert view.current_building() == "2" and view.current_flat_id() == other.id


def test_filtered_out_flats_are_faded(view: BuildingView) -> None:
    flats = small_building()
    keep = {flats[0].id}
    view.set_shown(keep)
    image = view.grid.grab().toImage()
    faded = flats[1]
    rect = view.grid.cell_rect(faded.id)
    colour = QColor(image.pixel(rect.left() + 3, rect.center().y()))
    assert view.grid.is_dimmed(faded.id) and not view.grid.is_dimmed(flats[0].id)
    assert colour != STATUS_COLOURS[faded.flat.status].background


def test_tall_building_fits_in_a_scroll_area(qtbot) -> None:
    """33 floors × 8 flats: the grid keeps readable cells and scrolls instead of shrinking."""
    flats = [stored(f * 10 + p, floor=f, unit=str(1 + (p > 4)), number=f"{f}{p:02d}",
                    area=Decimal("90.00"))
             for f in range(1, 34) for p in range(1, 9)]
    view = BuildingView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.set_flats(flats)
    plan = view.grid.plan()
    assert len(plan.floors) == 33 and len(plan.columns) == 8
    assert view.grid.height() > 33 * 50
    assert view.grid.cell_rect(flats[0].id).width() >= 100


def test_an_empty_project_says_so(qtbot) -> None:
    view = BuildingView()
    qtbot.addWidget(view)
    view.set_flats([])
    view.show()
    assert view.empty_label.isVisible() and view.buildings() == []
