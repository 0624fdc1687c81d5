"""`anju plan set|show`: the session plan (选房安排) stored, the one the session works by.

`plan set` takes the options `print schedule|appointments` takes (a plan file,
or a batch size or one batch per group from a first day and time) and stores
the batches they cut as the plan's next version, by a supervisor, audited;
refused once a session is open on the plan. From then on `print schedule` and
`print appointments` print the stored plan, and the desk calls batch by batch.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from desktop.cli.common import QT_TRANSLATE_NOOP, Command, Database, in_transaction, sayer
from desktop.cli.printing import define_plan_options, plan_options

SAY: dict[str, str] = {
    "plan_stored": QT_TRANSLATE_NOOP(
        "Cli", "stored session plan version {version}: {batches} batches, {households} "
        "households, at {venue}"),
    "plan_none": QT_TRANSLATE_NOOP("Cli", "project {project} has no stored session plan"),
    "plan_version": QT_TRANSLATE_NOOP(
        "Cli", "session plan version {version}, saved by {who} at {when}; venue {venue}"),
    "plan_batch": QT_TRANSLATE_NOOP(
        "Cli", "batch {number}: {date} {start}–{end}, numbers {first}–{last} ({count} "
        "households), {minutes} min each"),
    "plan_set_needs_cut": QT_TRANSLATE_NOOP(
        "Cli", "plan set needs a --plan file, or --start with the first batch's date and time "
        "(e.g. 2026-12-20T08:30) and --batch-size or --by-group"),
}
_say = sayer(SAY)


def add_commands(commands: Any) -> None:
    """`plan set|show` under the `anju` parser's subcommands."""
    plan = commands.add_parser("plan", help="the session plan: batches on days (选房安排)")
    actions = plan.add_subparsers(dest="action", required=True)
    set_ = actions.add_parser("set", help="store the plan's next version (supervisor)")
    set_.add_argument("--project", required=True)
    set_.add_argument("--start", type=_moment, default=None,
                      help="the first batch's date and time, e.g. 2026-12-20T08:30")
    define_plan_options(set_)
    show = actions.add_parser("show", help="the stored plan, batch by batch")
    show.add_argument("--project", required=True)
    show.add_argument("--json", action="store_true", help="print the stored plan file")


def _moment(text: str) -> Any:
    from datetime import datetime

    return datetime.fromisoformat(text)


def cmd_plan(args: argparse.Namespace, database: Database) -> int:
    from db import registry, selection

    if args.action == "set":
        return _set(args, database)

    def run(session: Any) -> Any:
        project_id = registry.find_project(session, args.project)
        return selection.stored_session_plan(session, project_id)

    found = in_transaction(database, run)
    if found is None:
        print(_say("plan_none").format(project=args.project))
        return 1
    stored, plan, _groups = found
    if args.json:
        from allocation.schedule import plan_data

        print(json.dumps(plan_data(stored.specs), ensure_ascii=False, indent=2))
        return 0
    print(_say("plan_version").format(version=stored.version, who=stored.saved_by,
                                      when=stored.saved_at.strftime("%Y-%m-%d %H:%M"),
                                      venue=stored.venue))
    for batch in plan.batches:
        print(_say("plan_batch").format(
            number=batch.number, date=batch.on.isoformat(), start=batch.start.strftime("%H:%M"),
            end=batch.end.strftime("%H:%M"), first=batch.first, last=batch.last,
            count=len(batch.slots), minutes=batch.minutes))
    return 0


def _set(args: argparse.Namespace, database: Database) -> int:
    import sys

    from allocation.schedule import plan_data
    from db import registry, selection
    from desktop.printing import request_specs

    request = plan_options(args)
    if request is False or not request.cuts:  # type: ignore[union-attr]
        print(_say("plan_set_needs_cut"), file=sys.stderr)
        return 2
    assert not isinstance(request, bool)

    def run(session: Any) -> Any:
        project_id = registry.find_project(session, args.project)
        specs, _order, _groups = request_specs(session, project_id, request)
        stored = selection.set_plan(session, project_id=project_id, plan=plan_data(specs),
                                    venue=request.venue, operator=args.user)
        return stored, selection.stored_session_plan(session, project_id)

    stored, found = in_transaction(database, run)
    plan = found[1]
    print(_say("plan_stored").format(version=stored.version, batches=len(plan.batches),
                                     households=len(plan.slots), venue=stored.venue))
    return 0


HANDLERS: dict[str, Command] = {
    "plan": cmd_plan,
}
