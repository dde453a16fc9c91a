"""Adds new rows to their full-text index (updates and deletes are kept in step by triggers).

Inserts are indexed here, in one statement per batch, because an FTS5 insert made by a trigger
flushes the index at every row (see migration 0001).
"""

from __future__ import annotations

from typing import Iterable

from sqlalchemy.engine import Connection


def _index(model: type) -> str | None:
    return getattr(model, "__search_index__", None)


def index_new(conn: Connection, model: type, ids: Iterable[str]) -> None:
    """Index the rows with these ids (a few rows: an ORM flush)."""
    if index := _index(model):
        conn.exec_driver_sql(
            f"INSERT INTO {index}(rowid, search_text) "
            f"SELECT rowid, search_text FROM {model.__table__.name} WHERE id = ?",
            [(i,) for i in ids],
        )


def last_rowid(conn: Connection, model: type) -> int:
    """Mark taken before a bulk insert; the batch's rows are the ones after it."""
    if not _index(model):
        return 0
    return conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {model.__table__.name}").scalar()


def index_after(conn: Connection, model: type, rowid: int) -> None:
    """Index every row inserted after `rowid` in this transaction (a bulk insert), in one statement."""
    if index := _index(model):
        conn.exec_driver_sql(
            f"INSERT INTO {index}(rowid, search_text) "
            f"SELECT rowid, search_text FROM {model.__table__.name} WHERE rowid > ?", (rowid,))
