"""project: a printed title (项目名称 on every paper) beside the short name commands use

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07

A project is found by its name (``anju print … --project demo``); the title
is what its papers are headed with, in Chinese. Empty, the name is printed,
as before this version: every existing project prints as it did, and the
audit replay reads a project logged before this version the same way.

Neither step rebuilds ``project`` on SQLite: a rebuild drops the table, and
with foreign keys on (they are, and cannot be switched off inside the
migration's transaction) every household, flat, draw and session turn that
cascades from it would go too. SQLite adds a column with a constant default
in place, and since 3.35 drops one in place (ALTER TABLE … DROP COLUMN).
"""

import sqlite3

from alembic import op
import sqlalchemy as sa

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

#: The first SQLite that drops a column without rebuilding its table.
SQLITE_DROP_COLUMN = (3, 35, 0)


def upgrade() -> None:
    op.add_column("project", sa.Column("title", sa.String(length=200), nullable=False,
                                       server_default=""))


def downgrade() -> None:
    """Refused on an SQLite older than 3.35 rather than rebuilding (and emptying) projects."""
    if op.get_bind().dialect.name == "sqlite" and sqlite3.sqlite_version_info < SQLITE_DROP_COLUMN:
        raise RuntimeError(
            f"SQLite {sqlite3.sqlite_version} cannot drop project.title in place (3.35 can); "
            "a rebuild of the project table would delete its households with it")
    op.drop_column("project", "title")
