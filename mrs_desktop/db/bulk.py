"""Fast writes of many rows (imports, demo data) with the same stamping as the ORM hook.

The ORM costs ~25 µs a row (FIELD_NOTES); these go through the driver's executemany, which is
what keeps a 100,000-row import to seconds rather than minutes. Rows are turned
into parameter tuples with C-level helpers (itemgetter, zip) rather than a Python loop per value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import repeat
from operator import itemgetter, methodcaller
from typing import Any, Callable, Iterable, Mapping, Sequence

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
    sql = _insert_sql(model, ["id", "origin", "hlc", "deleted", *columns], {})
    _insert(session, writer, model, ids, stamps, lambda conn: execute_many(conn, sql, values))
    return ids


def insert_columns(session: Session, writer: Writer, model: type[Synced],
                   columns: Mapping[str, Sequence[Any]],
                   shared: Mapping[str, Any] | None = None) -> list[str]:
    """insert_rows for records given column by column (`id` and `origin` columns optional).

    An import's new records, held as columns, go to SQLite without a dict per record. `shared`
    holds the values all of them have (text, numbers, None): written once into the statement,
    not bound for every record (0.2 s of the 2 s bench_import's 183,000 records take).
    """
    bound = _bound_columns(writer, model, columns, shared)
    if bound is None:
        return []
    names, fixed, ids, stamps, values = bound
    sql = _insert_sql(model, names, fixed)
    _insert(session, writer, model, ids, stamps,
            lambda conn: execute_many(conn, sql, zip(*values)))
    return ids


@dataclass
class PreparedInsert:
    """New records made ready for SQLite by prepare_columns: statements of many rows each."""

    model: type[Synced]
    ids: list[str]
    stamps: list[str]
    statements: list[tuple[str, list[Any]]]  # (SQL, its parameters)


def prepare_columns(writer: Writer, model: type[Synced], columns: Mapping[str, Sequence[Any]],
                    shared: Mapping[str, Any] | None = None, *,
                    max_parameters: int | None = None) -> PreparedInsert:
    """insert_columns' work in Python, without the database: for a thread that prepares the
    next records while another writes the ones before (write_prepared).

    Each statement inserts a few thousand rows: executemany takes Python's lock back after
    every row it hands to SQLite, so a thread busy with Python code made it wait at each
    row; one statement of many rows is written without the lock (services/spreadsheets/
    overlap.py), and costs no more on one thread.
    """
    bound = _bound_columns(writer, model, columns, shared)
    if bound is None:
        return PreparedInsert(model, [], [], [])
    names, fixed, ids, stamps, values = bound
    width, count = len(names), len(ids)
    per = max(1, min(max_parameters or MAX_PARAMETERS, MAX_PARAMETERS) // width)
    head, row = _insert_head(model, names, fixed), _slots(names, fixed)
    statements = []
    for start in range(0, count, per):
        end = min(start + per, count)
        flat: list[Any] = [None] * ((end - start) * width)
        for i, column in enumerate(values):  # interleaved by slices: no tuple per row
            flat[i::width] = column[start:end]
        statements.append((head + ", ".join([row] * (end - start)), flat))
    return PreparedInsert(model, ids, stamps, statements)


def write_prepared(session: Session, writer: Writer, prepared: PreparedInsert) -> list[str]:
    """Write records made ready by prepare_columns (with their log and name index entries)."""
    if not prepared.ids:
        return []

    def write_rows(conn: Connection) -> None:
        cursor = conn.connection.driver_connection.cursor()
        try:
            for sql, params in prepared.statements:
                cursor.execute(sql, params)
        finally:
            cursor.close()

    _insert(session, writer, prepared.model, prepared.ids, prepared.stamps, write_rows)
    return prepared.ids


# SQLite's default limit on the parameters of one statement (SQLITE_MAX_VARIABLE_NUMBER) since
# 3.32; an older SQLite (a system Python's) allows 999: callers pass the connection's own limit
# (parameter_limit) as prepare_columns' max_parameters.
MAX_PARAMETERS = 32766


def parameter_limit(conn: Connection) -> int:
    """How many parameters one statement may bind on this connection."""
    import sqlite3

    return conn.connection.driver_connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)


def _bound_columns(writer: Writer, model: type[Synced], columns: Mapping[str, Sequence[Any]],
                   shared: Mapping[str, Any] | None):
    """(bound names, fixed values, ids, stamps, one sequence per bound name), None if no rows."""
    count = len(next(iter(columns.values()), ()))
    if not count:
        return None
    table = model.__table__
    names = [c for c in columns if c not in Synced.SYNC_COLUMNS]
    ids = list(columns["id"]) if "id" in columns else uuid7_many(count)
    stamps = writer.clock.now_many(count)
    bound: list[Sequence[Any]] = [ids, stamps]
    fixed = {"deleted": False, **(shared or {})}
    if "origin" in columns:
        bound.append([o or writer.node_id for o in columns["origin"]])
    else:
        fixed["origin"] = writer.node_id
    bound += [_plain_column(columns[c]) if isinstance(table.c[c].type, Date) else columns[c]
              for c in names]
    order = ["id", "hlc", *(["origin"] if "origin" in columns else []), *names]
    return order, fixed, ids, stamps, bound


def _insert_sql(model: type[Synced], names: list[str], fixed: Mapping[str, Any]) -> str:
    """INSERT of one row binding `names`, with `fixed` written in."""
    return _insert_head(model, names, fixed) + _slots(names, fixed)


def _insert_head(model: type[Synced], names: list[str], fixed: Mapping[str, Any]) -> str:
    return f"INSERT INTO {model.__table__.name} ({', '.join([*names, *fixed])}) VALUES "


def _slots(names: list[str], fixed: Mapping[str, Any]) -> str:
    return "(" + ", ".join(["?"] * len(names) + [_literal(v) for v in fixed.values()]) + ")"


def _insert(session: Session, writer: Writer, model: type[Synced], ids: list[str],
            stamps: list[str], write_rows: Callable[[Connection], None]) -> None:
    """Write the rows (`write_rows`), their log, name index entries and field clocks."""
    node = writer.node_id
    table = model.__table__.name
    conn = session.connection()
    # The batch's rows are the ones after the current last rowid (new rowids count up from it).
    mark = conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {table}").scalar()
    write_rows(conn)
    search_index.index_after(conn, model, mark)
    # The change log copies id, origin and stamp from the rows just written, inside SQLite:
    # binding 183,000 log rows from Python cost twice as much (bench_import).
    conn.exec_driver_sql(
        "INSERT INTO change_log (register, row_id, origin, hlc, op, fields) "
        f"SELECT ?, id, ?, hlc, 'insert', NULL FROM {table} WHERE rowid > ? ORDER BY rowid",
        (model.__register__, node, mark))
    field_clocks.note_inserts(conn, model, ids, stamps, node)
    _note(session, model.__register__, ids)


def _literal(value: Any) -> str:
    """A value as an SQL literal (SQLite's quoting: a quote inside text is doubled)."""
    value = _plain(value)
    if value is None:
        return "NULL"
    if isinstance(value, (bool, int)):
        return str(int(value))
    if isinstance(value, str) and "\x00" not in value:
        return "'" + value.replace("'", "''") + "'"
    raise ValueError(f"cannot write {value!r} into a statement; bind it with each row instead")


def _plain_column(values: Sequence[Any]) -> Sequence[Any]:
    """A date column as ISO text (converted only if it holds `date` objects)."""
    if isinstance(next(filter(None, values), None), date):
        return [_plain(v) for v in values]
    return values


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


def execute_many(conn: Connection, sql: str, params: Iterable[tuple]) -> None:
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
