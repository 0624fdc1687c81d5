"""selection_session: a supervisor may void a session (作废); one live session per project

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07

A draw is final once a session has opened on it: instead of retracting the
draw, a supervisor voids the session with a reason. The voided session stays
(its turns and choices readable), so the project's one-session rule becomes
one session that is not void: the unique constraint on ``project_id`` is
replaced by a partial unique index. Existing sessions are not void: the new
columns are null.

On SQLite the table must be rebuilt to drop the constraint, and dropping it
with foreign keys on (they are, and cannot be switched off inside the
migration's transaction) deletes the turns and choices that cascade from it.
So they are copied aside first and put back, with their ids, in the same
transaction: all or nothing.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from alembic import op
import sqlalchemy as sa

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

LIVE_SESSION = "status <> 'void'"
# The tables whose rows cascade from a session, parents first.
CHILDREN = ("selection_turn", "selection")


def upgrade() -> None:
    with _children_kept():
        with op.batch_alter_table("selection_session", schema=None) as batch_op:
            batch_op.drop_constraint("uq_selection_session_project_id", type_="unique")
            batch_op.add_column(sa.Column("voided_by", sa.String(length=64), nullable=True))
            batch_op.add_column(sa.Column("voided_at", sa.DateTime(timezone=True),
                                          nullable=True))
            batch_op.add_column(sa.Column("void_reason", sa.Text(), nullable=True))
    op.create_index("uq_selection_session_live", "selection_session", ["project_id"],
                    unique=True, sqlite_where=sa.text(LIVE_SESSION),
                    postgresql_where=sa.text(LIVE_SESSION))


def downgrade() -> None:
    """Fails if a session was voided: two sessions of one project cannot be made one."""
    op.drop_index("uq_selection_session_live", table_name="selection_session")
    with _children_kept():
        with op.batch_alter_table("selection_session", schema=None) as batch_op:
            batch_op.drop_column("void_reason")
            batch_op.drop_column("voided_at")
            batch_op.drop_column("voided_by")
            batch_op.create_unique_constraint("uq_selection_session_project_id",
                                              ["project_id"])


@contextmanager
def _children_kept() -> Iterator[None]:
    """On SQLite, keep the session's turns and choices across the table's rebuild."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        yield
        return
    for table in CHILDREN:
        bind.exec_driver_sql(f"CREATE TEMP TABLE anju_kept_{table} AS SELECT * FROM {table}")
    yield
    for table in CHILDREN:
        bind.exec_driver_sql(f"DELETE FROM {table}")  # nothing should be left: be sure
        bind.exec_driver_sql(f"INSERT INTO {table} SELECT * FROM anju_kept_{table}")
        bind.exec_driver_sql(f"DROP TABLE anju_kept_{table}")
