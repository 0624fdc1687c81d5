"""db.audit: TODO face docstring."""

from db.audit.chain import AuditEntry, ChainBreak, chain_head, record, record_many, verify_chain
from db.audit.snapshots import Snapshot, flat_snapshot, household_snapshot

__all__ = [
    "AuditEntry",
    "ChainBreak",
    "Snapshot",
    "chain_head",
    "flat_snapshot",
    "household_snapshot",
    "record",
    "record_many",
    "verify_chain",
]
