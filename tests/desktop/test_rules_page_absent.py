"""The Rules page chooses where a household absent after its calls is called again
(session.absent): chosen on the groups tab, printed in the rules text, saved and read back;
left at the default the demo rules keep their hash."""

from __future__ import annotations

import dataclasses

from allocation.demo.policy import demo_policy
from allocation.rules import SessionRules
from allocation.rules.policy import policy_sha256, policy_to_dict
from allocation.rules.text import policy_text
from desktop.rules.policy_editor import TAB_GROUPS
from desktop.rules.rules_preview import trace_language
from tests.desktop.conftest import settle
from tests.desktop.test_rules_page import (  # noqa: F401 (fixtures)
    _page,
    _stored,
    drafted,
    households,
)


def test_the_absent_rule_is_chosen_printed_saved_and_read_back(qtbot, ctx, drafted):  # noqa: F811
    page = _page(qtbot, ctx)
    editor = page.editor
    assert editor.absent_combo.currentData() == "end_of_batch"
    assert editor.data() == policy_to_dict(demo_policy())  # the default: no key, same hash
    assert policy_sha256(page.policy) == policy_sha256(demo_policy())
    editor.tabs.setCurrentIndex(TAB_GROUPS)
    editor.absent_combo.setCurrentIndex(editor.absent_combo.findData("next_batch"))
    expected = dataclasses.replace(demo_policy(), session=SessionRules("next_batch"))
    assert page.policy == expected
    settle(qtbot, lambda: page.preview.rules_view.toPlainText()
           == policy_text(expected, trace_language()))
    words = {"zh": "移至下一批次末尾再次叫号", "en": "at the end of the next batch"}
    assert words[trace_language()] in page.preview.rules_view.toPlainText()
    page.save_button.click()
    settle(qtbot, lambda: not page.dirty())
    assert _stored(ctx).policy == expected
    again = _page(qtbot, ctx)
    assert again.editor.absent_combo.currentData() == "next_batch"
    assert again.policy == expected
