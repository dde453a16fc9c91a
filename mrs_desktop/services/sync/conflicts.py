"""The conflict queue: concurrent changes to one field of a shared record, for a person to decide.

The later change (by clock) is already applied everywhere; resolving either keeps it, restores the
value it overwrote, or writes a new one. A restore or an edit is an ordinary local change,
stamped after both, so it reaches every partner in the next bundle and wins there too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ...db.models import Conflict, REGISTERS
from ...db.store import Store
from ...db.uow import UnitOfWork
from ...domain.changes import Changes
from ...domain.clock import Stamp, describe
from ...domain.errors import InputRejected, NotFound
from .. import action_plans, equivalences
from . import state
from .labels import label

KEEP, RESTORE, EDIT = "keep", "restore", "edit"
RESOLUTIONS = {KEEP: "kept", RESTORE: "restored", EDIT: "edited"}


@dataclass(frozen=True)
class ConflictInfo:
    id: int
    register: str
    row_id: str
    label: str
    field: str
    kept_value: Any
    kept_by: str  # country of the node that made the applied value
    kept_at: str
    lost_value: Any
    lost_by: str
    lost_at: str
    lost_is_mine: bool  # the overwritten value was made on this computer
    detected_at: str
    resolved_at: str | None
    resolution: str | None


def _when(stamp: str) -> str:
    return describe(Stamp.parse(stamp).wall_ms)


def list_conflicts(store: Store, *, include_resolved: bool = False) -> list[ConflictInfo]:
    me = store.node.id if store.node else ""
    with store.session() as session:
        countries = state.countries(session)
        query = select(Conflict).order_by(Conflict.id)
        if not include_resolved:
            query = query.where(Conflict.resolved_at.is_(None))
        out = []
        for c in session.scalars(query):
            record = session.get(REGISTERS[c.register], c.row_id)
            name = label(c.register, _as_dict(record)) if record is not None else c.row_id
            out.append(ConflictInfo(
                c.id, c.register, c.row_id, name, c.field, json.loads(c.kept_value),
                countries.get(c.kept_stamp[20:], "?"), _when(c.kept_stamp), json.loads(c.lost_value),
                countries.get(c.lost_stamp[20:], "?"), _when(c.lost_stamp), c.lost_stamp[20:] == me,
                c.detected_at, c.resolved_at, c.resolution))
    return out


def _as_dict(record) -> dict:
    return {c.key: getattr(record, c.key) for c in record.__table__.columns}


def open_conflicts(store: Store) -> int:
    with store.session() as session:
        return len(session.scalars(select(Conflict.id).where(Conflict.resolved_at.is_(None))).all())


def resolve_conflict(uow: UnitOfWork, conflict_id: int, choice: str, value: Any = None) -> Changes:
    """`keep` the applied value, `restore` the overwritten one, or `edit`: write `value`.

    The record is written first (its own transaction, undoable like any edit), then the conflict
    is marked resolved: a crash between the two leaves the conflict open, never a lost edit.
    """
    if choice not in RESOLUTIONS:
        raise InputRejected(f"unknown choice {choice!r}: keep, restore or edit")
    with uow.store.session() as session:
        conflict = session.get(Conflict, conflict_id)
        if conflict is None:
            raise NotFound(f"no conflict {conflict_id}")
        if conflict.resolved_at is not None:
            raise InputRejected(f"conflict {conflict_id} was already resolved ({conflict.resolution})")
        register, row_id, field, lost = conflict.register, conflict.row_id, conflict.field, conflict.lost_value
    changes = Changes()
    if choice != KEEP:
        target = json.loads(lost) if choice == RESTORE else value
        changes = _write(uow, register, row_id, field, target)
    with UnitOfWork(uow.store) as marking:
        conflict = marking.session.get(Conflict, conflict_id)
        conflict.resolved_at, conflict.resolution = state.now_iso(), RESOLUTIONS[choice]
        marking.commit()
    changes.registers.add("conflict")
    return changes


def _write(uow: UnitOfWork, register: str, row_id: str, field: str, value: Any) -> Changes:
    """Through the register's own service, so the value is checked like any edit."""
    if field == "deleted":
        return _set_deleted(uow, register, row_id, bool(value))
    if register == "action_item":
        return action_plans.update_item(uow, row_id, {field: value})
    if register == "action_plan":
        if field == "partner_countries" and isinstance(value, str):
            value = [c for c in value.split(",") if c]
        return action_plans.update_plan(uow, row_id, {field: value})
    if register == "equivalence":
        return equivalences.update_equivalence(uow, row_id, {field: value})
    raise InputRejected(f"{register} records are not shared; they have no conflicts")


def _set_deleted(uow: UnitOfWork, register: str, row_id: str, deleted: bool) -> Changes:
    with uow:
        record = uow.session.get(REGISTERS[register], row_id)
        if record is None:
            raise NotFound(f"no {register} {row_id}")
        record.deleted = deleted
        return uow.commit()
