"""The Draw page on a real database: publish, draw once, export a record that verifies, retract."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

import db.lottery.draws as draws
import desktop.lottery.draw_page as module
from allocation.demo.policy import demo_policy
from allocation.demo.register import demo_households
from allocation.lottery.verifier import first_mismatch, verify_record
from allocation.registry.ids import mask_name
from db.registry.importing import import_households
from db.rules.versions import freeze_policy, set_policy
from desktop.common import file_dialogs
from desktop.lottery.draw_order_model import COL_CODE, COL_HEAD
from desktop.lottery.draw_page import DrawPage
from tests.desktop.conftest import settle

SOURCES = ["931", "2 5 12 18 26 33", "7 14 21 28 35 3"]


@pytest.fixture
def households(ctx):
    chosen = demo_households()[:20]
    with ctx.factory.begin() as s:
        import_households(s, project_id=ctx.project_id, households=chosen, actor="tester")
        set_policy(s, project_id=ctx.project_id, policy=demo_policy(), actor="tester")
        freeze_policy(s, project_id=ctx.project_id, actor="tester")
    return chosen


@pytest.fixture
def answers(monkeypatch):
    """Every confirmation answered Yes; the retract reason taken from ``answers['reason']``."""
    given = {"reason": "公证员未到场", "path": "", "asked": 0}

    def question(*_args, **_kwargs):
        given["asked"] += 1
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(module.QMessageBox, "question", question)
    monkeypatch.setattr(module.QInputDialog, "getMultiLineText",
                        lambda *_a, **_k: (given["reason"], True))
    monkeypatch.setattr(file_dialogs, "get_save_file_name",
                        lambda *_a, **_k: (given["path"], "*.json"))
    assert module.QMessageBox is QMessageBox and module.QInputDialog is QInputDialog
    return given


def _page(qtbot, ctx) -> DrawPage:
    page = DrawPage(ctx)
    qtbot.addWidget(page)
    page.resize(1148, 740)
    page.set_project()
    settle(qtbot, lambda: page.state is not None)
    return page


def _current(ctx):
    with ctx.factory() as s:
        return draws.counting_draw(s, ctx.project_id), draws.current_pool(s, ctx.project_id)


def _published(qtbot, ctx, page) -> None:
    assert page.publish_button.isEnabled()
    page.publish()
    settle(qtbot, lambda: page.state is not None and page.state.pool is not None)


def _fill(page, sources) -> None:
    for edit, text in zip(page.source_edits, sources, strict=False):
        edit.setText(text)
    page.add_witness("公证员", "王公证")


def test_publish_draw_export_retract(qtbot, ctx, households, answers, tmp_path):
    page = _page(qtbot, ctx)
    assert "frozen" in page.policy_label.text()
    assert not page.draw_button.isEnabled()
    _published(qtbot, ctx, page)
    _draw, pool = _current(ctx)
    assert pool is not None and pool.size == 20
    assert pool.pool_sha256 == page.pool_sha_label.text()
    assert not page.publish_button.isEnabled()

    _fill(page, SOURCES)
    page.draw()
    settle(qtbot, lambda: page.model.rowCount() == 20)
    drawn, _pool = _current(ctx)
    assert drawn is not None and drawn.status == draws.ACTIVE
    assert page.model.codes() == drawn.final_order
    assert drawn.record_sha256 == page.record_sha_label.text()
    assert drawn.record["key"] == page.key_label.text()
    assert drawn.witnesses == [{"role": "公证员", "name": "王公证"}]
    assert [s["announced"] for s in drawn.record["sources"]] == SOURCES
    heads = {h.code: h.head_name for h in households}
    first = page.model.data(page.model.index(0, COL_CODE))
    assert page.model.data(page.model.index(0, COL_HEAD)) == mask_name(heads[first])
    assert page.model.data(page.model.index(0, COL_HEAD)) != heads[first]
    assert page.table.font().pointSize() >= 16
    assert "done" in page.draw_label.text()
    assert not page.draw_button.isEnabled()
    assert page.form_box.isHidden()  # the order gets the whole width once drawn
    page.projector_button.setChecked(True)
    assert page.table.font().pointSize() > 16
    page.projector_button.setChecked(False)
    assert page.table.font().pointSize() == 16

    page.resize(1280, 800)
    page.grab().save("/tmp/draw_page.png")
    page.resize(1148, 740)  # its size in the main window at 1280×800
    page.grab().save("/tmp/draw_page_in_window.png")

    answers["path"] = str(tmp_path / "draw.json")
    page.export_record()
    record = json.loads((tmp_path / "draw.json").read_text(encoding="utf-8"))
    findings = verify_record(record)
    assert first_mismatch(findings) is None and all(f.ok for f in findings)

    answers["reason"] = "   "
    page.retract()
    assert "reason" in page.error_label.text()
    assert _current(ctx)[0] is not None  # still active

    answers["reason"] = "公证员未到场"
    page.retract()
    settle(qtbot, lambda: "retracted" in page.draw_label.text())
    assert "公证员未到场" in page.draw_label.text()
    assert _current(ctx)[0] is None
    assert page.draw_button.isEnabled()  # new sources may be announced
    assert "RETRACTED" in page.result_title.text()


def test_bad_source_shows_the_coded_error_and_draws_nothing(qtbot, ctx, households, answers):
    page = _page(qtbot, ctx)
    _published(qtbot, ctx, page)
    _fill(page, ["931", "-5"])
    page.draw()
    settle(qtbot, lambda: page.error_label.text() != "")
    assert "source 2: -5 is negative" in page.error_label.text()
    assert page.draw_button.isEnabled()
    assert page.model.rowCount() == 0
    with ctx.factory() as s:
        assert draws.draw_history(s, ctx.project_id) == []  # the transaction rolled back


def test_publish_needs_confirmation(qtbot, ctx, households, monkeypatch):
    monkeypatch.setattr(module.QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Cancel)
    page = _page(qtbot, ctx)
    page.publish()
    settle(qtbot, lambda: True)
    assert _current(ctx)[1] is None
    assert "not published" in page.pool_label.text()
