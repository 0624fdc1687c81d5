"""What one transaction changed, read off the audit events it appended (Anki's OpChanges).

Every write in db/ records its audit events through :func:`db.audit.record_many`
in the same transaction — that is the rule the audit log already rests on —
so the events a transaction appended say exactly what it changed. Deriving
the :class:`Changes` here, in one place, means no operation can forget to say
what it touched, and no page has to guess: the desktop's one worker takes the
value when the transaction ends and broadcasts it; each page reloads only when
the value names what the page shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Final

from sqlalchemy.orm import Session

# The audit entity names, grouped by what a page shows. An entity missing here
# makes `Changes.unknown` true, which every page treats as "reload": a new kind
# of record is never silently left stale (tests/db/test_changes.py checks that
# the operations of a whole project produce no unknown entity).
_GROUPS: Final[dict[str, str]] = {
    "project": "projects",
    "household": "households",
    "import_batch": "households",  # its households are noted one by one too
    "flat": "flats",
    "policy": "rules",
    "pool": "draw",
    "draw": "draw",
    "selection_session": "session",
    "selection_turn": "session",
    "selection": "session",
    "team": "casework",
    "staff": "casework",
    "assignment": "casework",
    "visit": "casework",
    "request": "casework",
    "case_flag": "casework",
    "case_note": "casework",
    "attachment": "casework",
    "progress_step": "casework",
    "intention": "casework",
    "publication": "publications",
    "objection": "publications",
    "user": "users",
}
_NOTED: Final = "anju.audit.changes"


@dataclass(frozen=True, slots=True)
class Changes:
    """Which kinds of record a transaction wrote; empty (falsy) if it wrote none.

    ``households`` and ``flats`` name the records (household codes, flat
    keys) so that a view showing one household can tell whether it is the one;
    ``projects`` names the projects created, renamed or deleted; ``in_projects``
    every project an event belonged to (None for users and other
    office-wide records).
    """

    projects: frozenset[int] = frozenset()
    households: frozenset[str] = frozenset()
    flats: frozenset[str] = frozenset()
    rules: bool = False
    draw: bool = False
    session: bool = False
    casework: bool = False
    publications: bool = False
    users: bool = False
    unknown: bool = False
    in_projects: frozenset[int | None] = field(default=frozenset(), compare=False)

    def __bool__(self) -> bool:
        return bool(self.in_projects)

    def __or__(self, other: Changes) -> Changes:
        merged = {f.name: getattr(self, f.name) | getattr(other, f.name) for f in fields(self)}
        return Changes(**merged)

    def names(self, *kinds: str) -> bool:
        """True if any of ``kinds`` (field names: "households", "draw", …) changed.

        An unknown entity counts as every kind: better a needless reload than
        a stale page in front of a notary.
        """
        return self.unknown or any(getattr(self, kind) for kind in kinds)

    def concerns(self, project_id: int | None) -> bool:
        """True if the change may show in ``project_id`` (office-wide records show in all)."""
        return project_id in self.in_projects or None in self.in_projects


NO_CHANGES: Final = Changes()


def note(session: Session, events: Iterable[tuple[int | None, str, str]]) -> None:
    """Remember (project, entity, key) of events appended in ``session``'s transaction."""
    session.info.setdefault(_NOTED, []).extend(events)


def forget(session: Session) -> None:
    """Drop what was noted: the transaction rolled back, so nothing changed."""
    session.info.pop(_NOTED, None)


def take(session: Session) -> Changes:
    """The changes noted in ``session`` since the last ``take``, and forget them."""
    noted: list[tuple[int | None, str, str]] = session.info.pop(_NOTED, [])
    return changes_of(noted)


def changes_of(events: Iterable[tuple[int | None, str, str]]) -> Changes:
    """The :class:`Changes` of (project, entity, key) audit events."""
    projects: set[int] = set()
    households: set[str] = set()
    flats: set[str] = set()
    flags: dict[str, bool] = {}
    in_projects: set[int | None] = set()
    for project_id, entity, key in events:
        in_projects.add(project_id)
        group = _GROUPS.get(entity, "unknown")
        if group == "projects" and project_id is not None:
            projects.add(project_id)
        elif group == "households":
            households.add(key)
        elif group == "flats":
            flats.add(key)
        else:
            flags[group] = True
    return Changes(projects=frozenset(projects), households=frozenset(households),
                   flats=frozenset(flats), in_projects=frozenset(in_projects), **flags)
