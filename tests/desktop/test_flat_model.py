"""The flats table model without any window: cell text, exact values, sorting and filtering."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from allocation.registry.model import FlatStatus
from desktop.registry.flats_model import (
    STATUS_COLOURS,
    STATUS_ROLE,
    Column,
    FlatFilter,
    FlatTableModel,
    natural_key,
)
from tests.desktop.flats_fixtures import stored

DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole


def cell(model: FlatTableModel, row: int, column: Column, role: int = DISPLAY) -> object:
    return model.data(model.index(row, column), role)


def column_text(model: FlatTableModel, column: Column) -> list[object]:
    return [cell(model, row, column) for row in range(model.rowCount())]


@pytest.fixture
def model(qapp: object) -> FlatTableModel:
    flats = FlatTableModel()
    flats.set_rows([
        stored(1, building="2", unit="1", floor=3, number="301", area=Decimal("85.55"),
               base_price=Decimal("4123.45"), layout="3室2厅1卫", orientation="南北"),
        stored(2, building="10", unit="1", floor=1, number="101", area=Decimal("1234.50"),
               base_price=Decimal("6000.00"), layout="2室1厅1卫", orientation="东",
               status=FlatStatus.RESERVED),
        stored(3, building="2", unit="2", floor=12, number="1202", area=Decimal("60.10"),
               base_price=Decimal("3999.99"), layout="2室1厅1卫", orientation="南",
               status=FlatStatus.SELECTED),
    ])
    return flats


def test_cells_show_formatted_values(model: FlatTableModel) -> None:
    """Areas and prices have two decimals and thousands separators; status is translated text."""
    assert model.rowCount() == 3 and model.columnCount() == len(Column)
    row = model.row_of(2)
    assert row is not None
    assert cell(model, row, Column.AREA) == "1,234.50"
    assert cell(model, row, Column.BASE_PRICE) == "6,000.00"
    assert cell(model, row, Column.TOTAL) == "7,407,000.00"
    assert cell(model, row, Column.STATUS) == "Reserved"
    assert cell(model, row, Column.NUMBER) == "101"
    assert model.headerData(Column.AREA, Qt.Orientation.Horizontal) == "Area (m²)"


def test_total_price_is_an_exact_decimal_rounded_half_up(model: FlatTableModel) -> None:
    """85.55 m² × 4,123.45 yuan = 352,761.1475, which rounds half up to 352,761.15 (no float)."""
    row = model.row_of(1)
    total = cell(model, row, Column.TOTAL, EDIT)
    assert isinstance(total, Decimal)
    assert total == Decimal("352761.15")
    assert cell(model, row, Column.TOTAL) == "352,761.15"
    assert cell(model, row, Column.AREA, EDIT) == Decimal("85.55")


def test_numbers_are_right_aligned_and_text_left(model: FlatTableModel) -> None:
    align = Qt.ItemDataRole.TextAlignmentRole
    for column in (Column.AREA, Column.BASE_PRICE, Column.TOTAL, Column.FLOOR):
        assert cell(model, 0, column, align) & Qt.AlignmentFlag.AlignRight
    assert cell(model, 0, Column.LAYOUT, align) & Qt.AlignmentFlag.AlignLeft


def test_status_cells_carry_their_colours(model: FlatTableModel) -> None:
    row = model.row_of(3)
    background = cell(model, row, Column.STATUS, Qt.ItemDataRole.BackgroundRole)
    assert background.color() == STATUS_COLOURS[FlatStatus.SELECTED].background
    assert cell(model, row, Column.STATUS, Qt.ItemDataRole.FontRole).strikeOut()
    assert cell(model, row, Column.STATUS, STATUS_ROLE) == "selected"
    assert cell(model, row, Column.AREA, Qt.ItemDataRole.BackgroundRole) is None


def test_default_order_is_building_unit_floor_number_naturally(model: FlatTableModel) -> None:
    """Building "10" comes after "2": digits compare as numbers."""
    assert [model.flat_at(r).id for r in range(3)] == [1, 3, 2]


@pytest.mark.parametrize(("column", "order", "expected"), [
    (Column.AREA, Qt.SortOrder.AscendingOrder, [3, 1, 2]),
    (Column.AREA, Qt.SortOrder.DescendingOrder, [2, 1, 3]),
    (Column.TOTAL, Qt.SortOrder.AscendingOrder, [3, 1, 2]),
    (Column.FLOOR, Qt.SortOrder.DescendingOrder, [3, 1, 2]),
    (Column.STATUS, Qt.SortOrder.AscendingOrder, [1, 2, 3]),
    (Column.BUILDING, Qt.SortOrder.DescendingOrder, [2, 3, 1]),
])
def test_sorting(model: FlatTableModel, column: Column, order: Qt.SortOrder,
                 expected: list[int]) -> None:
    model.sort(column, order)
    assert [model.flat_at(r).id for r in range(model.rowCount())] == expected


def test_sorting_survives_new_rows(model: FlatTableModel) -> None:
    model.sort(Column.AREA, Qt.SortOrder.DescendingOrder)
    model.set_rows([stored(7, number="701", floor=7, area=Decimal("3000.00")),
                    *model.all_flats()])
    assert model.flat_at(0).id == 7


@pytest.mark.parametrize(("flat_filter", "expected"), [
    (FlatFilter(), {1, 2, 3}),
    (FlatFilter(text="1202"), {3}),
    (FlatFilter(text="2室1厅"), {2, 3}),
    (FlatFilter(text="2室1厅 东"), {2}),
    (FlatFilter(text="南"), {1, 3}),
    (FlatFilter(text="2-1-301"), {1}),
    (FlatFilter(building="2"), {1, 3}),
    (FlatFilter(layout="2室1厅1卫"), {2, 3}),
    (FlatFilter(status=FlatStatus.RESERVED), {2}),
    (FlatFilter(text="reserved"), {2}),
    (FlatFilter(building="2", layout="2室1厅1卫"), {3}),
    (FlatFilter(text="nothing like this"), set()),
])
def test_filtering(model: FlatTableModel, flat_filter: FlatFilter, expected: set[int]) -> None:
    model.set_filter(flat_filter)
    assert {s.id for s in model.shown_flats()} == expected
    assert model.rowCount() == len(expected)
    assert model.total_count() == 3


def test_filter_and_sort_combine(model: FlatTableModel) -> None:
    model.set_filter(FlatFilter(layout="2室1厅1卫"))
    model.sort(Column.AREA, Qt.SortOrder.DescendingOrder)
    assert [model.flat_at(r).id for r in range(model.rowCount())] == [2, 3]
    assert model.row_of(1) is None


def test_filter_choices_come_from_all_rows(model: FlatTableModel) -> None:
    model.set_filter(FlatFilter(building="10"))
    assert model.buildings() == ["2", "10"]
    assert model.layouts() == ["2室1厅1卫", "3室2厅1卫"]


def test_natural_key_orders_mixed_names() -> None:
    names = ["10号楼", "2号楼", "A座", "1号楼"]
    assert sorted(names, key=natural_key) == ["1号楼", "2号楼", "10号楼", "A座"]


def test_sort_keeps_selection_on_the_same_flat(model: FlatTableModel, qtbot: object) -> None:
    """Persistent indexes (what a view's selection holds) follow their flat when rows move."""
    from PySide6.QtCore import QPersistentModelIndex

    held = QPersistentModelIndex(model.index(model.row_of(2), Column.NUMBER))
    model.sort(Column.AREA, Qt.SortOrder.DescendingOrder)
    assert held.row() == 0 and model.flat_at(held.row()).id == 2
