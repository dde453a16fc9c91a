"""What every page shares: the open store, the worker, undo, and the one "changes applied" signal.

Pages never call each other: they change data through `run_op` and learn about any change,
theirs or another page's, from `changes_applied`, deciding for themselves whether to refresh.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ..db.store import Store
from ..db.uow import UnitOfWork
from ..domain.changes import Changes
from ..domain.errors import MrsError, ValidationError
from ..domain.task import Cancelled, Progress
from ..services.undo import UndoStack
from .operations import Op
from .worker import TaskRunner


class AppContext(QObject):
    changes_applied = Signal(object)  # Changes
    navigate = Signal(str, dict)  # page name, filters: "show the assessors expiring in 90 days"
    undo_changed = Signal()
    status_message = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.undo = UndoStack()
        self.runner = TaskRunner(self)

    # Writes ---------------------------------------------------------------------------------

    def run_op(self, op: Op, *, parent: QWidget | None = None,
               on_success: Callable[[Changes], None] | None = None,
               on_failure: Callable[[BaseException], None] | None = None) -> None:
        """Run a write on the worker; on success record undo and announce what changed."""
        store = self.store

        def job(progress: Progress) -> Changes:
            return op.action(UnitOfWork(store), progress)

        def done(changes: Changes) -> None:
            if op.undoable:
                self.undo.push(op.label, changes)
            else:
                self.undo.clear()  # an import or bundle: older steps may no longer apply cleanly
            self.undo_changed.emit()
            self.changes_applied.emit(changes)
            if on_success is not None:
                on_success(changes)

        def failed(exc: BaseException) -> None:
            if on_failure is not None:
                on_failure(exc)
            else:
                self.explain(exc, parent)

        self.runner.run(job, on_done=done, on_error=failed,
                        label=op.progress_label, parent=parent)

    def undo_last(self, parent: QWidget | None = None) -> None:
        self._step(self.undo.undo, parent)

    def redo_last(self, parent: QWidget | None = None) -> None:
        self._step(self.undo.redo, parent)

    def _step(self, method, parent: QWidget | None) -> None:
        store = self.store

        def done(changes: Changes) -> None:
            self.undo_changed.emit()
            self.changes_applied.emit(changes)

        self.runner.run(lambda _progress: method(UnitOfWork(store)), on_done=done,
                        on_error=lambda exc: (self.undo_changed.emit(), self.explain(exc, parent)))

    # Errors -----------------------------------------------------------------------------------

    def explain(self, exc: BaseException, parent: QWidget | None) -> None:
        """A user's mistake gets its message; a bug gets an apology, never a traceback."""
        if isinstance(exc, Cancelled):
            self.status_message.emit(self.tr("Cancelled; nothing was changed."))
            return
        if isinstance(exc, ValidationError):
            lines = "\n".join(f"• {error}" for error in exc.errors[:20])
            more = len(exc.errors) - 20
            if more > 0:
                lines += "\n" + self.tr("… and {n} more").format(n=more)
            QMessageBox.warning(parent, self.tr("Nothing was changed"), lines)
        elif isinstance(exc, MrsError):
            QMessageBox.warning(parent, self.tr("Nothing was changed"), str(exc))
        else:
            QMessageBox.critical(parent, self.tr("Unexpected error"), self.tr(
                "Something went wrong and nothing was changed:\n{error}").format(
                error=f"{type(exc).__name__}: {exc}"))
