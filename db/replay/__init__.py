"""The replay check: does the data still equal what the audit log says? Every event's
after-state is replayed and compared with the rows, so a change made behind the log's
back is found and named."""

from db.replay.check import AuditReport, restored_data_mismatch, verify_audit

__all__ = [
    "AuditReport",
    "restored_data_mismatch",
    "verify_audit",
]
