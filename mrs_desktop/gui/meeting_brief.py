"""File ▸ Meeting brief…: the action-plan progress report for a regional meeting, as a PDF.

Asks from which date to list changes, then the file; writes it on the worker with a progress
dialog and Cancel, and says in the status bar where it was written (it opens nothing).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QWidget

from ..db.store import Store
from ..services import reports
from .context import AppContext
from .export import export_folder
from .widgets.date_field import DateField


def tr(text: str) -> str:
    # The empty context is where pyside6-lupdate files a module-level tr("...") call.
    return QCoreApplication.translate("", text)


class SinceDialog(QDialog):
    """Asks the date from which the brief lists what changed (30 days ago to begin with)."""

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Meeting brief"))
        today = today or date.today()
        self.since = DateField(self, optional=False)
        self.since.setMaximumDate(QDate(today.year, today.month, today.day))
        self.since.set_value(today - timedelta(days=reports.DEFAULT_DAYS))
        intro = QLabel(self.tr("The brief lists every action item per partner country, the overdue "
                               "ones, the latest progress updates, and what changed since:"))
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose the file…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("Changes &since:"), self.since)
        form.addRow(buttons)

    def value(self) -> date:
        return self.since.value()


def ask_since(parent: QWidget | None, today: date | None = None) -> date | None:
    dialog = SinceDialog(parent, today=today)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_brief_path(parent: QWidget | None, today: date | None = None) -> Path | None:
    """A .pdf file name from the user (.pdf added if she typed none)."""
    suggested = export_folder() / f"meeting-brief-{(today or date.today()).isoformat()}.pdf"
    name, _filter = QFileDialog.getSaveFileName(parent, tr("Save the meeting brief"), str(suggested),
                                                tr("PDF document (*.pdf)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.casefold() == ".pdf" else path.with_name(path.name + ".pdf")


def make_meeting_brief(ctx: AppContext, parent: QWidget | None, *, today: date | None = None) -> None:
    """Ask the since-date and the file, then write the brief on the worker."""
    since = ask_since(parent, today)
    if since is None:
        return
    path = ask_brief_path(parent, today)
    if path is None:
        return
    store: Store = ctx.store  # captured now: the job never touches widgets

    def job(progress):
        return reports.write_meeting_brief(store, path, since=since, today=today, progress=progress)

    def done(written: reports.BriefWritten) -> None:
        ctx.status_message.emit(tr("Meeting brief written to {path}").format(path=written.path))

    ctx.runner.run(job, on_done=done, on_error=lambda exc: ctx.explain(exc, parent),
                   label=tr("Writing the meeting brief {file}…").format(file=path.name), parent=parent)
