"""Bulk appends: the payload spelled field by field hashes exactly as canonical_json did,
and rows written through the driver read back as SQLAlchemy would have written them."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.audit.chain import GENESIS, _payload_json, chain_hash, event_payload, verify_chain
from db.audit.snapshots import (
    HOUSEHOLD_FIELDS,
    canonical_json,
    household_row_json,
    household_snapshot,
)
from db.records import AuditEventRecord, HouseholdRecord, MemberRecord
from db.registry import importing
from tests.db.test_excel import households
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


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(households(), st.sampled_from(["", "含\"引号\\与\u2028", "\x00\x1f"]))
def test_spelled_household_row_is_canonical_json(household, odd) -> None:
    """The import batch's spelled-out row is the text canonical_json gives of the snapshot's
    values in HOUSEHOLD_FIELDS order, whatever the values (quotes, backslashes, controls
    in any text field)."""
    household = dataclasses.replace(household, notes=household.notes + odd,
                                    payee_name=odd + household.payee_name)
    assert household_row_json(household) == _row(household)


def test_unusual_household_values_take_canonical_json() -> None:
    """A bool where the signing number belongs, a datetime for a day, a member's grade as
    a bool, text missing: JSON spells them true, a datetime's text, null; the spelled-out
    encoder hands them to canonical_json instead of writing 1 or a day."""
    base = make_household("H001", size=2)
    odd = [dataclasses.replace(base, signing_seq=True),
           dataclasses.replace(base, signed_on=datetime(2026, 1, 2, 3, 4, tzinfo=UTC)),
           dataclasses.replace(base, phone=None),
           dataclasses.replace(base, members=(dataclasses.replace(
               base.members[0], disability_grade=False), *base.members[1:]))]
    for household in odd:
        assert household_row_json(household) == _row(household)
    row = json.loads(household_row_json(odd[0]))
    assert row[HOUSEHOLD_FIELDS.index("signing_seq")] is True


def _row(household) -> str:
    snapshot = household_snapshot(household)
    assert tuple(sorted(snapshot)) == HOUSEHOLD_FIELDS
    return canonical_json([snapshot[field] for field in HOUSEHOLD_FIELDS])


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
    4 member rows, 1 batch event, dates and decimals as typed, and the chain whole."""
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
        assert [(e.entity, e.entity_key) for e in events][-1] == ("import_batch", "direct-1")
        for event in events:
            assert chain_hash(event.prev_hash, event_payload(event)) == event.hash
        assert isinstance(events[-1].at, datetime)
        assert events[-1].at.replace(tzinfo=events[-1].at.tzinfo or UTC) <= datetime.now(UTC)
        assert verify_chain(s) is None
