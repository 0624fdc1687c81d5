"""Undo and redo of data-entry edits: each step applies a state through db/ services.

Finalised acts (draws, confirmations) are never undone; only registry edits
go on the stack. Each step is its own audited transaction on the database
worker, never on the UI thread, so an undo shows in the audit log as the
change it is, and the broadcast of what it changed reloads the pages.

Steps run in the order they were asked for (the worker is one thread), so
pressing Ctrl+Z three times quickly undoes three steps in order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from desktop.common.context import AppContext

Step = Callable[[Session], Any]


class ServiceCommand(QUndoCommand):
    """A command whose redo and undo are service calls run in one transaction each.

    The first redo is run by :func:`apply_and_push` before the command is
    stacked. If a later step fails (another workstation changed the record),
    the error is shown and the undo history is cleared: the stack would
    otherwise believe in a state the database does not hold, and the next
    step would be applied to the wrong one. The audit log keeps every step.
    """

    def __init__(self, ctx: AppContext, text: str, redo: Step, undo: Step) -> None:
        super().__init__(text)
        self._ctx = ctx
        self._redo, self._undo = redo, undo
        self._applied = False
        self.error: BaseException | None = None

    def redo(self) -> None:
        if self._applied:
            # apply_and_push already ran this step; QUndoStack.push only asks again.
            self._applied = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step: Step) -> None:
        self._ctx.op(step, initiator=self).failure(self._failed).run_in_background()

    def _failed(self, error: BaseException) -> None:
        from desktop.i18n import show_error

        self.error = error
        stack = self._ctx.undo_stack
        show_error(None, error)
        stack.clear()  # deletes this command too: nothing may touch self after this


def apply_and_push(ctx: AppContext, command: ServiceCommand,
                   done: Callable[[], Any] | None = None,
                   refused: Callable[[BaseException], Any] | None = None) -> None:
    """Run the command's first step on the worker; once stored, stack it and call ``done``.

    A refusal (a person already in another household, a stale version) goes
    to ``refused`` — a dialog shows it next to the field and stays open — or,
    without one, to an error box; nothing is stored or stacked.
    """
    def stored(_result: Any) -> None:
        command._applied = True
        ctx.undo_stack.push(command)
        if done is not None:
            done()

    def failed(error: BaseException) -> None:
        command.error = error
        if refused is not None:
            refused(error)
        else:
            from desktop.i18n import show_error

            show_error(None, error)

    ctx.op(command._redo, initiator=command).success(stored).failure(failed) \
        .run_in_background()
