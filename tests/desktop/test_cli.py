"""The `anju` command line end to end: demo, summary, templates, import and export."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop.cli.main import main
from tests.printouts.readback import id_number_in

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


def run(db_url: str, *args: str) -> int:
    return main(["--db", db_url, "--lang", "en", *args])


# Shares the drawn, rehearsed demo (`anju demo --out`), built once per run in ~10 s:
# the full run's work, not testfast's.
@pytest.mark.slow
def test_demo_summary_counts(demo_out, capsys):
    """`anju demo` builds exactly 199 households and 638 people; the JSON summary says so."""
    assert run(demo_out.url, "summary", "--project", "demo", "--json") == 0
    counts = json.loads(capsys.readouterr().out)
    assert (counts["households"], counts["members"]) == (199, 638)
    assert 0 < counts["recognised_members"] <= 638
    assert 200 <= counts["flats"] <= 240
    by_status = counts["flats_by_status"]
    assert by_status["available"] + by_status["selected"] == counts["flats"]
    # The demo holds its session (a rehearsal): every household is done, most chose a flat.
    assert counts["households_done"] == 199
    assert counts["flats_selected"] == by_status["selected"]
    assert counts["selected_households"] > 150
    # 一户多套: households entitled to 120 m² or more may take two flats (37 of them in the
    # demo register); the rehearsal has about half of those take a second, each one flat more
    # than households, and none more than two.
    two_flat = counts["flats_selected"] - counts["selected_households"]
    assert 10 <= two_flat <= 25
    written = json.loads((demo_out.out / "summary.json").read_text(encoding="utf-8"))
    assert written == counts


def test_demo_refuses_to_overwrite(demo_url, capsys):
    assert run(demo_url, "demo") == 1
    assert "demo" in capsys.readouterr().err
    assert run(demo_url, "demo", "--replace") == 0


def test_export_import_round_trip(demo_url, tmp_path, capsys):
    """Export the demo, import the files into a new project: the same households come back."""
    import db.registry.operations as registry
    from db.store.engine import open_database

    households, flats = tmp_path / "h.xlsx", tmp_path / "f.xlsx"
    assert run(demo_url, "export", "households", str(households), "--project", "demo") == 0
    assert run(demo_url, "export", "flats", str(flats), "--project", "demo") == 0
    assert run(demo_url, "project", "create", "copy") == 0
    assert run(demo_url, "import", "households", str(households), "--project", "copy") == 0
    assert run(demo_url, "import", "flats", str(flats), "--project", "copy") == 0
    _engine, factory = open_database(demo_url)
    with factory() as s:
        original = registry.load_households(s, registry.find_project(s, "demo"))
        copied = registry.load_households(s, registry.find_project(s, "copy"))
        assert copied == original
        assert ([f.flat for f in registry.load_flats(s, registry.find_project(s, "copy"))]
                == [f.flat for f in registry.load_flats(s, registry.find_project(s, "demo"))])


def test_import_of_a_bad_file_lists_every_problem_and_imports_nothing(db_url, tmp_path, capsys):
    """Exit 1, one line per problem naming sheet, row and column; the project stays empty."""
    path = tmp_path / "bad.xlsx"
    book = Workbook()
    households = book.active
    households.title = "户"
    households.append(["户号", "户主姓名", "户主身份证号", "原合法面积"])
    households.append(["A01", "张三", "110101197001010011", 80])   # bad check digit
    households.append(["A02", "李四", "11010519491231002X", -3])   # negative area
    members = book.create_sheet("家庭成员")
    members.append(["户号", "姓名", "身份证号", "与户主关系"])
    members.append(["A01", "张三", "110101197001010011", "户主"])
    members.append(["A02", "李四", "11010519491231002X", "户主"])
    members.append(["A09", "王五", "11010519491231002X", "子"])    # no such household
    book.save(path)
    assert run(db_url, "project", "create", "p") == 0
    capsys.readouterr()
    assert run(db_url, "import", "households", str(path), "--project", "p") == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[-1].startswith("nothing was imported")
    problems = lines[:-1]
    assert len(problems) >= 4
    assert any("sheet 户" in p and "row 2" in p for p in problems)
    assert any("sheet 户" in p and "row 3" in p for p in problems)
    assert any("sheet 家庭成员" in p and "row 4" in p for p in problems)
    capsys.readouterr()
    assert run(db_url, "summary", "--project", "p", "--json") == 0
    assert json.loads(capsys.readouterr().out)["households"] == 0


def test_import_clash_with_stored_data_names_the_row(demo_url, tmp_path, capsys):
    """Importing the same file twice: the second time every household is refused by row."""
    path = tmp_path / "h.xlsx"
    assert run(demo_url, "export", "households", str(path), "--project", "demo") == 0
    capsys.readouterr()
    assert run(demo_url, "import", "households", str(path), "--project", "demo") == 1
    err = capsys.readouterr().err
    assert "household D001 already exists" in err
    assert "row 2" in err


def test_templates_have_the_documented_headers(db_url, tmp_path):
    path = tmp_path / "t.xlsx"
    assert run(db_url, "template", "households", str(path)) == 0
    book = load_workbook(path)
    headers = [c.value for c in next(book["户"].iter_rows(max_row=1))]
    assert headers[:4] == ["户号", "户主姓名", "户主身份证号", "联系电话"]
    assert "家庭成员" in book.sheetnames
    assert run(db_url, "template", "flats", str(path)) == 0
    assert "房源" in load_workbook(path).sheetnames


def test_import_into_missing_project_is_a_clear_error(db_url, tmp_path, capsys):
    path = tmp_path / "t.xlsx"
    assert run(db_url, "template", "households", str(path)) == 0
    assert run(db_url, "import", "households", str(path), "--project", "nope") == 1
    assert "project not found" in capsys.readouterr().err


def test_console_script_runs_in_a_fresh_process(tmp_path):
    """`python -m desktop.cli` works without the GUI: the entry point CI and offices script."""
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--db", url, "--lang", "en", "project", "create",
         "东湖"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "东湖" in result.stdout


@pytest.mark.parametrize("name", ["backup.sqlite3", "backup.anju.zip"])
def test_backup_and_restore_commands(demo_url, tmp_path, capsys, name):
    """`anju backup` then `anju restore` into a new database gives the same project back."""
    path = tmp_path / name
    assert run(demo_url, "backup", str(path)) == 0
    other = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    assert run(other, "restore", str(path)) == 0
    capsys.readouterr()
    assert run(other, "summary", "--project", "demo", "--json") == 0
    assert json.loads(capsys.readouterr().out)["members"] == 638
    assert run(other, "restore", str(path)) == 1
    assert "--replace" in capsys.readouterr().err
    assert run(other, "audit", "verify") == 0


def test_policy_show_set_freeze_and_explain(demo_url, tmp_path, capsys):
    """The demo's rules are frozen; a new file is refused until superseded with a reason."""
    assert run(demo_url, "policy", "show", "--project", "demo") == 0
    shown = capsys.readouterr().out
    assert "一、安置面积" in shown and "frozen" in shown
    assert run(demo_url, "policy", "show", "--project", "demo", "--json") == 0
    document = capsys.readouterr().out.strip()
    assert hashlib.sha256(document.encode("utf-8")).hexdigest() in shown  # re-hash what is shown
    path = tmp_path / "policy.json"
    path.write_text(document.replace("50", "45", 1), encoding="utf-8")
    assert run(demo_url, "policy", "set", str(path), "--project", "demo") == 1
    assert "superseded by a new version" in capsys.readouterr().err
    assert run(demo_url, "policy", "supersede", str(path), "--project", "demo",
               "--reason", "复核后调整") == 0
    assert "version 2, draft" in capsys.readouterr().out
    assert run(demo_url, "explain", "--project", "demo", "--household", "D001", "--json") == 0
    trace = json.loads(capsys.readouterr().out)
    assert trace["household"] == "D001" and trace["steps"]


