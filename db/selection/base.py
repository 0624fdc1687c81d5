"""What the session operations share: states, plain result types, and audit snapshots.

Sessions, turns and selections travel inside db/ as plain rows (``Row``: a
dict of column values read with Core statements, see
:mod:`db.selection.rows`), and leave db/ as the frozen dataclasses below.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, Final

from allocation.errors import ValidationError
from allocation.registry import ProjectId
from db import audit
from db.audit import Snapshot
from db.records import (  # noqa: F401  (the desk's words for the tables' states)
    ABSENT,
    CALLED,
    CLOSED,
    DECLINED,
    END_ROUND,
    FINAL_ROUND,
    FINISHED,
    FIRST_ROUND,
    MOVED_TO_END,
    OPEN,
    PAUSED,
    QUEUED,
    REVOKED,
    SELECTED,
    SKIPPED,
    VOID,
    WAITING,
)

#: A session, turn or selection row: column name -> value.
Row = Mapping[str, Any]

# The states are the session tables' own values (db.records); the desk speaks them.

ENTITY_SESSION: Final = "selection_session"
ENTITY_TURN: Final = "selection_turn"
ENTITY_SELECTION: Final = "selection"
ENTITY_PLAN: Final = "session_plan"


@dataclass(frozen=True, slots=True)
class SessionSettings:
    """How a session runs; the defaults are the practice seen in published notices."""

    seconds_per_household: int = 180
    calls_before_move: int = 3
    final_call: bool = True

    def check(self) -> None:
        """Raises ValidationError ``not_positive`` for a time or call count below one."""
        for field in ("seconds_per_household", "calls_before_move"):
            if getattr(self, field) < 1:
                raise ValidationError("not_positive", field=field)


@dataclass(frozen=True, slots=True)
class SessionInfo:
    """A session as stored; ``version`` rises with every committed operation."""

    id: int
    project_id: ProjectId
    draw_sha256: str
    held_on: date
    settings: SessionSettings
    status: str
    final_call_held: bool
    opened_by: str
    opened_at: datetime
    closed_at: datetime | None
    version: int


@dataclass(frozen=True, slots=True)
class Turn:
    """One household's turn: ``order_no`` is its 选房顺序号, ``place`` its calling place now."""

    code: str
    order_no: int
    place: int
    group_rank: int
    group_name: str
    state: str
    calls: int
    call_round: int
    proxy_name: str | None
    proxy_id: str | None
    reason: str
    called_at: datetime | None
    finished_at: datetime | None
    operator: str
    #: The session plan's batch it is called in (1 without a plan; see migration 0016).
    batch: int = 1


@dataclass(frozen=True, slots=True)
class Selection:
    """A confirmed selection (what the slip prints); ``revoked_at`` set once revoked."""

    id: int
    code: str
    flat_key: str
    selected_at: datetime
    operator: str
    proxy_name: str | None
    proxy_id: str | None
    area: Decimal
    entitlement: Decimal
    price_total: Decimal
    compensation: Decimal
    settlement: Decimal
    policy_sha256: str
    chain_head: str | None
    revoked_at: datetime | None
    revoked_by: str | None
    revoke_reason: str | None
    #: The flat's number within its household (一户多套), 1 for its first or only flat.
    flat_no: int = 1

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True, slots=True)
class HouseholdChoice:
    """A household's confirmed flats together (one :class:`Selection` per flat, in order).

    The rows split the household's figures so that they add up (see
    ``SelectionRecord``): the sums are its area, price, compensation and
    settlement; an only flat's row is the household's figures as they were.
    """

    selections: tuple[Selection, ...]

    @property
    def code(self) -> str:
        return self.selections[0].code

    @property
    def first(self) -> Selection:
        return self.selections[0]

    @property
    def flat_keys(self) -> tuple[str, ...]:
        return tuple(s.flat_key for s in self.selections)

    @property
    def area(self) -> Decimal:
        return sum((s.area for s in self.selections), Decimal("0.00"))

    @property
    def entitlement(self) -> Decimal:
        return self.selections[0].entitlement

    @property
    def price_total(self) -> Decimal:
        return sum((s.price_total for s in self.selections), Decimal("0.00"))

    @property
    def compensation(self) -> Decimal:
        return sum((s.compensation for s in self.selections), Decimal("0.00"))

    @property
    def settlement(self) -> Decimal:
        return sum((s.settlement for s in self.selections), Decimal("0.00"))


