"""ORM records of the registry: projects, households, members, flats and the audit log.

Records never leave db/: repositories turn them into allocation.model dataclasses.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base


def utcnow() -> datetime:
    return datetime.now(UTC)


class ProjectRecord(Base):
    __tablename__ = "project"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
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
    # Derived from the members on every write (db/repositories.household_columns), so the
    # Households page reads one table: at 100,000 households a GROUP BY over the members
    # alone took half of the page's one-second budget.
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
