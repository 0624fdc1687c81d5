"""`anju rehearse`, its resumption after `kill -9`, `anju summary`'s session counts, `anju demo`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

import db.registry.operations as registry
import db.selection.desk as selection
from db.records.tables import SelectionTurnRecord
from db.selection.base import FINISHED
from db.store.engine import make_engine, make_session_factory, open_database
from desktop.cli.main import main
from tests.db.test_selection import build_drawn_project, check_invariants

# Rehearses whole sessions, one of them killed and resumed in a second process.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PROJECT = "演练项目"


def _drawn(tmp_path: Path, *, households: int = 12, rehearsal: bool = True) -> str:
    url = f"sqlite:///{tmp_path / 'rehearse.sqlite3'}"
    engine, factory = open_database(url)
    with factory.begin() as s:
        build_drawn_project(s, name=PROJECT, households=households, rehearsal=rehearsal)
    engine.dispose()
    return url


def _cli(url: str, *args: str) -> list[str]:
    return ["--db", url, "--lang", "en", *args]


def _summary(url: str, capsys) -> dict:
    capsys.readouterr()
    assert main(_cli(url, "summary", "--project", PROJECT, "--json")) == 0
    return json.loads(capsys.readouterr().out)


def test_rehearse_runs_the_session_and_a_second_run_resumes(tmp_path, capsys):
    url = _drawn(tmp_path)
    before = _summary(url, capsys)
    assert before["selected_households"] == before["households_done"] == 0
    args = _cli(url, "rehearse", "--project", PROJECT, "--seed", "2", "--absent-rate", "0.5")
    assert main(args) == 0
    out = capsys.readouterr().out
    assert f"rehearsal of {PROJECT}: 12 households" in out and "closed" in out
    assert main(args) == 0
    assert f"resumed the selection session of {PROJECT}" in capsys.readouterr().out
    after = _summary(url, capsys)
    assert after["households_done"] == 12
    assert after["selected_households"] == after["flats_selected"]
    assert after["flats_by_status"]["selected"] == after["flats_selected"] > 0
    assert main(_cli(url, "audit", "verify", "--project", PROJECT)) == 0


def test_rehearse_refuses_a_real_project_and_a_bad_rate(tmp_path, capsys):
    url = _drawn(tmp_path, households=3, rehearsal=False)
    assert main(_cli(url, "rehearse", "--project", PROJECT)) == 1
    assert "is not a rehearsal project" in capsys.readouterr().err
    try:
        main(_cli(url, "rehearse", "--project", PROJECT, "--absent-rate", "1.5"))
    except SystemExit as usage:
        assert usage.code == 2
    else:
        raise AssertionError("an absent rate above 1 was accepted")


def _finished(url: str) -> int:
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as s:
            return s.scalar(select(func.count()).select_from(SelectionTurnRecord)
                            .where(SelectionTurnRecord.state.in_(FINISHED))) or 0
    finally:
        engine.dispose()


def test_a_rehearsal_killed_mid_session_resumes_complete_and_consistent(tmp_path, capsys):
    """kill -9 in the middle of the session, run again: every household done once, no flat
    twice, flats marked, and the audit log still replays to exactly the data."""
    url = _drawn(tmp_path, households=30)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("ANJU_DATABASE_URL", None)
    command = [sys.executable, "-m", "desktop.cli", *_cli(
        url, "rehearse", "--project", PROJECT, "--seed", "4", "--absent-rate", "0.2",
        "--pause-ms", "60")]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while _finished(url) < 8:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "the rehearsal made no progress"
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    assert process.returncode == -signal.SIGKILL
    done_at_kill = _finished(url)
    assert 8 <= done_at_kill < 30
    assert main(_cli(url, "rehearse", "--project", PROJECT, "--seed", "4",
                     "--absent-rate", "0.2")) == 0
    assert "resumed" in capsys.readouterr().out
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as s:
            project_id = registry.find_project(s, PROJECT)
            turns = selection.session_turns(s, project_id)
            check_invariants(s, project_id)
    finally:
        engine.dispose()
    assert len(turns) == len({t.code for t in turns}) == 30
    assert all(t.state in FINISHED for t in turns)
    assert main(_cli(url, "audit", "verify")) == 0


def test_demo_rehearses_a_session_unless_told_not_to(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert main(_cli(url, "demo", "--out", str(tmp_path / "drawn"), "--no-session")) == 0
    drawn = json.loads((tmp_path / "drawn" / "summary.json").read_text(encoding="utf-8"))
    assert drawn["selected_households"] == drawn["households_done"] == 0
    assert main(_cli(url, "demo", "--replace", "--out", str(tmp_path / "full"))) == 0
    full = json.loads((tmp_path / "full" / "summary.json").read_text(encoding="utf-8"))
    assert full["households_done"] == full["households"] == 199
    # 一户多套: a household entitled to 120 m² or more may take a second flat.
    assert 150 < full["selected_households"] < full["flats_selected"] <= 2 * 199
    assert main(_cli(url, "audit", "verify")) == 0
