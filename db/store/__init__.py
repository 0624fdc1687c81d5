"""db.store: TODO face docstring."""

from db.store.bulk import collector_paused
from db.store.engine import data_dir, database_url, make_engine, open_database
from db.store.migrate import current_revision, head_revision, upgrade

__all__ = [
    "collector_paused",
    "current_revision",
    "data_dir",
    "database_url",
    "head_revision",
    "make_engine",
    "open_database",
    "upgrade",
]
