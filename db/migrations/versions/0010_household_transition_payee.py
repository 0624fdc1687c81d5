"""household: transition housing (周转用房) and its term, payee account (收款账户), old home use
(原房屋用途); flat: inner area (套内建筑面积)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

Every household registered before this version waits on the transition
allowance (自行过渡: no address, no term), has no payee account yet and had a
home (住宅); no flat states its inner area. The server defaults fill the
existing rows, and the audit replay reads a snapshot logged before this version
the same way (db/audit/snapshots.py).
"""

from alembic import op
import sqlalchemy as sa

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

HOUSEHOLD_COLUMNS = ("transition_housing", "transition_from", "transition_until",
                     "payee_bank", "payee_name", "payee_account", "old_home_use")


def upgrade() -> None:
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.add_column(sa.Column("transition_housing", sa.String(length=200),
                                      nullable=False, server_default=""))
        batch_op.add_column(sa.Column("transition_from", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("transition_until", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("payee_bank", sa.String(length=64),
                                      nullable=False, server_default=""))
        batch_op.add_column(sa.Column("payee_name", sa.String(length=64),
                                      nullable=False, server_default=""))
        batch_op.add_column(sa.Column("payee_account", sa.String(length=40),
                                      nullable=False, server_default=""))
        batch_op.add_column(sa.Column("old_home_use", sa.String(length=16),
                                      nullable=False, server_default="residential"))
    with op.batch_alter_table("flat", schema=None) as batch_op:
        batch_op.add_column(sa.Column("inner_area", sa.Numeric(precision=10, scale=2),
                                      nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("flat", schema=None) as batch_op:
        batch_op.drop_column("inner_area")
    with op.batch_alter_table("household", schema=None) as batch_op:
        for column in reversed(HOUSEHOLD_COLUMNS):
            batch_op.drop_column(column)
