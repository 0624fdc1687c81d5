"""`anju plan set|show`, and `anju print schedule|appointments` printing the stored plan.

The demo drawn: 199 households. The plan stored: batches of 100, one a day from
2026-12-20 08:30, 3 minutes each, lunch 12:00–14:00. By hand: 08:30–12:00 holds
210 / 3 = 70 windows, so batch 1 (numbers 1–100) goes on from 14:00 for 30 more,
to 15:30; batch 2 (101–199, 99 households) on 2026-12-21 ends 29 × 3 = 87 min after
14:00, at 15:27. Number 71 is the first after lunch: 14:00–14:03.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from pypdf import PdfReader

from desktop.cli.main import main

SOURCES = ["931", "2 5 12 18 26 33", "7 14 21 28 35 3"]
CUT = ["--batch-size", "100", "--start", "2026-12-20T08:30", "--minutes", "3",
       "--break", "12:00-14:00"]


def _text(path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(path).pages))


def run(url: str, *args: str) -> int:
    return main(["--db", url, "--lang", "en", *args])


@pytest.fixture(scope="module")
def drawn(tmp_path_factory, demo_template):
    """The demo drawn (no session): (url, final order, folder)."""
    folder = tmp_path_factory.mktemp("stored-plan")
    shutil.copy(demo_template, folder / "demo.sqlite3")
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    assert run(url, "pool", "publish", "--project", "demo") == 0
    args = ["draw", "--project", "demo", "--out", str(folder / "draw.json")]
    for source in SOURCES:
        args += ["--source", source]
    assert run(url, *args) == 0
    record = json.loads((folder / "draw.json").read_text(encoding="utf-8"))
    return url, record["final_order"], folder


def test_store_show_and_print_the_plan(drawn, capsys):
    url, order, folder = drawn
    assert run(url, "plan", "show", "--project", "demo") == 1
    assert "has no stored session plan" in capsys.readouterr().out
    assert run(url, "print", "schedule", "--project", "demo", "--out",
               str(folder / "none.pdf")) == 1
    assert "no stored session plan" in capsys.readouterr().err
    assert run(url, "plan", "set", "--project", "demo", "--start", "2026-12-20T08:30") == 2
    assert run(url, "plan", "set", "--project", "demo", *CUT, "--venue", "社区服务中心") == 0
    assert ("stored session plan version 1: 2 batches, 199 households, at 社区服务中心"
            in capsys.readouterr().out)
    assert run(url, "plan", "show", "--project", "demo") == 0
    shown = capsys.readouterr().out
    assert "batch 1: 2026-12-20 08:30–15:30, numbers 1–100 (100 households), 3 min" in shown
    assert "batch 2: 2026-12-21 08:30–15:27, numbers 101–199 (99 households)" in shown
    assert run(url, "plan", "show", "--project", "demo", "--json") == 0
    stored = json.loads(capsys.readouterr().out)
    assert stored["batches"][1] == {"date": "2026-12-21", "start": "08:30", "minutes": 3,
                                    "size": 100, "break": {"start": "12:00", "end": "14:00"}}
    # Printed without batch options: the stored plan, and its venue.
    out = folder / "schedule.pdf"
    assert run(url, "print", "schedule", "--project", "demo", "--out", str(out)) == 0
    text = _text(out)
    assert "分2批" in text and "社区服务中心" in text
    assert "08:30—12:00、14:00—15:301—100100" in text
    assert "08:30—12:00、14:00—15:27101—19999" in text
    one = folder / "one.pdf"
    assert run(url, "print", "appointments", "--project", "demo", "--out", str(one),
               "--household", order[70]) == 0
    assert "选房顺序号为第71号，安排在第1批。请于2026年12月20日（星期日）14:00—14:03到" in (
        _text(one))
    # Options that cut the order otherwise are refused while a plan is stored.
    capsys.readouterr()
    assert run(url, "print", "schedule", "--project", "demo", "--out",
               str(folder / "other.pdf"), "--batch-size", "40", "--start",
               "2026-12-20T08:30") == 1
    assert "has a stored session plan (version 1)" in capsys.readouterr().err
    assert not (folder / "other.pdf").exists()
    assert run(url, "audit", "verify") == 0
