"""Deterministic demo project data: 199 households (638 people) and 220 flats, all synthetic.

The demo stands for a typical old-town resettlement in Wuchang, Wuhan: one
project, the size the design card names, with the mix an office sees
(elderly couples, three-generation families, special conditions, new
population claims, about 70 % already signed). Every person, ID number and
phone number is invented; ID numbers are valid and agree with each person's
age and sex on :data:`DEMO_TODAY`.

Randomness comes only from ``random.Random(DEMO_SEED)`` created inside each
public function, so every call returns equal data on every computer.

Flat convention: ``building`` is the plain building number ``"1"``–``"4"``
(printed as 1栋 or 1号楼 by whoever prints it), ``unit`` is ``"1"`` or ``"2"``,
``number`` is floor × 100 + position (``"301"``, ``"1102"``), so the flat key
reads ``"1-2-301"``. Areas are measured areas (实测面积) close to the nominal
classes of :data:`AREA_CLASSES`, equal for every floor of one stack.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Final, TypeVar

from allocation.demo.arrangements import add_arrangements
from allocation.registry import (
    HEAD_RELATION,
    Condition,
    Flat,
    FlatStatus,
    Household,
    HouseholdStatus,
    Member,
    Sex,
    make_id,
    quantize_area,
)

K = TypeVar("K")

DEMO_SEED: Final = 20261101
DEMO_TODAY: Final = date(2026, 11, 1)
DEMO_PROJECT_NAME: Final = "武昌区粮道街片区旧城改造安置项目"

HOUSEHOLD_COUNT: Final = 199
PERSON_COUNT: Final = 638
MAX_HOUSEHOLD_SIZE: Final = 7
CONDITION_HOUSEHOLDS: Final = 20  # about one in ten
NEW_MEMBER_HOUSEHOLDS: Final = 20
SIGNED_SHARE: Final = 0.70
SIGNING_START: Final = date(2026, 7, 1)
SIGNING_END: Final = date(2026, 10, 31)

# ---------------------------------------------------------------------------
# Vocabulary (weights are rough shares of the population, in tenths of a percent)
# ---------------------------------------------------------------------------

SURNAME_WEIGHTS: Final = {
    "王": 71, "李": 70, "张": 66, "刘": 54, "陈": 46, "杨": 31, "黄": 23, "赵": 22,
    "吴": 20, "周": 19, "徐": 15, "孙": 15, "马": 15, "朱": 13, "胡": 18, "郭": 12,
    "何": 12, "高": 11, "林": 11, "罗": 11, "郑": 9, "梁": 9, "谢": 8, "宋": 7,
    "唐": 7, "许": 7, "韩": 7, "冯": 7, "邓": 7, "曹": 6, "彭": 6, "曾": 6,
    "肖": 6, "田": 5, "董": 5, "袁": 5, "潘": 5, "于": 5, "蒋": 5, "蔡": 5,
    "余": 6, "杜": 5, "叶": 4, "程": 5, "苏": 4, "魏": 4, "吕": 4, "丁": 4,
    "任": 4, "沈": 4, "姚": 4, "卢": 4, "姜": 4, "崔": 4, "钟": 3, "谭": 3,
    "陆": 3, "汪": 4, "范": 3, "金": 3, "石": 3, "廖": 3, "贾": 3, "夏": 4,
    "付": 3, "方": 3, "邹": 3, "熊": 5, "涂": 3, "喻": 3, "万": 3, "雷": 3,
    "秦": 3, "邱": 3, "江": 3, "尹": 3, "龚": 3, "严": 3, "艾": 2, "柯": 2,
    # Hubei has more 熊, 涂, 喻, 万 and 胡 than the national average.
    "欧阳": 3, "司马": 1, "上官": 1, "诸葛": 1, "皇甫": 1,
}  # fmt: skip

COMPOUND_HEADS: Final = ("欧阳", "司马", "上官", "诸葛")

# Given names follow fashions, so each birth cohort has its own list.
GIVEN_NAMES: Final[dict[tuple[int, Sex], tuple[str, ...]]] = {
    (1959, "M"): (
        "建国", "国庆", "德明", "志刚", "国华", "建华", "长生", "福生", "金生", "永福",
        "有才", "家明", "光明", "振华", "卫东", "胜利", "桂林", "炳", "德", "福", "顺",
    ),
    (1959, "F"): (
        "秀英", "桂英", "玉兰", "淑珍", "凤英", "桂兰", "秀兰", "翠花", "春花", "玉珍",
        "美兰", "素珍", "秀珍", "金凤", "兰英", "腊梅", "菊香", "英", "珍", "芬",
    ),
    (1979, "M"): (
        "伟", "勇", "军", "强", "斌", "涛", "磊", "建军", "志强", "红兵",
        "卫国", "海波", "国平", "建平", "小平", "明", "华", "刚", "亮", "俊",
    ),
    (1979, "F"): (
        "丽", "静", "敏", "芳", "红", "燕", "霞", "玲", "萍", "红梅",
        "海燕", "丽华", "小红", "晓燕", "春燕", "艳", "娟", "琴", "慧", "丽萍",
    ),
    (1999, "M"): (
        "鹏", "浩", "杰", "超", "波", "俊杰", "晓东", "文杰", "宇", "飞",
        "志伟", "海涛", "晨", "阳", "帅", "凯", "鑫", "磊磊", "剑", "昊",
    ),
    (1999, "F"): (
        "婷", "丹", "倩", "洁", "莉", "雪", "颖", "琳", "晶", "佳",
        "晓丽", "婷婷", "丹丹", "文静", "思琪", "璐", "蕾", "娜", "梦", "露",
    ),
    (9999, "M"): (
        "子轩", "浩然", "宇轩", "梓轩", "一鸣", "俊熙", "博文", "子墨", "皓轩", "思源",
        "天佑", "浩宇", "宇航", "睿", "轩", "铭", "哲", "奕辰", "沐阳", "煜",
    ),
    (9999, "F"): (
        "欣怡", "子涵", "梓涵", "一诺", "雨桐", "诗涵", "思彤", "佳怡", "若汐", "梓萱",
        "可馨", "语嫣", "雨欣", "梦瑶", "芷若", "欣", "悦", "琪", "萱", "彤",
    ),
}  # fmt: skip

# Where people's ID numbers were first issued: mostly Wuchang, then other Wuhan
# districts, then towns of Hubei and neighbouring provinces people married in from.
REGION_WEIGHTS: Final = {
    "420106": 55, "420102": 5, "420103": 5, "420104": 5, "420105": 5, "420107": 4,
    "420111": 8, "420115": 3, "420116": 3, "420117": 3, "420902": 2, "421002": 2,
    "420502": 1, "421102": 2, "430102": 1, "411502": 1,
}  # fmt: skip
HOME_REGION: Final = "420106"

STREETS: Final = ("粮道街", "中山路", "胭脂路", "昙华林", "得胜桥", "候补街", "复兴路", "三道街")

MOBILE_PREFIXES: Final = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151",
    "152", "153", "155", "156", "157", "158", "159", "176", "177", "178", "180", "181",
    "182", "183", "185", "186", "187", "188", "189", "191", "198", "199",
)  # fmt: skip

# Household sizes 1..7 and their shares; the total is adjusted to PERSON_COUNT afterwards.
SIZE_WEIGHTS: Final = (10, 22, 30, 20, 11, 5, 2)

CONDITION_WEIGHTS: Final = {
    Condition.DISABILITY: 35,
    Condition.LOW_INCOME: 20,
    Condition.SERIOUS_ILLNESS: 20,
    Condition.EXTREME_HARDSHIP: 12,
    Condition.MARTYR_FAMILY: 8,
}

CHILD_RELATIONS: Final = frozenset({"子", "女", "孙子", "孙女"})
IN_LAW_RELATIONS: Final = frozenset({"儿媳", "女婿"})

# ---------------------------------------------------------------------------
# Flats
# ---------------------------------------------------------------------------

AREA_CLASSES: Final = (55, 70, 75, 80, 85, 110)
BUILDINGS: Final = ("1", "2", "3", "4")
UNITS: Final = ("1", "2")


@dataclass(frozen=True, slots=True)
class _FlatType:
    area_class: int
    layout: str
    orientation: str


_SMALL = _FlatType(55, "1室1厅1卫", "东南")
_TWO = _FlatType(70, "2室1厅1卫", "南北")
_TWO_WIDE = _FlatType(75, "2室2厅1卫", "南")
_TWO_LARGE = _FlatType(80, "2室2厅1卫", "南北")
_THREE = _FlatType(85, "3室2厅1卫", "南北")
_THREE_LARGE = _FlatType(110, "3室2厅2卫", "南北")

#: building -> (floors, flat types by position on a floor of each unit, base price)
BUILDING_PLANS: Final[dict[str, tuple[int, tuple[_FlatType, ...], Decimal]]] = {
    "1": (12, (_SMALL, _TWO, _TWO_WIDE), Decimal("3950.00")),
    "2": (11, (_TWO_LARGE, _THREE), Decimal("4000.00")),
    "3": (11, (_THREE, _THREE_LARGE), Decimal("4050.00")),
    "4": (10, (_TWO, _THREE_LARGE, _SMALL), Decimal("4000.00")),
}


def demo_flats() -> list[Flat]:
    """The demo housing stock: 220 available flats in buildings 1–4, two units each.

    Returns:
        Flats ordered by building, unit, floor and number; keys are unique.
    """
    rng = random.Random(DEMO_SEED)
    flats: list[Flat] = []
    for building in BUILDINGS:
        floors, types, price = BUILDING_PLANS[building]
        for unit in UNITS:
            # Every floor of a stack has the same measured area, as in a survey report.
            areas = [_measured_area(rng, flat_type.area_class) for flat_type in types]
            flats += [
                _flat(building, unit, floor, position, flat_type, area, price)
                for floor in range(1, floors + 1)
                for position, (flat_type, area) in enumerate(zip(types, areas, strict=True), 1)
            ]
    return flats


def demo_stock(buildings: int) -> list[Flat]:
    """A housing stock of ``buildings`` buildings for sizing the hall's display: one
    building (a small project) up to twelve (a large estate).

    The demo's four building plans in turn; every fourth building on, six floors higher
    (buildings 5–8 have 16–18 floors, 9–12 have 22–24), as the towers of a large estate.
    Areas are the plan's area classes, unmeasured: the flats are for the screen, not for
    pricing.
    """
    flats: list[Flat] = []
    for index in range(buildings):
        plan = BUILDINGS[index % len(BUILDINGS)]
        floors, types, price = BUILDING_PLANS[plan]
        building = str(index + 1)
        flats += [
            _flat(building, unit, floor, position, flat_type, Decimal(flat_type.area_class),
                  price)
            for unit in UNITS
            for floor in range(1, floors + 6 * (index // len(BUILDINGS)) + 1)
            for position, flat_type in enumerate(types, 1)
        ]
    return flats


def _flat(
    building: str,
    unit: str,
    floor: int,
    position: int,
    flat_type: _FlatType,
    area: Decimal,
    price: Decimal,
) -> Flat:
    return Flat(
        building=building,
        unit=unit,
        floor=floor,
        number=f"{floor * 100 + position}",
        area=area,
        layout=flat_type.layout,
        base_price=price,
        orientation=flat_type.orientation,
        status=FlatStatus.AVAILABLE,
    )


def _measured_area(rng: random.Random, area_class: int) -> Decimal:
    return quantize_area(Decimal(area_class * 100 + rng.randint(-60, 60)) / 100)


# ---------------------------------------------------------------------------
# Households
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Draft:
    """A person being made up; turned into a Member once named and numbered."""

    relation: str
    sex: Sex
    age: int
    surname: str = ""
    region: str = HOME_REGION
    conditions: set[Condition] = field(default_factory=set)
    disability_grade: int | None = None
    new_member: bool = False
    recognised: bool = True


@dataclass(slots=True)
class _Registry:
    """Project-wide uniqueness of ID numbers, phones and addresses."""

    ids: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    addresses: set[str] = field(default_factory=set)


def demo_households() -> list[Household]:
    """The demo register: households D001–D199 with 638 people in all.

    Returns:
        Households in code order. Each head is the first member (relation
        户主); about one household in ten has special conditions, twenty
        claim a new member, a few members are not recognised, and about
        70 % have signed, numbered 1..n in signing order; the signed have
        payee accounts and 33 are lent transition housing
        (see allocation.demo.arrangements).
    """
    rng = random.Random(DEMO_SEED)
    sizes = _household_sizes(rng)
    # Compound surnames are too rare to turn up by chance in 199 households; place a few.
    compound_heads = dict(zip(rng.sample(range(HOUSEHOLD_COUNT), 4), COMPOUND_HEADS, strict=True))
    families = [_family(rng, size, compound_heads.get(i)) for i, size in enumerate(sizes)]
    _add_conditions(rng, families)
    _add_new_member_claims(rng, families)
    _add_unrecognised(rng, families)
    registry = _Registry()
    households = [
        _household(rng, registry, index, family) for index, family in enumerate(families, start=1)
    ]
    return add_arrangements(_sign(rng, households))


def _household_sizes(rng: random.Random) -> list[int]:
    """Sizes for HOUSEHOLD_COUNT households that add up to exactly PERSON_COUNT."""
    sizes = rng.choices(range(1, MAX_HOUSEHOLD_SIZE + 1), SIZE_WEIGHTS, k=HOUSEHOLD_COUNT)
    while (total := sum(sizes)) != PERSON_COUNT:
        step = 1 if total < PERSON_COUNT else -1
        index = rng.randrange(HOUSEHOLD_COUNT)
        if 1 <= sizes[index] + step <= MAX_HOUSEHOLD_SIZE:
            sizes[index] += step
    return sizes


# --- family structure -------------------------------------------------------


def _family(rng: random.Random, size: int, head_surname: str | None = None) -> list[_Draft]:
    """A plausible family of ``size`` people, head first, with surnames and regions."""
    if size == 1:
        family = [_Draft(HEAD_RELATION, _pick_sex(rng, 0.55), _single_head_age(rng))]
    elif rng.random() < (0.7 if size >= 6 else 0.4 if size >= 3 else 0.5):
        family = _elder_family(rng, size)
    else:
        family = _younger_family(rng, size)
    _assign_surnames(rng, family, head_surname or _surname(rng))
    for person in family:
        person.region = _region(rng, person)
    return family


def _single_head_age(rng: random.Random) -> int:
    # People living alone in old neighbourhoods are mostly elderly.
    return rng.randint(62, 92) if rng.random() < 0.7 else rng.randint(26, 61)


def _pick_sex(rng: random.Random, male_share: float) -> Sex:
    return "M" if rng.random() < male_share else "F"


def _other(sex: Sex) -> Sex:
    return "F" if sex == "M" else "M"


def _younger(rng: random.Random, age: int, low: int, high: int) -> int:
    """Age of someone born ``low``..``high`` years after a person of ``age``; 0 at least."""
    return max(0, age - rng.randint(low, high))


def _elder_family(rng: random.Random, size: int) -> list[_Draft]:
    """An elderly head, perhaps widowed, with a son's family, a daughter's, or both."""
    head = _Draft(HEAD_RELATION, _pick_sex(rng, 0.65), rng.randint(62, 90))
    widowed = rng.random() < 0.3
    spouse = _Draft("配偶", _other(head.sex), max(55, head.age + rng.randint(-5, 4)))
    mother_age = head.age if head.sex == "F" else spouse.age
    son = _Draft("子", "M", _younger(rng, mother_age, 22, 34))
    daughter_in_law = _Draft("儿媳", "F", max(18, son.age + rng.randint(-4, 2)))
    grandchildren = _children(rng, daughter_in_law.age, ("孙子", "孙女"), 3)
    daughter = _Draft("女", "F", _younger(rng, mother_age, 24, 38))
    son_in_law = _Draft("女婿", "M", daughter.age + rng.randint(0, 4))
    if rng.random() < 0.25:  # the daughter and her husband live with her parents
        others = [daughter, son_in_law, son, daughter_in_law, *grandchildren]
    else:
        others = [son, daughter_in_law, *grandchildren[:2], daughter, *grandchildren[2:]]
    if not widowed:
        others.insert(0, spouse)
    return [head, *others[: size - 1]]


def _younger_family(rng: random.Random, size: int) -> list[_Draft]:
    """A working-age head with spouse, children and perhaps their own parents."""
    head = _Draft(HEAD_RELATION, _pick_sex(rng, 0.8), rng.randint(30, 58))
    single_parent = size <= 3 and rng.random() < 0.25
    spouse = _Draft("配偶", _other(head.sex), max(24, head.age + rng.randint(-4, 4)))
    mother_age = head.age if head.sex == "F" or single_parent else spouse.age
    children = _children(rng, mother_age, ("子", "女"), 4)
    mother = _Draft("母", "F", min(95, head.age + rng.randint(22, 32)))
    father = _Draft("父", "M", min(95, mother.age + rng.randint(-2, 5)))
    middle = [children[1], mother, father]
    rng.shuffle(middle)
    others = [children[0], *middle, *children[2:]]
    if not single_parent:
        others.insert(0, spouse)
    return [head, *others[: size - 1]]


def _children(
    rng: random.Random, mother_age: int, relations: tuple[str, str], count: int
) -> list[_Draft]:
    """Children of a mother of ``mother_age``, eldest first, two to eight years apart."""
    age = _younger(rng, mother_age, 22, 34)
    children = []
    for _ in range(count):
        sex = _pick_sex(rng, 0.52)
        children.append(_Draft(relations[0] if sex == "M" else relations[1], sex, age))
        age = max(0, age - rng.randint(2, 8))
    return children


def _assign_surnames(rng: random.Random, family: list[_Draft], head_surname: str) -> None:
    """Children take their father's surname; spouses and in-laws have their own.

    The "line" surname is the head's if the head is a man, otherwise the
    husband's (or the late or former husband's, if there is none).
    """
    head = family[0]
    head.surname = head_surname
    line = head.surname if head.sex == "M" else _surname(rng, not_=head.surname)
    for person in family[1:]:
        if person.relation in CHILD_RELATIONS:
            person.surname = line
        elif person.relation == "父":
            person.surname = head.surname
        elif person.relation == "母":
            person.surname = _surname(rng, not_=head.surname)
        elif person.relation == "配偶" and person.sex == "M":
            person.surname = line
        else:  # a wife, mother, 儿媳 or 女婿 comes from another family
            person.surname = _surname(rng, not_=line)


def _surname(rng: random.Random, *, not_: str = "") -> str:
    while True:
        surname = _weighted(rng, SURNAME_WEIGHTS)
        if surname != not_:
            return surname


def _weighted(rng: random.Random, weights: dict[K, int]) -> K:
    return rng.choices(list(weights), list(weights.values()))[0]


def _region(rng: random.Random, person: _Draft) -> str:
    # Children and grandchildren were born here; others came from anywhere in the list.
    if person.relation in CHILD_RELATIONS and rng.random() < 0.8:
        return HOME_REGION
    return _weighted(rng, REGION_WEIGHTS)


# --- special facts ----------------------------------------------------------


def _add_conditions(rng: random.Random, families: list[list[_Draft]]) -> None:
    """Give CONDITION_HOUSEHOLDS households one condition, a few of them two."""
    chosen = rng.sample(range(len(families)), CONDITION_HOUSEHOLDS)
    for rank, index in enumerate(chosen):
        family = families[index]
        _give_condition(rng, family, _weighted(rng, CONDITION_WEIGHTS))
        if rank % 7 == 0:  # disability with 低保 is a common pairing
            _give_condition(rng, family, Condition.LOW_INCOME)
            _give_condition(rng, family, Condition.DISABILITY)


def _give_condition(rng: random.Random, family: list[_Draft], condition: Condition) -> None:
    if condition is Condition.DISABILITY:
        person = rng.choice(family)
        person.disability_grade = person.disability_grade or rng.randint(1, 4)
    elif condition is Condition.SERIOUS_ILLNESS:
        person = rng.choice([p for p in family if p.age >= 18] or family)
    else:  # 低保, 特困 and 烈属 are recorded on the head
        person = family[0]
    person.conditions.add(condition)


def _add_new_member_claims(rng: random.Random, families: list[list[_Draft]]) -> None:
    """Flag a young child or an in-law as a new member (新增人口) in some households."""
    candidates = [family for family in families if _claimable(family)]
    for family in rng.sample(candidates, min(NEW_MEMBER_HOUSEHOLDS, len(candidates))):
        claimable = _claimable(family)
        claimable[0].new_member = True


def _claimable(family: list[_Draft]) -> list[_Draft]:
    """Members a new-population claim could be about, most likely first."""
    babies = [p for p in family if p.relation in CHILD_RELATIONS and p.age <= 3]
    in_laws = [p for p in family if p.relation in IN_LAW_RELATIONS]
    return sorted(babies, key=lambda p: p.age) + in_laws


def _add_unrecognised(rng: random.Random, families: list[list[_Draft]]) -> None:
    """A few members the office does not count: disputed claims and in-laws registered elsewhere."""
    claims = [p for family in families for p in family if p.new_member]
    in_laws = [
        p
        for family in families
        for p in family
        if p.relation in IN_LAW_RELATIONS and not p.new_member
    ]
    for person in rng.sample(claims, min(2, len(claims))) + rng.sample(
        in_laws, min(4, len(in_laws))
    ):
        person.recognised = False


# --- households -------------------------------------------------------------


def _household(
    rng: random.Random, registry: _Registry, index: int, family: list[_Draft]
) -> Household:
    members = _members(rng, registry, family)
    head = members[0]
    private_house = rng.random() < 0.4
    return Household(
        code=f"D{index:03d}",
        head_name=head.name,
        head_id=head.id_number,
        legal_area=_legal_area(rng, len(members), private_house),
        phone=_phone(rng, registry),
        address=_address(rng, registry, private_house),
        notes=_notes(family),
        members=tuple(members),
    )


def _members(rng: random.Random, registry: _Registry, family: list[_Draft]) -> list[Member]:
    names: set[str] = set()
    members = []
    for person in family:
        name = _full_name(rng, person, names)
        names.add(name)
        members.append(
            Member(
                name=name,
                id_number=_id_number(rng, registry, person),
                relation=person.relation,
                recognised=person.recognised,
                conditions=frozenset(person.conditions),
                disability_grade=person.disability_grade,
                new_member=person.new_member,
            )
        )
    return members


def _full_name(rng: random.Random, person: _Draft, taken: set[str]) -> str:
    """A name fitting the person's sex and birth cohort, not already used in the family."""
    birth_year = DEMO_TODAY.year - person.age
    cohort = next(year for year in (1959, 1979, 1999, 9999) if birth_year <= year)
    given_names = GIVEN_NAMES[(cohort, person.sex)]
    while True:
        name = person.surname + rng.choice(given_names)
        if name not in taken:
            return name


