"""assessments: candidates, assessments and their assessors and unit results, certificates

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def _synced() -> list:
    """The columns every synced record carries (db.base.Synced)."""
    return [sa.Column('id', sa.String(length=36), nullable=False),
            sa.Column('origin', sa.String(length=36), nullable=False),
            sa.Column('hlc', sa.String(length=64), nullable=False),
            sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False)]


def upgrade() -> None:
    op.create_table('candidate',
        sa.Column('country', sa.String(length=3), nullable=False),
        sa.Column('family_name', sa.String(length=120), nullable=False),
        sa.Column('given_names', sa.String(length=120), nullable=True),
        sa.Column('name_native', sa.String(length=200), nullable=True),
        sa.Column('sex', sa.String(length=10), nullable=True),
        sa.Column('date_of_birth', sa.Date(), nullable=True),
        sa.Column('nationality', sa.String(length=3), nullable=False),
        sa.Column('id_document_no', sa.String(length=60), nullable=True),
        *_synced(),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_candidate')),
        sa.UniqueConstraint('country', 'nationality', 'id_document_no',
                            name=op.f('uq_candidate_country_nationality_id_document_no')))
    op.create_table('assessment',
        sa.Column('country', sa.String(length=3), nullable=False),
        sa.Column('candidate_id', sa.String(length=36), nullable=False),
        sa.Column('occupation_id', sa.String(length=36), nullable=False),
        sa.Column('aqrf_level', sa.Integer(), nullable=False),
        sa.Column('centre', sa.String(length=300), nullable=True),
        sa.Column('assessed_on', sa.Date(), nullable=False),
        sa.Column('result', sa.String(length=20), nullable=False),
        sa.Column('sheet_ref', sa.String(length=60), nullable=True),
        *_synced(),
        sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'],
                                name=op.f('fk_assessment_candidate_id_candidate')),
        sa.ForeignKeyConstraint(['occupation_id'], ['occupation.id'],
                                name=op.f('fk_assessment_occupation_id_occupation')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment')))
    op.create_index(op.f('ix_assessment_candidate_id'), 'assessment', ['candidate_id'])
    op.create_table('assessment_assessor',
        sa.Column('country', sa.String(length=3), nullable=False),
        sa.Column('assessment_id', sa.String(length=36), nullable=False),
        sa.Column('assessor_id', sa.String(length=36), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'],
                                name=op.f('fk_assessment_assessor_assessment_id_assessment')),
        sa.ForeignKeyConstraint(['assessor_id'], ['assessor.id'],
                                name=op.f('fk_assessment_assessor_assessor_id_assessor')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment_assessor')))
    op.create_index(op.f('ix_assessment_assessor_assessment_id'), 'assessment_assessor',
                    ['assessment_id'])
    op.create_table('unit_result',
        sa.Column('assessment_id', sa.String(length=36), nullable=False),
        sa.Column('unit_id', sa.String(length=36), nullable=False),
        sa.Column('outcome', sa.String(length=6), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'],
                                name=op.f('fk_unit_result_assessment_id_assessment')),
        sa.ForeignKeyConstraint(['unit_id'], ['competency_unit.id'],
                                name=op.f('fk_unit_result_unit_id_competency_unit')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_result')))
    op.create_index(op.f('ix_unit_result_assessment_id'), 'unit_result', ['assessment_id'])
    op.create_table('certificate',
        sa.Column('country', sa.String(length=3), nullable=False),
        sa.Column('number', sa.String(length=40), nullable=False),
        sa.Column('assessment_id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('units', sa.Text(), nullable=False),
        sa.Column('issued_on', sa.Date(), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('revoked_on', sa.Date(), nullable=True),
        sa.Column('revoked_reason', sa.Text(), nullable=True),
        sa.Column('payload', sa.Text(), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'],
                                name=op.f('fk_certificate_assessment_id_assessment')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate')),
        sa.UniqueConstraint('number', name=op.f('uq_certificate_number')))
    op.create_index(op.f('ix_certificate_assessment_id'), 'certificate', ['assessment_id'])


def downgrade() -> None:
    for table in ('certificate', 'unit_result', 'assessment_assessor', 'assessment', 'candidate'):
        op.drop_table(table)
