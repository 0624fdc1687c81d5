"""Tests of the demo project data: counts, consistency of people and IDs, flats, determinism."""

from __future__ import annotations

import random
import re
from collections import Counter
from decimal import Decimal

import pytest

from allocation.demo.register import (
    AREA_CLASSES,
    DEMO_TODAY,
    demo_flats,
    demo_households,
    demo_stock,
)
from allocation.registry.ids import COMPOUND_SURNAMES, age_on, mask_name, parse_id, validate_id
from allocation.registry.model import (
    Condition,
    Flat,
    FlatStatus,
    Household,
    HouseholdStatus,
    Member,
)

MALE_RELATIONS = {"子", "父", "孙子", "女婿"}
FEMALE_RELATIONS = {"女", "母", "孙女", "儿媳"}
RELATIONS = {"户主", "配偶"} | MALE_RELATIONS | FEMALE_RELATIONS


@pytest.fixture(scope="module")
def households() -> list[Household]:
    return demo_households()


@pytest.fixture(scope="module")
def flats() -> list[Flat]:
    return demo_flats()


def people(households: list[Household]) -> list[Member]:
    return [m for h in households for m in h.members]


def age(member: Member) -> int:
    return age_on(member.id_number, DEMO_TODAY)


def surname(name: str) -> str:
    return name[:2] if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES else name[0]


def has_two_decimals(value: Decimal) -> bool:
    return value.as_tuple().exponent == -2


# ---------------------------------------------------------------------------
# households
# ---------------------------------------------------------------------------


def test_exact_counts_and_codes(households: list[Household]) -> None:
    """199 households and 638 people, coded D001 to D199 in order."""
    assert len(households) == 199
    assert len(people(households)) == 638
    assert [h.code for h in households] == [f"D{i:03d}" for i in range(1, 200)]


def test_ids_are_valid_and_unique(households: list[Household]) -> None:
    """Every ID number passes validation on the demo date and appears once in the project."""
    numbers = [m.id_number for m in people(households)]
    assert all(validate_id(n, today=DEMO_TODAY) == n for n in numbers)
    assert len(set(numbers)) == len(numbers)
    assert sum(n.startswith("4201") for n in numbers) / len(numbers) > 0.8  # mostly Wuhan


def test_head_is_the_first_and_only_head_member(households: list[Household]) -> None:
    """The head is a member (户主), listed first, and the household repeats its name and ID."""
    for household in households:
        heads = [m for m in household.members if m.is_head]
        assert heads == [household.members[0]]
        assert (household.head_name, household.head_id) == (heads[0].name, heads[0].id_number)
        assert heads[0].recognised and not heads[0].new_member


def test_relations_come_from_the_ledger_vocabulary(households: list[Household]) -> None:
    """Relations are the usual ledger words, and each appears somewhere."""
    used = Counter(m.relation for m in people(households))
    assert set(used) == RELATIONS
    assert all(len(h.members) == len({m.name for m in h.members}) for h in households)


def test_sex_in_the_id_matches_the_relation(households: list[Household]) -> None:
    """Sons, fathers and sons-in-law are male; spouses are of the other sex than the head."""
    for household in households:
        head_sex = parse_id(household.head_id).sex
        for member in household.members[1:]:
            sex = parse_id(member.id_number).sex
            if member.relation in MALE_RELATIONS:
                assert sex == "M", member
            elif member.relation in FEMALE_RELATIONS:
                assert sex == "F", member
            else:
                assert sex != head_sex, member


def test_ages_fit_the_family(households: list[Household]) -> None:
    """Parents are a generation older than the head, children a generation younger."""
    for household in households:
        head_age = age(household.members[0])
        assert 18 <= head_age <= 100
        for member in household.members[1:]:
            gap = age(member) - head_age
            if member.relation in ("父", "母"):
                assert gap >= 18, member
            elif member.relation in ("子", "女"):
                assert gap <= -18, member
            elif member.relation in ("孙子", "孙女"):
                assert gap <= -40, member
            assert 0 <= age(member) <= 100


def test_children_carry_their_fathers_surname(households: list[Household]) -> None:
    """In households headed by a man, his children share his surname; his wife does not."""
    for household in households:
        head = household.members[0]
        if parse_id(head.id_number).sex != "M":
            continue
        for member in household.members[1:]:
            if member.relation in ("子", "女", "父"):
                assert surname(member.name) == surname(head.name), member
            elif member.relation == "配偶":
                assert surname(member.name) != surname(head.name), member


def test_names_are_realistic(households: list[Household]) -> None:
    """Names have a surname and a given name of one or two characters, a few compound surnames."""
    names = [m.name for m in people(households)]
    assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", n) for n in names)
    assert all(1 <= len(n) - len(surname(n)) <= 2 for n in names)
    assert sum(1 for n in names if surname(n) in COMPOUND_SURNAMES) >= 3
    assert all(mask_name(n) != n for n in names)


def test_some_elders_are_seventy_or_older(households: list[Household]) -> None:
    """An old-town project has many elderly people, but not only them."""
    ages = [age(m) for m in people(households)]
    assert 40 <= sum(a >= 70 for a in ages) <= 250
    assert any(a < 18 for a in ages)


def test_about_one_household_in_ten_has_conditions(households: list[Household]) -> None:
    """Between 8 % and 15 % of households have special conditions; disability carries a grade."""
    with_conditions = [h for h in households if h.conditions]
    assert 0.08 <= len(with_conditions) / len(households) <= 0.15
    for member in people(households):
        if Condition.DISABILITY in member.conditions:
            assert member.disability_grade in (1, 2, 3, 4)
        else:
            assert member.disability_grade is None


