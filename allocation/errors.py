"""Errors that carry a code and parameters; the user interface owns the wording."""

from __future__ import annotations

from typing import Any


class AnjuError(Exception):
    """A domain or operation error.

    Args:
        code: a stable machine-readable code, e.g. ``"duplicate_person"``.
        params: the facts the message needs (household codes, field names...).

    The GUI and CLI turn ``code`` into a translated sentence
    (``desktop/messages.py``); nothing below ``desktop/`` holds wording.
    """

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in sorted(self.params.items()))
        return f"{self.code}({inner})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Keep errors picklable across worker threads and processes.
        return (_rebuild, (type(self), self.code, self.params))


def _rebuild(cls: type[AnjuError], code: str, params: dict[str, Any]) -> AnjuError:
    return cls(code, **params)


class ValidationError(AnjuError):
    """Input that breaks a rule of the registry (bad ID, negative area...)."""


class ConflictError(AnjuError):
    """A change that would contradict stored data (same person twice...)."""


class NotFoundError(AnjuError):
    """A project, household or flat that does not exist."""