def test_bad_policy_file_is_refused_with_its_path(db_url, tmp_path, capsys):
    assert run(db_url, "project", "create", "p") == 0
    path = tmp_path / "bad.json"
    path.write_text('{"schema": "anju-policy/1", "name": "x", "surprise": 1}', encoding="utf-8")
    capsys.readouterr()
    assert run(db_url, "policy", "set", str(path), "--project", "p") == 1
    assert "surprise" in capsys.readouterr().err


# Shares the drawn, rehearsed demo (`anju demo --out`), built once per run in ~10 s:
# the full run's work, not testfast's.
@pytest.mark.slow
def test_print_notices_read_back(demo_out, tmp_path, capsys):
    """The PDFs a person gets: every code, masked names, no full ID number, the frozen hash."""

    from pypdf import PdfReader

    from allocation.demo.register import demo_households
    from allocation.registry.ids import mask_name

    for kind in ("notice-households", "notice-flats"):
        assert (demo_out.out / f"{kind}.pdf").stat().st_size > 10_000
    out = tmp_path / "h.pdf"
    assert run(demo_out.url, "print", "notice-households", "--project", "demo",
               "--out", str(out)) == 0
    pages = PdfReader(out).pages
    text = "\n".join(page.extract_text() for page in pages)
    assert f"共 {len(pages)} 页" in text
    households = demo_households()
    assert all(h.code in text for h in households)
    assert mask_name(households[0].head_name) in text
    assert not [h.head_name for h in households if h.head_name in text]
    assert not id_number_in(text)
    capsys.readouterr()
    assert run(demo_out.url, "policy", "show", "--project", "demo") == 0
    sha = capsys.readouterr().out.split("SHA-256 ")[-1].strip()
    assert sha in text.replace("\n", "")


