"""session plan (选房安排) stored, and each turn's batch

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07

The plan was computed at print time from command-line options; now it is a
stored fact the session works by. ``session_plan`` holds its versions (the
batches as the plan file's canonical JSON, the venue, the draw whose final
order it cuts); the highest version is the plan, and none can be added once
a session is open on it. ``selection_turn.batch`` is the batch a household
is called in: its plan batch at the opening, a later one where the rules
move an absent household on. Existing turns are batch 1 (server default):
without a plan the whole order is one batch, as before.

The queue's index gains the batch (the desk reads the queue by batch, then
place). No table is rebuilt: ADD COLUMN and indexes are altered in place
on SQLite, so nothing cascading from ``selection_turn`` is touched.
"""

from alembic import op
import sqlalchemy as sa

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "session_plan",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("project_id", sa.Integer(),
                  sa.ForeignKey("project.id", ondelete="CASCADE"), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("draw_sha256", sa.String(64), nullable=False),
        sa.Column("batches", sa.Text(), nullable=False),
        sa.Column("venue", sa.String(200), nullable=False),
        sa.Column("saved_by", sa.String(64), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("project_id", "version"),
    )
    op.add_column("selection_turn", sa.Column("batch", sa.Integer(), nullable=False,
                                              server_default="1"))
    op.drop_index("ix_selection_turn_queue", table_name="selection_turn")
    op.create_index("ix_selection_turn_batch_queue", "selection_turn",
                    ["session_id", "state", "batch", "place"])


def downgrade() -> None:
    op.drop_index("ix_selection_turn_batch_queue", table_name="selection_turn")
    op.create_index("ix_selection_turn_queue", "selection_turn",
                    ["session_id", "state", "place"])
    op.drop_column("selection_turn", "batch")
    op.drop_table("session_plan")
