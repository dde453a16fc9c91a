"""Schema revisions this version knows, without importing Alembic on every start.

`REVISIONS` lists the Alembic revisions in order; a test checks it against the migration scripts.
"""

REVISIONS = ("0001", "0002", "0003", "0004")
HEAD = REVISIONS[-1]
