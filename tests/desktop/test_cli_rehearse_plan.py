"""`anju rehearse` over a stored plan of two batches: the figures of each batch at the end.

build_drawn_project's 12 households, every one of them finding a flat, cut
by ``plan set --batch-size 6 --per-day 1`` from 2026-12-20: batch 1 on the
20th (order 1…6), batch 2 on the 21st (order 7…12). Nobody is absent, so by
hand: batch 1 serves 6 and leaves 12 − 6 = 6, batch 2 serves 6 and leaves 0.
"""

from __future__ import annotations

from pathlib import Path

from db.store.engine import open_database
from desktop.cli.main import main
from tests.db.test_selection import build_drawn_project

PROJECT = "演练项目"


def test_rehearse_prints_each_batch_of_the_stored_plan(tmp_path: Path, capsys):
    url = f"sqlite:///{tmp_path / 'rehearse.sqlite3'}"
    engine, factory = open_database(url)
    with factory.begin() as s:
        build_drawn_project(s, name=PROJECT)
    engine.dispose()
    cli = ["--db", url, "--lang", "en"]
    assert main([*cli, "--user", "sup", "plan", "set", "--project", PROJECT,
                 "--start", "2026-12-20T08:30", "--batch-size", "6"]) == 0
    capsys.readouterr()
    assert main([*cli, "rehearse", "--project", PROJECT, "--seed", "4"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2:] == [
        "batch 1 (2026-12-20): 6 households, 6 chose a flat, 0 took none, 0 absent, "
        "6 remaining",
        "batch 2 (2026-12-21): 6 households, 6 chose a flat, 0 took none, 0 absent, "
        "0 remaining"]
    # Run again: the session is closed, nothing is played, the figures are printed in Chinese.
    assert main(["--db", url, "--lang", "zh_CN", "rehearse", "--project", PROJECT]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "第 2 批（2026-12-21）：共 6 户，6 户选定房源，0 户未选房，0 户缺席，尚余 0 户")
