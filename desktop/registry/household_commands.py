"""Undoable household commands: add, edit and delete as ServiceCommands on the undo stack.

Every command about one household shares a :class:`HouseholdHandle`, so undo
and redo still find the row after a delete was undone under a new id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from allocation.errors import ConflictError
from allocation.registry import Household, HouseholdId, ProjectId
from db.registry import (
    StoredHousehold,
    add_household,
    delete_household,
    get_household,
    update_household,
)
from desktop.common import AppContext, ServiceCommand, Step, apply_and_push


@dataclass
class HouseholdHandle:
    """The database row that a chain of undo commands is about.

    Undoing a delete re-adds the household under a new id; every command
    about that household holds the same handle, so an older "edit" command
    still finds it. ``version`` is the version this workstation last wrote
    (None: not known, accept whatever is stored).
    """

    id: HouseholdId
    version: int | None = None
    url: str = field(default="", compare=False)


_handles: dict[tuple[str, int], HouseholdHandle] = {}


def handle_for(ctx: AppContext, household_id: HouseholdId) -> HouseholdHandle:
    """The shared handle of a stored household (created on first use)."""
    key = (ctx.url, household_id)
    if key not in _handles:
        _handles[key] = HouseholdHandle(household_id, url=ctx.url)
    return _handles[key]


def _move_handle(handle: HouseholdHandle, new_id: HouseholdId) -> None:
    old = (handle.url, handle.id)
    if _handles.get(old) is handle:
        del _handles[old]
    handle.id = new_id
    _handles[(handle.url, new_id)] = handle


class HouseholdSteps:
    """The service calls of household commands, each one transaction on a session."""

    def __init__(self, ctx: AppContext, handle: HouseholdHandle) -> None:
        assert ctx.project_id is not None, "household commands need an open project"
        self.ctx = ctx
        self.project_id: ProjectId = ctx.project_id
        self.handle = handle
        handle.url = ctx.url
        self.deleted: Household | None = None

    def add(self, household: Household) -> Step:
        def step(session: Session) -> None:
            new_id = add_household(session, project_id=self.project_id, household=household,
                                   actor=self.ctx.actor)
            _move_handle(self.handle, new_id)
            self.handle.version = get_household(session, new_id).version
        return step

    def update(self, household: Household) -> Step:
        def step(session: Session) -> None:
            self.handle.version = update_household(
                session, household_id=self.handle.id, household=household,
                actor=self.ctx.actor, expected_version=self.handle.version)
        return step

    def delete(self) -> Step:
        def step(session: Session) -> None:
            stored = get_household(session, self.handle.id)
            if self.handle.version is not None and stored.version != self.handle.version:
                raise ConflictError("stale_household", code=stored.household.code,
                                    expected=self.handle.version, found=stored.version)
            self.deleted = delete_household(session, household_id=self.handle.id,
                                            actor=self.ctx.actor)
        return step

    def readd(self) -> Step:
        def step(session: Session) -> None:
            assert self.deleted is not None, "undo of a delete that never ran"
            self.add(self.deleted)(session)
        return step


def add_command(steps: HouseholdSteps, _stored: StoredHousehold | None,
                household: Household) -> ServiceCommand:
    """Undo deletes the new household; redo adds it again (under a new id)."""
    return ServiceCommand(
        steps.ctx, QCoreApplication.translate(
            "HouseholdCommands", "Add household {code}").format(code=household.code),
        redo=steps.add(household), undo=steps.delete())


def edit_command(steps: HouseholdSteps, stored: StoredHousehold | None,
                 household: Household) -> ServiceCommand:
    """Undo writes the household as it was loaded; both directions check the version."""
    assert stored is not None
    return ServiceCommand(
        steps.ctx, QCoreApplication.translate(
            "HouseholdCommands", "Edit household {code}").format(code=household.code),
        redo=steps.update(household), undo=steps.update(stored.household))


def delete_command(ctx: AppContext, household_id: HouseholdId, code: str) -> ServiceCommand:
    """Delete a household; undo registers it again with the same data and members."""
    handle = handle_for(ctx, household_id)
    handle.version = None  # the operator deletes what the page shows, whatever its version
    steps = HouseholdSteps(ctx, handle)
    text = QCoreApplication.translate("HouseholdCommands", "Delete household {code}")
    return ServiceCommand(ctx, text.format(code=code), redo=steps.delete(),
                          undo=steps.readd())


def delete_household_undoably(ctx: AppContext, household_id: HouseholdId, code: str,
                              done: Callable[[], Any] | None = None) -> None:
    """Delete on the worker and stack the command; a refusal is shown in an error box."""
    apply_and_push(ctx, delete_command(ctx, household_id, code), done)
