"""`anju report daily` and `anju casework …`: daily report, visit and intention files, requests.

One transaction per command, like every command; an import of visits is all
or nothing, and a refused one lists every problem, one line each.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from allocation.errors import NotFoundError
from desktop.cli.common import (
    QT_TRANSLATE_NOOP,
    Command,
    Database,
    in_transaction,
    print_rejections,
    sayer,
)

SAY: dict[str, str] = {
    "report_written": QT_TRANSLATE_NOOP(
        "Cli", "wrote the daily report of {day} for {project} to {path} ({pages} pages)"),
    "visits_imported": QT_TRANSLATE_NOOP("Cli", "imported {count} visits into {project}"),
    "case_log_exported": QT_TRANSLATE_NOOP(
        "Cli", "exported {count} case log entries of {project} to {path}"),
    "progress_exported": QT_TRANSLATE_NOOP(
        "Cli", "exported the progress of {count} households to {path}"),
    "requests_found": QT_TRANSLATE_NOOP("Cli", "{count} requests"),
    "intentions_imported": QT_TRANSLATE_NOOP(
        "Cli", "imported the intentions of {count} households into {project}"),
    "intentions_exported": QT_TRANSLATE_NOOP(
        "Cli", "exported the intentions of {count} households of {project} to {path}"),
}
_say = sayer(SAY)  # also the shared missing_glyphs, template_written_to, nothing_was_imported


def add_commands(commands: Any) -> None:
    """The `report` and `casework` commands under the `anju` parser's subcommands."""
    report = commands.add_parser("report", help="progress reports")
    kinds = report.add_subparsers(dest="kind", required=True)
    daily = kinds.add_parser("daily", help="the daily report (日通报) as a one-page PDF")
    daily.add_argument("--project", required=True)
    daily.add_argument("--date", type=date.fromisoformat, default=None,
                       help="the day reported, YYYY-MM-DD (default: today)")
    daily.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    daily.add_argument("--office", default=None, help="who issues it (signed at the bottom)")
    case = commands.add_parser("casework", help="visits, requests and progress of households")
    actions = case.add_subparsers(dest="action", required=True)
    actions.add_parser("template", help="write the empty visits template").add_argument(
        "file", type=Path)
    for name, help_text in (("import-visits", "import visits from Excel (all or nothing)"),
                            ("export", "export the case log to Excel"),
                            ("progress", "export the progress table to Excel"),
                            ("import-intentions",
                             "import intentions (选房意向) from Excel (all or nothing)"),
                            ("export-intentions", "export the stored intentions to Excel")):
        command = actions.add_parser(name, help=help_text)
        command.add_argument("file", type=Path)
        command.add_argument("--project", required=True)
    # Declared when used (CommandParser): the kinds come from allocation.casework, which
    # `anju --help` need not import.
    actions.add_parser("requests", help="list requests (open ones by default)",
                       define=_define_requests)


def _define_requests(requests: argparse.ArgumentParser) -> None:
    from allocation.casework import RequestKind

    requests.add_argument("--project", required=True)
    requests.add_argument("--older-than", type=int, metavar="DAYS",
                          help="only those waiting more than DAYS days")
    requests.add_argument("--team", help="only households of this team")
    requests.add_argument("--kind", choices=[k.value for k in RequestKind])
    requests.add_argument("--all", action="store_true", help="answered and closed ones too")
    requests.add_argument("--date", type=date.fromisoformat, default=None,
                          help="count ages up to this day (default: today)")


def cmd_report(args: argparse.Namespace, database: Database) -> int:
    from db import registry
    from desktop.printing import write_daily_report
    from printouts.reports import OFFICE

    day = args.date or date.today()
    pages, missing = in_transaction(database, lambda s: write_daily_report(
        s, registry.find_project(s, args.project), day, args.out, office=args.office or OFFICE))
    if missing:
        print(_say("missing_glyphs").format(characters=missing), file=sys.stderr)
    print(_say("report_written").format(day=day.isoformat(), project=args.project,
                                        path=args.out, pages=pages))
    return 0


def cmd_casework(args: argparse.Namespace, database: Database) -> int:
    if args.action == "template":
        from db.excel import write_visits_template

        write_visits_template(args.file)
        print(_say("template_written_to").format(path=args.file))
        return 0
    if args.action == "requests":
        return _list_requests(args, database)
    return _files(args, database)


def _files(args: argparse.Namespace, database: Database) -> int:
    from db import casework as casework_files
    from db import registry
    from db.registry import ImportRejected

    def run(session: Any) -> int:
        project_id = registry.find_project(session, args.project)
        if args.action == "import-visits":
            return casework_files.import_visits_file(session, project_id=project_id,
                                                     path=args.file, actor=args.user)
        if args.action == "export":
            return casework_files.export_case_log_file(session, project_id=project_id,
                                                       path=args.file)
        if args.action == "import-intentions":
            return casework_files.import_intentions_file(session, project_id=project_id,
                                                         path=args.file, actor=args.user)
        if args.action == "export-intentions":
            return casework_files.export_intentions_file(session, project_id=project_id,
                                                         path=args.file)
        return casework_files.export_progress_file(session, project_id=project_id,
                                                   path=args.file)

    try:
        count = in_transaction(database, run)
    except ImportRejected as rejected:
        print_rejections(rejected, args.file)
        return 1
    key = {"import-visits": "visits_imported", "export": "case_log_exported",
           "import-intentions": "intentions_imported",
           "export-intentions": "intentions_exported"}.get(args.action, "progress_exported")
    print(_say(key).format(count=count, project=args.project, path=args.file))
    return 0


def _list_requests(args: argparse.Namespace, database: Database) -> int:
    """One tab-separated line per request: code, head, team, kind, received, age, status, text."""
    from allocation.casework import RequestKind
    from db import registry
    from db.casework import find_requests, teams

    today = args.date or date.today()

    def run(session: Any) -> Any:
        project_id = registry.find_project(session, args.project)
        team_id = None
        if args.team is not None:
            found = [t.id for t in teams(session, project_id) if t.name == args.team]
            if not found:
                raise NotFoundError("team_not_found", name=args.team)
            team_id = found[0]
        return find_requests(session, project_id, today=today, open_only=not args.all,
                             older_than=args.older_than, team_id=team_id,
                             kinds=[RequestKind(args.kind)] if args.kind else [])

    lines = in_transaction(database, run)
    for line in lines:
        entry = line.entry
        print("\t".join((line.code, line.head_name, line.team or "-", entry.kind.zh,
                         entry.received_on.isoformat(), str(entry.age_on(today)),
                         entry.status.zh, " ".join(entry.text.split()))))
    print(_say("requests_found").format(count=len(lines)), file=sys.stderr)
    return 0


HANDLERS: dict[str, Command] = {
    "report": cmd_report,
    "casework": cmd_casework,
}
