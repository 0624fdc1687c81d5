"""Import and audit-check benchmark at city scale: 100,000 households, 320,000 members.

Run by hand: ``.venv/bin/python bench/bench_import.py [--households N] [--runs R]``.
Whole processes are timed with ``/usr/bin/time -v`` (CPU, wall, peak
resident memory), run in turn A B A B … so that the ratio is taken pair by
pair while the machine drifts:

- ``import``: ``import_households_file`` into a new SQLite file (read,
  every check, households, members and one audit event per 1,000
  households, one transaction), against its floor ``floor``: python-calamine
  reading both sheets plus sqlite3 executemany of the same rows into two
  bare tables;
- ``verify``: ``verify_audit`` (the chain and the replay of every row) on the
  imported database, timed alone. (It was once paired with the tree of the
  commit before verify streamed; that tree cannot read today's log, whose
  import batch events it does not know, so the pairing measured nothing.)

With ``--postgres URL`` (a server of your own: its database is emptied) the
import goes into PostgreSQL instead, against its own floor: python-calamine
reading both sheets plus COPY of the same rows into two bare text tables;
the schema is emptied and migrated before each timed run, outside it.

One process per task: ``--task import|floor|verify FILE DB`` does it once
(DB is a file, or a PostgreSQL URL).
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_task(task: str, path: str, db: str) -> None:
    if task == "floor" and db.startswith("postgresql"):
        _postgres_floor(path, db)
        return
    if task == "floor":
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(path)
        connection = sqlite3.connect(db)
        for number, name in enumerate(book.sheet_names[:2]):
            rows = iter(book.get_sheet_by_name(name).iter_rows())
            width = len(next(rows))
            names = ",".join(f"c{i}" for i in range(width))
            connection.execute(f"create table t{number} ({names})")
            connection.executemany(f"insert into t{number} values ({','.join('?' * width)})",
                                   (tuple(row) for row in rows))
        connection.commit()
        return
    from db.store.engine import open_database

    _engine, factory = open_database(db if db.startswith("postgresql") else f"sqlite:///{db}")
    if task == "import":
        from db.registry.importing import import_households_file
        from db.registry.operations import create_project

        with factory.begin() as session:
            project = create_project(session, name="bench", actor="bench")
            import_households_file(session, project_id=project, path=path, actor="bench")
        return
    from db.replay import verify_audit

    with factory() as session:
        report = verify_audit(session)
    assert report.ok, report


def _postgres_floor(path: str, url: str) -> None:
    import psycopg
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(path)
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as connection:
        for number, name in enumerate(book.sheet_names[:2]):
            rows = iter(book.get_sheet_by_name(name).iter_rows())
            width = len(next(rows))
            names = ",".join(f"c{i}" for i in range(width))
            connection.execute(f"drop table if exists floor{number}")
            connection.execute(f"create table floor{number} "
                               f"({','.join(f'c{i} text' for i in range(width))})")
            with connection.cursor() as cursor, cursor.copy(
                    f"copy floor{number} ({names}) from stdin") as copy:
                for row in rows:
                    copy.write_row(row)


def _empty_postgres(url: str) -> None:
    """A freshly migrated, empty schema (outside the timed process)."""
    from sqlalchemy import text

    from db.store.engine import make_engine
    from db.store.migrate import upgrade

    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    upgrade(engine)
    engine.dispose()


def timed(command: list[str]) -> tuple[float, float, float]:
    """(CPU s, wall s, peak MiB) of one whole process, from /usr/bin/time -v."""
    done = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    fields = dict(re.findall(r"^\s*(.+?): (\S+)$", done.stderr, re.M))
    cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
    clock = fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
    wall = sum(float(part) * 60 ** i for i, part in enumerate(reversed(clock)))
    return cpu, wall, int(fields["Maximum resident set size (kbytes)"]) / 1024


def paired(a: list[str], b: list[str], runs: int, fresh: Path | None = None,
           prepare: Callable[[], None] | None = None
           ) -> list[tuple[tuple[float, float, float], tuple[float, float, float]]]:
    pairs = []
    for _ in range(runs):
        results = []
        for command in (a, b):
            if prepare is not None:
                prepare()
            for stale in (fresh, fresh and fresh.with_suffix(".floor")):
                if stale is not None:
                    for extra in ("", "-wal", "-shm"):
                        Path(f"{stale}{extra}").unlink(missing_ok=True)
            results.append(timed(command))
        pairs.append((results[0], results[1]))
    return pairs


def _row(label: str, pairs: list, a_name: str, b_name: str) -> str:
    med = statistics.median
    a_cpu, a_wall, a_peak = (med(p[0][i] for p in pairs) for i in range(3))
    b_cpu, b_wall, b_peak = (med(p[1][i] for p in pairs) for i in range(3))
    ratios = sorted(p[0][0] / p[1][0] for p in pairs)
    return (f"| {label} | {a_name}: {a_cpu:.1f} / {a_wall:.1f} / {a_peak:,.0f} | "
            f"{b_name}: {b_cpu:.1f} / {b_wall:.1f} / {b_peak:,.0f} | "
            f"{med(ratios):.2f} ({ratios[0]:.2f}–{ratios[-1]:.2f}) |")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--task", choices=("import", "floor", "verify"))
    parser.add_argument("--postgres", metavar="URL",
                        help="import into this PostgreSQL database (emptied) instead")
    parser.add_argument("file", nargs="?")
    parser.add_argument("db", nargs="?")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.task:
        run_task(args.task, args.file, args.db)
        return 0
    from bench.make_big_xlsx import make_households_xlsx

    me = [sys.executable, str(Path(__file__).resolve())]
    if args.postgres:
        return _bench_postgres(me, args.households, args.runs, args.postgres)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path, db = folder / "households.xlsx", folder / "anju.sqlite3"
        households, members = make_households_xlsx(path, args.households)
        imports = paired([*me, "--task", "import", str(path), str(db)],
                         [*me, "--task", "floor", str(path), str(db.with_suffix(".floor"))],
                         args.runs, fresh=db)
        timed([*me, "--task", "import", str(path), str(db)])  # the database verify reads
        checks = [timed([*me, "--task", "verify", str(path), str(db)])
                  for _ in range(args.runs)]
    print(f"{households:,} households, {members:,} members; medians of {args.runs} "
          "pairs; CPU s / wall s / peak MiB\n")
    print("| task | A | B | A/B CPU median (min–max) |\n| --- | --- | --- | ---: |")
    print(_row("import into SQLite (A) against its floor (B)", imports, "import", "floor"))
    cpu, wall, peak = (statistics.median(c[i] for c in checks) for i in range(3))
    print(f"\n`anju audit verify` alone: {cpu:.1f} CPU s / {wall:.1f} wall s / "
          f"{peak:,.0f} MiB (medians of {args.runs})")
    return 0


def _bench_postgres(me: list[str], n_households: int, runs: int, url: str) -> int:
    from bench.make_big_xlsx import make_households_xlsx

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "households.xlsx"
        households, members = make_households_xlsx(path, n_households)
        imports = paired([*me, "--task", "import", str(path), url],
                         [*me, "--task", "floor", str(path), url], runs,
                         prepare=lambda: _empty_postgres(url))
    print(f"{households:,} households, {members:,} members; medians of {runs} "
          "pairs; CPU s / wall s / peak MiB (of the Python process; the server's own "
          "work is in the wall time)\n")
    print("| task | A | B | A/B CPU median (min–max) |\n| --- | --- | --- | ---: |")
    print(_row("import into PostgreSQL (A) against its floor (B)", imports, "import", "floor"))
    walls = sorted(p[0][1] / p[1][1] for p in imports)
    print(f"\nA/B wall: median {statistics.median(walls):.2f}, min {walls[0]:.2f}, "
          f"max {walls[-1]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
