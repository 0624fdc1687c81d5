"""The Printouts page offers the chances sheets and the supply and demand report."""

from __future__ import annotations

import pytest

from tests.desktop.test_printouts_page import demo, page, preview, text_of  # noqa: F401

pytestmark = pytest.mark.gui


def test_the_supply_report_previews_and_the_sheets_need_the_draw(qtbot, page):  # noqa: F811
    """The demo copy has frozen rules and intentions but no draw: the report previews with
    its three tables (199 households, 173 with an intention, as the demo records them); the
    sheets are refused in words until the draw."""
    preview(qtbot, page, "report-supply")
    tab = page.documents
    assert tab.rendered is not None
    text = text_of(tab.rendered.pdf)
    assert "人房供需情况分析表" in text and "参加选房共199户" in text
    assert "已登记选房意向173户" in text and "三、按优先组（限选房源）" in text
    assert not tab.household.isEnabled()
    preview(qtbot, page, "chances-sheet")
    assert tab.rendered is None and "no active draw" in tab.status.text()
    assert tab.household.isEnabled()
