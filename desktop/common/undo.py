"""Undo and redo of data-entry edits: each step applies a state through db/ services.

Finalised acts (draws, confirmations) are never undone; only registry edits
go on the stack. Each step is its own audited transaction, so an undo shows
in the audit log as the change it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from desktop.common.context import AppContext
from desktop.common.events import Changed

Step = Callable[[Session], Any]


class ServiceCommand(QUndoCommand):
    """A command whose redo and undo are service calls run in one transaction each.

    The first redo happens when the command is pushed. If a step fails (for
    example another workstation changed the record), the error is shown, the
    command is made obsolete and the stack forgets it.
    """

    def __init__(self, ctx: AppContext, text: str, redo: Step, undo: Step,
                 changes: Changed) -> None:
        super().__init__(text)
        self._ctx = ctx
        self._redo, self._undo = redo, undo
        self._changes = changes
        self._applied = False
        self.error: BaseException | None = None

    def redo(self) -> None:
        if self._applied:
            # apply_and_push already ran this step; QUndoStack.push only asks again.
            self._applied = False
            self._ctx.notify(self._changes, self)
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step: Step) -> None:
        try:
            self._ctx.op(step).run_now()
        except Exception as error:  # noqa: BLE001 - every failure is shown to the operator
            from desktop.i18n import show_error

            self.error = error
            self.setObsolete(True)
            show_error(None, error)
            return
        self._ctx.notify(self._changes, self)


def apply_and_push(ctx: AppContext, command: ServiceCommand) -> None:
    """Run the command's first step now, then stack it without running it again.

    A dialog uses this so that a refusal (a person already in another
    household, a stale version) reaches it as an exception it can show next to
    the field, instead of a message box after the dialog closed.

    Raises:
        Exception: whatever the service refused; nothing is stored or stacked.
    """
    ctx.op(command._redo).run_now()
    command._applied = True
    ctx.undo_stack.push(command)


def push(ctx: AppContext, command: ServiceCommand) -> bool:
    """Push and run a command; returns False (and nothing is stacked) if it failed."""
    ctx.undo_stack.push(command)
    return command.error is None
