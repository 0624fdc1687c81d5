"""The Rules page on a real database: edit in forms, see problems and preview, save, freeze."""

from __future__ import annotations

import copy
import dataclasses
import json
from collections import Counter
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QSpinBox

import desktop.rules.rules_page as module
from allocation.demo.policy import demo_policy
from allocation.demo.register import demo_households
from allocation.rules.explain import explain_household, trace_text
from allocation.rules.policy import policy_from_dict, policy_sha256, policy_to_dict
from allocation.rules.pricing import RoundUp
from allocation.rules.priority import assign_group
from allocation.rules.template import blank_policy
from allocation.rules.text import policy_text
from db.registry.importing import import_households
from db.rules.versions import current_policy, freeze_policy, policy_history, set_policy
from desktop.common import file_dialogs
from desktop.common.actions import MainAction
from desktop.i18n import init_translations, remove_translations
from desktop.rules.condition_builder import NestedRow
from desktop.rules.condition_term import TermRow
from desktop.rules.policy_editor import TAB_GROUPS, TAB_MODES, TAB_PRICES
from desktop.rules.rules_page import RulesPage
from desktop.rules.rules_preview import trace_language
from desktop.shell.main_window import PAGE_RULES, MainWindow
from tests.desktop.conftest import in_session, settle

HOUSEHOLDS = 60


@pytest.fixture
def households(ctx):
    chosen = demo_households()[:HOUSEHOLDS]
    with ctx.factory.begin() as s:
        import_households(s, project_id=ctx.project_id, households=chosen, actor="tester")
    return chosen


@pytest.fixture
def drafted(ctx, households):
    """The demo rules stored as the project's draft."""
    with ctx.factory.begin() as s:
        set_policy(s, project_id=ctx.project_id, policy=demo_policy(), actor="tester")
    return households


@pytest.fixture
def answers(monkeypatch):
    """Dialogs answered from this dict: confirmations, the reason, file names."""
    given: dict[str, Any] = {"answer": QMessageBox.StandardButton.Yes, "questions": [],
                             "reason": "价格档次调整", "open": "", "save": ""}

    def question(_parent, title, text, *_args, **_kwargs):
        given["questions"].append((title, text))
        return given["answer"]

    monkeypatch.setattr(module.QMessageBox, "question", question)
    monkeypatch.setattr(module.QInputDialog, "getMultiLineText",
                        lambda *_a, **_k: (given["reason"], True))
    monkeypatch.setattr(file_dialogs, "get_open_file_name",
                        lambda *_a, **_k: (given["open"], "*.json"))
    monkeypatch.setattr(file_dialogs, "get_save_file_name",
                        lambda *_a, **_k: (given["save"], "*.json"))
    assert module.QMessageBox is QMessageBox and module.QInputDialog is QInputDialog
    return given


def _page(qtbot, ctx) -> RulesPage:
    page = RulesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1148, 720)
    page.show()
    page.set_project()
    settle(qtbot, lambda: page.state is not None)
    return page


def _stored(ctx):
    return in_session(ctx, lambda s: current_policy(s, ctx.project_id))


def _field(page: RulesPage, path: str) -> QLineEdit:
    return page.editor.fields[path][0]


