"""The base of every printout: A4 pages, header, "第 x 页 / 共 y 页" footer, hashes, 演练 watermark.

A document is a :class:`BaseDocument` subclass that builds its story from
small ``_section_*`` methods laying out plain data it was given (never a
database session). The base adds, on every page:

* a header with the project and the document title (the first page carries
  the big :class:`Headline` instead);
* a footer with the page number and page count, the print time, the full
  SHA-256 of the frozen policy (or a note that none is frozen) and the
  anchor of the audit chain: its full head and event count, ``审计链头：HEX@N``,
  which `anju audit verify --from-pdf` reads back to prove the chain still
  holds that head at that place;
* on the first page, a QR code (:func:`anchor_qr_text`) holding the
  document's title and version, the same ``HEX@N`` and the document's
  content SHA-256 (:attr:`BaseDocument.content_sha256`);
* for a rehearsal project, a large diagonal 演练 over the content.

Page counts need a second pass: :class:`NumberedCanvas` keeps every page
until the end, then draws the footer knowing the total (pretix's pattern).

Output is reproducible: the same data and :class:`DocumentInfo` give the
same bytes, because the PDF's dates are the print time and its ID is fixed
(ReportLab's ``invariant`` mode). A publication's content SHA-256 therefore
identifies what was printed.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property, partial
from pathlib import Path
from typing import Any, BinaryIO, ClassVar, Final

from reportlab import rl_config
from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
)

from printouts.document.fonts import FONT_NAME, missing_glyphs, register_font
from printouts.document.long_table import LongDataTable
from printouts.document.styles import FOOTER_SIZE, GREY, build_stylesheet
from printouts.document.text import DASH, clean, escape, zh_datetime

_SHA256: Final = re.compile(r"[0-9a-f]{64}")
WATERMARK_TEXT: Final = "演练"
WATERMARK_COLOR: Final = colors.HexColor("#C0392B")
RULE_COLOR: Final = colors.HexColor("#888888")
CREATOR: Final = "Anju 安居"
#: The anchor's QR code, in the footer's right corner of the first page.
QR_SIDE: Final = 17 * mm

PageHook = Callable[[Canvas, int, int], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentInfo:
    """What every printout states about itself, besides its own data.

    Args:
        project: the project's name, printed in the header and title.
        audit_head: the hash at the head of the audit chain when printed
            (hex); ``""`` prints as —.
        printed_at: the print time (also the PDF's creation date).
        rehearsal: a rehearsal project: every page carries 演练.
        policy_sha256: SHA-256 (64 lower-case hex) of the frozen policy, or
            None while no policy is frozen.
        version: a publication or version label such as ``第2版``.
        title: replaces the document's own title (e.g. for a second batch).
        audit_count: the number of events ``audit_head`` closes (printed as
            ``HEX@N``), or None where it is not known (the head alone).

    Raises:
        ValueError: for an empty project or a malformed policy hash.
    """

    project: str
    audit_head: str
    printed_at: datetime
    rehearsal: bool = False
    policy_sha256: str | None = None
    version: str | None = None
    title: str | None = None
    audit_count: int | None = None

    def __post_init__(self) -> None:
        if not clean(self.project):
            raise ValueError("DocumentInfo.project must not be empty")
        if self.policy_sha256 is not None and not _SHA256.fullmatch(self.policy_sha256):
            raise ValueError(
                f"policy_sha256 must be 64 lower-case hex digits: {self.policy_sha256!r}"
            )


def anchor_qr_text(title: str, info: DocumentInfo, content_sha256: str) -> str:
    """The QR code's text, in Chinese labels, one fact a line: the document (title and
    version, as the registry numbers a notice), the chain anchor ``HEX@N`` and the
    content SHA-256."""
    head = clean(info.audit_head) or DASH
    anchor = head if info.audit_count is None else f"{head}@{info.audit_count}"
    document = " ".join(filter(None, [clean(info.project), title, clean(info.version or "")]))
    return f"文件：{document}\n审计链头：{anchor}\n内容SHA-256：{content_sha256}"


def pdf_date(moment: datetime) -> str:
    """A PDF date string (``D:20261123140500+08'00'``) for ``moment``."""
    text = f"D:{moment:%Y%m%d%H%M%S}"
    offset = moment.utcoffset()
    if offset is None:
        return text
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"{text}{sign}{hours:02d}'{rest:02d}'"


class NumberedCanvas(Canvas):
    """A canvas that holds back every page so ``finish_page(canvas, page, pages)`` knows the total.

    ``showPage`` stores the page's state instead of emitting it; ``save``
    replays each page, calls ``finish_page`` to draw the footer (and
    anything else that needs the page count) on top, and emits it.
    """

    def __init__(
        self, *args: Any, finish_page: PageHook, created: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._finish_page = finish_page
        self._saved_pages: list[dict[str, Any]] = []
        if created is not None:
            self.setDateFormatter(lambda *_ignored: created)

    @property
    def page_states(self) -> Sequence[dict[str, Any]]:
        """The held-back pages' states (read-only use), e.g. to number pages within a section."""
        return self._saved_pages

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # ReportLab's, untyped

    def save(self) -> None:
        pages = len(self._saved_pages)
        for number, state in enumerate(self._saved_pages, start=1):
            self.__dict__.update(state)
            self._finish_page(self, number, pages)
            super().showPage()
        super().save()


