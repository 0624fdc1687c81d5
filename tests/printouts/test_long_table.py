"""A long data table prints what ReportLab's own Table prints, page for page (in linear time)."""

from __future__ import annotations

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

import printouts.document.tables as tables
from printouts.document.base import BaseDocument, DocumentInfo
from printouts.document.long_table import CHUNK_ROWS, LongDataTable
from printouts.document.tables import cell, data_table, keep_with_next, span_row, total_row
from tests.printouts.readback import make_info, render

ROWS = 2 * CHUNK_ROWS + 37
GROUP_ROW = CHUNK_ROWS + 5  # a label row kept with the row under it, past the first chunk


class Register(BaseDocument):
    """A numbered register: plain and paragraph cells, a group label row, a spanned total row."""

    kind = "register"
    title = "登记表"

    def __init__(self, info: DocumentInfo, rows: int) -> None:
        super().__init__(info)
        self.rows = rows

    def _story(self) -> list[Flowable]:
        body: list[list[object]] = [
            [f"R{n:04d}", cell(f"第{n}行" + "长文本" * (n % 7), self.styles), str(n * 3)]
            for n in range(1, self.rows + 1)
        ]
        body[GROUP_ROW - 1] = ["分组标签", "", ""]
        body.append(["合计", "", str(sum(n * 3 for n in range(1, self.rows + 1)))])
        extra = [*span_row(GROUP_ROW), *keep_with_next(GROUP_ROW), ("SPAN", (0, len(body)),
                 (1, len(body))), *total_row(len(body))]  # fmt: skip
        widths = [w * mm for w in (30, 100, 44)]
        return [data_table(("编号", "内容", "数值"), body, widths, ("CENTER", "LEFT", "RIGHT"),
                           self.styles, extra)]  # fmt: skip


def pages(monkeypatch: pytest.MonkeyPatch | None = None) -> list[str]:
    document = Register(make_info(), ROWS)
    if monkeypatch is not None:  # ReportLab's own Table, however long
        monkeypatch.setattr(tables, "CHUNK_ROWS", 10**9)
    return render(document).pages


def test_long_tables_are_chunked():
    document = Register(make_info(), ROWS)
    assert isinstance(document._story()[0], LongDataTable)


def test_pages_are_the_same_as_with_reportlabs_table(monkeypatch):
    """Same rows on the same pages, header on each, group label and total where they belong."""
    chunked = pages()
    plain = pages(monkeypatch)
    assert chunked == plain
    assert len(chunked) > 3
    assert all("编号" in page and "数值" in page for page in chunked)
    text = "".join(chunked)
    codes = [f"R{n:04d}" for n in range(1, ROWS + 1) if n != GROUP_ROW]
    positions = [text.index(code) for code in codes]
    assert positions == sorted(positions)
    assert all(text.count(code) == 1 for code in codes)
    assert "合计" in chunked[-1] and "分组标签" in text
