"""Spreadsheet imports as operations: a preview (dry run) and the import itself, all or nothing.

An import is not undoable (it may write thousands of rows in bulk); running it clears the undo
history, and the import wizard shows a preview of every error before it is allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ...db.store import Store
from ...db.uow import UnitOfWork
from ...domain.task import Progress
from ...services import spreadsheets
from ...services.spreadsheets import ImportResult
from ...services.spreadsheets.results import import_results
from . import Op, tr

IMPORTERS: dict[str, Callable[..., ImportResult]] = {
    "assessors": spreadsheets.import_assessors,
    "trainings": spreadsheets.import_trainings,
    "action-items": spreadsheets.import_action_items,
    "assessments": import_results,  # result sheets: one row per unit result
}


@dataclass
class ImportOutcome:
    """Filled in by the import on the worker; read on the GUI thread once the op has succeeded."""

    result: ImportResult | None = None


def check_import(store: Store, *, kind: str, path: Path, mapping: dict[str, str],
                 progress: Progress) -> ImportResult:
    """A dry run: what the import would do, or a ValidationError listing every bad row."""
    return IMPORTERS[kind](UnitOfWork(store), path, mapping=mapping, progress=progress, dry_run=True)


def import_spreadsheet(*, kind: str, path: Path, mapping: dict[str, str],
                       outcome: ImportOutcome | None = None) -> Op:
    """Import a whole spreadsheet in one transaction; `outcome` receives its ImportResult."""
    importer = IMPORTERS[kind]
    path = Path(path)

    def action(uow: UnitOfWork, progress: Progress):
        result = importer(uow, path, mapping=mapping, progress=progress)
        if outcome is not None:
            outcome.result = result
        return result.changes

    return Op(tr("Import {file}").format(file=path.name), action, undoable=False,
              progress_label=tr("Importing {file}…").format(file=path.name))
