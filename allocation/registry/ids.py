"""Chinese resident ID numbers (GB 11643-1999) and masking of personal data for public notices.

An ID number (公民身份号码) has 18 characters::

    420106 19491231 002 X
    region birth    seq check

* region: the 6-digit administrative division code (GB/T 2260) where the
  number was first issued; only the province part (first two digits) is
  checked, because county codes are renamed and merged over the years and
  old numbers keep their old code;
* birth date: YYYYMMDD;
* sequence code: three digits, the last of which is odd for men and even for
  women;
* check character: ISO 7064 MOD 11-2 over the first 17 digits, ``X`` for 10.

Errors carry the code ``"invalid_id_number"`` with ``value`` and ``reason``
(one of :data:`ID_REJECTION_REASONS`); the wording is the GUI's business.

Masking (``mask_name``, ``mask_id``, ``mask_phone``) is for everything the
public sees: printed notices and the big screen in the hall.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

from allocation.errors import ValidationError

Sex = Literal["M", "F"]

ID_LENGTH: Final = 18
WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
# Index = (weighted sum mod 11); value = the check character.
CHECK_CHARS: Final = "10X98765432"

ID_REJECTION_REASONS: Final = ("length", "characters", "region", "birth_date", "check_digit")

#: Province-level codes of GB/T 2260, plus 81/82/83 used by the residence
#: permits of Hong Kong, Macao and Taiwan residents, which follow GB 11643.
PROVINCE_CODES: Final = frozenset(
    {
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
        "71", "81", "82", "83",
    }
)  # fmt: skip

# The standard's own example 440524188001010014 was born in 1880; implausible ages of
# living people are a registry check, not a format error.
EARLIEST_BIRTH_YEAR: Final = 1800

_DIGITS: Final = frozenset("0123456789")

# Full-width digits and X come from Chinese input methods and Excel sheets typed with them.
_FULL_WIDTH: Final = {0xFF10 + i: str(i) for i in range(10)} | {0xFF38: "X", 0xFF58: "X"}
# Characters that survive copy and paste from web pages and spreadsheets but are not content.
_INVISIBLE: Final = frozenset("\u200b\u200c\u200d\u2060\ufeff")


_CLEAN: Final = re.compile(r"[0-9]{17}[0-9X]\Z", re.ASCII)


class _Rejected(Exception):
    """Internal signal carrying the rejection reason up to ``validate_id``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# ---------------------------------------------------------------------------
# Check digit, normalisation, validation
# ---------------------------------------------------------------------------


