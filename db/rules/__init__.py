"""db.rules: TODO face docstring."""

from db.rules.versions import (
    PolicyVersion,
    current_policy,
    freeze_policy,
    frozen_policy,
    policy_history,
    policy_snapshot,
    set_policy,
    supersede_policy,
)

__all__ = [
    "PolicyVersion",
    "current_policy",
    "freeze_policy",
    "frozen_policy",
    "policy_history",
    "policy_snapshot",
    "set_policy",
    "supersede_policy",
]
