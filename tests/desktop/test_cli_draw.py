"""`anju pool publish`, `anju draw`, `anju retract-draw`, and `anju demo --out`'s draw.json."""

from __future__ import annotations

import json

import pytest

from allocation.lottery.verifier import first_mismatch, verify_record
from desktop.cli.main import main

SOURCES = ["931", "2 5 12 18 26 33", "7 14 21 28 35 3"]


def _draw_args(url: str, out) -> list[str]:
    args = ["--db", url, "--lang", "en", "draw", "--project", "demo", "--out", str(out),
            "--witness", "公证员:王公证", "--witness", "监督员：李监督"]
    for source in SOURCES:
        args += ["--source", source]
    return args


def test_demo_publish_draw_verify_retract(demo_url, tmp_path, capsys):
    url = demo_url
    out = tmp_path / "DRAW.json"
    assert main(_draw_args(url, out)) == 1  # no pool published yet
    assert "pool" in capsys.readouterr().err
    assert main(["--db", url, "--lang", "en", "pool", "publish", "--project", "demo"]) == 0
    assert "199 households" in capsys.readouterr().out
    assert main(_draw_args(url, out)) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["witnesses"][1] == {"role": "监督员", "name": "李监督"}
    assert main(["--lang", "en", "verify", str(out)]) == 0
    capsys.readouterr()
    assert main(_draw_args(url, tmp_path / "again.json")) == 1  # exactly once
    assert main(["--db", url, "--lang", "en", "retract-draw", "--project", "demo",
                 "--reason", "公证员未到场"]) == 0
    assert "retracted" in capsys.readouterr().out
    assert main(_draw_args(url, tmp_path / "again.json")) == 0
    assert main(["--lang", "en", "verify", str(tmp_path / "again.json")]) == 0
    assert main(["--db", url, "--lang", "en", "audit", "verify", "--project", "demo"]) == 0


# Shares the drawn, rehearsed demo (`anju demo --out`), built once per run in ~10 s:
# the full run's work, not testfast's.
@pytest.mark.slow
def test_demo_out_writes_a_draw_that_verifies(demo_out, capsys):
    url, out = demo_out.url, demo_out.out
    record = json.loads((out / "draw.json").read_text(encoding="utf-8"))
    assert first_mismatch(verify_record(record)) is None
    assert len(record["pool"]) == 199
    assert main(["--lang", "en", "verify", str(out / "draw.json")]) == 0
    assert main(["--db", url, "--lang", "en", "audit", "verify"]) == 0
