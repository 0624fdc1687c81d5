"""The declarative base, the naming convention every table and constraint follows, shared helpers.

Every records module imports what it shares from here, never from another records module.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Named constraints make migrations portable between SQLite and PostgreSQL,
# and let errors name the constraint that refused a row.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    """Now, as an aware UTC time: the default of every ``*_at`` column."""
    return datetime.now(UTC)


def local_date(moment: datetime) -> date:
    """The office's local calendar day of a stored moment (SQLite gives naive UTC back):
    the day a step was reached, a flat chosen, a session day's figures belong to."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone().date()
