"""Reading benchmark: read_households on 100,000 households, calamine against openpyxl.

Run by hand: ``.venv/bin/python bench/bench_reading.py [--households N] [--runs R]``.
It writes one generated file (bench.make_big_xlsx: 100,000 households, about
320,000 members, 420,000 rows), then times whole processes with
``/usr/bin/time -v`` (CPU, wall, peak resident memory), paired run by run
(A B A B …) so that the machine's drift cancels:

- ``read_households`` as it is now (python-calamine), against the same
  function in the openpyxl reader it replaced (the tree of commit
  ``BASELINE``, unpacked with ``git archive`` into a temporary folder);
- bare python-calamine row iteration against bare openpyxl read-only
  iteration (the two floors).

One process per read: ``--read new|old|calamine|openpyxl FILE`` reads once and
prints the rows read. Prints a Markdown table of medians.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The last commit whose reader was openpyxl's read-only mode.
BASELINE = "ba14ec3"


def read_once(how: str, path: str) -> int:
    """One read of the file; the number of households (or rows, for the floors)."""
    if how in ("new", "old"):
        from db.excel import read_households

        result = read_households(path)
        assert not result.problems, result.problems[:3]
        return len(result.items)
    if how == "calamine":
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(path)
        return sum(1 for name in book.sheet_names
                   for _row in book.get_sheet_by_name(name).iter_rows())
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    return sum(1 for sheet in workbook.worksheets for _row in sheet.iter_rows(values_only=True))


def _baseline_tree(folder: Path) -> Path:
    tree = folder / "baseline"
    tree.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", BASELINE, "allocation", "db"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def _paired(a: list[str], b: list[str], runs: int) -> dict[str, str]:
    """Medians over ``runs`` pairs: "A cpu s", "B cpu s", "A/B cpu", "A/B wall", "A peak MiB"…"""
    from bench.bench_import import paired

    pairs = paired(a, b, runs)
    med = statistics.median
    medians = {}
    for name, side in (("A", 0), ("B", 1)):
        medians[f"{name} cpu s"] = f"{med(p[side][0] for p in pairs):.1f}"
        medians[f"{name} peak MiB"] = f"{med(p[side][2] for p in pairs):,.0f}"
    medians["A/B cpu"] = f"{med(p[0][0] / p[1][0] for p in pairs):.3f}"
    medians["A/B wall"] = f"{med(p[0][1] / p[1][1] for p in pairs):.3f}"
    return medians


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--read", choices=("new", "old", "calamine", "openpyxl"))
    parser.add_argument("file", nargs="?")
    args = parser.parse_args()
    if args.read:
        print(read_once(args.read, args.file))
        return 0
    sys.path.insert(0, str(ROOT))
    from bench.make_big_xlsx import make_households_xlsx

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "households.xlsx"
        households, members = make_households_xlsx(path, args.households)
        me = [sys.executable, str(Path(__file__).resolve())]
        old = ["env", f"PYTHONPATH={_baseline_tree(Path(folder))}", *me]
        rows = [("read_households: calamine (A) vs the openpyxl reader (B)",
                 _paired([*me, "--read", "new", str(path)],
                       [*old, "--read", "old", str(path)], args.runs)),
                ("bare rows: calamine (A) vs openpyxl read-only (B)",
                 _paired([*me, "--read", "calamine", str(path)],
                       [*me, "--read", "openpyxl", str(path)], args.runs))]
    print(f"{households:,} households, {members:,} members "
          f"({households + members + 2:,} rows), medians of {args.runs} paired runs\n")
    print("| what | A cpu s | B cpu s | A/B cpu | A/B wall | A peak MiB | B peak MiB |\n"
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, m in rows:
        print(f"| {label} | {m.get('A cpu s')} | {m.get('B cpu s')} | {m.get('A/B cpu')} | "
              f"{m.get('A/B wall')} | {m.get('A peak MiB')} | {m.get('B peak MiB')} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
