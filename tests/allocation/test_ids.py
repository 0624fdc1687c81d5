"""Tests of resident ID numbers (GB 11643-1999) and of masking for public outputs."""

from __future__ import annotations

import pickle
import re
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from allocation.errors import ValidationError
from allocation.registry.ids import (
    IdInfo,
    age_on,
    check_digit,
    is_valid_id,
    make_id,
    mask_id,
    mask_name,
    mask_phone,
    normalise_id,
    parse_id,
    validate_id,
)

# The two examples printed in GB 11643-1999 itself.
STANDARD_EXAMPLES = ("11010519491231002X", "440524188001010014")


def reference_check(first17: str) -> str:
    """ISO 7064 MOD 11-2 written the standard's way, independent of the module's tables.

    The weight of the digit at position i (from the left, 0-based) is
    2^(17 - i) mod 11, and the check value c solves (S + c) ≡ 1 (mod 11).
    """
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(first17))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def with_check(first17: str) -> str:
    return first17 + reference_check(first17)


# ---------------------------------------------------------------------------
# check digit
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("number", STANDARD_EXAMPLES)
def test_standard_examples_are_valid(number: str) -> None:
    """The examples of the standard validate and their check characters agree."""
    assert check_digit(number[:17]) == number[17]
    assert validate_id(number) == number


def test_weights_are_the_published_ones() -> None:
    """The weight table is 2^(n-1) mod 11, as listed in the standard."""
    from allocation.registry.ids import WEIGHTS

    published = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    assert published == WEIGHTS
    assert tuple(pow(2, 17 - i, 11) for i in range(17)) == published


@pytest.mark.parametrize(
    "first17",
    [
        "42010619850317123",  # Wuhan, Wuchang
        "31010419900101001",  # Shanghai, Xuhui
        "44030519761105452",  # Shenzhen, Nanshan
        "51010720001229317",  # Chengdu
        "00000000000000000",
        "99999999999999999",
    ],
)
def test_check_digit_matches_independent_computation(first17: str) -> None:
    """check_digit agrees with the MOD 11-2 formula computed here."""
    assert check_digit(first17) == reference_check(first17)


def test_check_digit_gives_x_for_ten() -> None:
    """A remainder that needs the value 10 yields the letter X."""
    first17 = next(
        f"4201061985031712{d}" for d in range(10) if reference_check(f"4201061985031712{d}") == "X"
    )
    assert check_digit(first17) == "X"


@pytest.mark.parametrize("bad", ["", "1234", "1101051949123100X", "110105194912310021"])
def test_check_digit_rejects_anything_but_17_digits(bad: str) -> None:
    """check_digit is for 17 ASCII digits only; other input is a programming error."""
    with pytest.raises(ValueError):
        check_digit(bad)


# ---------------------------------------------------------------------------
# normalisation
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "11010519491231002x",
        " 110105 19491231 002X ",
        "110105\u300019491231\u3000002X",  # full-width spaces
        "１１０１０５１９４９１２３１００２ｘ",  # full-width digits and x
        "１１０１０５１９４９１２３１００２Ｘ",
        "\ufeff110105\u00a019491231\t002X\n",  # BOM, no-break space, tab
    ],
)
def test_normalise_cleans_typed_and_pasted_numbers(typed: str) -> None:
    """Spaces of any width go, full-width characters become ASCII, x becomes X."""
    assert normalise_id(typed) == "11010519491231002X"
    assert validate_id(typed) == "11010519491231002X"


def test_normalise_leaves_other_characters_for_validation_to_report() -> None:
    """Dashes and letters are kept so validation can say what is wrong."""
    assert normalise_id("110105-1949") == "110105-1949"


def test_normalise_accepts_spreadsheet_cells() -> None:
    """A number cell and an empty cell normalise without crashing."""
    assert normalise_id(440524188001010014) == "440524188001010014"  # type: ignore[arg-type]
    assert normalise_id(None) == ""  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# rejection reasons
# ---------------------------------------------------------------------------

