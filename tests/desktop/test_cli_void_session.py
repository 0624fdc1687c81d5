"""`anju retract-draw` refused in words once a session uses the draw; `anju void-session`."""

from __future__ import annotations

from datetime import date

from db.selection import open_session
from db.store.engine import make_engine, make_session_factory
from desktop.cli.main import main

SOURCES = ["931", "2 5 12 18 26 33", "7 14 21 28 35 3"]


def _draw(url: str, out) -> int:
    args = ["--db", url, "--lang", "en", "draw", "--project", "demo", "--out", str(out)]
    for source in SOURCES:
        args += ["--source", source]
    return main(args)


def _open_session(url: str) -> None:
    engine = make_engine(url)
    try:
        with make_session_factory(engine).begin() as s:
            from db import registry
            open_session(s, project_id=registry.find_project(s, "demo"), operator="sup",
                         held_on=date(2026, 11, 1))
    finally:
        engine.dispose()


def test_retract_refused_while_a_session_uses_the_draw_then_void_lets_it_go(
        demo_url, tmp_path, capsys):
    url = demo_url
    assert main(["--db", url, "--lang", "en", "pool", "publish", "--project", "demo"]) == 0
    assert _draw(url, tmp_path / "draw.json") == 0
    _open_session(url)
    capsys.readouterr()
    retract = ["--db", url, "--lang", "en", "retract-draw", "--project", "demo",
               "--reason", "公证员未到场"]
    assert main(retract) == 1
    said = capsys.readouterr().err
    assert "draw 1 cannot be retracted" in said and "(under way, 0 flats chosen)" in said
    assert "void the session first" in said
    assert main(["--db", url, "--lang", "zh_CN", *retract[4:]]) == 1
    assert "不能撤回" in capsys.readouterr().err
    void = ["--db", url, "--lang", "en", "void-session", "--project", "demo"]
    assert main([*void, "--reason", " "]) == 1  # a reason is required
    capsys.readouterr()
    assert main([*void, "--reason", "现场秩序混乱"]) == 0
    assert "voided: 0 choices kept" in capsys.readouterr().out
    assert main(retract) == 0
    assert "retracted" in capsys.readouterr().out
    assert main(["--db", url, "--lang", "en", "audit", "verify", "--project", "demo"]) == 0
