"""record_block, the append of one operation's events (the selection desk's, each turn of a
rehearsal): the same chain as record_many, event for event, and a head the session sees."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db.audit import AuditEntry, chain_head, record_block, record_many, verify_chain
from db.audit.chain import GENESIS, HEAD_ROW
from db.records import AuditEventRecord, AuditHeadRecord
from db.store.engine import open_database

AT = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)


def _entries(*keys: str) -> list[AuditEntry]:
    return [AuditEntry(None, "desk", "call", "selection_turn", key,
                       {"state": "waiting"}, {"state": "called"}, at=AT) for key in keys]


def _chain(factory: sessionmaker[Session]) -> list[tuple[int, str, str, str]]:
    with factory() as session:
        assert verify_chain(session) is None
        return [(e.seq, e.entity_key, e.prev_hash, e.hash) for e in session.scalars(
            select(AuditEventRecord).order_by(AuditEventRecord.seq))]


def test_block_writes_the_chain_record_many_writes(factory, tmp_path: Path) -> None:
    """The same three events, one then two, through each function into an empty log:
    seq 1, 2, 3, the first linked to the genesis hash, each next to the one before, and
    the same hashes (the events' times are given, so nothing differs but the function)."""
    _engine, twin = open_database(f"sqlite:///{tmp_path / 'twin.sqlite3'}")
    for make, append in ((factory, record_block), (twin, record_many)):
        with make.begin() as session:
            assert session.scalar(select(func.count()).select_from(AuditEventRecord)) == 0
            append(session, _entries("H1"))  # the first event of all: no head row yet
        with make.begin() as session:
            head = append(session, _entries("H2", "H3"))
            assert head == chain_head(session)
    block, many = _chain(factory), _chain(twin)
    _engine.dispose()
    assert [(seq, key) for seq, key, _, _ in block] == [(1, "H1"), (2, "H2"), (3, "H3")]
    assert block[0][2] == GENESIS
    assert [prev for _, _, prev, _ in block[1:]] == [digest for *_, digest in block[:2]]
    assert block == many


def test_the_session_sees_the_new_head(factory) -> None:
    """A session that holds the head row (read through the ORM before the block) reads the
    block's seq and last hash after it, not the ones it held."""
    with factory.begin() as session:
        record_many(session, _entries("H1"))
    with factory.begin() as session:
        held = session.get(AuditHeadRecord, HEAD_ROW)  # a page or an act holding the row
        assert held is not None
        before = held.hash
        head = record_block(session, _entries("H2"))
        assert head != before
        assert chain_head(session) == head
        assert (held.seq, held.hash) == (2, head)
    assert _chain(factory)[-1][3] == head


def test_an_empty_block_writes_nothing(factory) -> None:
    with factory.begin() as session:
        head = record_many(session, _entries("H1"))
    with factory.begin() as session:
        assert record_block(session, []) == head
    assert len(_chain(factory)) == 1
