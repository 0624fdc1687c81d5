"""The `anju` command line: the GUI by default, and the registry's commands for scripts and CI.

Every command opens the database given by ``--db URL`` (else
$ANJU_DATABASE_URL, else the default SQLite file), applies migrations, and
does its work in one transaction. Exit codes: 0 done, 1 refused (bad input,
with one line per problem), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from allocation.errors import AnjuError, NotFoundError
from db import registry
from db.store import open_database
from desktop.cli import casework as casework_commands
from desktop.cli import display as display_commands
from desktop.cli import printing as printing_commands
from desktop.cli import users as user_commands

SAY: dict[str, str] = {
    "error": QT_TRANSLATE_NOOP("Cli", "error: "),
    "created_project": QT_TRANSLATE_NOOP("Cli", "created project {name}"),
    "renamed_project": QT_TRANSLATE_NOOP("Cli", "renamed project {old} to {new}"),
    "demo_project_created": QT_TRANSLATE_NOOP(
        "Cli", "demo project created: {households} households, {members} people, "
        "{flats} flats"),
    "files_written_to": QT_TRANSLATE_NOOP("Cli", "files written to {path}"),
    "template_written_to": QT_TRANSLATE_NOOP("Cli", "template written to {path}"),
    "nothing_was_imported": QT_TRANSLATE_NOOP(
        "Cli", "nothing was imported: {count} problems in {path}"),
    "imported_households": QT_TRANSLATE_NOOP(
        "Cli", "imported {count} households into {project}"),
    "imported_flats": QT_TRANSLATE_NOOP("Cli", "imported {count} flats into {project}"),
    "exported_households": QT_TRANSLATE_NOOP("Cli", "exported {count} households to {path}"),
    "exported_flats": QT_TRANSLATE_NOOP("Cli", "exported {count} flats to {path}"),
    "backup_written": QT_TRANSLATE_NOOP(
        "Cli", "backup written to {path}: {households} households, {events} audit events"),
    "backup_restored": QT_TRANSLATE_NOOP(
        "Cli", "restored {path}: {households} households, {events} audit events"),
    "no_policy": QT_TRANSLATE_NOOP("Cli", "project {project} has no policy yet"),
    "policy_version": QT_TRANSLATE_NOOP(
        "Cli", "policy version {version}, {status}, SHA-256 {sha256}"),
    "printed": QT_TRANSLATE_NOOP("Cli", "wrote {path} ({pages} pages)"),
    "missing_glyphs": QT_TRANSLATE_NOOP(
        "Cli", "warning: the font cannot draw these characters, they print blank: {characters}"),
    "pool_published": QT_TRANSLATE_NOOP(
        "Cli", "published the pool of {project}: {size} households, SHA-256 {sha256}"),
    "draw_written": QT_TRANSLATE_NOOP(
        "Cli", "draw {seq} of {project} written to {path}, record SHA-256 {sha256}"),
    "draw_retracted": QT_TRANSLATE_NOOP(
        "Cli", "draw {seq} of {project} retracted: {reason}"),
    "audit_ok": QT_TRANSLATE_NOOP(
        "Cli", "audit log whole: {events} events, and the data matches them"),
    "audit_chain_broken": QT_TRANSLATE_NOOP(
        "Cli", "audit log broken at event {seq}: {reason}"),
    "audit_data_mismatch": QT_TRANSLATE_NOOP(
        "Cli", "data differs from the audit log: {entity} {key}: {reason} (field {field})"),
    "rehearsal_resumed": QT_TRANSLATE_NOOP(
        "Cli", "resumed the selection session of {project}"),
    "rehearsal_done": QT_TRANSLATE_NOOP(
        "Cli", "rehearsal of {project}: {households} households, {selected} chose a flat, "
        "{declined} took none, {absent} absent; the session is closed"),
}


def _say(key: str) -> str:
    """A CLI sentence in the interface language (format it with its values)."""
    return QCoreApplication.translate("Cli", SAY[key])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="anju", description="安居 Anju — relocation housing")
    parser.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    parser.add_argument("--user", default=os.environ.get("ANJU_USER", "operator"),
                        help="who is acting (recorded in the audit log)")
    parser.add_argument("--lang", choices=["auto", "zh_CN", "en"],
                        help="interface language (default: the saved setting, else the locale)")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("gui", help="open the desktop application (the default)")
    _add_project_commands(commands)
    _add_registry_commands(commands)
    _add_lottery_commands(commands)
    _add_draw_commands(commands)
    _add_rehearse_command(commands)
    _add_policy_commands(commands)
    printing_commands.add_print_commands(commands)  # print, publication, objection
    casework_commands.add_commands(commands)  # report daily, casework …
    user_commands.add_commands(commands)  # user add, list, passwd, role, disable, enable
    display_commands.add_commands(commands)  # the hall's public display
    return parser


def _add_draw_commands(commands: Any) -> None:
    from allocation.lottery import DEFAULT_METHOD, METHODS

    pool = commands.add_parser("pool", help="the lottery pool: publish it (locks it)")
    pool_actions = pool.add_subparsers(dest="action", required=True)
    publish = pool_actions.add_parser("publish", help="publish the pool, numbered by code")
    publish.add_argument("--project", required=True)
    publish.add_argument("--on", type=date.fromisoformat, default=None,
                         help="the date the priority groups are judged on (default: today)")
    draw = commands.add_parser(
        "draw", help="announce the sources and run the draw of the published pool once")
    draw.add_argument("--project", required=True)
    draw.add_argument("--source", action="append", required=True,
                      help="one announced source, e.g. \"2 5 12 18 26 33\" (repeat, in order)")
    draw.add_argument("--method", choices=sorted(METHODS), default=DEFAULT_METHOD)
    draw.add_argument("--witness", action="append", type=_witness, default=[],
                      metavar="ROLE:NAME", help="a witness, e.g. 公证员:王某 (repeat)")
    draw.add_argument("--out", type=Path, required=True, help="the draw record file to write")
    retract = commands.add_parser(
        "retract-draw", help="retract the active draw (supervisor), with a reason")
    retract.add_argument("--project", required=True)
    retract.add_argument("--reason", required=True)


def _add_rehearse_command(commands: Any) -> None:
    rehearse = commands.add_parser(
        "rehearse", help="run the whole selection session headless (rehearsal projects "
        "only); run it again to resume")
    rehearse.add_argument("--project", required=True)
    rehearse.add_argument("--seed", type=int, default=0,
                          help="seed of the households' random choices")
    rehearse.add_argument("--absent-rate", type=_rate, default=0.0, metavar="R",
                          help="share of households that do not answer their calls (0–1)")
    rehearse.add_argument("--pause-ms", type=int, default=0, metavar="MS",
                          help="wait this long after each household's turn")


def _rate(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, not {text!r}")
    return value


def _witness(text: str) -> tuple[str, str]:
    role, sep, name = text.replace("：", ":").partition(":")
    if not sep or not role.strip() or not name.strip():
        raise argparse.ArgumentTypeError(f"expected ROLE:NAME, not {text!r}")
    return role.strip(), name.strip()


def _add_policy_commands(commands: Any) -> None:
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


def _add_project_commands(commands: Any) -> None:
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
    demo.add_argument("--out", type=Path, help="also write its files into this folder")
    demo.add_argument("--replace", action="store_true", help="replace an existing demo project")
    demo.add_argument("--no-session", action="store_true",
                      help="with --out: stop after the draw (no rehearsed selection session)")
    summary = commands.add_parser("summary", help="counts of a project")
    summary.add_argument("--project", required=True)
    summary.add_argument("--json", action="store_true")


def _add_registry_commands(commands: Any) -> None:
    template = commands.add_parser("template", help="write an empty Excel template")
    template.add_argument("kind", choices=["households", "flats"])
    template.add_argument("file", type=Path)
    for name, help_text in (("import", "import an Excel file (all or nothing)"),
                            ("export", "export to an Excel file")):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("kind", choices=["households", "flats"])
        command.add_argument("file", type=Path)
        command.add_argument("--project", required=True)


def _add_lottery_commands(commands: Any) -> None:
    from allocation.lottery import DEFAULT_METHOD, METHODS

    order = commands.add_parser(
        "order", help="RFC 3797 alone: order a pool of N positions from public sources")
    order.add_argument("--source", action="append", required=True,
                       help="one announced source, e.g. \"2 5 12 8 10\" (repeat, in order)")
    order.add_argument("--pool", type=int, required=True, help="pool size N")
    order.add_argument("--method", choices=sorted(METHODS), default=DEFAULT_METHOD)
    order.add_argument("--table", action="store_true", help="also print the per-step table")
    verify = commands.add_parser("verify", help="re-run a draw record and compare")
    verify.add_argument("record", type=Path)
    backup = commands.add_parser(
        "backup", help="back up the database (FILE.sqlite3: SQLite online copy; "
        "other names: portable archive)")
    backup.add_argument("file", type=Path)
    restore = commands.add_parser("restore", help="restore a backup into the database")
    restore.add_argument("file", type=Path)
    restore.add_argument("--replace", action="store_true",
                         help="replace the data the database already holds")
    audit = commands.add_parser("audit", help="check the audit log and the data against it")
    audit_actions = audit.add_subparsers(dest="action", required=True)
    audit_verify = audit_actions.add_parser("verify")
    audit_verify.add_argument("--project", help="compare only this project's data")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in (None, "gui"):
        from desktop.shell import main as gui_main

        # The GUI makes its own QApplication and translator; a console one made here first
        # would have to be thrown away.
        return gui_main(url=args.db, language=args.lang)
    _init_language(args.lang or "auto")
    handler = HANDLERS[args.command]
    try:
        user_commands.sign_in(args)  # once the database has users, every command signs in
        return handler(args)
    except AnjuError as error:
        from desktop.i18n import describe_error

        print(_say("error") + describe_error(error), file=sys.stderr)
        return 1


def _init_language(language: str) -> None:
    from desktop.i18n import init_translations

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    init_translations(app, language)
    _keep.append(app)


_keep: list[Any] = []


def _factory(args: argparse.Namespace) -> Any:
    _engine, factory = open_database(args.db)
    return factory


def _in_transaction(args: argparse.Namespace, fn: Callable[[Any], Any]) -> Any:
    with _factory(args).begin() as session:
        return fn(session)


def cmd_project(args: argparse.Namespace) -> int:
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

    _in_transaction(args, run)
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from db.registry import summary

    counts = _in_transaction(
        args, lambda s: summary(s, registry.find_project(s, args.project)))
    if args.json:
        print(json.dumps(counts, ensure_ascii=False, indent=2))
    else:
        for key, value in counts.items():
            print(f"{key}: {value}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.cli.demo import create_demo

    factory = _factory(args)
    counts = create_demo(factory, actor=args.user, replace=args.replace, out=args.out,
                         session=not args.no_session)
    print(_say("demo_project_created").format(**counts))
    if args.out:
        print(_say("files_written_to").format(path=args.out))
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from db.excel import write_flat_template, write_household_template

    writer = write_household_template if args.kind == "households" else write_flat_template
    writer(args.file)
    print(_say("template_written_to").format(path=args.file))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from db.registry import ImportRejected, import_flats_file, import_households_file
    from desktop.i18n import describe_problem

    importer = import_households_file if args.kind == "households" else import_flats_file
    try:
        count = _in_transaction(args, lambda s: importer(
            s, project_id=registry.find_project(s, args.project), path=args.file,
            actor=args.user, progress=_progress_printer()))
    except ImportRejected as rejected:
        for problem in rejected.rejections:
            print(describe_problem(problem), file=sys.stderr)
        print(_say("nothing_was_imported").format(
            count=len(rejected.rejections), path=args.file), file=sys.stderr)
        return 1
    print(_say(f"imported_{args.kind}").format(
        count=count, kind=args.kind, project=args.project))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from db.registry import export_flats_file, export_households_file

    exporter = export_households_file if args.kind == "households" else export_flats_file
    count = _in_transaction(args, lambda s: exporter(
        s, project_id=registry.find_project(s, args.project), path=args.file))
    print(_say(f"exported_{args.kind}").format(count=count, kind=args.kind,
                                                        path=args.file))
    return 0


def cmd_order(args: argparse.Namespace) -> int:
    """Selected positions, one per line in selection order; ``--table`` adds each step."""
    from allocation.lottery import draw

    run = draw(args.pool, args.source, args.method, steps=args.table)
    print(f"# key {run.key}  method {run.method}", file=sys.stderr)
    if args.table:
        print("step\tcounter\tdigest\tdivisor\tremainder\tselected")
        for step in run.steps:
            print(f"{step.counter + 1}\t{step.counter}\t{step.digest_hex}\t{step.divisor}\t"
                  f"{step.remainder}\t{step.selected}")
        return 0
    for position in run.order:
        print(position)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    """The same check as ``python -m allocation.verify`` (standard library only)."""
    from allocation.lottery import main as verify_main

    return verify_main([str(args.record)])


def cmd_audit(args: argparse.Namespace) -> int:
    """Exit 0 when the chain is whole and the data is what the log says; else 1, naming why."""
    from db.replay import verify_audit

    def check(session: Any) -> Any:
        project_id = registry.find_project(session, args.project) if args.project else None
        return verify_audit(session, project_id)

    report = _in_transaction(args, check)
    if report.chain_break is not None:
        found = report.chain_break
        print(_say("audit_chain_broken").format(seq=found.seq, reason=found.reason))
        return 1
    if report.mismatch is not None:
        found = report.mismatch
        print(_say("audit_data_mismatch").format(
            entity=found.entity, key=found.key, reason=found.reason, field=found.field or "-"))
        return 1
    print(_say("audit_ok").format(events=report.events))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from db.admin import backup

    engine, _factory = open_database(args.db)
    counts = backup(engine, args.file)
    print(_say("backup_written").format(path=args.file, households=counts.get("household", 0),
                                        events=counts.get("audit_event", 0)))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from db.admin import restore

    engine, _factory = open_database(args.db)
    counts = restore(engine, args.file, replace=args.replace, actor=args.user)
    print(_say("backup_restored").format(path=args.file, households=counts.get("household", 0),
                                         events=counts.get("audit_event", 0)))
    return 0


def cmd_policy(args: argparse.Namespace) -> int:
    from allocation.rules import policy_from_json
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

    found = _in_transaction(args, run)
    if found is None:
        print(_say("no_policy").format(project=args.project), file=sys.stderr)
        return 1
    if args.action == "show" and args.json:
        print(found.document)  # the stored text its hash is of, whatever today's schema
        return 0
    if args.action == "show":
        from allocation.rules import policy_text

        print(policy_text(found.policy, args.text_lang))
    print(_say("policy_version").format(version=found.version, status=found.status,
                                        sha256=found.sha256))
    return 0


def cmd_pool(args: argparse.Namespace) -> int:
    from db import lottery as draws

    pool = _in_transaction(args, lambda s: draws.publish_pool(
        s, project_id=registry.find_project(s, args.project), actor=args.user,
        on=args.on or date.today()))
    print(_say("pool_published").format(project=args.project, size=pool.size,
                                        sha256=pool.pool_sha256))
    return 0


def cmd_draw(args: argparse.Namespace) -> int:
    """Announce and run in one transaction, then write the sealed record."""
    from allocation.lottery import dumps_record
    from db import lottery as draws

    def run(session: Any) -> Any:
        project_id = registry.find_project(session, args.project)
        return draws.announce_and_draw(session, project_id=project_id, sources=args.source,
                                       method=args.method, witnesses=args.witness,
                                       actor=args.user)

    done = _in_transaction(args, run)
    args.out.write_text(dumps_record(done.record), encoding="utf-8")
    print(_say("draw_written").format(seq=done.seq, project=args.project, path=args.out,
                                      sha256=done.record_sha256))
    return 0


def cmd_rehearse(args: argparse.Namespace) -> int:
    """Run (or resume) the session; each household's turn is its own transaction."""
    from db import selection
    from db.selection import rehearse

    factory = _factory(args)
    with factory() as session:
        project_id = registry.find_project(session, args.project)
        resuming = selection.find_session(session, project_id) is not None
    if resuming:
        print(_say("rehearsal_resumed").format(project=args.project), flush=True)
    result = rehearse(factory, project_id, seed=args.seed, absent_rate=args.absent_rate,
                      operator=args.user, pause_ms=args.pause_ms,
                      progress=_progress_printer())
    print(_say("rehearsal_done").format(
        project=args.project, households=result.households, selected=result.selected,
        declined=result.declined, absent=result.absent))
    return 0