class Headline(Flowable):
    """Centred title lines drawn filled and outlined, so a one-weight font reads as bold.

    A line wider than the frame is set smaller until it fits, rather than
    wrapped mid-word.
    """

    def __init__(
        self, lines: Sequence[str], *, font_name: str = FONT_NAME, size: float = 18,
        space_after: float = 8,
    ) -> None:  # fmt: skip
        super().__init__()
        self.lines = [clean(line) for line in lines if clean(line)]
        self.font_name = font_name
        self.size = size
        self.space_after = space_after
        self._sizes: list[float] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self._sizes = [self._fitting_size(line, avail_width) for line in self.lines]
        self.height = sum(size * 1.5 for size in self._sizes) + self.space_after
        return self.width, self.height

    def _fitting_size(self, line: str, width: float) -> float:
        natural = stringWidth(line, self.font_name, self.size)
        return self.size if natural <= width else self.size * width / natural * 0.98

    def draw(self) -> None:
        canv = self.canv
        y = self.height - self.space_after
        canv.saveState()
        canv.setStrokeColor(colors.black)
        for line, size in zip(self.lines, self._sizes, strict=True):
            y -= size * 1.5
            canv.setFont(self.font_name, size)
            # Render mode 2 (fill, then stroke) thickens the strokes: a faux bold.
            canv.setLineWidth(size * 0.035)
            canv.drawCentredString(self.width / 2, y + size * 0.35, line, mode=2)
        canv.restoreState()


