"""A flat's list price: area × base price, in yuan, rounded half up to the fen, in Decimal."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from allocation.registry import Flat
from tests.factories import make_flat

# Worked by hand:
#   89.37 × 6,215.50 = 89 × 6,215.50 + 0.37 × 6,215.50 = 553,179.50 + 2,299.735
#                    = 555,479.235 → 555,479.24 (half up; cutting off would give .23)
#   89.35 × 6,215.50 = 553,179.50 + 0.35 × 6,215.50 = 553,179.50 + 2,175.425
#                    = 555,354.925 → 555,354.93 (half up; half to even would give .92)
#   85.00 × 4,000.00 = 340,000 exactly → 340,000.00
WORKED = [
    ("89.37", "6215.50", "555479.24"),
    ("89.35", "6215.50", "555354.93"),
    ("85.00", "4000.00", "340000.00"),
]


@pytest.mark.parametrize(("area", "price", "expected"), WORKED)
def test_worked_examples(area: str, price: str, expected: str) -> None:
    flat = make_flat(area=Decimal(area), base_price=Decimal(price))
    assert flat.list_price == Decimal(expected)
    assert str(flat.list_price) == expected  # to the fen, with its trailing zeros


CENTS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2,
                    allow_nan=False, allow_infinity=False)


@given(area=CENTS, price=CENTS)
def test_the_list_price_is_the_exact_product_rounded_half_up_to_the_fen(
        area: Decimal, price: Decimal) -> None:
    """Off the exact product by less than half a fen, or by exactly half a fen upwards."""
    listed = make_flat(area=area, base_price=price).list_price
    assert isinstance(listed, Decimal)
    assert listed.as_tuple().exponent == -2
    exact = area * price  # two places each: exact in Decimal, four places
    assert Decimal("-0.005") < listed - exact <= Decimal("0.005")


@given(area=CENTS, more=CENTS, price=CENTS)
def test_a_larger_flat_at_the_same_price_never_lists_for_less(
        area: Decimal, more: Decimal, price: Decimal) -> None:
    smaller: Flat = make_flat(area=area, base_price=price)
    larger: Flat = make_flat(area=area + more, base_price=price)
    assert larger.list_price >= smaller.list_price
