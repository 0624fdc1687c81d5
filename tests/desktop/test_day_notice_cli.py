"""`anju print notice-day` on the demo's rehearsed session: a registered notice whose figures
are the data's, counted here in plain SQL."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import text

from db.records import local_date
from db.store.engine import open_database
from desktop.cli.main import main
from tests.printouts.readback import id_number_in, read_back, squeeze


def test_the_day_notice_prints_the_sessions_day(demo_out, tmp_path, capsys):
    """The demo runs its whole session in one sitting: its one day has every choice; the
    households, flats and choices are counted in SQL, the day is the session's."""
    engine, factory = open_database(demo_out.url)
    with factory() as s:
        project = "p.name = 'demo' AND p.id = {}.project_id"
        chosen = s.scalar(text(
            "SELECT count(DISTINCT code) FROM selection x JOIN project p ON "
            + project.format("x") + " WHERE x.revoked_at IS NULL"))
        flats_chosen = s.scalar(text(
            "SELECT count(*) FROM selection x JOIN project p ON " + project.format("x")
            + " WHERE x.revoked_at IS NULL"))
        households = s.scalar(text(
            "SELECT count(*) FROM selection_turn t JOIN selection_session x ON "
            "x.id = t.session_id JOIN project p ON " + project.format("x")
            + " WHERE x.status <> 'void'"))
        at = s.scalar(text("SELECT max(selected_at) FROM selection"))
        names = s.execute(text("SELECT name FROM member")).scalars().all()
    engine.dispose()
    day = local_date(at if isinstance(at, datetime) else datetime.fromisoformat(str(at)))
    out = tmp_path / "day.pdf"
    assert main(["--db", demo_out.url, "--lang", "en", "print", "notice-day", "--project",
                 "demo", "--day", day.isoformat(), "--out", str(out)]) == 0
    # `anju demo --out` printed the day's notice as 第1版 already (it prints every kind).
    assert (demo_out.out / "notice-day.pdf").exists()
    assert "registered as notice-day 第2版" in capsys.readouterr().out
    back = squeeze(read_back(out.read_bytes(), 0).text)
    assert "当日选房结果公告" in back and "第1日" in back
    assert f"当日选房{chosen}户，选定房源{flats_chosen}套" in back
    assert f"参加选房共{households}户，已选房{chosen}户" in back
    assert len(re.findall(r"D\d{3}", back)) >= chosen  # the codes of those who chose
    assert not id_number_in(back)
    assert not any(name in back for name in names)
    report = tmp_path / "report.pdf"
    assert main(["--db", demo_out.url, "--lang", "en", "report", "daily", "--project", "demo",
                 "--date", day.isoformat(), "--out", str(report)]) == 0
    daily = squeeze(read_back(report.read_bytes(), 0).text)
    assert "四、现场选房情况（截至当日选房结束）" in daily
    assert f"当日选房{chosen}户，选定房源{flats_chosen}套" in daily
    assert "五、各户型房源与选房意向（人房供需）" in daily
