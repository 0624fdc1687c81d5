"""Benchmark of the command line as whole processes: startup and the million-position order.

Run by hand: ``.venv/bin/python bench/bench_cli.py [--repeat N] [--million-repeat N]``.
Prints a Markdown table. Each command is a fresh process (``python -m
desktop.cli …``, what the ``anju`` script runs), its output read and thrown
away, run in turn with its floor (A B A B …, after one warm-up each) so that
the ratio holds when the shared machine's speed drifts:

- startup (`--help`, `order` of the RFC's pool of 25, `verify` of a sealed
  record) against ``python -c pass``, the bare interpreter;
- a million-position ``order --method rfc3797x-md5`` against a process doing
  only the hashing any implementation must do (``hashlib.md5`` of
  C || K || C for each counter, in a function, no selection, no output).

CPU seconds are the children's user + system time (``resource``), wall
seconds ``time.perf_counter``; each is shown as min / median / max, and the
ratio is of the medians.

Targets (issue 17): `--help`, `order`, `verify` start in <= 0.3 s; the
million-position order <= 4.5x the bare-hashlib floor.
"""

from __future__ import annotations

import argparse
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from allocation.lottery.record import build_record, dumps_record  # noqa: E402
from allocation.rules.ordering import PoolEntry  # noqa: E402

SOURCES = ["9319", "2 5 12 8 10", "9 18 26 34 41 45"]
SOURCE_ARGS = [arg for source in SOURCES for arg in ("--source", source)]
ANJU = [sys.executable, "-m", "desktop.cli"]
BARE = [sys.executable, "-c", "pass"]

# What a million-position draw cannot avoid: one MD5 of C || K || C per counter,
# built by one struct call as the draw does; locals in a function, as in the draw.
HASH_FLOOR = """
import hashlib, struct, sys
from allocation.lottery.rfc3797 import key_string

def floor(n, key):
    pack = struct.Struct(f">I{len(key)}sI").pack
    md5 = hashlib.md5
    for counter in range(n):
        md5(pack(counter, key, counter)).digest()

floor(int(sys.argv[1]), key_string(sys.argv[2:]).encode("ascii"))
"""


class Runs:
    """CPU and wall seconds of each counted run of one command."""

    def __init__(self, argv: Sequence[str]) -> None:
        self.argv = list(argv)
        self.cpu: list[float] = []
        self.wall: list[float] = []

    def run(self, *, counted: bool = True) -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(self.argv, cwd=ROOT, capture_output=True, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            raise SystemExit(f"{self.argv} failed:\n{done.stderr.decode(errors='replace')}")
        if counted:
            self.cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            self.wall.append(wall)


def paired(a: Sequence[str], b: Sequence[str], repeat: int) -> tuple[Runs, Runs]:
    """``a`` and ``b`` in turn, one warm-up each, then ``repeat`` counted runs each."""
    runs_a, runs_b = Runs(a), Runs(b)
    runs_a.run(counted=False)
    runs_b.run(counted=False)
    for _ in range(repeat):
        runs_a.run()
        runs_b.run()
    return runs_a, runs_b


def spread(values: Sequence[float]) -> str:
    return f"{min(values):.3f} / {statistics.median(values):.3f} / {max(values):.3f}"


def row(task: str, runs: Runs, floor: Runs, floor_name: str) -> str:
    ratio = statistics.median(runs.cpu) / statistics.median(floor.cpu)
    return (f"| {task} | {spread(runs.cpu)} | {spread(runs.wall)} | {floor_name} "
            f"{statistics.median(floor.cpu):.3f} | {ratio:.1f}x |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9, help="counted runs of each startup")
    parser.add_argument("--million-repeat", type=int, default=3,
                        help="counted runs of the million-position order")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        record_path = Path(folder) / "draw.json"
        pool = [PoolEntry(p, f"H{p:03d}") for p in range(1, 26)]
        record = build_record(pool=pool, sources=SOURCES, drawn_at="2026-05-09T10:00:00+08:00",
                              operator="bench")
        record_path.write_text(dumps_record(record), encoding="utf-8")
        startups = [
            ("`anju --help`", [*ANJU, "--help"]),
            ("`anju order` (RFC 3797 §6, 25 positions)", [*ANJU, "order", "--pool", "25",
                                                          *SOURCE_ARGS]),
            ("`anju verify` (a sealed record of 25)", [*ANJU, "verify", str(record_path)]),
        ]
        print(f"Python {platform.python_version()} on {platform.machine()}, whole processes, "
              f"min / median / max of {args.repeat} (startup) and {args.million_repeat} "
              "(million) runs\n")
        print("| command | CPU s | wall s | floor, median CPU s | ratio to floor (CPU) |")
        print("|---|---:|---:|---|---:|")
        for task, argv in startups:
            runs, floor = paired(argv, BARE, args.repeat)
            print(row(task, runs, floor, "`python -c pass`"), flush=True)
        million = [*ANJU, "order", "--method", "rfc3797x-md5", "--pool", "1000000",
                   *SOURCE_ARGS]
        runs, floor = paired(million, [sys.executable, "-c", HASH_FLOOR, "1000000", *SOURCES],
                             args.million_repeat)
        print(row("`anju order`, 1,000,000 positions, rfc3797x-md5", runs, floor,
                  "bare hashlib.md5"))


if __name__ == "__main__":
    main()