def _id_number(rng: random.Random, registry: _Registry, person: _Draft) -> str:
    birth = _birth_date(rng, person.age)
    while True:
        number = make_id(person.region, birth, rng.randint(0, 499), person.sex)
        if number not in registry.ids:
            registry.ids.add(number)
            return number


def _birth_date(rng: random.Random, age: int) -> date:
    """A birth date at which a person is exactly ``age`` on DEMO_TODAY."""
    # DEMO_TODAY is 1 November, so the same day ``age`` years earlier always exists.
    latest = DEMO_TODAY.replace(year=DEMO_TODAY.year - age)
    earliest = latest.replace(year=latest.year - 1) + timedelta(days=1)
    return earliest + timedelta(days=rng.randint(0, (latest - earliest).days))


def _legal_area(rng: random.Random, size: int, private_house: bool) -> Decimal:
    """Recognised floor area: bigger families and private houses tend to have more."""
    low, high = {1: (35, 70), 2: (40, 85), 3: (50, 100), 4: (60, 120)}.get(size, (70, 150))
    if private_house:
        low, high = low + 5, min(160, high + 10)
    return quantize_area(Decimal(rng.randint(low * 100, high * 100)) / 100)


def _phone(rng: random.Random, registry: _Registry) -> str:
    while True:
        phone = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        if phone not in registry.phones:
            registry.phones.add(phone)
            return phone


