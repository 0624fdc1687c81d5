"""`anju audit verify`, `anju backup` and `anju restore`: the database's integrity and copies.

`audit verify` exits 0 only when the hash chain of the audit log is whole
and the data is what the log says; a backup restores only into an empty
database unless ``--replace`` is given.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.anchors import add_anchor_options, anchors_given, report_anchors
from desktop.cli.common import QT_TRANSLATE_NOOP, Command, Database, in_transaction, sayer

SAY: dict[str, str] = {
    "backup_written": QT_TRANSLATE_NOOP(
        "Cli", "backup written to {path}: {households} households, {events} audit events"),
    "backup_restored": QT_TRANSLATE_NOOP(
        "Cli", "restored {path}: {households} households, {events} audit events"),
    "audit_ok": QT_TRANSLATE_NOOP(
        "Cli", "audit log whole: {events} events, and the data matches them"),
    "audit_chain_broken": QT_TRANSLATE_NOOP(
        "Cli", "audit log broken at event {seq}: {reason}"),
    "audit_data_mismatch": QT_TRANSLATE_NOOP(
        "Cli", "data differs from the audit log: {entity} {key}: {reason} (field {field}; "
        "stored in {column})"),
}
_say = sayer(SAY)


def add_commands(commands: Any) -> None:
    """`backup`, `restore` and `audit` under the `anju` parser's subcommands."""
    backup = commands.add_parser(
        "backup", help="back up the database (FILE.sqlite3: SQLite online copy; "
        "other names: portable archive)")
    backup.add_argument("file", type=Path)
    restore = commands.add_parser("restore", help="restore a backup into the database")
    restore.add_argument("file", type=Path)
    restore.add_argument("--replace", action="store_true",
                         help="replace the data the database already holds")
    restore.add_argument("--witness", type=Path, metavar="FILE",
                         help="the witness file whose heads the backup must hold "
                         "(default: ANJU_WITNESS_FILE, else beside the automatic backups)")
    restore.add_argument("--reason", default="",
                         help="restore a backup lacking witnessed heads all the same, "
                         "saying why (audited)")
    audit = commands.add_parser("audit", help="check the audit log and the data against it")
    audit_actions = audit.add_subparsers(dest="action", required=True)
    audit_verify = audit_actions.add_parser("verify")
    audit_verify.add_argument("--project", help="compare only this project's data")
    add_anchor_options(audit_verify)
    audit_log = audit_actions.add_parser(
        "log", help="the audit log in words: who did what to which record, what changed")
    audit_log.add_argument("--project", help="only this project's events")
    audit_log.add_argument("--last", type=int, metavar="N", help="only the newest N events")


def cmd_audit(args: argparse.Namespace, database: Database) -> int:
    if args.action == "log":
        return _audit_log(args, database)
    return _audit_verify(args, database)


def _audit_log(args: argparse.Namespace, database: Database) -> int:
    """Print the events in chain order, in the words of the Audit page."""
    from db import registry
    from desktop.admin import audit_line

    def read(session: Any) -> Any:
        project_id = registry.find_project(session, args.project) if args.project else None
        return registry.audit_rows(session, project_id)

    rows = in_transaction(database, read)
    for row in rows[-args.last:] if args.last else rows:
        print(audit_line(row))
    return 0


def _audit_verify(args: argparse.Namespace, database: Database) -> int:
    """Exit 0 when the chain is whole and the data is what the log says; else 1, naming why."""
    from db import registry
    from db.replay import verify_audit
    from desktop.i18n import check_finding, event_entity, record_field, stored_in

    def check(session: Any) -> Any:
        project_id = registry.find_project(session, args.project) if args.project else None
        return verify_audit(session, project_id)

    report = in_transaction(database, check)
    anchors, named = anchors_given(args, database)
    if (anchors and not report_anchors(database, anchors)) or not named:
        return 1
    if report.chain_break is not None:
        found = report.chain_break
        print(_say("audit_chain_broken").format(seq=found.seq,
                                                reason=check_finding(found.reason)))
        return 1
    if report.mismatch is not None:
        found = report.mismatch
        print(_say("audit_data_mismatch").format(
            entity=event_entity(found.entity), key=found.key, reason=check_finding(found.reason),
            field=record_field(found.field, found.entity) if found.field else "-",
            column=stored_in(found.table, found.column)))
        return 1
    print(_say("audit_ok").format(events=report.events))
    return 0


def cmd_backup(args: argparse.Namespace, database: Database) -> int:
    from db.admin import backup

    counts = backup(database.engine, args.file, actor=args.user)
    print(_say("backup_written").format(path=args.file, households=counts.get("household", 0),
                                        events=counts.get("audit_event", 0)))
    return 0


def cmd_restore(args: argparse.Namespace, database: Database) -> int:
    from db.admin import restore
    from db.replay import restored_data_mismatch

    counts = restore(database.engine, args.file, replace=args.replace, actor=args.user,
                     check=restored_data_mismatch, witness=args.witness, reason=args.reason)
    print(_say("backup_restored").format(path=args.file, households=counts.get("household", 0),
                                         events=counts.get("audit_event", 0)))
    return 0


HANDLERS: dict[str, Command] = {
    "audit": cmd_audit,
    "backup": cmd_backup,
    "restore": cmd_restore,
}
