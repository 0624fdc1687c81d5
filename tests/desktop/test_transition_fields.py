"""The household dialog's 过渡安置与收款 tab, driven as an operator would, saved to and loaded
from a real database (the flat dialog's inner area: tests/desktop/test_flats_page.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from allocation.registry.model import Household, HouseholdId, HouseholdStatus, OldHomeUse
from db.registry.operations import get_household
from desktop.common.context import AppContext
from desktop.registry.household_dialog import HouseholdDialog
from tests.desktop.conftest import settle
from tests.factories import make_household


def open_dialog(qtbot: QtBot, ctx: AppContext, stored: object) -> HouseholdDialog:
    dialog = HouseholdDialog(ctx, stored, None)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_tab_edits_the_facts_and_they_stay_editable_after_signing(
        qtbot: QtBot, ctx: AppContext, add: Callable[[Household], HouseholdId]) -> None:
    signed = make_household("H001", signed_on=date(2026, 7, 1), signing_seq=3,
                            status=HouseholdStatus.SIGNED)
    household_id = add(signed)
    with ctx.factory() as session:
        stored = get_household(session, household_id)
    dialog = open_dialog(qtbot, ctx, stored)
    tab = dialog.transition
    assert dialog.tabs.tabText(1) == "Transition and payment"
    assert tab.use_combo.currentData() == "residential"
    assert tab.from_date.text() == "no date"  # nothing stored: the "none" value
    dialog.tabs.setCurrentWidget(tab)
    tab.use_combo.setCurrentIndex(tab.use_combo.findData("non_residential"))
    tab.from_date.setDate(QDate(2026, 8, 1))
    tab.until_date.setDate(QDate(2028, 7, 31))
    # A term without the transition flat's address is marked on the address and blocks OK.
    assert [p.code for p in dialog.problems] == ["transition_term_without_housing"]
    assert tab.housing_edit.property("invalid") and not dialog.ok_button.isEnabled()
    tab.housing_edit.setText("江汉区周转房3栋2单元501")
    tab.bank_edit.setText("中国工商银行武汉江汉支行")
    tab.name_edit.setText("张三")
    qtbot.keyClicks(tab.account_edit, "6222 0200 1234")  # 12 digits, within 8–32
    assert dialog.problems == []
    tab.account_edit.setText("6222 020")  # 7 digits, one short
    assert [p.code for p in dialog.problems] == ["bad_payee_account"]
    assert "8 to 32 digits" in dialog.message_label.text()
    tab.account_edit.setText("6222 0200 1234 5678 901")  # 19 digits
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    settle(qtbot, lambda: not dialog.isVisible())
    with ctx.factory() as session:
        after = get_household(session, household_id)
    assert after.household == replace(
        signed, old_home_use=OldHomeUse.NON_RESIDENTIAL,
        transition_housing="江汉区周转房3栋2单元501", transition_from=date(2026, 8, 1),
        transition_until=date(2028, 7, 31), payee_bank="中国工商银行武汉江汉支行",
        payee_name="张三", payee_account="6222 0200 1234 5678 901")
    again = open_dialog(qtbot, ctx, after)  # and they are shown back as stored
    assert again.transition.values() == {
        "old_home_use": OldHomeUse.NON_RESIDENTIAL,
        "transition_housing": "江汉区周转房3栋2单元501", "transition_from": date(2026, 8, 1),
        "transition_until": date(2028, 7, 31), "payee_bank": "中国工商银行武汉江汉支行",
        "payee_name": "张三", "payee_account": "6222 0200 1234 5678 901"}

