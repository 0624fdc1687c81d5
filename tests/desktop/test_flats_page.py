"""The Flats page on a real SQLite database: add, edit, delete through the dialog; undo, redo."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import update

from allocation.registry.model import FlatStatus
from db.records import FlatRecord
from db.registry.importing import import_flats
from db.registry.operations import load_flats, update_flat
from desktop import common as settings
from desktop.common.context import AppContext
from desktop.registry.flat_dialog import FlatDialog, parse_amount
from desktop.registry.flats_model import Column
from desktop.registry.flats_page import BUILDING_TAB, FlatsPage
from tests.desktop import flats_fixtures
from tests.desktop.conftest import settle
from tests.desktop.flats_fixtures import db_flats
from tests.factories import make_flat

ctx = flats_fixtures.ctx


def register(context: AppContext, *flats) -> None:
    with context.factory.begin() as session:
        import_flats(session, project_id=context.project_id, flats=list(flats), actor="tester")


@pytest.fixture
def page(ctx: AppContext, qtbot) -> FlatsPage:
    widget = FlatsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    with qtbot.waitSignal(widget.loaded):
        widget.set_project()
    return widget


def reload(page: FlatsPage, qtbot) -> None:
    with qtbot.waitSignal(page.loaded):
        page.reload()


def fill(dialog: FlatDialog, **values: str) -> None:
    """Type into the dialog: setText, because keyClicks aborts on Chinese (see STACK.md §3)."""
    for name, text in values.items():
        if name == "floor":
            dialog.floor.setValue(int(text))
        elif name == "orientation":
            dialog.orientation.setCurrentText(text)
        else:
            dialog._edit(name).setText(text)


GOOD = {"building": "3", "unit": "2", "floor": "5", "number": "502", "area": "89.45",
        "layout": "3室2厅1卫", "orientation": "南北", "base_price": "4,200.50"}


def test_page_shows_the_project_flats(ctx: AppContext, page: FlatsPage, qtbot) -> None:
    register(ctx, make_flat(number="301"), make_flat(number="302"),
             make_flat(building="2", number="101", floor=1))
    reload(page, qtbot)
    assert page.model.rowCount() == 3
    assert page.count_label.text() == "3 of 3 flats"
    assert page.building_view.buildings() == ["1", "2"]


def test_add_flat_through_the_dialog(ctx: AppContext, page: FlatsPage, qtbot) -> None:
    dialog = page.add_flat()
    assert dialog is not None and not dialog.ok_button.isEnabled()
    fill(dialog, **GOOD)
    assert dialog.ok_button.isEnabled(), dialog.problems
    assert dialog.total.text() == "375,734.73 yuan"  # 89.45 × 4,200.50 = 375,734.725, half up
    with qtbot.waitSignal(page.loaded):
        dialog.ok_button.click()
    [flat] = db_flats(ctx)
    assert flat == make_flat(building="3", unit="2", floor=5, number="502",
                             area=Decimal("89.45"), layout="3室2厅1卫", orientation="南北",
                             base_price=Decimal("4200.50"))
    assert page.model.rowCount() == 1
    assert page.selected_ids() == [dialog.saved_id]


def test_add_is_undone_and_redone(ctx: AppContext, page: FlatsPage, qtbot) -> None:
    dialog = page.add_flat()
    fill(dialog, **GOOD)
    with qtbot.waitSignal(page.loaded):
        dialog.ok_button.click()
    assert ctx.undo_stack.undoText() == "Add flat 3-2-502"
    with qtbot.waitSignal(page.loaded):
        ctx.undo_stack.undo()
    assert db_flats(ctx) == [] and page.model.rowCount() == 0
    with qtbot.waitSignal(page.loaded):
        ctx.undo_stack.redo()
    assert [f.key for f in db_flats(ctx)] == ["3-2-502"]
    assert page.model.rowCount() == 1


def test_edit_flat_through_the_dialog_then_undo_redo(ctx: AppContext, page: FlatsPage,
                                                     qtbot) -> None:
    original = make_flat(number="301")
    register(ctx, original)
    reload(page, qtbot)
    page.table.selectRow(0)
    dialog = page.edit_flat()
    assert dialog.area.text() == "85.00" and dialog.ok_button.isEnabled()
    fill(dialog, area="86.10", layout="3室2厅2卫")
    dialog.status.setCurrentIndex(dialog.status.findData(FlatStatus.RESERVED))
    with qtbot.waitSignal(page.loaded):
        dialog.ok_button.click()
    edited = replace(original, area=Decimal("86.10"), layout="3室2厅2卫",
                     status=FlatStatus.RESERVED)
    assert db_flats(ctx) == [edited]
    assert page.model.data(page.model.index(0, Column.AREA)) == "86.10"
    with qtbot.waitSignal(page.loaded):
        ctx.undo_stack.undo()
    assert db_flats(ctx) == [original]
    with qtbot.waitSignal(page.loaded):
        ctx.undo_stack.redo()
    assert db_flats(ctx) == [edited]


def test_delete_asks_first_and_can_be_undone(ctx: AppContext, page: FlatsPage, qtbot,
                                              monkeypatch) -> None:
    flats = [make_flat(number="301"), make_flat(number="302"), make_flat(number="303")]
    register(ctx, *flats)
    reload(page, qtbot)
    asked: list[str] = []

    def answer(reply):
        def question(_parent, _title, text, *_args):
            asked.append(text)
            return reply
        return staticmethod(question)

    page.table.selectRow(0)
    page.table.selectionModel().select(
        page.model.index(2, 0), page.table.selectionModel().SelectionFlag.Select
        | page.table.selectionModel().SelectionFlag.Rows)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert not page.delete_flats()
    assert len(db_flats(ctx)) == 3 and "1-1-301、1-1-303" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(page.loaded):
        assert page.delete_flats()
    assert [f.number for f in db_flats(ctx)] == ["302"]
    assert ctx.undo_stack.undoText() == "Delete 2 flats"
    with qtbot.waitSignal(page.loaded):
        ctx.undo_stack.undo()
    assert db_flats(ctx) == flats
    assert sorted(s.flat.number for s in page.selected_flats()) == ["301", "303"]
    with qtbot.waitSignal(page.loaded):
        ctx.undo_stack.redo()
    assert [f.number for f in db_flats(ctx)] == ["302"]


@pytest.mark.parametrize(("field", "text", "message"), [
    ("area", "0", "floor area must be greater than zero"),
    ("area", "-3", "floor area must be greater than zero"),
    ("area", "abc", "Enter a number, for example 85.50"),
    ("area", "85.555", "Use at most two decimals"),
    ("base_price", "-100", "base price must be greater than zero"),
    ("base_price", "0.00", "base price must be greater than zero"),
    ("layout", "", "layout is required"),
    ("layout", "   ", "layout is required"),
    ("building", "", "building is required"),
    ("number", "", "flat number is required"),
])
def test_validation_messages(ctx: AppContext, qtbot, field: str, text: str,
                             message: str) -> None:
    dialog = FlatDialog(ctx, None)
    qtbot.addWidget(dialog)
    fill(dialog, **GOOD)
    assert dialog.ok_button.isEnabled()
    fill(dialog, **{field: text})
    assert dialog.errors[field].text() == message
    assert not dialog.errors[field].isHidden()
    assert not dialog.ok_button.isEnabled()
    fill(dialog, **{field: GOOD[field]})
    assert dialog.errors[field].isHidden() and dialog.ok_button.isEnabled()


def test_untouched_fields_are_listed_not_shouted(ctx: AppContext, qtbot) -> None:
    """A new dialog names what is still missing below the form, not under every empty field."""
    dialog = FlatDialog(ctx, None)
    qtbot.addWidget(dialog)
    assert all(label.isHidden() for label in dialog.errors.values())
    assert dialog.summary.text().startswith("Still to fill in: building, unit")
    fill(dialog, building="1")
    assert "building" not in dialog.summary.text().split(":")[1]


@pytest.mark.parametrize(("text", "value"), [
    ("85.5", Decimal("85.50")), ("１２３．４", Decimal("123.40")), ("4,200.50", Decimal("4200.50")),
    (" 90 ", Decimal("90.00")), ("", None),
])
def test_amounts_are_parsed_as_decimal(text: str, value: Decimal | None, qapp) -> None:
    parsed, error = parse_amount(text)
    assert error is None and parsed == value


def test_existing_flat_is_refused_and_the_dialog_stays_open(ctx: AppContext, page: FlatsPage,
                                                            qtbot) -> None:
    register(ctx, make_flat(building="3", unit="2", floor=5, number="502"))
    reload(page, qtbot)
    dialog = page.add_flat()
    fill(dialog, **GOOD)
    dialog.ok_button.click()  # the refusal comes back from the database worker
    settle(qtbot, lambda: dialog.errors["number"].text() != "")
    assert dialog.isVisible()
    assert dialog.errors["number"].text() == "flat 3-2-502 already exists"
    assert len(db_flats(ctx)) == 1 and ctx.undo_stack.count() == 0


def test_stale_edit_is_refused_and_the_dialog_stays_open(ctx: AppContext, page: FlatsPage,
                                                         qtbot) -> None:
    register(ctx, make_flat(number="301"))
    reload(page, qtbot)
    page.table.selectRow(0)
    dialog = page.edit_flat()
    with ctx.factory.begin() as session:  # another workstation saves first
        [other] = load_flats(session, ctx.project_id)
        update_flat(session, flat_id=other.id, flat=replace(other.flat, layout="2室2厅1卫"),
                    actor="someone else")
    fill(dialog, area="99.00")
    dialog.ok_button.click()
    settle(qtbot, lambda: "another workstation" in dialog.summary.text())
    assert dialog.isVisible()
    assert "changed at another workstation" in dialog.summary.text()
    assert db_flats(ctx)[0].layout == "2室2厅1卫" and db_flats(ctx)[0].area == Decimal("85.00")


def test_search_and_filters_narrow_both_views(ctx: AppContext, page: FlatsPage, qtbot) -> None:
    register(ctx, make_flat(number="301"),
             make_flat(number="302", layout="2室1厅1卫", status=FlatStatus.RESERVED),
             make_flat(building="2", number="101", floor=1))
    reload(page, qtbot)
    page.search.setText("2室1厅")
    assert page.model.rowCount() == 1 and page.count_label.text() == "1 of 3 flats"
    ids = {s.flat.number: s.id for s in page.model.all_flats() if s.flat.building == "1"}
    assert page.building_view.grid.is_dimmed(ids["301"])
    assert not page.building_view.grid.is_dimmed(ids["302"])
    page.search.clear()
    page.building_filter.setCurrentIndex(page.building_filter.findData("2"))
    assert page.model.rowCount() == 1 and page.building_view.current_building() == "2"
    page.building_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData(FlatStatus.RESERVED))
    assert [s.flat.number for s in page.model.shown_flats()] == ["302"]


def test_building_view_click_selects_and_double_click_edits(ctx: AppContext, page: FlatsPage,
                                                             qtbot) -> None:
    register(ctx, make_flat(number="301"), make_flat(number="401", floor=4))
    reload(page, qtbot)
    page.tabs.setCurrentIndex(BUILDING_TAB)
    grid = page.building_view.grid
    target = next(s for s in page.model.all_flats() if s.flat.number == "401")
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.cell_rect(target.id).center())
    assert page.selected_ids() == [target.id]
    assert page.edit_action.isEnabled()
    opened: list[FlatDialog] = []
    page._open_dialog = lambda stored: opened.append(stored)  # type: ignore[method-assign]
    qtbot.mouseDClick(grid, Qt.MouseButton.LeftButton, pos=grid.cell_rect(target.id).center())
    assert opened == [target]


def test_no_project_means_nothing_to_edit(ctx: AppContext, qtbot) -> None:
    ctx.project_id = None
    widget = FlatsPage(ctx)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded):
        widget.set_project()
    assert widget.model.rowCount() == 0
    assert not widget.add_action.isEnabled() and widget.add_flat() is None


def test_the_flat_dialog_takes_an_inner_area(ctx: AppContext, page: FlatsPage,
                                            qtbot) -> None:
    dialog = page.add_flat()
    assert dialog is not None
    fill(dialog, **GOOD, inner_area="89.46")  # GOOD's floor area is 89.45
    assert not dialog.ok_button.isEnabled()
    assert dialog.errors["inner_area"].text() == (
        "inner floor area 89.46 m² is larger than the floor area 89.45 m²")
    fill(dialog, inner_area="70.1")
    assert dialog.ok_button.isEnabled(), dialog.problems
    with qtbot.waitSignal(page.loaded):
        dialog.ok_button.click()
    [flat] = db_flats(ctx)
    assert flat.inner_area == Decimal("70.10")


def test_a_chosen_flat_s_status_is_the_session_s(ctx: AppContext, page: FlatsPage,
                                                 qtbot) -> None:
    """Editing a chosen flat: the status box is disabled and says why; for another flat the
    “Selected” entry cannot be picked. Other fields of the chosen flat can still be saved."""
    register(ctx, make_flat(number="301"), make_flat(number="302"))
    with ctx.factory.begin() as session:  # as a choice at the desk leaves it
        session.execute(update(FlatRecord).where(FlatRecord.number == "301")
                        .values(status=FlatStatus.SELECTED.value))
    reload(page, qtbot)
    page.table.selectRow(0)
    dialog = page.edit_flat()
    assert dialog.status.currentData() == FlatStatus.SELECTED.value
    assert not dialog.status.isEnabled() and "selection session" in dialog.status.toolTip()
    fill(dialog, orientation="南")
    with qtbot.waitSignal(page.loaded):
        dialog.ok_button.click()
    chosen = next(f for f in db_flats(ctx) if f.number == "301")
    assert (chosen.orientation, chosen.status) == ("南", FlatStatus.SELECTED)
    page.table.selectRow(1)
    other = page.edit_flat()
    selected_item = other.status.model().item(other.status.findData(FlatStatus.SELECTED.value))
    assert other.status.isEnabled() and not selected_item.isEnabled()
    assert "selection session" in other.status.toolTip()
    other.reject()


def test_the_column_widths_the_user_left_come_back(ctx: AppContext, page: FlatsPage,
                                                   qtbot) -> None:
    """Widths are fitted the first time; the operator widens 户型 to 240 px; the next
    Flats page (the next start of Anju) opens with 240 px, not the fitted width."""
    register(ctx, make_flat(), make_flat(number="302", floor=3))
    reload(page, qtbot)
    header = page.table.horizontalHeader()
    fitted = header.sectionSize(Column.LAYOUT)
    assert fitted != 240
    header.resizeSection(Column.LAYOUT, 240)
    page.save_state()
    again = FlatsPage(ctx)
    qtbot.addWidget(again)
    again.resize(1100, 700)
    again.show()
    with qtbot.waitSignal(again.loaded):
        again.set_project()
    assert again.table.horizontalHeader().sectionSize(Column.LAYOUT) == 240


def test_a_page_never_shown_keeps_no_widths(ctx: AppContext, qtbot) -> None:
    """Hidden, the columns were never fitted: Qt's 100 px are not saved as the user's."""
    hidden = FlatsPage(ctx)
    qtbot.addWidget(hidden)
    with qtbot.waitSignal(hidden.loaded):
        hidden.set_project()
    hidden.save_state()
    assert settings.get(settings.FLAT_COLUMNS).isEmpty()
