"""Exporting records to a CSV or XLSX spreadsheet, shared by every register page (Ctrl+E).

The file uses the import template of its register, so an exported file imports back unchanged.
Writing runs on the worker with a progress dialog and Cancel; the result goes to the status bar.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ..db.store import Store
from . import settings
from .context import AppContext

def exporter(kind: str) -> Callable[..., int]:
    """The service that writes register `kind` (openpyxl is imported on the first export only)."""
    from ..services import spreadsheets

    return {"assessors": spreadsheets.export_assessors, "trainings": spreadsheets.export_trainings,
            "action-items": spreadsheets.export_action_items}[kind]


def tr(text: str) -> str:
    # The empty context is where pyside6-lupdate files a module-level tr("...") call.
    return QCoreApplication.translate("", text)


def what(kind: str) -> str:
    """The register's name in a sentence ("Exporting the assessors…")."""
    return {"assessors": tr("the assessors"), "trainings": tr("the trainings"),
            "action-items": tr("the action items")}[kind]


def export_folder() -> Path:
    """The preferred export folder if it still exists, else the user's Documents."""
    chosen = settings.EXPORT_FOLDER.get()
    if chosen and Path(chosen).is_dir():
        return Path(chosen)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def ask_export_path(parent: QWidget | None, kind: str) -> Path | None:
    """A file name from the user, with .xlsx or .csv added from the chosen type if she typed none."""
    suggested = export_folder() / f"{kind}-{date.today().isoformat()}.xlsx"
    name, chosen_filter = QFileDialog.getSaveFileName(
        parent, tr("Export {what}").format(what=what(kind)), str(suggested),
        ";;".join((tr("Excel workbook (*.xlsx)"), tr("CSV UTF-8 (*.csv)"))))
    if not name:
        return None
    path = Path(name)
    if path.suffix.casefold() not in (".xlsx", ".csv"):
        path = path.with_name(path.name + (".csv" if "*.csv" in chosen_filter else ".xlsx"))
    return path


def export_records(ctx: AppContext, parent: QWidget | None, kind: str, ids: list[str] | None) -> None:
    """Ask for a file and export the records `ids` of register `kind` (None: all of them).

    kind is "assessors", "trainings" or "action-items" (ids of assessors, trainings, action items).
    """
    write = exporter(kind)
    if ids is not None and not ids:
        ctx.status_message.emit(tr("Nothing to export: no records are shown."))
        return
    path = ask_export_path(parent, kind)
    if path is None:
        return
    store: Store = ctx.store
    ids = None if ids is None else list(ids)  # captured now: the page may change while we write

    def job(progress):
        return write(store, path, ids=ids, progress=progress)

    def done(rows: int) -> None:
        ctx.status_message.emit(tr("Exported {n} rows to {path}").format(n=rows, path=path))

    ctx.runner.run(job, on_done=done, on_error=lambda exc: ctx.explain(exc, parent),
                   label=tr("Exporting {what} to {file}…").format(what=what(kind), file=path.name),
                   parent=parent)
