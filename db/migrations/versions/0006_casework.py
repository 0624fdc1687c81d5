"""casework: teams and staff, household assignments, case log, progress steps

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 16:24:19.967070
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('team',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('leader', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_team_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team')),
    sa.UniqueConstraint('project_id', 'name', name=op.f('uq_team_project_id_name'))
    )
    with op.batch_alter_table('team', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_project_id'), ['project_id'], unique=False)

    op.create_table('case_attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('path', sa.String(length=500), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('added_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_case_attachment_household_id_household'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_case_attachment_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_attachment'))
    )
    with op.batch_alter_table('case_attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_attachment_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_attachment_project_id'), ['project_id'], unique=False)

    op.create_table('case_flag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('raised_on', sa.Date(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_case_flag_household_id_household'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_case_flag_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_flag')),
    sa.UniqueConstraint('household_id', 'kind', name=op.f('uq_case_flag_household_id_kind'))
    )
    with op.batch_alter_table('case_flag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_flag_project_id'), ['project_id'], unique=False)

    op.create_table('case_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('written_on', sa.Date(), nullable=False),
    sa.Column('author', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_case_note_household_id_household'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_case_note_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_note'))
    )
    with op.batch_alter_table('case_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_note_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_note_project_id'), ['project_id'], unique=False)

    op.create_table('case_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('answered_by', sa.String(length=64), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_case_request_household_id_household'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_case_request_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_request'))
    )
    with op.batch_alter_table('case_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_request_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_request_project_id'), ['project_id'], unique=False)

    op.create_table('case_visit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('visited_on', sa.Date(), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('visitors', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_case_visit_household_id_household'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_case_visit_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_visit'))
    )
    with op.batch_alter_table('case_visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_visit_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_visit_project_id'), ['project_id'], unique=False)

    op.create_table('progress_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('step', sa.String(length=16), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_progress_step_household_id_household'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_progress_step_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_step')),
    sa.UniqueConstraint('household_id', 'step', name=op.f('uq_progress_step_household_id_step'))
    )
    with op.batch_alter_table('progress_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_progress_step_project_id'), ['project_id'], unique=False)

    op.create_table('staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_staff_project_id_project'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_staff_team_id_team')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff')),
    sa.UniqueConstraint('project_id', 'name', name=op.f('uq_staff_project_id_name'))
    )
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_team_id'), ['team_id'], unique=False)

    op.create_table('household_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('first_staff_id', sa.Integer(), nullable=False),
    sa.Column('second_staff_id', sa.Integer(), nullable=True),
    sa.Column('assigned_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['first_staff_id'], ['staff.id'], name=op.f('fk_household_assignment_first_staff_id_staff')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_household_assignment_household_id_household'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_household_assignment_project_id_project'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['second_staff_id'], ['staff.id'], name=op.f('fk_household_assignment_second_staff_id_staff')),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_household_assignment_team_id_team')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household_assignment')),
    sa.UniqueConstraint('household_id', name=op.f('uq_household_assignment_household_id'))
    )
    with op.batch_alter_table('household_assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_assignment_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_assignment_team_id'), ['team_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('household_assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_assignment_team_id'))
        batch_op.drop_index(batch_op.f('ix_household_assignment_project_id'))

    op.drop_table('household_assignment')
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_team_id'))
        batch_op.drop_index(batch_op.f('ix_staff_project_id'))

    op.drop_table('staff')
    with op.batch_alter_table('progress_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_progress_step_project_id'))

    op.drop_table('progress_step')
    with op.batch_alter_table('case_visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_visit_project_id'))
        batch_op.drop_index(batch_op.f('ix_case_visit_household_id'))

    op.drop_table('case_visit')
    with op.batch_alter_table('case_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_request_project_id'))
        batch_op.drop_index(batch_op.f('ix_case_request_household_id'))

    op.drop_table('case_request')
    with op.batch_alter_table('case_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_note_project_id'))
        batch_op.drop_index(batch_op.f('ix_case_note_household_id'))

    op.drop_table('case_note')
    with op.batch_alter_table('case_flag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_flag_project_id'))

    op.drop_table('case_flag')
    with op.batch_alter_table('case_attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_attachment_project_id'))
        batch_op.drop_index(batch_op.f('ix_case_attachment_household_id'))

    op.drop_table('case_attachment')
    with op.batch_alter_table('team', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_project_id'))

    op.drop_table('team')
