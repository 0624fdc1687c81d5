"""`anju print schedule|appointments`: the session plan from the stored draw, read back."""

from __future__ import annotations

import json
import math
import re
import shutil
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from allocation.demo.register import demo_households
from allocation.registry import mask_name
from db import selection
from db.registry import find_project
from db.store.engine import make_engine, make_session_factory
from desktop.cli.main import main
from tests.printouts.readback import unembedded_fonts

SOURCES = ["931", "2 5 12 18 26 33", "7 14 21 28 35 3"]


def _text(path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(path).pages))


def run(url: str, *args: str) -> int:
    return main(["--db", url, "--lang", "en", *args])


def plan(url: str, kind: str, out, *extra: str) -> int:
    return run(url, "print", kind, "--project", "demo", "--out", str(out), *extra)


@pytest.fixture(scope="module")
def drawn(tmp_path_factory, demo_template):
    """The demo drawn (no session): (url, final order, folder)."""
    folder = tmp_path_factory.mktemp("plan")
    shutil.copy(demo_template, folder / "demo.sqlite3")
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    assert plan(url, "schedule", folder / "early.pdf", "--batch-size", "40", "--start",
                "2026-12-20T08:30") == 1  # not drawn yet: draw_not_found
    assert run(url, "pool", "publish", "--project", "demo") == 0
    args = ["draw", "--project", "demo", "--out", str(folder / "draw.json"),
            "--witness", "公证员:王公证"]
    for source in SOURCES:
        args += ["--source", source]
    assert run(url, *args) == 0
    record = json.loads((folder / "draw.json").read_text(encoding="utf-8"))
    return url, record["final_order"], folder


def test_schedule_from_the_draw(drawn, capsys):
    """The demo's drawn order, 40 a batch, 3 min from 2026-12-20 08:30, lunch 12:00–14:00:
    ⌈N / 40⌉ batches, one a day; number 25 is 09:42—09:45 ((25 − 1) × 3 = 72 min), number 41
    opens batch 2 on 12-21 at 08:30."""
    url, order, folder = drawn
    out = folder / "schedule.pdf"
    assert plan(url, "schedule", out, "--batch-size", "40", "--start", "2026-12-20T08:30",
                "--minutes", "3", "--break", "12:00-14:00", "--venue", "社区服务中心") == 0
    assert "wrote" in capsys.readouterr().out
    text = _text(out)
    batches = math.ceil(len(order) / 40)
    assert f"共{len(order)}户，分{batches}批" in text
    names = {h.code: h.head_name for h in demo_households()}
    h25, h41 = order[24], order[40]
    assert f"25{h25}{mask_name(names[h25])}第1批2026年12月20日（星期日）09:42—09:45" in text
    assert f"41{h41}{mask_name(names[h41])}第2批2026年12月21日（星期一）08:30—08:33" in text
    assert not [name for name in names.values() if len(name) > 1 and name in text]
    assert unembedded_fonts(out.read_bytes()) == set()


def test_appointments_one_household_and_split(drawn):
    url, order, folder = drawn
    out = folder / "one.pdf"
    assert plan(url, "appointments", out, "--batch-size", "40", "--start", "2026-12-20T08:30",
                "--household", order[24]) == 0
    text = _text(out)
    head = next(h.head_name for h in demo_households() if h.code == order[24])
    assert f"{head}户主：" in text
    assert "选房顺序号为第25号，安排在第1批。请于2026年12月20日（星期日）09:42—09:45到" in text
    assert "户口簿原件" in text and "授权委托书" in text and "安置面积" in text
    # Its chances after the draw: 24 households are ahead of number 25, so no layout shows
    # more than 24 ahead; the method, the replays and the 64-digit seed go with them.
    assert "选房参考（测算，不是承诺）" in text and "模拟选房2000次" in text
    assert re.search(r"测算方法anju-chances/1，种子[0-9a-f]{64}", text)
    assert len(PdfReader(out).pages) == 1
    split = folder / "split"
    assert run(url, "print", "appointments", "--project", "demo", "--split", str(split),
               "--batch-size", "100", "--start", "2026-12-20T08:30") == 0
    assert len(list(split.glob("*-appointment.pdf"))) == len(order)


