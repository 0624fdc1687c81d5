"""selection sessions

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 16:13:29.640430
"""

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('selection_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('draw_id', sa.Integer(), nullable=False),
    sa.Column('draw_sha256', sa.String(length=64), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('seconds_per_household', sa.Integer(), nullable=False),
    sa.Column('calls_before_move', sa.Integer(), nullable=False),
    sa.Column('final_call', sa.Boolean(), nullable=False),
    sa.Column('final_call_held', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('opened_by', sa.String(length=64), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('heartbeat_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['draw_id'], ['draw.id'], name=op.f('fk_selection_session_draw_id_draw'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_selection_session_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_selection_session')),
    sa.UniqueConstraint('project_id', name=op.f('uq_selection_session_project_id'))
    )
    op.create_table('selection_turn',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('order_no', sa.Integer(), nullable=False),
    sa.Column('place', sa.Integer(), nullable=False),
    sa.Column('group_rank', sa.Integer(), nullable=False),
    sa.Column('group_name', sa.String(length=100), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('calls', sa.Integer(), nullable=False),
    sa.Column('call_round', sa.Integer(), nullable=False),
    sa.Column('proxy_name', sa.String(length=64), nullable=True),
    sa.Column('proxy_id', sa.String(length=18), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('called_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('operator', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_selection_turn_household_id_household')),
    sa.ForeignKeyConstraint(['session_id'], ['selection_session.id'], name=op.f('fk_selection_turn_session_id_selection_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_selection_turn')),
    sa.UniqueConstraint('session_id', 'code', name=op.f('uq_selection_turn_session_id_code')),
    sa.UniqueConstraint('session_id', 'household_id', name=op.f('uq_selection_turn_session_id_household_id')),
    sa.UniqueConstraint('session_id', 'order_no', name=op.f('uq_selection_turn_session_id_order_no')),
    sa.UniqueConstraint('session_id', 'place', name=op.f('uq_selection_turn_session_id_place'))
    )
    with op.batch_alter_table('selection_turn', schema=None) as batch_op:
        batch_op.create_index('ix_selection_turn_queue', ['session_id', 'state', 'place'], unique=False)
        batch_op.create_index('uq_selection_turn_called', ['session_id'], unique=True, sqlite_where=sa.text("state = 'called'"), postgresql_where=sa.text("state = 'called'"))

    op.create_table('selection',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('turn_id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('flat_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('flat_key', sa.String(length=80), nullable=False),
    sa.Column('selected_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('operator', sa.String(length=64), nullable=False),
    sa.Column('proxy_name', sa.String(length=64), nullable=True),
    sa.Column('proxy_id', sa.String(length=18), nullable=True),
    sa.Column('area', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('entitlement', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('price_total', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('compensation', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('settlement', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('policy_sha256', sa.String(length=64), nullable=False),
    sa.Column('chain_head', sa.String(length=64), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_by', sa.String(length=64), nullable=True),
    sa.Column('revoke_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['flat_id'], ['flat.id'], name=op.f('fk_selection_flat_id_flat')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_selection_household_id_household')),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_selection_project_id_project'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['selection_session.id'], name=op.f('fk_selection_session_id_selection_session'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['turn_id'], ['selection_turn.id'], name=op.f('fk_selection_turn_id_selection_turn'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_selection'))
    )
    with op.batch_alter_table('selection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_selection_session_id'), ['session_id'], unique=False)
        batch_op.create_index('uq_selection_active_flat', ['project_id', 'flat_id'], unique=True, sqlite_where=sa.text('revoked_at IS NULL'), postgresql_where=sa.text('revoked_at IS NULL'))
        batch_op.create_index('uq_selection_active_household', ['project_id', 'household_id'], unique=True, sqlite_where=sa.text('revoked_at IS NULL'), postgresql_where=sa.text('revoked_at IS NULL'))



def downgrade() -> None:
    with op.batch_alter_table('selection', schema=None) as batch_op:
        batch_op.drop_index('uq_selection_active_household', sqlite_where=sa.text('revoked_at IS NULL'), postgresql_where=sa.text('revoked_at IS NULL'))
        batch_op.drop_index('uq_selection_active_flat', sqlite_where=sa.text('revoked_at IS NULL'), postgresql_where=sa.text('revoked_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_selection_session_id'))

    op.drop_table('selection')
    with op.batch_alter_table('selection_turn', schema=None) as batch_op:
        batch_op.drop_index('uq_selection_turn_called', sqlite_where=sa.text("state = 'called'"), postgresql_where=sa.text("state = 'called'"))
        batch_op.drop_index('ix_selection_turn_queue')

    op.drop_table('selection_turn')
    op.drop_table('selection_session')
