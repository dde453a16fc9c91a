"""Keeps the register table in step with the search: first rows at once, the rest from the worker.

A name search's first page costs a few milliseconds on 100,000 assessors, so it is read on the
GUI thread as the user types; the full id list (up to the whole register, ~0.1–0.3 s) and any
re-ordering by a column come from the worker, and a result that a newer keystroke has made
stale is dropped. The list of a view without a name (what clearing the search box returns to)
is kept until the register changes.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from ...domain.errors import MrsError
from ...domain.task import Progress
from ...services.assessor_list import RegisterView, view_ids, view_page
from ...services.search import AssessorQuery
from ...services.search_names import name_query
from ..context import AppContext
from ..models.assessors import AssessorTableModel

FIRST_PAGE = 40  # more rows than a 1366×768 screen shows
# The full list is read once typing pauses this long, so the worker never competes with the
# painting of the first page and a fast typist's intermediate prefixes cost nothing.
FULL_LIST_DELAY_MS = 120


class RegisterLoader(QObject):
    """Loads a RegisterView into the model; the page listens to keep selection and the count."""

    about_to_update = Signal()  # the model's ids are about to change: remember the selection
    updated = Signal(str, int, bool)  # how ("same" | "extended" | "reset"), rows, complete
    pending = Signal()  # the list is being read on the worker
    failed = Signal(str)

    def __init__(self, ctx: AppContext, model: AssessorTableModel, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self.view = RegisterView()
        self._generation = 0
        self._complete = True
        self._kept: dict[RegisterView, list[str]] = {}
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(FULL_LIST_DELAY_MS)
        self._later.timeout.connect(lambda: self._read_all(self.view))

    @property
    def complete(self) -> bool:
        """Whether the model holds every id of the view (not only its first page)."""
        return self._complete

    def load(self, view: RegisterView, *, fresh: bool = False) -> None:
        """Show `view`; `fresh` after a change to the register (nothing kept may be reused)."""
        self._generation += 1
        self.view = view
        self._later.stop()
        if fresh:
            self._kept.clear()
        kept = self._kept.get(view)
        if kept is not None:
            self._show(kept, complete=True)
            return
        if not fresh and _first_page_is_cheap(view):
            try:
                rows = view_page(self.ctx.store, view, limit=FIRST_PAGE)
            except MrsError as exc:
                self._fail(exc)
                return
            self.about_to_update.emit()
            self.model.show_rows(rows)
            self._complete = len(rows) < FIRST_PAGE
            self.updated.emit("reset", len(rows), self._complete)
            if not self._complete:
                self._later.start()
            return
        self._complete = False
        if not fresh:  # after an edit the rows stay as they are until the new list arrives
            self.pending.emit()
        self._read_all(view)

    def _read_all(self, view: RegisterView) -> None:
        generation, store = self._generation, self.ctx.store

        def job(_progress: Progress) -> list[str] | None:
            if generation != self._generation:  # typed on since: skip the work
                return None
            return view_ids(store, view)

        self.ctx.runner.run(job, on_done=lambda ids: self._arrived(generation, view, ids),
                            on_error=lambda exc: self._arrived_error(generation, exc))

    def _arrived(self, generation: int, view: RegisterView, ids: list[str] | None) -> None:
        if ids is None or generation != self._generation:
            return
        if not name_query(view.query.text):
            self._kept = {view: ids}  # one list: the view the search box returns to
        self._show(ids, complete=True)

    def _arrived_error(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if isinstance(exc, MrsError):
            self._fail(exc)
        else:
            self.ctx.explain(exc, None)

    def _show(self, ids: list[str], *, complete: bool) -> None:
        self.about_to_update.emit()
        how = self.model.update_ids(ids)
        self._complete = complete
        self.updated.emit(how, len(ids), complete)

    def _fail(self, exc: MrsError) -> None:
        self.about_to_update.emit()
        self.model.update_ids([])
        self._complete = True
        self.failed.emit(str(exc))


def _first_page_is_cheap(view: RegisterView) -> bool:
    """A name search in the services' own order, or the bare register: its first page is quick."""
    if view.order_by is not None:
        return False
    if name_query(view.query.text) is not None:
        return True
    return not view.partners_only and replace(view.query, text="") == AssessorQuery()
