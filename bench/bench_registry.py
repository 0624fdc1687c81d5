"""Registry benchmark: Excel import of 100,000 households, and the Households page on them.

Run by hand: ``.venv/bin/python bench/bench_registry.py [--households N]``.
Prints a Markdown table. Times are wall-clock on this machine; the import is
quoted as a ratio to a floor that does the unavoidable work only: openpyxl's
read-only read of the same file plus sqlite3 executemany of the same rows.
"""

from __future__ import annotations

import argparse
import gc
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import load_workbook  # noqa: E402

from bench.make_big_xlsx import make_households_xlsx  # noqa: E402


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def floor_import(path: Path, db_path: Path) -> int:
    """The floor: stream every row, read-only, into sqlite3 executemany on two bare tables.

    It gets the same advantage as the import (the cyclic collector paused), so
    the ratio measures our validation, auditing and ORM-free writes, not GC luck.
    """
    gc.disable()
    try:
        return _floor_rows(path, db_path)
    finally:
        gc.enable()


def _floor_rows(path: Path, db_path: Path) -> int:
    workbook = load_workbook(path, read_only=True, data_only=True)
    connection = sqlite3.connect(db_path)
    connection.execute("create table h (a,b,c,d,e,f,g,h,i,j)")
    connection.execute("create table m (a,b,c,d,e,f,g,h)")
    counted = [0]
    for sheet, table, width in ((workbook.worksheets[0], "h", 10),
                                (workbook.worksheets[1], "m", 8)):

        def rows(sheet: Any = sheet, width: int = width) -> Iterator[tuple[Any, ...]]:
            for row in sheet.iter_rows(min_row=2, values_only=True):
                counted[0] += 1
                cells = tuple(None if v is None else str(v) for v in row[:width])
                yield cells + (None,) * (width - len(cells))

        marks = ",".join("?" * width)
        connection.executemany(f"insert into {table} values ({marks})", rows())
    connection.commit()
    connection.close()
    workbook.close()
    return counted[0]


def anju_import(path: Path, url: str) -> int:
    from db.registry.importing import import_households_file
    from db.registry.operations import create_project
    from db.store.engine import open_database

    _engine, factory = open_database(url)
    with factory.begin() as session:
        project_id = create_project(session, name="bench", actor="bench")
        return import_households_file(session, project_id=project_id, path=path, actor="bench")


def page_timings(url: str) -> tuple[float, float]:
    """Seconds to open the Households page (query + model + shown view), and one keystroke."""
    from PySide6.QtWidgets import QApplication

    from db.registry.operations import find_project
    from db.store.engine import open_database
    from desktop.common.context import AppContext
    from desktop.common.operations import wait_for_idle
    from desktop.registry.households_page import HouseholdsPage

    app = QApplication.instance() or QApplication([])
    _engine, factory = open_database(url)
    with factory() as session:
        project_id = find_project(session, "bench")
    ctx = AppContext(factory=factory, url=url, project_id=project_id, project_name="bench")
    start = time.perf_counter()
    page = HouseholdsPage(ctx)
    page.resize(1280, 800)
    page.show()
    page.set_project()
    wait_for_idle()
    while page.model.rowCount() == 0:
        app.processEvents()
    app.processEvents()
    opened = time.perf_counter() - start
    start = time.perf_counter()
    page.model.set_filter("h0999", None, None)
    app.processEvents()
    keystroke = time.perf_counter() - start
    return opened, keystroke


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        xlsx = folder / "households.xlsx"
        made, _ = timed(lambda: make_households_xlsx(xlsx, n_households=args.households))
        print(f"(made {xlsx.stat().st_size / 1e6:.1f} MB test file in {made:.1f} s)")
        floor, rows = timed(lambda: floor_import(xlsx, folder / "floor.sqlite3"))
        url = f"sqlite:///{folder / 'anju.sqlite3'}"
        ours, count = timed(lambda: anju_import(xlsx, url))
        opened, keystroke = page_timings(url)
    print()
    print(f"| measure ({count:,} households, {rows - count:,} members) | seconds | "
          "ratio to floor | target |")
    print("| --- | ---: | ---: | --- |")
    print(f"| floor: openpyxl read-only read + sqlite3 executemany | {floor:.2f} | 1.00 | |")
    print(f"| `anju import households` (validated, audited, one transaction) | {ours:.2f} | "
          f"{ours / floor:.2f} | ≤ 2.0× |")
    print(f"| open the Households page (query + model + view) | {opened:.2f} | | ≤ 1 s |")
    print(f"| one search keystroke | {keystroke * 1000:.0f} ms | | ≤ 100 ms |")


if __name__ == "__main__":
    main()
