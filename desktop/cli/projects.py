"""`anju project create|rename|list`, `anju summary` and `anju demo`: the projects themselves."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from desktop.cli.common import QT_TRANSLATE_NOOP, Command, Database, in_transaction, sayer

SAY: dict[str, str] = {
    "created_project": QT_TRANSLATE_NOOP("Cli", "created project {name}"),
    "renamed_project": QT_TRANSLATE_NOOP("Cli", "renamed project {old} to {new}"),
    "demo_project_created": QT_TRANSLATE_NOOP(
        "Cli", "demo project created: {households} households, {members} people, "
        "{flats} flats"),
    "files_written_to": QT_TRANSLATE_NOOP("Cli", "files written to {path}"),
}
_say = sayer(SAY)


def add_commands(commands: Any) -> None:
    """`project`, `demo` and `summary` under the `anju` parser's subcommands."""
    project = commands.add_parser("project", help="create, rename or list projects")
    actions = project.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create")
    create.add_argument("name")
    create.add_argument("--rehearsal", action="store_true")
    rename = actions.add_parser("rename")
    rename.add_argument("old")
    rename.add_argument("new")
    actions.add_parser("list")
    demo = commands.add_parser("demo", help="create the demo project (199 households)")
    demo.add_argument("--policy", choices=["area", "value"], default="area",
                      help="area: project demo (the default); value: project demo-value, "
                      "the same estate under a value-based policy (价值互换, 货币补偿)")
    demo.add_argument("--out", type=Path, help="also write its files into this folder")
    demo.add_argument("--replace", action="store_true", help="replace an existing demo project")
    demo.add_argument("--no-session", action="store_true",
                      help="with --out: stop after the draw (no rehearsed selection session)")
    summary = commands.add_parser("summary", help="counts of a project")
    summary.add_argument("--project", required=True)
    summary.add_argument("--json", action="store_true")


def cmd_project(args: argparse.Namespace, database: Database) -> int:
    from db import registry

    def run(session: Any) -> None:
        if args.action == "create":
            registry.create_project(session, name=args.name, actor=args.user,
                                    rehearsal=args.rehearsal)
            print(_say("created_project").format(name=args.name.strip()))
        elif args.action == "rename":
            pid = registry.find_project(session, args.old)
            registry.rename_project(session, project_id=pid, name=args.new, actor=args.user)
            print(_say("renamed_project").format(old=args.old, new=args.new))
        else:
            for project in registry.list_projects(session):
                print(project.name)

    in_transaction(database, run)
    return 0


def cmd_summary(args: argparse.Namespace, database: Database) -> int:
    from db import registry
    from db.registry import summary

    counts = in_transaction(
        database, lambda s: summary(s, registry.find_project(s, args.project)))
    if args.json:
        print(json.dumps(counts, ensure_ascii=False, indent=2))
    else:
        for key, value in counts.items():
            print(f"{key}: {value}")
    return 0


def cmd_demo(args: argparse.Namespace, database: Database) -> int:
    from desktop.cli.demo import create_demo

    counts = create_demo(database.factory, actor=args.user, replace=args.replace,
                         out=args.out, session=not args.no_session, policy=args.policy)
    print(_say("demo_project_created").format(**counts))
    if args.out:
        print(_say("files_written_to").format(path=args.out))
    return 0


HANDLERS: dict[str, Command] = {
    "project": cmd_project,
    "summary": cmd_summary,
    "demo": cmd_demo,
}
