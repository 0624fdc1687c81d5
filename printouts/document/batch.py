"""Batch documents: one section per household (agreement, slip, trace sheet), each from a new page.

A batch prints many households' papers in one PDF (subsetting the font
once per file is what makes a batch fast), yet each household's paper is
a document of its own: it opens on a fresh page under the big title, and
its footer counts *its* pages (第 x 页 / 共 y 页), as a contract must state
its own length. The footer also names the section (e.g. 协议编号 …) and
gives the sheet's place in the whole batch (本批第 n / N 张), so loose
sheets can be put back together.

How pages learn their section: a zero-size :class:`SectionMark` opens each
section and, when drawn, writes the section's index onto the canvas; the
:class:`~printouts.document.base.NumberedCanvas` keeps that attribute in every held
page's state, so once all pages are laid out the footer can count the
pages of each section.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph

from printouts.document.base import BaseDocument, DocumentInfo, Headline
from printouts.document.fonts import FONT_NAME
from printouts.document.styles import FOOTER_SIZE, GREY
from printouts.document.text import clean

SECTION_ATTR: Final = "anju_section"
EMPTY_TEXT: Final = "本批无记录。"


class SectionMark(Flowable):
    """Takes no room; marks the page it lands on, and those after it, as section ``index``."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        setattr(self.canv, SECTION_ATTR, self.index)


@dataclass(frozen=True, slots=True)
class SectionPage:
    """Where a page stands: its section (None before any mark), its number in it, the count."""

    section: int | None
    number: int
    count: int


def section_pages(states: Sequence[Mapping[str, Any]]) -> list[SectionPage]:
    """The section numbering of each held page, from the pages' canvas states.

    Sections are contiguous runs of pages (each opens on a new page), so a
    section's count is the number of pages carrying its index.
    """
    keys = [state.get(SECTION_ATTR) for state in states]
    counts = Counter(keys)
    seen: Counter[int | None] = Counter()
    pages = []
    for key in keys:
        seen[key] += 1
        pages.append(SectionPage(key, seen[key], counts[key]))
    return pages


class BatchDocument(BaseDocument):
    """A document of sections, one per item, each from a new page and numbered on its own.

    Subclasses implement :meth:`_sections`, yielding for each item the
    label its footer shows (``协议编号：…``) and its flowables (after the
    big title, which the batch adds).
    """

    public = False

    def __init__(self, info: DocumentInfo) -> None:
        super().__init__(info)
        self._labels: list[str] = []
        self._pages: list[SectionPage] = []

    def _sections(self) -> Iterable[tuple[str, list[Flowable]]]:
        raise NotImplementedError

    def _title_block(self) -> list[Flowable]:
        return []  # each section carries its own title

    def _story(self) -> list[Flowable]:
        story: list[Flowable] = []
        self._labels = []
        for index, (label, flowables) in enumerate(self._sections()):
            if index:
                # The new section's first page takes the first-page template: no running header.
                story += [NextPageTemplate("FirstPage"), PageBreak()]
            self._labels.append(clean(label))
            story += [SectionMark(index), self._headline(), *flowables]
        return story or [self._headline(), Paragraph(EMPTY_TEXT, self.styles["Body"])]

    def _headline(self) -> Headline:
        return Headline([self.info.project, self.document_title])

    # --- page furniture ------------------------------------------------------

    def _finish_page(self, canv: Canvas, page: int, pages: int) -> None:
        if page == 1:
            self._pages = section_pages(getattr(canv, "page_states", ()))
        super()._finish_page(canv, page, pages)

    def _draw_footer(self, canv: Canvas, page: int, pages: int) -> None:
        where = self._where(page, pages)
        super()._draw_footer(canv, where.number, where.count)
        width, _height = self.pagesize
        baseline = self.bottom_margin - 9 * mm  # the page number's line
        canv.saveState()
        canv.setFont(FONT_NAME, FOOTER_SIZE + 1)
        label = self._labels[where.section] if where.section is not None else ""
        canv.drawString(self.left_margin, baseline, label)
        canv.setFillColor(GREY)
        canv.setFont(FONT_NAME, FOOTER_SIZE)
        canv.drawRightString(width - self.right_margin, baseline, f"本批第 {page} / {pages} 张")
        canv.restoreState()

    def _where(self, page: int, pages: int) -> SectionPage:
        if len(self._pages) == pages:
            return self._pages[page - 1]
        return SectionPage(None, page, pages)  # rendered without a NumberedCanvas
