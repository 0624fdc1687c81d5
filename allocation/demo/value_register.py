"""The value demo's register: the demo's households and flats, valued for a value swap.

The second demo project (价值互换演示) is the same estate as the first — the
same 199 households (638 people) from :func:`demo_households` and the same 220
flats from :func:`demo_flats` — settled under a value-based policy
(:mod:`allocation.demo.value_rules`). What differs is what value needs:

* each household's compensation mode (补偿方式): exactly :data:`MONEY_COUNT`
  (25, about one in eight) take money compensation (货币补偿),
  :data:`AREA_COUNT` (8) keep the property exchange by area (按面积), the
  other 166 exchange by value (价值互换); each chose on a day between
  :data:`CHOICE_START` and its signing day (the agreement is drawn up on the
  choice), or the end of October if it has not signed;
* every home's assessed value (评估价值): legal area × :data:`APPRAISED_AVERAGE`
  (12,000 yuan/m², the 评估均价) × a deterministic spread of ±8 % for
  storey, repair and orientation, rounded to the yuan as appraisal reports
  state it, with the report's number (评估报告编号, ``鄂楚评字〔2026〕第0001号``
  …, one report per household in code order). Area households are appraised
  too: an office appraises every home before anyone chooses;
* the flats' base prices: the 房源价值 of the new flats at market level for
  value to buy — the building's price (9,800–10,200 yuan/m²) with the
  floor's difference (楼层差价: floor 1 −300, floors 2–4 −100, 10–12 +100),
  9,500–10,300 in all — instead of the area demo's cost prices (3,950–4,050).

Randomness comes only from ``random.Random(VALUE_SEED)`` inside each public
function, after the area demo's own generator: the same seed, the same project.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from allocation.demo.register import demo_flats, demo_households
from allocation.registry import CompensationMode, Flat, Household, quantize_money

VALUE_SEED: Final = 20261102

MONEY_COUNT: Final = 25  # about one in eight
AREA_COUNT: Final = 8  # a few keep the exchange by area
APPRAISED_AVERAGE: Final = Decimal("12000.00")  # 评估均价, yuan/m² of legal area
APPRAISAL_SPREAD: Final = 8  # ± percent, per household
APPRAISAL_FIRM: Final = "鄂楚评字"
APPRAISAL_YEAR: Final = 2026
CHOICE_START: Final = date(2026, 6, 15)  # the appraisal reports were delivered
CHOICE_END: Final = date(2026, 10, 31)

#: building -> the flats' base price (房源价值, yuan/m²) in the value demo
VALUE_PRICES: Final[dict[str, Decimal]] = {
    "1": Decimal("9800.00"),
    "2": Decimal("10000.00"),
    "3": Decimal("10200.00"),
    "4": Decimal("10000.00"),
}

#: (first floor, last floor, yuan/m² added to the building's price)
FLOOR_DIFFERENCES: Final = ((1, 1, -300), (2, 4, -100), (5, 9, 0), (10, 12, 100))


def value_flats() -> list[Flat]:
    """The demo stock priced by value: building price + floor difference (220 flats)."""
    return [replace(flat, base_price=value_price(flat)) for flat in demo_flats()]


def value_price(flat: Flat) -> Decimal:
    """The flat's value per m² (房源价值表): its building's price and its floor's difference."""
    difference = next(amount for first, last, amount in FLOOR_DIFFERENCES
                      if first <= flat.floor <= last)
    return VALUE_PRICES[flat.building] + difference


def value_households() -> list[Household]:
    """The demo register with modes, choice days, assessed values and report numbers.

    Returns:
        The 199 households of :func:`demo_households`, in code order;
        MONEY_COUNT in money mode, AREA_COUNT in area mode, the rest in value mode.
    """
    rng = random.Random(VALUE_SEED)
    households = demo_households()
    picked = rng.sample(range(len(households)), MONEY_COUNT + AREA_COUNT)
    modes = dict.fromkeys(picked[:MONEY_COUNT], CompensationMode.MONEY)
    modes |= dict.fromkeys(picked[MONEY_COUNT:], CompensationMode.AREA)
    return [
        replace(
            household,
            compensation_mode=modes.get(index, CompensationMode.VALUE),
            mode_chosen_on=_chosen_on(rng, household),
            assessed_value=_assessed_value(rng, household.legal_area),
            appraisal_report=appraisal_report(index + 1),
        )
        for index, household in enumerate(households)
    ]


def appraisal_report(number: int) -> str:
    """The appraisal report's number: ``鄂楚评字〔2026〕第0001号``."""
    return f"{APPRAISAL_FIRM}〔{APPRAISAL_YEAR}〕第{number:04d}号"


def _assessed_value(rng: random.Random, legal_area: Decimal) -> Decimal:
    tenths = rng.randint(-APPRAISAL_SPREAD * 10, APPRAISAL_SPREAD * 10)
    spread = 1 + Decimal(tenths) / 1000
    value = (legal_area * APPRAISED_AVERAGE * spread).quantize(Decimal(1), ROUND_HALF_UP)
    return quantize_money(value)


def _chosen_on(rng: random.Random, household: Household) -> date:
    last = household.signed_on or CHOICE_END
    return CHOICE_START + timedelta(days=rng.randint(0, (last - CHOICE_START).days))
