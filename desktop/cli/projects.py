"""`anju project create|rename|retitle|list`, `anju summary` and `anju demo`: the projects."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from desktop.cli.common import QT_TRANSLATE_NOOP, Command, Database, in_transaction, sayer

SAY: dict[str, str] = {
    "created_project": QT_TRANSLATE_NOOP("Cli", "created project {name}"),
    "renamed_project": QT_TRANSLATE_NOOP("Cli", "renamed project {old} to {new}"),
    "retitled_project": QT_TRANSLATE_NOOP(
        "Cli", "project {name}: its papers are headed “{heading}”"),
    "demo_project_created": QT_TRANSLATE_NOOP(
        "Cli", "demo project created: {households} households, {members} people, "
        "{flats} flats"),
    "files_written_to": QT_TRANSLATE_NOOP("Cli", "files written to {path}"),
}
_say = sayer(SAY)


def add_commands(commands: Any) -> None:
    """`project`, `demo` and `summary` under the `anju` parser's subcommands."""
    project = commands.add_parser("project", help="create, rename, retitle or list projects")
    actions = project.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create")
    create.add_argument("name", help="the short name commands use (--project NAME)")
    create.add_argument("--title", default="",
                        help="what its papers are headed with, e.g. 东湖片区二期安置项目 "
                        "(without one, the name)")
    create.add_argument("--rehearsal", action="store_true")
    rename = actions.add_parser("rename")
    rename.add_argument("old")
    rename.add_argument("new")
    retitle = actions.add_parser("retitle", help="set the title its papers are headed with")
    retitle.add_argument("name")
    retitle.add_argument("title", help="the new title; \"\" to head them with the name again")
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
                                    rehearsal=args.rehearsal, title=args.title)
            print(_say("created_project").format(name=args.name.strip()))
        elif args.action == "retitle":
            pid = registry.find_project(session, args.name)
            registry.retitle_project(session, project_id=pid, title=args.title, actor=args.user)
            heading = registry.project_title(registry.require_project(session, pid))
            print(_say("retitled_project").format(name=args.name, heading=heading))
        elif args.action == "rename":
            pid = registry.find_project(session, args.old)
            registry.rename_project(session, project_id=pid, name=args.new, actor=args.user)
            print(_say("renamed_project").format(old=args.old, new=args.new))
        else:
            for project in registry.list_projects(session):  # the name, then any title
                print("\t".join(filter(None, (project.name, project.title))))

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
