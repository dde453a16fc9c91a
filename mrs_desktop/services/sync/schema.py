"""What bundles carry of each register, described from the models for `sync.changes`.

Derived columns (an assessor's name index text) never travel: the receiver computes them, inside
SQLite as it writes the records (see DERIVED).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Date, Integer, String

from ...db.base import Synced
from ...db.field_clocks import clocked_fields
from ...db.models import REGISTERS, SYNCED_MODELS
from ...sync.changes import SYNC_COLUMNS, Column, RegisterSchema

ORDER = tuple(m.__register__ for m in SYNCED_MODELS)  # parents before children


FOLDED = ("đ", "Đ")  # what domain.assessors.fold changes


def search_text_sql(*parts: str, filled: Collection[str] = (), fold: bool = True) -> str:
    """domain.assessors.search_text as an SQL expression of the parts' expressions: those not
    empty, joined by one space, the Vietnamese đ folded to d. Made in SQLite as each record is
    written: calling the Python function per record cost 0.2 s of importing 100,000 (bench_sync);
    tests/unit/services/test_sync_derived.py checks the two agree.

    `filled` names the parts known never empty, joined as they are, and `fold=False` says no part
    holds a đ or Đ: each SQL call left out is saved per record (in SQLite alone, for 100,000
    assessors whose parts are all given: the whole expression 0.26 s, the parts joined 0.04 s)."""
    pieces = [f"' ' || {p}" if p in filled else f"coalesce(' ' || nullif({p}, ''), '')" for p in parts]
    if parts[0] in filled:  # no leading space to cut
        joined = " || ".join([parts[0], *pieces[1:]])
    else:
        joined = f"substr({' || '.join(pieces)}, 2)"
    return f"replace(replace({joined}, 'đ', 'd'), 'Đ', 'D')" if fold else joined


def _search_text_for(parts: list[str], values: list[Sequence[Any] | None] | None) -> str:
    """search_text_sql for an insert of records whose parts' values are known (None: a part the
    records do not carry)."""
    if values is None:
        return search_text_sql(*parts)
    filled = [p for p, v in zip(parts, values) if v is not None and all(v)]  # all() runs in C
    fold = any(_holds_folded(v) for v in values if v is not None)
    return search_text_sql(*parts, filled=filled, fold=fold)


def _holds_folded(values: Sequence[Any]) -> bool:
    """Whether a value holds a character fold changes: none when every value is ASCII (a flag
    Python keeps, read per value in C), else searched in all the values joined at once."""
    if all(map(str.isascii, filter(None, values))):
        return False
    text = "".join(filter(None, values))
    return any(c in text for c in FOLDED)


# register → {derived column: (the columns it is made from, its SQL expression of theirs given
# their values in the records written, or None)}
DERIVED: dict[str, dict[str, tuple[tuple[str, ...], Callable[..., str]]]] = {
    "assessor": {"search_text": (("family_name", "given_names", "name_native", "assessor_ref"), _search_text_for)},
}


def derived_sql(register: str, columns: list[str], *, update: bool = False,
                column: Callable[[int], Sequence[Any]] | None = None) -> dict[str, str]:
    """Derived column → its SQL expression over the statement's numbered parameters (?1 is
    columns[0], and so on). A source column the records do not carry is empty in an insert, and
    keeps this node's value in an update (the column itself). Given the values an insert writes
    (`column(i)`: those of columns[i]), the expression is made for them (search_text_sql's
    `filled` and `fold`)."""
    at = {c: f"?{i}" for i, c in enumerate(columns, 1)}
    out = {}
    for name, (sources, sql) in DERIVED.get(register, {}).items():
        parts = [at.get(c, c if update else "NULL") for c in sources]
        values = None if column is None else [column(columns.index(c)) if c in at else None for c in sources]
        out[name] = sql(parts, values)
    return out


# register → columns that stay on the node that wrote them (personal data partners do not need).
PRIVATE: dict[str, tuple[str, ...]] = {"candidate": ("id_document_no",)}


def _kind(column) -> str:
    t = column.type
    if isinstance(t, Boolean):
        return "bool"
    if isinstance(t, Integer):
        return "int"
    if isinstance(t, Date):
        return "date"
    return "text"


@cache
def schemas() -> dict[str, RegisterSchema]:
    out = {}
    for name, model in REGISTERS.items():
        derived = {*DERIVED.get(name, {}), *PRIVATE.get(name, ())}
        table = model.__table__
        names = [*SYNC_COLUMNS, *(c.key for c in table.columns if c.key not in SYNC_COLUMNS and c.key not in derived)]
        columns = tuple(
            Column(n, _kind(table.c[n]), bool(table.c[n].nullable) and n not in SYNC_COLUMNS,
                   table.c[n].type.length if isinstance(table.c[n].type, String) else None)
            for n in names)
        clocked = clocked_fields(model) if model.__sync__ == "shared" else ()
        out[name] = RegisterSchema(name, model.__sync__, columns, tuple(clocked))
    return out


def model(register: str) -> type[Synced]:
    return REGISTERS[register]


def column_names(register: str) -> list[str]:
    return [c.name for c in schemas()[register].columns]


def foreign_keys(register: str) -> dict[str, str]:
    """column → the register it points at (a record waits for its parents)."""
    table = REGISTERS[register].__table__
    by_table = {m.__table__.name: m.__register__ for m in SYNCED_MODELS}
    return {fk.parent.key: by_table[fk.column.table.name] for fk in table.foreign_keys
            if fk.column.table.name in by_table}
