"""ORM records of the casework: teams and staff, who looks after each household, its case log.

Case-log rows refer to their household by id and go with it when it is
deleted (ON DELETE CASCADE), as its members do; the audit log keeps them,
and the check in `anju audit verify` knows they went with the household
(db/casework/snapshots.py, CaseworkReplay).
Rows hold dates, not timestamps: the audit log records when each entry was
made and by whom.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.records.base import Base


def _household(*, index: bool = False) -> Any:
    """The row's household: deleted with it, like its members."""
    return mapped_column(ForeignKey("household.id", ondelete="CASCADE"), index=index)


class TeamRecord(Base):
    """A working group of the office (工作组)."""

    __tablename__ = "team"
    __table_args__ = (UniqueConstraint("project_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    leader: Mapped[str] = mapped_column(String(64), default="")


class StaffRecord(Base):
    """A staff member, in one team; never deleted once assigned, only made inactive."""

    __tablename__ = "staff"
    __table_args__ = (UniqueConstraint("project_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(32), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AssignmentRecord(Base):
    """Who looks after a household (包户到人): its team and responsible pair, one row each."""

    __tablename__ = "household_assignment"
    __table_args__ = (UniqueConstraint("household_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True)
    household_id: Mapped[int] = _household()
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"), index=True)
    first_staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    second_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    assigned_on: Mapped[date] = mapped_column(Date)


class VisitRecord(Base):
    """One visit or contact: when, how, who went, what was said."""

    __tablename__ = "case_visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True)
    household_id: Mapped[int] = _household(index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(16))
    # Names as written (、-separated): community cadres and lawyers visit too.
    visitors: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)


class RequestRecord(Base):
    """A request (诉求) or suggestion (建议) of a household, and the office's answer."""

    __tablename__ = "case_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True)
    household_id: Mapped[int] = _household(index=True)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    received_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[str] = mapped_column(String(64), default="")
    answered_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)


class CaseFlagRecord(Base):
    """A special case of a household (二孩指标, 新增人口, 补差价, hardship) and where it stands."""

    __tablename__ = "case_flag"
    __table_args__ = (UniqueConstraint("household_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True)
    household_id: Mapped[int] = _household()
    kind: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(16), default="claimed")
    raised_on: Mapped[date] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class CaseNoteRecord(Base):
    """A free note in a household's case log."""

    __tablename__ = "case_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True)
    household_id: Mapped[int] = _household(index=True)
    written_on: Mapped[date] = mapped_column(Date)
    author: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)


class AttachmentRecord(Base):
    """A file kept elsewhere (a scan, a photo), referred to by path and fingerprinted."""

    __tablename__ = "case_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True)
    household_id: Mapped[int] = _household(index=True)
    title: Mapped[str] = mapped_column(String(200))
    path: Mapped[str] = mapped_column(String(500))
    # The file's SHA-256 and size when attached: a swapped or edited file is noticed.
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    added_on: Mapped[date] = mapped_column(Date)


class ProgressStepRecord(Base):
    """A step of a household's progress with its date (registered, verified, moved out, keys).

    Signing is the household's own ``signed_on``/``signing_seq`` and a chosen
    flat is its selection: those are never stored here.
    """

    __tablename__ = "progress_step"
    __table_args__ = (UniqueConstraint("household_id", "step"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True)
    household_id: Mapped[int] = _household()
    step: Mapped[str] = mapped_column(String(16))
    done_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class IntentionRecord(Base):
    """What a household says it wants (选房意向): layouts best first, and where, and how many.

    One row a household: recording it again replaces it (the audit log keeps
    what it said before); a household without a row is "unknown". Lists are
    written as the office writes them, 、-separated (allocation.chances.join_names).
    """

    __tablename__ = "selection_intention"
    __table_args__ = (UniqueConstraint("household_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True)
    household_id: Mapped[int] = _household()
    layouts: Mapped[str] = mapped_column(String(400))
    buildings: Mapped[str] = mapped_column(String(400), default="")
    floor_min: Mapped[int | None] = mapped_column(Integer)
    floor_max: Mapped[int | None] = mapped_column(Integer)
    flats: Mapped[int] = mapped_column(Integer, default=1)
    recorded_on: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(64))
