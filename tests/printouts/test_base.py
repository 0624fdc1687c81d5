"""The base document: page x of y, hashes in the footer, the 演练 watermark, embedding, output."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from reportlab.platypus import Flowable, Paragraph

from printouts import DOCUMENTS
from printouts.document.base import BaseDocument, DocumentInfo, pdf_date
from printouts.document.text import escape
from tests.printouts.readback import (
    AUDIT_HEAD,
    FOOTER_PATTERN,
    POLICY_SHA256,
    make_info,
    read_back,
    squeeze,
)


class Sample(BaseDocument):
    """A plain document of ``paragraphs`` numbered paragraphs, enough to fill several pages."""

    kind = "sample"
    title = "测试文件"

    def __init__(self, info: DocumentInfo, paragraphs: int = 120, text: str = "段落") -> None:
        super().__init__(info)
        self.paragraphs = paragraphs
        self.text = text

    def _story(self) -> list[Flowable]:
        return [
            Paragraph(f"{escape(self.text)}第{n}号。", self.styles["Body"])
            for n in range(1, self.paragraphs + 1)
        ]


def render(document: BaseDocument):
    buffer = io.BytesIO()
    pages = document.render(buffer)
    return read_back(buffer.getvalue(), pages)


@pytest.fixture(scope="module")
def sample():
    return render(Sample(make_info()))


def test_output_is_a_pdf_whose_page_count_matches_every_footer(sample):
    """render() returns the page count; page i of n says 第 i 页 / 共 n 页."""
    assert sample.pdf.startswith(b"%PDF-")
    assert sample.page_count == len(sample.pages) > 1
    footers = [FOOTER_PATTERN.search(page) for page in sample.pages]
    assert all(footers)
    assert [(int(f[1]), int(f[2])) for f in footers if f] == [
        (n, sample.page_count) for n in range(1, sample.page_count + 1)
    ]


def test_every_page_carries_the_full_policy_hash_and_the_audit_head(sample):
    """The footer states the frozen policy's full SHA-256 and the audit-chain head in full
    (issue 18: a notary checks all 64 digits; a head cut to 16 anchors nothing)."""
    for page in sample.pages:
        text = squeeze(page)
        assert POLICY_SHA256 in text
        assert f"审计链头：{AUDIT_HEAD}" in text
        assert "打印时间：2026年11月23日14:05" in text


def test_header_names_project_and_title_after_the_first_page(sample):
    first, *others = sample.pages
    assert "测试文件" in first and "武昌区粮道街片区旧城改造安置项目" in first
    assert all("测试文件" in page and "武昌区粮道街" in page for page in others)


def test_rehearsal_puts_the_watermark_on_every_page():
    """A rehearsal project's document says 演练 on every page; a real one nowhere."""
    rehearsal = render(Sample(make_info(rehearsal=True)))
    real = render(Sample(make_info(rehearsal=False)))
    assert all("演练" in page for page in rehearsal.pages)
    assert not any("演练" in page for page in real.pages)


def test_without_a_frozen_policy_the_footer_says_so():
    document = render(Sample(make_info(policy_sha256=None), paragraphs=3))
    assert "分房方案：尚未冻结" in document.text
    assert "SHA-256" not in document.text


def test_same_data_gives_the_same_bytes():
    """Output is reproducible, so a publication's content hash identifies what was printed."""
    first = Sample(make_info(), paragraphs=5).render_bytes()
    assert Sample(make_info(), paragraphs=5).render_bytes() == first
    later = make_info(printed_at=datetime(2026, 11, 24, 8, 0))
    assert Sample(later, paragraphs=5).render_bytes() != first


def test_pdf_dates_are_the_print_time():
    assert pdf_date(datetime(2026, 11, 23, 14, 5, 9)) == "D:20261123140509"
    beijing = timezone(timedelta(hours=8))
    assert pdf_date(datetime(2026, 11, 23, 14, 5, tzinfo=beijing)) == "D:20261123140500+08'00'"
    assert b"D:20261123140500" in Sample(make_info(), paragraphs=1).render_bytes()


