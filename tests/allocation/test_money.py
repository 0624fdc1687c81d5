"""Tests of amounts in figures and in Chinese financial capitals (人民币大写)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from allocation.errors import ValidationError
from allocation.money import format_area, format_yuan, yuan_in_capitals

# The worked examples of the People's Bank of China rules for bills and settlement
# vouchers, 《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》(银发〔1997〕393号),
# section on "0" in the figure; read at http://lenovor400-quiz.jscj.com/jilin/cjfg/1112/34308.html
# and http://ningxialong.com/c/091Q0044a2022_5.html. Where the rules allow two forms
# (1680.32, 107000.53) we write the one without the optional 零.
PBOC_EXAMPLES = [
    ("1409.50", "人民币壹仟肆佰零玖元伍角"),
    ("6007.14", "人民币陆仟零柒元壹角肆分"),
    ("1680.32", "人民币壹仟陆佰捌拾元叁角贰分"),
    ("107000.53", "人民币壹拾万柒仟元伍角叁分"),
    ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),
    ("325.04", "人民币叁佰贰拾伍元零肆分"),
]

ISSUE_EXAMPLES = [
    ("123400", "人民币壹拾贰万叁仟肆佰元整"),
    ("1000.50", "人民币壹仟元伍角"),
    ("0.05", "人民币伍分"),
    ("100000", "人民币壹拾万元整"),
    ("10010", "人民币壹万零壹拾元整"),
    ("1010000.07", "人民币壹佰零壹万元零柒分"),
]

MORE_EXAMPLES = [
    ("0", "人民币零元整"),
    ("0.50", "人民币伍角"),
    ("0.55", "人民币伍角伍分"),
    ("10", "人民币壹拾元整"),
    ("1005", "人民币壹仟零伍元整"),
    ("100000000", "人民币壹亿元整"),
    ("100010000", "人民币壹亿零壹万元整"),
    ("100000001", "人民币壹亿零壹元整"),
    ("1000000000000", "人民币壹万亿元整"),
    ("1000100000000", "人民币壹万零壹亿元整"),
    ("110000000", "人民币壹亿壹仟万元整"),
    ("690000", "人民币陆拾玖万元整"),
    ("9999999999999999.99",
     "人民币玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
]


@pytest.mark.parametrize(("amount", "expected"), PBOC_EXAMPLES)
def test_pboc_worked_examples(amount: str, expected: str) -> None:
    """The published examples of the central bank's rules come out as published."""
    assert yuan_in_capitals(Decimal(amount)) == expected


@pytest.mark.parametrize(("amount", "expected"), ISSUE_EXAMPLES + MORE_EXAMPLES)
def test_capitals(amount: str, expected: str) -> None:
    """整 only without 角/分, one 零 per run of zeros, 亿 and 万亿 sections."""
    assert yuan_in_capitals(Decimal(amount)) == expected


def test_capitals_round_half_up_to_the_fen() -> None:
    """Amounts finer than the fen are rounded half up first, as all money is."""
    assert yuan_in_capitals(Decimal("0.005")) == "人民币壹分"
    assert yuan_in_capitals(Decimal("12.344")) == "人民币壹拾贰元叁角肆分"
    assert yuan_in_capitals(7) == "人民币柒元整"


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        (Decimal("-1"), "negative_amount_in_capitals"),
        (Decimal("1E16"), "amount_too_large"),
        (1.5, "not_a_decimal"),
        (True, "not_a_decimal"),
        ("12", "not_a_decimal"),
        (Decimal("NaN"), "not_finite"),
        (Decimal("Infinity"), "not_finite"),
    ],
)
def test_capitals_refuse(amount: object, code: str) -> None:
    """Negative, huge, float and non-finite amounts are refused with a code."""
    with pytest.raises(ValidationError) as error:
        yuan_in_capitals(amount)  # type: ignore[arg-type]
    assert error.value.code == code


def test_format_yuan() -> None:
    """Thousands separators and two decimals; whole amounts may drop .00."""
    assert format_yuan(Decimal("123400")) == "123,400.00"
    assert format_yuan(Decimal("-1234.5")) == "-1,234.50"
    assert format_yuan(Decimal("0.005")) == "0.01"
    assert format_yuan(Decimal("4000"), cents=False) == "4,000"
    assert format_yuan(Decimal("4000.50"), cents=False) == "4,000.50"
    with pytest.raises(ValidationError):
        format_yuan(4000.0)  # type: ignore[arg-type]


def test_format_area() -> None:
    """Areas drop needless zeros: 50.00 → 50, 45.50 → 45.5."""
    assert [format_area(Decimal(v)) for v in ("50.00", "45.50", "0.00", "1E+2", "-0")] == [
        "50", "45.5", "0", "100", "0"]


# --- an independent reader of capitals, for the round trip -------------------

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL = {"拾": 10, "佰": 100, "仟": 1000}


def read_capitals(text: str) -> int:
    """Fen from capitals, parsed without the writer's code."""
    assert text.startswith("人民币")
    body = text[3:]
    yuan_text, _, fraction = body.rpartition("元") if "元" in body else ("", "", body)
    fen = 0
    for char, unit in (("角", 10), ("分", 1)):
        if char in fraction:
            before = fraction.split(char)[0]
            fen += _DIGITS.index(before[-1]) * unit
    return _read_integer(yuan_text) * 100 + fen


def _read_integer(text: str) -> int:
    yi = wan = section = digit = 0
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS.index(char)
        elif char in _SMALL:
            section += digit * _SMALL[char]
            digit = 0
        elif char == "万":
            wan = section + digit
            section = digit = 0
        elif char == "亿":
            yi = (yi + wan * 10_000 + section + digit) * 10**8
            wan = section = digit = 0
    return yi + wan * 10_000 + section + digit


@given(st.integers(min_value=0, max_value=10**18 - 1))
def test_capitals_read_back_to_the_same_amount(fen: int) -> None:
    """Any amount below 10^16 yuan reads back exactly, with no 零零 and no dangling 零."""
    text = yuan_in_capitals(Decimal(fen) / 100)
    assert read_capitals(text) == fen
    assert "零零" not in text
    assert not text.endswith("零")
    assert text.endswith(("整", "角", "分"))
    assert ("整" in text) == (fen % 100 == 0)
