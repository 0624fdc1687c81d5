"""What a case log tab needs from the dialog that holds it: the household, the context, and
a way to apply a change.

The tabs (visits, notes, files, requests, special cases) take a ``CaseHost`` rather than the
case log dialog itself, so the dialog can build them without the tabs importing it back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from sqlalchemy.orm import Session

from desktop.common import AppContext


class CaseHost(Protocol):
    """The case log of one household, as its tabs see it."""

    @property
    def household_id(self) -> int: ...

    @property
    def ctx(self) -> AppContext: ...

    def run(self, fn: Callable[[Session], Any], done: Callable[[], None] | None = None) -> None:
        """Apply a change on the worker; then read the log again and tell the other views."""
        ...
