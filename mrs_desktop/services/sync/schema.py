"""What bundles carry of each register, described from the models for `sync.changes`.

Derived columns (an assessor's name index text) never travel: the receiver computes them, inside
SQLite as it writes the records (see DERIVED).
"""

from __future__ import annotations

from functools import cache
from typing import Callable

from sqlalchemy import Boolean, Date, Integer, String

from ...db.base import Synced
from ...db.field_clocks import clocked_fields
from ...db.models import REGISTERS, SYNCED_MODELS
from ...sync.changes import SYNC_COLUMNS, Column, RegisterSchema

ORDER = tuple(m.__register__ for m in SYNCED_MODELS)  # parents before children


def search_text_sql(*parts: str) -> str:
    """domain.assessors.search_text as an SQL expression of the parts' expressions: those not
    empty, joined by one space, the Vietnamese đ folded to d. Made in SQLite as each record is
    written: calling the Python function per record cost 0.2 s of importing 100,000 (bench_sync);
    tests/unit/services/test_sync_derived.py checks the two agree."""
    joined = " || ".join(f"coalesce(' ' || nullif({p}, ''), '')" for p in parts)
    return f"replace(replace(substr({joined}, 2), 'đ', 'd'), 'Đ', 'D')"


# register → {derived column: (the columns it is made from, its SQL expression of theirs)}
DERIVED: dict[str, dict[str, tuple[tuple[str, ...], Callable[..., str]]]] = {
    "assessor": {"search_text": (("family_name", "given_names", "name_native", "assessor_ref"), search_text_sql)},
}


def derived_sql(register: str, columns: list[str], *, update: bool = False) -> dict[str, str]:
    """Derived column → its SQL expression over the statement's numbered parameters (?1 is
    columns[0], and so on). A source column the records do not carry is empty in an insert, and
    keeps this node's value in an update (the column itself)."""
    at = {c: f"?{i}" for i, c in enumerate(columns, 1)}
    return {name: sql(*(at.get(c, c if update else "NULL") for c in sources))
            for name, (sources, sql) in DERIVED.get(register, {}).items()}


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
