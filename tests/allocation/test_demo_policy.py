"""The demo policy fits the demo stock: every household can be housed under its own rules.

A default policy that promises more than the flats can give would make every
later demo (session, rehearsal, agreements) show a broken project. These
tests compute entitlements and groups with the real policy functions and
check the stock against them, independently of any allocation mechanism.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from allocation.demo.policy import demo_policy
from allocation.demo.register import DEMO_TODAY, demo_flats, demo_households
from allocation.rules.entitlement import compute_entitlement
from allocation.rules.priority import FlatRestriction, assign_group, flat_allowed

POLICY = demo_policy()


def _restriction(rank: int) -> FlatRestriction | None:
    return POLICY.groups[rank].flat_restriction if rank < len(POLICY.groups) else None


@pytest.fixture(scope="module")
def eligible() -> dict[str, list[str]]:
    """Household code → keys of the flats it may take (one flat, within band and restriction)."""
    flats = demo_flats()
    result: dict[str, list[str]] = {}
    for household in demo_households():
        band = compute_entitlement(household, POLICY, DEMO_TODAY).band
        restriction = _restriction(assign_group(household, POLICY, DEMO_TODAY).rank)
        result[household.code] = [
            f.key for f in flats if band.contains(f.area) and flat_allowed(restriction, f)
        ]
    return result


def _maximum_matching(eligible: dict[str, list[str]]) -> dict[str, str]:
    """Flat key → household code, by augmenting paths (Kuhn's algorithm, iterative)."""
    owner: dict[str, str] = {}
    for code in eligible:
        parent: dict[str, tuple[str, str | None]] = {}  # flat → (household, previous flat)
        stack = [(code, None)]
        seen: set[str] = set()
        found = None
        while stack and found is None:
            household, came_from = stack.pop()
            for flat in eligible[household]:
                if flat in seen:
                    continue
                seen.add(flat)
                parent[flat] = (household, came_from)
                if flat not in owner:
                    found = flat
                    break
                stack.append((owner[flat], flat))
        flat = found
        while flat is not None:
            household, previous = parent[flat]
            owner[flat] = household
            flat = previous
    return owner


def test_every_household_has_an_eligible_flat(eligible: dict[str, list[str]]) -> None:
    assert [code for code, keys in eligible.items() if not keys] == []


def test_all_199_households_can_be_housed_at_once(eligible: dict[str, list[str]]) -> None:
    """A perfect matching exists: the rules and the stock do not force anyone out."""
    owner = _maximum_matching(eligible)
    assert len(owner) == len(eligible) == 199
    assert len(set(owner.values())) == 199
    for flat, code in owner.items():
        assert flat in eligible[code]


def test_the_priority_group_fits_its_restricted_flats() -> None:
    households = demo_households()
    ranks = Counter(assign_group(h, POLICY, DEMO_TODAY).rank for h in households)
    restriction = POLICY.groups[0].flat_restriction
    restricted = [f for f in demo_flats() if flat_allowed(restriction, f)]
    assert 30 <= ranks[0] <= len(restricted) * 0.8  # a real group, with choice left in it
    assert sum(ranks.values()) == 199


def test_entitlement_is_property_exchange_with_a_per_person_floor() -> None:
    """1:1 legal area, or 25 m² per recognised person where that is more."""
    for household in demo_households():
        people = sum(1 for m in household.members if m.recognised)
        expected = max(household.legal_area, Decimal(25) * people)
        assert compute_entitlement(household, POLICY, DEMO_TODAY).area == expected


def test_total_entitlement_is_within_reach_of_the_stock() -> None:
    stock = sum((f.area for f in demo_flats()), Decimal(0))
    total = sum(
        (compute_entitlement(h, POLICY, DEMO_TODAY).area for h in demo_households()), Decimal(0)
    )
    assert total <= stock * Decimal("1.1")
    assert total >= stock * Decimal("0.8")  # nor is most of the stock left over


def test_the_demo_lets_large_entitlements_take_two_flats() -> None:
    """一户多套 in the demo: two flats for households entitled to 120 m² or more, one for the
    others, printed so on the rules notice."""
    from allocation.rules import flats_allowed
    from allocation.rules.text import policy_text

    rules = demo_policy().entitlement
    assert (rules.max_flats, rules.several_flats_from) == (2, Decimal("120.00"))
    assert flats_allowed(rules, Decimal("119.99")) == 1
    assert flats_allowed(rules, Decimal("120.00")) == 2
    assert "安置面积达到120平方米的家庭每户最多可选购2套房源，其他家庭每户限选购1套" in policy_text(
        demo_policy())
