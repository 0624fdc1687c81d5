"""The numbers printed on the papers: an agreement's per household, a slip's per confirmation."""

from __future__ import annotations

from datetime import date

from allocation.registry import ProjectId
from db.selection import Selection


def agreement_number(project_id: ProjectId, held_on: date, code: str) -> str:
    """The agreement's number: stable for the household, unique across projects."""
    return f"AZ{project_id:03d}-{held_on.year}-{code}"


def money_agreement_number(project_id: ProjectId, on: date, code: str) -> str:
    """A money compensation agreement's number (货币补偿协议): HB, then as an agreement's."""
    return f"HB{project_id:03d}-{on.year}-{code}"


def slip_number(project_id: ProjectId, held_on: date, picked: Selection) -> str:
    """The slip's number: one per confirmation (a revoked one's slip keeps its own)."""
    return f"QR{project_id:03d}-{held_on.year}-{picked.id:05d}"


def appointment_number(project_id: ProjectId, first_day: date, order_number: int) -> str:
    """A 选房通知书's number: TZ, the project, the plan's first year and the order number."""
    return f"TZ{project_id:03d}-{first_day.year}-{order_number:05d}"
