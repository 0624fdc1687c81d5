"""A blank policy to start from: valid, and promising nothing until the office writes its rules.

A new project's rules page needs a policy to show in its forms, and any
numbers it shows first are numbers an office might keep without noticing.
So the blank promises nothing: every area is zero, every list is empty, and
the prices are the housing stock's own (each flat's base price). Under it
every household is entitled to 0 m² and may take no flat, which the preview
makes plain; the office fills in its own entitlement, tiers, compensation
and groups.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from allocation.rules.entitlement import EntitlementRules
from allocation.rules.policy import Policy
from allocation.rules.pricing import PricingRules

NO_AREA: Final = Decimal("0.00")


def blank_policy(name: str, *, default_group: str) -> Policy:
    """A valid policy with nothing in it yet but its names.

    What it holds, and why (each is the neutral value that still validates):

    * entitlement: 0 m² per recognised person, counted from people only
      (the rules' own default mode: no legal-area ratio to invent);
    * 0 m² may be bought above the entitlement (``excess_cap``), so no
      price tiers are needed and none are made up;
    * prices: each flat's own base price, no price beyond the cap (refused),
      no refund, no floor coefficients;
    * no compensation items, no transition allowance, no priority groups:
      every household is in ``default_group``, ordered by the lottery.

    The names are the caller's: a policy's words are the office's, in its
    language (allocation/ has no user-facing text).

    Raises:
        ValidationError: ``empty_name`` when ``name`` or ``default_group`` is blank.
    """
    return Policy(
        name=name,
        entitlement=EntitlementRules(area_per_person=NO_AREA, excess_cap=NO_AREA),
        pricing=PricingRules(),
        default_group=default_group,
    )
