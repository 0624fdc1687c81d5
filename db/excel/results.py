"""What a read of the registry's Excel files returns: items, problems and where things stand.

Also the column-mapping step's view of a workbook (sheets, header rows and
the field each header matched).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from allocation.registry import Flat, Household
from db.excel.columns import SHEETS
from db.excel.problems import ImportProblem
from db.excel.sheets import Layout


@dataclass(frozen=True, slots=True)
class Places:
    """Where things stand in the file, so that a later clash with stored data names its cell.

    ``rows`` maps a household code, an ID number or a flat key to its row;
    ``sheets`` and ``headers`` give a sheet kind's name and a field's header text.
    """

    rows: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, key) -> row
    sheets: dict[str, str] = field(default_factory=dict)
    headers: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, field)

    def locate(self, kind: str, key: str, field_name: str | None,
               ) -> tuple[str, int | None, str | None]:
        """(sheet name, row, header text) of ``key`` on the sheet of ``kind``."""
        sheet = self.sheets.get(kind, SHEETS[kind].zh)
        header = None
        if field_name is not None:
            header = self.headers.get((kind, field_name), field_name)
        return sheet, self.rows.get((kind, key)), header

    @staticmethod
    def of(layouts: Iterable[tuple[str, Layout]],
           rows: dict[tuple[str, str], int]) -> Places:
        sheets = {kind: layout.sheet for kind, layout in layouts if layout.sheet}
        headers = {(kind, c.spec.field): c.header or c.spec.zh
                   for kind, layout in layouts for c in layout.columns}
        return Places(rows, sheets, headers)


@dataclass(frozen=True, slots=True)
class HouseholdsRead:
    """Households (members filled, file order) and every problem; items is empty if any."""

    items: list[Household]
    problems: list[ImportProblem]
    household_rows: int = 0
    member_rows: int = 0
    places: Places = field(default_factory=Places, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class FlatsRead:
    """Flats (file order) and every problem; items is empty if there is any problem."""

    items: list[Flat]
    problems: list[ImportProblem]
    flat_rows: int = 0
    places: Places = field(default_factory=Places, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class HeaderCell:
    """One header cell: column letter, text as in the file, the field it matched (or None)."""

    column: str
    text: str
    field: str | None


@dataclass(frozen=True, slots=True)
class SheetHeaders:
    """A sheet as the column-mapping step sees it.

    ``kind`` is None for a sheet the reader ignores (e.g. 说明); then no
    header matching is done and ``header_row`` is its first non-blank row.
    """

    name: str
    kind: str | None
    header_row: int | None
    headers: tuple[HeaderCell, ...]
    missing_required: tuple[str, ...]
    unknown: tuple[str, ...]
    rows_estimate: int | None

    @property
    def matched(self) -> dict[str, str]:
        """field → header text in the file."""
        return {h.field: h.text or h.column for h in self.headers if h.field}


@dataclass(frozen=True, slots=True)
class WorkbookHeaders:
    """Every sheet of a workbook with its header row, and file/sheet-level problems."""

    sheets: tuple[SheetHeaders, ...]
    problems: tuple[ImportProblem, ...]

    def sheet(self, kind: str) -> SheetHeaders | None:
        return next((s for s in self.sheets if s.kind == kind), None)
