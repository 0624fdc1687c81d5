"""The rules (分房方案) as data: the policy and its sections (compensation, entitlement,
pricing, priority groups and ordering), their conditions, the printed text and wording
of every rule, a neutral template for a new project, and the step-by-step explanation
(trace) of what one household is entitled to and why."""

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
)
from allocation.rules.explain import Trace, explain_household, trace_text
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
    Settlement,
    Tier,
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
from allocation.rules.template import blank_policy
from allocation.rules.text import policy_text

__all__ = [
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
    "OPERATORS_BY_KIND",
    "Policy",
    "PolicyProblem",
    "PoolEntry",
    "PriceBreakdown",
    "PriceLine",
    "PricingRules",
    "PriorityGroup",
    "Settlement",
    "Term",
    "Tier",
    "Trace",
    "TransitionAllowance",
    "assign_group",
    "blank_policy",
    "canonical_json",
    "compute_compensation",
    "compute_entitlement",
    "explain_household",
    "judged_on",
    "final_order",
    "final_positions",
    "flat_allowed",
    "group_names",
    "group_restriction",
    "policy_from_dict",
    "policy_from_json",
    "policy_sha256",
    "policy_text",
    "policy_to_dict",
    "pool_entries",
    "published_assignment",
    "price_flats",
    "settle",
    "trace_text",
]
