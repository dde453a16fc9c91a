"""initial schema

Also creates the assessor name index (FTS5) and the triggers that keep it in step on update
and delete.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 18:51:53.055672
"""
from alembic import op
import sqlalchemy as sa

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

# Thai, Lao, Myanmar and Khmer combining marks (Unicode Mn/Mc) plus ZWNJ/ZWJ count as parts of
# a word: unicode61 would otherwise split those names at every vowel sign (FIELD_NOTES).
# Frozen here, as a literal, so every database built from this revision tokenizes alike.
ASEAN_MARKS = (
    "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
    "\u0eb1\u0eb4\u0eb5\u0eb6\u0eb7\u0eb8\u0eb9\u0eba\u0ebb\u0ebc\u0ec8\u0ec9\u0eca\u0ecb\u0ecc\u0ecd"
    "\u102b\u102c\u102d\u102e\u102f\u1030\u1031\u1032\u1033\u1034\u1035\u1036\u1037\u1038\u1039\u103a"
    "\u103b\u103c\u103d\u103e\u1056\u1057\u1058\u1059\u105e\u105f\u1060\u1062\u1063\u1064\u1067\u1068"
    "\u1069\u106a\u106b\u106c\u106d\u1071\u1072\u1073\u1074\u1082\u1083\u1084\u1085\u1086\u1087\u1088"
    "\u1089\u108a\u108b\u108c\u108d\u108f\u109a\u109b\u109c\u109d"
    "\u17b4\u17b5\u17b6\u17b7\u17b8\u17b9\u17ba\u17bb\u17bc\u17bd\u17be\u17bf\u17c0\u17c1\u17c2\u17c3"
    "\u17c4\u17c5\u17c6\u17c7\u17c8\u17c9\u17ca\u17cb\u17cc\u17cd\u17ce\u17cf\u17d0\u17d1\u17d2\u17d3\u17dd"
    "\u200c\u200d"
)

# New rows are indexed by db.search_index, not by an INSERT trigger: FTS5 flushes its pending
# terms at every statement savepoint a trigger opens, which made a 100,000-row import 15x slower.
ASSESSOR_FTS = (
    "CREATE VIRTUAL TABLE assessor_fts USING fts5(search_text, content='assessor', "
    "content_rowid='rowid', tokenize=\"unicode61 remove_diacritics 2 tokenchars '" + ASEAN_MARKS + "'\")",
    "CREATE TRIGGER assessor_fts_delete AFTER DELETE ON assessor BEGIN "
    "INSERT INTO assessor_fts(assessor_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); END",
    "CREATE TRIGGER assessor_fts_update AFTER UPDATE OF search_text ON assessor BEGIN "
    "INSERT INTO assessor_fts(assessor_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); "
    "INSERT INTO assessor_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END",
)


