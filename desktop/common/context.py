"""What every page needs: the session factory, the current project, the user, and the event bus."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtGui import QUndoStack
from sqlalchemy.orm import Session, sessionmaker

from allocation.registry import ProjectId
from desktop.common.events import AppEvents, Changed
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
    events: AppEvents = field(default_factory=AppEvents)
    undo_stack: QUndoStack = field(default_factory=QUndoStack)

    def op(self, fn: Callable[[Session], T], *, read_only: bool = False) -> DbOp[T]:
        return DbOp(self.factory, fn, read_only=read_only)

    def notify(self, changes: Changed, initiator: Any = None) -> None:
        self.events.data_changed.emit(changes, initiator)