class BaseDocument:
    """An A4 printout with header, numbered footer, hashes and rehearsal watermark.

    Subclasses set :attr:`kind` (the CLI's name) and :attr:`title`, and
    implement :meth:`_story` from ``_section_*`` methods. Page geometry is
    in class attributes so a document may change it.

    After :meth:`render`, :attr:`page_count` is the number of pages and
    :attr:`missing_characters` lists characters of the document's text that
    the font cannot show (they print blank): callers should warn about them.
    """

    kind: ClassVar[str] = ""
    title: ClassVar[str] = ""
    #: A public document masks every name and ID number.
    public: ClassVar[bool] = True

    pagesize: ClassVar[tuple[float, float]] = A4
    left_margin: ClassVar[float] = 18 * mm
    right_margin: ClassVar[float] = 18 * mm
    top_margin: ClassVar[float] = 22 * mm
    bottom_margin: ClassVar[float] = 26 * mm

    def __init__(self, info: DocumentInfo) -> None:
        self.info = info
        self.page_count = 0
        self.missing_characters: tuple[str, ...] = ()
        #: SHA-256 of the texts the document prints above its footers (title, version, every
        #: paragraph and table cell, in story order, one per line, UTF-8); set by render.
        #: It names the content whatever the print time and head: it cannot be the PDF's
        #: own SHA-256, which the QR code holding it would change.
        self.content_sha256 = ""

    # --- public --------------------------------------------------------------

    @property
    def width(self) -> float:
        """The width of the text frame, in points."""
        return self.pagesize[0] - self.left_margin - self.right_margin

    @property
    def document_title(self) -> str:
        return clean(self.info.title) or self.title

    @cached_property
    def styles(self) -> StyleSheet1:
        """The named styles; finding the font first (FontNotFound if there is none)."""
        register_font()
        return build_stylesheet()

    def render(self, output: BinaryIO | str | os.PathLike[str]) -> int:
        """Write the PDF to a binary stream or a file path and return its page count.

        A path is written atomically: a failed render leaves no half-written file.

        Raises:
            FontNotFound: when no Chinese TrueType font is available.
        """
        pdf = self.render_bytes()
        if isinstance(output, str | os.PathLike):
            _write_atomically(Path(output), pdf)
        else:
            output.write(pdf)
        return self.page_count

    def render_bytes(self) -> bytes:
        """The PDF as bytes (see :meth:`render`)."""
        register_font()
        story = [*self._title_block(), *self._story()]
        texts = list(self._texts(story))
        self.missing_characters = tuple(missing_glyphs("".join(texts)))
        self.content_sha256 = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()
        buffer = io.BytesIO()
        with _binary_streams():
            self._doc_template(buffer).build(
                story,
                canvasmaker=partial(
                    NumberedCanvas,
                    finish_page=self._finish_page,
                    created=pdf_date(self.info.printed_at),
                ),
            )
        return buffer.getvalue()

    # --- hooks for subclasses ------------------------------------------------

    def _story(self) -> list[Flowable]:
        """The flowables after the title block, built from ``_section_*`` methods."""
        raise NotImplementedError

    def _title_block(self) -> list[Flowable]:
        """The first page's big title: project and document title, then the version label."""
        block: list[Flowable] = [Headline([self.info.project, self.document_title])]
        if self.info.version:
            block.append(Paragraph(f"（{escape(self.info.version)}）", self.styles["Subtitle"]))
        return block

    def _texts(self, story: Sequence[Flowable]) -> Iterator[str]:
        """Every text the document prints, for the glyph check."""
        yield self.info.project + self.document_title + (self.info.version or "")
        yield from _flowable_texts(story)

    # --- page furniture ------------------------------------------------------

    def _doc_template(self, buffer: BinaryIO) -> BaseDocTemplate:
        width, height = self.pagesize
        frame = Frame(
            self.left_margin, self.bottom_margin,
            width - self.left_margin - self.right_margin,
            height - self.top_margin - self.bottom_margin,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
        )  # fmt: skip
        templates = [
            PageTemplate("FirstPage", [frame], onPage=partial(self._on_page, first=True),
                         autoNextPageTemplate="OtherPages"),
            PageTemplate("OtherPages", [frame], onPage=partial(self._on_page, first=False)),
        ]  # fmt: skip
        return BaseDocTemplate(
            buffer, pagesize=self.pagesize, pageTemplates=templates,
            title=f"{self.info.project} {self.document_title}", author=self.info.project,
            subject=self.kind, creator=CREATOR, lang="zh-CN", invariant=1,
            initialFontName=FONT_NAME, initialFontSize=10.5,
        )  # fmt: skip

    def _on_page(self, canv: Canvas, _doc: BaseDocTemplate, *, first: bool) -> None:
        self._draw_header(canv, first=first)

    def _finish_page(self, canv: Canvas, page: int, pages: int) -> None:
        """Drawn on top of each finished page, once the page count is known."""
        self.page_count = pages
        self._draw_footer(canv, page, pages)
        if page == 1:
            self._draw_anchor_qr(canv)
        if self.info.rehearsal:
            self._draw_watermark(canv)

    def _draw_header(self, canv: Canvas, *, first: bool) -> None:
        width, height = self.pagesize
        left, right = self.left_margin, width - self.right_margin
        baseline = height - self.top_margin + 7 * mm
        canv.saveState()
        canv.setFont(FONT_NAME, 8.5)
        canv.setFillColor(GREY)
        if not first:  # the first page shows both in its big title
            canv.drawString(left, baseline, clean(self.info.project))
        right_text = self.document_title if not first else ""
        if self.info.version:
            right_text = " · ".join(filter(None, [right_text, clean(self.info.version)]))
        canv.drawRightString(right, baseline, right_text)
        if self.info.rehearsal:
            self._draw_rehearsal_tag(canv, right - canv.stringWidth(right_text) - 2 * mm, baseline)
        canv.setStrokeColor(RULE_COLOR)
        canv.setLineWidth(0.6)
        canv.line(left, baseline - 2.2 * mm, right, baseline - 2.2 * mm)
        canv.restoreState()

    def _draw_rehearsal_tag(self, canv: Canvas, right: float, baseline: float) -> None:
        canv.setFillColor(WATERMARK_COLOR)
        canv.drawRightString(right, baseline, f"【{WATERMARK_TEXT}】")

    def _draw_footer(self, canv: Canvas, page: int, pages: int) -> None:
        width, _height = self.pagesize
        left, right = self.left_margin, width - self.right_margin
        top = self.bottom_margin - 4 * mm
        canv.saveState()
        canv.setStrokeColor(RULE_COLOR)
        canv.setLineWidth(0.4)
        canv.line(left, top, right, top)
        canv.setFont(FONT_NAME, 9)
        canv.drawCentredString(width / 2, top - 5 * mm, f"第 {page} 页 / 共 {pages} 页")
        canv.setFont(FONT_NAME, FOOTER_SIZE)
        canv.setFillColor(GREY)
        canv.drawString(left, top - 9.5 * mm, f"打印时间：{zh_datetime(self.info.printed_at)}")
        canv.drawString(left, top - 13 * mm, self._policy_text())
        canv.drawString(left, top - 16.5 * mm, f"审计链头：{self._audit_text()}")
        canv.restoreState()

    def _draw_anchor_qr(self, canv: Canvas) -> None:
        """The QR code at the footer's right: what a phone reads off the posted paper."""
        code = QRCode(None, QRErrorCorrectLevel.L)
        code.addData(anchor_qr_text(self.document_title, self.info, self.content_sha256))
        code.make()
        count = code.getModuleCount()  # type: ignore[no-untyped-call]
        cell = QR_SIDE / count
        x0, y0 = self.pagesize[0] - self.right_margin - QR_SIDE, 1.5 * mm
        # One path of row runs, not a shape per module: ReportLab's widget takes 0.3 s a code.
        path = canv.beginPath()
        for row in range(count):
            column = 0
            while column < count:
                if not code.isDark(row, column):  # type: ignore[no-untyped-call]
                    column += 1
                    continue
                start = column
                while column < count and code.isDark(row, column):  # type: ignore[no-untyped-call]
                    column += 1
                path.rect(x0 + start * cell, y0 + (count - 1 - row) * cell,
                          (column - start) * cell, cell)
        canv.saveState()
        canv.setFillColor(colors.black)
        canv.drawPath(path, stroke=0, fill=1)
        canv.restoreState()

    def _audit_text(self) -> str:
        """The full head (a notary checks all 64 digits) and, where known, ``@`` its count."""
        head = clean(self.info.audit_head)
        if not head:
            return DASH
        return head if self.info.audit_count is None else f"{head}@{self.info.audit_count}"

    def _policy_text(self) -> str:
        if self.info.policy_sha256 is None:
            return "分房方案：尚未冻结"
        return f"分房方案 SHA-256：{self.info.policy_sha256}"

    def _draw_watermark(self, canv: Canvas) -> None:
        width, height = self.pagesize
        canv.saveState()
        canv.setFillColor(WATERMARK_COLOR)
        canv.setFillAlpha(0.13)  # readable through, but unmistakable
        canv.translate(width / 2, height / 2)
        canv.rotate(45)
        canv.setFont(FONT_NAME, 190)
        canv.drawCentredString(0, -65, WATERMARK_TEXT)
        canv.restoreState()


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Write compressed streams as binary, not also ASCII85-encoded, while building.

    ReportLab wraps every compressed stream in ASCII85 by default (a relic
    of 7-bit mail); skipping it makes files a fifth smaller and saves about
    a tenth of a large batch's time. The switch is ReportLab's documented
    global ``rl_config.useA85``, so it is set for the build and put back.
    """
    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before


def _flowable_texts(flowables: Sequence[Any]) -> Iterator[str]:
    for item in flowables:
        if isinstance(item, str):
            yield item
        elif isinstance(item, Paragraph):
            yield item.getPlainText()
        elif isinstance(item, Headline):
            yield from item.lines
        elif isinstance(item, Table | LongDataTable):
            # ReportLab keeps the cells only in this attribute.
            rows = item.every_row if isinstance(item, LongDataTable) else item._cellvalues  # type: ignore[attr-defined]
            for row in rows:
                yield from _flowable_texts(row if isinstance(row, list | tuple) else [row])
        elif isinstance(item, KeepTogether):
            yield from _flowable_texts(item._content)  # type: ignore[attr-defined]
        elif isinstance(item, list | tuple):
            yield from _flowable_texts(item)


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
