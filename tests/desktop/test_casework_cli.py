"""`anju report daily` and `anju casework …` end to end on the demo project."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from desktop.cli.main import main
from tests.printouts.readback import id_number_in, read_back


def run(url: str, *args: str) -> int:
    return main(["--db", url, "--lang", "en", *args])


def test_the_daily_report_is_one_page_with_names_masked(demo_url, tmp_path, capsys):
    """The casework fills the first page; the demo's frozen rules add supply and demand on
    the second (no session yet: no session section)."""
    out = tmp_path / "report.pdf"
    assert run(demo_url, "report", "daily", "--project", "demo", "--date", "2026-11-01",
               "--out", str(out)) == 0
    assert "wrote the daily report of 2026-11-01 for demo" in capsys.readouterr().out
    back = read_back(out.read_bytes(), 2)
    assert len(back.pages) == 2
    assert "三、待答复" in back.pages[0] and "人房供需" in back.pages[1]
    assert "现场选房情况" not in back.text
    text = back.text
    assert "征收安置工作日通报" in text and "第一工作组" in text and "演练" in text
    assert "签约率69.8%" in text.replace(" ", "") and "D076" in text
    assert "*" in text and not id_number_in(text)


def test_visits_go_in_from_the_template_and_out_with_the_case_log(demo_url, tmp_path, capsys):
    template = tmp_path / "visits.xlsx"
    assert run(demo_url, "casework", "template", str(template)) == 0
    book = load_workbook(template)
    book["走访记录"].append(["D001", "2026-11-02", "电话", "王科员", "回访"])
    book.save(template)
    assert run(demo_url, "casework", "import-visits", str(template), "--project", "demo") == 0
    assert "imported 1 visits into demo" in capsys.readouterr().out
    book["走访记录"].append(["D999", "2026-11-02", "电话", "王科员", "无此户"])
    book.save(template)
    assert run(demo_url, "casework", "import-visits", str(template), "--project", "demo") == 1
    err = capsys.readouterr().err
    assert "row 3" in err and "household not found" in err and "nothing was imported" in err
    log, table = tmp_path / "log.xlsx", tmp_path / "progress.xlsx"
    assert run(demo_url, "casework", "export", str(log), "--project", "demo") == 0
    assert run(demo_url, "casework", "progress", str(table), "--project", "demo") == 0
    visits = list(load_workbook(log, read_only=True)["走访记录"].iter_rows(values_only=True))
    assert ("D001", "电话联系", "王科员", "回访") in {(r[0], r[2], r[3], r[4]) for r in visits}
    rows = list(load_workbook(table, read_only=True)["进度"].iter_rows(values_only=True))
    assert len(rows) == 200


def test_open_requests_are_listed_by_age_and_team(demo_url, capsys):
    assert run(demo_url, "casework", "requests", "--project", "demo", "--date", "2026-11-01",
               "--older-than", "7") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["D076", "D175"]
    assert [line.split("\t")[5] for line in lines] == ["19", "11"]
    assert run(demo_url, "casework", "requests", "--project", "demo", "--team", "第二工作组",
               "--date", "2026-11-01") == 0
    assert {line.split("\t")[2] for line in capsys.readouterr().out.splitlines()} == {
        "第二工作组"}
    assert run(demo_url, "casework", "requests", "--project", "demo", "--team", "无此组") == 1
    assert "team not found" in capsys.readouterr().err


# Builds the whole demo project (199 households): the full run's work, not testfast's.
@pytest.mark.slow
def test_the_demo_folder_holds_the_daily_report(tmp_path):
    """The one test here that runs `anju demo --out` for real (the others copy the demo)."""
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    out = tmp_path / "out"
    assert main(["--db", url, "--lang", "en", "demo", "--no-session", "--out", str(out)]) == 0
    text = read_back((out / "report-daily.pdf").read_bytes(), 1).text
    assert "2026年11月1日" in text


def test_intentions_go_out_and_in_again(demo_url, tmp_path, capsys):
    """The demo's intentions exported, one row changed, imported: that household's changed."""
    path = tmp_path / "intentions.xlsx"
    assert run(demo_url, "casework", "export-intentions", str(path), "--project", "demo") == 0
    out = capsys.readouterr().out
    assert "exported the intentions of" in out and "households of demo" in out
    book = load_workbook(path)
    sheet = book["选房意向"]
    sheet.cell(row=2, column=3, value="1室1厅1卫、2室1厅1卫")
    code = sheet.cell(row=2, column=1).value
    book.save(path)
    assert run(demo_url, "casework", "import-intentions", str(path), "--project", "demo") == 0
    assert "imported the intentions of" in capsys.readouterr().out
    again = tmp_path / "again.xlsx"
    assert run(demo_url, "casework", "export-intentions", str(again), "--project", "demo") == 0
    rows = {r[0]: r[2] for r in load_workbook(again, read_only=True)["选房意向"].iter_rows(
        min_row=2, values_only=True)}
    assert rows[code] == "1室1厅1卫、2室1厅1卫"
    assert run(demo_url, "audit", "verify") == 0