def test_render_to_a_path_writes_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out" / "sample.pdf"
    pages = Sample(make_info(), paragraphs=3).render(target)
    assert pages == 1
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in target.parent.iterdir()] == ["sample.pdf"]


def test_user_text_with_markup_characters_prints_as_written():
    """Titles, versions and body text with < & > neither fail nor vanish."""
    info = make_info(title="公示<A&B>", version="第<2>版")
    document = render(Sample(info, paragraphs=1, text="<b>张&李</b>"))
    text = squeeze(document.text)
    assert "公示<A&B>" in text and "第<2>版" in text and "<b>张&李</b>" in text


def test_characters_the_font_lacks_are_reported():
    """A rare character (Extension B) would print blank: the document lists it after rendering."""
    document = Sample(make_info(), paragraphs=1, text="王𠈌明")
    document.render(io.BytesIO())
    assert document.missing_characters == ("𠈌",)


@pytest.mark.parametrize(
    "changes",
    [{"project": " "}, {"policy_sha256": "ABC"}, {"policy_sha256": "A" * 64}],
)
def test_document_info_refuses_bad_values(changes):
    with pytest.raises(ValueError):
        make_info(**changes)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_the_chinese_font_is_embedded_and_no_other_font_is_used(tmp_path):
    """pdffonts lists only the TrueType subset, embedded (emb yes): the PDF prints anywhere."""
    target = tmp_path / "sample.pdf"
    Sample(make_info(), paragraphs=3).render(target)
    listing = subprocess.run(
        ["pdffonts", str(target)], capture_output=True, text=True, check=True
    ).stdout
    fonts = listing.splitlines()[2:]
    assert fonts, listing
    for line in fonts:
        _name, kind, _encoding, emb, *_rest = line.split()
        assert (kind, emb) == ("TrueType", "yes"), line


def test_documents_are_registered_under_the_cli_kind_names():
    assert {kind: cls.kind for kind, cls in DOCUMENTS.items()} == {
        "notice-households": "notice-households",
        "notice-flats": "notice-flats",
        "notice-rules": "notice-rules",
        "notice-pool": "notice-pool",
        "notice-draw": "notice-draw",
        "notice-results": "notice-results",
        "notice-supply": "notice-supply",
        "notice-day": "notice-day",
        "notice-void": "notice-void",
        "statistics": "statistics",
        "agreements": "agreements",
        "agreements-money": "agreements-money",
        "slips": "slips",
        "traces": "traces",
        "schedule": "schedule",
        "appointments": "appointments",
        "chances-sheet": "chances-sheet",
        "report-supply": "report-supply",
        "report-daily": "report-daily",
    }
    assert all(cls.title for cls in DOCUMENTS.values())
    # Papers for one household print its data in full; everything else is for the public.
    private = {kind for kind, cls in DOCUMENTS.items() if not cls.public}
    assert private == {"agreements", "agreements-money", "slips", "traces", "appointments",
                       "chances-sheet", "report-supply"}


def test_the_footer_prints_the_anchor_head_at_count():
    """With its event count, the head prints as ``HEX@N``: what `audit verify --from-pdf`
    reads back."""
    text = squeeze(render(Sample(replace(make_info(), audit_count=1234), paragraphs=3)).text)
    assert f"审计链头：{AUDIT_HEAD}@1234" in text


def test_the_first_page_carries_the_anchor_qr_code():
    """The QR code's text names the document, the anchor and the content digest; the digest
    is the same for the same content whatever the print time, and changes with the content."""
    from printouts.document.base import anchor_qr_text

    info = replace(make_info(), audit_count=7)
    document = Sample(info, paragraphs=3)
    render(document)
    assert len(document.content_sha256) == 64
    text = anchor_qr_text(document.document_title, info, document.content_sha256)
    assert f"审计链头：{AUDIT_HEAD}@7" in text and document.content_sha256 in text
    later = Sample(replace(info, printed_at=datetime(2027, 1, 1)), paragraphs=3)
    render(later)
    assert later.content_sha256 == document.content_sha256
    other = Sample(info, paragraphs=4)
    render(other)
    assert other.content_sha256 != document.content_sha256
