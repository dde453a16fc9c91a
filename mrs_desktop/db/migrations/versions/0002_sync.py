"""sync: peers and their keys, received ranges, bundle history, held records, conflicts, and
the clocks of shared records' fields

Also gives every existing shared record (action plans, action items, equivalences) field clocks
from its record stamp, so its first export carries them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

SHARED_FIELDS = {
    "action_plan": ("owner_country", "plan_ref", "title", "partner_countries", "sector_id",
                    "period_start", "period_end", "deleted"),
    "action_item": ("plan_id", "item_ref", "description", "category", "responsible_agency",
                    "partner_country", "start_date", "due_date", "status", "percent", "deleted"),
    "equivalence": ("country_a", "occupation_a_id", "country_b", "occupation_b_id", "aqrf_level",
                    "status", "notes", "deleted"),
}


def upgrade() -> None:
    op.create_table('field_clock',
        sa.Column('register', sa.String(length=40), nullable=False),
        sa.Column('row_id', sa.String(length=36), nullable=False),
        sa.Column('field', sa.String(length=60), nullable=False),
        sa.Column('stamp', sa.String(length=64), nullable=False),
        sa.Column('seen', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('register', 'row_id', 'field', name=op.f('pk_field_clock')))
    op.create_table('peer',
        sa.Column('node_id', sa.String(length=36), nullable=False),
        sa.Column('country', sa.String(length=3), nullable=False),
        sa.Column('organisation', sa.String(length=300), nullable=False),
        sa.Column('public_key', sa.String(length=64), nullable=False),
        sa.Column('box_key', sa.String(length=64), nullable=False),
        sa.Column('role', sa.String(length=10), nullable=False),
        sa.Column('trusted_at', sa.String(length=40), nullable=False),
        sa.Column('revoked_at', sa.String(length=40), nullable=True),
        sa.Column('revoked_reason', sa.Text(), nullable=True),
        sa.Column('acked', sa.Text(), nullable=False),
        sa.Column('sent', sa.Text(), nullable=False),
        sa.Column('last_in_at', sa.String(length=40), nullable=True),
        sa.Column('last_out_at', sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint('node_id', name=op.f('pk_peer')))
    op.create_table('peer_key',
        sa.Column('public_key', sa.String(length=64), nullable=False),
        sa.Column('node_id', sa.String(length=36), nullable=False),
        sa.Column('box_key', sa.String(length=64), nullable=False),
        sa.Column('added_at', sa.String(length=40), nullable=False),
        sa.Column('retired_at', sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(['node_id'], ['peer.node_id'], name=op.f('fk_peer_key_node_id_peer')),
        sa.PrimaryKeyConstraint('public_key', name=op.f('pk_peer_key')))
    op.create_index(op.f('ix_peer_key_node_id'), 'peer_key', ['node_id'])
    op.create_table('received',
        sa.Column('origin', sa.String(length=36), nullable=False),
        sa.Column('upto', sa.String(length=64), nullable=False),
        sa.Column('pending', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('origin', name=op.f('pk_received')))
    op.create_table('bundle_log',
        sa.Column('bundle_id', sa.String(length=36), nullable=False),
        sa.Column('direction', sa.String(length=4), nullable=False),
        sa.Column('peer_ids', sa.Text(), nullable=False),
        sa.Column('file_name', sa.Text(), nullable=False),
        sa.Column('created_at', sa.String(length=40), nullable=False),
        sa.Column('processed_at', sa.String(length=40), nullable=False),
        sa.Column('counts', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('restore_point', sa.Text(), nullable=True),
        sa.Column('change_seq', sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint('bundle_id', name=op.f('pk_bundle_log')))
    op.create_table('held_record',
        sa.Column('register', sa.String(length=40), nullable=False),
        sa.Column('row_id', sa.String(length=36), nullable=False),
        sa.Column('stamp', sa.String(length=64), nullable=False),
        sa.Column('payload', sa.Text(), nullable=False),
        sa.Column('waiting_for', sa.Text(), nullable=False),
        sa.Column('bundle_id', sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint('register', 'row_id', name=op.f('pk_held_record')))
    op.create_table('conflict',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('register', sa.String(length=40), nullable=False),
        sa.Column('row_id', sa.String(length=36), nullable=False),
        sa.Column('field', sa.String(length=60), nullable=False),
        sa.Column('kept_value', sa.Text(), nullable=False),
        sa.Column('kept_stamp', sa.String(length=64), nullable=False),
        sa.Column('lost_value', sa.Text(), nullable=False),
        sa.Column('lost_stamp', sa.String(length=64), nullable=False),
        sa.Column('bundle_id', sa.String(length=36), nullable=False),
        sa.Column('detected_at', sa.String(length=40), nullable=False),
        sa.Column('resolved_at', sa.String(length=40), nullable=True),
        sa.Column('resolution', sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_conflict')))
    op.create_index(op.f('ix_conflict_row_id'), 'conflict', ['row_id'])
    # Records written before this revision: each field was last set by the record's last write.
    for register, fields in SHARED_FIELDS.items():
        for field in fields:
            op.execute(
                f"INSERT INTO field_clock (register, row_id, field, stamp, seen) "
                f"SELECT '{register}', id, '{field}', hlc, json_object(substr(hlc, 21), hlc) FROM {register}")


def downgrade() -> None:
    for table in ('conflict', 'held_record', 'bundle_log', 'received', 'peer_key', 'peer', 'field_clock'):
        op.drop_table(table)
