"""The first-run wizard: who keeps this register (creates the node), then how to start.

Shown by `mrs-desktop` when its database has no node. Cancel on the first page leaves without
creating anything; once the node exists the wizard can no longer go back, since a node is
created once. Demo data is loaded here, on a worker with progress, before the main window opens.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from ...db.store import Store
from ...domain.errors import MrsError, ValidationError
from ...domain.reference import countries
from ...domain.task import Cancelled
from ...services.demo import load_demo
from ...services.node import init_node
from .. import look
from ..forms.ui_first_run import Ui_FirstRunWizard
from ..widgets.field_errors import FieldErrors
from ..worker import TaskRunner

EMPTY, DEMO, IMPORT = "empty", "demo", "import"


class FirstRunWizard(QWizard):
    """After `exec()`, `choice` says how to start (EMPTY, DEMO or IMPORT), or None if cancelled."""

    def __init__(self, store: Store, parent: QWidget | None = None, *, can_import: bool = True):
        super().__init__(parent)
        self.ui = Ui_FirstRunWizard()
        self.ui.setupUi(self)
        self.store = store
        self.choice: str | None = None
        self.runner = TaskRunner(self)
        self.busy = False
        for code, country in sorted(countries().items(), key=lambda item: item[1].name):
            self.ui.country.addItem(country.name, code)
        self.ui.country.setCurrentIndex(-1)
        self.ui.database_note.setText(self.tr("The database: {path}").format(path=store.path))
        self.ui.database_note.setStyleSheet("color: #52606d;")
        self.errors = FieldErrors()
        for field in ("country", "organisation", "focal_point"):
            self.errors.bind(field, getattr(self.ui, field), getattr(self.ui, f"{field}_error"))
        self.ui.node_page.setCommitPage(True)  # no way back: the node now exists
        button = QWizard.WizardButton
        self.setButtonLayout([button.Stretch, button.CommitButton, button.FinishButton, button.CancelButton])
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create my node"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Start"))
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, look.icon("app").pixmap(48, 48))
        if not can_import:
            for widget in (self.ui.start_import, self.ui.start_import_note):
                widget.hide()

    # Page 1: the node ------------------------------------------------------------------------

    def validateCurrentPage(self) -> bool:
        if self.currentPage() is self.ui.node_page:
            return self.create_node()
        if self.currentPage() is self.ui.start_page:
            return self.start()
        return super().validateCurrentPage()

    def create_node(self) -> bool:
        """Creates the node from the fields; False (errors shown beside the fields) if it cannot."""
        if self.store.node is not None:  # created already (Next pressed twice)
            return True
        self.errors.clear()
        try:
            init_node(self.store, country=self.ui.country.currentData() or "",
                      organisation=self.ui.organisation.text(), focal_point=self.ui.focal_point.text())
        except ValidationError as exc:
            unplaced = self.errors.show(exc)
            if unplaced:
                QMessageBox.warning(self, self.tr("The node was not created"),
                                    "\n".join(str(problem) for problem in unplaced))
            return False
        except MrsError as exc:
            QMessageBox.warning(self, self.tr("The node was not created"), str(exc))
            return False
        return True

    # Page 2: how to start --------------------------------------------------------------------

    def selected_start(self) -> str:
        if self.ui.start_import.isChecked() and self.ui.start_import.isVisible():
            return IMPORT
        return DEMO if self.ui.start_demo.isChecked() else EMPTY

    def start(self) -> bool:
        """Finish: demo data is loaded first (the wizard waits, with progress); other choices end here."""
        if self.busy:
            return False
        if self.choice is not None:  # decided (demo loaded, or Esc after the node): QWizard.done() asks again
            return True
        if self.selected_start() != DEMO:
            self.choice = self.selected_start()
            return True
        self._set_busy(True)
        store = self.store
        self.runner.run(lambda progress: load_demo(store, "small", progress=progress),
                        on_done=self._demo_loaded, on_error=self._demo_failed,
                        label=self.tr("Loading demo data…"), parent=self)
        return False

    def _demo_loaded(self, _changes) -> None:
        self._set_busy(False)
        self.choice = DEMO
        self.accept()

    def _demo_failed(self, exc: BaseException) -> None:
        """Nothing was loaded (one transaction); the user may choose again. Cancel needs no words."""
        self._set_busy(False)
        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, MrsError):
            QMessageBox.warning(self, self.tr("No demo data was loaded"), str(exc))
        else:
            QMessageBox.critical(self, self.tr("No demo data was loaded"), self.tr(
                "Something went wrong and nothing was loaded:\n{error}").format(error=f"{type(exc).__name__}: {exc}"))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.button(QWizard.WizardButton.FinishButton).setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor) if busy else self.unsetCursor()

    def reject(self) -> None:
        """Cancel (or Esc): before the node exists, nothing was made; after, start empty."""
        if self.busy:
            return
        if self.store.node is not None:
            self.choice = EMPTY
            super().accept()
            return
        super().reject()


def run_first_run(store: Store, parent: QWidget | None = None, *, can_import: bool = True) -> str | None:
    """Runs the wizard; how to start (EMPTY, DEMO or IMPORT), or None if the user left before."""
    wizard = FirstRunWizard(store, parent, can_import=can_import)
    wizard.exec()
    return wizard.choice
