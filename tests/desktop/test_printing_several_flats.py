"""The papers of a household that took two flats (一户多套): the agreement, the slip, the
results notice, the statistics and the trace list both flats, and settle the household
against the price of both (figures worked by hand in tests/db/test_several_flats.py)."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

import db.selection as selection
from db.store.engine import make_engine, make_session_factory
from desktop.printing.documents import PrintRequest, print_to
from tests.db.test_several_flats import build_two_flat_project

NAME = "一户多套"
START = date(2026, 11, 26)


@pytest.fixture
def factory(db_url):
    engine = make_engine(db_url)
    factory = make_session_factory(engine)
    with factory.begin() as s:
        project_id = build_two_flat_project(s, name=NAME)
        selection.select_flats(s, project_id=project_id, code="H001",
                               flat_keys=["1-1-301", "1-1-302"], operator="op")
    yield factory
    engine.dispose()


def printed(factory, kind: str, tmp_path) -> str:
    out = tmp_path / f"{kind}.pdf"
    with factory.begin() as session:
        print_to(session, PrintRequest(kind, NAME, START), out)
    pages = PdfReader(io.BytesIO(out.read_bytes())).pages
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in pages))


def test_the_agreement_lists_both_flats_and_settles_against_both(factory, tmp_path):
    """Price 450,000.00 + 360,000.00 = 810,000.00 yuan; compensation 1,371,600.00 yuan;
    settlement 561,600.00 yuan paid to the household (伍拾陆万壹仟陆佰元整)."""
    text = printed(factory, "agreements", tmp_path)
    for part in ("1-1-301", "1-1-302", "810,000.00", "561,600.00", "伍拾陆万壹仟陆佰元整"):
        assert part in text, part


def test_the_slip_lists_both_flats(factory, tmp_path):
    text = printed(factory, "slips", tmp_path)
    for part in ("1-1-301", "1-1-302", "合计（2套）", "810,000.00"):
        assert part in text, part


def test_the_results_notice_statistics_and_trace_count_both_flats(factory, tmp_path):
    results = printed(factory, "notice-results", tmp_path)
    assert "1-1-301" in results and "1-1-302" in results
    assert "已选房1户，选定房源2套" in results
    stats = printed(factory, "statistics", tmp_path)
    assert "已选房1户" in stats
    trace = printed(factory, "traces", tmp_path)
    assert "1-1-301" in trace and "1-1-302" in trace and "561,600.00" in trace
