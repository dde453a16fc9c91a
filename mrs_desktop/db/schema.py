"""Schema revisions this version knows, without importing Alembic on every start.

`REVISIONS` lists the Alembic revisions in order; a test checks it against the migration scripts.
`BUNDLE_SCHEMA` is the last revision that changed what a sync bundle carries (a synced table or
column): bundles name it, not HEAD, so a revision that only adds indexes (0004) does not make
partners still on the release before refuse our bundles. A test keeps the synced tables at
BUNDLE_SCHEMA and at HEAD alike; a revision that changes them moves BUNDLE_SCHEMA to itself.
"""

REVISIONS = ("0001", "0002", "0003", "0004")
HEAD = REVISIONS[-1]
BUNDLE_SCHEMA = "0003"
