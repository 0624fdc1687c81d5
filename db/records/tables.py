"""ORM records: projects, households, members, flats, rules, draws, selection sessions, audit log.

Records never leave db/: repositories turn them into allocation.registry dataclasses.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Final

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.records.base import Base, utcnow


class ProjectRecord(Base):
    __tablename__ = "project"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    # What its papers are headed with (empty: the name); see db.registry.project_title.
    title: Mapped[str] = mapped_column(String(200), default="", server_default="")
    rehearsal: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class HouseholdRecord(Base):
    __tablename__ = "household"
    __table_args__ = (UniqueConstraint("project_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(32))
    head_name: Mapped[str] = mapped_column(String(64))
    head_id: Mapped[str] = mapped_column(String(18))
    phone: Mapped[str] = mapped_column(String(32), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    legal_area: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    signed_on: Mapped[date | None] = mapped_column(Date)
    signing_seq: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="registered")
    # 补偿方式 (allocation.registry.CompensationMode's value), the day the household chose it,
    # the old home's assessed value in yuan (评估价值) and the appraisal report's number.
    compensation_mode: Mapped[str] = mapped_column(String(16), default="area")
    mode_chosen_on: Mapped[date | None] = mapped_column(Date)
    assessed_value: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    appraisal_report: Mapped[str] = mapped_column(String(64), default="")
    # 周转用房 (its address, "" for 自行过渡, and its term), the payee account (收款账户)
    # and the old home's use (allocation.registry.OldHomeUse's value).
    transition_housing: Mapped[str] = mapped_column(String(200), default="")
    transition_from: Mapped[date | None] = mapped_column(Date)
    transition_until: Mapped[date | None] = mapped_column(Date)
    payee_bank: Mapped[str] = mapped_column(String(64), default="")
    payee_name: Mapped[str] = mapped_column(String(64), default="")
    payee_account: Mapped[str] = mapped_column(String(40), default="")
    old_home_use: Mapped[str] = mapped_column(String(16), default="residential")
    # Derived from the members on every write (household_columns in
    # db/registry/repositories.py), so the Households page reads one table: at 100,000
    # households a GROUP BY over the members alone took half of the page's one-second budget.
    member_count: Mapped[int] = mapped_column(Integer, default=0)
    recognised_count: Mapped[int] = mapped_column(Integer, default=0)
    new_member_count: Mapped[int] = mapped_column(Integer, default=0)
    member_conditions: Mapped[str] = mapped_column(String(100), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    # Optimistic locking: a second workstation saving a stale copy is refused.
    version: Mapped[int] = mapped_column(Integer, default=1)

    members: Mapped[list[MemberRecord]] = relationship(
        back_populates="household",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="MemberRecord.position",
    )

    __mapper_args__ = {"version_id_col": version}


class MemberRecord(Base):
    __tablename__ = "member"
    # One person (ID number) can be in only one household of a project: the
    # database enforces it even if two workstations race past the service check.
    __table_args__ = (UniqueConstraint("project_id", "id_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(64))
    id_number: Mapped[str] = mapped_column(String(18))
    relation: Mapped[str] = mapped_column(String(16))
    recognised: Mapped[bool] = mapped_column(Boolean, default=True)
    # Sorted enum values joined by commas: few, fixed, and searchable with LIKE.
    conditions: Mapped[str] = mapped_column(String(100), default="")
    disability_grade: Mapped[int | None] = mapped_column(Integer)
    new_member: Mapped[bool] = mapped_column(Boolean, default=False)

    household: Mapped[HouseholdRecord] = relationship(back_populates="members")


class FlatRecord(Base):
    __tablename__ = "flat"
    __table_args__ = (UniqueConstraint("project_id", "building", "unit", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    building: Mapped[str] = mapped_column(String(32))
    unit: Mapped[str] = mapped_column(String(16))
    floor: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(16))
    area: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    layout: Mapped[str] = mapped_column(String(32))
    orientation: Mapped[str] = mapped_column(String(16), default="")
    inner_area: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))  # 套内建筑面积
    base_price: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    status: Mapped[str] = mapped_column(String(20), default="available")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class PolicyRecord(Base):
    """One version of a project's policy. Frozen versions are never edited, only superseded."""

    __tablename__ = "policy"
    __table_args__ = (UniqueConstraint("project_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    # The canonical JSON exactly as hashed: what was frozen can be re-hashed by anyone.
    document: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    frozen_by: Mapped[str | None] = mapped_column(String(64))
    frozen_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class PoolRecord(Base):
    """A published lottery pool: membership and order are locked once it is stored."""

    __tablename__ = "draw_pool"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default="published")
    pool_sha256: Mapped[str] = mapped_column(String(64))
    # Canonical JSON of the entries (position, code, group, group_rank, sort_key).
    entries: Mapped[str] = mapped_column(Text)
    policy_sha256: Mapped[str] = mapped_column(String(64))
    published_by: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DrawRecord(Base):
    """One draw of a pool: announced, then active (the record is sealed), maybe retracted."""

    __tablename__ = "draw"
    __table_args__ = (UniqueConstraint("pool_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    pool_id: Mapped[int] = mapped_column(ForeignKey("draw_pool.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="announced")
    method: Mapped[str] = mapped_column(String(32))
    # JSON lists: the sources as announced and the witnesses [{"role", "name"}].
    sources: Mapped[str] = mapped_column(Text)
    witnesses: Mapped[str] = mapped_column(Text)
    announced_by: Mapped[str] = mapped_column(String(64))
    announced_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # The sealed draw record (allocation.verify format) and its hash; null until drawn.
    record: Mapped[str | None] = mapped_column(Text)
    record_sha256: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")


class AuditEventRecord(Base):
    """One entry of the append-only, hash-chained record of every change."""

    __tablename__ = "audit_event"
    # One entity's newest events: a user's logged state, the failures before a sign-in.
    __table_args__ = (Index("ix_audit_event_entity_key", "entity", "entity_key", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    project_id: Mapped[int | None] = mapped_column(Integer, index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(32))
    entity_key: Mapped[str] = mapped_column(String(64))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditHeadRecord(Base):
    """The chain's head, one row: locking it serialises appends across workstations."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64))


# --- the on-site selection session (db/selection*.py) ------------------------------

# Where a selection is active. Written as text so that SQLite and PostgreSQL build
# the same partial index from it (and Alembic compares them alike).
# Session status.
OPEN: Final = "open"
PAUSED: Final = "paused"
CLOSED: Final = "closed"
# A supervisor voided it (作废): its turns and choices stay readable, its choices are
# marked revoked with the void's reason, and the project may open a new session.
VOID: Final = "void"
# The one session of a project that is not void (the live one).
LIVE_SESSION = "status <> 'void'"

# Turn states. The queue is the turns in QUEUED states, in order of place.
WAITING: Final = "waiting"
CALLED: Final = "called"
SELECTED: Final = "selected"
SKIPPED: Final = "skipped"  # passed over for good in this session (until the final call)
MOVED_TO_END: Final = "moved_to_end"  # 过号: back in the queue, at the end
ABSENT: Final = "absent"  # still not there when the session closed
DECLINED: Final = "declined"  # present, but took no flat (none left it may take, or refused)
REVOKED: Final = "revoked"  # its selection was revoked: called again next
QUEUED: Final = (REVOKED, WAITING, MOVED_TO_END)
FINISHED: Final = (SELECTED, ABSENT, DECLINED)

# Rounds of a turn: its place in the order, after moving to the end, the final call.
FIRST_ROUND, END_ROUND, FINAL_ROUND = 1, 2, 3

ACTIVE_SELECTION = "revoked_at IS NULL"


class SelectionSessionRecord(Base):
    """The on-site session of a project over its draw's final order (one per project)."""

    __tablename__ = "selection_session"
    # One live session per project; voided ones stay beside it (migration 0011).
    __table_args__ = (
        Index("uq_selection_session_live", "project_id", unique=True,
              sqlite_where=text(LIVE_SESSION), postgresql_where=text(LIVE_SESSION)),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    draw_id: Mapped[int] = mapped_column(ForeignKey("draw.id", ondelete="CASCADE"))
    draw_sha256: Mapped[str] = mapped_column(String(64))
    # Ages, groups and prices are judged on this one date, even if the session
    # runs past midnight or resumes the next day.
    held_on: Mapped[date] = mapped_column(Date)
    seconds_per_household: Mapped[int] = mapped_column(Integer, default=180)
    calls_before_move: Mapped[int] = mapped_column(Integer, default=3)
    final_call: Mapped[bool] = mapped_column(Boolean, default=True)
    final_call_held: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default="open")
    opened_by: Mapped[str] = mapped_column(String(64))
    opened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Liveness of the desk, not a change of data: neither audited nor counted below.
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Raised by every operation (it is also the row each operation locks first), so
    # a display polls one integer to know whether anything changed.
    change_seq: Mapped[int] = mapped_column(Integer, default=0)
    # Set when a supervisor voids the session (status "void"), never otherwise.
    voided_by: Mapped[str | None] = mapped_column(String(64))
    voided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    void_reason: Mapped[str | None] = mapped_column(Text)


class SelectionTurnRecord(Base):
    """One household's turn in a session: its place in the calling order and how it went."""

    __tablename__ = "selection_turn"
    __table_args__ = (
        UniqueConstraint("session_id", "household_id"),
        UniqueConstraint("session_id", "code"),
        UniqueConstraint("session_id", "order_no"),
        UniqueConstraint("session_id", "place"),
        # The queue: by batch, then place (migration 0016; without a plan all are batch 1).
        Index("ix_selection_turn_batch_queue", "session_id", "state", "batch", "place"),
        # One household at the desk at a time, whatever two workstations do.
        Index("uq_selection_turn_called", "session_id", unique=True,
              sqlite_where=text("state = 'called'"),
              postgresql_where=text("state = 'called'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("selection_session.id", ondelete="CASCADE"))
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"))
    code: Mapped[str] = mapped_column(String(32))
    order_no: Mapped[int] = mapped_column(Integer)  # 选房顺序号, never changes
    place: Mapped[int] = mapped_column(Integer)  # calling order; moving to the end raises it
    group_rank: Mapped[int] = mapped_column(Integer)  # as published in the pool
    group_name: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(16), default="waiting")
    calls: Mapped[int] = mapped_column(Integer, default=0)
    # 1: at its place in the order, 2: after moving to the end, 3: the final call.
    call_round: Mapped[int] = mapped_column(Integer, default=1)
    proxy_name: Mapped[str | None] = mapped_column(String(64))
    proxy_id: Mapped[str | None] = mapped_column(String(18))
    reason: Mapped[str] = mapped_column(Text, default="")
    called_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    operator: Mapped[str] = mapped_column(String(64), default="")
    # The batch of the session plan it is called in (1.. ; 1 when the project has no
    # plan); a household absent after its calls may move to the next one (migration 0016).
    batch: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class SessionPlanRecord(Base):
    """A version of a project's session plan (选房安排): its batches as the plan file's
    canonical JSON, the venue, and the draw whose final order it cuts (migration 0016).

    Each save is a new version; the highest is the plan. Once a session opens
    on it no version can be added (db.selection.session_plan).
    """

    __tablename__ = "session_plan"
    __table_args__ = (UniqueConstraint("project_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    draw_sha256: Mapped[str] = mapped_column(String(64))
    batches: Mapped[str] = mapped_column(Text)  # canonical JSON of the plan file
    venue: Mapped[str] = mapped_column(String(200), default="")
    saved_by: Mapped[str] = mapped_column(String(64))
    saved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SelectionRecord(Base):
    """A confirmed flat (选房确认): never edited, only revoked by a supervisor with a reason.

    One row per flat: a household taking several flats has rows 1…n (``flat_no``),
    confirmed and revoked together. ``area`` and ``price_total`` are the flat's own
    (its price lines; lines of no flat, a refund, on the last flat), ``compensation``
    is the household's on flat 1 and 0 on the others, and ``settlement`` is each
    row's compensation − price: summed over the household's rows they are its area,
    price, compensation and settlement (for an only flat, the row is the household).
    """

    __tablename__ = "selection"
    __table_args__ = (
        # The database itself refuses a flat chosen twice, or a household's flat n
        # twice (two desks confirming one household collide on its flat 1), even from
        # two workstations racing past every check in Python (migration 0015).
        Index("uq_selection_active_flat", "project_id", "flat_id", unique=True,
              sqlite_where=text(ACTIVE_SELECTION), postgresql_where=text(ACTIVE_SELECTION)),
        Index("uq_selection_active_household_flat", "project_id", "household_id", "flat_no",
              unique=True, sqlite_where=text(ACTIVE_SELECTION),
              postgresql_where=text(ACTIVE_SELECTION)),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    session_id: Mapped[int] = mapped_column(
        ForeignKey("selection_session.id", ondelete="CASCADE"), index=True)
    turn_id: Mapped[int] = mapped_column(ForeignKey("selection_turn.id", ondelete="CASCADE"))
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"))
    flat_id: Mapped[int] = mapped_column(ForeignKey("flat.id"))
    code: Mapped[str] = mapped_column(String(32))
    flat_key: Mapped[str] = mapped_column(String(80))
    # The flat's number within its household (一户多套: 1, 2, … in the order taken, which
    # is the order the flats are laid along the entitlement); 1 for a household's only flat.
    flat_no: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    selected_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    operator: Mapped[str] = mapped_column(String(64))
    proxy_name: Mapped[str | None] = mapped_column(String(64))
    proxy_id: Mapped[str | None] = mapped_column(String(18))
    area: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    entitlement: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    price_total: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    compensation: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    settlement: Mapped[Decimal] = mapped_column(Numeric(14, 2))  # compensation − price
    policy_sha256: Mapped[str] = mapped_column(String(64))
    # The audit chain's head after this selection's event: printed on the slip.
    chain_head: Mapped[str | None] = mapped_column(String(64))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_by: Mapped[str | None] = mapped_column(String(64))
    revoke_reason: Mapped[str | None] = mapped_column(Text)


# The casework tables live in their own module; importing it here puts them on
# Base.metadata wherever the records are (migrations, backups, tests).
import db.records.casework  # noqa: E402, F401
import db.records.publications  # noqa: E402, F401
import db.records.users  # noqa: E402, F401
