"""The void notice and the session plan's schedule are registered publications (issue 18):
each printing is the next 第N版 of its kind, `anju publication verify` accepts the file as
printed and names a changed one, and objections are recorded against them."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from db import publications, registry
from db.store import make_engine, upgrade
from db.store.engine import make_session_factory
from desktop.cli.main import main
from tests.db.test_selection import build_drawn_project
from tests.desktop.test_cli_void_session import _choose_first, _draw, _open_session
from tests.printouts.readback import read_back, squeeze


def run(db_url: str, *args: str) -> int:
    return main(["--db", db_url, "--lang", "en", *args])


def text_of(pdf: Path) -> str:
    return squeeze(read_back(pdf.read_bytes(), 0).text)


def changed_copy(pdf: Path, folder: Path) -> Path:
    """The same PDF with one comment line added after its end: every reader shows the same."""
    changed = folder / f"changed-{pdf.name}"
    changed.write_bytes(pdf.read_bytes().replace(b"%%EOF", b"%%EOF\n%", 1))
    return changed


def registered(url: str, project: str, kind: str) -> list[publications.PublishedNotice]:
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as s:
            return publications.list_publications(s, registry.find_project(s, project), kind)
    finally:
        engine.dispose()


def test_the_void_notice_is_registered_and_verified_and_its_reprint_is_version_2(
        demo_url, tmp_path, capsys):
    """One household chose, the session is voided with --notice, then the notice is printed
    again with `anju print notice-void`.

    By hand: the first is 第1版 (posted today for 7 days, the default), the reprint 第2版;
    both verify against the registry and the chain; a copy with one byte added after
    %%EOF is no registered notice; an objection to it is recorded against 第2版, the newest.
    """
    url = demo_url
    assert run(url, "pool", "publish", "--project", "demo") == 0
    assert _draw(url, tmp_path / "draw.json") == 0
    _open_session(url)
    code, _flat, _head = _choose_first(url)
    first = tmp_path / "void.pdf"
    capsys.readouterr()
    assert run(url, "void-session", "--project", "demo", "--reason", "摇号现场公证员缺席",
               "--notice", str(first)) == 0
    out = capsys.readouterr().out
    assert "registered as notice-void 第1版" in out
    text = text_of(first)
    assert "选房活动作废公告" in text and "（第1版）" in text and code in text
    assert "公示期：" in text and "共7日" in text
    assert run(url, "publication", "verify", str(first)) == 0
    out = capsys.readouterr().out
    assert "notice notice-void 第1版 of project demo" in out and "notice verified" in out

    second = tmp_path / "void-2.pdf"
    assert run(url, "print", "notice-void", "--project", "demo", "--out", str(second)) == 0
    assert "registered as notice-void 第2版" in capsys.readouterr().out
    assert "（第2版）" in text_of(second) and "摇号现场公证员缺席" in text_of(second)
    assert [n.version for n in registered(url, "demo", "notice-void")] == [1, 2]
    assert run(url, "publication", "verify", str(second)) == 0
    assert "notice-void 第2版" in capsys.readouterr().out
    assert run(url, "publication", "verify", str(changed_copy(first, tmp_path))) == 1
    assert "NOT A REGISTERED NOTICE" in capsys.readouterr().out

    assert run(url, "objection", "add", "--project", "demo", "--kind", "notice-void",
               "--name", "张三", "--item", f"户号{code}", "--text", "作废理由不实") == 0
    assert "to notice-void 第2版" in capsys.readouterr().out


def test_no_void_notice_before_a_session_is_voided(demo_url, tmp_path, capsys):
    pdf = tmp_path / "void.pdf"
    assert run(demo_url, "print", "notice-void", "--project", "demo", "--out", str(pdf)) == 1
    assert "no voided selection session" in capsys.readouterr().err
    assert not pdf.exists()


@pytest.fixture
def drawn(tmp_path: Path) -> str:
    """A drawn project of 12 households in a SQLite file (no plan stored)."""
    url = f"sqlite:///{tmp_path / 'anju.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    with make_session_factory(engine).begin() as s:
        build_drawn_project(s, name="东湖")
    engine.dispose()
    return url


def test_the_schedule_is_registered_and_verified_each_printing_the_next_version(
        drawn, tmp_path, capsys):
    """The schedule cut from the draw (6 a batch from 2026-12-20 08:30), then the plan stored
    and the schedule printed from it.

    By hand: 12 households in batches of 6 are 2 batches; the first printing is 第1版, the
    one from the stored plan 第2版 (the same kind: the schedule posted), each verified and
    posted from today to today + 6 (7 days, both ends counted); the
    appointment notices are letters, not registered; an objection to the schedule is
    recorded against 第2版.
    """
    url = drawn
    cut = ["--start", "2026-12-20T08:30", "--batch-size", "6"]
    first = tmp_path / "schedule.pdf"
    capsys.readouterr()
    assert run(url, "print", "schedule", "--project", "东湖", "--out", str(first), *cut) == 0
    assert "registered as schedule 第1版" in capsys.readouterr().out
    text = text_of(first)
    assert "选房时间安排表" in text and "（第1版）" in text and "分2批" in text
    assert "公示期：" in text
    assert run(url, "publication", "verify", str(first)) == 0
    assert "notice schedule 第1版 of project 东湖" in capsys.readouterr().out

    assert run(url, "plan", "set", "--project", "东湖", *cut) == 0
    second = tmp_path / "schedule-2.pdf"
    assert run(url, "print", "schedule", "--project", "东湖", "--out", str(second)) == 0
    assert "registered as schedule 第2版" in capsys.readouterr().out
    assert "（第2版）" in text_of(second)
    assert run(url, "publication", "verify", str(second)) == 0
    assert run(url, "publication", "verify", str(changed_copy(second, tmp_path))) == 1
    assert "NOT A REGISTERED NOTICE" in capsys.readouterr().out

    letters = tmp_path / "appointments.pdf"
    assert run(url, "print", "appointments", "--project", "东湖", "--out", str(letters)) == 0
    assert "registered as" not in capsys.readouterr().out
    notices = registered(url, "东湖", "schedule")
    assert [n.version for n in notices] == [1, 2]
    # --start 2026-12-20T08:30 is the first batch's time: the schedule is posted from the
    # day it is printed, for the default 7 days.
    today = date.today()
    assert (notices[0].period_start, notices[0].period_end) == (today, today + timedelta(6))
    assert run(url, "publication", "verify", str(letters)) == 1

    assert run(url, "objection", "add", "--project", "东湖", "--kind", "schedule",
               "--name", "李四", "--item", "第2批", "--text", "时段与上班时间冲突") == 0
    assert "to schedule 第2版" in capsys.readouterr().out
