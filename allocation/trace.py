"""What every rule module reports: a trace step when a rule applies, a problem when it is broken.

These live below all the policy modules (conditions, priority, entitlement,
pricing, compensation, policy), so that each can use them without import
cycles. A household's whole trace, :class:`allocation.explain.Trace`, is
assembled from these steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class TraceStep:
    """One rule applied to one household: its code, the facts it used, what it gave."""

    rule: str
    inputs: dict[str, Any] = field(default_factory=dict)
    result: Any = None


@dataclass(frozen=True, slots=True)
class PolicyProblem:
    """One broken rule of a policy: a JSON key path (``pricing.tiers[1].start``), code, params."""

    path: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)


def check_name(name: str, path: str, seen: set[str]) -> list[PolicyProblem]:
    """A name must have text and be unique among ``seen`` (which it joins)."""
    if not name.strip():
        return [PolicyProblem(path, "empty_name")]
    if name in seen:
        return [PolicyProblem(path, "duplicate_name", {"name": name})]
    seen.add(name)
    return []
