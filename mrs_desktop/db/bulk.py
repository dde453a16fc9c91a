"""Fast writes of many rows (imports, demo data) with the same stamping as the ORM hook.

The ORM costs ~25 µs a row (FIELD_NOTES); these go through the driver's executemany, which is
what keeps a 100,000-row import to seconds rather than minutes. Rows are turned
into parameter tuples with C-level helpers (itemgetter, zip) rather than a Python loop per value.
"""

from __future__ import annotations

from datetime import date
from itertools import repeat
from operator import itemgetter, methodcaller
from typing import Any, Iterable, Mapping, Sequence

from sqlalchemy import Date
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ..domain.changes import Changes
from ..domain.ids import uuid7_many
from . import field_clocks, search_index
from .base import Synced
from .store import Writer


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _picker(columns: Sequence[str]):
    """Values of `columns` from a mapping, always as a tuple."""
    if len(columns) == 1:
        key = columns[0]
        return lambda row: (row[key],)
    return itemgetter(*columns)


def insert_rows(session: Session, writer: Writer, model: type[Synced],
                rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """Insert new records (an `id` or `origin` in a row is kept, else made); returns their ids.

    Every row has at least the columns of the first. Dates may be `date` objects or ISO text.
    """
    if not rows:
        return []
    first = rows[0]
    columns = [c for c in first if c not in Synced.SYNC_COLUMNS]
    node = writer.node_id
    given = list(map(methodcaller("get", "id"), rows))
    fresh = iter(uuid7_many(sum(not i for i in given)))
    ids = [i or next(fresh) for i in given]
    origins = [o or node for o in map(methodcaller("get", "origin"), rows)]
    stamps = writer.clock.now_many(len(rows))
    values = _values(model, rows, columns, ids, origins, stamps)
    names = ["id", "origin", "hlc", "deleted", *columns]
    table = model.__table__.name
    conn = session.connection()
    # The batch's rows are the ones after the current last rowid (new rowids count up from it).
    mark = conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {table}").scalar()
    _executemany(conn, f"INSERT INTO {table} ({', '.join(names)}) "
                       f"VALUES ({', '.join('?' * len(names))})", values)
    search_index.index_after(conn, model, mark)
    # The change log copies id, origin and stamp from the rows just written, inside SQLite:
    # binding 183,000 log rows from Python cost twice as much (bench_import).
    conn.exec_driver_sql(
        "INSERT INTO change_log (register, row_id, origin, hlc, op, fields) "
        f"SELECT ?, id, ?, hlc, 'insert', NULL FROM {table} WHERE rowid > ? ORDER BY rowid",
        (model.__register__, node, mark))
    field_clocks.note_inserts(conn, model, ids, stamps, node)
    _note(session, model.__register__, ids)
    return ids


def _values(model: type[Synced], rows: Sequence[Mapping[str, Any]], columns: list[str],
            ids: list[str], origins: list[str], stamps: list[str]) -> Iterable[tuple]:
    """One parameter tuple per row: id, origin, hlc, deleted, then `columns`."""
    picked: Iterable[tuple] = map(_picker(columns), rows)
    # Only date columns holding `date` objects need converting; imports pass ISO text already.
    # A column is judged by its first value that is not None (callers do not mix the two).
    table = model.__table__
    dated = [i for i, c in enumerate(columns) if isinstance(table.c[c].type, Date)
             and isinstance(next(filter(None, map(itemgetter(c), rows)), None), date)]
    if dated:
        by_column = list(zip(*picked))
        for i in dated:
            by_column[i] = [_plain(v) for v in by_column[i]]
        picked = zip(*by_column)
    # Made one at a time as SQLite takes them, not all held at once.
    return map(tuple.__add__, zip(ids, origins, stamps, repeat(0)), picked)


def _executemany(conn: Connection, sql: str, params: Iterable[tuple]) -> None:
    """executemany on the driver's own cursor, which (unlike SQLAlchemy's) takes an iterator."""
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.executemany(sql, params)
    finally:
        cursor.close()


def update_rows(session: Session, writer: Writer, model: type[Synced],
                updates: Iterable[tuple[str, Mapping[str, Any]]]) -> int:
    """Apply field changes `(id, {field: value})`; rows with no changed field are skipped."""
    by_fields: dict[tuple[str, ...], list[tuple]] = {}
    log = []
    ids = []
    for row_id, changed in updates:
        if not changed:
            continue
        fields = tuple(sorted(changed))
        stamp = writer.clock.now()
        by_fields.setdefault(fields, []).append((*(_plain(changed[f]) for f in fields), stamp, row_id))
        op = "delete" if changed.get("deleted") else "update"
        log.append((model.__register__, row_id, writer.node_id, stamp, op, ",".join(fields)))
        ids.append(row_id)
    table = model.__table__.name
    conn = session.connection()
    for fields, params in by_fields.items():
        sets = ", ".join(f"{f} = ?" for f in (*fields, "hlc"))
        conn.exec_driver_sql(f"UPDATE {table} SET {sets} WHERE id = ?", params)
        if field_clocks.is_shared(model):
            for *_, stamp, row_id in params:
                field_clocks.note_write(conn, model.__register__, row_id, fields, stamp, writer.node_id)
    if log:
        _append_log(session, log)
        _note(session, model.__register__, ids)
    return len(ids)


def _append_log(session: Session, log: list[tuple]) -> None:
    session.connection().exec_driver_sql(
        "INSERT INTO change_log (register, row_id, origin, hlc, op, fields) VALUES (?, ?, ?, ?, ?, ?)", log)


def _note(session: Session, register: str, ids: list[str]) -> None:
    changes: Changes = session.info.setdefault("changes", Changes())
    changes.registers.add(register)
    changes.ids.update(ids)
    changes.counts[register] = changes.counts.get(register, 0) + len(ids)
