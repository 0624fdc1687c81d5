"""Escaping user text for Paragraph markup, Chinese figures, and masking for public outputs."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from printouts.document.fonts import register_font
from printouts.document.styles import build_stylesheet
from printouts.document.text import (
    DASH,
    area,
    clean,
    escape,
    money,
    optional_area,
    public_id,
    public_name,
    public_phone,
    redact_ids,
    short_hash,
    zh_date,
    zh_datetime,
)
from tests.printouts.readback import id_number_in


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("张三", "张三"),
        ("  张\t三\n ", "张 三"),
        ("A<B & C>D", "A&lt;B &amp; C&gt;D"),
        ("王\u200b明\ufeff", "王明"),
        (None, ""),
        ("85.5㎡", "85.5㎡"),  # NFC, not NFKC: ㎡ stays ㎡
    ],
)
def test_escape(raw, expected):
    """Markup characters are escaped, white space squeezed, invisible characters dropped."""
    assert escape(raw) == expected


@given(st.text(alphabet=st.sampled_from("张王&<>;/b '\"\t\n#x1a"), max_size=40))
def test_escaped_text_reads_back_as_the_cleaned_text(raw):
    """Whatever the user typed, a Paragraph of escape(text) shows clean(text) and never fails."""
    register_font()
    style = build_stylesheet()["Body"]
    assert Paragraph(escape(raw), style).getPlainText() == clean(raw)


def test_chinese_dates():
    assert zh_date(date(2026, 1, 5)) == "2026年1月5日"
    assert zh_datetime(datetime(2026, 11, 23, 9, 7)) == "2026年11月23日 09:07"


def test_figures():
    """Areas and money to two places with thousands separators, rounded half up."""
    assert area(Decimal("85.225")) == "85.23"
    assert area(Decimal("12345.6")) == "12,345.60"
    assert money(Decimal("123400")) == "123,400.00"
    assert optional_area(None) == DASH
    assert optional_area(Decimal("50")) == "50.00"


def test_public_wrappers_mask_then_escape():
    assert public_name("张小明") == "张*明"
    assert public_name("欧阳明") == "欧阳*"
    assert public_id("420106194912310021") == "420106********0021"
    assert public_phone("13812345678") == "138****5678"
    assert public_name("<b>") == "&lt;**"


def test_redact_ids_masks_id_numbers_typed_into_free_text():
    """An ID number inside other text is masked; longer digit runs and short numbers are not."""
    assert redact_ids("见420106194912310021号") == "见420106********0021号"
    assert redact_ids("42010619491231002x") == "420106********002X"
    assert redact_ids("电话 027-88001234") == "电话 027-88001234"
    assert redact_ids("1234567890123456789012") == "1234567890123456789012"


def test_short_hash():
    assert short_hash("0123456789abcdef0123") == "0123456789abcdef…"
    assert short_hash("abc") == "abc"


def test_the_id_number_scan_sees_an_id_but_not_a_digest():
    """The scan every public notice passes: an ID number beside Chinese text is found, but a
    SHA-256 head whose hex holds a run of 18 digits (a demo head once did: 619562989720909492
    inside 28858dd…) is not an ID number."""
    head = "28858dd679a17bc51ea0f619562989720909492ee819cc1edfc99049516e90ce"
    assert id_number_in(f"审计链头：{head}@2336演练") is None
    assert id_number_in("身份证号420106195001011234张") is not None
    assert id_number_in(f"{head} 42010619500101123X") is not None
