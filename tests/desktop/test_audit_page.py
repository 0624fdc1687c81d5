"""The Audit page lists the log of a real database and finds a row changed behind the app's back."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from sqlalchemy import text

import db.registry.importing as importing
import db.registry.operations as registry
import db.selection.desk as selection
from db.registry.queries import AuditRow
from desktop.admin.audit_model import (
    COL_ACTION,
    COL_ENTITY,
    COL_FIELDS,
    COL_KEY,
    AuditTableModel,
    changed_fields,
)
from desktop.admin.audit_page import AuditPage
from desktop.common.operations import wait_for_idle
from desktop.i18n import init_translations, remove_translations
from desktop.shell.record_values import VALUE_WORDS, value_in_words
from tests.desktop.test_desk_scenario import (  # noqa: F401 - fixtures
    demo_ctx,
    session_template,
)
from tests.factories import make_household


def _settle(qtbot, done) -> None:
    wait_for_idle()
    qtbot.waitUntil(done, timeout=5000)


def test_page_lists_events_and_verifies(qtbot, ctx):
    with ctx.factory.begin() as s:
        hid = registry.add_household(s, project_id=ctx.project_id, household=make_household(),
                                     actor="张科员")
        stored = registry.get_household(s, hid)
        registry.update_household(s, household_id=hid, actor="张科员",
                                  household=replace(stored.household, phone="13912345678"))
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    page.set_project()
    _settle(qtbot, lambda: page.model.rowCount() >= 3)
    last = page.model.rowCount() - 1
    assert page.model.data(page.model.index(last, COL_KEY)) == "H001"
    assert page.model.data(page.model.index(last, COL_FIELDS)) == "phone"  # English: field name
    page.search.setText("张科员")
    assert page.model.rowCount() == 2
    page.verify()
    _settle(qtbot, lambda: page.verify_button.isEnabled())
    assert "whole" in page.result_label.text()
    with ctx.factory.begin() as s:
        s.execute(text("UPDATE household SET phone = '110' WHERE code = 'H001'"))
    page.verify()
    _settle(qtbot, lambda: page.verify_button.isEnabled())
    assert "H001" in page.result_label.text() and "phone" in page.result_label.text()


def test_model_without_window_shows_actions_and_changes():
    row = AuditRow(7, datetime(2026, 11, 23, 2, 0, tzinfo=UTC), "op", "update", "flat",
                   "1-1-101", '{"area":"85.00","status":"available"}',
                   '{"area":"85.00","status":"reserved"}')
    model = AuditTableModel()
    model.set_rows([row])
    assert changed_fields(row) == ["status"]
    assert model.data(model.index(0, COL_ACTION)) == "changed"
    assert model.data(model.index(0, COL_FIELDS)) == "status"


def test_a_households_history_finds_its_import_in_a_batch_event(qtbot, ctx):
    """Imported households are logged a batch to an event: searching for one household
    still lists its import (and its later change), and the batch shows its first and last."""
    batch = [make_household(f"H{i:03}", seq=i) for i in range(1, 4)]
    with ctx.factory.begin() as s:
        importing.import_households(s, project_id=ctx.project_id, households=batch,
                                    actor="张科员")
        hid = registry.find_household(s, ctx.project_id, "H002").id
        registry.update_household(s, household_id=hid, actor="张科员",
                                  household=replace(batch[1], phone="13912345678"))
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    page.set_project()
    _settle(qtbot, lambda: page.model.rowCount() >= 2)
    page.search.setText("h002")
    assert page.model.rowCount() == 2
    assert page.model.data(page.model.index(0, COL_ENTITY)) == "imported households"
    assert page.model.data(page.model.index(0, COL_KEY)) == "H001…H003"
    assert page.model.data(page.model.index(1, COL_KEY)) == "H002"
    page.search.setText("H004")
    assert page.model.rowCount() == 0


def test_a_selection_reads_in_chinese(qtbot, qapp, demo_ctx):  # noqa: F811 - the fixture
    """A household called and its flat chosen at the desk: on the Audit page in Chinese the
    events say 叫号 / 选定 of 选房顺序 / 房源 / 选房结果, and the fields changed are named in
    Chinese (叫号时间, 状态), not as the log stores them (call, selection_turn, called_at)."""
    pid = demo_ctx.project_id
    with demo_ctx.factory.begin() as s:
        turn = selection.call_next(s, project_id=pid, operator="王科员")
    with demo_ctx.factory.begin() as s:
        key = selection.offers(s, pid, turn.code)[0].flat.key
        selection.select_flat(s, project_id=pid, code=turn.code, flat_key=key, operator="王科员")
    assert init_translations(qapp, "zh_CN") == "zh_CN"
    page = AuditPage(demo_ctx, value_words=value_in_words)  # as the main window builds it
    qtbot.addWidget(page)
    page.set_project()
    page.search.setText("王科员")
    _settle(qtbot, lambda: page.model.rowCount() >= 4)
    shown = [[page.model.data(page.model.index(r, c)) for c in (COL_ACTION, COL_ENTITY, COL_KEY,
                                                                COL_FIELDS)]
             for r in range(page.model.rowCount())]
    called = next(r for r in shown if r[0] == "叫号")
    assert called[1] == "选房顺序" and "叫号时间" in called[3] and "状态" in called[3]
    chosen = {r[1]: r for r in shown if r[0] == "选定"}
    assert set(chosen) == {"选房顺序", "房源", "选房结果"}
    assert chosen["房源"][2] == key and chosen["房源"][3] == "状态"
    flat_row = next(r for r in range(page.model.rowCount())
                    if page.model.data(page.model.index(r, COL_ENTITY)) == "房源")
    tip = page.model.data(page.model.index(flat_row, COL_FIELDS), Qt.ItemDataRole.ToolTipRole)
    assert tip == "状态: 可选 → 已选"  # the values in the Flats page's words too
    words = " ".join(" ".join((r[0], r[1], r[3])) for r in shown)  # keys are the records' own
    for identifier in ("select", "call", "selection_turn", "called_at", "status"):
        assert identifier not in words
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert not any(h.isascii() for h in headers)
    page.search.setText("选定")  # the words shown are searched too
    assert page.model.rowCount() == 3


def test_value_words_name_every_value_of_their_enums(qapp):
    remove_translations(qapp)  # English, whatever an earlier test left
    """Each table of values the page is given knows every value the database can store."""
    from allocation.casework import FlagKind, FlagStatus, RequestKind, RequestStatus, VisitMethod
    from allocation.registry import CompensationMode, FlatStatus, HouseholdStatus
    from db.selection.base import CALLED, OPEN

    kinds = {("household", "status"): HouseholdStatus, ("progress_step", "step"): HouseholdStatus,
             ("flat", "status"): FlatStatus, ("*", "compensation_mode"): CompensationMode,
             ("visit", "method"): VisitMethod, ("request", "kind"): RequestKind,
             ("request", "status"): RequestStatus, ("case_flag", "kind"): FlagKind,
             ("case_flag", "status"): FlagStatus}
    for (entity, field), kind in kinds.items():
        for value in kind:
            assert value_in_words(entity, field, value.value) not in (None, value.value)
    assert value_in_words("selection_turn", "state", CALLED) == "at the desk"  # English words
    assert value_in_words("selection_session", "status", OPEN) == "in progress"
    assert value_in_words("user", "role", "supervisor") == "supervisor"  # English: its word
    assert value_in_words("flat", "status", "no such status") is None
    assert value_in_words("flat", "area", "85.00") is None
    assert set(VALUE_WORDS) >= set(kinds)
