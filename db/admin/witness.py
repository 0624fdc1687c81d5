"""The witness file: each irreversible act's chain head written outside the database.

Freezing the rules, publishing the pool, the draw, opening and closing the
session and a restore each add one line, ``<UTC time> <act> p<project>
<head>@<count> log=<chain>``, to a file the database does not hold: by default
``witness.log`` beside the automatic backups, or the file chosen on this
computer (the desktop's File › Witness file…, remembered per machine and
handed over with :func:`choose_witness_file`), or ``$ANJU_WITNESS_FILE`` for
one run (a USB stick, a write-once share). Someone who rewrites the database and its
chain cannot change the lines already there; `anju audit verify --witness`
and a restore compare the chain with them (:func:`db.audit.check_anchors`).

The line is written only once the act's transaction has committed — a head
that was rolled back never existed — but the file is opened (and created,
0600, owner only) before the commit, so an act whose witness cannot be
written does not happen, like an act whose automatic backup fails. Each line
is one ``write`` on a file opened for appending, then ``fsync``: lines are
never interleaved or half there after a power cut.

One file serves every database of the computer (the demo, a training copy,
the office's own), so each line names its chain (``log=``, the first digits
of the chain's first hash: :func:`db.audit.chain_log`) and a check reads the
lines of its own chain only (:func:`lines_of_chain`); lines written before
chains were named (no ``log=``) are read by every check, as they were. A
chain whose first event was rewritten gets another name and would escape its
lines: so a chain that holds witnessed acts but that no line of a non-empty
file names is reported too (:func:`unwitnessed_chain`).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from sqlalchemy import event, func, select, tuple_
from sqlalchemy.orm import Session

from allocation.errors import AnjuError
from db.admin.places import backup_folder, sync_folder
from db.audit import Anchor, chain_log, current_anchor, parse_anchor
from db.records import AuditEventRecord

ENV_WITNESS_FILE: Final = "ANJU_WITNESS_FILE"
_LOG_NAME: Final = re.compile(r"[0-9a-f]{16}")
WITNESS_NAME: Final = "witness.log"
_PENDING: Final = "anju_witness_pending"
_LOG = logging.getLogger(__name__)
#: The (action, entity) of the events of the acts that are witnessed (see witness_on_commit's
#: callers), by which a chain shows it has had witnessed acts.
WITNESSED_EVENTS: Final = (("freeze", "policy"), ("publish", "pool"), ("draw", "draw"),
                           ("open", "selection_session"), ("close", "selection_session"))


@dataclass(frozen=True, slots=True)
class WitnessLine:
    """One line of the witness file."""

    at: datetime
    act: str
    project_id: int | None
    anchor: Anchor
    log: str | None = None  # the chain's name; None on lines written before chains had one

    def text(self) -> str:
        project = f"p{self.project_id}" if self.project_id is not None else "-"
        log = f" log={self.log}" if self.log else ""
        return f"{self.at.isoformat(timespec='seconds')} {self.act} {project} {self.anchor}{log}\n"


def lines_of_chain(lines: list[WitnessLine], log: str | None) -> list[WitnessLine]:
    """The lines that speak of the chain named ``log``: its own, and the unnamed old ones."""
    return [line for line in lines if line.log is None or line.log == log]


def unwitnessed_chain(session: Session, lines: list[WitnessLine]) -> int:
    """The witnessed acts a chain holds when a non-empty witness file names it nowhere, else 0.

    Such a chain was witnessed on another computer, or into another file — or
    its first event was rewritten, which renames it. Either way the file
    cannot vouch for it, and the check says so rather than passing it.
    """
    log = chain_log(session)
    # An unnamed line (an older Anju's) is checked against every chain, so it vouches too:
    # an office's file from before chains were named must not refuse its own backups.
    if not lines or log is None or any(line.log in (None, log) for line in lines):
        return 0
    return session.scalar(select(func.count()).select_from(AuditEventRecord).where(
        tuple_(AuditEventRecord.action, AuditEventRecord.entity).in_(WITNESSED_EVENTS))) or 0


# The file chosen on this computer (None: the default), set by the desktop at start.
_chosen: Path | None = None


def choose_witness_file(path: Path | None) -> None:
    """Witness into ``path`` from now on (None: beside the automatic backups again).

    The desktop remembers the choice per machine and hands it over here at
    start and when it changes; ``$ANJU_WITNESS_FILE`` still comes first.
    """
    global _chosen
    _chosen = path


def default_witness_file() -> Path:
    """The witness file when neither the environment nor this computer names one."""
    return backup_folder() / WITNESS_NAME


def witness_file() -> Path:
    """Where anchors are witnessed: ``$ANJU_WITNESS_FILE``, else the file chosen on this
    computer, else beside the automatic backups."""
    explicit = os.environ.get(ENV_WITNESS_FILE)
    if explicit:
        return Path(explicit)
    return _chosen if _chosen is not None else default_witness_file()


def witness_from_environment() -> bool:
    """Whether ``$ANJU_WITNESS_FILE`` decides the file (a choice made in the app waits)."""
    return bool(os.environ.get(ENV_WITNESS_FILE))


def last_witnessed(path: Path) -> WitnessLine | None:
    """The newest line of the witness file ``path`` (None: no file yet, or no line).

    Raises:
        AnjuError: as :func:`read_witness`, for a file that is there but unreadable.
    """
    if not path.exists():
        return None
    lines = read_witness(path)
    return lines[-1] if lines else None


def witness_on_commit(session: Session, *, project_id: int | None, act: str) -> None:
    """Witness the chain head when ``session``'s transaction commits (nothing on rollback).

    Called by the irreversible acts themselves, so no caller can forget it.
    The head witnessed is the head at commit: it closes the act's events.

    Raises (from the commit):
        AnjuError: ``witness_unwritable`` (``path``, ``reason``) — the commit
            does not happen.
    """
    pending: list[tuple[str, int | None]] = session.info.setdefault(_PENDING, [])
    if not pending and not session.info.get(_PENDING + "_hooked"):
        event.listen(session, "before_commit", _before_commit)
        event.listen(session, "after_commit", _after_commit)
        event.listen(session, "after_rollback", _forget)
        session.info[_PENDING + "_hooked"] = True
    pending.append((act, project_id))


def _before_commit(session: Session) -> None:
    pending = session.info.get(_PENDING)
    if not pending:
        return
    path = witness_file()
    try:
        handle = open_witness(path)
    except OSError as error:
        raise AnjuError("witness_unwritable", path=str(path), reason=str(error)) from error
    anchor, log = current_anchor(session), chain_log(session)
    now = datetime.now(UTC)
    lines = [WitnessLine(now, act, project, anchor, log) for act, project in pending]
    session.info[_PENDING + "_ready"] = (handle, lines)
    pending.clear()


def _after_commit(session: Session) -> None:
    ready = session.info.pop(_PENDING + "_ready", None)
    if ready is None:
        return
    handle, lines = ready
    try:
        _write(handle, "".join(line.text() for line in lines))
    except OSError:  # committed already: say so loudly rather than undo nothing
        _LOG.exception("the witness file could not be written after the commit")
    finally:
        os.close(handle)


def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)
    ready = session.info.pop(_PENDING + "_ready", None)
    if ready is not None:
        os.close(ready[0])


def open_witness(path: Path) -> int:
    """Open (creating, 0600) the witness file for appending; returns the descriptor."""
    path.parent.mkdir(parents=True, exist_ok=True)
    created = not path.exists()
    handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    if created:
        os.fchmod(handle, 0o600)  # whatever the umask said
        sync_folder(path.parent)
    return handle


def append_witness(path: Path, line: WitnessLine) -> None:
    """Append one line now (a restore, whose transaction is its own)."""
    handle = open_witness(path)
    try:
        _write(handle, line.text())
    finally:
        os.close(handle)


def _write(handle: int, text: str) -> None:
    data = text.encode("utf-8")
    written = os.write(handle, data)  # one write on an O_APPEND file: never interleaved
    if written != len(data):
        raise OSError(f"short write to the witness file: {written} of {len(data)} bytes")
    os.fsync(handle)


def read_witness(path: Path) -> list[WitnessLine]:
    """The witnessed lines of ``path``, oldest first.

    Raises:
        AnjuError: ``witness_unreadable`` (``path``, ``reason``);
            ``witness_line_bad`` (``path``, ``line``) for a line that is not
            a witness line — a damaged file is named, not skipped.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise AnjuError("witness_unreadable", path=str(path), reason=str(error)) from error
    return list(_lines(path, text))


def _lines(path: Path, text: str) -> Iterator[WitnessLine]:
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        parts = raw.split()
        try:
            at, act, project, anchor, *named = parts
            log = named[0].removeprefix("log=") if len(named) == 1 else None
            if named and (log is None or not _LOG_NAME.fullmatch(log)):
                raise ValueError(raw)
            project_id = None if project == "-" else int(project.removeprefix("p"))
            yield WitnessLine(datetime.fromisoformat(at), act, project_id, parse_anchor(anchor),
                              log)
        except (ValueError, AnjuError) as error:
            raise AnjuError("witness_line_bad", path=str(path), line=number) from error
