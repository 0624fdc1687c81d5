"""selection_intention: what each household says it wants (选房意向)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07

A new table only: nothing else is rebuilt, so no cascade can fire on an
existing row. One row a household (unique), deleted with it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "selection_intention",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("layouts", sa.String(length=400), nullable=False),
        sa.Column("buildings", sa.String(length=400), nullable=False),
        sa.Column("floor_min", sa.Integer(), nullable=True),
        sa.Column("floor_max", sa.Integer(), nullable=True),
        sa.Column("flats", sa.Integer(), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"],
                                name=op.f("fk_selection_intention_household_id_household"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"],
                                name=op.f("fk_selection_intention_project_id_project"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_selection_intention")),
        sa.UniqueConstraint("household_id", name=op.f("uq_selection_intention_household_id")),
    )
    op.create_index(op.f("ix_selection_intention_project_id"), "selection_intention",
                    ["project_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_selection_intention_project_id"), table_name="selection_intention")
    op.drop_table("selection_intention")
