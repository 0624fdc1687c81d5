"""Big valid registry workbooks for benchmarks; times db.excel's reader against bare openpyxl.

``make_households_xlsx`` writes the households import format (sheets 户 and
家庭成员, Chinese headers) with openpyxl's write-only mode and plain values,
so 100,000 households take well under a minute. Every file it makes reads
back without a single problem.

Run ``python -m bench.make_big_xlsx [n_households]`` to time
``read_households`` against ``load_workbook(read_only=True)`` +
``iter_rows(values_only=True)`` over both sheets.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from allocation.registry.ids import make_id
from allocation.registry.model import CONDITION_ZH, FLAT_STATUS_ZH, HOUSEHOLD_STATUS_ZH
from db.excel.columns import FLAT_SHEET, HOUSEHOLD_SHEET, MEMBER_SHEET

_REGIONS = ("110101", "310104", "420106", "440305", "510107")
_RELATIONS = ("配偶", "子女", "父母", "孙子女", "兄弟姐妹")
_CONDITIONS = tuple(CONDITION_ZH.values())
_STATUSES = tuple(HOUSEHOLD_STATUS_ZH.values())


def person_id(k: int) -> str:
    """The k-th of many distinct valid ID numbers (500 per region, birth date and sex)."""
    slot, seq = divmod(k, 500)
    slot, sex = divmod(slot, 2)
    region = _REGIONS[slot % len(_REGIONS)]
    birth = date(1930, 1, 1) + timedelta(days=slot // len(_REGIONS))
    return make_id(region, birth, seq, "M" if sex else "F")


def member_counts(n_households: int, members_per: float) -> Iterator[int]:
    """Members per household: whole numbers averaging ``members_per`` (at least 1 each)."""
    for i in range(n_households):
        yield max(1, int((i + 1) * members_per) - int(i * members_per))


def make_households_xlsx(path: str | Path, n_households: int = 100_000,
                         members_per: float = 3.2) -> tuple[int, int]:
    """Write a valid households file; returns (households, members) written."""
    book = Workbook(write_only=True)
    households = book.create_sheet(HOUSEHOLD_SHEET.zh)
    members = book.create_sheet(MEMBER_SHEET.zh)
    households.append([c.zh for c in HOUSEHOLD_SHEET.columns])
    members.append([c.zh for c in MEMBER_SHEET.columns])
    person = 0
    for i, count in enumerate(member_counts(n_households, members_per)):
        code, head_id = f"H{i + 1:06d}", person_id(person)
        households.append(_household_row(i, code, head_id))
        for j in range(count):
            members.append(_member_row(i, j, code, person_id(person)))
            person += 1
    book.save(path)
    return n_households, person


def _household_row(i: int, code: str, head_id: str) -> list[Any]:
    signed = date(2023, 3, 1) + timedelta(days=i % 300) if i % 3 else None
    return [code, f"户主{i + 1}", head_id, f"138{i:08d}", f"幸福路{i % 500 + 1}号",
            round(40 + (i % 1000) * 0.13, 2), signed, i + 1 if signed else None,
            "", _STATUSES[i % len(_STATUSES)]]


def _member_row(i: int, j: int, code: str, id_number: str) -> list[Any]:
    name = f"户主{i + 1}" if j == 0 else f"成员{i + 1}-{j}"
    relation = "户主" if j == 0 else _RELATIONS[(i + j) % len(_RELATIONS)]
    condition = _CONDITIONS[(i + j) % len(_CONDITIONS)] if (i + j) % 7 == 0 else ""
    grade = (i % 4) + 1 if condition == CONDITION_ZH[next(iter(CONDITION_ZH))] else None
    return [code, name, id_number, relation, "是" if j < 3 else "否", condition, grade,
            "是" if j == 4 else "否"]


def make_flats_xlsx(path: str | Path, n_flats: int = 10_000) -> int:
    """Write a valid flats file (20 floors, 4 flats a floor, 2 units a building)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(FLAT_SHEET.zh)
    sheet.append([c.zh for c in FLAT_SHEET.columns])
    statuses = tuple(FLAT_STATUS_ZH.values())
    for i in range(n_flats):
        building, rest = divmod(i, 160)
        unit, rest = divmod(rest, 80)
        floor, number = divmod(rest, 4)
        sheet.append([str(building + 1), str(unit + 1), floor + 1, f"{floor + 1}{number + 1:02d}",
                      (60, 90, 120, 144)[number], ("1室1厅", "2室1厅", "3室2厅", "4室2厅")[number],
                      "南北" if number % 2 else "南", 4000 + floor * 50,
                      statuses[1] if i % 50 == 0 else statuses[0]])
    book.save(path)
    return n_flats


# ---------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------


def bare_read(path: str | Path) -> int:
    """Rows seen by a bare openpyxl read-only pass over the households file's two sheets."""
    book = load_workbook(path, read_only=True, data_only=True)
    rows = 0
    for title in (HOUSEHOLD_SHEET.zh, MEMBER_SHEET.zh):
        for _row in book[title].iter_rows(values_only=True):
            rows += 1
    book.close()
    return rows


def _timed(label: str, function: Any, *args: Any) -> Any:
    # CPU time too: on a shared machine wall time also measures the neighbours.
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args)
    print(f"{label:<42} {time.perf_counter() - wall:7.2f} s wall "
          f"{time.process_time() - cpu:7.2f} s cpu", flush=True)
    return result


def main(n_households: int = 100_000) -> None:
    from db.excel import read_households, write_households

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "households.xlsx"
        written = _timed("make_households_xlsx", make_households_xlsx, path, n_households)
        print(f"  {written[0]} households, {written[1]} members, "
              f"{path.stat().st_size / 1e6:.1f} MB")
        _timed("bare load_workbook(read_only)+iter_rows", bare_read, path)
        result = _timed("read_households", read_households, path)
        assert not result.problems, result.problems[:5]
        assert len(result.items) == n_households
        _timed("write_households (export)", write_households, Path(folder) / "out.xlsx",
               result.items)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