def test_new_member_claims_and_unrecognised_members(households: list[Household]) -> None:
    """About twenty households claim a new member, and a few members are not recognised."""
    claiming = [h for h in households if any(m.new_member for m in h.members)]
    assert 15 <= len(claiming) <= 25
    unrecognised = [m for m in people(households) if not m.recognised]
    assert 1 <= len(unrecognised) <= 10
    assert all(h.notes for h in households if h.recognised_count < len(h.members))


def test_signing_order_follows_signing_dates(households: list[Household]) -> None:
    """About 70 % have signed; their signing numbers are 1..n in date order."""
    signed = [h for h in households if h.signed_on is not None]
    assert 0.65 <= len(signed) / len(households) <= 0.75
    by_seq = sorted(signed, key=lambda h: h.signing_seq or 0)
    assert [h.signing_seq for h in by_seq] == list(range(1, len(signed) + 1))
    dates = [h.signed_on for h in by_seq]
    assert dates == sorted(dates)  # type: ignore[type-var]
    assert all(d is not None and d <= DEMO_TODAY for d in dates)
    for household in households:
        is_signed = household.signed_on is not None
        assert (household.signing_seq is not None) == is_signed
        assert (household.status is HouseholdStatus.SIGNED) == is_signed


def test_contact_data_and_areas(households: list[Household]) -> None:
    """Phones are unique mobile numbers, addresses are in Wuchang, areas are 35–160 m² to 0.01."""
    phones = [h.phone for h in households]
    assert all(re.fullmatch(r"1[3-9]\d{9}", p) for p in phones)
    assert len(set(phones)) == len(phones)
    addresses = [h.address for h in households]
    assert all(re.fullmatch(r"武昌区\w+?\d+号(\d栋\d单元\d{3})?", a) for a in addresses)
    assert len(set(addresses)) == len(addresses)
    for household in households:
        assert Decimal("35") <= household.legal_area <= Decimal("160")
        assert has_two_decimals(household.legal_area)


def test_households_are_deterministic() -> None:
    """Two calls give equal data, whatever the global random state."""
    random.seed(1)
    first = demo_households()
    random.seed(2)
    second = demo_households()
    assert first == second


# ---------------------------------------------------------------------------
# flats
# ---------------------------------------------------------------------------


def test_flat_stock_shape(flats: list[Flat]) -> None:
    """200–240 available flats in buildings 1–4 with two units each, keys unique."""
    assert 200 <= len(flats) <= 240
    assert {f.building for f in flats} == {"1", "2", "3", "4"}
    assert {f.unit for f in flats} == {"1", "2"}
    assert len({f.key for f in flats}) == len(flats)
    assert all(f.status is FlatStatus.AVAILABLE for f in flats)


def test_flat_numbers_encode_the_floor(flats: list[Flat]) -> None:
    """A flat number is floor × 100 + position, e.g. 301 or 1102."""
    for flat in flats:
        floor, position = divmod(int(flat.number), 100)
        assert floor == flat.floor >= 1
        assert 1 <= position <= 3


def test_flat_areas_come_from_the_listed_classes(flats: list[Flat]) -> None:
    """Measured areas lie within 1 m² of 55/70/75/80/85/110, and every class is offered."""
    classes = set()
    for flat in flats:
        nearest = min(AREA_CLASSES, key=lambda c: abs(flat.area - c))
        assert abs(flat.area - nearest) < 1
        assert has_two_decimals(flat.area)
        classes.add(nearest)
    assert classes == {55, 70, 75, 80, 85, 110}


def test_flat_layouts_orientation_and_prices(flats: list[Flat]) -> None:
    """Layouts read like 2室1厅1卫; prices are about 4000 yuan/m² to the cent."""
    for flat in flats:
        assert re.fullmatch(r"\d室\d厅\d卫", flat.layout)
        assert flat.orientation
        assert Decimal("3500") <= flat.base_price <= Decimal("4500")
        assert has_two_decimals(flat.base_price)


def test_flats_are_deterministic() -> None:
    """Two calls give equal flats, whatever the global random state."""
    random.seed(1)
    first = demo_flats()
    random.seed(2)
    assert demo_flats() == first


def test_a_stock_of_one_to_twelve_buildings() -> None:
    """By hand from the four plans (floors × 2 units × flats a floor): building 1 is
    12 × 2 × 3 = 72 flats; buildings 1–4 are 72 + 11×2×2 + 11×2×2 + 10×2×3 = 72 + 44 +
    44 + 60 = 220; buildings 5–8, six floors higher: 18×6 + 17×4 + 17×4 + 16×6 = 108 +
    68 + 68 + 96 = 340; 9–12, twelve higher: 24×6 + 23×4 + 23×4 + 22×6 = 144 + 92 + 92 +
    132 = 460. Twelve buildings: 220 + 340 + 460 = 1020 flats, 24 floors at most."""
    one = demo_stock(1)
    assert len(one) == 72 and {f.building for f in one} == {"1"}
    assert len(demo_stock(4)) == 220
    twelve = demo_stock(12)
    assert len(twelve) == 1020
    assert {f.building for f in twelve} == {str(n) for n in range(1, 13)}
    assert max(f.floor for f in twelve) == 24
    assert max(f.floor for f in twelve if f.building == "5") == 18
    assert len({f.key for f in twelve}) == 1020
