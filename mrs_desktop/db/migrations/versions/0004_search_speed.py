"""search speed: the name index keeps 3-character prefixes; the accreditations of an assessor
are read from their index alone

A name search's slowest part was expanding a short typed prefix ("sok", "chan") into every
word that starts with it; FTS5's prefix index holds those lists ready for 3 characters, what
people type first (bench_search: p95 1.7-2.2 -> 1.0-1.5 ms together with the index below, at
~0.02-0.04 s more per 100,000 assessors imported; 3 and 4 characters gave 0.8-1.2 ms but cost
~0.09 s, which the bundle import's 5x budget could not spare). A register page read each of its
~80 accreditations from the table after finding it in the assessor_id index; the index now
holds what the page shows (level, status, end date, occupation), so the table is not read
(p95 ~10% lower side by side, ~0.03 s more per 100,000 imported).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# Frozen here, as literals, so every database built from this revision tokenizes alike
# (the same characters as revision 0001's).
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
TOKENIZER = "unicode61 remove_diacritics 2 tokenchars '" + ASEAN_MARKS + "'"


def _name_index(prefixes: str | None) -> list[str]:
    """The statements that (re)build assessor_fts, its triggers and its contents."""
    prefix = f", prefix='{prefixes}'" if prefixes else ""
    return [
        "DROP TRIGGER IF EXISTS assessor_fts_delete",
        "DROP TRIGGER IF EXISTS assessor_fts_update",
        "DROP TABLE IF EXISTS assessor_fts",
        "CREATE VIRTUAL TABLE assessor_fts USING fts5(search_text, content='assessor', "
        f"content_rowid='rowid', tokenize=\"{TOKENIZER}\"{prefix})",
        "CREATE TRIGGER assessor_fts_delete AFTER DELETE ON assessor BEGIN "
        "INSERT INTO assessor_fts(assessor_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); END",
        "CREATE TRIGGER assessor_fts_update AFTER UPDATE OF search_text ON assessor BEGIN "
        "INSERT INTO assessor_fts(assessor_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); "
        "INSERT INTO assessor_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END",
        "INSERT INTO assessor_fts(assessor_fts) VALUES ('rebuild')",
    ]


BY_ASSESSOR = ["assessor_id", "deleted", "aqrf_level", "status", "valid_until", "occupation_id"]


def upgrade() -> None:
    for statement in _name_index("3"):
        op.execute(statement)
    with op.batch_alter_table('accreditation', schema=None) as batch_op:
        batch_op.drop_index('ix_accreditation_assessor_id')
        batch_op.create_index('ix_accreditation_by_assessor', BY_ASSESSOR, unique=False)


def downgrade() -> None:
    with op.batch_alter_table('accreditation', schema=None) as batch_op:
        batch_op.drop_index('ix_accreditation_by_assessor')
        batch_op.create_index('ix_accreditation_assessor_id', ['assessor_id'], unique=False)
    for statement in _name_index(None):
        op.execute(statement)
