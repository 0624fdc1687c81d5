"""Rendering a prepared document on its own thread, with progress and cancel, results on the UI.

Laying out 199 agreements takes seconds; it needs no database, so it runs on
a render thread of its own and the database worker stays free for the other
pages. Threading contract as in desktop/common/operations.py: the render function
touches no widget; ``progressed``, ``finished`` and ``failed`` are emitted
from the render thread and delivered on the main thread (queued signals).
Cancelling sets a flag the next progress report sees; ReportLab stops
between flowables (see desktop/printing/progress.py).
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from desktop.printing.documents import Prepared, Rendered, render

_renderer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="anju-render")


class RenderJob(QObject):
    """``RenderJob(prepared).start()``; listen on ``progressed(done, total)``, ``finished``
    (a :class:`~desktop.printing.Rendered`) and ``failed`` (the exception, PrintCancelled
    included). Keep a reference until it has finished."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, prepared: Prepared, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.prepared = prepared
        self._cancelled = threading.Event()
        self.future: Future[Rendered] | None = None

    def start(self) -> Future[Rendered]:
        self.future = _renderer.submit(self._run)
        return self.future

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def _run(self) -> Rendered:
        try:
            rendered = render(self.prepared, self._progress)
        except BaseException as error:
            self.failed.emit(error)
            raise
        self.finished.emit(rendered)
        return rendered

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancelled.is_set()


def wait_for_renders(timeout: float = 60.0) -> None:
    """Block until queued renders are done (tests and shutdown)."""
    _renderer.submit(lambda: None).result(timeout=timeout)
