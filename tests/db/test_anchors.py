"""Anchors (issue 18, item 1): each irreversible act's head goes to a witness file outside the
database, and a chain rewritten consistently or cut at the tail is caught against it — on
SQLite and PostgreSQL — and a restore lacking a witnessed head is refused unless told why."""

from __future__ import annotations

import os
import shutil
import stat

import pytest
from sqlalchemy import delete, select, update

import db.selection.desk as selection
from allocation.errors import AnjuError
from db.admin import lines_of_chain, read_witness, witness_file
from db.admin.backups import backup, restore
from db.audit import (
    CUT,
    HELD,
    NOT_FOUND,
    REWRITTEN,
    Anchor,
    chain_log,
    check_anchors,
    current_anchor,
)
from db.audit.chain import verify_chain
from db.records.tables import AuditEventRecord, AuditHeadRecord
from db.replay.check import restored_data_mismatch, verify_audit
from db.store.engine import make_engine, make_session_factory
from tests.db.forging import rehash_from
from tests.db.test_selection import ON, build_drawn_project


@pytest.fixture
def drawn(factory):
    with factory.begin() as s:
        return build_drawn_project(s)


def _witnessed() -> list[Anchor]:
    return [line.anchor for line in read_witness(witness_file())]


def _rewrite_consistently(session, seq: int) -> None:
    """What the issue's outside script did: change event ``seq``'s after-state and recompute
    every hash from it on, and the head row, so that the chain verifies whole again."""
    event = session.scalar(select(AuditEventRecord).where(AuditEventRecord.seq == seq))
    event.actor = "forged"
    rehash_from(session, seq)


def _cut_tail(session, keep: int) -> None:
    """Delete every event after ``keep`` and move the head row back: the chain stays whole."""
    session.execute(delete(AuditEventRecord).where(AuditEventRecord.seq > keep))
    kept = session.scalar(select(AuditEventRecord.hash).where(AuditEventRecord.seq == keep))
    session.execute(update(AuditHeadRecord).values(seq=keep, hash=kept))


def test_freeze_pool_and_draw_are_witnessed_at_the_committed_head(factory, drawn):
    """Three acts in one transaction: three lines, each the head at commit, file 0600."""
    lines = read_witness(witness_file())
    assert [line.act for line in lines] == ["freeze", "pool", "draw"]
    with factory() as s:
        now = current_anchor(s)
        assert {line.anchor for line in lines} == {now}
        assert [f.verdict for f in check_anchors(s, [now])] == [HELD]
    assert stat.S_IMODE(os.stat(witness_file()).st_mode) == 0o600


def test_a_rolled_back_act_is_not_witnessed(factory, drawn):
    before = _witnessed()
    s = factory()
    with s.begin():
        selection.open_session(s, project_id=drawn, operator="sup", held_on=ON)
        s.rollback()
    assert _witnessed() == before
    with factory.begin() as s:
        selection.open_session(s, project_id=drawn, operator="sup", held_on=ON)
    assert [line.act for line in read_witness(witness_file())][-1] == "session-open"


def test_a_consistent_rewrite_is_caught_by_the_witnessed_head(factory, drawn):
    """The chain verifies whole after the rewrite; only the anchor shows it was recomputed."""
    anchor = _witnessed()[-1]
    with factory.begin() as s:
        _rewrite_consistently(s, seq=2)
        assert verify_chain(s) is None  # the chain alone cannot see it
        finding, = check_anchors(s, [anchor])
        assert finding.verdict == REWRITTEN
        assert finding.found != anchor.head


def test_deleting_the_newest_events_with_the_head_is_caught(factory, drawn):
    """Cutting the last three events (the draw among them) leaves a whole, shorter chain."""
    anchor = _witnessed()[-1]
    assert anchor.count is not None
    with factory.begin() as s:
        _cut_tail(s, keep=anchor.count - 3)
        assert verify_chain(s) is None
        finding, = check_anchors(s, [anchor])
        assert finding.verdict == CUT
        assert finding.events == anchor.count - 3
        assert check_anchors(s, [Anchor(anchor.head)])[0].verdict == NOT_FOUND


def test_an_earlier_anchor_still_holds_after_later_events(factory, drawn):
    with factory.begin() as s:
        selection.open_session(s, project_id=drawn, operator="sup", held_on=ON)
    with factory() as s:
        assert [f.verdict for f in check_anchors(s, _witnessed())] == [HELD] * 4


def test_restore_refuses_a_backup_lacking_a_witnessed_head_unless_told_why(
        engine, factory, drawn, tmp_path):
    """A backup taken before the session opened lacks the session's head: refused, nothing
    restored; with a reason it restores, the reason and the lost head are audited, the
    replay still agrees, and the restored head is witnessed."""
    path = tmp_path / "before-session.anju.zip"
    backup(engine, path)
    with factory.begin() as s:
        selection.open_session(s, project_id=drawn, operator="sup", held_on=ON)
        opened = current_anchor(s)
    with pytest.raises(AnjuError) as refused:
        restore(engine, path, replace=True, check=restored_data_mismatch)
    assert refused.value.code == "backup_lacks_witnessed_heads"
    assert refused.value.params["anchor"] == str(opened)
    assert refused.value.params["verdict"] == CUT
    with factory() as s:
        assert current_anchor(s) == opened  # nothing was restored
    restore(engine, path, replace=True, check=restored_data_mismatch,
            reason="开场前误操作，恢复到开场前")
    with factory() as s:
        override = s.scalars(select(AuditEventRecord)
                             .where(AuditEventRecord.entity == "anchor")).one()
        assert "开场前误操作" in (override.after or "")
        assert str(opened) in (override.after or "")
        assert verify_audit(s).ok
        restored = current_anchor(s)
    last = read_witness(witness_file())[-1]
    assert (last.act, last.anchor) == ("restore", restored)


