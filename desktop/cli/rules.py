"""`anju policy show|set|freeze|supersede` and `anju explain`: the allocation rules.

A policy is set as a draft, frozen, and from then on only superseded (with
a reason); `explain` shows, step by step, why a household gets its area,
group and price under the current policy.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from allocation.errors import NotFoundError
from desktop.cli.common import QT_TRANSLATE_NOOP, Command, Database, in_transaction, sayer

SAY: dict[str, str] = {
    "no_policy": QT_TRANSLATE_NOOP("Cli", "project {project} has no policy yet"),
    "policy_version": QT_TRANSLATE_NOOP(
        "Cli", "policy version {version}, {status}, SHA-256 {sha256}"),
    # A version's status, in the reader's language (the stored word is the key).
    "draft": QT_TRANSLATE_NOOP("Cli", "draft"),
    "frozen": QT_TRANSLATE_NOOP("Cli", "frozen"),
    "superseded": QT_TRANSLATE_NOOP("Cli", "superseded"),
}
_say = sayer(SAY)


def add_commands(commands: Any) -> None:
    """`policy` and `explain` under the `anju` parser's subcommands."""
    policy = commands.add_parser("policy", help="the allocation rules: show, set, freeze")
    actions = policy.add_subparsers(dest="action", required=True)
    show = actions.add_parser("show", help="the rules text, version, status and SHA-256")
    show.add_argument("--project", required=True)
    show.add_argument("--text-lang", choices=["zh", "en"], default="zh")
    show.add_argument("--json", action="store_true", help="print the canonical JSON instead")
    set_ = actions.add_parser("set", help="load the draft from a JSON file")
    set_.add_argument("file", type=Path)
    set_.add_argument("--project", required=True)
    freeze = actions.add_parser("freeze", help="freeze the draft (it can then only be superseded)")
    freeze.add_argument("--project", required=True)
    supersede = actions.add_parser("supersede", help="replace a frozen policy, with a reason")
    supersede.add_argument("file", type=Path)
    supersede.add_argument("--project", required=True)
    supersede.add_argument("--reason", required=True)
    explain = commands.add_parser("explain", help="why a household gets its area, group, price")
    explain.add_argument("--project", required=True)
    explain.add_argument("--household", required=True, metavar="CODE")
    explain.add_argument("--flat", metavar="BUILDING-UNIT-NUMBER")
    explain.add_argument("--text-lang", choices=["zh", "en"], default="zh")
    explain.add_argument("--json", action="store_true")


def cmd_policy(args: argparse.Namespace, database: Database) -> int:
    from allocation.rules import policy_from_json
    from db import registry
    from db import rules as policies

    def run(session: Any) -> Any:
        project_id = registry.find_project(session, args.project)
        if args.action == "show":
            return policies.current_policy(session, project_id)
        if args.action == "freeze":
            return policies.freeze_policy(session, project_id=project_id, actor=args.user)
        policy = policy_from_json(args.file.read_text(encoding="utf-8"))
        if args.action == "set":
            return policies.set_policy(session, project_id=project_id, policy=policy,
                                       actor=args.user)
        return policies.supersede_policy(session, project_id=project_id, policy=policy,
                                         reason=args.reason, actor=args.user)

    found = in_transaction(database, run)
    if found is None:
        print(_say("no_policy").format(project=args.project), file=sys.stderr)
        return 1
    if args.action == "show" and args.json:
        print(found.document)  # the stored text its hash is of, whatever today's schema
        return 0
    if args.action == "show":
        from allocation.rules import policy_text

        print(policy_text(found.policy, args.text_lang, sha256=found.sha256))
    status = _say(found.status) if found.status in SAY else found.status
    print(_say("policy_version").format(version=found.version, status=status,
                                        sha256=found.sha256))
    return 0


def cmd_explain(args: argparse.Namespace, database: Database) -> int:
    from allocation.rules import explain_household, trace_text
    from db import lottery as draws
    from db import registry
    from db import rules as policies

    def run(session: Any) -> Any:
        project_id = registry.find_project(session, args.project)
        version = policies.current_policy(session, project_id)
        if version is None:
            raise NotFoundError("policy_not_found", project=args.project)
        household = registry.find_household(session, project_id, args.household).household
        flat = _find_flat(session, project_id, args.flat) if args.flat else None
        # The group the published pool froze (under this policy), not one judged again today.
        published = draws.published_groups(
            session, project_id, policy_sha256=version.sha256).get(household.code)
        return explain_household(household, version.policy, date.today(), flat,
                                 published_group=published, sha256=version.sha256)

    trace = in_transaction(database, run)
    if args.json:
        print(json.dumps(trace.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(trace_text(trace, args.text_lang))
    return 0


def _find_flat(session: Any, project_id: Any, key: str) -> Any:
    from db import registry

    for stored in registry.load_flats(session, project_id):
        if stored.flat.key == key:
            return stored.flat
    raise NotFoundError("flat_not_found", key=key)


HANDLERS: dict[str, Command] = {
    "policy": cmd_policy,
    "explain": cmd_explain,
}
