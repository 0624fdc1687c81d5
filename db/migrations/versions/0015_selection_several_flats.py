"""selection: several flats per household (一户多套), one row per flat with its number

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

Where the rules allow a household more than one flat (``entitlement.max_flats``
above one), the desk confirms all its flats at once. Each flat stays one
``selection`` row, now numbered within the household (``flat_no``: 1, 2, … in
the order the flats were taken, which is the order they are laid along the
entitlement when priced). The household's uniqueness among the active
selections moves from (project, household) to (project, household, flat_no):

* a flat still cannot be taken twice (``uq_selection_active_flat`` stays);
* two desks racing to confirm one household still collide, on its flat 1;
* a household's flats are confirmed and revoked together, so its active rows
  are always 1…n.

Why rows per flat rather than a parent row per household with child rows per
flat: the flat index, the revocation and void marks, the audit snapshots and
every reader of ``selection`` (papers, results, statistics, replay) already
work per flat row; a parent table would have moved ``flat_id`` and its unique
index to a new table and rebuilt ``selection`` on SQLite. Existing rows are
each a household's only flat: ``flat_no`` 1, its server default. Each row
keeps the flat's own area and price share, and the household's compensation
on its first flat only, so that the sums over a household's rows are its
figures (see db/selection/choice.py).

No table is rebuilt: on SQLite ``ADD COLUMN``, ``DROP COLUMN`` (3.35+) and
the indexes are altered in place, so nothing that cascades from ``selection``
or its parents is touched.
"""

from alembic import op
import sqlalchemy as sa

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

ACTIVE = "revoked_at IS NULL"


def upgrade() -> None:
    op.add_column("selection", sa.Column("flat_no", sa.Integer(), nullable=False,
                                         server_default="1"))
    op.drop_index("uq_selection_active_household", table_name="selection",
                  sqlite_where=sa.text(ACTIVE), postgresql_where=sa.text(ACTIVE))
    op.create_index("uq_selection_active_household_flat", "selection",
                    ["project_id", "household_id", "flat_no"], unique=True,
                    sqlite_where=sa.text(ACTIVE), postgresql_where=sa.text(ACTIVE))


def downgrade() -> None:
    """Fails while a household holds several active flats: one row each cannot say so."""
    several = op.get_bind().exec_driver_sql(
        f"SELECT count(*) FROM selection WHERE flat_no > 1 AND {ACTIVE}").scalar()
    if several:
        raise RuntimeError(f"{several} active selections are a household's second or later "
                           "flat: revoke them before downgrading below 0015")
    op.drop_index("uq_selection_active_household_flat", table_name="selection",
                  sqlite_where=sa.text(ACTIVE), postgresql_where=sa.text(ACTIVE))
    op.create_index("uq_selection_active_household", "selection",
                    ["project_id", "household_id"], unique=True,
                    sqlite_where=sa.text(ACTIVE), postgresql_where=sa.text(ACTIVE))
    op.drop_column("selection", "flat_no")
