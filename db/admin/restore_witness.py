"""A restore checked against the witness file: the restored chain must hold every witnessed head.

A backup is a copy of the database file: anyone who can make one can also
make one with a rewritten history. The witness file (db/admin/witness.py)
says which heads the real chain passed through; a restored chain that lacks
one is either older than a witnessed act or not the real history. Either
may be what the office wants (going back before a mistaken draw), so a
reason lets it through — written into the restored chain as an ``anchor``
event with the heads it lacks, so the next notary reads why.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from allocation.errors import AnjuError
from db import audit
from db.admin.witness import WitnessLine, append_witness, read_witness, witness_file
from db.audit import Anchor, AnchorFinding

#: The audit entity of an override (no state of anything: the replay passes over it).
ENTITY_ANCHOR: Final = "anchor"
#: Heads named in the override's event at most (the count says how many there were).
NAMED_AT_MOST: Final = 20


def check_witnessed(connection: Connection, witness: Path | None, *, reason: str,
                    actor: str) -> Anchor:
    """Refuse (or, given a reason, audit) a restored chain lacking a witnessed head.

    Returns the restored chain's head, to witness once the restore commits.

    Raises:
        AnjuError: ``backup_lacks_witnessed_heads`` (``lost``, ``anchor``,
            ``verdict``, ``witness``), ``witness_unreadable``, ``witness_line_bad``.
    """
    path = witness or witness_file()
    lines = read_witness(path) if path.is_file() else []
    with Session(bind=connection) as session:
        findings = audit.check_anchors(session, list(dict.fromkeys(line.anchor for line in lines)))
        lost = [f for f in findings if not f.held]
        if lost and not reason.strip():
            newest = max(lost, key=_count)
            raise AnjuError("backup_lacks_witnessed_heads", lost=len(lost),
                            anchor=str(newest.anchor), verdict=newest.verdict,
                            witness=str(path))
        if lost:
            _audit_override(session, lost, reason.strip(), actor, path)
            session.flush()
        return audit.current_anchor(session)


def _count(finding: AnchorFinding) -> int:
    return finding.anchor.count if finding.anchor.count is not None else -1


def _audit_override(session: Session, lost: list[AnchorFinding], reason: str, actor: str,
                    path: Path) -> None:
    after = {"reason": reason, "witness": str(path), "lost": len(lost),
             "heads": [f"{f.anchor} {f.verdict}" for f in lost[-NAMED_AT_MOST:]]}
    audit.record(session, audit.AuditEntry(None, actor or "-", "override", ENTITY_ANCHOR,
                                           "restore", after=after))


def witness_restored(anchor: Anchor, witness: Path | None) -> None:
    """Witness the restored head (after the commit: a refused restore leaves no line).

    Raises:
        AnjuError: ``witness_unwritable`` — the restore is done, but unwitnessed.
    """
    path = witness or witness_file()
    try:
        append_witness(path, WitnessLine(datetime.now(UTC), "restore", None, anchor))
    except OSError as error:
        raise AnjuError("witness_unwritable", path=str(path), reason=str(error)) from error
