"""Migrations build exactly the schema the models declare, and re-running them is a no-op."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from db.records.base import Base
from db.store.migrate import current_revision, head_revision, upgrade


def test_migrated_schema_matches_the_models(engine):
    """The migrated database equals Base.metadata: a forgotten migration fails here."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_upgrade_is_idempotent(engine):
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert {"household", "member", "flat", "audit_event", "audit_head", "project"} <= set(
        inspect(engine).get_table_names())
