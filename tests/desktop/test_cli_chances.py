"""`anju chances`: the table of each household's chances from the stored draw."""

from __future__ import annotations

from pathlib import Path

from db.store.engine import open_database
from desktop.cli.main import main
from tests.db.test_selection import build_drawn_project

PROJECT = "机会项目"


def _drawn(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'chances.sqlite3'}"
    engine, factory = open_database(url)
    with factory.begin() as s:
        build_drawn_project(s, name=PROJECT, households=6)
    engine.dispose()
    return url


def test_chances_prints_method_seed_and_a_line_per_layout(tmp_path, capsys) -> None:
    """The first household has nobody ahead: its guaranteed figure is its flats and its chance
    100.0%; the seed (64 hex digits) and the replays are printed before the table."""
    url = _drawn(tmp_path)
    args = ["--db", url, "--lang", "en", "chances", "--project", PROJECT, "--replays", "40"]
    assert main(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"chances of {PROJECT} after the draw: method anju-chances/1, "
                             "40 replays, seed ")
    assert len(out[0].rsplit(" ", 1)[1]) == 64
    assert "never a promise" in out[1]
    assert out[2].split("\t")[0] == "place"
    first = [line.split("\t") for line in out[3:] if line.startswith("1\t")]
    assert first and all(row[3] == row[5] and row[4] == "0" and row[6] == "100.0%"
                         for row in first)
    code = first[0][1]
    assert main([*args, "--household", code]) == 0
    only = capsys.readouterr().out.splitlines()[3:]
    assert only and all(line.split("\t")[1] == code for line in only)
    assert main([*args, "--household", "NOPE"]) != 0
