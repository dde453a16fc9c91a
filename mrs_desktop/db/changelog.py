"""Stamps every write to a synced record with the node's clock and appends it to the change log.

Done in one place, a `before_flush` hook, so no service can write a record and forget the log;
bulk writes (imports) go through `db.bulk`, which does the same with executemany.
"""

from __future__ import annotations

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from ..domain.changes import Changes, Edit
from ..domain.ids import uuid7
from . import field_clocks, search_index
from .base import Synced
from .models import ChangeLog


def install(factory: sessionmaker) -> None:
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)


def _after_flush(session: Session, _context) -> None:
    new: dict[type, list[str]] = {}
    for obj in session.new:
        if isinstance(obj, Synced):
            new.setdefault(type(obj), []).append(obj.id)
    for model, ids in new.items():
        search_index.index_new(session.connection(), model, ids)


def _before_flush(session: Session, _context, _instances) -> None:
    writer = session.info.get("writer")
    for obj in list(session.deleted):
        if isinstance(obj, Synced):
            raise RuntimeError("synced records are never deleted: set deleted=True (a tombstone)")
    for obj in list(session.new):
        if isinstance(obj, Synced):
            if writer is None:
                raise RuntimeError("no node yet: synced records need a node to own them")
            _stamp(session, writer, obj, "insert", None)
            if field_clocks.is_shared(type(obj)):
                _note_fields(session, writer, obj, field_clocks.clocked_fields(type(obj)))
            _note_edit(session, Edit(obj.__register__, obj.id, "insert", {"deleted": True}, {"deleted": False}))
    for obj in list(session.dirty):
        if isinstance(obj, Synced) and session.is_modified(obj, include_collections=False):
            before, after = _changed_fields(obj)
            if before:
                op = "delete" if "deleted" in before and obj.deleted else "update"
                _stamp(session, writer, obj, op, list(before))
                if field_clocks.is_shared(type(obj)):
                    _note_fields(session, writer, obj, before)
                _note_edit(session, Edit(obj.__register__, obj.id, op, before, after))


def _changed_fields(obj: Synced) -> tuple[dict, dict]:
    """Changed fields' old and new values (what undo writes back, and what it expects to find)."""
    before, after = {}, {}
    for attr in inspect(obj).attrs:
        history = attr.history
        if attr.key in ("hlc", "origin", "id") or not history.has_changes():
            continue
        if list(history.added) == list(history.deleted):
            continue
        before[attr.key] = history.deleted[0] if history.deleted else None
        after[attr.key] = history.added[0] if history.added else None
    return before, after


def _note_fields(session: Session, writer, obj: Synced, fields) -> None:
    field_clocks.note_write(session.connection(), obj.__register__, obj.id, fields, obj.hlc, writer.node_id)


def _note_edit(session: Session, edit: Edit) -> None:
    changes: Changes = session.info.setdefault("changes", Changes())
    changes.edits.append(edit)


def _stamp(session: Session, writer, obj: Synced, op: str, fields: list[str] | None) -> None:
    if writer is None:
        raise RuntimeError("no node yet: synced records need a node to own them")
    if obj.id is None:
        obj.id = uuid7()
    if obj.origin is None:
        obj.origin = writer.node_id
    if obj.deleted is None:
        obj.deleted = False
    obj.hlc = writer.clock.now()
    # The log names the writer (this node), which for a partner's shared record is not its owner.
    session.add(ChangeLog(register=obj.__register__, row_id=obj.id, origin=writer.node_id,
                          hlc=obj.hlc, op=op, fields=",".join(fields) if fields else None))
    changes: Changes = session.info.setdefault("changes", Changes())
    changes.add(obj.__register__, obj.id)
