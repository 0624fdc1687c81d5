"""The rules editor's data steps: forms to policy (or its problems), policy files in and out."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from allocation.errors import ValidationError
from allocation.rules import (
    Policy,
    PolicyProblem,
    policy_from_dict,
    policy_from_json,
    policy_to_dict,
)


def build_policy(data: Any) -> tuple[Policy | None, list[PolicyProblem]]:
    """The policy of ``data`` (its JSON form), or every problem that stops it being one."""
    try:
        return policy_from_dict(data), []
    except ValidationError as error:
        found = error.params.get("problems")
        if found:
            return None, list(found)
        # A broken structure stops reading at its first problem: there is only that one.
        params = {k: v for k, v in error.params.items() if k != "path"}
        return None, [PolicyProblem(str(error.params.get("path", "")), error.code, params)]


def read_policy_file(text: str) -> dict[str, Any]:
    """A policy file as the forms take it: normalised if valid, as written if only its rules
    are broken (the forms then show the problems, to be fixed there).

    Raises:
        ValidationError: the file is not a policy at all (not JSON, unknown keys…).
    """
    try:
        return policy_to_dict(policy_from_json(text))
    except ValidationError as error:
        if not error.params.get("problems"):
            raise
        data: dict[str, Any] = json.loads(text, parse_float=Decimal)
        return data


def policy_file_text(policy: Policy) -> str:
    """A policy file: the JSON form, indented for people; it reads back to the same hash."""
    return json.dumps(policy_to_dict(policy), ensure_ascii=False, indent=2) + "\n"
