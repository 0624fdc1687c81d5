"""The desk with a household that may take two flats (一户多套, issue 13 item 1): it takes one,
then a second, the rules refusing one on the way with their reason shown, and confirms both
at once; the slip lists both; revoking returns both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import db.selection as selection
from allocation.registry.model import FlatStatus
from allocation.rules import step_text
from allocation.trace import TraceStep
from db.store.engine import make_engine, make_session_factory
from desktop.common.context import AppContext
from desktop.common.operations import wait_for_idle
from desktop.i18n import remove_translations, trace_language
from desktop.session.desk_models import TurnColumn
from desktop.session.session_page import SessionPage
from tests.db.test_several_flats import build_two_flat_project
from tests.desktop.conftest import settle
from tests.desktop.test_desk import (  # noqa: F401 - fixtures
    answers,
    changed,
    flat_status,
    make_desk,
    press,
    printed,
    version,
)
from tests.desktop.test_desk_scenario import act, read
from tests.printouts.readback import read_back, squeeze

NAME = "一户多套"


@pytest.fixture
def two_flat_ctx(qapp: QApplication, db_url: str) -> Iterator[AppContext]:
    """The project of tests/db/test_several_flats.py: household H001 (150 m²) at the desk,
    rules allowing two flats."""
    engine = make_engine(db_url)
    factory = make_session_factory(engine)
    with factory.begin() as s:
        project_id = build_two_flat_project(s, name=NAME)
    yield AppContext(factory=factory, url=db_url, actor="tester", project_id=project_id,
                     project_name=NAME)
    wait_for_idle()
    QApplication.processEvents()
    remove_translations(qapp)
    engine.dispose()


@pytest.fixture
def desk(qtbot, two_flat_ctx, tmp_path, printed) -> Iterator[SessionPage]:  # noqa: F811
    page = make_desk(qtbot, two_flat_ctx, tmp_path, printed)
    yield page
    page.hide()


def _taken(page: SessionPage) -> tuple[str, ...]:
    return page.taken_keys()


def _refusal(ctx, taken, key) -> str:
    step = read(ctx, lambda s: selection.flat_refusal(s, ctx.project_id, "H001", taken, key))
    assert isinstance(step, TraceStep)
    return step_text(step, trace_language())


def test_a_household_takes_two_flats_one_refused_on_the_way(  # noqa: F811
        qtbot, desk, two_flat_ctx, answers, printed):  # noqa: F811
    ctx, page = two_flat_ctx, desk
    assert page.view is not None and page.view.several and page.view.most_flats == 2
    assert page.buttons["take"].isVisible() and page.taken_panel.isVisible()
    assert "2" in page.taken_panel.text()

    assert page.choose("1-1-301")
    press(qtbot, page, Qt.Key.Key_F4)
    settle(qtbot, lambda: _taken(page) == ("1-1-301",))
    panel = page.taken_panel.text()
    # Alone, 90 m² of the 150 m² entitlement at 5,000 yuan: 450,000.00; 60 m² left.
    for part in ("1-1-301", "450,000.00", "90.00", "60.00", "1 of at most 2"):
        assert part in panel
    assert [o.flat.key for o in page.view.offers] == ["1-1-302", "1-1-402"]

    # 1-1-401 (100 m²) would make 190 m², over 150 + 30: refused in the rules' words.
    flat_id = next(s.id for s in page.view.flats if s.flat.key == "1-1-401")
    page.building.flatActivated.emit(flat_id)
    reason = _refusal(ctx, ["1-1-301"], "1-1-401")
    settle(qtbot, lambda: reason in page.message_label.text())
    assert "1-1-401" in page.message_label.text() and _taken(page) == ("1-1-301",)

    page.take_flat("1-1-402")  # taken, then put back with Shift+F4
    settle(qtbot, lambda: _taken(page) == ("1-1-301", "1-1-402"))
    press(qtbot, page, Qt.Key.Key_F4, Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, lambda: _taken(page) == ("1-1-301",))

    page.take_flat("1-1-302")
    settle(qtbot, lambda: _taken(page) == ("1-1-301", "1-1-302")
           and "2 of at most 2" in page.taken_panel.text())
    panel = page.taken_panel.text()
    # By hand (tests/db/test_several_flats.py): 450,000 + 60 × 6,000 = 810,000.00;
    # 1,371,600.00 − 810,000.00 = +561,600.00; 150 of 150 m² used, 0 left.
    for part in ("1-1-302", "360,000.00", "810,000.00", "+561,600.00", "150.00", "0.00"):
        assert part in panel
    assert page.view.offers == () and not page.enabled_actions()["take"]
    # A third flat: the rules allow two.
    page.take_flat("1-1-402")
    third = _refusal(ctx, ["1-1-301", "1-1-302"], "1-1-402")
    settle(qtbot, lambda: third in page.message_label.text())

    before = version(page)
    press(qtbot, page, Qt.Key.Key_Return)
    changed(qtbot, page, before)
    _title, text = answers["questions"][-1]
    for part in ("2", "1-1-301", "1-1-302", "810,000.00", "+561,600.00"):
        assert part in text
    made = read(ctx, lambda s: selection.selection_results(s, ctx.project_id))
    assert [(m.flat_key, m.flat_no) for m in made] == [("1-1-301", 1), ("1-1-302", 2)]
    assert sum(m.settlement for m in made) == 561600
    assert flat_status(ctx, "1-1-302") == FlatStatus.SELECTED
    assert _taken(page) == ()
    row = page.turns_model.row_of("H001")
    assert page.turns_model.index(row, TurnColumn.FLAT).data() == "1-1-301、1-1-302"
    settle(qtbot, lambda: bool(printed))

    act(ctx, lambda s: selection.desk.revoke(s, project_id=ctx.project_id, code="H001",
                                             reason="选错", supervisor="tester"))
    assert {flat_status(ctx, k) for k in ("1-1-301", "1-1-302")} == {FlatStatus.AVAILABLE}


def test_the_slip_of_two_flats_lists_both(  # noqa: F811
        qtbot, desk, two_flat_ctx, answers, printed, tmp_path: Path):  # noqa: F811
    ctx, page = two_flat_ctx, desk
    act(ctx, lambda s: selection.select_flats(s, project_id=ctx.project_id, code="H001",
                                              flat_keys=["1-1-301", "1-1-302"],
                                              operator="tester"))
    page.print_slip("H001")
    settle(qtbot, lambda: bool(printed))
    text = squeeze(read_back(printed[0].path.read_bytes(), 0).text)
    for part in ("1-1-301", "1-1-302", "合计（2套）", "150.00", "810,000.00"):
        assert part in text
    # Each flat's own price line, its subtotal and the running totals (worked by hand in
    # tests/db/test_several_flats.py: 90 × 5,000 = 450,000.00; 60 × 6,000 = 360,000.00).
    assert "1-1-301小计90.00累计90.00㎡，450,000.00元450,000.00" in text
    assert "1-1-302小计60.00累计150.00㎡，810,000.00元360,000.00" in text
    assert printed[0].pages == 1