TODAY = date(2026, 11, 1)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "length"),
        ("11010519491231002", "length"),
        ("11010519491231002X0", "length"),
        ("110105491231002", "length"),  # an old 15-digit number
        ("11010519491231002A", "characters"),
        ("1101051949123100X2", "characters"),
        ("11010519491231O02X", "characters"),  # letter O for zero
        ("110105-9491231002X", "characters"),
        ("١١٠١٠٥١٩٤٩١٢٣١٠٠٢X", "characters"),  # Arabic-Indic digits are not ASCII digits
        (with_check("00010519491231002"), "region"),
        (with_check("99010519491231002"), "region"),
        (with_check("72010519491231002"), "region"),
        (with_check("11010519491331002"), "birth_date"),  # month 13
        (with_check("11010519490230002"), "birth_date"),  # 30 February
        (with_check("11010519000229002"), "birth_date"),  # 1900 was not a leap year
        (with_check("11010517991231002"), "birth_date"),  # before 1800
        (with_check("11010520261102002"), "birth_date"),  # after TODAY
        ("110105194912310020", "check_digit"),
        ("110105194912310029", "check_digit"),
        ("440524188001010015", "check_digit"),
    ],
)
def test_each_rejection_reason(text: str, reason: str) -> None:
    """Each kind of bad number is rejected with its own reason and the input as given."""
    with pytest.raises(ValidationError) as caught:
        validate_id(text, today=TODAY)
    assert caught.value.code == "invalid_id_number"
    assert caught.value.params == {"value": text, "reason": reason}
    assert not is_valid_id(text, today=TODAY)


def test_birth_date_today_is_accepted() -> None:
    """A child registered on its day of birth has a valid number."""
    number = make_id("420106", TODAY, 1, "F")
    assert validate_id(number, today=TODAY) == number
    assert not is_valid_id(number, today=TODAY - timedelta(days=1))


def test_validation_error_survives_pickling() -> None:
    """Errors cross worker threads and processes with code and params intact."""
    with pytest.raises(ValidationError) as caught:
        validate_id("123")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (copy.code, copy.params) == ("invalid_id_number", {"value": "123", "reason": "length"})


# ---------------------------------------------------------------------------
# parsing and age
# ---------------------------------------------------------------------------


def test_parse_standard_examples() -> None:
    """Region, birth date and sex are read from the number; an even 17th digit is female."""
    assert parse_id("11010519491231002x") == IdInfo(
        number="11010519491231002X",
        region_code="110105",
        birth_date=date(1949, 12, 31),
        sex="F",
    )
    info = parse_id("440524188001010014")
    assert (info.region_code, info.birth_date, info.sex) == ("440524", date(1880, 1, 1), "M")


def test_parse_rejects_invalid_numbers() -> None:
    """parse_id validates first."""
    with pytest.raises(ValidationError):
        parse_id("110105194912310021")


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (date(1956, 11, 1), date(2026, 11, 1), 70),  # the birthday itself counts
        (date(1956, 11, 2), date(2026, 11, 1), 69),
        (date(1956, 10, 31), date(2026, 11, 1), 70),
        (date(2026, 11, 1), date(2026, 11, 1), 0),
        (date(2000, 2, 29), date(2001, 2, 28), 0),  # 29 Feb: not yet on 28 Feb...
        (date(2000, 2, 29), date(2001, 3, 1), 1),  # ...but on 1 Mar in a common year
        (date(2000, 2, 29), date(2004, 2, 28), 3),
        (date(2000, 2, 29), date(2004, 2, 29), 4),  # on 29 Feb in a leap year
        (date(1999, 12, 31), date(2000, 1, 1), 0),
    ],
)
def test_age_in_full_years(birth: date, on: date, age: int) -> None:
    """Age is in full years; people born on 29 February age on 1 March in common years."""
    assert age_on(birth, on) == age


def test_age_from_id_number() -> None:
    """age_on accepts an ID number and reads the birth date from it."""
    assert age_on("11010519491231002X", date(2026, 11, 1)) == 76
    assert age_on("11010519491231002X", date(2026, 12, 31)) == 77


