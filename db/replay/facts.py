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
    # Surrogate keys nothing else refers to by them: the log names these rows otherwise.
    ("app_user", "id"): "surrogate key: users are replayed by name",
    ("policy", "id"): "surrogate key: versions are replayed by number",
    ("member", "id"): "surrogate key: members are replayed within their household, in order",
    ("session_plan", "id"): "surrogate key: plan versions are replayed by number",
}

# Facts verify does not replay yet: each is a gap to close, listed so that the generated
# test stays a list of what is known rather than silently passing them. None is left
# (issue 18); a column added later without a replay check goes here or in NOT_FACTS.
NOT_YET_REPLAYED: Final[dict[tuple[str, str], str]] = {}
