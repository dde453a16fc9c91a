"""Backups from the desktop: automatic ones when the window closes, and "Back up database…".

Automatic backups go to the `backups/` folder beside the database, and only the newest few
(a preference) are kept; a backup the user asks for goes where she chooses and is never rotated.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ..db.store import Store
from ..domain.errors import MrsError
from ..services import maintenance
from . import settings
from .context import AppContext
from .export import export_folder


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def backup_on_exit(store: Store) -> Path | None:
    """If the user asked for it, back up the database and rotate the old automatic backups.

    Called by the main window as it closes, after the worker has finished; returns the new
    backup, or None when backups on closing are off or the backup failed (closing must go on).
    """
    if not settings.BACKUP_ON_EXIT.get():
        return None
    try:
        return maintenance.automatic_backup(store, keep=max(1, settings.BACKUPS_KEPT.get()))
    except (MrsError, OSError):
        return None  # a full disk must not stop the window from closing; the data is safe


def back_up_now(ctx: AppContext, parent: QWidget | None) -> None:
    """File ▸ Back up database…: ask where, copy the live database on the worker, say where it went."""
    stamp = datetime.now().strftime("%Y-%m-%d-%H%M")
    suggested = export_folder() / f"{ctx.store.path.stem}-backup-{stamp}.sqlite"
    # The service refuses to overwrite a file, so the dialog must not first ask to.
    name, _ = QFileDialog.getSaveFileName(parent, tr("Back up the database"), str(suggested),
                                          tr("SQLite database (*.sqlite)"),
                                          options=QFileDialog.Option.DontConfirmOverwrite)
    if not name:
        return
    target = Path(name) if Path(name).suffix else Path(name + ".sqlite")
    store = ctx.store
    ctx.runner.run(lambda _progress: maintenance.backup(store, target),
                   on_done=lambda path: ctx.status_message.emit(
                       tr("Database backed up to {path}").format(path=path)),
                   on_error=lambda exc: ctx.explain(exc, parent),
                   label=tr("Backing up the database…"), parent=parent)
