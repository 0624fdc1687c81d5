"""The intentions workbook (选房意向): reader and writer, in the visits file's manner.

One sheet, one row per household: 户号, 户主姓名 (for the reader's eye; not
read), 意向户型 (best first, 、-separated), 意向楼栋, 最低楼层, 最高楼层,
意向套数, 登记日期, 登记人. The reader reuses the registry's machinery
(content sniffing, header matching with aliases and the user's column
mapping, merged cells, one ImportProblem per bad cell) and adds the
intention's own rules, each problem on its cell. Whether each 户号 exists is
the database's question (db/casework/intention_files.py). The writer writes
the same columns, so an exported sheet imports again as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Final

from openpyxl import Workbook

from allocation.chances import Intention, join_names, split_names
from allocation.errors import ValidationError
from db.excel.columns import Kind, SheetSpec, _c, cell_text, normalise_sheet_name
from db.excel.problems import ImportProblem, freeze_params, sort_problems
from db.excel.sheets import Progress, SheetReader, Unreadable
from db.excel.workbook import ColumnMapping, corrupt, read_session
from db.excel.writer import _SheetWriter

INTENTIONS: Final = "intentions"
INTENTION_SHEET: Final = SheetSpec(INTENTIONS, "选房意向", "intentions", (
    _c("code", "户号", "Code", Kind.CODE, "户编号", "household code", "household", required=True,
       width=10),
    _c("head_name", "户主姓名", "Head name", Kind.TEXT, "户主", width=10),
    _c("layouts", "意向户型", "Layouts", Kind.TEXT, "户型", "意向户型（按先后）", "layouts wanted",
       required=True, width=22),
    _c("buildings", "意向楼栋", "Buildings", Kind.TEXT, "楼栋", "意向楼号", "buildings wanted",
       width=14),
    _c("floor_min", "最低楼层", "Lowest floor", Kind.INTEGER, "楼层下限", width=9),
    _c("floor_max", "最高楼层", "Highest floor", Kind.INTEGER, "楼层上限", width=9),
    _c("flats", "意向套数", "Flats", Kind.INTEGER, "套数", "需要套数", width=9),
    _c("recorded_on", "登记日期", "Recorded on", Kind.DATE, "摸底日期", "日期", required=True,
       width=12),
    _c("recorded_by", "登记人", "Recorded by", Kind.TEXT, "摸底人", "经办人", "包户人",
       required=True, width=12),
), aliases=("意向", "选房意向摸底", "意向摸底", "intention"))  # fmt: skip

MAX_RECORDER: Final = 64


@dataclass(frozen=True, slots=True)
class IntentionLine:
    """One row of the file, parsed: its row number, the household and what it wants."""

    row: int
    code: str
    intention: Intention
    recorded_on: date
    recorded_by: str


@dataclass(frozen=True, slots=True)
class IntentionsRead:
    """Intentions (file order) and every problem; ``items`` is empty whenever there is one."""

    items: list[IntentionLine]
    problems: list[ImportProblem]
    sheet: str = INTENTION_SHEET.zh
    headers: dict[str, str] = field(default_factory=dict)  # field -> header as in the file

    @property
    def ok(self) -> bool:
        return not self.problems


def read_intentions(path: Any, *, mapping: ColumnMapping | None = None,
                    sheet: str | None = None,
                    progress: Progress | None = None) -> IntentionsRead:
    """Read the intentions sheet; never raises for a bad file (see db/excel/reader.py).

    Args:
        mapping: {"intentions": {field: header text}} for headers that did not match.
        sheet: the sheet's name when it is not 选房意向 (or an alias).
    """
    with read_session(path, (), mapping, None, progress) as session:
        if session.book is None:
            return IntentionsRead([], session.finish())
        title = _locate(session.book.sheetnames, sheet, session.problems)
        if title is None:
            return IntentionsRead([], session.finish())
        try:
            reader = SheetReader(session.book[title], INTENTION_SHEET,
                                 (mapping or {}).get(INTENTIONS, {}), session.problems,
                                 session.progress)
            lines = [_line(row, values, reader, session.problems)
                     for row, values, ok in reader.rows() if ok]
        except Unreadable as error:
            session.problems.append(corrupt(error))
            return IntentionsRead([], session.finish())
        _duplicates(lines, reader, session.problems)
        headers = {b.spec.field: b.header for b in reader.layout.columns}
        order = {(title, b.header): b.index for b in reader.layout.columns}
        problems = sort_problems(session.problems, session.book.sheetnames, order)
    items = [] if problems else [line for line in lines if line is not None]
    return IntentionsRead(items, problems, title, headers)


def _locate(titles: list[str], wanted: str | None, problems: list[ImportProblem]) -> str | None:
    names = {normalise_sheet_name(n) for n in ((wanted,) if wanted else INTENTION_SHEET.names)}
    found = [t for t in titles if normalise_sheet_name(t) in names]
    if not found:
        problems.append(ImportProblem("", None, None, "", "missing_sheet", freeze_params(
            {"kind": INTENTIONS, "expected": wanted or INTENTION_SHEET.zh,
             "found": tuple(titles)})))
        return None
    return found[0]


def _line(row: int, values: dict[str, Any], reader: SheetReader,
          problems: list[ImportProblem]) -> IntentionLine | None:
    """The intention of a row whose cells parsed, after the intention's own rules."""
    layout = reader.layout

    def problem(column: str, code: str, **params: Any) -> None:
        problems.append(ImportProblem(layout.sheet, row, layout.header(column),
                                      cell_text(values.get(column)), code,
                                      freeze_params({"field": column, **params})))

    lists: dict[str, tuple[str, ...]] = {}
    for name in ("layouts", "buildings"):
        try:
            lists[name] = split_names(name, values.get(name) or "")
        except ValidationError as error:
            problem(name, error.code, **{k: v for k, v in error.params.items() if k != "field"})
    if lists.get("layouts") == ():  # only separators: no layout named
        problem("layouts", "required_value_missing")
        del lists["layouts"]
    if len(values["recorded_by"]) > MAX_RECORDER:
        problem("recorded_by", "too_long", max=MAX_RECORDER)
    floor_min, floor_max = values.get("floor_min"), values.get("floor_max")
    if floor_min is not None and floor_max is not None and floor_min > floor_max:
        problem("floor_max", "intention_floor_range", floor_min=floor_min, floor_max=floor_max)
        return None
    if len(lists) < 2 or len(values["recorded_by"]) > MAX_RECORDER:
        return None
    intention = Intention(lists["layouts"], lists["buildings"], floor_min, floor_max,
                          values.get("flats") or 1)
    return IntentionLine(row, values["code"], intention, values["recorded_on"],
                         values["recorded_by"])


