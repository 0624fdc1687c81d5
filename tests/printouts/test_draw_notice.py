"""摇号结果公示 read back: sources, key, hashes, witnesses, the final order in order, masked."""

from __future__ import annotations

import io
import re

import pytest

from allocation.demo.register import demo_households
from allocation.registry.ids import mask_name
from printouts import DOCUMENTS
from printouts.notices.draw_notice import DrawNotice
from tests.printouts.notice_inputs import head_names, record
from tests.printouts.readback import (
    ReadBack,
    assert_footer_counts_pages,
    assert_nothing_personal,
    make_info,
    read_back,
    squeeze,
)


@pytest.fixture(scope="module")
def notice(publication) -> ReadBack:
    document = DrawNotice(make_info(), record(), head_names(), publication)
    buffer = io.BytesIO()
    pages = document.render(buffer)
    assert document.missing_characters == ()
    return read_back(buffer.getvalue(), pages)


def test_registered():
    assert DOCUMENTS["notice-draw"] is DrawNotice


def test_title_hashes_key_method_witnesses(notice):
    r, text = record(), squeeze(notice.text)
    assert "摇号结果公示" in text
    for value in (r["record_sha256"], r["pool_sha256"], r["policy_sha256"], r["key"], r["method"]):
        assert value in text, value
    for source in r["sources"]:
        assert squeeze(source["announced"]) in text and source["canonical"] in text
    assert "公证员：王公证" in text


def test_final_order_codes_in_order_with_masked_heads(notice):
    r, text = record(), squeeze(notice.text)
    drawn = set(r["final_order"])
    codes = [c for c in re.findall(r"D\d{3}", notice.text) if c in drawn]
    assert codes[: len(r["final_order"])] == r["final_order"]
    rank = {p: n for n, p in enumerate(r["lottery_order"], 1)}
    position = {e["code"]: e["position"] for e in r["pool"]}
    names = head_names()
    for number, code in enumerate(r["final_order"], 1):
        assert f"{number}{code}{mask_name(names[code])}" in text, code
        assert f"{rank[position[code]]}" in text


def test_how_to_verify_and_first_steps(notice):
    text = squeeze(notice.text)
    assert "如何验证" in text and "python3-mallocation.verifydraw.json" in text
    assert "MD5" in text
    for step in record()["steps"][:3]:
        assert step["digest_hex"] in text


def test_no_full_name_and_no_id_number(notice):
    assert_nothing_personal(notice, demo_households())


def test_page_count_matches_footer(notice):
    assert_footer_counts_pages(notice)


def test_without_steps_and_witnesses(publication):
    r = dict(record(), steps=None, witnesses=[])
    buffer = io.BytesIO()
    DrawNotice(make_info(), r, head_names(), publication).render(buffer)
    text = squeeze(read_back(buffer.getvalue(), 0).text)
    assert "如何验证" in text and record()["steps"][0]["digest_hex"] not in text
