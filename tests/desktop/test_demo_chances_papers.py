"""`anju demo --out` prints the chances sheets and the supply and demand report, and each
household's sheet, printed after the session, says what its 选房通知书 said before it."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

TABLE = re.compile(r"测算有房概率(.*?)至少剩余：")


def _pages(path) -> list[str]:  # type: ignore[no-untyped-def]
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages]


@pytest.mark.slow  # shares the demo built once (`anju demo --out`)
def test_the_demo_prints_the_sheets_and_the_report(demo_out) -> None:
    """199 households drawn, one sheet each. The appointment notices were printed before
    the session, the sheets after it (the demo rehearses its session first): the figures
    per layout are the same on both, page by page (both in the drawn order), since both
    are made from the stock as it stood before the session. The first household drawn has
    nobody ahead: every estimate of its sheet is 100.0%."""
    sheets = _pages(demo_out.out / "chances-sheet.pdf")
    notices = _pages(demo_out.out / "appointments.pdf")
    assert len(sheets) == len(notices) == 199
    for sheet, notice in zip(sheets, notices, strict=True):
        code = re.search(r"户号([A-Z0-9]+)", sheet)
        assert code is not None and f"户号：{code.group(1)}" in notice
        assert TABLE.search(sheet) and TABLE.search(notice)
        assert TABLE.search(sheet).group(1) == TABLE.search(notice).group(1)  # type: ignore[union-attr]
    first = TABLE.search(sheets[0]).group(1)  # type: ignore[union-attr]
    assert "第1号" in sheets[0] and first.count("%") == first.count("100.0%") > 0
    report = "".join(_pages(demo_out.out / "report-supply.pdf"))
    assert "人房供需情况分析表" in report and "缺口" in report and "内部资料" in report