def cmd_retract_draw(args: argparse.Namespace) -> int:
    from db import lottery as draws

    retracted = _in_transaction(args, lambda s: draws.retract_draw(
        s, project_id=registry.find_project(s, args.project), reason=args.reason,
        actor=args.user))
    print(_say("draw_retracted").format(seq=retracted.seq, project=args.project,
                                        reason=retracted.reason))
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from allocation.rules import explain_household, trace_text
    from db import lottery as draws
    from db import rules as policies

    def run(session: Any) -> Any:
        project_id = registry.find_project(session, args.project)
        version = policies.current_policy(session, project_id)
        if version is None:
            raise NotFoundError("policy_not_found", project=args.project)
        household = registry.find_household(session, project_id, args.household).household
        flat = _find_flat(session, project_id, args.flat) if args.flat else None
        published = draws.published_groups(session, project_id).get(household.code)
        return explain_household(household, version.policy, date.today(), flat,
                                 published_group=published)

    trace = _in_transaction(args, run)
    if args.json:
        print(json.dumps(trace.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(trace_text(trace, args.text_lang))
    return 0


def _find_flat(session: Any, project_id: Any, key: str) -> Any:
    for stored in registry.load_flats(session, project_id):
        if stored.flat.key == key:
            return stored.flat
    raise NotFoundError("flat_not_found", key=key)


def _progress_printer() -> Callable[[int, int], bool] | None:
    """Progress on stderr when a person is watching; silent in scripts and CI."""
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> bool:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)
        return True

    return report


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "project": cmd_project,
    "summary": cmd_summary,
    "demo": cmd_demo,
    "template": cmd_template,
    "import": cmd_import,
    "export": cmd_export,
    "order": cmd_order,
    "verify": cmd_verify,
    "audit": cmd_audit,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "policy": cmd_policy,
    "explain": cmd_explain,
    "pool": cmd_pool,
    "draw": cmd_draw,
    "retract-draw": cmd_retract_draw,
    "rehearse": cmd_rehearse,
}
HANDLERS.update(casework_commands.HANDLERS)
HANDLERS.update(user_commands.HANDLERS)
HANDLERS.update(display_commands.HANDLERS)
HANDLERS.update(printing_commands.HANDLERS)

if __name__ == "__main__":
    raise SystemExit(main())
