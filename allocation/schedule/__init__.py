"""The session plan (选房安排): the final drawn order cut into batches on set days and
half-days, each household with its batch, date and time window, and the plan file that
describes the batches (checked with JSON key paths)."""

from allocation.schedule.plan import (
    DEFAULT_MINUTES,
    DEFAULT_VENUE,
    MAX_MINUTES,
    Batch,
    BatchSpec,
    Pause,
    SessionPlan,
    Slot,
    make_plan,
    specs_by_count,
    specs_by_group,
)
from allocation.schedule.plan_file import parse_clock, plan_data, read_plan

__all__ = [
    "DEFAULT_MINUTES",
    "DEFAULT_VENUE",
    "MAX_MINUTES",
    "Batch",
    "BatchSpec",
    "Pause",
    "SessionPlan",
    "Slot",
    "make_plan",
    "parse_clock",
    "plan_data",
    "read_plan",
    "specs_by_count",
    "specs_by_group",
]