def test_restore_of_a_backup_holding_every_witnessed_head_needs_no_reason(
        engine, factory, drawn, tmp_path):
    path = tmp_path / "now.anju.zip"
    backup(engine, path)
    restore(engine, path, replace=True, check=restored_data_mismatch)
    with factory() as s:
        assert s.scalars(select(AuditEventRecord)
                         .where(AuditEventRecord.entity == "anchor")).first() is None


# --- one witness file, several databases ------------------------------------------------


@pytest.fixture
def other_database(sqlite_template, tmp_path):
    """A second database on the same computer (the demo beside the office's own), witnessing
    into the same file: its project drawn with other households."""
    path = tmp_path / "other.sqlite3"
    shutil.copy(sqlite_template, path)
    other = make_engine(f"sqlite:///{path}")
    with make_session_factory(other).begin() as s:
        build_drawn_project(s, name="另一个数据库", households=7)
    yield other
    other.dispose()


def test_each_line_names_its_chain_and_other_databases_lines_are_not_its_own(
        engine, factory, drawn, other_database, tmp_path):
    """Six lines in one file: freeze, pool, draw of this database, then of the other. Each
    names its own chain (the first 16 hex digits of its event 1), and a backup of this
    database restores with no reason although the other's three heads are not in it —
    before chains were named, those three lines made every restore ask for one."""
    lines = read_witness(witness_file())
    with factory() as s:
        mine = chain_log(s)
        first = s.scalar(select(AuditEventRecord.hash).where(AuditEventRecord.seq == 1))
    with make_session_factory(other_database)() as s:
        theirs = chain_log(s)
    assert mine == first[:16] and theirs != mine
    assert [line.log for line in lines] == [mine] * 3 + [theirs] * 3
    assert len(lines_of_chain(lines, mine)) == 3
    path = tmp_path / "now.anju.zip"
    backup(engine, path)
    restore(engine, path, replace=True, check=restored_data_mismatch)
    last = read_witness(witness_file())[-1]
    assert (last.act, last.log) == ("restore", mine)


def test_lines_without_a_chain_name_are_read_by_every_check(engine, factory, drawn, tmp_path):
    """A line written before chains were named (four fields) still counts: a backup lacking
    its head is refused as before."""
    path = tmp_path / "before-session.anju.zip"
    backup(engine, path)
    with factory.begin() as s:
        selection.open_session(s, project_id=drawn, operator="sup", held_on=ON)
        opened = current_anchor(s)
    # Rewrite the file as an older Anju wrote it: no log= on any line.
    old = "".join(f"{line.at.isoformat(timespec='seconds')} {line.act} p{line.project_id} "
                  f"{line.anchor}\n" for line in read_witness(witness_file()))
    witness_file().write_text(old, encoding="utf-8")
    assert {line.log for line in read_witness(witness_file())} == {None}
    with pytest.raises(AnjuError) as refused:
        restore(engine, path, replace=True, check=restored_data_mismatch)
    assert refused.value.code == "backup_lacks_witnessed_heads"
    assert refused.value.params["anchor"] == str(opened)


def test_a_file_of_unnamed_lines_vouches_for_its_own_chain(engine, factory, drawn, tmp_path):
    """An office upgrading keeps a file whose lines name no chain: a backup holding every one
    of their heads restores with no reason (they are checked, and they hold)."""
    old = "".join(f"{line.at.isoformat(timespec='seconds')} {line.act} p{line.project_id} "
                  f"{line.anchor}\n" for line in read_witness(witness_file()))
    witness_file().write_text(old, encoding="utf-8")
    path = tmp_path / "now.anju.zip"
    backup(engine, path)
    restore(engine, path, replace=True, check=restored_data_mismatch)
    with factory() as s:
        assert s.scalars(select(AuditEventRecord)
                         .where(AuditEventRecord.entity == "anchor")).first() is None


def test_a_chain_renamed_by_rewriting_its_first_event_is_not_let_through(
        engine, factory, drawn, tmp_path):
    """Rewriting event 1 (and recomputing the rest) gives the chain another name, so none of
    the file's lines is its own; but it records three witnessed acts (freeze, pool, draw),
    so the restore is refused, and with a reason the override records the three acts."""
    with factory.begin() as s:
        _rewrite_consistently(s, seq=1)
        assert verify_chain(s) is None
    path = tmp_path / "rewritten.anju.zip"
    backup(engine, path)
    with pytest.raises(AnjuError) as refused:
        restore(engine, path, replace=True, check=restored_data_mismatch)
    assert refused.value.code == "backup_chain_unwitnessed"
    assert refused.value.params["acts"] == 3
    restore(engine, path, replace=True, check=restored_data_mismatch, reason="从另一台电脑迁入")
    with factory() as s:
        override = s.scalars(select(AuditEventRecord)
                             .where(AuditEventRecord.entity == "anchor")).one()
        assert '"unwitnessed_acts":3' in (override.after or "").replace(" ", "")


def test_a_bad_chain_name_is_a_bad_line(drawn):
    """A damaged line is named, not skipped: log= must be 16 lower-case hex digits."""
    text = witness_file().read_text(encoding="utf-8")
    witness_file().write_text(text.replace(" log=", " log=XYZ", 1), encoding="utf-8")
    with pytest.raises(AnjuError) as bad:
        read_witness(witness_file())
    assert (bad.value.code, bad.value.params["line"]) == ("witness_line_bad", 1)