def upgrade() -> None:
    op.create_table('assessor',
    sa.Column('country', sa.String(length=3), nullable=False),
    sa.Column('assessor_ref', sa.String(length=60), nullable=True),
    sa.Column('family_name', sa.String(length=120), nullable=False),
    sa.Column('given_names', sa.String(length=120), nullable=True),
    sa.Column('name_native', sa.String(length=200), nullable=True),
    sa.Column('sex', sa.String(length=10), nullable=True),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.Column('email', sa.String(length=300), nullable=True),
    sa.Column('phone', sa.String(length=60), nullable=True),
    sa.Column('organisation', sa.String(length=300), nullable=True),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessor')),
    sa.UniqueConstraint('country', 'assessor_ref', name=op.f('uq_assessor_country_assessor_ref'))
    )
    op.create_index('ix_assessor_name', 'assessor', [sa.text('family_name COLLATE NOCASE'),
                                                     sa.text('given_names COLLATE NOCASE')])
    op.create_table('change_log',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('register', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('fields', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_change_log'))
    )
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_log_hlc'), ['hlc'], unique=False)

    op.create_table('node',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('country', sa.String(length=3), nullable=False),
    sa.Column('organisation', sa.String(length=300), nullable=False),
    sa.Column('focal_point', sa.String(length=300), nullable=True),
    sa.Column('public_key', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_node'))
    )
    op.create_table('sector',
    sa.Column('code', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sector')),
    sa.UniqueConstraint('code', name=op.f('uq_sector_code'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('action_plan',
    sa.Column('owner_country', sa.String(length=3), nullable=False),
    sa.Column('plan_ref', sa.String(length=60), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('partner_countries', sa.String(length=60), nullable=False),
    sa.Column('sector_id', sa.String(length=36), nullable=True),
    sa.Column('period_start', sa.Date(), nullable=True),
    sa.Column('period_end', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['sector_id'], ['sector.id'], name=op.f('fk_action_plan_sector_id_sector')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_plan')),
    sa.UniqueConstraint('owner_country', 'plan_ref', name=op.f('uq_action_plan_owner_country_plan_ref'))
    )
    op.create_table('occupation',
    sa.Column('country', sa.String(length=3), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('sector_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['sector_id'], ['sector.id'], name=op.f('fk_occupation_sector_id_sector')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_occupation')),
    sa.UniqueConstraint('country', 'code', name=op.f('uq_occupation_country_code'))
    )
    op.create_table('accreditation',
    sa.Column('assessor_id', sa.String(length=36), nullable=False),
    sa.Column('country', sa.String(length=3), nullable=False),
    sa.Column('sector_id', sa.String(length=36), nullable=True),
    sa.Column('occupation_id', sa.String(length=36), nullable=True),
    sa.Column('aqrf_level', sa.Integer(), nullable=False),
    sa.Column('accreditation_no', sa.String(length=60), nullable=False),
    sa.Column('accrediting_body', sa.String(length=300), nullable=True),
    sa.Column('accredited_on', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('status_reason', sa.Text(), nullable=True),
    sa.Column('status_date', sa.Date(), nullable=True),
    sa.Column('renews_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['assessor_id'], ['assessor.id'], name=op.f('fk_accreditation_assessor_id_assessor')),
    sa.ForeignKeyConstraint(['occupation_id'], ['occupation.id'], name=op.f('fk_accreditation_occupation_id_occupation')),
    sa.ForeignKeyConstraint(['renews_id'], ['accreditation.id'], name=op.f('fk_accreditation_renews_id_accreditation')),
    sa.ForeignKeyConstraint(['sector_id'], ['sector.id'], name=op.f('fk_accreditation_sector_id_sector')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accreditation')),
    sa.UniqueConstraint('country', 'accreditation_no', name=op.f('uq_accreditation_country_accreditation_no'))
    )
    with op.batch_alter_table('accreditation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accreditation_assessor_id'), ['assessor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_accreditation_valid_until'), ['valid_until'], unique=False)

    op.create_table('action_item',
    sa.Column('plan_id', sa.String(length=36), nullable=False),
    sa.Column('item_ref', sa.String(length=30), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=100), nullable=True),
    sa.Column('responsible_agency', sa.String(length=300), nullable=True),
    sa.Column('partner_country', sa.String(length=3), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('percent', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['action_plan.id'], name=op.f('fk_action_item_plan_id_action_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_item'))
    )
    with op.batch_alter_table('action_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_item_due_date'), ['due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_item_plan_id'), ['plan_id'], unique=False)

    op.create_table('competency_unit',
    sa.Column('country', sa.String(length=3), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('occupation_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['occupation_id'], ['occupation.id'], name=op.f('fk_competency_unit_occupation_id_occupation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_competency_unit')),
    sa.UniqueConstraint('country', 'code', name=op.f('uq_competency_unit_country_code'))
    )
    op.create_table('equivalence',
    sa.Column('country_a', sa.String(length=3), nullable=False),
    sa.Column('occupation_a_id', sa.String(length=36), nullable=False),
    sa.Column('country_b', sa.String(length=3), nullable=False),
    sa.Column('occupation_b_id', sa.String(length=36), nullable=False),
    sa.Column('aqrf_level', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['occupation_a_id'], ['occupation.id'], name=op.f('fk_equivalence_occupation_a_id_occupation')),
    sa.ForeignKeyConstraint(['occupation_b_id'], ['occupation.id'], name=op.f('fk_equivalence_occupation_b_id_occupation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_equivalence')),
    sa.UniqueConstraint('occupation_a_id', 'occupation_b_id', 'aqrf_level', name=op.f('uq_equivalence_occupation_a_id_occupation_b_id_aqrf_level'))
    )
    op.create_table('training',
    sa.Column('country', sa.String(length=3), nullable=False),
    sa.Column('training_ref', sa.String(length=60), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('sector_id', sa.String(length=36), nullable=True),
    sa.Column('occupation_id', sa.String(length=36), nullable=True),
    sa.Column('host_institution', sa.String(length=300), nullable=True),
    sa.Column('host_country', sa.String(length=3), nullable=False),
    sa.Column('venue', sa.String(length=300), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('funder', sa.String(length=300), nullable=True),
    sa.Column('facilitators', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['occupation_id'], ['occupation.id'], name=op.f('fk_training_occupation_id_occupation')),
    sa.ForeignKeyConstraint(['sector_id'], ['sector.id'], name=op.f('fk_training_sector_id_sector')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training')),
    sa.UniqueConstraint('country', 'training_ref', name=op.f('uq_training_country_training_ref'))
    )
    op.create_table('participant',
    sa.Column('training_id', sa.String(length=36), nullable=False),
    sa.Column('assessor_id', sa.String(length=36), nullable=True),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('name_native', sa.String(length=200), nullable=True),
    sa.Column('country', sa.String(length=3), nullable=False),
    sa.Column('attendance', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['assessor_id'], ['assessor.id'], name=op.f('fk_participant_assessor_id_assessor')),
    sa.ForeignKeyConstraint(['training_id'], ['training.id'], name=op.f('fk_participant_training_id_training')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participant'))
    )
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_assessor_id'), ['assessor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_training_id'), ['training_id'], unique=False)

    op.create_table('progress_update',
    sa.Column('item_id', sa.String(length=36), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=300), nullable=True),
    sa.Column('new_status', sa.String(length=12), nullable=True),
    sa.Column('new_percent', sa.Integer(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['action_item.id'], name=op.f('fk_progress_update_item_id_action_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_update'))
    )
    with op.batch_alter_table('progress_update', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_progress_update_item_id'), ['item_id'], unique=False)
    for statement in ASSESSOR_FTS:
        op.execute(statement)


def downgrade() -> None:
    op.drop_index('ix_assessor_name', table_name='assessor')
    op.execute("DROP TABLE IF EXISTS assessor_fts")
    with op.batch_alter_table('progress_update', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_progress_update_item_id'))

    op.drop_table('progress_update')
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_training_id'))
        batch_op.drop_index(batch_op.f('ix_participant_assessor_id'))

    op.drop_table('participant')
    op.drop_table('training')
    op.drop_table('equivalence')
    op.drop_table('competency_unit')
    with op.batch_alter_table('action_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_item_plan_id'))
        batch_op.drop_index(batch_op.f('ix_action_item_due_date'))

    op.drop_table('action_item')
    with op.batch_alter_table('accreditation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accreditation_valid_until'))
        batch_op.drop_index(batch_op.f('ix_accreditation_assessor_id'))

    op.drop_table('accreditation')
    op.drop_table('occupation')
    op.drop_table('action_plan')
    op.drop_table('setting')
    op.drop_table('sector')
    op.drop_table('node')
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_log_hlc'))

    op.drop_table('change_log')
    op.drop_table('assessor')
