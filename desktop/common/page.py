"""What every page that shows the current project shares (vorta's BaseTab, as a mixin).

A page is told of a project switch through ``set_project()`` and of every
committed write through the app's ``data_changed(changes, initiator)``. It
names the kinds of record it shows in ``follows``; a write naming none of
them, or made in another project, leaves it alone. This is the one place
that rule is written, instead of seven pages that each reloaded on anything.

A mixin rather than a QWidget base class: the session page already derives
from the desk's layout widget, and Qt does not allow two QWidget bases.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtWidgets import QWidget

from db.audit import Changes
from desktop.common.context import AppContext
from desktop.common.operations import LatestLoad


class ProjectPage:
    """Mixed in before QWidget: ``class FlatsPage(ProjectPage, QWidget)``.

    Call :meth:`follow` in ``__init__`` after ``QWidget.__init__``; implement
    :meth:`reload`.
    """

    #: Fields of :class:`~db.audit.Changes` this page shows ("households", "draw", …).
    follows: ClassVar[tuple[str, ...]] = ()
    #: Whether the page also reloads after its own writes. Most reload themselves
    #: when their act succeeds; a page whose rows get ids and versions from the
    #: database can instead take the broadcast as its one reload.
    reloads_after_own_writes: ClassVar[bool] = False

    _ctx: AppContext
    _loads: LatestLoad

    def follow(self, ctx: AppContext) -> None:
        """Start following ``ctx``'s current project and its changes."""
        assert isinstance(self, QWidget), "ProjectPage is mixed into a QWidget"
        self._ctx = ctx
        self._loads = LatestLoad(ctx.factory, self)
        ctx.events.data_changed.connect(self._on_data_changed)

    def set_project(self) -> None:
        """The current project changed (or was closed): show the new one."""
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def follows_changes(self, changes: Changes, initiator: Any) -> bool:
        """True if the page should refresh for ``changes`` (written by ``initiator``)."""
        if initiator is self and not self.reloads_after_own_writes:
            return False
        return changes.concerns(self._ctx.project_id) and changes.names(*self.follows)

    def refresh(self, changes: Changes, initiator: Any) -> None:
        """Bring the page up to date after ``changes``; by default, read everything again."""
        self.reload()

    def _on_data_changed(self, changes: Changes, initiator: Any) -> None:
        if self.follows_changes(changes, initiator):
            self.refresh(changes, initiator)
