"""A data table of thousands of rows that splits across pages in time linear in its rows.

ReportLab's ``Table`` is quadratic on long tables: every page split builds
a new table of all the remaining rows and maps every cell of it again
(span and no-split ranges), so a 10,000-household notice took 40 s, most
of it in that bookkeeping. :class:`LongDataTable` hands ReportLab only the
next :data:`CHUNK_ROWS` rows at a time (more than a page holds), lets it
split those, and carries the rest over with its style commands re-based.
What prints is the same: one header repeated on each page, banding
restarting on each page (as ReportLab's own split does), the same spans
and no-split ranges.

A chunk that is not the last always reports itself taller than the page,
so it is always split, never drawn whole with the rows after it dropped.
The chunk is kept just above a page's worth: every row of it is measured
for each page, so a larger chunk costs time for nothing. On a page taller
than a chunk (A3 and up) the table would print correctly but repeat its
header where one chunk ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from reportlab.platypus import Flowable, Table, TableStyle

Command = tuple[Any, ...]

#: Rows handed to ReportLab at once: more than an A4 page holds (39 rows of one line).
CHUNK_ROWS: Final = 60


class LongDataTable(Flowable):
    """``head`` then ``rows``, styled by ``commands`` (row 0 is the header), header repeated."""

    def __init__(
        self,
        head: Sequence[Any],
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float],
        commands: Sequence[Command],
    ) -> None:
        super().__init__()
        self.head, self.rows = list(head), list(rows)
        self.widths, self.commands = list(widths), list(commands)
        self.hAlign = "CENTER"
        self._chunk: Table | None = None

    @property
    def every_row(self) -> list[Sequence[Any]]:
        """All rows, header first (for the glyph check)."""
        return [self.head, *self.rows]

    @property
    def _more(self) -> bool:
        return len(self.rows) > CHUNK_ROWS

    def _table(self) -> Table:
        if self._chunk is None:
            chunk = self.rows[:CHUNK_ROWS]
            table = Table([self.head, *chunk], colWidths=self.widths,  # type: ignore[list-item]
                          repeatRows=1)  # (the stubs want lists; any sequence of cells will do)
            table.setStyle(TableStyle(clip(self.commands, len(self.rows) + 1, len(chunk) + 1)))
            self._chunk = table
        return self._chunk

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, height = self._table().wrap(avail_width, avail_height)
        self.height = max(height, avail_height + 1) if self._more else height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        table = self._table()
        parts: list[Flowable] = table.split(avail_width, avail_height)
        if not self._more or not parts:
            return parts
        first = parts[0]
        done = CHUNK_ROWS if first is table else first._nrows - 1  # type: ignore[attr-defined]  # R0 repeats the header
        rest = LongDataTable(self.head, self.rows[done:], self.widths,
                             rebase(self.commands, len(self.rows) + 1, done))  # fmt: skip
        return [first, rest]

    def draw(self) -> None:
        self._table().drawOn(self.canv, 0, 0)


def _rows(command: Command, total: int) -> tuple[int, int]:
    """A command's first and last row, negative indices resolved against ``total`` rows."""
    (_c0, r0), (_c1, r1) = command[1], command[2]
    return (r0 if r0 >= 0 else total + r0), (r1 if r1 >= 0 else total + r1)


def _with_rows(command: Command, r0: int, r1: int) -> Command:
    name, (c0, _r0), (c1, _r1), *args = command
    return (name, (c0, r0), (c1, r1), *args)


def clip(commands: Sequence[Command], total: int, keep: int) -> list[Command]:
    """The commands of a table of ``total`` rows cut to its first ``keep`` rows."""
    out = []
    for command in commands:
        r0, r1 = _rows(command, total)
        if r0 < keep:
            out.append(_with_rows(command, r0, min(r1, keep - 1)))
    return out


def rebase(commands: Sequence[Command], total: int, done: int) -> list[Command]:
    """The commands of a table of ``total`` rows for the table left once ``done`` body rows are
    printed: the header stays row 0, body row ``done + 1`` becomes row 1."""
    out = []
    for command in commands:
        r0, r1 = _rows(command, total)
        if r1 == 0:  # the header alone
            out.append(command)
            continue
        r1 -= done
        if r1 < 1:
            continue  # printed already
        # Banding restarts on the new page, as ReportLab's own split does.
        out.append(_with_rows(command, 0 if r0 == 0 else max(1, r0 - done), r1))
    return out