def test_plan_file_and_its_errors(drawn, capsys):
    url, order, folder = drawn
    good = folder / "plan.json"
    good.write_text(json.dumps({"minutes": 5, "batches": [
        {"date": "2026-12-20", "start": "09:00", "size": 10},
        {"date": "2026-12-20", "start": "14:00", "size": len(order), "minutes": 3}]}),
        encoding="utf-8")
    out = folder / "file.pdf"
    assert plan(url, "schedule", out, "--plan", str(good)) == 0
    # Number 10 is 09:45—09:50 (9 × 5 min after 09:00); number 11 opens batch 2 at 14:00 at
    # its own 3 minutes, so number 12 is 14:03—14:06.
    text = _text(out)
    assert "09:45—09:50" in text and f"12{order[11]}" in text and "14:03—14:06" in text
    bad = folder / "bad.json"
    bad.write_text(json.dumps({"minutes": 5, "batches": [
        {"date": "2026-12-20", "start": "09:00", "size": 10},
        {"date": "2026-12-20", "start": "9:40", "size": 10}]}), encoding="utf-8")
    capsys.readouterr()
    assert plan(url, "schedule", folder / "bad.pdf", "--plan", str(bad)) == 1
    err = capsys.readouterr().err
    assert "“9:40” is not a time of day" in err and "batches[1].start" in err
    short = folder / "short.json"
    short.write_text(json.dumps({"minutes": 5, "batches": [
        {"date": "2026-12-20", "start": "09:00", "size": 10}]}), encoding="utf-8")
    assert plan(url, "schedule", folder / "short.pdf", "--plan", str(short)) == 1
    assert f"{len(order) - 10} households from number 11 on are in no batch" in (
        capsys.readouterr().err)
    assert not (folder / "short.pdf").exists()


def test_plan_needs_a_time_and_a_cut(drawn, capsys):
    url, _order, folder = drawn
    assert plan(url, "schedule", folder / "x.pdf", "--start", "2026-12-20",
                "--batch-size", "40") == 2
    assert "needs --start with the first batch's date and time" in capsys.readouterr().err
    assert plan(url, "schedule", folder / "x.pdf", "--start", "2026-12-20T08:30") == 2


@pytest.mark.slow
def test_the_demo_prints_two_batches_on_two_days(demo_out):
    """`anju demo --out`: 199 drawn households in batches of ⌈199 / 2⌉ = 100 from today (the
    day the demo's session is rehearsed), 3 min from 08:30 with lunch 12:00–14:00: batch 1 is
    numbers 1—100, 08:30—12:00 (70 windows) and 14:00—15:30 (30); batch 2 the next day,
    numbers 101—199, 08:30—12:00 and 14:00—15:27 (29). The plan is stored (version 1, what
    `anju plan show` reads) and the rehearsal was played over it: its figures by batch are
    two batches of 100 and 99 households, on those two days."""
    text = _text(demo_out.out / "schedule.pdf")
    assert "分2批" in text
    assert "08:30—12:00、14:00—15:301—100100" in text
    assert "08:30—12:00、14:00—15:27101—19999" in text
    assert len(PdfReader(demo_out.out / "appointments.pdf").pages) == 199
    engine = make_engine(demo_out.url)
    with make_session_factory(engine)() as s:
        project_id = find_project(s, "demo")
        stored = selection.stored_plan(s, project_id)
        batches = selection.batch_figures(s, project_id)
    engine.dispose()
    assert stored is not None and stored.version == 1
    today = date.today()
    played = [(b.batch, b.on, b.households) for b in batches if b.batch != selection.FINAL_CALL]
    assert played == [(1, today, 100), (2, today + timedelta(days=1), 99)]
    assert sum(b.selected + b.declined for b in batches) == 199 - batches[-1].absent
