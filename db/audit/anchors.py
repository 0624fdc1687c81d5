"""Anchors: a chain head and its event count kept outside the database, and the check that the
chain still holds each one.

The chain alone proves only that it is consistent: someone holding the
database file can rewrite data and history together and recompute every
hash, or delete the newest events with the head. A head *printed* on a paper
or *written* to a witness file elsewhere is out of their reach, so the chain
is checked against it: the event numbered ``count`` must still carry the
hash ``head``. An anchor is written ``HEX@N`` (64 lower-case hex digits, the
event count); a head alone (``HEX``) is looked for anywhere in the chain.

What a check finds for one anchor (:attr:`AnchorFinding.verdict`):

* ``held`` — event N carries that hash: nothing up to N was changed;
* ``rewritten`` — event N exists with another hash: history up to N was
  rewritten (and the chain recomputed);
* ``cut`` — the chain has fewer than N events: its tail was deleted;
* ``not_found`` — a head given without a count is on no event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from allocation.errors import ValidationError
from db.audit.chain import GENESIS, HEAD_ROW
from db.records import AuditEventRecord, AuditHeadRecord

HELD, REWRITTEN, CUT, NOT_FOUND = "held", "rewritten", "cut", "not_found"
_ANCHOR: Final = re.compile(r"([0-9a-fA-F]{64})(?:@(\d+))?")


@dataclass(frozen=True, slots=True)
class Anchor:
    """A chain head and the number of events it closes (None: a head alone, count unknown)."""

    head: str
    count: int | None = None

    def __str__(self) -> str:
        return self.head if self.count is None else f"{self.head}@{self.count}"


@dataclass(frozen=True, slots=True)
class AnchorFinding:
    """What the chain says of one anchor; ``found`` is the hash event ``count`` carries now."""

    anchor: Anchor
    verdict: str  # HELD, REWRITTEN, CUT or NOT_FOUND
    events: int  # events in the chain now
    found: str = ""
    seq: int | None = None  # where a head given alone was found

    @property
    def held(self) -> bool:
        return self.verdict == HELD


def parse_anchor(text: str) -> Anchor:
    """``HEX@N`` or ``HEX`` as an :class:`Anchor`.

    Raises:
        ValidationError: ``bad_anchor`` (``value``).
    """
    match = _ANCHOR.fullmatch(text.strip())
    if match is None:
        raise ValidationError("bad_anchor", value=text.strip()[:80])
    count = match.group(2)
    return Anchor(match.group(1).lower(), int(count) if count is not None else None)


def current_anchor(session: Session) -> Anchor:
    """The head now and how many events it closes (GENESIS@0 for an empty chain)."""
    # Columns, not the ORM object: appends update the row behind the identity map's back.
    head = session.execute(select(AuditHeadRecord.hash, AuditHeadRecord.seq)
                           .where(AuditHeadRecord.id == HEAD_ROW)).first()
    if head is None:
        return Anchor(GENESIS, 0)
    return Anchor(head.hash, head.seq)


#: Hex digits of the first event's hash that name a chain (its log) in a witness file.
LOG_DIGITS: Final = 16


def chain_log(session: Session) -> str | None:
    """The chain's name: the first hex digits of its first event's hash (None: no event yet).

    One witness file serves every database of a computer (the demo, a training
    copy, the office's own): each witnessed line names its chain so a check
    reads only the lines of the chain it checks. The name is not a proof —
    anyone rewriting the first event gives the chain another one — which is
    why a chain holding witnessed acts that no line names is itself a finding
    (db.admin.witness).
    """
    first = session.scalar(select(AuditEventRecord.hash).where(AuditEventRecord.seq == 1))
    return None if first is None else first[:LOG_DIGITS]


def anchors_of(session: Session, heads: Iterable[str]) -> dict[str, int]:
    """The event count each of ``heads`` closes (heads not in the chain are left out).

    A paper printed long after an event (a slip's head just after its
    confirmation) prints its count from here.
    """
    wanted = sorted({h for h in heads if h})
    if not wanted:
        return {}
    found: dict[str, int] = {GENESIS: 0} if GENESIS in wanted else {}
    for start in range(0, len(wanted), 500):  # an IN list of bounded length
        rows = session.execute(select(AuditEventRecord.hash, AuditEventRecord.seq)
                               .where(AuditEventRecord.hash.in_(wanted[start:start + 500])))
        found.update({row.hash: row.seq for row in rows})
    return found


def check_anchors(session: Session, anchors: Iterable[Anchor]) -> list[AnchorFinding]:
    """Each anchor's finding, in the order given (see the module's verdicts).

    This checks only that the anchored hashes are where they were; whether
    each event's hash is right is :func:`db.audit.verify_chain`'s job, and
    both are needed: a held anchor over a broken chain is still a break.
    """
    events = current_anchor(session).count or 0
    return [_check(session, anchor, events) for anchor in anchors]


def _check(session: Session, anchor: Anchor, events: int) -> AnchorFinding:
    if anchor.count is None:
        seq = anchors_of(session, [anchor.head]).get(anchor.head)
        verdict = HELD if seq is not None else NOT_FOUND
        return AnchorFinding(anchor, verdict, events, anchor.head if seq is not None else "", seq)
    if anchor.count == 0:
        verdict = HELD if anchor.head == GENESIS else REWRITTEN
        return AnchorFinding(anchor, verdict, events, GENESIS)
    found = session.scalar(select(AuditEventRecord.hash)
                           .where(AuditEventRecord.seq == anchor.count))
    if found is None:
        return AnchorFinding(anchor, CUT if anchor.count > events else REWRITTEN, events)
    return AnchorFinding(anchor, HELD if found == anchor.head else REWRITTEN, events, found)

