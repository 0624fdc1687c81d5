"""The audit log: every change with who made it and both states, hash-chained; and what a
transaction changed (:class:`Changes`), read off the events it appended."""

from db.audit.anchors import (
    CUT,
    HELD,
    NOT_FOUND,
    REWRITTEN,
    Anchor,
    AnchorFinding,
    anchors_of,
    chain_log,
    check_anchors,
    current_anchor,
    parse_anchor,
)
from db.audit.batches import (
    BATCH_SIZE,
    ENTITY_IMPORT_BATCH,
    ImportSource,
    batch_codes,
    expand_batch,
    household_batches,
)
from db.audit.chain import (
    AuditEntry,
    ChainBreak,
    chain_head,
    record,
    record_block,
    record_many,
    verify_chain,
)
from db.audit.changes import NO_CHANGES, Changes, changes_of
from db.audit.changes import forget as forget_changes
from db.audit.changes import note as note_changes
from db.audit.changes import take as take_changes
from db.audit.snapshots import (
    LATER_FIELDS,
    Snapshot,
    as_logged,
    canonical_json,
    flat_snapshot,
    household_snapshot,
    household_snapshot_json,
    moment_text,
    unstated_fields,
    upgrade_flat_snapshot,
    upgrade_household_snapshot,
)

__all__ = [
    "LATER_FIELDS",
    "as_logged",
    "moment_text",
    "unstated_fields",
    "CUT",
    "HELD",
    "NOT_FOUND",
    "REWRITTEN",
    "Anchor",
    "AnchorFinding",
    "anchors_of",
    "chain_log",
    "BATCH_SIZE",
    "ENTITY_IMPORT_BATCH",
    "ImportSource",
    "batch_codes",
    "expand_batch",
    "household_batches",
    "check_anchors",
    "current_anchor",
    "parse_anchor",
    "NO_CHANGES",
    "AuditEntry",
    "Changes",
    "changes_of",
    "forget_changes",
    "note_changes",
    "take_changes",
    "ChainBreak",
    "Snapshot",
    "canonical_json",
    "chain_head",
    "flat_snapshot",
    "household_snapshot",
    "household_snapshot_json",
    "record",
    "record_block",
    "record_many",
    "upgrade_flat_snapshot",
    "upgrade_household_snapshot",
    "verify_chain",
]
