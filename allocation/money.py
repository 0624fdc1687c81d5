"""Money and areas: the decimal kinds a policy is written in, figures, and Chinese capital numerals.

Every amount is a ``Decimal``; ``float`` is refused, because a binary float
cannot hold 0.01 exactly and a settlement must add up to the fen.

The kinds (:data:`Area`, :data:`Cap`, :data:`Price`, :data:`PriceChange`,
:data:`Amount`, :data:`Factor`) are ``Annotated[Decimal, Quantity(...)]``: plain Decimals to
the type checker, and to ``allocation.policy`` what it needs to read, check
and write each value (:func:`parse_decimal`, :meth:`Quantity.problem`,
:meth:`Quantity.text`).

Capitals follow the People's Bank of China rules for filling in bills and
settlement vouchers (《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》,
银发〔1997〕393号):

* 人民币 first, no gap; 壹贰叁肆伍陆柒捌玖, 拾佰仟万亿, 元角分, 零, 整;
* 整 after 元 when there is no 角 or 分; nothing after 角 or 分
  (1409.50 → 人民币壹仟肆佰零玖元伍角);
* one 零 for a run of zeros inside the yuan figure (6007.14 → 陆仟零柒元…);
* when the 元 digit is 0 and 角 is not, the rules allow 零 or nothing before
  the 角; we write nothing (1680.32 → 人民币壹仟陆佰捌拾元叁角贰分), which is
  also the form of 1000.50 → 人民币壹仟元伍角;
* 角 0 and 分 not 0: 零 after 元 (325.04 → 人民币叁佰贰拾伍元零肆分).

Negative amounts are refused (``negative_amount_in_capitals``): a bill has
no minus sign, and an agreement states the direction in words (应支付 /
应补缴) next to the absolute amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Final

from allocation.errors import ValidationError
from allocation.registry import CENT, quantize_money


@dataclass(frozen=True, slots=True)
class Quantity:
    """What a Decimal in a policy measures.

    Args:
        kind: ``area`` (m²), ``cap`` (m²), ``price`` (yuan/m²), ``amount``
            (yuan) or ``factor`` (a plain ratio).
        places: the most decimal places a value may have.
        negative_code: the error code for a value below zero; None where a
            value may be negative (a price change: 楼层差价 of −50 yuan/m²).
    """

    kind: str
    places: int
    negative_code: str | None

    def text(self, value: Decimal) -> str:
        """The canonical text of ``value``: 2 places for m² and yuan, shortest form for factors."""
        if value.is_zero():
            value = abs(value)  # -0.00 and 0.00 are one value and must hash alike
        if self.kind == "factor":
            return format_factor(value)
        return str(value.quantize(CENT))

    def problem(self, value: object) -> tuple[str, dict[str, object]] | None:
        """(code, params) if ``value`` is not a valid amount of this kind, else None."""
        if isinstance(value, float):
            return "float_not_allowed", {"value": repr(value)}
        if isinstance(value, str) or (isinstance(value, Decimal) and not value.is_finite()):
            return "bad_decimal", {"value": str(value)}
        if not isinstance(value, Decimal):
            return "wrong_type", {"expected": "decimal"}
        if value < 0 and self.negative_code is not None:
            return self.negative_code, {"value": str(value)}
        if abs(value) >= QUANTITY_LIMIT:
            return "value_too_large", {"value": str(value), "limit": str(QUANTITY_LIMIT)}
        if decimal_places(value) > self.places:
            return "too_many_decimals", {"value": str(value), "places": self.places}
        return None


#: Larger values in a policy are typing errors, and would overflow Decimal's 28 digits.
QUANTITY_LIMIT: Final = Decimal(10) ** 12


def decimal_places(value: Decimal) -> int:
    """Places after the point that carry a digit: 1.50 has 1, 50 has 0."""
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def parse_decimal(raw: object) -> object:
    """A Decimal from decimal text (``"4000.50"``) or an int; anything else unchanged.

    Only plain digits with an optional sign and point are read: no exponents,
    spaces, underscores, NaN or Infinity, which ``Decimal()`` would accept.
    """
    if isinstance(raw, str) and _DECIMAL_TEXT.match(raw):
        return Decimal(raw)
    if type(raw) is int:
        return Decimal(raw)
    return raw


_DECIMAL_TEXT: Final = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")


Area = Annotated[Decimal, Quantity("area", 2, "negative_area")]
Cap = Annotated[Decimal, Quantity("cap", 2, "negative_cap")]
Price = Annotated[Decimal, Quantity("price", 2, "negative_price")]
#: Yuan/m² added to a price, or taken off it (floor increments): may be negative.
PriceChange = Annotated[Decimal, Quantity("price", 2, None)]
Amount = Annotated[Decimal, Quantity("amount", 2, "negative_amount")]
Factor = Annotated[Decimal, Quantity("factor", 4, "negative_factor")]

# ---------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------


def format_yuan(amount: Decimal, *, cents: bool = True) -> str:
    """Yuan with thousands separators: ``123400`` → ``"123,400.00"``.

    Args:
        amount: the amount; rounded half up to the fen first.
        cents: with ``False``, a whole amount is written without ``.00``
            (``"4,000"``, as in 4,000元/平方米); other amounts keep their fen.
    """
    value = quantize_money(_decimal(amount))
    if not cents and value == value.to_integral_value():
        return f"{value:,.0f}"
    return f"{value:,.2f}"


def format_factor(factor: Decimal) -> str:
    """A factor or ratio as written, never rounded: ``1.50`` → ``"1.5"``, ``0.9825`` stays."""
    return format(_decimal(factor).normalize(), "f")


def format_area(area: Decimal) -> str:
    """An area without needless zeros: ``50.00`` → ``"50"``, ``45.50`` → ``"45.5"``."""
    value = _decimal(area).quantize(CENT)
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


# ---------------------------------------------------------------------------
# Capitals
# ---------------------------------------------------------------------------

DIGITS: Final = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS: Final = ("", "拾", "佰", "仟")
#: Amounts must stay below 10^16 yuan: 亿 counted up to 9999万9999.
LIMIT: Final = Decimal(10) ** 16


def yuan_in_capitals(amount: Decimal) -> str:
    """An amount in Chinese financial capitals, as written on agreements.

    Steps:
        1. round half up to the fen; refuse negative, non-finite and too large
           amounts;
        2. write the yuan figure in sections of four digits joined by 万 and
           亿 (壹万零壹亿 for 10001 亿), one 零 per run of zeros between
           non-zero digits;
        3. add 元, then 角 and 分, or 整 when both are zero.

    Examples: 123400 → 人民币壹拾贰万叁仟肆佰元整; 1000.50 → 人民币壹仟元伍角;
    0.05 → 人民币伍分; 10010 → 人民币壹万零壹拾元整; 0 → 人民币零元整.

    Raises:
        ValidationError: ``negative_amount_in_capitals`` (``amount``),
            ``amount_too_large`` (``amount``, ``limit``), ``not_a_decimal``
            (``value``) for floats and other types, ``not_finite``.
    """
    value = quantize_money(_decimal(amount))
    if value < 0:
        raise ValidationError("negative_amount_in_capitals", amount=str(value))
    if value >= LIMIT:
        raise ValidationError("amount_too_large", amount=str(value), limit=str(LIMIT))
    fen_total = int(value * 100)
    yuan, fraction = divmod(fen_total, 100)
    jiao, fen = divmod(fraction, 10)
    return "人民币" + _yuan_part(yuan, jiao, fen) + _fraction_part(yuan, jiao, fen)


def _yuan_part(yuan: int, jiao: int, fen: int) -> str:
    if yuan:
        return _integer_capitals(yuan) + "元"
    # 0.05 is 人民币伍分; only a zero amount needs 零元 (人民币零元整).
    return "" if jiao or fen else "零元"


def _fraction_part(yuan: int, jiao: int, fen: int) -> str:
    if not jiao and not fen:
        return "整"
    text = DIGITS[jiao] + "角" if jiao else ("零" if yuan else "")
    return text + (DIGITS[fen] + "分" if fen else "")


def _integer_capitals(number: int) -> str:
    """1..10^16-1: the count of 亿 (itself written with 万) then 亿, then the rest (壹万零壹亿)."""
    high, low = divmod(number, 10**8)
    if not high:
        return _below_yi(low)
    # A rest with leading zeros needs its 零: 壹亿零壹万, not 壹亿壹万.
    return _below_yi(high) + "亿" + (("零" if low < 10**7 else "") + _below_yi(low) if low else "")


def _below_yi(number: int) -> str:
    """1..99,999,999: the count of 万 then 万, then the rest (壹万零壹拾)."""
    high, low = divmod(number, 10_000)
    if not high:
        return _section_capitals(low)
    return _section_capitals(high) + "万" + (
        ("零" if low < 1000 else "") + _section_capitals(low) if low else ""
    )


def _section_capitals(section: int) -> str:
    """1..9999 in capitals with 仟佰拾, zeros inside as one 零, trailing zeros dropped."""
    out: list[str] = []
    zero_pending = False
    for position, char in enumerate(f"{section:04d}"):
        digit = int(char)
        if digit == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        out.append(DIGITS[digit] + SMALL_UNITS[3 - position])
    return "".join(out)


def _decimal(value: Decimal) -> Decimal:
    # bool is an int; True yuan is a bug, not an amount.
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise ValidationError("not_a_decimal", value=repr(value))
    number = Decimal(value)
    if not number.is_finite():
        raise ValidationError("not_finite", value=str(number))
    return number
