"""Alembic environment: runs against the engine handed over by db.store.migrate."""

from alembic import context

from db.records import Base  # the face imports every table onto Base.metadata

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
