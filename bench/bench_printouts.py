"""Benchmark of the printouts: 199 agreements in one PDF, and the household notice of 10,000.

Run by hand: ``.venv/bin/python bench/bench_printouts.py [--repeat N]``. Prints a
Markdown table. The floor of a document is bare ReportLab laying out the same
text and tables: the document's own flowables (built afresh each run, as the
document does) in a ``SimpleDocTemplate`` with the same page size, margins,
embedded font and stream encoding, on a plain canvas. What the floor leaves
out is what ``printouts`` adds: running headers and footers, page x of y
(every page held back until the end), per-agreement page numbering, the
watermark check, the scan for characters the font lacks. Each time is the
best of ``--repeat`` runs, because the machine is shared.

The agreements come from the demo with one flat chosen per household, as in
the tests (``tests/printouts/selection_inputs.py``).

Targets: 199 agreements in <= 3 s; each document <= 1.5x its floor.
"""

from __future__ import annotations

import argparse
import io
import platform
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import reportlab  # noqa: E402
from reportlab import rl_config  # noqa: E402
from reportlab.lib import rl_accel  # noqa: E402
from reportlab.platypus import NextPageTemplate, SimpleDocTemplate  # noqa: E402

from allocation.demo.policy import demo_policy  # noqa: E402
from allocation.demo.register import DEMO_PROJECT_NAME, DEMO_TODAY, demo_households  # noqa: E402
from allocation.rules.entitlement import compute_entitlement  # noqa: E402
from allocation.rules.policy import policy_sha256  # noqa: E402
from allocation.rules.priority import assign_group  # noqa: E402
from printouts import (  # noqa: E402
    Agreement,
    BaseDocument,
    DocumentInfo,
    HouseholdLine,
    HouseholdNotice,
    Publication,
    register_font,
)
from tests.printouts.selection_inputs import agreements  # noqa: E402

NOTICE_HOUSEHOLDS = 10_000
AGREEMENT_TARGET_S = 3.0
RATIO_TARGET = 1.5


def best_of_both(
    repeat: int, task: Callable[[], object], floor_task: Callable[[], object]
) -> tuple[float, float]:
    """Fastest wall times of ``repeat`` runs each, task and floor taking turns (fair under load)."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for measured, run in zip(times, (task, floor_task), strict=True):
            start = time.perf_counter()
            run()
            measured.append(time.perf_counter() - start)
    return min(times[0]), min(times[1])


def info() -> DocumentInfo:
    return DocumentInfo(
        project=DEMO_PROJECT_NAME,
        audit_head="c0ffee" + "d" * 58,
        printed_at=datetime(2026, 11, 23, 9, 30),
        policy_sha256=policy_sha256(demo_policy()),
    )


def notice_lines(count: int) -> list[HouseholdLine]:
    """``count`` lines cycling through the demo households, with entitlements and groups."""
    policy, households = demo_policy(), demo_households()
    known = [
        (h, compute_entitlement(h, policy, DEMO_TODAY).area, assign_group(h, policy, DEMO_TODAY))
        for h in households
    ]
    lines = []
    for n in range(count):
        h, entitlement, group = known[n % len(known)]
        lines.append(HouseholdLine(code=f"H{n + 1:05d}", head_name=h.head_name,
                                   people=len(h.members), recognised=h.recognised_count,
                                   legal_area=h.legal_area, entitlement=entitlement,
                                   group=group.name))  # fmt: skip
    return lines


def floor(document: BaseDocument) -> bytes:
    """Bare ReportLab: the document's flowables on plain pages, nothing added."""
    register_font()
    story = [*document._title_block(), *document._story()]
    story = [f for f in story if not isinstance(f, NextPageTemplate)]  # one page template here
    buffer = io.BytesIO()
    before, rl_config.useA85 = rl_config.useA85, 0  # the documents' stream encoding
    try:
        SimpleDocTemplate(
            buffer, pagesize=document.pagesize,
            leftMargin=document.left_margin, rightMargin=document.right_margin,
            topMargin=document.top_margin, bottomMargin=document.bottom_margin,
        ).build(story)  # fmt: skip
    finally:
        rl_config.useA85 = before
    return buffer.getvalue()


def cases() -> list[tuple[str, int, Callable[[], BaseDocument], float | None]]:
    """(name, items, document factory, time target in s or None)."""
    batch = agreements()
    lines = notice_lines(NOTICE_HOUSEHOLDS)
    publication = Publication(start=date(2026, 11, 23), end=date(2026, 11, 29), office="指挥部")
    return [
        ("安置协议书 agreements, one PDF", len(batch), lambda: Agreement(info(), batch),
         AGREEMENT_TARGET_S),
        ("被安置户公示 household notice", len(lines),
         lambda: HouseholdNotice(info(), lines, publication), None),
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    register_font()
    accel = "with" if "instanceStringWidthTTF" in getattr(rl_accel, "_c_funcs", {}) else "without"
    print(f"Python {platform.python_version()} on {platform.machine()}, ReportLab "
          f"{reportlab.Version} {accel} rl-accel, best of {args.repeat}\n")  # fmt: skip
    print("| document | items | pages | time (s) | floor (s) | ratio to floor | target |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, items, make, target in cases():
        pages = make().render(io.BytesIO())
        seconds, bare = best_of_both(
            args.repeat, lambda make=make: make().render_bytes(), lambda make=make: floor(make())
        )
        ratio = seconds / bare
        goals = [f"<= {target:g} s" if target else "", f"<= {RATIO_TARGET:g}x"]
        met = (target is None or seconds <= target) and ratio <= RATIO_TARGET
        verdict = " and ".join(filter(None, goals)) + (": met" if met else ": MISSED")
        print(f"| {name} | {items:,} | {pages:,} | {seconds:.2f} | {bare:.2f} | {ratio:.2f}x "
              f"| {verdict} |")  # fmt: skip


if __name__ == "__main__":
    main()
