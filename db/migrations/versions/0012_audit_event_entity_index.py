"""audit_event: an index on (entity, entity_key, seq)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07

A user's role and state are read from the log itself (the latest audited
user event), and a sign-in counts the failures before it; both look up one
entity's newest events, which at city scale (millions of events) needs an
index instead of a scan.
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_audit_event_entity_key", "audit_event",
                    ["entity", "entity_key", "seq"])


def downgrade() -> None:
    op.drop_index("ix_audit_event_entity_key", table_name="audit_event")
