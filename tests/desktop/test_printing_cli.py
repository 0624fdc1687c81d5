"""`anju print` for papers (--household, --split), `anju objection …`, `anju publication list`."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

import db.admin.users as users
import db.publications.notices as publications
from db.store.engine import make_engine, make_session_factory
from desktop.cli.main import main
from tests.desktop import printing_scenario
from tests.desktop.printing_scenario import NAME


@pytest.fixture
def scene(db_url):
    engine = make_engine(db_url)
    built = printing_scenario.build(make_session_factory(engine))
    engine.dispose()
    return built


def run(db_url: str, *args: str) -> int:
    return main(["--db", db_url, "--lang", "en", *args])


def text_of(path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(path).pages))


def test_split_writes_one_file_per_household_that_chose(db_url, scene, tmp_path, capsys):
    folder = tmp_path / "agreements"
    assert run(db_url, "print", "agreements", "--project", NAME, "--split", str(folder),
               "--moving-deadline", "2027-01-31", "--office", "武昌区征收办") == 0
    out = capsys.readouterr().out
    assert "9 households have not chosen a flat yet" in out
    assert "wrote 3 files" in out
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(f"{code}-agreement.pdf" for code in scene.chosen)
    text = text_of(folder / f"{scene.chosen[0]}-agreement.pdf")
    assert "2027年1月31日前搬迁完毕" in text and "武昌区征收办" in text
    assert scene.chosen[1] not in text


def test_one_household_into_one_file(db_url, scene, tmp_path, capsys):
    out = tmp_path / "slip.pdf"
    code = scene.chosen[1]
    assert run(db_url, "print", "slips", "--project", NAME, "--household", code,
               "--out", str(out)) == 0
    assert "have not chosen" not in capsys.readouterr().out
    text = text_of(out)
    assert code in text and printing_scenario.PROXY_NAME in text
    assert len(PdfReader(out).pages) == 1


def test_a_household_that_has_not_chosen_is_refused(db_url, scene, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert run(db_url, "print", "agreements", "--project", NAME, "--household",
               scene.waiting[0], "--out", str(out)) == 1
    assert f"household {scene.waiting[0]} has not chosen a flat" in capsys.readouterr().err
    assert not out.exists()


def test_household_and_split_are_for_papers_only(db_url, scene, tmp_path, capsys):
    assert run(db_url, "print", "notice-flats", "--project", NAME, "--household", "D001",
               "--out", str(tmp_path / "x.pdf")) == 2
    assert ("apply to agreements, agreements-money, slips, traces, appointments, "
            "chances-sheet only" in capsys.readouterr().err)


def test_objections_from_notice_to_corrected_version(db_url, scene, tmp_path, capsys):
    """Print 第1版, object, uphold, reprint: 第2版 answers the objection; the log is whole."""
    first, second = tmp_path / "v1.pdf", tmp_path / "v2.pdf"
    notice = ["print", "notice-households", "--project", NAME, "--start", "2026-11-26"]
    assert run(db_url, *notice, "--out", str(first)) == 0
    assert "registered as notice-households 第1版" in capsys.readouterr().out
    assert run(db_url, "objection", "add", "--project", NAME, "--kind", "notice-households",
               "--name", "张三丰", "--item", scene.chosen[0], "--text", "人口少算一人",
               "--on", "2026-11-27") == 0
    assert "recorded objection 1" in capsys.readouterr().out
    assert run(db_url, "objection", "list", "--project", NAME) == 0
    listed = capsys.readouterr().out
    assert "张*丰" in listed and "张三丰" not in listed
    assert run(db_url, "objection", "resolve", "1", "--project", NAME, "--outcome", "upheld",
               "--resolution", "补录", "--on", "2026-11-28") == 0
    capsys.readouterr()
    assert run(db_url, "objection", "list", "--project", NAME) == 0
    assert "no objections" in capsys.readouterr().out
    assert run(db_url, *notice, "--out", str(second)) == 0
    out = capsys.readouterr().out
    assert "第2版" in out and "answers objections 1" in out
    assert "第2版（据异议第1号更正）" in text_of(second)
    assert run(db_url, "publication", "list", "--project", NAME) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [(r[0], r[1], r[-1]) for r in rows] == [("notice-households", "第1版", "-"),
                                                  ("notice-households", "第2版", "1")]
    assert run(db_url, "audit", "verify") == 0


def test_an_observer_cannot_post_a_notice(db_url, scene, tmp_path, capsys, monkeypatch):
    """Printing a notice registers it, so it needs an operator; nothing is left behind."""
    engine = make_engine(db_url)
    with make_session_factory(engine).begin() as session:
        users.create_user(session, name="admin", role=users.ADMIN, password="x" * 8,
                          actor="admin")
        users.create_user(session, name="notary", role=users.OBSERVER, password="x" * 8,
                          actor="admin")
    out = tmp_path / "flats.pdf"
    monkeypatch.setenv("ANJU_PASSWORD", "x" * 8)  # the notary signs in, then is refused
    assert main(["--db", db_url, "--lang", "en", "--user", "notary", "print", "notice-flats",
                 "--project", NAME, "--out", str(out)]) == 1
    assert "notary" in capsys.readouterr().err and not out.exists()
    with make_session_factory(engine)() as session:
        assert publications.list_publications(session, scene.project_id) == []
    engine.dispose()


@pytest.mark.slow
def test_demo_writes_every_document_and_registers_its_notices(tmp_path, capsys):
    """`anju demo --out DIR`: every kind of document, each notice registered as 第1版 (the
    schedule too, printed once); the demo voids no session, so it has no void notice."""
    from desktop.printing.documents import KINDS

    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    folder = tmp_path / "out"
    assert run(url, "demo", "--out", str(folder)) == 0
    for kind in KINDS:
        if kind == "notice-void":
            assert not (folder / f"{kind}.pdf").exists()
            continue
        assert len(PdfReader(folder / f"{kind}.pdf").pages) >= 1, kind
    capsys.readouterr()
    assert run(url, "publication", "list", "--project", "demo") == 0
    rows = [line.split("\t")[:2] for line in capsys.readouterr().out.splitlines()]
    assert sorted(rows) == sorted([kind, "第1版"] for kind in publications.NOTICE_KINDS
                                  if kind != "notice-void")
