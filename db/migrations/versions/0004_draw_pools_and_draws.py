"""draw pools and draws

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 15:20:44.127626
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('draw_pool',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('pool_sha256', sa.String(length=64), nullable=False),
    sa.Column('entries', sa.Text(), nullable=False),
    sa.Column('policy_sha256', sa.String(length=64), nullable=False),
    sa.Column('published_by', sa.String(length=64), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_draw_pool_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draw_pool'))
    )
    with op.batch_alter_table('draw_pool', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draw_pool_project_id'), ['project_id'], unique=False)

    op.create_table('draw',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('pool_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('method', sa.String(length=32), nullable=False),
    sa.Column('sources', sa.Text(), nullable=False),
    sa.Column('witnesses', sa.Text(), nullable=False),
    sa.Column('announced_by', sa.String(length=64), nullable=False),
    sa.Column('announced_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('record', sa.Text(), nullable=True),
    sa.Column('record_sha256', sa.String(length=64), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['pool_id'], ['draw_pool.id'], name=op.f('fk_draw_pool_id_draw_pool'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_draw_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draw')),
    sa.UniqueConstraint('pool_id', 'seq', name=op.f('uq_draw_pool_id_seq'))
    )
    with op.batch_alter_table('draw', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draw_project_id'), ['project_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('draw', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draw_project_id'))

    op.drop_table('draw')
    with op.batch_alter_table('draw_pool', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draw_pool_project_id'))

    op.drop_table('draw_pool')
