"""Where a difference lies: the table and column behind a field of an entity's snapshot.

Verify compares snapshots (what the log states), but what was edited behind
the app's back is a column of a table: the report names both, so whoever reads
it can look at the row themselves (tests/db/test_replay_columns.py holds it to
the exact column it edited).
"""

from __future__ import annotations

from typing import Any, Final

from db.audit import canonical_json
from db.casework import ENTITIES as CASEWORK_ENTITIES

# Audit entity → the table its rows are in (where the names differ).
ENTITY_TABLES: Final[dict[str, str]] = {
    "pool": "draw_pool",
    "user": "app_user",
    **{entity: record.__tablename__ for record, entity in CASEWORK_ENTITIES.items()},
}

# (entity, snapshot field) → the column it is read from (where the names differ).
FIELD_COLUMNS: Final[dict[tuple[str, str], str]] = {
    ("draw", "pool"): "pool_id",
    ("draw", "sealed_sha256"): "record",  # recomputed from the stored record
    ("pool", "entries_sha256"): "entries",  # the stored entries, hashed
    ("user", "password_sha256"): "password_hash",  # a fingerprint of the stored hash
    ("selection_turn", "session"): "session_id",
    ("selection", "session"): "session_id",
    ("selection", "flat"): "flat_key",
    ("household", "member_positions"): "position",  # stated only when out of order
}
# Household fields that are the members' columns.
MEMBER_FIELDS: Final = frozenset({"members", "member_positions"})


def table_of(entity: str, field: str | None) -> str:
    if entity == "household" and field in MEMBER_FIELDS:
        return "member"
    return ENTITY_TABLES.get(entity, entity)


def column_of(entity: str, field: str | None, logged: dict[str, Any],
              stored: dict[str, Any]) -> str | None:
    """The column that ``field`` of the two snapshots is read from."""
    if field is None:
        return None
    if entity == "household" and field == "members":
        return _member_column(logged.get(field) or [], stored.get(field) or [])
    # A stored policy document hashing to another value shows as "<stored hash> (document
    # <its hash>)": if the stored hash is as logged, the document was edited.
    if entity == "policy" and field == "sha256" and str(stored.get(field, "")).startswith(
            f"{logged.get(field)} (document "):
        return "document"
    return FIELD_COLUMNS.get((entity, field), field)


def _member_column(logged: list[dict[str, Any]], stored: list[dict[str, Any]]) -> str | None:
    if len(logged) != len(stored):  # a member moved to another household, or deleted
        return "household_id"
    if sorted(map(canonical_json, logged)) == sorted(map(canonical_json, stored)):
        return "position"  # the same members in another order
    for before, now in zip(logged, stored, strict=True):
        found = next((f for f in sorted(set(before) | set(now))
                      if before.get(f) != now.get(f)), None)
        if found is not None:
            return found
    return None