def _duplicates(lines: list[IntentionLine | None], reader: SheetReader,
                problems: list[ImportProblem]) -> None:
    """A household twice in the file: which of its rows is meant is not for us to guess."""
    first: dict[str, int] = {}
    for line in lines:
        if line is None:
            continue
        if line.code in first:
            problems.append(ImportProblem(
                reader.layout.sheet, line.row, reader.layout.header("code"), line.code,
                "duplicate_code", freeze_params({"code": line.code, "first_row": first[line.code],
                                                 "second_row": line.row})))
        else:
            first[line.code] = line.row


# --- writing --------------------------------------------------------------------------


def write_intentions(path: str | Path, rows: Iterable[Mapping[str, Any]]) -> None:
    """The intentions sheet as the reader reads it.

    Each row: code, head_name, recorded_on, recorded_by and ``intention`` (an
    :class:`Intention`).
    """
    book = Workbook(write_only=True)
    add_intentions_sheet(book, rows)
    book.save(path)


def add_intentions_sheet(book: Workbook, rows: Iterable[Mapping[str, Any]]) -> None:
    """Append the intentions sheet to a write-only workbook."""
    sheet = _SheetWriter(book, INTENTION_SHEET)
    for row in rows:
        wanted: Intention = row["intention"]
        sheet.append(None, code=row["code"], head_name=row.get("head_name"),  # type: ignore[arg-type]
                     layouts=join_names(wanted.layouts),
                     buildings=join_names(wanted.buildings) or None,
                     floor_min=wanted.floor_min, floor_max=wanted.floor_max, flats=wanted.flats,
                     recorded_on=row["recorded_on"], recorded_by=row["recorded_by"])
    sheet.finish()