@pytest.mark.slow
def test_every_paper_the_demo_prints_carries_its_fonts(demo_out):
    """Every PDF `anju demo --out` writes — each kind of notice, paper and report, as an office
    prints it — embeds every font it uses (no Helvetica for a chart or a layout cell, no Courier
    for a command line): it reads the same on any computer, and archives (PDF/A) accept it."""
    from tests.printouts.readback import unembedded_fonts

    papers = sorted(demo_out.out.glob("*.pdf"))
    assert len(papers) >= 12
    for paper in papers:
        assert unembedded_fonts(paper.read_bytes()) == set(), paper.name


@pytest.mark.slow
def test_every_paper_the_demo_prints_is_headed_in_chinese(demo_out):
    """The demo project is found as `--project demo`, but no paper is headed with that
    English word: each first page carries the project's Chinese title, and nowhere on it
    is "demo" (nor "demo-value", the other demo's name)."""
    from pypdf import PdfReader

    from db.demo import DEMO_TITLE

    papers = sorted(demo_out.out.glob("*.pdf"))
    assert len(papers) >= 12
    for paper in papers:
        first = PdfReader(paper).pages[0].extract_text().replace("\n", "")
        assert DEMO_TITLE in first, paper.name
        assert "demo" not in first.lower(), paper.name


def test_a_project_is_created_with_a_title_and_retitled(db_url, capsys):
    """`--title` heads its papers; `retitle` changes it, "" gives the name back; `list` shows
    the name, then the title when there is one; the check finds the log and data agree."""
    assert run(db_url, "project", "create", "dh2", "--title", "东湖片区二期安置项目") == 0
    assert run(db_url, "project", "create", "dh3") == 0
    capsys.readouterr()
    assert run(db_url, "project", "list") == 0
    assert capsys.readouterr().out.splitlines() == ["dh2\t东湖片区二期安置项目", "dh3"]
    assert run(db_url, "project", "retitle", "dh3", "东湖片区三期安置项目") == 0
    assert "“东湖片区三期安置项目”" in capsys.readouterr().out
    assert run(db_url, "project", "retitle", "dh2", "") == 0
    assert "“dh2”" in capsys.readouterr().out
    assert run(db_url, "audit", "verify") == 0
