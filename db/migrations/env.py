"""Alembic environment: runs against the engine handed over by db.migrate."""

from alembic import context

import db.records  # noqa: F401  (registers the tables on Base.metadata)
from db.base import Base

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
