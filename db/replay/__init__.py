"""db.replay: TODO face docstring."""

from db.replay.check import AuditReport, verify_audit

__all__ = [
    "AuditReport",
    "verify_audit",
]
