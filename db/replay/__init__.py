"""The replay check: does the data still equal what the audit log says? Every event's
after-state is replayed and compared with the rows, so a change made behind the log's
back is found and named."""

from db.replay.check import AuditReport, restored_data_mismatch, verify_audit
from db.replay.facts import NOT_FACTS, NOT_REPLAYED_TABLES, NOT_YET_REPLAYED
from db.replay.location import ENTITY_TABLES

__all__ = [
    "ENTITY_TABLES",
    "NOT_FACTS",
    "NOT_REPLAYED_TABLES",
    "NOT_YET_REPLAYED",
    "AuditReport",
    "restored_data_mismatch",
    "verify_audit",
]
