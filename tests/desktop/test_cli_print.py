"""`anju print notice-rules|notice-pool|notice-draw`: refused without data, then read back."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from pypdf import PdfReader

from allocation.lottery.record import pool_sha256
from desktop.cli.main import main
from desktop.printing.documents import KINDS
from tests.printouts.readback import id_number_in

SOURCES = ["931", "2 5 12 18 26 33", "7 14 21 28 35 3"]


def _text(path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(path).pages))


def _print(url: str, kind: str, out) -> int:
    return main(
        [
            "--db",
            url,
            "--lang",
            "en",
            "print",
            kind,
            "--project",
            "demo",
            "--out",
            str(out),
            "--start",
            "2026-11-23",
        ]
    )


@pytest.fixture(scope="module")
def drawn(tmp_path_factory, demo_template):
    """The demo project with its pool published and drawn; (url, draw record, folder)."""
    folder = tmp_path_factory.mktemp("print")
    shutil.copy(demo_template, folder / "demo.sqlite3")
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    assert _print(url, "notice-pool", folder / "early.pdf") == 1  # no pool yet
    assert main(["--db", url, "--lang", "en", "pool", "publish", "--project", "demo"]) == 0
    args = [
        "--db",
        url,
        "--lang",
        "en",
        "draw",
        "--project",
        "demo",
        "--out",
        str(folder / "draw.json"),
        "--witness",
        "公证员:王公证",
    ]
    assert _print(url, "notice-draw", folder / "early.pdf") == 1  # not drawn yet
    for source in SOURCES:
        args += ["--source", source]
    assert main(args) == 0
    record = json.loads((folder / "draw.json").read_text(encoding="utf-8"))
    return url, record, folder


def test_kinds_offered():
    assert {"notice-rules", "notice-pool", "notice-draw"} <= set(KINDS)


@pytest.mark.parametrize("kind", ["notice-rules", "notice-pool", "notice-draw"])
def test_print_each_notice(drawn, kind, capsys):
    url, record, folder = drawn
    out = folder / f"{kind}.pdf"
    assert _print(url, kind, out) == 0
    assert "wrote" in capsys.readouterr().out
    text = _text(out)
    assert not id_number_in(text)
    assert record["policy_sha256"] in text
    if kind == "notice-rules":
        assert "分房方案公示" in text and "一、安置面积" in text
    elif kind == "notice-pool":
        assert "摇号名单公示" in text
        assert pool_sha256([e["code"] for e in record["pool"]]) in text
        assert all(source.replace(" ", "") in text for source in SOURCES)
    else:
        assert "摇号结果公示" in text and record["record_sha256"] in text
        codes = [c for c in re.findall(r"D\d{3}", text) if c in set(record["final_order"])]
        assert codes[: len(record["final_order"])] == record["final_order"]
