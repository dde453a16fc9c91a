"""Keeps the clock of every field of a shared record (action plans, action items, equivalences).

Each field holds the stamp of the write that set it and a version vector of the writes its value
has seen; bundles carry both, and `domain.merge` uses them to apply the later value and to tell a
concurrent change (queued as a conflict) from a later one. Local writes reach here from the
ORM hook (`db.changelog`) and from bulk writes (`db.bulk`).
"""

from __future__ import annotations

from functools import cache
from typing import Iterable, Sequence

from sqlalchemy.engine import Connection

from .base import Synced

# A local write: the field now holds our stamp, and its value has seen our write plus whatever
# the overwritten value had seen.
_UPSERT = (
    "INSERT INTO field_clock (register, row_id, field, stamp, seen) VALUES (?, ?, ?, ?, json_object(?, ?)) "
    "ON CONFLICT (register, row_id, field) DO UPDATE SET stamp = excluded.stamp, "
    "seen = json_set(field_clock.seen, '$.\"' || ? || '\"', excluded.stamp)"
)


def is_shared(model: type) -> bool:
    return getattr(model, "__sync__", None) == "shared"


@cache
def clocked_fields(model: type[Synced]) -> tuple[str, ...]:
    """The fields a shared record merges one by one: its columns and the tombstone."""
    names = [c.key for c in model.__table__.columns if c.key not in ("id", "origin", "hlc")]
    return tuple(names)


def note_write(conn: Connection, register: str, row_id: str, fields: Iterable[str],
               stamp: str, node: str) -> None:
    conn.exec_driver_sql(_UPSERT, [(register, row_id, f, stamp, node, stamp, node) for f in fields])


def note_inserts(conn: Connection, model: type[Synced], ids: Sequence[str],
                 stamps: Sequence[str], node: str) -> None:
    """Clocks for new records written in bulk: every field set by the record's first write."""
    if not is_shared(model):
        return
    register = model.__register__
    fields = clocked_fields(model)
    conn.exec_driver_sql(_UPSERT, [(register, i, f, s, node, s, node)
                                   for i, s in zip(ids, stamps) for f in fields])
