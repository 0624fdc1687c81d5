"""`anju audit verify --head/--witness/--from-pdf` (issue 18, item 1): a notice printed, then the
database rewritten consistently or cut at the tail behind the app's back — the chain alone
verifies, the printed or witnessed head names what happened."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.admin import witness_file
from db.audit import current_anchor
from db.store import make_engine, upgrade
from db.store.engine import make_session_factory
from desktop.cli.main import main
from tests.db.test_anchors import _cut_tail, _rewrite_consistently
from tests.db.test_selection import build_drawn_project


def run(db_url: str, *args: str) -> int:
    return main(["--db", db_url, "--lang", "en", *args])


@pytest.fixture
def printed(tmp_path: Path):
    """A drawn project in a SQLite file and its household notice printed through the CLI."""
    url = f"sqlite:///{tmp_path / 'anju.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    factory = make_session_factory(engine)
    with factory.begin() as s:
        build_drawn_project(s, name="东湖")
    pdf = tmp_path / "notice.pdf"
    assert run(url, "print", "notice-households", "--project", "东湖", "--out", str(pdf)) == 0
    yield url, factory, pdf
    engine.dispose()


def test_the_printed_head_is_held_while_nothing_changed(printed, capsys):
    url, factory, pdf = printed
    capsys.readouterr()
    assert run(url, "audit", "verify", "--from-pdf", str(pdf), "--witness",
               str(witness_file())) == 0
    out = capsys.readouterr().out
    assert "notice.pdf): held" in out and "4 of 4 anchors held" in out


def test_a_consistent_rewrite_is_named_from_the_printed_pdf(printed, capsys):
    """The outside script's rewrite: `audit verify` alone says whole; with the PDF, rewritten."""
    url, factory, pdf = printed
    with factory.begin() as s:
        _rewrite_consistently(s, seq=5)
    capsys.readouterr()
    assert run(url, "audit", "verify") == 0  # the chain alone cannot see it
    assert run(url, "audit", "verify", "--from-pdf", str(pdf)) == 1
    out = capsys.readouterr().out
    assert "HISTORY REWRITTEN" in out and "0 of 1 anchors held" in out


def test_a_cut_tail_is_named_from_the_witness_and_a_typed_head(printed, capsys):
    url, factory, pdf = printed
    with factory() as s:
        anchor = current_anchor(s)
    with factory.begin() as s:
        _cut_tail(s, keep=anchor.count - 2)
    capsys.readouterr()
    assert run(url, "audit", "verify", "--head", str(anchor)) == 1
    out = capsys.readouterr().out
    assert f"TAIL CUT: the chain has {anchor.count - 2} events, 2 fewer" in out
    assert run(url, "audit", "verify", "--witness", str(witness_file())) == 1


def test_the_witness_of_another_database_is_not_checked_against_this_one(printed, tmp_path,
                                                                         capsys):
    """The demo drawn on the same computer adds its three lines (freeze, pool, draw) to the
    same file: verify says they are another chain's and checks this one's three."""
    url, _factory, _pdf = printed
    other = make_engine(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    upgrade(other)
    with make_session_factory(other).begin() as s:
        build_drawn_project(s, name="演示", households=5)
    other.dispose()
    capsys.readouterr()
    assert run(url, "audit", "verify", "--witness", str(witness_file())) == 0
    out = capsys.readouterr().out
    assert "witness.log: 3 lines of other databases' chains not checked" in out
    assert "3 of 3 anchors held" in out


def test_a_chain_no_line_names_is_not_witnessed_here(printed, capsys):
    """Rewriting event 1 renames the chain: the file then vouches for none of its three
    witnessed acts, and verify says so (exit 1) instead of finding nothing to check."""
    url, factory, _pdf = printed
    with factory.begin() as s:
        _rewrite_consistently(s, seq=1)
    capsys.readouterr()
    assert run(url, "audit", "verify", "--witness", str(witness_file())) == 1
    out = capsys.readouterr().out
    assert "NOT WITNESSED HERE: the chain records 3 witnessed acts" in out


def test_a_malformed_head_is_refused_in_words(printed, capsys):
    url, _factory, _pdf = printed
    assert run(url, "audit", "verify", "--head", "abc@1") == 1
    assert "is not a chain head" in capsys.readouterr().err


def test_restore_of_an_older_backup_needs_a_reason(printed, tmp_path, capsys):
    url, factory, _pdf = printed
    older = tmp_path / "older.anju.zip"
    assert run(url, "backup", str(older)) == 0
    with factory.begin() as s:  # a witnessed act after the backup: move the head on
        from db.admin import witness_on_commit
        from db.audit import AuditEntry, record
        record(s, AuditEntry(None, "op", "note", "anchor", "test"))
        witness_on_commit(s, project_id=None, act="freeze")
    assert run(url, "restore", str(older), "--replace") == 1
    assert "lacks 1 heads of the witness file" in capsys.readouterr().err
    assert run(url, "restore", str(older), "--replace", "--reason", "回到备份") == 0


def test_publication_verify_checks_the_file_the_registry_and_the_chain(printed, tmp_path,
                                                                      capsys):
    """The notice as printed verifies; one byte changed is no registered notice; after a
    consistent rewrite its printed head is named as rewritten."""
    url, factory, pdf = printed
    capsys.readouterr()
    assert run(url, "publication", "verify", str(pdf)) == 0
    out = capsys.readouterr().out
    assert "notice notice-households 第1版 of project 东湖" in out and "notice verified" in out
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(pdf.read_bytes().replace(b"%%EOF", b"%%EOF\n%", 1))
    assert run(url, "publication", "verify", str(changed)) == 1
    assert "NOT A REGISTERED NOTICE" in capsys.readouterr().out
    with factory.begin() as s:
        _rewrite_consistently(s, seq=3)
    assert run(url, "publication", "verify", str(pdf)) == 1
    assert "HISTORY REWRITTEN" in capsys.readouterr().out



def test_a_slip_prints_the_head_after_its_confirmation_with_its_count(printed, tmp_path,
                                                                    capsys):
    """The slip's own box prints the head just after the confirmation as HEX@N, N being the
    confirmation's event; read back from the PDF it verifies (here it is also the footer's
    head: nothing happened after the confirmation, so one distinct anchor)."""
    import re

    from pypdf import PdfReader

    from db.audit import current_anchor
    from db.registry import find_project
    from tests.db.test_draw_final import _choose, _open

    url, factory, _pdf = printed
    with factory() as s:
        project_id = find_project(s, "东湖")
    _open(factory, project_id)
    _choose(factory, project_id, 1)
    with factory() as s:
        confirmed = current_anchor(s)
    slips = tmp_path / "slips.pdf"
    assert run(url, "print", "slips", "--project", "东湖", "--out", str(slips)) == 0
    text = "".join(page.extract_text() for page in PdfReader(slips).pages).replace("\n", "")
    box = re.search(r"审计链头（确认后）\s*([0-9a-f]{64}@\d+)", text)
    assert box and box[1] == str(confirmed)
    capsys.readouterr()
    assert run(url, "audit", "verify", "--from-pdf", str(slips)) == 0
    assert "1 of 1 anchors held" in capsys.readouterr().out
