"""What every page needs: the session factory, the current project, the user, and the event bus."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtGui import QUndoStack
from sqlalchemy.orm import Session, sessionmaker

from allocation.registry import ProjectId
from db.audit import Changes
from desktop.common.events import AppEvents
from desktop.common.operations import DbOp

T = TypeVar("T")


@dataclass
class AppContext:
    """Shared state of one open database; pages receive it in their constructor."""

    factory: sessionmaker[Session]
    url: str
    actor: str = "operator"
    project_id: ProjectId | None = None
    project_name: str = ""
    project_heading: str = ""  # its title, or its name: what the public sees it called
    events: AppEvents = field(default_factory=AppEvents)
    undo_stack: QUndoStack = field(default_factory=QUndoStack)

    def op(self, fn: Callable[[Session], T], *, read_only: bool = False,
           initiator: Any = None) -> DbOp[T]:
        """An operation whose changes, once committed, are broadcast on ``events``.

        ``initiator`` (usually the page that asked) travels with the changes so
        that a page which reloads itself after its own act can skip the echo.
        """
        return DbOp(self.factory, fn, read_only=read_only, on_changes=self.notify,
                    initiator=initiator)

    def notify(self, changes: Changes, initiator: Any = None) -> None:
        self.events.data_changed.emit(changes, initiator)
