"""The household dialog: inline checks as the operator types, and refusals from the database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from allocation.registry.model import (
    CompensationMode,
    Condition,
    Household,
    HouseholdId,
    HouseholdStatus,
)
from db.registry.operations import find_household, get_household, update_household
from desktop.common.context import AppContext
from desktop.registry.household_dialog import HouseholdDialog
from tests.desktop.conftest import settle
from tests.factories import make_household, person_id

HEAD_ID = person_id(301, date(1961, 5, 4))
SPOUSE_ID = person_id(302, date(1963, 8, 9), "F")


def open_dialog(qtbot: QtBot, ctx: AppContext, stored: object = None) -> HouseholdDialog:
    dialog = HouseholdDialog(ctx, stored, None)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill_valid(qtbot: QtBot, dialog: HouseholdDialog, code: str = "H100") -> None:
    """A valid two-person household: ASCII through key clicks, Chinese through setText."""
    qtbot.keyClicks(dialog.code_edit, code)
    qtbot.keyClicks(dialog.area_edit, "75.5")
    head = dialog.members.rows[0]
    head.name.setText("王建国")
    qtbot.keyClicks(head.id_number, HEAD_ID)
    spouse = dialog.members.add_member()
    spouse.name.setText("李秀英")
    qtbot.keyClicks(spouse.id_number, SPOUSE_ID)
    spouse.relation.setCurrentText("配偶")


def test_a_new_dialog_waits_for_input_without_shouting(qtbot: QtBot, ctx: AppContext) -> None:
    """Nothing typed yet: OK is disabled, no field is red, a grey hint says what is needed."""
    dialog = open_dialog(qtbot, ctx)
    assert not dialog.ok_button.isEnabled()
    assert not dialog.code_edit.property("invalid")
    assert "户主" in dialog.message_label.text()
    assert dialog.members.rows[0].relation.currentText() == "户主"


def test_a_complete_household_can_be_saved(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, ctx)
    fill_valid(qtbot, dialog)
    assert dialog.problems == []
    assert dialog.ok_button.isEnabled()
    household = dialog.household()
    assert (household.head_name, household.head_id) == ("王建国", HEAD_ID)
    assert str(household.legal_area) == "75.5"


def _bad_id(dialog: HouseholdDialog, qtbot: QtBot) -> None:
    dialog.members.rows[0].id_number.clear()
    qtbot.keyClicks(dialog.members.rows[0].id_number, HEAD_ID[:-1] + ("0" if HEAD_ID[-1] != "0"
                                                                      else "1"))


def _short_id(dialog: HouseholdDialog, qtbot: QtBot) -> None:
    dialog.members.rows[1].id_number.clear()
    qtbot.keyClicks(dialog.members.rows[1].id_number, "11010119")


def _zero_area(dialog: HouseholdDialog, qtbot: QtBot) -> None:
    dialog.area_edit.clear()
    qtbot.keyClicks(dialog.area_edit, "0")


def _no_area(dialog: HouseholdDialog, qtbot: QtBot) -> None:
    dialog.area_edit.clear()


def _no_head(dialog: HouseholdDialog, qtbot: QtBot) -> None:
    dialog.members.rows[0].relation.setCurrentText("子")


def _two_heads(dialog: HouseholdDialog, qtbot: QtBot) -> None:
    dialog.members.rows[1].relation.setCurrentText("户主")


def _duplicate_id(dialog: HouseholdDialog, qtbot: QtBot) -> None:
    dialog.members.rows[1].id_number.setText(HEAD_ID)


def _no_code(dialog: HouseholdDialog, qtbot: QtBot) -> None:
    dialog.code_edit.clear()


def _grade_without_disability(dialog: HouseholdDialog, qtbot: QtBot) -> None:
    dialog.members.rows[1].grade.setCurrentIndex(2)


def _no_members(dialog: HouseholdDialog, qtbot: QtBot) -> None:
    dialog.members.remove_member(1)
    dialog.members.remove_member(0)


@pytest.mark.parametrize(("spoil", "fragment", "marked"), [
    (_bad_id, "wrong check digit", "members.0.id_number"),
    (_short_id, "must have 18 characters", "members.1.id_number"),
    (_zero_area, "original legal area must be greater than zero", "area_edit"),
    (_no_area, "original legal area is required", "area_edit"),
    (_no_head, "exactly one member whose relation is 户主 (found 0)", "members.table"),
    (_two_heads, "(found 2)", "members.table"),
    (_duplicate_id, "appears twice in this household", "members.1.id_number"),
    (_no_code, "household code is required", "code_edit"),
    (_grade_without_disability, "needs the condition 残疾", "members.1.grade"),
    (_no_members, "the household has no members", "members.table"),
])
def test_bad_input_is_marked_explained_and_blocks_ok(
        qtbot: QtBot, ctx: AppContext, spoil: Callable[[HouseholdDialog, QtBot], None],
        fragment: str, marked: str) -> None:
    """Each broken rule marks its field red, says why under the form and in the tooltip."""
    dialog = open_dialog(qtbot, ctx)
    fill_valid(qtbot, dialog)
    spoil(dialog, qtbot)
    assert not dialog.ok_button.isEnabled()
    assert fragment in dialog.message_label.text()
    widget = _widget(dialog, marked)
    assert widget.property("invalid") is True
    assert fragment in widget.toolTip()


def _widget(dialog: HouseholdDialog, path: str) -> object:
    parts = path.split(".")
    if parts[0] == "members" and parts[1].isdigit():
        return getattr(dialog.members.rows[int(parts[1])], parts[2])
    target: object = dialog
    for part in parts:
        target = getattr(target, part)
    return target


def test_fixing_the_input_clears_the_mark(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, ctx)
    fill_valid(qtbot, dialog)
    _zero_area(dialog, qtbot)
    assert dialog.area_edit.property("invalid") is True
    qtbot.keyClicks(dialog.area_edit, ".5")
    assert dialog.area_edit.property("invalid") is False
    assert dialog.ok_button.isEnabled()
    assert dialog.message_label.text() == ""


def test_area_accepts_at_most_two_decimals(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, ctx)
    qtbot.keyClicks(dialog.area_edit, "88.505x")
    assert dialog.area_edit.text() == "88.50"


def test_person_in_another_household_is_refused_and_the_dialog_stays(
        qtbot: QtBot, ctx: AppContext, add: Callable[[Household], HouseholdId]) -> None:
    """The database rule (one person, one household) is shown inline; nothing is stored."""
    add(_household_with_head("H001"))
    dialog = open_dialog(qtbot, ctx)
    fill_valid(qtbot, dialog, code="H200")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, lambda: "already registered" in dialog.message_label.text())
    assert dialog.isVisible()
    assert "already registered in household H001" in dialog.message_label.text()
    assert dialog.members.rows[0].id_number.property("invalid") is True
    assert ctx.undo_stack.count() == 0
    with ctx.factory() as session, pytest.raises(Exception, match="household_not_found"):
        find_household(session, ctx.project_id, "H200")  # type: ignore[arg-type]


def _household_with_head(code: str) -> Household:
    """A stored household whose head is the person the dialog will try to register again."""
    household = make_household(code, seq=40)
    head = replace(household.members[0], name="王建国", id_number=HEAD_ID)
    return replace(household, head_name=head.name, head_id=head.id_number,
                   members=(head, *household.members[1:]))


def test_a_code_in_use_is_marked_on_the_code_field(
        qtbot: QtBot, ctx: AppContext, add: Callable[[Household], HouseholdId]) -> None:
    add(make_household("H100", seq=40))
    dialog = open_dialog(qtbot, ctx)
    fill_valid(qtbot, dialog, code="H100")
    dialog.accept()  # the refusal comes back from the database worker
    settle(qtbot, lambda: "already exists" in dialog.message_label.text())
    assert dialog.isVisible()
    assert "household H100 already exists" in dialog.message_label.text()
    assert dialog.code_edit.property("invalid") is True


def test_ok_adds_the_household_as_one_undoable_step(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, ctx)
    fill_valid(qtbot, dialog)
    dialog.members.rows[1].conditions.actions_by_condition[Condition.DISABILITY].trigger()
    dialog.members.rows[1].grade.setCurrentIndex(2)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, lambda: not dialog.isVisible())
    assert ctx.undo_stack.count() == 1
    assert ctx.undo_stack.undoText() == "Add household H100"
    with ctx.factory() as session:
        stored = find_household(session, ctx.project_id, "H100")  # type: ignore[arg-type]
    spouse = stored.household.members[1]
    assert spouse.conditions == {Condition.DISABILITY} and spouse.disability_grade == 2
    assert stored.household.head_name == "王建国"


def test_editing_shows_every_field_and_saves_changes(
        qtbot: QtBot, ctx: AppContext, add: Callable[[Household], HouseholdId]) -> None:
    household_id = add(make_household("H001", signed_on=date(2026, 7, 1), signing_seq=3))
    with ctx.factory() as session:
        stored = get_household(session, household_id)
    dialog = open_dialog(qtbot, ctx, stored)
    assert dialog.code_edit.text() == "H001"
    assert dialog.area_edit.text() == "88.50"
    assert dialog.signed_check.isChecked() and dialog.seq_spin.value() == 3
    assert len(dialog.members.rows) == 3
    assert dialog.ok_button.isEnabled()
    dialog.address_edit.setText("解放路8号")
    dialog.members.move_member(2, -1)
    dialog.accept()
    settle(qtbot, lambda: not dialog.isVisible())
    with ctx.factory() as session:
        after = get_household(session, household_id).household
    assert after.address == "解放路8号"
    assert [m.name for m in after.members] == ["张三", "张小明", "李梅"]


def test_a_household_changed_elsewhere_is_not_overwritten(
        qtbot: QtBot, ctx: AppContext, add: Callable[[Household], HouseholdId]) -> None:
    """Another workstation saved after the dialog opened: the save is refused, dialog open."""
    household_id = add(make_household("H001"))
    with ctx.factory() as session:
        stored = get_household(session, household_id)
    dialog = open_dialog(qtbot, ctx, stored)
    with ctx.factory.begin() as session:
        update_household(session, household_id=household_id, actor="other",
                         household=replace(stored.household, phone="13900000000"))
    dialog.address_edit.setText("解放路8号")
    dialog.accept()
    settle(qtbot, lambda: "another workstation" in dialog.message_label.text())
    assert dialog.isVisible()
    assert "changed at another workstation" in dialog.message_label.text()
    assert ctx.undo_stack.count() == 0


def test_a_read_only_database_is_explained_and_nothing_typed_is_lost(
        qtbot: QtBot, ctx: AppContext) -> None:
    """The database refuses every write (as a read-only file does): the dialog says so in
    words, stays open with what was typed, and saves once the database is writable again."""
    from sqlalchemy import event

    engine = ctx.factory.kw["bind"]

    def read_only(connection: object) -> None:
        connection.exec_driver_sql("PRAGMA query_only = ON")  # type: ignore[attr-defined]

    event.listen(engine, "begin", read_only)
    dialog = open_dialog(qtbot, ctx)
    fill_valid(qtbot, dialog, code="H300")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, lambda: "read-only" in dialog.message_label.text())
    assert dialog.isVisible()
    assert dialog.household().head_name == "王建国" and dialog.code_edit.text() == "H300"
    assert ctx.undo_stack.count() == 0
    event.remove(engine, "begin", read_only)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA query_only = OFF")
    engine.dispose()  # no pooled connection keeps the setting
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, lambda: not dialog.isVisible())
    with ctx.factory() as session:
        assert find_household(session, ctx.project_id, "H300").household.head_name == "王建国"  # type: ignore[arg-type]


# --- the compensation choice ------------------------------------------------------------


def _choose(dialog: HouseholdDialog, mode: CompensationMode) -> None:
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData(mode.value))


def test_choosing_a_mode_asks_for_the_assessed_value_and_saves_undoably(
        qtbot: QtBot, ctx: AppContext, add: Callable[[Household], HouseholdId]) -> None:
    household_id = add(make_household("H001"))
    with ctx.factory() as session:
        stored = get_household(session, household_id)
    dialog = open_dialog(qtbot, ctx, stored)
    assert dialog.mode_combo.currentData() == "area" and not dialog.chosen_check.isChecked()
    assert dialog.mode_combo.isEnabled() and not dialog.compensation_locked
    _choose(dialog, CompensationMode.MONEY)
    assert dialog.chosen_check.isChecked()  # chosen today unless the operator says otherwise
    assert dialog.chosen_date.date().toPython() == date.today()
    assert not dialog.ok_button.isEnabled()
    assert dialog.value_edit.property("invalid") is True
    assert ("assessed value is required for property exchange by value and for money "
            "compensation") in dialog.message_label.text()
    qtbot.keyClicks(dialog.value_edit, "880000.555")  # the third decimal is not taken
    assert dialog.value_edit.text() == "880000.55"
    dialog.report_edit.setText("鄂华信评字[2026]第0123号")
    dialog.chosen_date.setDate(QDate(2026, 6, 15))
    assert dialog.ok_button.isEnabled() and dialog.value_edit.property("invalid") is False
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, lambda: not dialog.isVisible())
    with ctx.factory() as session:
        after = get_household(session, household_id).household
    assert (after.compensation_mode, after.mode_chosen_on, after.assessed_value,
            after.appraisal_report) == (CompensationMode.MONEY, date(2026, 6, 15),
                                        Decimal("880000.55"), "鄂华信评字[2026]第0123号")
    ctx.undo_stack.undo()
    settle(qtbot, lambda: ctx.undo_stack.index() == 0)
    with ctx.factory() as session:
        assert get_household(session, household_id).household == stored.household


def test_going_back_to_the_stored_mode_brings_back_its_day(
        qtbot: QtBot, ctx: AppContext, add: Callable[[Household], HouseholdId]) -> None:
    household_id = add(replace(make_household("H001"), compensation_mode=CompensationMode.VALUE,
                               mode_chosen_on=date(2026, 5, 2), assessed_value=Decimal("10")))
    with ctx.factory() as session:
        dialog = open_dialog(qtbot, ctx, get_household(session, household_id))
    assert dialog.value_edit.text() == "10.00"
    assert dialog.chosen_date.date().toPython() == date(2026, 5, 2)
    _choose(dialog, CompensationMode.AREA)
    assert dialog.chosen_date.date().toPython() == date.today()
    _choose(dialog, CompensationMode.VALUE)
    assert dialog.chosen_date.date().toPython() == date(2026, 5, 2)
    with ctx.factory() as session:
        assert dialog.household() == get_household(session, household_id).household


def test_a_signed_household_shows_its_choice_read_only_and_says_why(
        qtbot: QtBot, ctx: AppContext, add: Callable[[Household], HouseholdId]) -> None:
    household_id = add(replace(
        make_household("H001", signed_on=date(2026, 7, 1), signing_seq=3,
                       status=HouseholdStatus.SIGNED),
        compensation_mode=CompensationMode.MONEY, mode_chosen_on=date(2026, 6, 15),
        assessed_value=Decimal("1234567.89"), appraisal_report="PG-17"))
    with ctx.factory() as session:
        stored = get_household(session, household_id)
    dialog = open_dialog(qtbot, ctx, stored)
    assert dialog.compensation_locked
    for widget in (dialog.mode_combo, dialog.chosen_check, dialog.chosen_date,
                   dialog.value_edit, dialog.report_edit):
        assert not widget.isEnabled()
    assert dialog.mode_combo.currentText() == "Money compensation"
    assert dialog.value_edit.text() == "1234567.89" and dialog.report_edit.text() == "PG-17"
    assert dialog.mode_note.isVisible()
    assert dialog.mode_note.text() == (
        "household H001 has signed its agreement, which settles its compensation: the "
        "compensation mode can no longer be changed")
    dialog.phone_edit.setText("13900000000")  # the rest of the household is still edited
    dialog.accept()
    settle(qtbot, lambda: not dialog.isVisible())
    with ctx.factory() as session:
        after = get_household(session, household_id).household
    assert after == replace(stored.household, phone="13900000000")

