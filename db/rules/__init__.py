"""The rules' versions in the database: the draft, freezing it (after a backup), and
superseding a frozen version with a reason; every version kept with its SHA-256."""

from db.rules.versions import (
    PolicyVersion,
    current_policy,
    freeze_policy,
    freeze_problems,
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
    "freeze_problems",
    "frozen_policy",
    "policy_history",
    "policy_snapshot",
    "set_policy",
    "supersede_policy",
]
