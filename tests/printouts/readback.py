"""Helpers for printout tests: a document info, fixed hashes, and PDFs read back as text."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from pypdf import PdfReader

from allocation.demo import DEMO_PROJECT_NAME
from allocation.model import Household
from printouts.base import DocumentInfo

# Fixed hashes with no run of 17 digits, so the ID-number scan cannot trip over them.
POLICY_SHA256 = "ab" * 32
AUDIT_HEAD = "c0ffee" + "d" * 58
PRINTED_AT = datetime(2026, 11, 23, 14, 5)
ID_PATTERN = re.compile(r"\d{17}[\dX]")
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