def test_age_before_birth_is_an_error() -> None:
    """A reference date before the birth is a coded error, not a negative age."""
    with pytest.raises(ValidationError) as caught:
        age_on(date(2020, 5, 1), date(2020, 4, 30))
    assert caught.value.code == "date_before_birth"


def test_age_from_id_ignores_the_computer_clock() -> None:
    """Ages on future reference dates work for people born after today."""
    number = make_id("420106", date(2030, 1, 1), 5, "M")
    assert age_on(number, date(2040, 1, 1)) == 10


# ---------------------------------------------------------------------------
# make_id
# ---------------------------------------------------------------------------


def test_make_id_builds_the_expected_number() -> None:
    """The sequence code is 2*seq+1 for men and 2*seq for women."""
    assert make_id("110105", date(1949, 12, 31), 1, "F") == "11010519491231002X"
    assert make_id("440524", date(1880, 1, 1), 0, "M") == "440524188001010014"


@pytest.mark.parametrize(
    ("region", "birth", "seq", "sex"),
    [
        ("4201", date(1980, 1, 1), 1, "M"),
        ("990106", date(1980, 1, 1), 1, "M"),
        ("42010a", date(1980, 1, 1), 1, "M"),
        ("420106", date(1980, 1, 1), 500, "M"),
        ("420106", date(1980, 1, 1), -1, "M"),
        ("420106", date(1980, 1, 1), 1, "male"),
        ("420106", date(1700, 1, 1), 1, "F"),
    ],
)
def test_make_id_rejects_bad_arguments(region: str, birth: date, seq: int, sex: str) -> None:
    """make_id is for tests and demo data; bad arguments are programming errors."""
    with pytest.raises(ValueError):
        make_id(region, birth, seq, sex)  # type: ignore[arg-type]


regions = st.sampled_from(["110105", "420106", "420111", "440305", "310104", "650102", "810000"])
births = st.dates(min_value=date(1800, 1, 1), max_value=date(2026, 11, 1))
sexes = st.sampled_from(["M", "F"])
seqs = st.integers(min_value=0, max_value=499)


@st.composite
def valid_ids(draw: st.DrawFn) -> str:
    return make_id(draw(regions), draw(births), draw(seqs), draw(sexes))


@given(region=regions, birth=births, seq=seqs, sex=sexes)
def test_make_validate_parse_round_trip(region: str, birth: date, seq: int, sex: str) -> None:
    """A made number validates and parses back to its region, birth date and sex."""
    number = make_id(region, birth, seq, sex)  # type: ignore[arg-type]
    assert validate_id(number, today=TODAY) == number
    assert number[17] == reference_check(number[:17])
    info = parse_id(number, today=TODAY)
    assert (info.region_code, info.birth_date, info.sex) == (region, birth, sex)


@given(number=valid_ids(), position=st.integers(0, 17), data=st.data())
def test_any_single_character_change_is_detected(number: str, position: int, data) -> None:
    """Changing one character of a valid number always makes it invalid."""
    alphabet = "0123456789X" if position == 17 else "0123456789"
    replacement = data.draw(st.sampled_from([c for c in alphabet if c != number[position]]))
    changed = number[:position] + replacement + number[position + 1 :]
    assert not is_valid_id(changed, today=TODAY)


@given(number=valid_ids(), position=st.integers(0, 15))
def test_adjacent_transpositions_are_detected(number: str, position: int) -> None:
    """Swapping two different neighbouring digits makes a valid number invalid."""
    a, b = number[position], number[position + 1]
    assume(a != b)
    swapped = number[:position] + b + a + number[position + 2 :]
    assert not is_valid_id(swapped, today=TODAY)


