"""household: member counts, conditions and search text kept on the row

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

The Households page reads one table instead of grouping every member; the
values are written by db/repositories.household_columns on every change.
"""

from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COLUMNS = ("member_count", "recognised_count", "new_member_count", "member_conditions",
           "search_text")


def upgrade() -> None:
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.add_column(sa.Column("member_count", sa.Integer(), nullable=False,
                                      server_default="0"))
        batch_op.add_column(sa.Column("recognised_count", sa.Integer(), nullable=False,
                                      server_default="0"))
        batch_op.add_column(sa.Column("new_member_count", sa.Integer(), nullable=False,
                                      server_default="0"))
        batch_op.add_column(sa.Column("member_conditions", sa.String(length=100),
                                      nullable=False, server_default=""))
        batch_op.add_column(sa.Column("search_text", sa.Text(), nullable=False,
                                      server_default=""))
    _backfill()


def _backfill() -> None:
    """Compute the new columns for households registered before this version."""
    connection = op.get_bind()
    people: dict[int, list[tuple]] = {}
    for row in connection.execute(sa.text(
            "SELECT household_id, name, id_number, recognised, new_member, conditions "
            "FROM member ORDER BY household_id, position")):
        people.setdefault(row[0], []).append(tuple(row[1:]))
    heads = dict(connection.execute(sa.text(
        "SELECT id, code || ' ' || phone FROM household")).all())
    update = sa.text(
        "UPDATE household SET member_count = :n, recognised_count = :r, "
        "new_member_count = :m, member_conditions = :c, search_text = :t WHERE id = :id")
    for household_id, members in people.items():
        conditions = sorted({c for m in members for c in m[4].split(",") if c})
        connection.execute(update, {
            "id": household_id, "n": len(members),
            "r": sum(bool(m[2]) for m in members), "m": sum(bool(m[3]) for m in members),
            "c": ",".join(conditions),
            "t": " ".join([heads[household_id]] + [m[0] for m in members]
                          + [m[1] for m in members]).lower()})


def downgrade() -> None:
    with op.batch_alter_table("household", schema=None) as batch_op:
        for column in COLUMNS:
            batch_op.drop_column(column)
