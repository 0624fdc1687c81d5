"""A restore checked against the witness file: the restored chain must hold every witnessed head.

A backup is a copy of the database file: anyone who can make one can also
make one with a rewritten history. The witness file (db/admin/witness.py)
says which heads the real chain passed through; a restored chain that lacks
one is either older than a witnessed act or not the real history. Either
may be what the office wants (going back before a mistaken draw), so a
reason lets it through — written into the restored chain as an ``anchor``
event with the heads it lacks, so the next notary reads why.

Only the lines of the restored chain count (the file serves every database
of the computer); a chain with witnessed acts of which the file names none
(another computer's, or one whose first event was rewritten) needs a reason
too.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from allocation.errors import AnjuError
from db import audit
from db.admin.witness import (
    WitnessLine,
    append_witness,
    lines_of_chain,
    read_witness,
    unwitnessed_chain,
    witness_file,
)
from db.audit import Anchor, AnchorFinding

#: The audit entity of an override (no state of anything: the replay passes over it).
ENTITY_ANCHOR: Final = "anchor"
#: Heads named in the override's event at most (the count says how many there were).
NAMED_AT_MOST: Final = 20


def check_witnessed(connection: Connection, witness: Path | None, *, reason: str,
                    actor: str) -> tuple[Anchor, str | None]:
    """Refuse (or, given a reason, audit) a restored chain lacking a witnessed head.

    Returns the restored chain's head and name, to witness once the restore commits.

    Raises:
        AnjuError: ``backup_lacks_witnessed_heads`` (``lost``, ``anchor``,
            ``verdict``, ``witness``), ``backup_chain_unwitnessed`` (``acts``,
            ``witness``), ``witness_unreadable``, ``witness_line_bad``.
    """
    path = witness or witness_file()
    every = read_witness(path) if path.is_file() else []
    with Session(bind=connection) as session:
        log = audit.chain_log(session)
        lines = lines_of_chain(every, log)
        findings = audit.check_anchors(session, list(dict.fromkeys(line.anchor for line in lines)))
        lost = [f for f in findings if not f.held]
        unnamed = unwitnessed_chain(session, every)
        if lost and not reason.strip():
            newest = max(lost, key=_count)
            raise AnjuError("backup_lacks_witnessed_heads", lost=len(lost),
                            anchor=str(newest.anchor), verdict=newest.verdict,
                            witness=str(path))
        if unnamed and not reason.strip():
            raise AnjuError("backup_chain_unwitnessed", acts=unnamed, witness=str(path))
        if lost or unnamed:
            _audit_override(session, lost, reason.strip(), actor, path, unnamed)
            session.flush()
        return audit.current_anchor(session), log


def _count(finding: AnchorFinding) -> int:
    return finding.anchor.count if finding.anchor.count is not None else -1


def _audit_override(session: Session, lost: list[AnchorFinding], reason: str, actor: str,
                    path: Path, unnamed: int) -> None:
    after: dict[str, object] = {
        "reason": reason, "witness": str(path), "lost": len(lost),
        "heads": [f"{f.anchor} {f.verdict}" for f in lost[-NAMED_AT_MOST:]]}
    if unnamed:  # only then, so an override's record reads as before otherwise
        after["unwitnessed_acts"] = unnamed
    audit.record(session, audit.AuditEntry(None, actor or "-", "override", ENTITY_ANCHOR,
                                           "restore", after=after))


def witness_restored(anchor: Anchor, log: str | None, witness: Path | None) -> None:
    """Witness the restored head (after the commit: a refused restore leaves no line).

    Raises:
        AnjuError: ``witness_unwritable`` — the restore is done, but unwitnessed.
    """
    path = witness or witness_file()
    try:
        append_witness(path, WitnessLine(datetime.now(UTC), "restore", None, anchor, log))
    except OSError as error:
        raise AnjuError("witness_unwritable", path=str(path), reason=str(error)) from error
