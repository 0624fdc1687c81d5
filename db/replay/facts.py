"""Which columns are not facts: the one list of what verify does not replay, with why.

Every other column of every table is a fact the app decides with, and a change
made to it behind the app's back is named by `verify_audit`
(tests/db/test_replay_columns.py edits each one in turn and fails on a column
that is neither replayed nor listed here).
"""

from __future__ import annotations

from typing import Final

# Tables that are the record itself, not data replayed from it: the hash chain
# (verify_chain checks every event and the head; db.audit).
NOT_REPLAYED_TABLES: Final = frozenset({"audit_event", "audit_head"})

# (table, column): why it is not a fact the app decides with.
NOT_FACTS: Final[dict[tuple[str, str], str]] = {
    ("selection_session", "heartbeat_at"):
        "liveness of the desk (is the operator's workstation still there), not data",
    ("selection_session", "change_seq"):
        "a counter raised by every operation so displays know when to read again",
    ("household", "search_text"):
        "what instant search matches (code, phone, names, IDs lower-cased); it decides "
        "nothing, and rows written by hand before migrations left it empty",
    ("household", "version"):
        "optimistic locking counter: refuses a stale save, decides nothing",
    ("flat", "version"):
        "optimistic locking counter: refuses a stale save, decides nothing",
    ("app_user", "version"):
        "optimistic locking counter: refuses a stale save, decides nothing",
}

# Facts verify does not replay yet: each is a gap to close (issue 18), listed so that
# the generated test stays a list of what is known rather than silently passing them.
# Times: the row's moment and its event's differ by milliseconds (two now() calls), so
# they need the event's time written into the row first.
NOT_YET_REPLAYED: Final[dict[tuple[str, str], str]] = {
    ("app_user", "id"): "surrogate key; users are replayed by name",
    ("app_user", "created_at"): "time of the row, not compared with its event's time",
    ("project", "created_at"): "time of the row, not compared with its event's time",
    ("policy", "id"): "surrogate key; versions are replayed by number",
    ("policy", "created_at"): "time of the row, not compared with its event's time",
    ("policy", "frozen_at"): "time of the row, not compared with its event's time",
    ("draw_pool", "published_at"): "time of the row, not compared with its event's time",
    ("draw", "announced_at"): "time of the row, not compared with its event's time",
    ("draw", "sources"): "bad JSON makes verify raise instead of naming the row",
    ("draw", "witnesses"): "bad JSON makes verify raise instead of naming the row",
    ("draw", "record"): "bad JSON makes verify raise instead of naming the row",
    ("household", "compensation_mode"): "a value outside the enum makes verify raise",
    ("household", "old_home_use"): "a value outside the enum makes verify raise",
    ("member", "id"): "surrogate key; members are replayed within their household",
    ("member", "position"): "order of members: repositions not seen when values coincide",
    ("selection_session", "opened_at"): "time of the row, not compared with its event's time",
    ("selection_session", "voided_by"): "not in the session's snapshot",
    ("selection_session", "voided_at"): "not in the session's snapshot",
    ("selection_session", "void_reason"): "not in the session's snapshot",
    ("selection_turn", "group_name"): "not in the turn's snapshot",
    ("selection", "turn_id"): "not in the selection's snapshot",
    ("session_plan", "id"): "surrogate key; plan versions are replayed by number",
}
