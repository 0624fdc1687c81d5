"""分房方案公示 read back: policy text, full hash, objection period, no personal data."""

from __future__ import annotations

import io

import pytest

from allocation.rules.policy import policy_sha256
from allocation.rules.text import policy_text
from printouts import DOCUMENTS
from printouts.notices.rules_notice import RulesNotice
from tests.printouts.notice_inputs import policy
from tests.printouts.readback import (
    FOOTER_PATTERN,
    ReadBack,
    id_number_in,
    make_info,
    read_back,
    squeeze,
)


@pytest.fixture(scope="module")
def notice(publication) -> ReadBack:
    sha = policy_sha256(policy())
    document = RulesNotice(make_info(policy_sha256=sha), policy_text(policy(), "zh"), sha,
                           publication)  # fmt: skip
    buffer = io.BytesIO()
    pages = document.render(buffer)
    assert document.missing_characters == ()
    return read_back(buffer.getvalue(), pages)


def test_registered():
    assert DOCUMENTS["notice-rules"] is RulesNotice


def test_title_headings_and_rules(notice):
    text = squeeze(notice.text)
    assert "分房方案公示" in text
    for heading in ("一、安置面积", "二、房价", "三、补偿补助", "四、选房顺序"):
        assert heading in text
    assert squeeze("（一）认定人口每人按25平方米计算。") in text


def test_full_hash_and_how_to_check(notice):
    text = squeeze(notice.text)
    assert policy_sha256(policy()) in notice.pages[-1] or policy_sha256(policy()) in text
    assert "sha256sum" in text and "canonicalJSON" in text


def test_objection_period(notice):
    assert "公示期：自2026年11月23日起至2026年11月29日止，共7日。" in squeeze(notice.text)


def test_no_id_number_and_page_count(notice):
    assert not id_number_in(squeeze(notice.text))
    footers = [FOOTER_PATTERN.search(page) for page in notice.pages]
    assert all(footers)
    assert {int(f.group(2)) for f in footers if f} == {notice.page_count} == {len(notice.pages)}


def test_rejects_a_short_hash(publication):
    with pytest.raises(ValueError):
        RulesNotice(make_info(), "一、x", "abc", publication)