# ---------------------------------------------------------------------------
# masking
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("", ""),
        ("   ", ""),
        ("张", "*"),
        ("张三", "张*"),
        ("张小明", "张*明"),
        ("张小小明", "张**明"),
        (" 王 伟 ", "王*"),
        ("欧阳明", "欧阳*"),
        ("欧阳小明", "欧阳**"),
        ("诸葛亮", "诸葛*"),
        ("司马相如", "司马**"),
        ("上官婉儿", "上官**"),
        ("欧阳", "欧*"),  # two characters alone: surname 欧, given name 阳
        ("单于明", "单*明"),  # 单 is a single surname here
        ("阿依古丽·买买提", "阿***·买**"),
        ("买买提·艾力", "买**·艾*"),
        ("阿依古丽•买买提", "阿***•买**"),  # bullet typed for the middle dot
        ("阿·买", "阿**"),  # one-character parts would be shown whole
        ("阿 · 买", "阿**"),
        ("John Smith", "J*** S****"),
        ("Li", "L*"),
        ("A B", "A*"),
    ],
)
def test_mask_name_examples(name: str, masked: str) -> None:
    """Names are masked as public notices print them."""
    assert mask_name(name) == masked


han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
name_chars = st.one_of(
    han,
    st.sampled_from(list("·• ")),
    st.characters(min_codepoint=ord("A"), max_codepoint=ord("z")),
)


@given(st.text(alphabet=name_chars, min_size=2, max_size=12))
def test_mask_name_never_returns_the_name(name: str) -> None:
    """Any name of two or more characters comes back changed and no longer."""
    stripped = name.strip()
    masked = mask_name(name)
    if len(stripped) >= 2:
        assert masked != stripped
        assert masked != "".join(stripped.split())
    assert len(masked) <= len(stripped)


@given(st.text(alphabet=han, min_size=2, max_size=6))
def test_mask_name_keeps_length_and_first_character(name: str) -> None:
    """Han names keep their length and their first character."""
    masked = mask_name(name)
    assert len(masked) == len(name)
    assert masked[0] == name[0]
    assert "*" in masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("11010519491231002X", "110105********002X"),
        ("11010519491231002x", "110105********002X"),
        (" 110105 19491231 002X", "110105********002X"),
        ("440524188001010014", "440524********0014"),
        ("110105491231002", "110105********2"),  # old 15-digit number: birth date hidden
        ("1234567890", "12********"),
        ("12345678", "********"),
        ("123", "********"),
        ("", ""),
        ("110105194912310020XYZ", "110105********0XYZ"),
    ],
)
def test_mask_id_examples(text: str, masked: str) -> None:
    """IDs show the region code and the last four characters only."""
    assert mask_id(text) == masked


@given(valid_ids())
def test_mask_id_hides_the_birth_date(number: str) -> None:
    """A masked valid number keeps 6 + 4 characters and hides the middle 8."""
    masked = mask_id(number)
    assert masked == number[:6] + "********" + number[-4:]
    for start in range(0, 11):
        assert number[start : start + 8] not in masked


@given(st.text(max_size=40))
def test_mask_id_never_reveals_more_than_ten_characters(text: str) -> None:
    """Malformed input shows at most 10 of its characters and never 8 of the middle in a row."""
    masked = mask_id(text)
    if not normalise_id(text):
        assert masked == ""
        return
    assert masked.count("*") >= 8
    assert len(masked) - 8 <= 10
    assert re.search(r"[^*]{7}", masked) is None
    number = normalise_id(text)
    middle = number[6:-4] if len(number) > 10 else number
    if len(middle) >= 8 and "*" not in number:
        assert middle[:8] not in masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("13812345678", "138****5678"),
        ("138 1234 5678", "138****5678"),
        ("138-1234-5678", "138****5678"),
        ("+86 138 1234 5678", "138****5678"),
        ("0086-13812345678", "138****5678"),
        ("１３８１２３４５６７８", "138****5678"),
        ("027-87654321", "027****4321"),
        ("12345", "1****"),
        ("1234", "****"),
        ("", ""),
    ],
)
def test_mask_phone_examples(text: str, masked: str) -> None:
    """Phones show the first three and last four digits at most."""
    assert mask_phone(text) == masked


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_mask_phone_hides_the_middle_four(phone: str) -> None:
    """Mobile numbers keep 3 + 4 digits."""
    assert mask_phone(phone) == phone[:3] + "****" + phone[7:]
