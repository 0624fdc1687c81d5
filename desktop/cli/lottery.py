"""`anju pool`, `draw`, `retract-draw`, `void-session`, `order`, `verify`, `rehearse`,
`chances`: the lottery and its session.

`order` and `verify` need no database: they are RFC 3797 alone, the same
check a notary runs with ``python -m allocation.verify``. `rehearse` runs a
rehearsal project's whole selection session headless, one transaction per
household, so that a killed run resumes where it stopped.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    QT_TRANSLATE_NOOP,
    Command,
    Database,
    in_transaction,
    progress_printer,
    rate,
    sayer,
    witness,
)

SAY: dict[str, str] = {
    "pool_published": QT_TRANSLATE_NOOP(
        "Cli", "published the pool of {project}: {size} households, SHA-256 {sha256}"),
    "draw_written": QT_TRANSLATE_NOOP(
        "Cli", "draw {seq} of {project} written to {path}, record SHA-256 {sha256}"),
    "draw_retracted": QT_TRANSLATE_NOOP(
        "Cli", "draw {seq} of {project} retracted: {reason}"),
    "session_voided": QT_TRANSLATE_NOOP(
        "Cli", "selection session {session} of {project} voided: {chosen} choices kept and "
        "marked void, their flats free again; reason: {reason}"),
    "void_notice_written": QT_TRANSLATE_NOOP(
        "Cli", "void notice written to {path}, registered as notice-void {version}: "
        "objection period {start} to {end}, SHA-256 {sha256}"),
    "rehearsal_resumed": QT_TRANSLATE_NOOP(
        "Cli", "resumed the selection session of {project}"),
    "chances_method": QT_TRANSLATE_NOOP(
        "Cli", "chances of {project} after the draw: method {method}, {replays} replays, "
        "seed {seed}"),
    "chances_estimate": QT_TRANSLATE_NOOP(
        "Cli", "an estimate of what the households ahead will choose, never a promise; "
        "households without a recorded intention are assumed to choose at random"),
    "chances_header": QT_TRANSLATE_NOOP(
        "Cli", "place\thousehold\tlayout\tflats it may take\tahead that may take one"
        "\tguaranteed\tsimulated chance"),
    "chances_none": QT_TRANSLATE_NOOP("Cli", "{place}\t{household}\t(no flat it may take)"),
    "rehearsal_done": QT_TRANSLATE_NOOP(
        "Cli", "rehearsal of {project}: {households} households, {selected} chose a flat, "
        "{declined} took none, {absent} absent; the session is closed"),
    "rehearsal_batch": QT_TRANSLATE_NOOP(
        "Cli", "batch {batch} ({on}): {households} households, {selected} chose a flat, "
        "{declined} took none, {absent} absent, {remaining} remaining"),
    "rehearsal_final_call": QT_TRANSLATE_NOOP(
        "Cli", "final call ({on}): {households} households, {selected} chose a flat, "
        "{declined} took none, {absent} absent, {remaining} remaining"),
}
_say = sayer(SAY)

# RFC 3797 alone: no database and no sentence of the catalogue (numbers, and the
# verifier's own zh/en lines), so main() loads neither SQLAlchemy nor Qt for them.
STANDALONE = frozenset({"order", "verify"})


def add_commands(commands: Any) -> None:
    """`order`, `verify`, `pool`, `draw`, `retract-draw`, `rehearse` and `chances`."""
    _add_order_commands(commands)
    _add_draw_commands(commands)
    _add_rehearse_command(commands)
    _add_chances_command(commands)


def _add_chances_command(commands: Any) -> None:
    chances = commands.add_parser(
        "chances", help="each household's chances after the draw, per layout it may take: "
        "a guaranteed figure and a replayed estimate")
    chances.add_argument("--project", required=True)
    chances.add_argument("--household", default=None, metavar="CODE",
                         help="only this household")
    chances.add_argument("--replays", type=int, default=2_000, metavar="N",
                         help="how many times the session is replayed (default 2000)")


def _add_order_commands(commands: Any) -> None:
    # Their arguments are declared when used (CommandParser): the methods' names come from
    # allocation.lottery, which `anju --help` need not import.
    commands.add_parser(
        "order", help="RFC 3797 alone: order a pool of N positions from public sources",
        define=_define_order)
    verify = commands.add_parser("verify", help="re-run a draw record and compare")
    verify.add_argument("record", type=Path)


def _define_order(order: argparse.ArgumentParser) -> None:
    from allocation.lottery import DEFAULT_METHOD, METHODS

    order.add_argument("--source", action="append", required=True,
                       help="one announced source, e.g. \"2 5 12 8 10\" (repeat, in order)")
    order.add_argument("--pool", type=int, required=True, help="pool size N")
    order.add_argument("--method", choices=sorted(METHODS), default=DEFAULT_METHOD)
    order.add_argument("--table", action="store_true", help="also print the per-step table")


def _add_draw_commands(commands: Any) -> None:
    pool = commands.add_parser("pool", help="the lottery pool: publish it (locks it)")
    pool_actions = pool.add_subparsers(dest="action", required=True)
    publish = pool_actions.add_parser("publish", help="publish the pool, numbered by code")
    publish.add_argument("--project", required=True)
    publish.add_argument("--on", type=date.fromisoformat, default=None,
                         help="the date the priority groups are judged on (default: today)")
    commands.add_parser(
        "draw", help="announce the sources and run the draw of the published pool once",
        define=_define_draw)
    retract = commands.add_parser(
        "retract-draw", help="retract the active draw (supervisor), with a reason")
    retract.add_argument("--project", required=True)
    retract.add_argument("--reason", required=True)
    void = commands.add_parser(
        "void-session", help="void the selection session (supervisor), with a reason: its "
        "choices are kept, marked void, and the draw may then be retracted")
    void.add_argument("--project", required=True)
    void.add_argument("--reason", required=True)
    void.add_argument("--notice", type=Path, default=None, metavar="FILE.pdf",
                      help="also print the void notice (选房活动作废公告) to this PDF, "
                           "registered as a publication in the void's transaction")
    void.add_argument("--office", default=None,
                      help="who issues the notice (default: the printouts' office)")
    void.add_argument("--days", type=int, default=7,
                      help="the notice's posting and objection period, from today")


def _define_draw(draw: argparse.ArgumentParser) -> None:
    from allocation.lottery import DEFAULT_METHOD, METHODS

    draw.add_argument("--project", required=True)
    draw.add_argument("--source", action="append", required=True,
                      help="one announced source, e.g. \"2 5 12 18 26 33\" (repeat, in order)")
    draw.add_argument("--method", choices=sorted(METHODS), default=DEFAULT_METHOD)
    draw.add_argument("--witness", action="append", type=witness, default=[],
                      metavar="ROLE:NAME", help="a witness, e.g. 公证员:王某 (repeat)")
    draw.add_argument("--out", type=Path, required=True, help="the draw record file to write")


def _add_rehearse_command(commands: Any) -> None:
    rehearse = commands.add_parser(
        "rehearse", help="run the whole selection session headless (rehearsal projects "
        "only); run it again to resume")
    rehearse.add_argument("--project", required=True)
    rehearse.add_argument("--seed", type=int, default=0,
                          help="seed of the households' random choices")
    rehearse.add_argument("--absent-rate", type=rate, default=0.0, metavar="R",
                          help="share of households that do not answer their calls (0–1)")
    rehearse.add_argument("--pause-ms", type=int, default=0, metavar="MS",
                          help="wait this long after each household's turn")


def cmd_order(args: argparse.Namespace, database: Database) -> int:
    """Selected positions, one per line in selection order; ``--table`` adds each step.

    The lines are joined and written in one go: a million positions printed
    one ``print`` at a time cost more than the draw's hashing.
    """
    from allocation.lottery import draw

    run = draw(args.pool, args.source, args.method, steps=args.table)
    print(f"# key {run.key}  method {run.method}", file=sys.stderr)
    if args.table:
        lines = ["step\tcounter\tdigest\tdivisor\tremainder\tselected"]
        lines += [f"{step.counter + 1}\t{step.counter}\t{step.digest_hex}\t{step.divisor}\t"
                  f"{step.remainder}\t{step.selected}" for step in run.steps]
    else:
        lines = list(map(str, run.order))
    lines.append("")  # the last line ends too
    sys.stdout.write("\n".join(lines))
    return 0


def cmd_verify(args: argparse.Namespace, database: Database) -> int:
    """The same check as ``python -m allocation.verify`` (standard library only)."""
    from allocation.lottery import main as verify_main

    return verify_main([str(args.record)])


def cmd_pool(args: argparse.Namespace, database: Database) -> int:
    from db import lottery as draws
    from db import registry

    pool = in_transaction(database, lambda s: draws.publish_pool(
        s, project_id=registry.find_project(s, args.project), actor=args.user,
        on=args.on or date.today()))
    print(_say("pool_published").format(project=args.project, size=pool.size,
                                        sha256=pool.pool_sha256))
    return 0


def cmd_draw(args: argparse.Namespace, database: Database) -> int:
    """Announce and run in one transaction, then write the sealed record."""
    from allocation.lottery import dumps_record
    from db import lottery as draws
    from db import registry

    def run(session: Any) -> Any:
        project_id = registry.find_project(session, args.project)
        return draws.announce_and_draw(session, project_id=project_id, sources=args.source,
                                       method=args.method, witnesses=args.witness,
                                       actor=args.user)

    done = in_transaction(database, run)
    args.out.write_text(dumps_record(done.record), encoding="utf-8")
    print(_say("draw_written").format(seq=done.seq, project=args.project, path=args.out,
                                      sha256=done.record_sha256))
    return 0


def cmd_retract_draw(args: argparse.Namespace, database: Database) -> int:
    from db import lottery as draws
    from db import registry

    retracted = in_transaction(database, lambda s: draws.retract_draw(
        s, project_id=registry.find_project(s, args.project), reason=args.reason,
        actor=args.user))
    print(_say("draw_retracted").format(seq=retracted.seq, project=args.project,
                                        reason=retracted.reason))
    return 0


def cmd_void_session(args: argparse.Namespace, database: Database) -> int:
    """Void the session; with ``--notice``, the notice is printed and registered (第N版) in
    the same transaction: if the transaction fails, the file is removed again."""
    from db import registry, selection
    from desktop.printing import DEFAULT_OFFICE, PrintRequest, print_to

    request = None if args.notice is None else PrintRequest(
        "notice-void", args.project, date.today(), args.days,
        office=args.office or DEFAULT_OFFICE, actor=args.user)

    def run(session: Any) -> Any:
        voided = selection.void_session(
            session, project_id=registry.find_project(session, args.project),
            reason=args.reason, supervisor=args.user)
        printed = None if request is None else print_to(session, request, args.notice)
        return voided, printed

    existed = args.notice is not None and args.notice.exists()
    try:
        voided, printed = in_transaction(database, run)
    except BaseException:
        if args.notice is not None and not existed:
            args.notice.unlink(missing_ok=True)  # written, but the void did not commit
        raise
    print(_say("session_voided").format(session=voided.session.id, project=args.project,
                                        chosen=len(voided.selections), reason=voided.reason))
    if printed is not None and printed.publication is not None:
        notice = printed.publication
        print(_say("void_notice_written").format(
            path=args.notice, version=notice.label, start=notice.period_start,
            end=notice.period_end, sha256=notice.content_sha256))
    return 0


def cmd_rehearse(args: argparse.Namespace, database: Database) -> int:
    """Run (or resume) the session; each household's turn is its own transaction."""
    from db import registry, selection
    from db.selection import rehearse

    factory = database.factory
    with factory() as session:
        project_id = registry.find_project(session, args.project)
        resuming = selection.find_session(session, project_id) is not None
    if resuming:
        print(_say("rehearsal_resumed").format(project=args.project), flush=True)
    result = rehearse(factory, project_id, seed=args.seed, absent_rate=args.absent_rate,
                      operator=args.user, pause_ms=args.pause_ms,
                      progress=progress_printer())
    print(_say("rehearsal_done").format(
        project=args.project, households=result.households, selected=result.selected,
        declined=result.declined, absent=result.absent))
    with factory() as session:
        batches = selection.batch_figures(session, project_id)
    for batch in batches:
        # The batch's day as planned: the acts themselves are dated by the clock.
        line = "rehearsal_batch" if batch.batch != selection.FINAL_CALL else "rehearsal_final_call"
        print(_say(line).format(
            batch=batch.batch, on=batch.on or "", households=batch.households,
            selected=batch.selected, declined=batch.declined, absent=batch.absent,
            remaining=batch.remaining))
    return 0


