"""Undo and redo of edits, owned below the GUI (Anki's model): each step writes the old values
back as a new change, stamped and logged like any other, so partners receive the undo too.

An edit is undone only if its records still hold the values it wrote; if something changed
them since (a later import, a bundle), undo refuses rather than overwrite that change.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..db.uow import UnitOfWork
from ..domain.changes import Changes, Edit
from ..domain.errors import InputRejected


@dataclass(frozen=True)
class Step:
    label: str  # what the user did, e.g. "Suspend accreditation"
    edits: tuple[Edit, ...]


class UndoStack:
    """Steps of one working session on one database, newest last."""

    def __init__(self, limit: int = 100):
        self.limit = limit
        self._undo: list[Step] = []
        self._redo: list[Step] = []

    def push(self, label: str, changes: Changes) -> None:
        """Remember a step (a service's returned Changes); a new step clears the redo list."""
        if not changes.edits:
            return
        self._undo.append(Step(label, tuple(changes.edits)))
        del self._undo[:-self.limit]
        self._redo.clear()

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None

    def undo(self, uow: UnitOfWork) -> Changes:
        if not self._undo:
            raise InputRejected("there is nothing to undo")
        step = self._undo[-1]
        changes = _write(uow, step, backwards=True)
        self._redo.append(self._undo.pop())
        return changes

    def redo(self, uow: UnitOfWork) -> Changes:
        if not self._redo:
            raise InputRejected("there is nothing to redo")
        step = self._redo[-1]
        changes = _write(uow, step, backwards=False)
        self._undo.append(self._redo.pop())
        return changes


def _write(uow: UnitOfWork, step: Step, *, backwards: bool) -> Changes:
    from ..db.models import REGISTERS  # (the ORM: loaded by the first write anyway)

    verb = "undo" if backwards else "redo"
    with uow:
        edits = reversed(step.edits) if backwards else step.edits
        for edit in edits:
            record = uow.session.get(REGISTERS[edit.register], edit.row_id)
            expected, target = (edit.after, edit.before) if backwards else (edit.before, edit.after)
            if record is None or any(getattr(record, f) != v for f, v in expected.items()):
                raise InputRejected(f"cannot {verb} “{step.label}”: the record was changed since")
            for name, value in target.items():
                setattr(record, name, value)
        changes = uow.commit()
    return changes
