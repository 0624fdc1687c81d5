"""`anju print`, `anju publication list` and `anju objection add|resolve|list`.

Printing a public notice registers it (第N版, its objection period and the
PDF's SHA-256) in the same transaction as the file is written; if the
transaction fails, the file is removed again. Objections are recorded
against a notice's newest version (or ``--version``) and decided by a
supervisor; the next printing of that notice answers the upheld ones.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.common import (
    QT_TRANSLATE_NOOP,
    Command,
    Database,
    in_transaction,
    progress_printer,
    sayer,
)

if TYPE_CHECKING:
    from db import publications
    from desktop.printing import PlanRequest, Printed, Skipped

SAY: dict[str, str] = {
    "printed": QT_TRANSLATE_NOOP("Cli", "wrote {path} ({pages} pages)"),
    "registered": QT_TRANSLATE_NOOP(
        "Cli", "registered as {kind} {version}: objection period {start} to {end}, "
        "SHA-256 {sha256}"),
    "answers": QT_TRANSLATE_NOOP("Cli", "this version answers objections {numbers}"),
    "split_written": QT_TRANSLATE_NOOP("Cli", "wrote {files} files ({pages} pages) to {path}"),
    "not_chosen_yet": QT_TRANSLATE_NOOP(
        "Cli", "{count} households have not chosen a flat yet: they have no {kind}"),
    "price_changed": QT_TRANSLATE_NOOP(
        "Cli", "warning: household {household} was left out: its entitlement or price now differs "
        "from the one confirmed at the desk ({detail}); correct its data or revoke and choose "
        "again"),
    "household_needs_batch": QT_TRANSLATE_NOOP(
        "Cli", "--household and --split apply to {kinds} only"),
    "plan_needs_time": QT_TRANSLATE_NOOP(
        "Cli", "{kind} needs --start with the first batch's date and time (e.g. "
        "2026-12-20T08:30) and --batch-size or --by-group, or a --plan file"),
    "objection_recorded": QT_TRANSLATE_NOOP(
        "Cli", "recorded objection {number} to {kind} {version} (objection period until {end})"),
    "objection_late": QT_TRANSLATE_NOOP(
        "Cli", "note: it was received after the objection period ended"),
    "objection_resolved": QT_TRANSLATE_NOOP(
        "Cli", "objection {number} decided: {outcome}; the next printing of {kind} answers it"),
    "objection_dismissed": QT_TRANSLATE_NOOP("Cli", "objection {number} decided: {outcome}"),
    "no_objections": QT_TRANSLATE_NOOP("Cli", "no objections"),
    "no_publications": QT_TRANSLATE_NOOP("Cli", "no notice has been printed yet"),
    "days_left": QT_TRANSLATE_NOOP("Cli", "days left: {days}"),
    "period_over": QT_TRANSLATE_NOOP("Cli", "period over"),
    "upheld": QT_TRANSLATE_NOOP("Cli", "upheld"),
    "dismissed": QT_TRANSLATE_NOOP("Cli", "dismissed"),
    "open": QT_TRANSLATE_NOOP("Cli", "open"),
}
_say = sayer(SAY)


# --- the parsers ------------------------------------------------------------------


def add_commands(commands: Any) -> None:
    """`print`, `publication` and `objection` under the `anju` parser's subcommands.

    ``commands`` makes :class:`~desktop.cli.common.CommandParser`: the kinds
    and defaults of `print` and `objection` come from desktop.printing and
    db.publications, imported only when one of them is used.
    """
    commands.add_parser("print", help="print a document to PDF", define=_define_print)
    listing = commands.add_parser("publication", help="the registry of printed public notices")
    listing_actions = listing.add_subparsers(dest="action", required=True)
    listing_actions.add_parser("list").add_argument("--project", required=True)
    listing_actions.add_parser(
        "verify", help="check a printed notice's PDF against the registry and the audit chain"
    ).add_argument("file", type=Path)
    commands.add_parser("objection", help="objections to public notices",
                        define=_define_objection)


def _define_print(command: argparse.ArgumentParser) -> None:
    from desktop.printing import ALL_KINDS, DEFAULT_OFFICE, DEFAULT_PAYMENT_TERM

    command.add_argument("kind", choices=ALL_KINDS)
    command.add_argument("--project", required=True)
    where = command.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, help="the PDF file to write")
    where.add_argument("--split", type=Path, metavar="DIR",
                       help="agreements, slips, traces, appointments: one PDF per household "
                            "in DIR")
    command.add_argument("--household", metavar="CODE",
                         help="agreements, slips, traces, appointments: only this household")
    command.add_argument("--start", type=_day_or_moment, default=None,
                         help="first day of the objection period (default: today); schedule "
                              "and appointments: the first batch's date and time, "
                              "e.g. 2026-12-20T08:30 (the schedule's period then starts "
                              "today)")
    command.add_argument("--days", type=int, default=7, help="length of the objection period")
    command.add_argument("--day", type=date.fromisoformat, metavar="YYYY-MM-DD",
                         help="notice-day: the session day it reports (default: --start)")
    command.add_argument("--office", default=DEFAULT_OFFICE,
                         help="who receives objections; party A of the agreements")
    command.add_argument("--moving-deadline", type=date.fromisoformat, metavar="YYYY-MM-DD",
                         help="agreements: moving deadline (default: 30 days after the session)")
    command.add_argument("--payment-term", default=DEFAULT_PAYMENT_TERM,
                         help="agreements: when the balance is paid")
    command.add_argument("--location", default="", help="agreements: where the new flats are")
    command.add_argument("--handover-date", type=date.fromisoformat, metavar="YYYY-MM-DD",
                         help="agreements: the day the new flats are handed over (default: as "
                              "the office notifies in writing)")
    define_plan_options(command)


def define_plan_options(command: argparse.ArgumentParser) -> None:
    """The session plan of `print schedule|appointments` and `plan set` (选房安排): how to cut
    the order. Built with every `anju` parser (`plan set` defines it at once), so its
    defaults come from allocation.schedule, not the heavy desktop.printing."""
    from allocation.schedule import DEFAULT_MINUTES, DEFAULT_VENUE

    plan = command.add_argument_group("schedule and appointments")
    cut = plan.add_mutually_exclusive_group()
    cut.add_argument("--batch-size", type=int, metavar="N", help="households a batch")
    cut.add_argument("--by-group", action="store_true", help="one batch per priority group")
    cut.add_argument("--plan", type=Path, metavar="FILE.json",
                     help="the batches from a plan file (dates, times, sizes or groups)")
    plan.add_argument("--minutes", type=int, default=DEFAULT_MINUTES,
                      help="minutes per household")
    plan.add_argument("--per-day", type=int, default=1, help="batches a day")
    plan.add_argument("--break", dest="pause", metavar="HH:MM-HH:MM",
                      help="a break in the day, e.g. 12:00-14:00: the rest of the batch moves "
                           "to its end")
    plan.add_argument("--venue", default=DEFAULT_VENUE, help="where the households come")


def _day_or_moment(text: str) -> date | datetime:
    """A day (2026-12-20), or a day and time (2026-12-20T08:30) for a session plan."""
    if "T" in text or " " in text.strip():
        return datetime.fromisoformat(text)
    return date.fromisoformat(text)


def _define_objection(objection: argparse.ArgumentParser) -> None:
    from db import publications

    actions = objection.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="record an objection to a notice")
    add.add_argument("--project", required=True)
    add.add_argument("--kind", required=True, choices=publications.NOTICE_KINDS)
    add.add_argument("--version", type=int, help="the version objected to (default: newest)")
    add.add_argument("--name", required=True, help="who objects")
    add.add_argument("--item", required=True, help="which entry, e.g. 户号D012 or 第5行")
    add.add_argument("--text", required=True, help="the objection")
    add.add_argument("--household", default="", metavar="CODE", help="the objector's household")
    add.add_argument("--contact", default="", help="phone or address")
    add.add_argument("--on", type=date.fromisoformat, default=None,
                     help="the day it was received (default: today)")
    resolve = actions.add_parser("resolve", help="decide an objection (supervisor)")
    resolve.add_argument("number", type=int)
    resolve.add_argument("--project", required=True)
    resolve.add_argument("--outcome", required=True, choices=publications.OUTCOMES)
    resolve.add_argument("--resolution", required=True, help="the decision and its reason")
    resolve.add_argument("--on", type=date.fromisoformat, default=None)
    listed = actions.add_parser("list", help="open objections (--all: every one)")
    listed.add_argument("--project", required=True)
    listed.add_argument("--all", action="store_true")


# --- print --------------------------------------------------------------------------


def cmd_print(args: argparse.Namespace, database: Database) -> int:
    from desktop.printing import BATCH_KINDS, PrintRequest, print_split, print_to
    from printouts import FontNotFound

    if (args.household or args.split) and args.kind not in BATCH_KINDS:
        print(_say("household_needs_batch").format(kinds=", ".join(BATCH_KINDS)),
              file=sys.stderr)
        return 2
    plan = _plan_request(args)
    if plan is False:
        print(_say("plan_needs_time").format(kind=args.kind), file=sys.stderr)
        return 2
    # A day and time is the plan's first batch, not the day the schedule is posted.
    start = None if isinstance(args.start, datetime) else args.start
    request = PrintRequest(
        args.kind, args.project, start or date.today(), args.days, args.office,
        household=args.household, moving_deadline=args.moving_deadline,
        payment_term=args.payment_term, location=args.location,
        handover_date=args.handover_date, actor=args.user, plan=plan or None, day=args.day)
    target = args.out
    existed = target is not None and target.exists()
    try:
        if args.split:
            done = in_transaction(database, lambda s: print_split(
                s, request, args.split, progress_printer()))
        else:
            done = [in_transaction(database, lambda s: print_to(s, request, target))]
    except FontNotFound as error:
        print(str(error), file=sys.stderr)
        return 1
    except BaseException:
        if target is not None and not existed:
            target.unlink(missing_ok=True)  # written, but the registration did not commit
        raise
    _report(args, done)
    return 0


def _plan_request(args: argparse.Namespace) -> PlanRequest | bool | None:
    """The plan for `print schedule|appointments`; None for other kinds; False when the
    options say only half of how to cut the order. Without any of them: a request that
    cuts nothing, which prints the stored plan (`anju plan set`)."""
    from desktop.printing import PLAN_KINDS

    if args.kind not in PLAN_KINDS:
        return None
    return plan_options(args)


def plan_options(args: argparse.Namespace) -> PlanRequest | bool:
    """The plan the options of :func:`define_plan_options` ask for (see _plan_request)."""
    from allocation.errors import ValidationError
    from allocation.schedule import BatchSpec, Pause, parse_clock, read_plan
    from desktop.printing import PlanRequest

    pause = None
    if args.pause:
        start, _, end = args.pause.partition("-")
        pause = Pause(parse_clock(start.strip(), "--break"), parse_clock(end.strip(), "--break"))
        if pause.end <= pause.start:
            raise ValidationError("bad_pause", path="--break", start=start, end=end)
    batches: tuple[BatchSpec, ...] = ()
    if args.plan is not None:
        try:
            batches = tuple(read_plan(json.loads(args.plan.read_text(encoding="utf-8"))))
        except OSError:
            raise ValidationError("plan_unreadable", file=str(args.plan)) from None
        except json.JSONDecodeError as error:
            raise ValidationError("plan_not_json", line=error.lineno,
                                  column=error.colno) from None
    elif args.start is None and args.batch_size is None and not args.by_group:
        return PlanRequest(venue=args.venue)  # no cut asked for: the stored plan
    elif not isinstance(args.start, datetime) or (args.batch_size is None and not args.by_group):
        return False
    first = args.start if isinstance(args.start, datetime) else None
    return PlanRequest(first=first, minutes=args.minutes, batch_size=args.batch_size,
                       by_group=args.by_group, per_day=args.per_day, pause=pause,
                       batches=batches, venue=args.venue)


def _report(args: argparse.Namespace, done: list[Printed]) -> None:
    if args.split and sys.stderr.isatty():
        print(file=sys.stderr)  # end the progress line
    skipped = done[0].skipped if done else ()
    _report_skipped(args.kind, skipped)
    missing = "".join(sorted({c for p in done for c in p.missing}))
    if missing:
        print(_say("missing_glyphs").format(characters=missing), file=sys.stderr)
    if args.split:
        print(_say("split_written").format(files=len(done), pages=sum(p.pages for p in done),
                                           path=args.split))
        return
    printed = done[0]
    print(_say("printed").format(path=printed.path, pages=printed.pages))
    notice = printed.publication
    if notice is not None:
        print(_say("registered").format(
            kind=args.kind, version=notice.label, start=notice.period_start,
            end=notice.period_end, sha256=notice.content_sha256))
        if notice.answers:
            print(_say("answers").format(numbers=", ".join(map(str, notice.answers))))


def _report_skipped(kind: str, skipped: tuple[Skipped, ...]) -> None:
    from desktop.printing import NOT_CHOSEN

    waiting = [s for s in skipped if s.reason == NOT_CHOSEN]
    if waiting:
        print(_say("not_chosen_yet").format(count=len(waiting), kind=kind))
    for changed in (s for s in skipped if s.reason != NOT_CHOSEN):
        print(_say("price_changed").format(household=changed.code, detail=changed.detail),
              file=sys.stderr)


# --- publications and objections ------------------------------------------------------


def cmd_publication(args: argparse.Namespace, database: Database) -> int:
    from db import publications, registry

    if args.action == "verify":
        from desktop.cli.publication_verify import verify_publication

        return verify_publication(args.file, database)

    def run(session: Any) -> list[publications.PublishedNotice]:
        return publications.list_publications(session, registry.find_project(session,
                                                                             args.project))

    found = in_transaction(database, run)
    if not found:
        print(_say("no_publications"))
    today = date.today()
    for notice in found:
        answers = ",".join(map(str, notice.answers)) or "-"
        print("\t".join([notice.kind, notice.label, str(notice.period_start),
                         str(notice.period_end), _left(notice.days_left(today)),
                         notice.content_sha256, answers]))
    return 0


def _left(days: int) -> str:
    return _say("days_left").format(days=days) if days else _say("period_over")


def cmd_objection(args: argparse.Namespace, database: Database) -> int:
    from db import publications, registry

    def run(session: Any) -> Any:
        project_id = registry.find_project(session, args.project)
        if args.action == "add":
            return publications.record_objection(
                session, project_id=project_id, kind=args.kind, version=args.version,
                objector=args.name, item=args.item, text=args.text,
                received_on=args.on or date.today(), actor=args.user,
                household_code=args.household, contact=args.contact)
        if args.action == "resolve":
            return publications.resolve_objection(
                session, project_id=project_id, number=args.number, outcome=args.outcome,
                resolution=args.resolution, decided_on=args.on or date.today(), actor=args.user)
        return publications.list_objections(session, project_id, open_only=not args.all)

    found = in_transaction(database, run)
    if args.action == "add":
        print(_say("objection_recorded").format(number=found.number, kind=found.kind,
                                                version=f"第{found.version}版",
                                                end=found.period_end))
        if found.late:
            print(_say("objection_late"))
    elif args.action == "resolve":
        key = "objection_resolved" if found.status == publications.UPHELD else "objection_dismissed"
        print(_say(key).format(number=found.number, outcome=_say(found.status), kind=found.kind))
    else:
        _list_objections(found)
    return 0


def _list_objections(found: list[publications.Objection]) -> None:
    if not found:
        print(_say("no_objections"))
    today = date.today()
    for objection in found:
        left = max((objection.period_end - today).days + 1, 0)
        print("\t".join([str(objection.number), f"{objection.kind} 第{objection.version}版",
                         objection.masked_objector, objection.item,
                         str(objection.received_on), _say(objection.status), _left(left)]))


HANDLERS: dict[str, Command] = {
    "print": cmd_print,
    "publication": cmd_publication,
    "objection": cmd_objection,
}