def check_digit(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits.

    Args:
        first17: exactly 17 ASCII digits.

    Returns:
        ``"0"``–``"9"`` or ``"X"`` (which stands for 10).

    Raises:
        ValueError: if ``first17`` is not 17 ASCII digits (a programming
            error: callers validate user input first).
    """
    if len(first17) != ID_LENGTH - 1 or not set(first17) <= _DIGITS:
        raise ValueError(f"check_digit needs 17 ASCII digits, got {first17!r}")
    total = sum(map(operator.mul, map(int, first17), WEIGHTS))
    return CHECK_CHARS[total % 11]


def normalise_id(text: str) -> str:
    """Clean an ID number as typed or pasted: no spaces, ASCII digits, upper-case X.

    Removes every kind of white space (including the full-width space
    U+3000 and no-break spaces) and zero-width characters, turns full-width
    digits and ``ｘ``/``Ｘ`` into ASCII and upper-cases ``x``. Nothing else is
    changed, so that validation can still report what is wrong.
    """
    if not isinstance(text, str):
        # Spreadsheet cells can arrive as int or None; digits Excel lost fail the check digit.
        text = "" if text is None else str(text)
    cleaned = text.translate(_FULL_WIDTH)
    kept = (c for c in cleaned if not c.isspace() and c not in _INVISIBLE)
    return "".join(kept).replace("x", "X")


def validate_id(text: str, *, today: date | None = None) -> str:
    """Check an ID number and return it normalised.

    The checks run in this order and the first failure is reported:
    ``length`` (18 characters after normalisation; old 15-digit numbers
    fail here), ``characters`` (17 digits then a digit or X), ``region``
    (a known province code), ``birth_date`` (a real date, not before 1800,
    not after ``today``), ``check_digit``.

    Args:
        text: the number as typed; see :func:`normalise_id`.
        today: the date a birth date may not be after; defaults to the
            computer's date.

    Raises:
        ValidationError: ``"invalid_id_number"`` with ``value`` (the input as
            given) and ``reason``.
    """
    today = today or date.today()
    if type(text) is str and is_valid_clean_id(text, today):
        return text  # the usual case in a 100,000-row import: already clean and valid
    number = text if type(text) is str and _CLEAN.match(text) else normalise_id(text)
    try:
        _check(number, today)
    except _Rejected as rejected:
        raise ValidationError("invalid_id_number", value=text, reason=rejected.reason) from None
    return number


def is_valid_id(text: str, *, today: date | None = None) -> bool:
    """Whether :func:`validate_id` accepts ``text``."""
    try:
        validate_id(text, today=today)
    except ValidationError:
        return False
    return True


def is_valid_clean_id(text: str, today: date) -> bool:
    """Whether ``text`` is an ID number already in its normal form that passes every check.

    The same verdict as :func:`validate_id` on such a text, in a few C calls:
    birth dates are looked up in a table of those seen before (a registry
    repeats them), and the check character comes from one base-13 ``int``:
    13 ≡ 2 (mod 11), and the standard's weights are 2**(17 - i) mod 11, so
    the weighted sum ≡ 2 · int(first17, 13) (mod 11). False says nothing but
    "take the full check" (which also finds the reason).
    """
    if _CLEAN.match(text) is None or text[:2] not in PROVINCE_CODES:
        return False
    digits = text[6:14]
    if digits in _BIRTHS:
        birth = _BIRTHS[digits]
    else:
        birth = _birth_date(text)
        if len(_BIRTHS) < _BIRTHS_KEPT:
            _BIRTHS[digits] = birth
    if birth is None or birth.year < EARLIEST_BIRTH_YEAR or birth > today:
        return False
    return CHECK_CHARS[2 * int(text[:17], 13) % 11] == text[17]


# Birth-date digits (YYYYMMDD) → the date, or None when they are no date.
_BIRTHS: dict[str, date | None] = {}
_BIRTHS_KEPT: Final = 100_000  # about 270 years of days: every real birth date fits


def _check(number: str, today: date) -> None:
    if len(number) != ID_LENGTH:
        raise _Rejected("length")
    if not set(number[:17]) <= _DIGITS or number[17] not in "0123456789X":
        raise _Rejected("characters")
    if number[:2] not in PROVINCE_CODES:
        raise _Rejected("region")
    birth = _birth_date(number)
    if birth is None or birth.year < EARLIEST_BIRTH_YEAR or birth > today:
        raise _Rejected("birth_date")
    if check_digit(number[:17]) != number[17]:
        raise _Rejected("check_digit")


def _birth_date(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


# ---------------------------------------------------------------------------
# Facts from a number
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IdInfo:
    """What a valid ID number says about its holder."""

    number: str
    region_code: str
    birth_date: date
    sex: Sex


def parse_id(text: str, *, today: date | None = None) -> IdInfo:
    """Validate ``text`` and read region, birth date and sex from it.

    Raises:
        ValidationError: as :func:`validate_id`.
    """
    number = validate_id(text, today=today)
    birth = _birth_date(number)
    assert birth is not None  # validate_id has checked it
    sex: Sex = "M" if int(number[16]) % 2 == 1 else "F"
    return IdInfo(number=number, region_code=number[:6], birth_date=birth, sex=sex)


def age_on(id_or_birth: str | date, on: date) -> int:
    """Age in full years (周岁) on the date ``on``.

    A person is a year older on their birthday itself. Someone born on
    29 February becomes a year older on 1 March in years without a 29
    February (and on 29 February in leap years): the age changes on the
    first day that is not before the birthday, which is what offices
    counting "70 周岁 or older" expect.

    Args:
        id_or_birth: a valid ID number or a birth date.
        on: the reference date (e.g. the day the rules were frozen).

    Raises:
        ValidationError: ``"invalid_id_number"`` for a bad ID number;
            ``"date_before_birth"`` (``birth_date``, ``on``) if ``on`` is
            before the birth.
    """
    if isinstance(id_or_birth, date):
        birth = id_or_birth
    else:
        # A birth date is checked against ``on``, not the computer's clock.
        birth = parse_id(id_or_birth, today=date.max).birth_date
    if on < birth:
        raise ValidationError("date_before_birth", birth_date=birth.isoformat(), on=on.isoformat())
    # Tuple comparison makes 29 Feb fall after 28 Feb and before 1 Mar.
    before_birthday = (on.month, on.day) < (birth.month, birth.day)
    return on.year - birth.year - int(before_birthday)


def make_id(region: str, birth: date, seq: int, sex: Sex) -> str:
    """Build a valid synthetic ID number (for demo data and tests).

    The three-digit sequence code is ``2 * seq + 1`` for men and ``2 * seq``
    for women, so ``(region, birth, seq, sex)`` maps to one number and
    different tuples to different numbers.

    Args:
        region: a 6-digit region code with a known province prefix.
        birth: the birth date (year 1800–9999).
        seq: 0–499.
        sex: ``"M"`` or ``"F"``.

    Raises:
        ValueError: for arguments outside those ranges.
    """
    if len(region) != 6 or not set(region) <= _DIGITS or region[:2] not in PROVINCE_CODES:
        raise ValueError(f"bad region code {region!r}")
    if not 0 <= seq <= 499:
        raise ValueError(f"seq must be 0..499, got {seq}")
    if sex not in ("M", "F"):
        raise ValueError(f"sex must be 'M' or 'F', got {sex!r}")
    if birth.year < EARLIEST_BIRTH_YEAR:
        raise ValueError(f"birth year before {EARLIEST_BIRTH_YEAR}: {birth}")
    code = 2 * seq + (1 if sex == "M" else 0)
    first17 = f"{region}{birth:%Y%m%d}{code:03d}"
    return first17 + check_digit(first17)


# ---------------------------------------------------------------------------
# Masking for public outputs
# ---------------------------------------------------------------------------

MASK: Final = "*"

#: Two-character surnames (复姓) still in use; a name starting with one keeps
#: both characters and masks all the rest. 单于 is left out on purpose: 单 is a
#: common single surname, and 单于明 is far more likely 单 + 于明.
COMPOUND_SURNAMES: Final = frozenset(
    {
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
        "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "呼延",
        "司空", "闻人", "万俟", "澹台", "公冶", "宗政", "濮阳", "淳于", "太叔",
        "申屠", "钟离", "赫连", "第五", "百里", "东郭", "拓跋", "锺离", "歐陽", "司馬",
        "諸葛", "長孫", "夏候", "鲜于", "闾丘", "亓官", "仉督", "子车", "巫马", "公西",
        "东门", "梁丘", "左丘", "谷梁", "羊舌", "微生", "公羊", "乐正", "漆雕", "壤驷",
    }
)  # fmt: skip

# Separators between the parts of transliterated minority and foreign names:
# middle dot, bullet, hyphenation point, katakana dot, half-width katakana dot.
_NAME_DOTS: Final = "·•‧・･"
_NAME_DOT_SPLIT: Final = re.compile(f"([{_NAME_DOTS}])")


def mask_name(name: str) -> str:
    """Mask a person's name for public display, keeping it recognisable to its owner.

    * ``""`` → ``""``; one character → ``"*"``;
    * 张三 → 张*, 张小明 → 张*明, 张小小明 → 张**明 (surname and last
      character kept);
    * compound surname: 欧阳明 → 欧阳*, 欧阳小明 → 欧阳**;
    * parts joined by a middle dot (minority names): each part keeps its
      first character, 阿依古丽·买买提 → 阿***·买**;
    * Latin script: each word keeps its first letter, John Smith → J*** S****.

    The result has as many characters as the name and is never the name
    itself when the name has two or more characters.
    """
    if not isinstance(name, str):
        name = "" if name is None else str(name)
    name = name.strip()
    if not name:
        return ""
    if _is_latin(name):
        masked = " ".join(_keep_first(word) for word in name.split())
    elif any(c in _NAME_DOTS for c in name):
        masked = _mask_dotted(name)
    else:
        masked = _mask_han(_squeeze(name))
    compact = _squeeze(name)
    if masked in (name, compact):
        # Only when every part has one character (阿·买, A B): hide all but the first.
        masked = compact[0] + MASK * (len(compact) - 1)
    return masked


def _squeeze(text: str) -> str:
    # 张 三 typed with a space is still 张三.
    return "".join(c for c in text if not c.isspace())


def _is_latin(name: str) -> bool:
    return any(c.isascii() and c.isalpha() for c in name) and not any(_is_han(c) for c in name)


def _is_han(char: str) -> bool:
    return (
        "\u3400" <= char <= "\u9fff"
        or "\uf900" <= char <= "\ufaff"
        or "\U00020000" <= char <= "\U0003134f"
    )


def _keep_first(part: str) -> str:
    return part[:1] + MASK * (len(part) - 1)


def _mask_dotted(name: str) -> str:
    pieces = _NAME_DOT_SPLIT.split(_squeeze(name))
    return "".join(p if p and p in _NAME_DOTS else _keep_first(p) for p in pieces)


def _mask_han(name: str) -> str:
    if len(name) == 1:
        return MASK
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2] + MASK * (len(name) - 2)
    if len(name) == 2:
        return name[0] + MASK
    return name[0] + MASK * (len(name) - 2) + name[-1]


def mask_id(text: str) -> str:
    """Mask an ID number: first 6 characters, 8 asterisks, last 4 (110101********1234).

    Malformed input is masked too and never shows more: at least the 8
    characters after the region code stay hidden (they hold the birth
    date), so a short string shows less, and a string of 8 characters or
    fewer shows nothing. The asterisks are always 8, whatever the length.
    ``""`` stays ``""``.
    """
    number = normalise_id(text)
    if not number:
        return ""
    shown = max(0, min(10, len(number) - 8))
    head = min(6, shown)
    tail = shown - head
    return number[:head] + MASK * 8 + (number[-tail:] if tail else "")


def mask_phone(text: str) -> str:
    """Mask a phone number: first 3 digits, 4 asterisks, last 4 (138****5678).

    Only digits are kept (spaces and dashes go, full-width digits become
    ASCII, a leading +86/0086 is dropped). A number shorter than 11 digits
    shows less so that at least 4 digits stay hidden; ``""`` stays ``""``.
    """
    digits = "".join(c for c in normalise_id(text) if c in _DIGITS)
    for prefix in ("0086", "86"):
        if len(digits) == 11 + len(prefix) and digits.startswith(prefix):
            digits = digits[len(prefix) :]
    if not digits:
        return ""
    shown = max(0, min(7, len(digits) - 4))
    head = min(3, shown)
    tail = shown - head
    return digits[:head] + MASK * 4 + (digits[-tail:] if tail else "")
