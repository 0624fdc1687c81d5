"""The audit log in words: each event's action and record kind, and the fields of the
logged states that are not already in the fields' table (:data:`FIELD_NAMES`).

The log stores identifiers (``select``, ``selection_turn``, ``called_at``) so
that it can be replayed; a notary reads it in words. Every action, record
kind and field the database can write has a word here: tests/desktop/
test_record_words.py collects them from the database code and its tables and
fails on any without one (in English and, through the catalogue, in Chinese).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.i18n.messages import FIELD_NAMES, field_name

CONTEXT = "RecordWords"

#: What an audit event did (its ``action``).
EVENT_ACTIONS: dict[str, str] = {
    "create": QT_TRANSLATE_NOOP("RecordWords", "created"),
    "import": QT_TRANSLATE_NOOP("RecordWords", "imported"),
    "update": QT_TRANSLATE_NOOP("RecordWords", "changed"),
    "delete": QT_TRANSLATE_NOOP("RecordWords", "deleted"),
    "rename": QT_TRANSLATE_NOOP("RecordWords", "renamed"),
    # A session plan (选房安排) saved: a new version of it.
    "set": QT_TRANSLATE_NOOP("RecordWords", "set"),
    # A restore let through, with a reason, although it lacks heads the witness file holds.
    "override": QT_TRANSLATE_NOOP("RecordWords", "let through with a reason"),
    "publish": QT_TRANSLATE_NOOP("RecordWords", "published"),
    "freeze": QT_TRANSLATE_NOOP("RecordWords", "frozen"),
    "supersede": QT_TRANSLATE_NOOP("RecordWords", "superseded"),
    "announce": QT_TRANSLATE_NOOP("RecordWords", "sources announced"),
    "draw": QT_TRANSLATE_NOOP("RecordWords", "drawn"),
    "retract": QT_TRANSLATE_NOOP("RecordWords", "withdrawn"),
    "open": QT_TRANSLATE_NOOP("RecordWords", "opened"),
    "close": QT_TRANSLATE_NOOP("RecordWords", "closed"),
    "pause": QT_TRANSLATE_NOOP("RecordWords", "paused"),
    "resume": QT_TRANSLATE_NOOP("RecordWords", "resumed"),
    "call": QT_TRANSLATE_NOOP("RecordWords", "called"),
    "skip": QT_TRANSLATE_NOOP("RecordWords", "passed over"),
    "move_to_end": QT_TRANSLATE_NOOP("RecordWords", "moved to the end"),
    "final_call": QT_TRANSLATE_NOOP("RecordWords", "final call"),
    "absent": QT_TRANSLATE_NOOP("RecordWords", "absent"),
    "decline": QT_TRANSLATE_NOOP("RecordWords", "declined"),
    "select": QT_TRANSLATE_NOOP("RecordWords", "chose"),
    "revoke": QT_TRANSLATE_NOOP("RecordWords", "revoked"),
    "void": QT_TRANSLATE_NOOP("RecordWords", "voided"),
    # a sign-in's outcome (db.admin.users: only failures, and the success that ends them)
    "failed": QT_TRANSLATE_NOOP("RecordWords", "failed"),
    "succeeded": QT_TRANSLATE_NOOP("RecordWords", "succeeded"),
    "proxy": QT_TRANSLATE_NOOP("RecordWords", "proxy recorded"),
    "requeue": QT_TRANSLATE_NOOP("RecordWords", "put back in the queue"),
    "answer": QT_TRANSLATE_NOOP("RecordWords", "answered"),
    "reopen": QT_TRANSLATE_NOOP("RecordWords", "reopened"),
    "reassign": QT_TRANSLATE_NOOP("RecordWords", "reassigned"),
    "resolve": QT_TRANSLATE_NOOP("RecordWords", "decided"),
}

#: The kind of record an audit event is about (its ``entity``).
EVENT_ENTITIES: dict[str, str] = {
    "project": QT_TRANSLATE_NOOP("RecordWords", "project"),
    "anchor": QT_TRANSLATE_NOOP("RecordWords", "witnessed chain head"),
    "session_plan": QT_TRANSLATE_NOOP("RecordWords", "session plan"),
    "household": QT_TRANSLATE_NOOP("RecordWords", "household"),
    "import_batch": QT_TRANSLATE_NOOP("RecordWords", "imported households"),
    "flat": QT_TRANSLATE_NOOP("RecordWords", "flat"),
    "policy": QT_TRANSLATE_NOOP("RecordWords", "rules"),
    "pool": QT_TRANSLATE_NOOP("RecordWords", "lottery pool"),
    "draw": QT_TRANSLATE_NOOP("RecordWords", "draw"),
    "user": QT_TRANSLATE_NOOP("RecordWords", "user"),
    "sign_in": QT_TRANSLATE_NOOP("RecordWords", "sign-in"),
    "publication": QT_TRANSLATE_NOOP("RecordWords", "notice"),
    "objection": QT_TRANSLATE_NOOP("RecordWords", "objection"),
    "team": QT_TRANSLATE_NOOP("RecordWords", "team"),
    "staff": QT_TRANSLATE_NOOP("RecordWords", "staff member"),
    "assignment": QT_TRANSLATE_NOOP("RecordWords", "assignment"),
    "visit": QT_TRANSLATE_NOOP("RecordWords", "visit"),
    "request": QT_TRANSLATE_NOOP("RecordWords", "request"),
    "case_flag": QT_TRANSLATE_NOOP("RecordWords", "case flag"),
    "case_note": QT_TRANSLATE_NOOP("RecordWords", "case note"),
    "attachment": QT_TRANSLATE_NOOP("RecordWords", "attachment"),
    "progress_step": QT_TRANSLATE_NOOP("RecordWords", "progress step"),
    "intention": QT_TRANSLATE_NOOP("RecordWords", "selection intention"),
    "selection_session": QT_TRANSLATE_NOOP("RecordWords", "selection session"),
    "selection_turn": QT_TRANSLATE_NOOP("RecordWords", "selection turn"),
    "selection": QT_TRANSLATE_NOOP("RecordWords", "selection"),
}

#: Fields of logged states that the fields' table (FIELD_NAMES) does not name.
RECORD_FIELDS: dict[str, str] = {
    "active": QT_TRANSLATE_NOOP("RecordWords", "active"),
    "added_on": QT_TRANSLATE_NOOP("RecordWords", "date added"),
    "announced_at": QT_TRANSLATE_NOOP("RecordWords", "time announced"),
    "announced_by": QT_TRANSLATE_NOOP("RecordWords", "announced by"),
    "answered_in_id": QT_TRANSLATE_NOOP("RecordWords", "answered in notice"),
    "assigned_on": QT_TRANSLATE_NOOP("RecordWords", "date assigned"),
    "author": QT_TRANSLATE_NOOP("RecordWords", "author"),
    "call_round": QT_TRANSLATE_NOOP("RecordWords", "call round"),
    "called_at": QT_TRANSLATE_NOOP("RecordWords", "time called"),
    "calls": QT_TRANSLATE_NOOP("RecordWords", "calls"),
    "chain_head": QT_TRANSLATE_NOOP("RecordWords", "chain head"),
    "change_seq": QT_TRANSLATE_NOOP("RecordWords", "change number"),
    "closed_at": QT_TRANSLATE_NOOP("RecordWords", "time closed"),
    "compensation": QT_TRANSLATE_NOOP("RecordWords", "compensation"),
    "contact": QT_TRANSLATE_NOOP("RecordWords", "contact"),
    "content_sha256": QT_TRANSLATE_NOOP("RecordWords", "content hash"),
    "created_at": QT_TRANSLATE_NOOP("RecordWords", "time created"),
    "created_by": QT_TRANSLATE_NOOP("RecordWords", "created by"),
    "decided_by": QT_TRANSLATE_NOOP("RecordWords", "decided by"),
    "document": QT_TRANSLATE_NOOP("RecordWords", "document"),
    "done_on": QT_TRANSLATE_NOOP("RecordWords", "date done"),
    "draw_id": QT_TRANSLATE_NOOP("RecordWords", "draw"),
    "draw_sha256": QT_TRANSLATE_NOOP("RecordWords", "draw hash"),
    "entitlement": QT_TRANSLATE_NOOP("RecordWords", "entitlement"),
    "entries": QT_TRANSLATE_NOOP("RecordWords", "entries"),
    "entries_sha256": QT_TRANSLATE_NOOP("RecordWords", "entries hash"),
    "final_call": QT_TRANSLATE_NOOP("RecordWords", "final call"),
    "final_call_held": QT_TRANSLATE_NOOP("RecordWords", "final call held"),
    "finished_at": QT_TRANSLATE_NOOP("RecordWords", "time finished"),
    "first_staff_id": QT_TRANSLATE_NOOP("RecordWords", "first staff member"),
    "flat": QT_TRANSLATE_NOOP("RecordWords", "flat"),
    "flat_id": QT_TRANSLATE_NOOP("RecordWords", "flat"),
    "flat_key": QT_TRANSLATE_NOOP("RecordWords", "flat's full number"),
    "flat_no": QT_TRANSLATE_NOOP("RecordWords", "flat of the household (1, 2, …)"),
    "frozen_at": QT_TRANSLATE_NOOP("RecordWords", "time frozen"),
    "frozen_by": QT_TRANSLATE_NOOP("RecordWords", "frozen by"),
    "group_name": QT_TRANSLATE_NOOP("RecordWords", "group"),
    "group_rank": QT_TRANSLATE_NOOP("RecordWords", "rank in group"),
    "heartbeat_at": QT_TRANSLATE_NOOP("RecordWords", "last sign of life"),
    "held_on": QT_TRANSLATE_NOOP("RecordWords", "date held"),
    "household_code": QT_TRANSLATE_NOOP("RecordWords", "household code"),
    "household_id": QT_TRANSLATE_NOOP("RecordWords", "household"),
    "id": QT_TRANSLATE_NOOP("RecordWords", "record number"),
    "kind": QT_TRANSLATE_NOOP("RecordWords", "kind"),
    "member_conditions": QT_TRANSLATE_NOOP("RecordWords", "members' conditions"),
    "member_count": QT_TRANSLATE_NOOP("RecordWords", "members"),
    "new_member_count": QT_TRANSLATE_NOOP("RecordWords", "new members"),
    "opened_at": QT_TRANSLATE_NOOP("RecordWords", "time opened"),
    "opened_by": QT_TRANSLATE_NOOP("RecordWords", "opened by"),
    "operator": QT_TRANSLATE_NOOP("RecordWords", "operator"),
    "order_no": QT_TRANSLATE_NOOP("RecordWords", "order number"),
    "pages": QT_TRANSLATE_NOOP("RecordWords", "pages"),
    "password_hash": QT_TRANSLATE_NOOP("RecordWords", "password (hashed)"),
    "period_end": QT_TRANSLATE_NOOP("RecordWords", "end of period"),
    "period_start": QT_TRANSLATE_NOOP("RecordWords", "start of period"),
    "place": QT_TRANSLATE_NOOP("RecordWords", "place"),
    "policy_sha256": QT_TRANSLATE_NOOP("RecordWords", "rules hash"),
    "pool": QT_TRANSLATE_NOOP("RecordWords", "lottery pool"),
    "pool_id": QT_TRANSLATE_NOOP("RecordWords", "lottery pool"),
    "pool_sha256": QT_TRANSLATE_NOOP("RecordWords", "pool hash"),
    "position": QT_TRANSLATE_NOOP("RecordWords", "position"),
    # Stated by the check only when members are out of their order 0, 1, 2...
    "member_positions": QT_TRANSLATE_NOOP("RecordWords", "members' order"),
    "price_total": QT_TRANSLATE_NOOP("RecordWords", "price total"),
    "project_id": QT_TRANSLATE_NOOP("RecordWords", "project"),
    "publication_id": QT_TRANSLATE_NOOP("RecordWords", "notice"),
    "published_at": QT_TRANSLATE_NOOP("RecordWords", "time published"),
    "published_by": QT_TRANSLATE_NOOP("RecordWords", "published by"),
    "raised_on": QT_TRANSLATE_NOOP("RecordWords", "date raised"),
    "received_on": QT_TRANSLATE_NOOP("RecordWords", "date received"),
    "recognised_count": QT_TRANSLATE_NOOP("RecordWords", "recognised members"),
    "record": QT_TRANSLATE_NOOP("RecordWords", "record"),
    "record_sha256": QT_TRANSLATE_NOOP("RecordWords", "record hash"),
    "recorded_by": QT_TRANSLATE_NOOP("RecordWords", "recorded by"),
    "registered_at": QT_TRANSLATE_NOOP("RecordWords", "time registered"),
    "registered_by": QT_TRANSLATE_NOOP("RecordWords", "registered by"),
    "rehearsal": QT_TRANSLATE_NOOP("RecordWords", "rehearsal"),
    "revoke_reason": QT_TRANSLATE_NOOP("RecordWords", "reason for revoking"),
    "revoked_at": QT_TRANSLATE_NOOP("RecordWords", "time revoked"),
    "revoked_by": QT_TRANSLATE_NOOP("RecordWords", "revoked by"),
    "voided_at": QT_TRANSLATE_NOOP("RecordWords", "time voided"),
    "voided_by": QT_TRANSLATE_NOOP("RecordWords", "voided by"),
    "void_reason": QT_TRANSLATE_NOOP("RecordWords", "reason for voiding"),
    "outcome": QT_TRANSLATE_NOOP("RecordWords", "outcome"),
    "role": QT_TRANSLATE_NOOP("RecordWords", "role"),
    "sealed_sha256": QT_TRANSLATE_NOOP("RecordWords", "sealed hash"),
    "search_text": QT_TRANSLATE_NOOP("RecordWords", "search text"),
    "second_staff_id": QT_TRANSLATE_NOOP("RecordWords", "second staff member"),
    "selected_at": QT_TRANSLATE_NOOP("RecordWords", "time chosen"),
    "seq": QT_TRANSLATE_NOOP("RecordWords", "number"),
    "session": QT_TRANSLATE_NOOP("RecordWords", "selection session"),
    "session_id": QT_TRANSLATE_NOOP("RecordWords", "selection session"),
    "settlement": QT_TRANSLATE_NOOP("RecordWords", "settlement"),
    "sha256": QT_TRANSLATE_NOOP("RecordWords", "hash"),
    "size": QT_TRANSLATE_NOOP("RecordWords", "size"),
    "sources": QT_TRANSLATE_NOOP("RecordWords", "public sources"),
    "state": QT_TRANSLATE_NOOP("RecordWords", "state"),
    "step": QT_TRANSLATE_NOOP("RecordWords", "step"),
    "team_id": QT_TRANSLATE_NOOP("RecordWords", "team"),
    "turn_id": QT_TRANSLATE_NOOP("RecordWords", "selection turn"),
    "version": QT_TRANSLATE_NOOP("RecordWords", "version"),
    "witnesses": QT_TRANSLATE_NOOP("RecordWords", "witnesses"),
    "written_on": QT_TRANSLATE_NOOP("RecordWords", "date written"),
    # A session plan's and its turns' (选房安排).
    "batch": QT_TRANSLATE_NOOP("RecordWords", "batch"),
    "batches": QT_TRANSLATE_NOOP("RecordWords", "batches"),
    "saved_at": QT_TRANSLATE_NOOP("RecordWords", "saved at"),
    "saved_by": QT_TRANSLATE_NOOP("RecordWords", "saved by"),
    "venue": QT_TRANSLATE_NOOP("RecordWords", "venue"),
    # An import batch's (db.audit.batches): its columns, source file and households' rows.
    "fields": QT_TRANSLATE_NOOP("RecordWords", "fields recorded"),
    "file": QT_TRANSLATE_NOOP("RecordWords", "file imported"),
    "households": QT_TRANSLATE_NOOP("RecordWords", "households"),
}

#: What `anju audit verify` found (ChainBreak.reason and DataMismatch.reason in db.replay).
CHECK_FINDINGS: dict[str, str] = {
    "hash_mismatch": QT_TRANSLATE_NOOP("RecordWords", "its hash does not match its content"),
    "link_mismatch": QT_TRANSLATE_NOOP("RecordWords", "it does not link to the event before it"),
    "missing_event": QT_TRANSLATE_NOOP("RecordWords", "an event is missing"),
    "head_mismatch": QT_TRANSLATE_NOOP("RecordWords",
                                       "the chain head does not match the newest event"),
    "changed_outside_app": QT_TRANSLATE_NOOP("RecordWords", "changed outside Anju"),
    "missing_row": QT_TRANSLATE_NOOP("RecordWords", "the log says it exists, but it is gone"),
    "unlogged_row": QT_TRANSLATE_NOOP("RecordWords", "no logged event created it"),
}


#: The acts whose chain head goes to the witness file (db/admin/witness.py's lines name
#: them so); their own context, as the Settings dialog shows them too.
WITNESSED_ACTS: dict[str, str] = {
    "freeze": QT_TRANSLATE_NOOP("Witness", "rules frozen"),
    "pool": QT_TRANSLATE_NOOP("Witness", "pool published"),
    "draw": QT_TRANSLATE_NOOP("Witness", "drawn"),
    "session-open": QT_TRANSLATE_NOOP("Witness", "session opened"),
    "session-close": QT_TRANSLATE_NOOP("Witness", "session closed"),
    "void": QT_TRANSLATE_NOOP("Witness", "session voided"),
    "restore": QT_TRANSLATE_NOOP("Witness", "restored"),
}


def act_words(act: str) -> str:
    """A witnessed act in words (one Anju does not know yet: as written)."""
    if act in WITNESSED_ACTS:
        return QCoreApplication.translate("Witness", WITNESSED_ACTS[act])
    return act


def _translated(words: dict[str, str], key: str) -> str:
    # An unknown identifier is shown as it is stored: better than hiding an event.
    return QCoreApplication.translate(CONTEXT, words[key]) if key in words else key


def event_action(action: str) -> str:
    """What the event did, e.g. ``select`` → 选定 (chose)."""
    return _translated(EVENT_ACTIONS, action)


def event_entity(entity: str) -> str:
    """The kind of record the event is about, e.g. ``selection_turn`` → 选房顺序."""
    return _translated(EVENT_ENTITIES, entity)


#: Fields whose word depends on the record: FIELD_NAMES reads ``name`` as a person's name
#: (姓名), which a project's, a user's or a team's name is not.
ENTITY_FIELDS: dict[tuple[str, str], str] = {
    ("project", "name"): QT_TRANSLATE_NOOP("RecordWords", "short name"),
    ("user", "name"): QT_TRANSLATE_NOOP("RecordWords", "user name"),
    ("sign_in", "name"): QT_TRANSLATE_NOOP("RecordWords", "user name"),
    ("team", "name"): QT_TRANSLATE_NOOP("RecordWords", "team name"),
}


def record_field(name: str, entity: str = "") -> str:
    """A field of a logged state in words: the record's own word for it first, then the
    fields' table, then the words of the log's own fields."""
    if (entity, name) in ENTITY_FIELDS:
        return QCoreApplication.translate(CONTEXT, ENTITY_FIELDS[entity, name])
    if name in FIELD_NAMES:
        return field_name(name)
    return _translated(RECORD_FIELDS, name)


def check_finding(reason: str) -> str:
    """What the check found, in words."""
    return _translated(CHECK_FINDINGS, reason)


#: Tables whose rows are no audit entity of their own (their entity's word names the rest).
TABLE_WORDS: dict[str, str] = {
    "member": QT_TRANSLATE_NOOP("RecordWords", "household member"),
}


def stored_in(table: str, column: str | None) -> str:
    """Where the check found a difference, in words: the table, then the column (a member's
    position: 家庭成员·位置), so that whoever opens the database knows where to look."""
    from db.replay import ENTITY_TABLES  # here: the light CLI commands load no database code

    entity = next((e for e, t in ENTITY_TABLES.items() if t == table), table)
    words = (QCoreApplication.translate(CONTEXT, TABLE_WORDS[table]) if table in TABLE_WORDS
             else event_entity(entity))
    return f"{words}·{record_field(column)}" if column else words


def has_field_words(name: str) -> bool:
    return name in FIELD_NAMES or name in RECORD_FIELDS
