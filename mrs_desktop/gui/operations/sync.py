"""Sync as operations: trusting and revoking peers, importing and undoing bundles, resolving
conflicts (writes, through `AppContext.run_op`), and the read-only jobs the worker runs for the
Sync page (a bundle's preview, an export).

Imports and their undo are not undoable steps of the Edit menu: they replace many records at
once, have their own restore point, and clear the undo history.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from ...db.models import REGISTERS
from ...db.store import Store
from ...db.uow import UnitOfWork
from ...domain.changes import Changes
from ...domain.task import Progress
from ...services import peers
from ...services.sync import conflicts, export, inbound
from ...services.sync.export import Exported
from ...services.sync.inbound import Preview, Undone
from ...sync.cards import Card
from . import Op, tr

SYNC = "sync"  # pseudo-register: peers, bundle history, received ranges changed
EVERYTHING = frozenset(REGISTERS) | {SYNC, "conflict"}  # what an undone import may have touched


def _sync_only() -> Changes:
    return Changes(registers={SYNC})


def trust_card(*, card: Card, role: str = "peer") -> Op:
    def action(uow: UnitOfWork, _progress: Progress) -> Changes:
        with uow:  # (the peers service commits in the caller's unit of work)
            peers.trust_card(uow, card, role=role)
        return _sync_only()

    return Op(tr("Trust {country}").format(country=card.country), action, undoable=False)


def revoke_peer(*, node_id: str, country: str, reason: str) -> Op:
    def action(uow: UnitOfWork, _progress: Progress) -> Changes:
        with uow:
            peers.revoke_peer(uow, node_id, reason)
        return _sync_only()

    return Op(tr("Revoke {country}").format(country=country), action, undoable=False)


def resolve_conflict(*, conflict_id: int, choice: str, value: Any = None) -> Op:
    """Keep the applied value, restore the overwritten one, or write `value` (choice "edit")."""
    def action(uow: UnitOfWork, _progress: Progress) -> Changes:
        return conflicts.resolve_conflict(uow, conflict_id, choice, value)

    return Op(tr("Resolve conflict"), action, undoable=False)


@dataclass
class ImportOutcome:
    """Filled in on the worker; read on the GUI thread once the op has succeeded."""

    preview: Preview | None = None
    undone: Undone | None = None


def _import_changes(preview: Preview) -> Changes:
    changes = Changes(registers={SYNC})
    for register, counts in preview.counts.items():
        if counts.get("new") or counts.get("updated"):
            changes.registers.add(register)
    if preview.conflicts:
        changes.registers.add("conflict")
    return changes


def import_bundle(*, path: Path, outcome: ImportOutcome | None = None) -> Op:
    """Import a bundle all or nothing (after a restore point); a rejected bundle changes nothing."""
    path = Path(path)

    def action(uow: UnitOfWork, progress: Progress) -> Changes:
        preview = inbound.import_bundle(uow.store, path, progress)
        if outcome is not None:
            outcome.preview = preview
        return _import_changes(preview)

    return Op(tr("Import {file}").format(file=path.name), action, undoable=False,
              progress_label=tr("Importing {file}…").format(file=path.name))


def undo_last_import(*, outcome: ImportOutcome | None = None) -> Op:
    """Put the database back as it was before the last import; every page re-reads."""
    def action(uow: UnitOfWork, _progress: Progress) -> Changes:
        undone = inbound.undo_last_import(uow.store)
        if outcome is not None:
            outcome.undone = undone
        return Changes(registers=set(EVERYTHING))

    return Op(tr("Undo import"), action, undoable=False, progress_label=tr("Undoing the import…"))


# Read-only jobs (run with ctx.runner.run): they write no record the user sees --------------------

def preview_job(store: Store, path: Path):
    """What importing `path` would do; nothing is written."""
    path = Path(path)
    return lambda progress: inbound.preview_import(store, path, progress)


def export_job(store: Store, path: Path, *, to: Sequence[str], full: bool, encrypt: bool):
    """Write a bundle for the peers `to` (node ids); notes what was sent in the bundle history."""
    to, path = list(to), Path(path)

    def job(progress: Progress) -> Exported:
        return export.export_bundle(store, path, to=to, full=full, encrypt=encrypt, progress=progress)

    return job