def household_choices(selections: Sequence[Selection]) -> dict[str, HouseholdChoice]:
    """Selections (in the order made) grouped by household code, each in flat order."""
    grouped: dict[str, list[Selection]] = {}
    for chosen in selections:
        grouped.setdefault(chosen.code, []).append(chosen)
    return {code: HouseholdChoice(tuple(sorted(rows, key=lambda s: s.flat_no)))
            for code, rows in grouped.items()}


@dataclass(frozen=True, slots=True)
class VoidedSession:
    """A session a supervisor voided: who, when, why, and the choices the void revoked."""

    session: SessionInfo
    voided_by: str
    voided_at: datetime
    reason: str
    selections: tuple[Selection, ...]
    #: The selection order number (选房顺序号) of each household that chose, by code.
    order_numbers: Mapping[str, int] = dataclasses.field(default_factory=dict)


# --- plain values out of rows ------------------------------------------------------


def as_utc(moment: datetime | None) -> datetime | None:
    """Aware UTC: SQLite hands back naive datetimes, which were stored as UTC."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def iso(moment: datetime | None) -> str | None:
    return audit.moment_text(moment)


def session_info(row: Row) -> SessionInfo:
    settings = SessionSettings(row["seconds_per_household"], row["calls_before_move"],
                               row["final_call"])
    return SessionInfo(row["id"], ProjectId(row["project_id"]), row["draw_sha256"],
                       row["held_on"], settings, row["status"], row["final_call_held"],
                       row["opened_by"], as_utc(row["opened_at"]) or row["opened_at"],
                       as_utc(row["closed_at"]), row["change_seq"])


def turn_of(row: Row) -> Turn:
    return Turn(row["code"], row["order_no"], row["place"], row["group_rank"],
                row["group_name"], row["state"], row["calls"], row["call_round"],
                row["proxy_name"], row["proxy_id"], row["reason"], as_utc(row["called_at"]),
                as_utc(row["finished_at"]), row["operator"], row.get("batch", 1))


def selection_of(row: Row) -> Selection:
    return Selection(row["id"], row["code"], row["flat_key"],
                     as_utc(row["selected_at"]) or row["selected_at"], row["operator"],
                     row["proxy_name"], row["proxy_id"], row["area"], row["entitlement"],
                     row["price_total"], row["compensation"], row["settlement"],
                     row["policy_sha256"], row["chain_head"], as_utc(row["revoked_at"]),
                     row["revoked_by"], row["revoke_reason"], row.get("flat_no", 1))


# --- snapshots: what the audit log records, and audit_check recomputes ----------


def session_snapshot(row: Row) -> Snapshot:
    """The session as logged; the heartbeat and change counter are liveness, not data."""
    return {"id": row["id"], "draw_sha256": row["draw_sha256"],
            "held_on": row["held_on"].isoformat(),
            "seconds_per_household": row["seconds_per_household"],
            "calls_before_move": row["calls_before_move"], "final_call": row["final_call"],
            "final_call_held": row["final_call_held"], "status": row["status"],
            "opened_by": row["opened_by"], "opened_at": iso(row["opened_at"]),
            "closed_at": iso(row["closed_at"]), **_void(row)}


VOID_FIELDS = ("voided_by", "voided_at", "void_reason")


def _void(row: Row) -> Snapshot:
    # Only a voided session logs who voided it: the events of every other session,
    # logged before migration 0011 too, keep the shape they had. A session that is not
    # void but has any of these set (only a hand edit does that) shows them.
    if row["status"] != VOID and all(row[f] is None for f in VOID_FIELDS):
        return {}
    return {"voided_by": row["voided_by"], "voided_at": iso(row["voided_at"]),
            "void_reason": row["void_reason"]}


def turn_snapshot(row: Row) -> Snapshot:
    return {"session": row["session_id"], "code": row["code"], "order_no": row["order_no"],
            "place": row["place"], "group_rank": row["group_rank"], "state": row["state"],
            "calls": row["calls"], "call_round": row["call_round"],
            "proxy_name": row["proxy_name"], "proxy_id": row["proxy_id"],
            "reason": row["reason"], "called_at": iso(row["called_at"]),
            "finished_at": iso(row["finished_at"]), "operator": row["operator"],
            "group_name": row["group_name"], **_batch(row)}


def _batch(row: Row) -> Snapshot:
    # Only a turn past batch 1 logs its batch: turns of a project without a plan, and
    # those logged before migration 0016, keep the shape (and so the hashes) they had.
    number = row.get("batch", 1)
    return {} if number == 1 else {"batch": number}


def selection_snapshot(row: Row) -> Snapshot:
    """The selection as logged; its chain head is checked against the log separately."""
    return {"id": row["id"], "session": row["session_id"], "code": row["code"],
            "flat": row["flat_key"], "selected_at": iso(row["selected_at"]),
            "operator": row["operator"], "proxy_name": row["proxy_name"],
            "proxy_id": row["proxy_id"], "area": _money(row["area"]),
            "entitlement": _money(row["entitlement"]),
            "price_total": _money(row["price_total"]),
            "compensation": _money(row["compensation"]),
            "settlement": _money(row["settlement"]), "policy_sha256": row["policy_sha256"],
            "revoked_at": iso(row["revoked_at"]), "revoked_by": row["revoked_by"],
            "revoke_reason": row["revoke_reason"], **_flat_no(row)}


def _flat_no(row: Row) -> Snapshot:
    # Only a household's second or later flat logs its number: an only flat's events, and
    # those logged before migration 0015, keep the shape (and so the hashes) they had.
    number = row.get("flat_no", 1)
    return {} if number == 1 else {"flat_no": number}


def _money(value: Decimal) -> str:
    # PostgreSQL gives Numeric(…, 2) back as 12.50, SQLite may give 12.5: one spelling.
    return f"{Decimal(value):.2f}"


def snapshot_key(entity: str, snapshot: Snapshot) -> str | None:
    """The audit entity key of a session, turn or selection snapshot (None: not ours)."""
    if entity == ENTITY_SESSION:
        return f"session-{snapshot['id']}"
    if entity == ENTITY_TURN:
        return f"turn-{snapshot['session']}-{snapshot['code']}"
    if entity == ENTITY_SELECTION:
        return f"selection-{snapshot['id']}"
    if entity == ENTITY_PLAN:
        return plan_key(snapshot)
    return None


def plan_key(snapshot: Mapping[str, Any]) -> str:
    """A stored session plan's audit key: its version (db.selection.session_plan)."""
    return f"plan-v{snapshot['version']}"


def plan_snapshot(row: Row) -> Snapshot:
    """A session plan version as logged: every column but its id and project."""
    try:
        batches: Any = json.loads(row["batches"])
    except ValueError:  # edited behind the app's back: the replay names the column
        batches = row["batches"]
    return {"version": row["version"], "draw_sha256": row["draw_sha256"], "batches": batches,
            "venue": row["venue"], "saved_by": row["saved_by"],
            "saved_at": iso(row["saved_at"])}


def entry(project_id: int, actor: str, action: str, entity: str, before: Snapshot | None,
          after: Snapshot, at: datetime | None = None) -> audit.AuditEntry:
    """The audit event of a session, turn or selection change (``at``: the act's moment,
    when a row keeps it too)."""
    return audit.AuditEntry(project_id, actor, action, entity, str(snapshot_key(entity, after)),
                            before=before, after=after, at=at)
