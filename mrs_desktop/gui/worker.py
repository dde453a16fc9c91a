"""One background worker for all database work, so the window never freezes (Anki's model).

Jobs run one at a time, in order, on a single thread; results and errors come back to the GUI
thread through queued signals. Widgets are never touched from the worker: a job gets only the
plain values captured before it started.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..domain.task import Progress


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class QtProgress(Progress):
    """Progress that a job reports from the worker; the GUI reads it through signals."""

    def __init__(self, signals: _Signals):
        super().__init__()
        self._signals = signals

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        self._signals.progress.emit(done, total or 0, text)


class Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any]):
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until its signals have been delivered
        self.signals = _Signals()
        self.progress = QtProgress(self.signals)
        self._fn = fn

    def run(self) -> None:
        try:
            result = self._fn(self.progress)
        except BaseException as exc:  # delivered to the GUI, which explains it to the user
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs jobs on the worker; long ones show a progress dialog with Cancel."""

    busy_changed = Signal(bool)
    SHOW_AFTER_MS = 150  # a job quicker than this never flashes a dialog

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._jobs: set[Job] = set()

    def run(self, fn: Callable[[Progress], Any], *, on_done: Callable[[Any], None] | None = None,
           on_error: Callable[[BaseException], None] | None = None, label: str | None = None,
           parent: QWidget | None = None) -> Job:
        job = Job(fn)
        self._jobs.add(job)
        dialog = self._dialog(job, label, parent) if label else None
        job.signals.done.connect(lambda result: self._finish(job, dialog, on_done, result))
        job.signals.failed.connect(lambda exc: self._finish(job, dialog, on_error, exc))
        if len(self._jobs) == 1:
            self.busy_changed.emit(True)
        self._pool.start(job)
        return job

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the worker is idle (closing the window, tests)."""
        return self._pool.waitForDone(msecs)

    def _finish(self, job: Job, dialog: QProgressDialog | None, callback, value) -> None:
        if dialog is not None:
            dialog.reset()
            dialog.deleteLater()
        self._jobs.discard(job)
        if not self._jobs:
            self.busy_changed.emit(False)
        if callback is not None:
            callback(value)

    def _dialog(self, job: Job, label: str, parent: QWidget | None) -> QProgressDialog:
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(self.tr("MRS Desktop"))
        dialog.setMinimumDuration(self.SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.progress.cancel)

        def show_progress(done: int, total: int, text: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total) if total else 0)
            if text:
                dialog.setLabelText(text)

        job.signals.progress.connect(show_progress)
        QTimer.singleShot(0, lambda: dialog.setValue(0))  # starts the minimum-duration timer
        return dialog
