"""The rules (分房方案) as data: the policy and its sections (compensation, entitlement,
pricing, priority groups and ordering, value swap and money compensation), their
conditions, the printed text and wording of every rule, a neutral template for a new
project, the step-by-step explanation (trace) of what one household is entitled to and
why, and each household's settlement in the compensation mode it chose."""

from allocation.rules.absence import (
    TO_END_OF_BATCH,
    TO_FINAL_ROUND,
    TO_NEXT_BATCH,
    SessionRules,
    absent_rule,
)
from allocation.rules.assessed_value import Subsidy
from allocation.rules.business_loss import BUSINESS_LOSS, BusinessLoss
from allocation.rules.compensation import (
    CompensationItem,
    CompensationLine,
    CompensationResult,
    TransitionAllowance,
    compute_compensation,
)
from allocation.rules.conditions import (
    CONDITION_NAMES,
    FIELDS,
    OPERATORS_BY_KIND,
    Criteria,
    Term,
    judged_on,
)
from allocation.rules.entitlement import (
    AreaBand,
    Entitlement,
    EntitlementRules,
    compute_entitlement,
    flats_allowed,
)
from allocation.rules.explain import (
    Trace,
    explain_household,
    refusal_step,
    step_text,
    trace_text,
)
from allocation.rules.money_compensation import MoneyCompensationRules
from allocation.rules.ordering import PoolEntry, final_order, final_positions
from allocation.rules.policy import (
    Policy,
    PolicyProblem,
    canonical_json,
    policy_from_dict,
    policy_from_json,
    policy_sha256,
    policy_to_dict,
)
from allocation.rules.pricing import (
    PriceBreakdown,
    PriceLine,
    PricingRules,
    RoundUp,
    Settlement,
    Tier,
    counted_area,
    flat_unit_value,
    price_flats,
    settle,
)
from allocation.rules.priority import (
    FlatRestriction,
    PriorityGroup,
    assign_group,
    flat_allowed,
    group_names,
    group_restriction,
    pool_entries,
    published_assignment,
)
from allocation.rules.settlement import (
    HouseholdSettlement,
    settle_household,
    value_available,
)
from allocation.rules.template import blank_policy
from allocation.rules.text import policy_text, restriction_text
from allocation.rules.value_swap import FlatValue, ValueSwap, ValueSwapRules

__all__ = [
    "BUSINESS_LOSS",
    "TO_END_OF_BATCH",
    "TO_FINAL_ROUND",
    "TO_NEXT_BATCH",
    "SessionRules",
    "absent_rule",
    "BusinessLoss",
    "AreaBand",
    "CONDITION_NAMES",
    "CompensationItem",
    "CompensationLine",
    "CompensationResult",
    "Criteria",
    "Entitlement",
    "EntitlementRules",
    "FIELDS",
    "FlatRestriction",
    "FlatValue",
    "HouseholdSettlement",
    "MoneyCompensationRules",
    "OPERATORS_BY_KIND",
    "Policy",
    "PolicyProblem",
    "PoolEntry",
    "PriceBreakdown",
    "PriceLine",
    "PricingRules",
    "PriorityGroup",
    "RoundUp",
    "Settlement",
    "Subsidy",
    "Term",
    "Tier",
    "Trace",
    "TransitionAllowance",
    "ValueSwap",
    "ValueSwapRules",
    "assign_group",
    "blank_policy",
    "canonical_json",
    "compute_compensation",
    "counted_area",
    "compute_entitlement",
    "flats_allowed",
    "explain_household",
    "refusal_step",
    "step_text",
    "judged_on",
    "final_order",
    "final_positions",
    "flat_allowed",
    "flat_unit_value",
    "group_names",
    "group_restriction",
    "policy_from_dict",
    "policy_from_json",
    "policy_sha256",
    "policy_text",
    "restriction_text",
    "policy_to_dict",
    "pool_entries",
    "published_assignment",
    "price_flats",
    "settle",
    "settle_household",
    "value_available",
    "trace_text",
]
