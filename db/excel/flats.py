"""Reading sheet 房源 into Flats, with the checks across rows (duplicate flats) and flat rules."""

from __future__ import annotations

from typing import Any

from allocation.registry import Flat, FlatStatus, check_new_flat
from db.excel.columns import FLAT_SHEET, cell_text
from db.excel.problems import ImportProblem, freeze_params
from db.excel.results import FlatsRead, Places
from db.excel.sheets import Layout, Unreadable
from db.excel.workbook import ReadSession, corrupt


def read_flat_rows(session: ReadSession) -> FlatsRead:
    """Sheet 房源 of an open session as Flats; items stay empty if any problem was found."""
    rows: list[tuple[int, dict[str, Any], bool]] = []
    try:
        reader = session.reader(FLAT_SHEET.kind)
        rows = list(reader.rows())
    except Unreadable as error:
        session.problems.append(corrupt(error))
        return FlatsRead([], session.finish())
    session.progress.report()
    if reader.layout.usable:
        _check_flats(rows, reader.layout, session.problems)
    items = [] if session.problems else [Flat(**values) for _, values, _ in rows]
    places = Places.of(((FLAT_SHEET.kind, reader.layout),),
                       {(FLAT_SHEET.kind, f.key): row for f, (row, _, _) in zip(
                           items, rows, strict=False)})
    return FlatsRead(items, session.finish(), len(rows), places)


def _check_flats(rows: list[tuple[int, dict[str, Any], bool]], layout: Layout,
                 problems: list[ImportProblem]) -> None:
    first: dict[tuple[str, str, str], int] = {}
    for row, values, ok in rows:
        key = tuple(values.get(k) for k in ("building", "unit", "number"))
        if None not in key:
            seen = first.setdefault(key, row)  # type: ignore[arg-type]
            if seen != row:
                text = "-".join(key)  # type: ignore[arg-type]
                problems.append(ImportProblem(layout.sheet, row, layout.header("number"),
                                              text, "duplicate_flat", freeze_params(
                                                  {"key": text, "first_row": seen,
                                                   "second_row": row})))
        if ok:
            problems += _flat_rule_problems(Flat(**values), row, layout)


def _cell_value(flat: Flat, field: str) -> str:
    value = getattr(flat, field, "")
    return value.zh if isinstance(value, FlatStatus) else cell_text(value)  # as typed: 已选


def _flat_rule_problems(flat: Flat, row: int, layout: Layout) -> list[ImportProblem]:
    return [ImportProblem(layout.sheet, row, layout.header(p.field),
                          _cell_value(flat, p.field), p.code,
                          freeze_params({"field": p.field, **p.params}))
            for p in check_new_flat(flat)]
