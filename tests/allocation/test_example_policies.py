"""The example policies in docs/policies/ read, and the README's worked trace is what they give.

docs/policies/area-exchange.json is written as offices publish such rules
(reference date the day the expropriation decision was announced, 1:1 legal
area or 20 m² a person, a minimum only for 低保 households, a ceiling, tiers,
a refund, floor increments and an orientation coefficient, a moving fee per move).

Worked by hand for household A017 (刘建国, 77 on 15 Sep 2026; wife; son; legal
area 62.40 m²) choosing flat 2-1-302 (floor 3, 72.16 m², 南北):
* entitlement max(3 × 20 = 60, 62.40 × 1) = 62.40 m²; band 47.40–82.40 m²;
* group 高龄、残疾家庭 (77 ≥ 75), floors up to 3: floor 3 allowed;
* unit price 6,000 × 1 (floor 3) × 1.02 (南北) + 0 (no increment on 3) = 6,120.00;
* within 62.40 × 6,120 = 381,888.00; tier 1 (0–10 m² over, factor 1)
  9.76 × 6,120 = 59,731.20; price 441,619.20;
* compensation 62.40 × 9,500 = 592,800.00 + 搬迁费 2 moves (out of the old home, into
  the new flat: own transition) × 2,000.00 = 4,000.00 + transition 3 × 500 = 1,500 a
  month (not below the 1,500 minimum) × 24 = 36,000.00: 632,800.00;
* settlement 632,800.00 − 441,619.20 = 191,180.80 paid to the household.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from allocation.registry.model import Flat, Household, Member
from allocation.rules import explain_household, policy_from_json, trace_text
from tests.factories import person_id

ROOT = Path(__file__).resolve().parents[2]
POLICIES = ROOT / "docs" / "policies"


def _a017() -> tuple[Household, Flat]:
    head = Member("刘建国", person_id(11, date(1949, 3, 10)))
    wife = Member("王秀兰", person_id(12, date(1951, 8, 2), "F"), "配偶")
    son = Member("刘明", person_id(13, date(1978, 5, 20)), "子")
    household = Household(code="A017", head_name="刘建国", head_id=head.id_number,
                          legal_area=Decimal("62.40"), members=(head, wife, son))
    return household, Flat("2", "1", 3, "302", Decimal("72.16"), "3室2厅1卫",
                           Decimal("6000.00"), orientation="南北")


def test_every_example_policy_reads() -> None:
    files = sorted(POLICIES.glob("*.json"))
    assert files
    for path in files:
        assert policy_from_json(path.read_text(encoding="utf-8")).reference_date is not None


def test_the_worked_example_gives_the_figures_worked_by_hand() -> None:
    policy = policy_from_json((POLICIES / "area-exchange.json").read_text(encoding="utf-8"))
    household, flat = _a017()
    trace = explain_household(household, policy, date(2027, 3, 1), flat)
    steps = {step.rule: step for step in trace.steps}
    assert steps["price.total"].result == Decimal("441619.20")
    assert steps["compensation.move_item"].result == Decimal("4000.00")
    assert steps["compensation.total"].result == Decimal("632800.00")
    assert steps["settlement"].result == Decimal("191180.80")


def test_the_readme_prints_that_trace() -> None:
    """The README's block is the trace itself, so the README never tells another story."""
    policy = policy_from_json((POLICIES / "area-exchange.json").read_text(encoding="utf-8"))
    household, flat = _a017()
    want = trace_text(explain_household(household, policy, date(2027, 3, 1), flat)).rstrip()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"```text\n(户号：A017\n.*?)\n```", readme, re.S)
    assert found is not None and found.group(1) == want


def test_the_readme_prints_the_demo_rules_and_trace_as_the_code_does() -> None:
    """`anju policy show` and `anju explain --household D002 --flat 1-1-301` on the demo, as
    the README quotes them: the notice text and the trace, from the code itself."""
    from allocation.demo import DEMO_TODAY, demo_flats, demo_households, demo_policy
    from allocation.rules import policy_text

    policy = demo_policy()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    notice = policy_text(policy).rstrip()
    assert f"```text\n{notice}\n\npolicy version 1, frozen, SHA-256 " in readme
    household = next(h for h in demo_households() if h.code == "D002")
    flat = next(f for f in demo_flats() if f.key == "1-1-301")
    trace = trace_text(explain_household(household, policy, DEMO_TODAY, flat)).rstrip()
    assert f"```text\n{trace}\n```" in readme
