"""The Rules page edits the moving fee per move, the allowance's share in transition housing
and the business loss of non-residential homes: typed, refused on their fields, saved and
read back; at their defaults the demo rules keep their hash."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from allocation.demo.policy import demo_policy
from allocation.rules import BusinessLoss
from allocation.rules.policy import policy_sha256, policy_to_dict
from allocation.rules.text import policy_text
from desktop.rules.policy_editor import TAB_COMPENSATION
from desktop.rules.rules_preview import trace_language
from tests.desktop.conftest import settle
from tests.desktop.test_rules_page import (  # noqa: F401 (fixtures)
    _clear,
    _field,
    _page,
    _stored,
    _type,
    drafted,
    households,
)


def expected_policy():  # type: ignore[no-untyped-def]
    """The demo rules with its first item (房屋价值补偿, 9,000 per m²) paid per move, half
    the allowance in transition housing, and a business loss of 5 % of the assessed value."""
    demo = demo_policy()
    first = dataclasses.replace(demo.compensation[0], moves=True)
    assert demo.transition is not None
    return dataclasses.replace(
        demo, compensation=(first, *demo.compensation[1:]),
        transition=dataclasses.replace(demo.transition, in_housing=Decimal("0.5")),
        business_loss=BusinessLoss(percent=Decimal(5)))


def test_the_demo_rules_keep_their_hash_through_the_forms(qtbot, ctx, drafted):  # noqa: F811
    page = _page(qtbot, ctx)
    assert page.editor.data() == policy_to_dict(demo_policy())
    assert not page.editor.business_loss_box.isChecked()
    assert policy_sha256(page.policy) == policy_sha256(demo_policy())


def test_moves_share_and_business_loss_are_edited_saved_and_read_back(qtbot, ctx,
                                                                      drafted):  # noqa: F811
    page = _page(qtbot, ctx)
    editor = page.editor
    editor.tabs.setCurrentIndex(TAB_COMPENSATION)
    editor.compensation.table.set_cell(0, "moves", "per_move")
    _type(qtbot, _field(page, "transition.in_housing"), "0.5")
    editor.business_loss_box.setChecked(True)
    _type(qtbot, _field(page, "business_loss.percent"), "5")
    expected = expected_policy()
    assert page.policy == expected
    settle(qtbot, lambda: page.preview.rules_view.toPlainText()
           == policy_text(expected, trace_language()))
    text = page.preview.rules_view.toPlainText()
    words = {"zh": ("按搬迁次数计发", "按50%计发过渡安置费", "停产停业损失"),
             "en": ("paid per move", "get 50 % of it", "business loss")}
    assert all(word in text for word in words[trace_language()])
    page.save_button.click()
    settle(qtbot, lambda: not page.dirty())
    assert _stored(ctx).policy == expected
    again = _page(qtbot, ctx)
    assert again.editor.compensation.records()[0]["moves"] is True
    assert again.editor.business_loss_box.isChecked()
    assert [_field(again, p).text() for p in (
        "transition.in_housing", "business_loss.percent", "business_loss.per_area_month",
        "business_loss.months")] == ["0.5", "5", "", ""]
    assert again.policy == expected


def test_bad_values_are_refused_on_their_fields(qtbot, ctx, drafted):  # noqa: F811
    """Both bases at once, a share above 1, a monthly basis without months."""
    page = _page(qtbot, ctx)
    editor = page.editor
    editor.business_loss_box.setChecked(True)
    _type(qtbot, _field(page, "business_loss.percent"), "5")
    _type(qtbot, _field(page, "business_loss.per_area_month"), "30")
    assert [(p.code, p.path) for p in page.problems] == [
        ("business_loss_basis", "business_loss")]
    assert _field(page, "business_loss.percent").styleSheet()
    assert _field(page, "business_loss.per_area_month").styleSheet()
    assert page.policy is None and not page.save_button.isEnabled()
    _clear(qtbot, _field(page, "business_loss.percent"))
    assert [(p.code, p.path) for p in page.problems] == [
        ("months_required", "business_loss.months")]
    assert _field(page, "business_loss.months").styleSheet()
    _type(qtbot, _field(page, "business_loss.months"), "6")
    assert not page.problems
    _type(qtbot, _field(page, "transition.in_housing"), "1.5")
    assert [(p.code, p.path) for p in page.problems] == [
        ("allowance_share_above_one", "transition.in_housing")]
    assert _field(page, "transition.in_housing").styleSheet()
    editor.business_loss_box.setChecked(False)
    _clear(qtbot, _field(page, "transition.in_housing"))
    assert page.policy == demo_policy()
