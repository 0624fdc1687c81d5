"""Benchmark of the RFC 3797 lottery: full orderings and their verification against a hash floor.

Run by hand: ``.venv/bin/python bench/bench_lottery.py [--repeat N]``. Prints a
Markdown table. The floor for a pool of P is the bare hash work the draw
cannot avoid: P ``hashlib.md5`` calls over the same counters and key
(C || K || C, built by the same ``struct`` call), with no selection.
Each time is the best of ``--repeat`` runs, because the machine is shared.

Targets: a million positions in <= 3 s and <= 2x the floor.
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import struct
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from allocation.lottery.record import build_record  # noqa: E402
from allocation.lottery.rfc3797 import METHODS, draw, draw_from_key, key_string  # noqa: E402
from allocation.lottery.verifier import first_mismatch, verify_record  # noqa: E402
from allocation.rules.ordering import PoolEntry  # noqa: E402

SOURCES = ["9319", "2 5 12 8 10", "9 18 26 34 41 45"]
KEY = key_string(SOURCES)
CASES = [(65_535, "rfc3797-md5"), (1_000_000, "rfc3797x-md5")]


def best_of(repeat: int, task: Callable[[], object]) -> float:
    """Fastest wall time of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return min(times)


def hash_floor(pool_size: int, method: str) -> None:
    """Only the digests: what any implementation of the method must compute."""
    spec = METHODS[method]
    width = "H" if spec.counter_bytes == 2 else "I"
    key = KEY.encode("ascii")
    pack = struct.Struct(f">{width}{len(key)}s{width}").pack
    md5 = hashlib.md5
    for counter in range(pool_size):
        md5(pack(counter, key, counter)).digest()


def verify_order(pool_size: int, method: str, order: tuple[int, ...]) -> None:
    """Verification of the ordering alone: re-draw from the key and compare."""
    if draw_from_key(pool_size, KEY, method, steps=False).order != order:
        raise AssertionError("order does not verify")


def verify_whole_record(record: dict[str, object]) -> None:
    """Verification of the draw record: every check of ``allocation.verify``."""
    failed = first_mismatch(verify_record(record))
    if failed is not None:
        raise AssertionError(f"record does not verify: {failed}")


def measure_case(pool_size: int, method: str, repeat: int) -> list[tuple[str, float]]:
    """(task, seconds) rows for one pool size."""
    with_steps = pool_size <= 65_535
    run = draw(pool_size, SOURCES, method, steps=False)
    pool = [PoolEntry(p, f"H{p:07d}") for p in range(1, pool_size + 1)]
    record = build_record(
        pool=pool,
        sources=SOURCES,
        method=method,
        drawn_at="2026-05-09T10:00:00+08:00",
        operator="bench",
        include_steps=with_steps,
    )
    rows = [
        ("floor: bare hashlib.md5", best_of(repeat, lambda: hash_floor(pool_size, method))),
        (
            "draw, order only",
            best_of(repeat, lambda: draw(pool_size, SOURCES, method, steps=False)),
        ),
    ]
    if with_steps:
        rows.append(
            (
                "draw + step table",
                best_of(repeat, lambda: draw(pool_size, SOURCES, method, steps=True)),
            )
        )
    rows.append(
        (
            "verify: re-draw + compare order",
            best_of(repeat, lambda: verify_order(pool_size, method, run.order)),
        )
    )
    label = (
        "verify_record (steps, pool, final order, hashes)"
        if with_steps
        else ("verify_record (no step table; pool, final order, hashes)")
    )
    rows.append((label, best_of(repeat, lambda: verify_whole_record(record))))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}, best of {args.repeat}\n")
    print("| task | positions | method | time (s) | floor (s) | ratio to floor |")
    print("|---|---:|---|---:|---:|---:|")
    for pool_size, method in CASES:
        rows = measure_case(pool_size, method, args.repeat)
        floor = rows[0][1]
        for task, seconds in rows:
            print(
                f"| {task} | {pool_size:,} | {method} | {seconds:.3f} | {floor:.3f} "
                f"| {seconds / floor:.2f}x |"
            )


if __name__ == "__main__":
    main()
