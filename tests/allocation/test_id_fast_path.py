"""The fast path of ID-number validation agrees with the full check, on any text.

``is_valid_clean_id`` takes the check character from ``int(first17, 13)``;
the full check (``check_digit``) sums the standard's weights. By hand, for
the standard's own example 11010519491231002X: first17 = 11010519491231002,
weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 give
1·7 + 1·9 + 0 + 1·5 + 0 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0 + 0 + 2·2
= 7 + 9 + 5 + 20 + 2 + 9 + 24 + 27 + 7 + 18 + 30 + 5 + 4 = 167; 167 mod 11 = 2,
and CHECK_CHARS[2] = "X".
"""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from allocation.registry.ids import is_valid_clean_id, make_id, validate_id

TODAY = date(2026, 12, 7)


def _full(text: str) -> str | None:
    try:
        return validate_id(text, today=TODAY)
    except Exception:  # noqa: BLE001  (the verdict is all that matters here)
        return None


def _agrees(text: str) -> None:
    full = _full(text)
    # Fast yes only for a text the full check returns unchanged; and every such text is a yes.
    assert is_valid_clean_id(text, TODAY) == (full == text)


def test_the_standards_example() -> None:
    assert is_valid_clean_id("11010519491231002X", TODAY)
    assert not is_valid_clean_id("110105194912310021", TODAY)  # wrong check character
    assert not is_valid_clean_id("11010519491231002x", TODAY)  # not yet normal: full path


def test_born_tomorrow_and_before_1800_are_refused() -> None:
    assert not is_valid_clean_id(make_id("110101", date(2026, 12, 8), 1, "M"), TODAY)
    assert is_valid_clean_id(make_id("110101", TODAY, 1, "M"), TODAY)
    assert not is_valid_clean_id("110101179912310011", TODAY)


@given(st.text())
def test_any_text(text: str) -> None:
    _agrees(text)


_DIGIT = st.sampled_from("0123456789")


@given(st.lists(_DIGIT, min_size=17, max_size=17), st.sampled_from("0123456789Xx "))
def test_any_eighteen_characters(digits: list[str], last: str) -> None:
    _agrees("".join(digits) + last)


@given(st.sampled_from(("110101", "310104", "420106", "990101", "000000")),
       st.dates(date(1790, 1, 1), date(2030, 12, 31)), st.integers(0, 499),
       st.sampled_from("MF"), st.integers(0, 17), _DIGIT)
def test_ids_near_valid_ones(region: str, birth: date, seq: int, sex: str, at: int,
                             digit: str) -> None:
    first17 = f"{region}{birth:%Y%m%d}{2 * seq + (sex == 'M'):03d}"
    valid = make_id("110101", birth, seq, "M" if sex == "M" else "F") if birth.year >= 1800 else ""
    for text in (valid, valid[:at] + digit + valid[at + 1:], first17 + "0", first17 + "X"):
        _agrees(text)
