"""The Draw page once a session uses the draw: the retraction's refusal is shown in the
status box (always on screen), the Retract button is disabled saying why, a supervisor
voids the session from the page, and the buttons follow the signed-in user's role."""

from __future__ import annotations

from datetime import date

import pytest

import db.lottery.draws as draws
from db.admin import create_user
from db.selection import find_session, open_session, selection_results
from tests.desktop.conftest import settle
from tests.desktop.test_draw_page import SOURCES, _page, answers, households  # noqa: F401

ON = date(2026, 11, 1)


@pytest.fixture
def drawn(ctx, households):  # noqa: F811
    with ctx.factory.begin() as s:
        draws.publish_pool(s, project_id=ctx.project_id, actor="tester", on=ON)
        draws.announce_and_draw(s, project_id=ctx.project_id, sources=SOURCES, actor="tester")
    return ctx.project_id


def _open_elsewhere(ctx) -> None:
    """Another workstation opens the session (this page has not reloaded yet)."""
    with ctx.factory.begin() as s:
        open_session(s, project_id=ctx.project_id, operator="tester", held_on=ON)


def test_a_refused_retraction_is_shown_and_the_button_says_why(qtbot, ctx, drawn,
                                                               answers):  # noqa: F811
    page = _page(qtbot, ctx)
    page.show()
    assert page.retract_button.isEnabled() and page.void_button.isHidden()
    _open_elsewhere(ctx)
    page.retract()  # the page still thinks nothing uses the draw
    settle(qtbot, lambda: page.error_label.text() != "")
    page.grab().save("/tmp/draw_page_refused.png")
    assert "cannot be retracted" in page.error_label.text()
    assert "void the session first" in page.error_label.text()
    assert page.error_label.isVisible()  # in the status box, not the hidden sources box
    assert page.form_box.isHidden()
    with ctx.factory() as s:
        assert draws.counting_draw(s, ctx.project_id) is not None  # nothing retracted
    page.reload()
    settle(qtbot, lambda: page.state is not None and page.state.session is not None)
    assert not page.retract_button.isEnabled()
    tip = page.retract_button.toolTip()
    assert "The draw is final" in tip and "(under way, 0 flats chosen)" in tip
    assert "uses its order" in page.draw_label.text()
    assert page.void_button.isVisible() and page.void_button.isEnabled()
    page.grab().save("/tmp/draw_page_in_session.png")

    answers["reason"] = "现场秩序混乱"
    page.void()
    settle(qtbot, lambda: page.state is not None and page.state.session is None)
    assert page.error_label.text() == "" and not page.error_label.isVisible()
    assert page.retract_button.isEnabled() and page.retract_button.toolTip() == ""
    with ctx.factory() as s:
        assert find_session(s, ctx.project_id) is None
        assert selection_results(s, ctx.project_id, active_only=True) == []
    answers["reason"] = "种子公布有误"
    page.retract()
    settle(qtbot, lambda: "retracted" in page.draw_label.text())


def test_the_buttons_follow_the_role(qtbot, ctx, drawn, answers):  # noqa: F811
    with ctx.factory.begin() as s:
        create_user(s, name="admin", role="admin", password="secret-admin-1", actor="admin")
        create_user(s, name="clerk", role="operator", password="secret-clerk-1",
                    actor="admin")
    _open_elsewhere_as_admin(ctx)
    ctx.actor = "clerk"
    page = _page(qtbot, ctx)
    assert page.state is not None and not page.state.supervisor
    assert not page.void_button.isEnabled()
    assert "Only a supervisor" in page.void_button.toolTip()
    assert not page.retract_button.isEnabled()
    ctx.actor = "admin"
    page.reload()
    settle(qtbot, lambda: page.state is not None and page.state.supervisor)
    assert page.void_button.isEnabled()


def _open_elsewhere_as_admin(ctx) -> None:
    with ctx.factory.begin() as s:
        open_session(s, project_id=ctx.project_id, operator="admin", held_on=ON)