def _address(rng: random.Random, registry: _Registry, private_house: bool) -> str:
    """An address in the demolished area: a flat in an old block or a private house."""
    while True:
        street = rng.choice(STREETS)
        number = rng.randint(1, 120)
        if private_house:
            address = f"武昌区{street}{number}号"
        else:
            block, unit = rng.randint(1, 8), rng.randint(1, 3)
            room = rng.randint(1, 7) * 100 + rng.randint(1, 3)
            address = f"武昌区{street}{number}号{block}栋{unit}单元{room}"
        if address not in registry.addresses:
            registry.addresses.add(address)
            return address


def _notes(family: list[_Draft]) -> str:
    """The remarks an operator would write next to unusual members."""
    notes = []
    for person in family:
        if person.new_member and not person.recognised:
            notes.append(f"新增人口（{person.relation}）待核实")
        elif not person.recognised:
            notes.append(f"{person.relation}户籍不在本户，不计入认定人口")
        elif person.new_member:
            notes.append(f"新增人口（{person.relation}）")
    return "；".join(notes)


def _sign(rng: random.Random, households: list[Household]) -> list[Household]:
    """Mark about 70 % as signed, early dates likelier, numbered 1..n in date order."""
    signed_count = round(len(households) * SIGNED_SHARE)
    chosen = rng.sample(range(len(households)), signed_count)  # random order breaks date ties
    span = (SIGNING_END - SIGNING_START).days
    # Many sign in the first weeks, when an early-signing bonus is paid.
    dates = {i: SIGNING_START + timedelta(days=int(rng.triangular(0, span, 0))) for i in chosen}
    order = sorted(chosen, key=lambda i: dates[i])
    result = list(households)
    for seq, index in enumerate(order, start=1):
        result[index] = replace(
            result[index],
            signed_on=dates[index],
            signing_seq=seq,
            status=HouseholdStatus.SIGNED,
        )
    return result
