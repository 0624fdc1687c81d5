"""project: a printed title (项目名称 on every paper) beside the short name commands use

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07

A project is found by its name (``anju print … --project demo``); the title
is what its papers are headed with, in Chinese. Empty, the name is printed,
as before this version: every existing project prints as it did.
"""

from alembic import op
import sqlalchemy as sa

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.add_column(sa.Column("title", sa.String(length=200), nullable=False,
                                      server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.drop_column("title")
