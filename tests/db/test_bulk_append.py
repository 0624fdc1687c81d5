"""Bulk appends: the payload spelled field by field hashes exactly as canonical_json did,
and rows written through the driver read back as SQLAlchemy would have written them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from db.audit.chain import GENESIS, _payload_json, chain_hash, event_payload, verify_chain
from db.audit.snapshots import canonical_json
from db.records import AuditEventRecord, HouseholdRecord, MemberRecord
from db.registry import importing
from tests.factories import make_household

_text = st.text()  # every code point: quotes, backslashes, controls, U+2028, CJK


@given(action=_text, actor=_text, entity=_text, key=_text, at=_text,
       before=st.none() | _text, after=st.none() | _text,
       project=st.none() | st.integers(min_value=-2**70, max_value=2**70),
       seq=st.integers(min_value=0, max_value=2**70))
def test_spelled_payload_is_canonical_json(action: str, actor: str, entity: str, key: str,
                                           at: str, before: str | None, after: str | None,
                                           project: int | None, seq: int) -> None:
    payload = {"seq": seq, "project_id": project, "at": at, "actor": actor, "action": action,
               "entity": entity, "entity_key": key, "before": before, "after": after,
               "prev_hash": GENESIS}
    assert _payload_json(payload) == canonical_json(payload)


def test_unusual_values_take_canonical_json() -> None:
    """A bool project id is not an int to JSON (true, not 1): canonical_json spells it."""
    payload = {"seq": 1, "project_id": True, "at": "t", "actor": "a", "action": "b",
               "entity": "e", "entity_key": "k", "before": None, "after": None,
               "prev_hash": GENESIS}
    assert _payload_json(payload) == canonical_json(payload)
    assert '"project_id":true' in _payload_json(payload)


def test_a_known_event_hashes_as_before() -> None:
    """Worked by hand: the payload text below is what json.dumps(sort_keys=True,
    separators=(",", ":"), ensure_ascii=False) gives; its hash is the chain's."""
    payload = {"seq": 7, "project_id": 2, "at": "2026-12-07T08:00:00.000000+00:00",
               "actor": "张三", "action": "import", "entity": "household",
               "entity_key": "H001", "before": None, "after": '{"code":"H001"}',
               "prev_hash": GENESIS}
    text = ('{"action":"import","actor":"张三","after":"{\\"code\\":\\"H001\\"}",'
            '"at":"2026-12-07T08:00:00.000000+00:00","before":null,"entity":"household",'
            '"entity_key":"H001","prev_hash":"' + GENESIS + '","project_id":2,"seq":7}')
    assert _payload_json(payload) == text
    assert chain_hash(GENESIS, payload) == __import__("hashlib").sha256(
        (GENESIS + text).encode()).hexdigest()


def test_bulk_imported_rows_read_back_and_verify(factory, project_id) -> None:
    """Two households (3 and 1 members) written through the driver: 2 household rows,
    4 member rows, 2 events, dates and decimals as typed, and the chain whole."""
    batch = [make_household("B001", seq=1, signed_on=date(2026, 3, 1), signing_seq=1),
             make_household("B002", seq=2, size=1)]
    with factory.begin() as s:
        importing.import_households(s, project_id=project_id, households=batch, actor="op")
    with factory() as s:
        rows = s.query(HouseholdRecord).order_by(HouseholdRecord.code).all()
        assert [r.code for r in rows] == ["B001", "B002"]
        assert rows[0].legal_area == batch[0].legal_area
        assert isinstance(rows[0].legal_area, Decimal)
        assert rows[0].signed_on == date(2026, 3, 1)
        assert s.query(MemberRecord).count() == 4
        assert [m.position for m in rows[0].members] == [0, 1, 2]
        events = s.query(AuditEventRecord).order_by(AuditEventRecord.seq).all()
        assert [e.entity_key for e in events][-2:] == ["B001", "B002"]
        for event in events:
            assert chain_hash(event.prev_hash, event_payload(event)) == event.hash
        assert isinstance(events[-1].at, datetime)
        assert events[-1].at.replace(tzinfo=events[-1].at.tzinfo or UTC) <= datetime.now(UTC)
        assert verify_chain(s) is None
