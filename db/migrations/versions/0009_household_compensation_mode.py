"""household: compensation mode (补偿方式), the day chosen, assessed value, appraisal report

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06

Every household registered before this version is in the default mode,
property exchange by area (产权调换（按面积）), with no day, value or report:
the server defaults fill the existing rows, and the audit replay reads a
snapshot logged before this version the same way (db/audit/snapshots.py).
"""

from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

COLUMNS = ("compensation_mode", "mode_chosen_on", "assessed_value", "appraisal_report")


def upgrade() -> None:
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.add_column(sa.Column("compensation_mode", sa.String(length=16),
                                      nullable=False, server_default="area"))
        batch_op.add_column(sa.Column("mode_chosen_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("assessed_value", sa.Numeric(precision=14, scale=2),
                                      nullable=True))
        batch_op.add_column(sa.Column("appraisal_report", sa.String(length=64),
                                      nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("household", schema=None) as batch_op:
        for column in reversed(COLUMNS):
            batch_op.drop_column(column)
