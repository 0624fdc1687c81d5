"""The demo register's arrangements: payee accounts and transition housing.

A signed household has given the account its compensation is paid into
(收款账户) — the agreement names it — and some households whose old home
comes down before their new flat is ready are lent a flat of the office's
(周转用房) instead of an allowance to rent one. These facts came later than
the register itself, so they are drawn from a random stream of their own:
every household, member, area and signature of the demo stays what it was.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from allocation.registry import Household, is_signed

#: The seed of the arrangements' own stream (the register's is DEMO_SEED).
ARRANGEMENTS_SEED = 20261107

#: Branches a Wuhan office's payees commonly bank with.
PAYEE_BANKS = (
    "中国工商银行武汉积玉桥支行",
    "中国建设银行武汉中南路支行",
    "中国农业银行武汉武昌支行",
    "中国银行武汉首义支行",
    "武汉农村商业银行粮道街支行",
)

#: Each household's chance of being lent a transition flat (33 of the 199 are).
TRANSITION_HOUSING_SHARE = 0.125

#: The office's transition flats (周转房) stand in one estate; the term is
#: the 18 months the demo policy allows for the new buildings.
TRANSITION_ESTATE = "武昌区和平大道周转房小区"
TRANSITION_FROM = date(2026, 12, 1)
TRANSITION_UNTIL = date(2028, 5, 31)


def add_arrangements(households: list[Household]) -> list[Household]:
    """The households with payee accounts for the signed and some transition flats.

    Args:
        households: The demo register in code order.

    Returns:
        The same households, in the same order; every signed one has a
        payee account in its head's name, and some (signed or not; 33 of
        the 199) are lent a transition flat for the demo's term.
    """
    rng = random.Random(ARRANGEMENTS_SEED)
    result = []
    taken_flats: set[str] = set()
    for household in households:
        lent = rng.random() < TRANSITION_HOUSING_SHARE
        if lent:
            household = replace(
                household,
                transition_housing=_transition_flat(rng, taken_flats),
                transition_from=TRANSITION_FROM,
                transition_until=TRANSITION_UNTIL,
            )
        if is_signed(household):
            household = replace(
                household,
                payee_bank=rng.choice(PAYEE_BANKS),
                payee_name=household.head_name,
                payee_account=_account_number(rng),
            )
        result.append(household)
    return result


def _transition_flat(rng: random.Random, taken: set[str]) -> str:
    """A flat of the transition estate nobody else is lent."""
    while True:
        address = (f"{TRANSITION_ESTATE}{rng.randint(1, 6)}栋"
                   f"{rng.randint(1, 3)}单元{rng.randint(1, 18)}{rng.randint(1, 4):02d}室")
        if address not in taken:
            taken.add(address)
            return address


def _account_number(rng: random.Random) -> str:
    """A 19-digit debit card number, written in groups of four as a bank prints it."""
    digits = "6222" + "".join(str(rng.randint(0, 9)) for _ in range(15))
    return " ".join(digits[i:i + 4] for i in range(0, len(digits), 4))
