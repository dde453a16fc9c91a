"""Storage: typed SQLAlchemy models, the SQLite store, migrations, the change log and search."""
