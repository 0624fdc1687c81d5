"""Benchmark of each household's chances (allocation.chances): replays of the session.

Run by hand: ``.venv/bin/python bench/bench_chances.py [--repeat N]``. Prints a
Markdown table. Two cases:

* the demo project (199 households, its flats and rules), 2,000 replays;
* the generated project of ``bench_session.py`` (10,000 households, 11,000
  flats, the demo rules), 200 replays.

Most households (four in five) are given an intention: their layouts in a
random order, sometimes a building or a floor range; the rest are unknown.
The order is a random permutation (as a draw gives). Each time is the best
of ``--repeat`` runs (the machine is shared); the eligibility (computed once
by the desk's rules) is outside the timed part, the figures' set-up
(eligible flats per household, cells, bounds) inside it.

Targets: 199 × 2,000 in ≤ 5 s; 10,000 × 200 in ≤ 60 s.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from allocation.chances import Intention, chances_seed, compute_chances  # noqa: E402
from allocation.demo.policy import demo_policy  # noqa: E402
from allocation.demo.register import DEMO_TODAY, demo_flats, demo_households  # noqa: E402
from allocation.lottery.mechanisms import eligibility_of  # noqa: E402
from allocation.registry import Flat, Household  # noqa: E402
from bench.bench_session import HELD_ON, flats, households  # noqa: E402

SEED = chances_seed("5eed" * 16)


def intentions(codes: list[str], stock: list[Flat], rng: random.Random) -> dict[str, Intention]:
    layouts = sorted({f.layout for f in stock})
    buildings = sorted({f.building for f in stock})
    made = {}
    for code in codes:
        if rng.random() < 0.2:
            continue  # unknown
        wanted = rng.sample(layouts, rng.randint(1, min(3, len(layouts))))
        where = tuple(rng.sample(buildings, 2)) if rng.random() < 0.3 else ()
        low = rng.choice((None, None, 2, 4))
        made[code] = Intention(tuple(wanted), where, low, None)
    return made


def case(people: list[Household], stock: list[Flat], on: object,
         rng: random.Random) -> tuple[list[str], dict, list[Flat], dict[str, Intention]]:
    policy = demo_policy()
    eligibility = {h.code: eligibility_of(h, policy, on) for h in people}  # type: ignore[arg-type]
    order = [h.code for h in people]
    rng.shuffle(order)
    return order, eligibility, stock, intentions(order, stock, rng)


def measure(label: str, inputs: tuple, replays: int,
            repeat: int) -> tuple[str, int, int, int, float, float]:
    """(label, households, flats, replays, best wall seconds, best CPU seconds of this process).

    The CPU time shows what the machine's other load took from the wall time.
    """
    order, eligibility, stock, wished = inputs
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        compute_chances(order, eligibility, stock, wished, replays=replays, seed=SEED)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return label, len(order), len(stock), replays, best, best_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(7)
    demo = case(demo_households(), demo_flats(), DEMO_TODAY, rng)
    big_rng = random.Random(1)
    big = case(households(10_000, big_rng), flats(11_000, big_rng), HELD_ON, rng)
    print(f"Python {platform.python_version()} on {platform.machine()}, best of {args.repeat}\n")
    print("| case | households | flats | replays | time (s) | CPU (s) | replays per second "
          "| target |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for (label, n, f, replays, seconds, cpu), target in (
            (measure("demo project", demo, 2_000, args.repeat), "≤ 5 s"),
            (measure("generated project", big, 200, max(1, args.repeat - 2)), "≤ 60 s")):
        print(f"| {label} | {n:,} | {f:,} | {replays:,} | {seconds:.2f} | {cpu:.2f} | "
              f"{replays / seconds:,.1f} | {target} |")


if __name__ == "__main__":
    main()
