"""Progress and cancelling while ReportLab lays out a long document (199 agreements take seconds).

ReportLab's document template reports each flowable it has laid out
(``setProgressCallBack``, a documented hook); :func:`reporting` gives a
document class that passes this on as ``progress(done, total)``: households
(sections) for a batch of agreements, slips or trace sheets, flowables for
the others. When ``progress`` returns ``False`` the build stops at once with
:class:`PrintCancelled`: the PDF is simply never finished, nothing is
written. The documents themselves are not changed: the subclass only hooks
the template the base class makes.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import cache
from typing import Any, BinaryIO, TypeVar

from reportlab.platypus import BaseDocTemplate, Flowable

from printouts.document import BaseDocument, SectionMark

#: ``progress(done, total)``; returning ``False`` (not just a falsy None) cancels.
Progress = Callable[[int, int], object]
D = TypeVar("D", bound=BaseDocument)


class PrintCancelled(Exception):  # noqa: N818 - it is not an error: the operator asked
    """The operator cancelled a print before it was finished; nothing was written."""


def report(progress: Progress | None, done: int, total: int) -> None:
    """Pass progress on; raise PrintCancelled if the receiver says stop."""
    if progress is not None and progress(done, total) is False:
        raise PrintCancelled


class _Reporting:
    """Mixed in before a document class: reports the build's progress to ``self.progress``."""

    progress: Progress | None = None

    def _story(self) -> list[Flowable]:
        story: list[Flowable] = super()._story()  # type: ignore[misc]
        self._progress_marks = [i for i, f in enumerate(story) if isinstance(f, SectionMark)]
        self._progress_length = len(story)
        self._progress_offset = 0
        self._progress_last: tuple[int, int] | None = None
        return story

    def _doc_template(self, buffer: BinaryIO) -> BaseDocTemplate:
        template: BaseDocTemplate = super()._doc_template(buffer)  # type: ignore[misc]
        if self.progress is not None:
            template.setProgressCallBack(self._progress_event)
        return template

    def _progress_event(self, event: str, value: Any) -> None:
        if event == "SIZE_EST":  # the title block comes before the story
            self._progress_offset = int(value) - self._progress_length
            self._progress_size = int(value)
        elif event == "PROGRESS":
            self._progress_tell(*self._progress_where(int(value)))
        elif event == "FINISHED":
            total = len(self._progress_marks) or getattr(self, "_progress_size", 0)
            self._progress_tell(total, total)

    def _progress_where(self, consumed: int) -> tuple[int, int]:
        if not self._progress_marks:
            return consumed, getattr(self, "_progress_size", consumed)
        # A section is done once the next one has started.
        started = bisect_left(self._progress_marks, consumed - self._progress_offset)
        return max(started - 1, 0), len(self._progress_marks)

    def _progress_tell(self, done: int, total: int) -> None:
        if (done, total) != self._progress_last:
            self._progress_last = (done, total)
            report(self.progress, done, total)


@cache
def reporting(cls: type[D]) -> type[D]:
    """``cls`` with progress reporting: set ``document.progress`` before rendering."""
    return type(cls.__name__, (_Reporting, cls), {"__doc__": cls.__doc__})  # type: ignore[return-value]
