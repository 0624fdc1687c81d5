"""Run every benchmark in turn and print their tables (by hand: `make bench`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ["bench_registry.py", "bench_reading.py", "bench_lottery.py", "bench_cli.py",
              "bench_printouts.py", "bench_session.py", "bench_chances.py"]


def main() -> int:
    failed = 0
    for name in BENCHMARKS:
        print(f"\n## {name}\n", flush=True)
        failed |= subprocess.run([sys.executable, str(HERE / name)], cwd=HERE.parent).returncode
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
