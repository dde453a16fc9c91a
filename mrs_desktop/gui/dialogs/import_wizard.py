"""The spreadsheet import wizard: choose a file, match its columns, preview every error, import.

Nothing is written before the last step, and then all rows or none. Reading the file, the
preview (a dry run of the import) and the import itself run on the worker, with progress and
Cancel; the wizard's buttons wait while they do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget, QWizard, QWizardPage

from ...domain.errors import InputRejected, ValidationError
from ...domain.task import Progress
from ...services.spreadsheets import write_template
from ..context import AppContext
from ..export import export_folder
from ..forms.ui_import_source import Ui_ImportSourcePage
from ..operations.imports import IMPORTERS
from ..widgets.field_errors import ERROR_STYLE
from .import_pages import DonePage, MappingPage, PreviewPage
from .import_sample import Sample, file_stamp, read_sample


class SourcePage(QWizardPage):
    """Step 1: what the file holds and where it is."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.ui = Ui_ImportSourcePage()
        self.ui.setupUi(self)
        self._wizard = wizard
        self.kinds = {"assessors": self.ui.kind_assessors, "trainings": self.ui.kind_trainings,
                      "action-items": self.ui.kind_action_items, "assessments": self.ui.kind_assessments}
        self.ui.path_error.setStyleSheet(ERROR_STYLE)
        self.ui.path_error.hide()
        self.ui.path.textChanged.connect(self._path_changed)
        self.ui.browse.clicked.connect(self.browse)
        self.ui.save_template.clicked.connect(self.save_template)
        for button in self.kinds.values():
            button.toggled.connect(lambda _on: self.completeChanged.emit())

    def kind(self) -> str:
        return next(k for k, button in self.kinds.items() if button.isChecked())

    def set_kind(self, kind: str) -> None:
        self.kinds[kind].setChecked(True)

    def path(self) -> Path | None:
        text = self.ui.path.text().strip().strip('"')  # Windows' "Copy as path" adds quotes
        return Path(text).expanduser() if text else None

    def _path_changed(self) -> None:
        self.say("")
        self.completeChanged.emit()

    def say(self, problem: str) -> None:
        """A problem with the file (or template) under the file's name; "" hides it."""
        self.ui.path_error.setText(problem)
        self.ui.path_error.setVisible(bool(problem))

    def isComplete(self) -> bool:
        return self.path() is not None and not self._wizard.busy

    def browse(self) -> None:
        start = str(self.path().parent) if self.path() else str(export_folder())
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the spreadsheet to import"), start,
                                              self.tr("Spreadsheets (*.xlsx *.csv)"))
        if name:
            self.ui.path.setText(name)

    def save_template(self) -> None:
        kind = self.kind()
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save an empty template"), str(export_folder() / f"{kind}-template.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV UTF-8 (*.csv)"))
        if not name:
            return
        try:
            write_template(kind, Path(name))
        except (InputRejected, OSError) as exc:
            self.say(str(exc))
            return
        self.say("")
        self._wizard.ctx.status_message.emit(self.tr("Empty template saved to {path}").format(path=name))

    def validatePage(self) -> bool:
        """Reads the file on the worker the first time; the wizard moves on when it is read."""
        path, kind, sample = self.path(), self.kind(), self._wizard.sample
        if sample is not None and (sample.path, sample.kind) == (path, kind):
            try:
                if file_stamp(path) == sample.stamp:
                    return True
            except OSError:
                pass  # gone since: read again, and say so
        if not self._wizard.busy:
            self._wizard.run_job(lambda _progress: read_sample(path, kind), self._read,
                                 self._refused, self.tr("Reading {file}…").format(file=path.name))
        return False

    def _read(self, sample: Sample) -> None:
        self._wizard.sample = sample
        self._wizard.next()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            lines = [str(e) for e in exc.errors[:8]]
            if len(exc.errors) > 8:
                lines.append(self.tr("… and {n} more").format(n=len(exc.errors) - 8))
            self.say(self.tr("This file cannot be imported:") + "\n" + "\n".join(lines))
        elif isinstance(exc, InputRejected):
            self.say(str(exc))
        else:
            self._wizard.ctx.explain(exc, self)


class ImportWizard(QWizard):
    """Shared state of the steps: the file's sample, the chosen mapping, the import's result."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, kind: str = "assessors",
                 path: Path | None = None):
        super().__init__(parent)
        if kind not in IMPORTERS:
            raise ValueError(f"no import of '{kind}' (one of: {', '.join(IMPORTERS)})")
        self.ctx = ctx
        self.busy = False
        self.sample: Sample | None = None
        self.mapping: dict[str, str] = {}
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.resize(920, 640)
        self.source, self.columns = SourcePage(self), MappingPage(self)
        self.preview, self.done_page = PreviewPage(self), DonePage(self)
        for page in (self.source, self.columns, self.preview, self.done_page):
            self.addPage(page)
        self.source.set_kind(kind)
        if path is not None:
            self.source.ui.path.setText(str(path))

    @property
    def kind(self) -> str:
        return self.source.kind()

    def run_job(self, fn: Callable[[Progress], Any], on_done: Callable[[Any], None],
                on_error: Callable[[BaseException], None], label: str) -> None:
        """A job on the worker, with the wizard's buttons held until it ends."""
        self._set_busy(True)
        self.ctx.runner.run(fn, on_done=lambda value: self._end(on_done, value),
                            on_error=lambda exc: self._end(on_error, exc), label=label, parent=self)

    def hold(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        """Holds the buttons now; `callback` (for ctx.run_op) releases them before it runs."""
        self._set_busy(True)
        return lambda value: self._end(callback, value)

    def _end(self, callback: Callable[[Any], None], value: Any) -> None:
        self._set_busy(False)
        callback(value)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            self.button(which).setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor) if busy else self.unsetCursor()
        self.currentPage().completeChanged.emit()  # Next/Import follow isComplete()

    def reject(self) -> None:
        if not self.busy:  # the progress dialog's Cancel stops a job; closing must wait for it
            super().reject()


def run_import_wizard(ctx: AppContext, parent: QWidget | None, kind: str = "assessors",
                      path: Path | None = None) -> None:
    """File ▸ Import spreadsheet… (Ctrl+I): runs the wizard until the user finishes or cancels."""
    ImportWizard(ctx, parent, kind=kind, path=path).exec()