def cmd_chances(args: argparse.Namespace, database: Database) -> int:
    """A tab-separated table: per household (or ``--household``) and layout, the figures."""
    from allocation.errors import NotFoundError
    from db import registry, selection

    with database.factory() as session:
        project_id = registry.find_project(session, args.project)
        result = selection.draw_chances(session, project_id, replays=args.replays)
    rows = result.households
    if args.household is not None:
        rows = tuple(h for h in rows if h.code == args.household)
        if not rows:
            raise NotFoundError("household_not_in_session", household=args.household)
    print(_say("chances_method").format(project=args.project, method=result.method,
                                        replays=result.replays, seed=result.seed))
    print(_say("chances_estimate"))
    print(_say("chances_header"))
    for household in rows:
        if not household.layouts:
            print(_say("chances_none").format(place=household.place, household=household.code))
        for line in household.layouts:
            print(f"{household.place}\t{household.code}\t{line.layout}\t{line.flats}\t"
                  f"{line.ahead}\t{line.guaranteed}\t{float(line.chance):.1%}")
    return 0


HANDLERS: dict[str, Command] = {
    "order": cmd_order,
    "verify": cmd_verify,
    "pool": cmd_pool,
    "draw": cmd_draw,
    "retract-draw": cmd_retract_draw,
    "void-session": cmd_void_session,
    "rehearse": cmd_rehearse,
    "chances": cmd_chances,
}
