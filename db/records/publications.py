"""ORM records of the publications registry: printed public notices (公示) and objections (异议).

A publication is one printed version of a notice: which kind, which version
(1, 2, … per project and kind), the objection period, and the SHA-256 of the
PDF exactly as printed, so a posted paper can be matched with the registry.
Publications are never edited or deleted (only with their project): a
correction is the next version. An objection is raised against one version,
decided once (upheld or dismissed) by a supervisor, and, when upheld, answered
by the version that corrects the notice.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.records.base import Base, utcnow


class PublicationRecord(Base):
    """One printed version of a public notice, with its objection period."""

    __tablename__ = "publication"
    __table_args__ = (UniqueConstraint("project_id", "kind", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer)
    # The objection period (公示期), both days included; the notice is posted on the first.
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    content_sha256: Mapped[str] = mapped_column(String(64))
    pages: Mapped[int] = mapped_column(Integer, default=0)
    registered_by: Mapped[str] = mapped_column(String(64))
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ObjectionRecord(Base):
    """An objection (异议) to one version of a notice, and how it was decided."""

    __tablename__ = "objection"
    __table_args__ = (UniqueConstraint("project_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # 异议第 N 号, counted per project
    publication_id: Mapped[int] = mapped_column(ForeignKey("publication.id"), index=True)
    objector: Mapped[str] = mapped_column(String(64))  # full name; masked wherever shown
    household_code: Mapped[str] = mapped_column(String(32), default="")
    contact: Mapped[str] = mapped_column(String(64), default="")
    item: Mapped[str] = mapped_column(String(200))  # which line or entry of the notice
    text: Mapped[str] = mapped_column(Text)
    received_on: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="open")
    resolution: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    decided_on: Mapped[date | None] = mapped_column(Date)
    # The version of the notice that corrected what this (upheld) objection found.
    answered_in_id: Mapped[int | None] = mapped_column(ForeignKey("publication.id"))
