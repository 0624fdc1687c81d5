"""Helpers for printout tests: a document info, fixed hashes, and PDFs read back as text."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from allocation.demo.register import DEMO_PROJECT_NAME
from allocation.registry.model import Household
from printouts.document.base import BaseDocument, DocumentInfo

# Fixed hashes with no run of 17 digits, so the ID-number scan cannot trip over them.
POLICY_SHA256 = "ab" * 32
AUDIT_HEAD = "c0ffee" + "d" * 58
PRINTED_AT = datetime(2026, 11, 23, 14, 5)
ID_PATTERN = re.compile(r"\d{17}[\dX]")
# A SHA-256 digest (the audit head, a document's hash) is hex: about one in twenty holds a run
# of 18 digits, and the demo's head changes with the clock, so the scan once failed on one.
DIGEST_PATTERN = re.compile(r"[0-9a-f]{40,}")


def id_number_in(text: str) -> re.Match[str] | None:
    """The first run that reads as an ID number (18 characters) outside the hex digests."""
    return ID_PATTERN.search(DIGEST_PATTERN.sub(" ", text))


FOOTER_PATTERN = re.compile(r"第\s*(\d+)\s*页\s*/\s*共\s*(\d+)\s*页")


@dataclass(frozen=True)
class ReadBack:
    """A rendered PDF as a reader sees it."""

    pdf: bytes
    pages: list[str]
    page_count: int  # what render() returned

    @property
    def text(self) -> str:
        return "\n".join(self.pages)


def read_back(pdf: bytes, page_count: int) -> ReadBack:
    reader = PdfReader(io.BytesIO(pdf))
    return ReadBack(pdf, [page.extract_text() for page in reader.pages], page_count)


def render(document: BaseDocument, read: Callable[[bytes, int], ReadBack] | None = None
           ) -> ReadBack:  # fmt: skip
    """Render ``document``, check the font has every character it prints and every font is
    embedded, and read it back."""
    buffer = io.BytesIO()
    pages = document.render(buffer)
    assert document.missing_characters == ()
    assert unembedded_fonts(buffer.getvalue()) == set()
    return (read or read_back)(buffer.getvalue(), pages)


def unembedded_fonts(pdf: bytes) -> set[str]:
    """The base names of the fonts a PDF uses without carrying them (e.g. ``/Helvetica``,
    which ReportLab selects by default in a table cell or canvas): a reader without them
    substitutes its own, and archives (PDF/A) refuse them. Embedded TrueType subsets carry
    a ``/FontFile2`` in their descriptor; Type 0 fonts in their descendant's."""
    missing: set[str] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            faces = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            for face in faces:
                descriptor = face.get("/FontDescriptor")
                carried = descriptor is not None and any(
                    key in descriptor.get_object() for key in ("/FontFile", "/FontFile2",
                                                               "/FontFile3"))
                if not carried:
                    missing.add(str(font.get("/BaseFont")))
    return missing


def read_back_quickly(pdf: bytes, page_count: int) -> ReadBack:
    """:func:`read_back` through poppler's pdftotext when installed: for batches of hundreds of
    pages, where pypdf takes seconds (it rebuilds the font's character map on every page)."""
    if shutil.which("pdftotext") is None:
        return read_back(pdf, page_count)
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf,
                          capture_output=True, check=True).stdout.decode()  # fmt: skip
    return ReadBack(pdf, text.split("\f")[:-1], page_count)


def make_info(**changes: object) -> DocumentInfo:
    values: dict[str, object] = {
        "project": DEMO_PROJECT_NAME,
        "audit_head": AUDIT_HEAD,
        "printed_at": PRINTED_AT,
        "policy_sha256": POLICY_SHA256,
        "version": "第1版",
    }
    values.update(changes)
    return DocumentInfo(**values)  # type: ignore[arg-type]


def squeeze(text: str) -> str:
    """Text without white space: extraction may break a line anywhere."""
    return re.sub(r"\s+", "", text)


def area_text(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')):,.2f}"


def assert_nothing_personal(notice: ReadBack, households: Sequence[Household]) -> None:
    """A public notice holds no member's full name and no 18-digit ID number."""
    for household in households:
        for member in household.members:
            assert member.name not in notice.text, (household.code, member.name)
    assert not ID_PATTERN.search(squeeze(notice.text))


def assert_footer_counts_pages(notice: ReadBack) -> None:
    """Every page says 共 y 页, and y is the real number of pages."""
    footers = [FOOTER_PATTERN.search(page) for page in notice.pages]
    assert all(footers)
    assert {int(f.group(2)) for f in footers if f} == {notice.page_count} == {len(notice.pages)}


needs_pdftoppm = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                    reason="poppler-utils not installed")  # fmt: skip


@dataclass(frozen=True)
class PagePicture:
    """A page drawn by pdftoppm: its size in pixels, file size and dark pixels (ink)."""

    size: tuple[int, int]
    bytes: int
    dark: int


def draw_page(pdf: bytes, folder: Path, page: int = 1, dpi: int = 60) -> PagePicture:
    """Draw one page with pdftoppm (embedded font only, no system fonts needed)."""
    source = folder / "document.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), "-singlefile",
         str(source), str(folder / "page")],
        check=True, capture_output=True,
    )  # fmt: skip
    png = folder / "page.png"
    with Image.open(png) as image:
        grey = image.convert("L")
        dark = sum(grey.histogram()[:128])
        return PagePicture(grey.size, png.stat().st_size, dark)


def sections(document: ReadBack) -> list[list[str]]:
    """The pages of a batch grouped by section, checking each footer counts its own section.

    A section starts at 第 1 页; its pages must read 1..y of y, and y must be
    the number of pages it really has.
    """
    numbers = [FOOTER_PATTERN.search(page) for page in document.pages]
    assert all(numbers), "a page without 第 x 页 / 共 y 页"
    groups: list[list[str]] = []
    for page, found in zip(document.pages, numbers, strict=True):
        if found and int(found[1]) == 1:
            groups.append([])
        groups[-1].append(page)
        assert found and int(found[1]) == len(groups[-1]), page[-200:]
    for group in groups:
        counts = {int(f[2]) for f in (FOOTER_PATTERN.search(p) for p in group) if f}
        assert counts == {len(group)}
    return groups
