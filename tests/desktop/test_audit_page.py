"""The Audit page lists the log of a real database and finds a row changed behind the app's back."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import text

import db.registry.operations as registry
from db.registry.queries import AuditRow
from desktop.admin.audit_model import (
    COL_ACTION,
    COL_FIELDS,
    COL_KEY,
    AuditTableModel,
    changed_fields,
)
from desktop.admin.audit_page import AuditPage
from desktop.common.operations import wait_for_idle
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
