"""Where the data lives: the database URL (SQLite in the user's data folder by default),
engines and sessions, the Alembic migrations applied on every start, and bulk work over
many rows."""

from db.store.bulk import collector_paused, insert_rows
from db.store.engine import data_dir, database_url, make_engine, open_database
from db.store.migrate import current_revision, head_revision, is_known_revision, upgrade

__all__ = [
    "collector_paused",
    "current_revision",
    "data_dir",
    "database_url",
    "head_revision",
    "insert_rows",
    "is_known_revision",
    "make_engine",
    "open_database",
    "upgrade",
]