def _type(qtbot, edit: QLineEdit, text: str) -> None:
    """Replace the text as the operator would: select all, type (ASCII only, see STACK.md)."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def _codes(page: RulesPage) -> list[str]:
    return [p.code for p in page.problems]


def _sizes(page: RulesPage) -> dict[str, int]:
    return {s.name: s.households for s in page.preview.sizes}


def _expected_sizes(households, data) -> dict[str, int]:
    policy = policy_from_dict(data)
    counts = Counter(assign_group(h, policy, date.today()).name for h in households)
    return {name: counts.get(name, 0)
            for name in [g.name for g in policy.groups] + [policy.default_group]}


# --- starting, editing, preview ------------------------------------------------------------


def test_a_project_without_rules_starts_from_a_draft_to_save(qtbot, ctx, households, answers):
    """The draft is the blank policy (no numbers of anyone's), named after the project."""
    page = _page(qtbot, ctx)
    assert page.state.current is None
    assert "No rules yet" in page.status_label.text()
    group = "Households without priority"
    assert page.policy == blank_policy(f"{ctx.project_name} allocation rules",
                                       default_group=group)
    # No groups yet: everyone is in the default one.
    settle(qtbot, lambda: _sizes(page) == {group: HOUSEHOLDS})
    assert page.save_button.isEnabled()
    assert not page.supersede_button.isEnabled()
    page.save_button.click()
    settle(qtbot, lambda: page.state.current is not None)
    stored = _stored(ctx)
    assert stored.status == "draft" and stored.sha256 == policy_sha256(page.policy)
    assert "Version 1: draft" in page.status_label.text()
    assert not page.save_button.isEnabled()  # nothing left to save


def test_editing_the_area_per_person_changes_the_preview(qtbot, ctx, drafted):
    page = _page(qtbot, ctx)
    household = max(drafted, key=lambda h: h.recognised_count)
    page.preview.choose(household.code)
    expected = policy_to_dict(demo_policy())
    settle(qtbot, lambda: page.preview.trace_view.toPlainText() == trace_text(
        explain_household(household, demo_policy(), date.today()), trace_language()))
    _type(qtbot, _field(page, "entitlement.area_per_person"), "80")
    expected["entitlement"]["area_per_person"] = "80"
    policy = policy_from_dict(expected)
    want = trace_text(explain_household(household, policy, date.today()), trace_language())
    assert page.policy == policy and page.dirty()
    settle(qtbot, lambda: page.preview.trace_view.toPlainText() == want)
    assert "80" in want and page.save_button.isEnabled()
    assert page.preview.rules_view.toPlainText() == policy_text(policy, trace_language())
    assert "changes not saved" in page.status_label.text()
    assert policy_sha256(policy) in page.hash_label.text()


def test_group_sizes_cover_every_household(qtbot, ctx, drafted):
    page = _page(qtbot, ctx)
    want = _expected_sizes(drafted, policy_to_dict(demo_policy()))
    settle(qtbot, lambda: _sizes(page) == want)
    assert sum(_sizes(page).values()) == HOUSEHOLDS
    table = page.preview.groups_table
    assert table.rowCount() == len(want) + 1  # the groups and a total
    assert table.item(table.rowCount() - 1, 1).text() == str(HOUSEHOLDS)


def test_the_condition_builder_changes_group_sizes(qtbot, ctx, drafted):
    page = _page(qtbot, ctx)
    page.editor.tabs.setCurrentIndex(TAB_GROUPS)
    groups = page.editor.groups
    groups.table.table.setCurrentCell(0, 0)
    builder = groups.builders["condition"]
    data = policy_to_dict(demo_policy())
    settle(qtbot, lambda: _sizes(page) == _expected_sizes(drafted, data))
    # "any of" → "all of": only households meeting every term stay in the first group.
    builder.mode_combo.setCurrentIndex(builder.mode_combo.findData("all"))
    condition = data["groups"][0]["condition"]
    data["groups"][0]["condition"] = {"all": condition["any"]}
    want = _expected_sizes(drafted, data)
    settle(qtbot, lambda: _sizes(page) == want)
    # A new term: the oldest member's age ≥ 70 (the default), then the age raised to 90.
    row = builder.add_term()
    assert isinstance(row, TermRow) and row.field_combo.currentData() == "max_member_age"
    spin = row.value_widget
    assert isinstance(spin, QSpinBox)
    spin.setValue(90)
    data["groups"][0]["condition"]["all"].append(
        {"field": "max_member_age", "op": ">=", "value": 90})
    want = _expected_sizes(drafted, data)
    settle(qtbot, lambda: _sizes(page) == want)
    assert sum(want.values()) == HOUSEHOLDS
    assert page.editor.data()["groups"][0]["condition"] == data["groups"][0]["condition"]


def test_a_term_offers_the_comparisons_and_value_editor_of_its_fact(qtbot, ctx, drafted):
    page = _page(qtbot, ctx)
    builder = page.editor.groups.builders["condition"]
    row = builder.add_term()
    row.field_combo.setCurrentIndex(row.field_combo.findData("signed_on"))
    ops = [row.op_combo.itemData(i) for i in range(row.op_combo.count())]
    assert "before" in ops and "has" not in ops
    row.op_combo.setCurrentIndex(row.op_combo.findData("before"))
    assert row.term() == {"field": "signed_on", "op": "before",
                          "value": date.today().isoformat()}
    row.field_combo.setCurrentIndex(row.field_combo.findData("conditions"))
    assert [row.op_combo.itemData(i) for i in range(row.op_combo.count())] == ["has"]
    assert row.term()["value"] == "disability"
    row.field_combo.setCurrentIndex(row.field_combo.findData("recognised_count"))
    row.op_combo.setCurrentIndex(row.op_combo.findData("in"))
    edit = row.value_widget
    assert isinstance(edit, QLineEdit)
    edit.setText("1, 2，3")
    assert row.term() == {"field": "recognised_count", "op": "in", "value": [1, 2, 3]}
    assert page.policy is not None
    edit.setText("1, two")
    assert [p.code for p in page.problems] == ["bad_value"]


def test_a_per_certificate_item_needs_its_member_condition(qtbot, ctx, drafted):
    page = _page(qtbot, ctx)
    items = page.editor.compensation
    row = next(i for i, item in enumerate(items.records()) if item["per"] == "certificate")
    items.table.table.setCurrentCell(row, 0)
    box = items.builders["member_condition"].enabled_box
    assert box is not None and box.isChecked()
    box.setChecked(False)
    assert [(p.code, p.path) for p in page.problems] == [
        ("member_condition_required", f"compensation[{row}].member_condition")]
    assert box.styleSheet()
    assert items.records()[row]["member_condition"] is None


def test_floor_increments_and_a_minimum_condition_are_edited_in_their_tabs(qtbot, ctx, drafted):
    """A 楼层差价 row reaches the rules text and the trace; a floor that is not a number is
    refused on its cell; the minimum's condition is a household condition like any other."""
    page = _page(qtbot, ctx)
    page.editor.tabs.setCurrentIndex(TAB_PRICES)
    increments = page.editor.increments
    row = increments.add_row()
    increments.set_cell(row, "last_floor", "3")
    increments.set_cell(row, "amount", "-50")
    data = policy_to_dict(demo_policy())
    data["pricing"]["floor_increments"] = [{"first_floor": 1, "last_floor": 3, "amount": "-50"}]
    policy = policy_from_dict(data)
    assert page.policy == policy
    settle(qtbot, lambda: page.preview.rules_view.toPlainText()
           == policy_text(policy, trace_language()))
    assert "floors 1–3 less 50 yuan/m²" in page.preview.rules_view.toPlainText()
    increments.set_cell(row, "first_floor", "one")
    assert [(p.code, p.path) for p in page.problems] == [
        ("wrong_type", "pricing.floor_increments[0].first_floor")]
    assert increments.table.item(row, 0).background().color().name() == "#ffd6d6"
    assert increments.table.item(row, 2).background().color().name() != "#ffd6d6"
    assert page.policy is None and not page.save_button.isEnabled()
    increments.set_cell(row, "first_floor", "1")
    _type(qtbot, _field(page, "entitlement.minimum_area"), "60")
    builder = page.editor.minimum_condition
    term = builder.add_term()
    term.field_combo.setCurrentIndex(term.field_combo.findData("low_income"))
    assert page.policy is not None
    assert page.policy.entitlement.minimum_condition.items[0].field == "low_income"
    _type(qtbot, _field(page, "entitlement.minimum_area"), "0")
    assert [(p.code, p.path) for p in page.problems] == [
        ("minimum_condition_unused", "entitlement.minimum_condition")]
    assert builder.mode_combo.styleSheet()  # marked where it is wrong


# --- refusals ------------------------------------------------------------------------------


def test_an_overlapping_tier_is_refused_in_chinese(qtbot, qapp, ctx, drafted):
    assert init_translations(qapp, "zh_CN") == "zh_CN"
    try:
        page = _page(qtbot, ctx)
        tiers = page.editor.tiers
        row = tiers.add_row()
        tiers.set_cell(row, "start", "10.00")
        tiers.set_cell(row, "end", "30.00")
        assert "tiers_overlap" in _codes(page)
        texts = [page.problems_list.item(i).text() for i in range(page.problems_list.count())]
        overlap = next(t for t in texts if "重叠" in t)
        assert "房价" in overlap and "10.00" in overlap and "overlap" not in overlap
        assert not page.save_button.isEnabled() and not page.freeze_button.isEnabled()
        assert tiers.table.item(row, 0).background().color().name() == "#ffd6d6"
        bar = page.editor.tabs.tabBar()
        assert bar.tabTextColor(TAB_PRICES).name() == "#c62828"
        assert "问题" in page.problems_label.text()
        page.editor.tabs.setCurrentIndex(0)
        page.problems_list.itemClicked.emit(page.problems_list.item(texts.index(overlap)))
        assert page.editor.tabs.currentIndex() == TAB_PRICES
        assert tiers.table.currentRow() == row
    finally:
        remove_translations(qapp)


@pytest.mark.parametrize(("path", "text", "code"), [
    ("pricing.base_price", "-4000", "negative_price"),
    ("entitlement.excess_cap", "-5", "negative_cap"),
    ("entitlement.area_per_person", "abc", "bad_decimal"),
    ("transition.months", "-1", "negative_months"),
    ("entitlement.maximum_area", "-1", "negative_area"),
    ("entitlement.max_flats", "0", "max_flats_below_one"),
])
def test_bad_values_are_refused_on_their_field(qtbot, ctx, drafted, path, text, code):
    page = _page(qtbot, ctx)
    edit = _field(page, path)
    _type(qtbot, edit, text)
    found = [p for p in page.problems if p.code == code]
    assert found and found[0].path == path
    assert edit.styleSheet() and text in edit.toolTip()
    assert page.policy is None
    assert not page.save_button.isEnabled() and not page.export_button.isEnabled()
    assert "-" in page.hash_label.text() or "—" in page.hash_label.text()
    page.preview.refresh()
    assert "problems" in page.preview.trace_view.toPlainText()
    assert page.preview.groups_table.rowCount() == 0


def test_a_file_with_an_unknown_fact_is_loaded_and_refused(qtbot, ctx, drafted, answers,
                                                           tmp_path):
    data = policy_to_dict(demo_policy())
    data["groups"][1]["condition"] = {"all": [{"field": "income", "op": "<", "value": 1000}]}
    path = tmp_path / "policy.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    answers["open"] = str(path)
    page = _page(qtbot, ctx)
    page.import_button.click()
    assert [(p.code, p.path) for p in page.problems] == [
        ("unknown_field", "groups[1].condition.all[0].field")]
    assert "“income”" in page.problems_list.item(0).text()
    assert not page.save_button.isEnabled()
    page.editor.groups.table.table.setCurrentCell(1, 0)
    row = page.editor.groups.builders["condition"].rows[0]
    assert isinstance(row, TermRow) and row.field_combo.currentData() == "income"
    assert row.field_combo.styleSheet()  # marked where it is wrong


def test_a_file_that_is_not_a_policy_is_not_imported(qtbot, ctx, drafted, answers, tmp_path):
    data = policy_to_dict(demo_policy())
    data["pricing"]["discount"] = "0.9"
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    answers["open"] = str(path)
    page = _page(qtbot, ctx)
    before = page.editor.data()
    page.import_button.click()
    assert "“discount”" in page.error_label.text() and "pricing.discount" in (
        page.error_label.text())
    assert page.editor.data() == before and page.policy is not None


def test_nested_conditions_from_a_file_are_kept(qtbot, ctx, drafted, answers, tmp_path):
    data = policy_to_dict(demo_policy())
    nested = {"any": [{"field": "low_income", "op": "==", "value": True},
                      {"field": "recognised_count", "op": ">=", "value": 5}]}
    data["groups"][1]["condition"]["all"].append(nested)
    path = tmp_path / "nested.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    answers["open"] = str(path)
    page = _page(qtbot, ctx)
    page.import_button.click()
    page.editor.groups.table.table.setCurrentCell(1, 0)
    rows = page.editor.groups.builders["condition"].rows
    assert isinstance(rows[-1], NestedRow)
    assert page.policy is not None
    assert policy_sha256(page.policy) == policy_sha256(policy_from_dict(data))


# --- saving, freezing, superseding ---------------------------------------------------------


def test_ctrl_s_saves_the_draft(qtbot, ctx, drafted):
    page = _page(qtbot, ctx)
    name = _field(page, "name")
    _type(qtbot, name, " v2")
    qtbot.keyClick(name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, lambda: not page.dirty())
    stored = _stored(ctx)
    assert stored.policy.name == " v2" and stored.version == 1 and stored.status == "draft"
    assert stored.sha256 == policy_sha256(page.policy)


def test_revert_discards_the_edits(qtbot, ctx, drafted, answers):
    page = _page(qtbot, ctx)
    _type(qtbot, _field(page, "pricing.base_price"), "-1")
    assert page.revert_button.isEnabled()
    page.revert_button.click()
    assert page.policy == demo_policy() and not page.dirty() and page.problems == []


def test_freeze_asks_shows_the_hash_and_locks_the_forms(qtbot, ctx, drafted, answers):
    page = _page(qtbot, ctx)
    answers["answer"] = QMessageBox.StandardButton.Cancel
    page.freeze_button.click()
    assert _stored(ctx).status == "draft"
    answers["answer"] = QMessageBox.StandardButton.Yes
    page.freeze_button.click()
    settle(qtbot, lambda: page.state.current.frozen)
    stored = _stored(ctx)
    sha = policy_sha256(stored.policy)
    assert stored.frozen and stored.sha256 == sha
    _title, text = answers["questions"][-1]
    assert sha in text and "cannot be edited" in text
    assert sha in page.hash_label.text()
    assert _field(page, "entitlement.area_per_person").isReadOnly()
    assert not page.editor.combine_combo.isEnabled()
    assert not page.editor.tiers.add_button.isVisible()
    assert not page.save_button.isEnabled() and not page.import_button.isEnabled()
    assert page.supersede_button.isEnabled() and page.export_button.isEnabled()
    assert "frozen" in page.status_label.text()
    assert page.history_table.item(0, 1).text() == "frozen"
    assert page.history_table.item(0, 3).text() == sha[:16]


def test_freezing_unsaved_edits_saves_them_first(qtbot, ctx, drafted, answers):
    page = _page(qtbot, ctx)
    _type(qtbot, _field(page, "entitlement.minimum_area"), "40")
    edited = page.policy
    page.freeze_button.click()
    settle(qtbot, lambda: page.state.current.frozen)
    assert "saved first" in answers["questions"][-1][1]
    assert _stored(ctx).sha256 == policy_sha256(edited)


def test_supersede_needs_a_reason_and_opens_a_new_draft(qtbot, ctx, drafted, answers):
    with ctx.factory.begin() as s:
        freeze_policy(s, project_id=ctx.project_id, actor="tester")
    page = _page(qtbot, ctx)
    assert page.supersede_button.isEnabled()
    answers["reason"] = "  "
    page.supersede_button.click()
    assert "reason" in page.error_label.text()
    answers["reason"] = "价格档次调整"
    page.supersede_button.click()
    settle(qtbot, lambda: page.state.current.version == 2)
    history = in_session(ctx, lambda s: policy_history(s, ctx.project_id))
    assert [(v.version, v.status) for v in history] == [(1, "superseded"), (2, "draft")]
    assert history[1].reason == "价格档次调整"
    assert not _field(page, "entitlement.area_per_person").isReadOnly()
    assert page.history_table.rowCount() == 2
    assert page.history_table.item(0, 4).text() == "价格档次调整"


def test_export_writes_a_file_that_reads_back_to_the_same_hash(qtbot, ctx, drafted, answers,
                                                               tmp_path):
    page = _page(qtbot, ctx)
    answers["save"] = str(tmp_path / "out.json")
    page.export_button.click()
    from allocation.rules.policy import policy_from_json

    read = policy_from_json((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert policy_sha256(read) == policy_sha256(demo_policy())


def test_the_main_window_shows_the_rules_page_with_ctrl_3(qtbot, ctx, drafted):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    action = window.actions_by_name[MainAction.SHOW_RULES]
    assert action.shortcut().toString() == "Ctrl+3"
    action.trigger()
    assert window.pages.currentWidget() is window.rules_page
    assert window.nav.currentRow() == PAGE_RULES
    settle(qtbot, lambda: window.rules_page.state is not None)
    assert window.rules_page.policy == demo_policy()


def test_saving_leaves_other_edits_of_the_copy_alone(qtbot, ctx, drafted):
    """The form's copy is its own: the stored policy changes only by saving."""
    page = _page(qtbot, ctx)
    data = copy.deepcopy(page.editor.data())
    _type(qtbot, _field(page, "version_note"), "draft 2")
    assert _stored(ctx).policy == demo_policy()
    assert data != page.editor.data()


def test_the_reference_date_is_typed_checked_and_needed_to_freeze(qtbot, ctx, households,
                                                                  answers):
    """A new project's draft names no reference date (计算基准日): it may be saved, but the
    page lists what keeps it from being frozen and Freeze stays off. A bad date is refused
    on its field; a good one turns Freeze on and is printed in the rules text."""
    page = _page(qtbot, ctx)
    edit = _field(page, "reference_date")
    assert page.policy is not None and page.policy.reference_date is None
    assert [(p.code, p.path) for p in page.blockers] == [("reference_date_missing",
                                                          "reference_date")]
    assert page.save_button.isEnabled() and not page.freeze_button.isEnabled()
    assert page.problems_list.isVisible() and "before freezing" in page.problems_label.text()
    _type(qtbot, edit, "2026-02-30")
    assert [(p.code, p.path) for p in page.problems] == [("wrong_type", "reference_date")]
    assert edit.styleSheet() and not page.save_button.isEnabled()
    _type(qtbot, edit, "2026-11-01")
    assert page.policy.reference_date == date(2026, 11, 1)
    assert page.blockers == [] and page.freeze_button.isEnabled()
    settle(qtbot, lambda: "年龄计算至2026年11月1日" in page.preview.rules_view.toPlainText()
           or "Ages are counted to that day" in page.preview.rules_view.toPlainText())
    page.freeze_button.click()
    settle(qtbot, lambda: page.state.current is not None and page.state.current.frozen)
    assert _stored(ctx).policy.reference_date == date(2026, 11, 1)
    assert edit.isReadOnly()


def test_who_counts_is_kept_shown_and_chosen(qtbot, ctx, drafted):
    """A group and an item counting every registered member keep it through the forms; the
    transition's “Counting” choice changes the rules text from 认定人口 to 家庭成员."""
    page = _page(qtbot, ctx)
    data = policy_to_dict(demo_policy())
    data["groups"][0]["members"] = "registered"
    data["compensation"][1]["members"] = "registered"
    page.editor.load(data)
    page.validate()
    assert page.policy.groups[0].members == "registered"
    assert page.policy.compensation[1].members == "registered"
    table = page.editor.groups.table.table
    column = next(i for i in range(table.columnCount())
                  if table.horizontalHeaderItem(i).text() in ("Members", "计人范围"))
    assert table.item(0, column).text() in ("all registered members", "全部家庭成员")
    combo = page.editor.transition_members
    assert combo.currentData() == "recognised"
    combo.setCurrentIndex(combo.findData("registered"))
    assert page.policy.transition.members == "registered"
    settle(qtbot, lambda: "per registered member" in page.preview.rules_view.toPlainText()
           or "按家庭成员每人每月" in page.preview.rules_view.toPlainText())


# --- compensation modes (补偿方式) ------------------------------------------------------------


def _with_modes() -> dict[str, Any]:
    """The demo rules offering value swap and money compensation, every key spelt."""
    data = policy_to_dict(demo_policy())
    data["value_swap"] = {
        "subsidies": [{"name": "产权调换补助", "percent": "5"}],
        "items": ["提前签约奖励（7月）", "重病补助"], "transition": True,
        "last_flat_min_share": "0.5", "alone_layouts": ["一室一厅"],
        "non_residential_layouts": ["商铺", "车库"]}
    data["money_compensation"] = {
        "subsidies": [{"name": "货币补偿奖励", "percent": "10"}], "items": ["重病补助"],
        "transition": False}
    return data


def test_value_swap_with_a_subsidy_changes_the_policy_and_the_rules_text(qtbot, ctx, drafted):
    """Checking the box offers the mode; a 5 % subsidy and a ticked item reach the policy and
    the notice text's 补偿方式 section; the items offered follow the Compensation tab."""
    page = _page(qtbot, ctx)
    page.editor.tabs.setCurrentIndex(TAB_MODES)
    box = page.editor.value_swap
    assert not box.isChecked() and "value_swap" not in page.editor.data()
    modes = "补偿方式" if trace_language() == "zh" else "Compensation modes"
    assert modes not in page.preview.rules_view.toPlainText()
    box.setChecked(True)
    row = box.subsidies.add_row()
    box.subsidies.set_cell(row, "name", "产权调换补助")
    box.subsidies.set_cell(row, "percent", "5")
    box.check_item("重病补助")
    data = policy_to_dict(demo_policy())
    data["value_swap"] = {"subsidies": [{"name": "产权调换补助", "percent": "5"}],
                          "items": ["重病补助"], "transition": False,
                          "last_flat_min_share": None, "alone_layouts": [],
                          "non_residential_layouts": []}
    policy = policy_from_dict(data)
    assert page.policy == policy and page.problems == [] and page.save_button.isEnabled()
    text = policy_text(policy, trace_language())
    settle(qtbot, lambda: page.preview.rules_view.toPlainText() == text)
    assert modes in text and "产权调换补助" in text and "重病补助" in text
    # Renaming an item on the Compensation tab renames its box here; the tick stays with the
    # old name, which the policy then refuses.
    items = page.editor.compensation.table
    index = next(i for i, item in enumerate(items.records()) if item["name"] == "重病补助")
    items.set_cell(index, "name", "大病补助")
    names = [box.items.item(i).text() for i in range(box.items.count())]
    assert "大病补助" in names and "重病补助 (unknown)" in names
    assert [(p.code, p.path) for p in page.problems] == [
        ("unknown_compensation_item", "value_swap.items[0]")]


def test_bad_mode_values_are_refused_on_their_fields(qtbot, ctx, drafted):
    """A percent that is not a number, an item the policy lacks, a share above 1 and an
    allowance the policy does not pay: each marks its own field and colours the tab."""
    data = _with_modes()
    data["value_swap"]["items"].append("搬家奖励")
    page = _page(qtbot, ctx)
    page.editor.load(data)
    page.validate()
    box = page.editor.value_swap
    assert [(p.code, p.path) for p in page.problems] == [
        ("unknown_compensation_item", "value_swap.items[2]")]
    wrong = next(box.items.item(i) for i in range(box.items.count())
                 if box.items.item(i).text() == "搬家奖励 (unknown)")
    assert wrong.checkState() == Qt.CheckState.Checked
    assert wrong.background().color().name() == "#ffd6d6" and "搬家奖励" in wrong.toolTip()
    assert page.editor.tabs.tabBar().tabTextColor(TAB_MODES).name() == "#c62828"
    assert page.problems_list.item(0).text().startswith(
        "value swap › compensation items counted › item 3: “搬家奖励”")
    page.problems_list.itemClicked.emit(page.problems_list.item(0))
    assert page.editor.tabs.currentIndex() == TAB_MODES
    assert box.items.currentItem() is wrong
    box.check_item("搬家奖励", False)
    assert page.problems == []
    assert page.policy.value_swap.items == ("提前签约奖励（7月）", "重病补助")
    assert page.editor.tabs.tabBar().tabTextColor(TAB_MODES).name() != "#c62828"
    box.subsidies.set_cell(0, "percent", "five")
    assert [(p.code, p.path) for p in page.problems] == [
        ("bad_decimal", "value_swap.subsidies[0].percent")]
    assert box.subsidies.table.item(0, 1).background().color().name() == "#ffd6d6"
    assert box.subsidies.table.item(0, 0).background().color().name() != "#ffd6d6"
    box.subsidies.set_cell(0, "percent", "5")
    share = box.fields["last_flat_min_share"]
    _type(qtbot, share, "1.5")
    assert [(p.code, p.path) for p in page.problems] == [
        ("share_above_one", "value_swap.last_flat_min_share")]
    assert share.styleSheet() and "1.5" in share.toolTip() and page.policy is None
    _type(qtbot, share, "0.5")
    page.editor.transition_box.setChecked(False)
    assert [(p.code, p.path) for p in page.problems] == [
        ("transition_not_in_policy", "value_swap.transition")]
    assert box.transition.styleSheet() and not page.editor.money.transition.styleSheet()


def test_a_frozen_policy_shows_its_modes_read_only(qtbot, ctx, households):
    with ctx.factory.begin() as s:
        set_policy(s, project_id=ctx.project_id, policy=policy_from_dict(_with_modes()),
                   actor="tester")
        freeze_policy(s, project_id=ctx.project_id, actor="tester")
    page = _page(qtbot, ctx)
    for box in (page.editor.value_swap, page.editor.money):
        assert box.isChecked() and not box.isEnabled()
        assert not box.subsidies.add_button.isVisible()
    assert page.editor.value_swap.fields["alone_layouts"].isReadOnly()
    assert page.editor.value_swap.fields["alone_layouts"].text() == "一室一厅"
    assert page.editor.data() == _with_modes()


def test_both_mode_sections_survive_the_forms_unchanged(qtbot, ctx, drafted):
    """load → data() gives back both sections exactly (items in the file's order), and a
    mode turned off is null again: the policy hashes as the demo rules do."""
    data = _with_modes()
    page = _page(qtbot, ctx)
    page.editor.load(copy.deepcopy(data))
    page.validate()
    assert page.editor.data() == data
    assert page.policy is not None
    assert policy_sha256(page.policy) == policy_sha256(policy_from_dict(data))
    layouts = page.editor.value_swap.fields["non_residential_layouts"]
    assert layouts.text() == "商铺, 车库"
    _type(qtbot, layouts, "shop,garage")
    assert page.policy.value_swap.non_residential_layouts == ("shop", "garage")
    page.editor.value_swap.setChecked(False)
    page.editor.money.setChecked(False)
    assert page.editor.data() == {**policy_to_dict(demo_policy()), "value_swap": None,
                                  "money_compensation": None}
    assert policy_sha256(page.policy) == policy_sha256(demo_policy())


# --- the area basis, round-up and single-flat bonus ------------------------------------------


def _clear(qtbot, edit: QLineEdit) -> None:
    """Empty the field as the operator would: select all, delete."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)


def test_area_basis_round_up_and_bonus_are_edited_saved_and_read_back(qtbot, ctx, drafted):
    """套内建筑面积 with 12 % 公摊, 就近上靠 up to 5 m² at 3,000 yuan/m², a bonus of 20,000:
    typed on the Prices tab, they are the policy's, reach the notice, are saved and shown
    again; a price and a factor together are refused on both fields."""
    page = _page(qtbot, ctx)
    editor = page.editor
    editor.tabs.setCurrentIndex(TAB_PRICES)
    editor.area_basis_combo.setCurrentIndex(editor.area_basis_combo.findData("inner"))
    for path, text in (("pricing.shared_area_share", "0.12"),
                       ("pricing.single_flat_bonus", "20000"),
                       ("pricing.round_up.max_area", "5"), ("pricing.round_up.price", "3000")):
        _type(qtbot, _field(page, path), text)
    demo = demo_policy()
    expected = dataclasses.replace(demo, pricing=dataclasses.replace(
        demo.pricing, area_basis="inner", shared_area_share=Decimal("0.12"),
        single_flat_bonus=Decimal(20000), round_up=RoundUp(Decimal(5), price=Decimal(3000))))
    assert page.policy == expected
    settle(qtbot, lambda: page.preview.rules_view.toPlainText()
           == policy_text(expected, trace_language()))
    text = page.preview.rules_view.toPlainText()
    words = {"zh": ("按房源套内建筑面积计算", "（就近上靠）", "单套奖励"),
             "en": ("by their inner area", "(round-up)", "single-flat bonus")}
    assert all(word in text for word in words[trace_language()])
    factor = _field(page, "pricing.round_up.factor")
    _type(qtbot, factor, "0.75")
    assert [(p.code, p.path) for p in page.problems] == [
        ("round_up_price_ambiguous", "pricing.round_up")]
    assert factor.styleSheet() and _field(page, "pricing.round_up.price").styleSheet()
    assert page.policy is None and not page.save_button.isEnabled()
    _clear(qtbot, factor)
    assert page.policy == expected and not factor.styleSheet()
    page.save_button.click()
    settle(qtbot, lambda: not page.dirty())
    assert _stored(ctx).policy == expected
    again = _page(qtbot, ctx)
    assert again.editor.area_basis_combo.currentData() == "inner"
    assert [_field(again, p).text() for p in (
        "pricing.shared_area_share", "pricing.single_flat_bonus", "pricing.round_up.max_area",
        "pricing.round_up.price", "pricing.round_up.factor")] == [
        "0.12", "20000.00", "5.00", "3000.00", ""]
    assert again.policy == expected


def test_cleared_area_rules_leave_the_policy_and_its_hash_as_they_were(qtbot, ctx, drafted):
    """Building area, no share, no round-up, no bonus: none of the keys is written, so the
    demo rules hash as before; a share under the building basis is refused on its field."""
    page = _page(qtbot, ctx)
    assert page.editor.area_basis_combo.currentData() == "building"
    assert page.editor.data() == policy_to_dict(demo_policy())
    share = _field(page, "pricing.shared_area_share")
    _type(qtbot, share, "0.12")
    assert [(p.code, p.path) for p in page.problems] == [
        ("share_without_inner_basis", "pricing.shared_area_share")]
    assert share.styleSheet()
    _clear(qtbot, share)
    _type(qtbot, _field(page, "pricing.round_up.max_area"), "5")
    assert [(p.code, p.path) for p in page.problems] == [
        ("round_up_price_ambiguous", "pricing.round_up")]
    _clear(qtbot, _field(page, "pricing.round_up.max_area"))
    assert page.editor.data() == policy_to_dict(demo_policy())
    assert policy_sha256(page.policy) == policy_sha256(demo_policy())
