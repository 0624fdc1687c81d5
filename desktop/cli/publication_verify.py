"""`anju publication verify FILE.pdf`: is this the notice the office registered, on an intact chain?

Three checks, each said in words, exit 0 only if all pass:

1. the file's SHA-256 is a registered notice's (db.publications): the file
   is byte for byte what was printed and posted;
2. the head printed in its footer (``审计链头：HEX@N``) is still event N of
   the chain (db.audit.check_anchors): nothing before the printing was
   rewritten or cut;
3. the registration's own audit event, which logs the same SHA-256, is in
   the chain after that head: the registry row was not slipped in later.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from desktop.cli.anchors import anchor_line, printed_anchors
from desktop.cli.common import QT_TRANSLATE_NOOP, Database, in_transaction, sayer

SAY: dict[str, str] = {
    "publication_registered": QT_TRANSLATE_NOOP(
        "Cli", "{path}: notice {kind} {label} of project {project}, registered "
        "{registered_at} by {by}; its SHA-256 {sha256} matches the registry"),
    "publication_unregistered": QT_TRANSLATE_NOOP(
        "Cli", "{path}: NOT A REGISTERED NOTICE: no notice was registered with SHA-256 "
        "{sha256} (the file was changed, or never registered)"),
    "publication_event_ok": QT_TRANSLATE_NOOP(
        "Cli", "its registration is audit event {seq}, after the printed head"),
    "publication_event_missing": QT_TRANSLATE_NOOP(
        "Cli", "ITS REGISTRATION IS NOT IN THE AUDIT CHAIN after the printed head: the "
        "registry row was written outside the app"),
    "publication_ok": QT_TRANSLATE_NOOP("Cli", "notice verified"),
}
_say = sayer(SAY)


def verify_publication(path: Path, database: Database) -> int:
    """Print each check's finding; 0 if all three pass, else 1."""
    from db import audit, publications

    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    anchors = [audit.parse_anchor(text) for text in printed_anchors(path)]

    def check(session: Any) -> Any:
        return (publications.registered_file(session, sha256),
                audit.check_anchors(session, anchors))

    found, findings = in_transaction(database, check)
    if found is None:
        print(_say("publication_unregistered").format(path=path.name, sha256=sha256))
        return 1
    notice = found.notice
    print(_say("publication_registered").format(
        path=path.name, kind=notice.kind, label=notice.label, project=found.project,
        registered_at=f"{notice.registered_at:%Y-%m-%d %H:%M} UTC", by=notice.registered_by,
        sha256=sha256))
    for finding in findings:
        print(anchor_line(finding, path.name))
    newest = max((a.count or 0) for a in anchors)
    in_order = found.registered_seq is not None and found.registered_seq > newest
    print(_say("publication_event_ok").format(seq=found.registered_seq) if in_order
          else _say("publication_event_missing"))
    if in_order and all(f.held for f in findings):
        print(_say("publication_ok"))
        return 0
    return 1
