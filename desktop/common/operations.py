"""Database work off the UI thread: one worker, one session per operation, results on the UI.

Threading contract (as in Anki's CollectionOp): the function given to
``DbOp`` runs on the worker thread with its own Session inside
``factory.begin()``; it must not touch any widget, and must return plain
dataclasses, never ORM objects. ``success`` and ``failure`` callbacks run on
the main thread. Database work runs one operation at a time, in order.

A writing operation also says what it changed: the :class:`~db.audit.Changes`
read off the audit events its transaction appended. Given ``on_changes``
(the AppContext passes its broadcast), the operation hands that value on
after ``success`` ran, so every page hears of every write the same way and
reloads only what the value names.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session, sessionmaker

from db.audit import NO_CHANGES, Changes, forget_changes, take_changes

T = TypeVar("T")

_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="anju-db")


class _Relay(QObject):
    """Carries a finished future back to the main thread through a queued signal."""

    finished = Signal(object)


class DbOp(Generic[T]):
    """``DbOp(factory, fn).success(cb).failure(cb).run_in_background()``.

    ``fn(session)`` runs in one transaction: committed if it returns,
    rolled back if it raises.
    """

    def __init__(self, factory: sessionmaker[Session], fn: Callable[[Session], T],
                 *, read_only: bool = False,
                 on_changes: Callable[[Changes, Any], Any] | None = None,
                 initiator: Any = None) -> None:
        self._factory = factory
        self._fn = fn
        self._read_only = read_only
        self._on_changes = on_changes
        self._initiator = initiator
        #: What the transaction changed; set on the worker once it has committed.
        self.changes: Changes = NO_CHANGES
        self._on_success: Callable[[T], Any] = lambda _result: None
        self._on_failure: Callable[[BaseException], Any] | None = None
        self._relay = _Relay()
        # Queued even when the future is already done: callbacks never run inside
        # run_in_background, always later on the main thread, in completion order.
        self._relay.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def success(self, callback: Callable[[T], Any]) -> DbOp[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], Any]) -> DbOp[T]:
        self._on_failure = callback
        return self

    def run_in_background(self) -> Future[T]:
        # Keep ourselves alive until delivery: the caller often drops the reference.
        _pending.add(self)
        future = _executor.submit(self._run)
        future.add_done_callback(self._relay.finished.emit)
        return future

    def run_now(self) -> T:
        """Run on the calling thread (CLI, tests, and quick reads before the window shows)."""
        result = self._run()
        self._broadcast()
        return result

    def _run(self) -> T:
        if self._read_only:
            with self._factory() as session:
                return self._fn(session)
        with self._factory() as session:
            try:
                with session.begin():
                    result = self._fn(session)
                    changes = take_changes(session)
            except BaseException:
                forget_changes(session)
                raise
        self.changes = changes  # only once committed: a rolled-back write changed nothing
        return result

    def _broadcast(self) -> None:
        if self.changes and self._on_changes is not None:
            self._on_changes(self.changes, self._initiator)

    def _deliver(self, future: Future[T]) -> None:
        _pending.discard(self)
        error = future.exception()
        if error is None:
            self._on_success(future.result())
            self._broadcast()
        elif self._on_failure is not None:
            self._on_failure(error)
        else:
            _report_unhandled(error)


_pending: set[DbOp[Any]] = set()


def _report_unhandled(error: BaseException) -> None:
    from desktop.i18n import show_error

    traceback.print_exception(error)
    show_error(QApplication.activeWindow(), error)


def wait_for_idle(timeout: float = 30.0) -> None:
    """Block until queued operations are done (tests and shutdown)."""
    _executor.submit(lambda: None).result(timeout=timeout)


class LatestLoad:
    """Background reads of which only the newest answer counts.

    A page reloads on every data change and project switch; answers to older
    loads, or answers arriving after the page was deleted, are dropped here
    instead of each page keeping its own generation counter.
    """

    def __init__(self, factory: sessionmaker[Session], owner: QObject) -> None:
        self._factory = factory
        self._owner = owner
        self._generation = 0

    def run(self, fn: Callable[[Session], T], on_result: Callable[[T], Any],
            on_failure: Callable[[BaseException], Any] | None = None) -> None:
        """Read with ``fn`` on the worker; deliver only if no newer load started."""
        self._generation += 1
        current = self._current(self._generation)
        op = DbOp(self._factory, fn, read_only=True).success(current(on_result))
        if on_failure is not None:
            op.failure(current(on_failure))
        op.run_in_background()

    def cancel(self) -> None:
        """Forget every load under way (the caller shows its empty state itself)."""
        self._generation += 1

    def _current(self, generation: int) -> Callable[[Callable[[Any], Any]], Callable[[Any], None]]:
        def wrap(callback: Callable[[Any], Any]) -> Callable[[Any], None]:
            def deliver(value: Any) -> None:
                if generation == self._generation and shiboken6.isValid(self._owner):
                    callback(value)
            return deliver
        return wrap
