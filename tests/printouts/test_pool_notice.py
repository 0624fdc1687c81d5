"""摇号名单公示 read back: every entry numbered and masked, the pool hash, method and sources."""

from __future__ import annotations

import io
import re

import pytest

from allocation.demo.register import demo_households
from allocation.lottery.record import pool_sha256
from allocation.registry.ids import mask_name
from printouts import DOCUMENTS
from printouts.notices.pool_notice import PoolNotice
from tests.printouts.notice_inputs import SOURCES, entries, head_names
from tests.printouts.readback import (
    ReadBack,
    assert_footer_counts_pages,
    assert_nothing_personal,
    make_info,
    read_back,
    squeeze,
)

SHA = pool_sha256([e.code for e in entries()])


def render(publication, sources) -> ReadBack:
    document = PoolNotice(make_info(), entries(), head_names(), SHA, "rfc3797-md5", sources,
                          publication)  # fmt: skip
    buffer = io.BytesIO()
    pages = document.render(buffer)
    assert document.missing_characters == ()
    return read_back(buffer.getvalue(), pages)


@pytest.fixture(scope="module")
def notice(publication) -> ReadBack:
    return render(publication, SOURCES)


def test_registered():
    assert DOCUMENTS["notice-pool"] is PoolNotice


def test_title_hash_method_sources(notice):
    text = squeeze(notice.text)
    assert "摇号名单公示" in text and SHA in text and "rfc3797-md5" in text
    for source in SOURCES:
        assert squeeze(source) in text


def test_every_entry_numbered_with_masked_head(notice):
    text, names = squeeze(notice.text), head_names()
    for e in entries():
        assert f"{e.position}{e.code}{mask_name(names[e.code])}{e.group}" in text, e.code
    assert re.findall(r"D\d{3}", notice.text) == [e.code for e in entries()]


def test_no_full_name_and_no_id_number(notice):
    assert_nothing_personal(notice, demo_households())


def test_page_count_matches_footer(notice):
    assert_footer_counts_pages(notice)


def test_sources_not_announced_yet(publication):
    assert "另行公告" in squeeze(render(publication, []).text)
