"""`anju audit verify --head HEX[@N] --witness FILE --from-pdf FILE.pdf`: the chain against anchors.

Each anchor is a head kept outside the database — typed from a paper,
written in the witness file, or read back from a printed PDF's footer
(``审计链头：HEX@N``). The chain must still hold each one where it was
(db.audit.check_anchors); every one it lost is named, with whether history
was rewritten or its tail cut.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any, Final

from desktop.cli.common import QT_TRANSLATE_NOOP, Database, in_transaction, sayer

#: The footer's anchor as printouts/document/base.py prints it, and a slip's own
#: (审计链头（确认后）, printouts/papers/slip.py).
PRINTED_ANCHOR: Final = re.compile(r"审计链头(?:：|（确认后）)\s*([0-9a-f]{64}(?:@\d+)?)")

SAY: dict[str, str] = {
    "anchor_held": QT_TRANSLATE_NOOP(
        "Cli", "anchor {anchor} ({source}): held, event {seq} of {events}"),
    "anchor_rewritten": QT_TRANSLATE_NOOP(
        "Cli", "anchor {anchor} ({source}): HISTORY REWRITTEN: event {seq} now has head "
        "{found}; the chain was recomputed after a change at or before it"),
    "anchor_cut": QT_TRANSLATE_NOOP(
        "Cli", "anchor {anchor} ({source}): TAIL CUT: the chain has {events} events, "
        "{lost} fewer than when this head was anchored"),
    "anchor_not_found": QT_TRANSLATE_NOOP(
        "Cli", "anchor {anchor} ({source}): NOT IN THE CHAIN: no event has this head"),
    "witness_other_chains": QT_TRANSLATE_NOOP(
        "Cli", "{path}: {lines} lines of other databases' chains not checked"),
    "witness_names_none": QT_TRANSLATE_NOOP(
        "Cli", "{path}: NOT WITNESSED HERE: the chain records {acts} witnessed acts, but no "
        "line of this file names it (witnessed elsewhere, or its first event rewritten)"),
    "anchors_summary": QT_TRANSLATE_NOOP(
        "Cli", "{held} of {total} anchors held"),
    "no_anchor_in_pdf": QT_TRANSLATE_NOOP(
        "Cli", "no printed audit head (审计链头) found in {path}"),
}
_say = sayer(SAY)


def add_anchor_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--head", action="append", default=[], metavar="HEX[@N]",
                        help="a chain head (and its event count) that must still be in the "
                        "chain; repeatable")
    parser.add_argument("--witness", type=Path, action="append", default=[], metavar="FILE",
                        help="every head of this witness file")
    parser.add_argument("--from-pdf", type=Path, action="append", default=[], metavar="PDF",
                        help="the head printed in this PDF's footer")


def anchors_given(args: argparse.Namespace,
                  database: Database) -> tuple[list[tuple[Any, str]], bool]:
    """(anchor, where it came from) for every option given, in order, and whether every
    witness file named the chain (each one that did not is said)."""
    from db.admin import lines_of_chain, read_witness, unwitnessed_chain
    from db.audit import chain_log, parse_anchor
    from desktop.i18n import act_words

    found: list[tuple[Any, str]] = [(parse_anchor(text), "--head") for text in args.head]
    named = True
    for path in args.witness:
        every = read_witness(path)
        log, acts = in_transaction(database, lambda s, e=every: (chain_log(s),
                                                                 unwitnessed_chain(s, e)))
        lines = lines_of_chain(every, log)
        if len(lines) < len(every):
            print(_say("witness_other_chains").format(path=path.name,
                                                     lines=len(every) - len(lines)))
        if acts:
            print(_say("witness_names_none").format(path=path.name, acts=acts))
            named = False
        found += [(line.anchor, f"{path.name}: {act_words(line.act)} {line.at:%Y-%m-%d %H:%M}")
                  for line in lines]
    for path in args.from_pdf:
        found += [(parse_anchor(text), path.name) for text in printed_anchors(path)]
    return found, named


def printed_anchors(path: Path) -> list[str]:
    """The distinct anchors printed in the PDF's footers, in page order.

    Raises:
        AnjuError: ``no_anchor_in_pdf`` (``path``).
    """
    from pypdf import PdfReader

    from allocation.errors import AnjuError

    seen: dict[str, None] = {}
    for page in PdfReader(path).pages:
        for match in PRINTED_ANCHOR.finditer(page.extract_text() or ""):
            seen.setdefault(match.group(1), None)
    if not seen:
        raise AnjuError("no_anchor_in_pdf", path=str(path))
    return list(seen)


def report_anchors(database: Database, anchors: list[tuple[Any, str]]) -> bool:
    """Print one line per anchor and a summary; True if the chain holds every one."""
    from db.audit import check_anchors

    findings = in_transaction(database, lambda s: check_anchors(s, [a for a, _ in anchors]))
    for finding, (_anchor, source) in zip(findings, anchors, strict=True):
        print(anchor_line(finding, source))
    held = sum(1 for f in findings if f.held)
    print(_say("anchors_summary").format(held=held, total=len(findings)))
    return held == len(findings)


def anchor_line(finding: Any, source: str) -> str:
    """One anchor's verdict in words."""
    count = finding.anchor.count
    seq = count if count is not None else finding.seq
    lost = (count or 0) - finding.events
    return _say(f"anchor_{finding.verdict}").format(
        anchor=finding.anchor, source=source, seq=seq, events=finding.events,
        found=finding.found or "-", lost=lost)
