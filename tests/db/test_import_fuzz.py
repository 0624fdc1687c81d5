"""Fuzzing the Excel importers on a real database: never a traceback, never a partial import.

Hypothesis writes real .xlsx files whose cells are anything an office
spreadsheet may hold — text, numbers, dates, booleans, formulas, error
values, huge and tiny numbers, blanks, valid-looking ID numbers — starting
from a valid file and breaking cells at random. Each file goes through the
same entry point as `anju import`. The outcome is always one of two: every
row registered, or an ImportRejected whose problems all name a sheet (and
a row and column where they concern a cell) with a worded reason — and the
database exactly as before.
"""

from __future__ import annotations

import itertools
import re
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

import db.audit.chain as audit
from db.records.tables import FlatRecord, HouseholdRecord, MemberRecord
from db.registry.importing import ImportRejected, import_flats_file, import_households_file
from db.registry.operations import create_project
from desktop.i18n.messages import describe_problem
from tests.db.test_excel import F, H, M, build, flat_rows, household_rows, member_rows

CELLS = st.one_of(
    st.none(),
    # Excel cells cannot hold control characters (openpyxl refuses to write them).
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False, places=4).map(float),
    st.booleans(),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    st.sampled_from(["=1/0", "=SUM(A1:A2)", "#N/A", "#DIV/0!", " ", "\t", "－", "是", "否",
                     "残疾、低保", "户主", "已签约", "1e400", "0.005", "１２３"]),
)


def _broken(rows: list[list[Any]], edits: list[tuple[int, int, Any]]) -> list[list[Any]]:
    """The rows with cells replaced; row 0 (the header) may be hit too."""
    out = [list(row) for row in rows]
    for row, column, value in edits:
        target = out[row % len(out)]
        target[column % len(target)] = value
    return out


EDITS = st.lists(st.tuples(st.integers(0, 50), st.integers(0, 20), CELLS), max_size=6)
EXTRA_ROWS = st.lists(st.lists(CELLS, max_size=10), max_size=3)


def _counts(factory: sessionmaker[Session]) -> tuple[int, int, int, str]:
    with factory() as s:
        return (s.scalar(select(func.count()).select_from(HouseholdRecord)) or 0,
                s.scalar(select(func.count()).select_from(MemberRecord)) or 0,
                s.scalar(select(func.count()).select_from(FlatRecord)) or 0,
                audit.chain_head(s))


_PROJECT_NUMBERS = itertools.count(1)


def _fresh_project(factory: sessionmaker[Session]) -> int:
    """A new project per example, so a valid file is not refused as a repeat of the last."""
    with factory.begin() as s:
        return create_project(s, name=f"fuzz-{next(_PROJECT_NUMBERS)}", actor="fuzz")


def _import(factory: sessionmaker[Session], project_id: int, sheets: dict[str, Any],
            kind: str) -> None:
    before = _counts(factory)
    with tempfile.TemporaryDirectory() as folder:
        path = build(Path(folder) / "fuzz.xlsx", sheets)
        importer = import_households_file if kind == "households" else import_flats_file
        try:
            with factory.begin() as s:
                count = importer(s, project_id=project_id, path=path, actor="fuzz")
        except ImportRejected as rejected:
            assert rejected.rejections, "a rejection names at least one problem"
            for problem in rejected.rejections:
                assert problem.sheet or problem.row is None
                text = describe_problem(problem)
                for echoed in (problem.value, *dict(problem.params).values()):
                    text = text.replace(str(echoed), "")  # the file's own text may hold "{x}"
                assert text and not re.search(r"\{\w+\}", text), text
            assert _counts(factory) == before, "nothing half-written"
            return
    after = _counts(factory)
    grew = after[0] - before[0] if kind == "households" else after[2] - before[2]
    assert grew == count > 0


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(household_edits=EDITS, member_edits=EDITS, extra=EXTRA_ROWS)
def test_household_files(factory, household_edits, member_edits, extra) -> None:
    sheets = {H: _broken(household_rows(), household_edits) + extra,
              M: _broken(member_rows(), member_edits)}
    _import(factory, _fresh_project(factory), sheets, "households")


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(edits=EDITS, extra=EXTRA_ROWS)
def test_flat_files(factory, edits, extra) -> None:
    _import(factory, _fresh_project(factory), {F: _broken(flat_rows(), edits) + extra}, "flats")


@pytest.mark.parametrize("payload", [b"", b"PK\x03\x04broken", b"\xd0\xcf\x11\xe0" + bytes(64),
                                     "户号,姓名\nH1,张三".encode("gbk")])
def test_files_that_are_not_workbooks(factory, project_id, tmp_path, payload: bytes) -> None:
    path = tmp_path / "households.xlsx"
    path.write_bytes(payload)
    before = _counts(factory)
    with pytest.raises(ImportRejected) as rejected, factory.begin() as s:
        import_households_file(s, project_id=project_id, path=path, actor="fuzz")
    assert [p.code for p in rejected.value.rejections] in (["not_excel"], ["file_unreadable"])
    assert _counts(factory) == before


def test_the_unbroken_files_import(factory, project_id) -> None:
    """The control: the files the fuzzer starts from are valid."""
    _import(factory, project_id, {H: household_rows(), M: member_rows()}, "households")
    _import(factory, project_id, {F: flat_rows()}, "flats")
    assert _counts(factory)[:3] == (2, 4, 2)
