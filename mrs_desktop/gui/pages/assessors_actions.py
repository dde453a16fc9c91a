"""What she can do with the assessors selected in the register: open, suspend, revoke, reinstate,
export and delete. Partners' records are only read: the actions skip them and say so."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...domain.errors import NotFound
from ...domain.task import Progress
from ...services.assessor_list import view_ids
from ...services.search import AssessorRow, get_assessor
from .. import settings

if TYPE_CHECKING:  # dialogs and openpyxl are imported when first used, not at start
    from ..dialogs.assessor_editor import AssessorEditor
    from ..dialogs.status_dialog import StatusDialog
    from .assessors import AssessorsPage


class AssessorActions(QObject):
    """The page's toolbar buttons and context menu share these actions."""

    def __init__(self, page: "AssessorsPage"):
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.new = self._action(self.tr("New assessor…"), self.create,
                                self.tr("Add an assessor to your register"))
        self.open = self._action(self.tr("Open…"), self.open_current,
                                 self.tr("Open the selected assessor"))
        self.suspend = self._action(self.tr("Suspend…"), lambda: self.change_status("suspended"),
                                    self.tr("Suspend accreditations of the selected assessors"))
        self.revoke = self._action(self.tr("Revoke…"), lambda: self.change_status("revoked"),
                                   self.tr("Revoke accreditations of the selected assessors"))
        self.reinstate = self._action(
            self.tr("Reinstate…"), lambda: self.change_status("active"),
            self.tr("Reinstate suspended accreditations of the selected assessors"))
        self.export = self._action(self.tr("Export selection…"), self.export_selection,
                                   self.tr("Save the selected assessors to a spreadsheet"))
        self.delete = self._action(self.tr("Delete…"), self.delete_selection,
                                   self.tr("Remove the selected assessors from the register"))
        self.delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.status_actions = (self.suspend, self.revoke, self.reinstate)

    def _action(self, text: str, slot: Callable[[], object], tip: str) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def update(self, rows: list[AssessorRow]) -> None:
        """Enable what the selection allows: edits need at least one of our own records."""
        own = any(not r.read_only for r in rows)
        self.open.setEnabled(len(rows) == 1)
        for action in (*self.status_actions, self.delete):
            action.setEnabled(own)
        self.export.setEnabled(bool(rows))

    # Open and create ----------------------------------------------------------------------------

    def create(self) -> AssessorEditor:
        return self._open_editor(None)

    def open_current(self) -> AssessorEditor | None:
        ids = self.page.selected_ids()
        return self._open_editor(ids[0]) if len(ids) == 1 else None

    def open_assessor(self, assessor_id: str) -> AssessorEditor | None:
        return self._open_editor(assessor_id)

    def _open_editor(self, assessor_id: str | None) -> AssessorEditor | None:
        from ..dialogs.assessor_editor import AssessorEditor

        try:
            editor = AssessorEditor(self.ctx, assessor_id, self.page)
        except NotFound:  # removed since the list was read
            self.page.refresh()
            return None
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.accepted.connect(lambda: self.page.select_later(editor.saved_id))
        editor.open()
        return editor

    # Status changes -----------------------------------------------------------------------------

    def change_status(self, status: str) -> StatusDialog | None:
        from ..dialogs.status_dialog import Candidate, StatusDialog, applies_to, nothing_to_do

        own = [r for r in self.page.selected_rows() if not r.read_only]
        candidates = []
        for row in own:
            try:
                detail = get_assessor(self.ctx.store, row.id)
            except NotFound:
                continue
            holder = " ".join(p for p in (detail.family_name, detail.given_names) if p)
            candidates += [Candidate(holder, a) for a in detail.accreditations
                           if applies_to(status, a)]
        if not candidates:
            QMessageBox.information(self.page, self.page.windowTitle(), nothing_to_do(status))
            return None
        dialog = StatusDialog(self.ctx, status, candidates, self.page, selected=len(own))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # Export -------------------------------------------------------------------------------------

    def export_selection(self) -> None:
        ids = self.page.selected_ids()
        if ids:
            self._export(lambda _store: ids, self.tr("Export {n} assessors").format(n=len(ids)))

    def export_view(self) -> None:
        view = self.page.current_view()
        self._export(lambda store: view_ids(store, view), self.tr("Export the assessors shown"))

    def _export(self, ids_of, title: str) -> None:
        path = self.ask_export_path(title)
        if path is None:
            return
        store = self.ctx.store

        def job(progress: Progress) -> int:
            from ...services.spreadsheets import export_assessors

            return export_assessors(store, path, ids=ids_of(store), progress=progress)

        self.ctx.runner.run(job, label=self.tr("Exporting assessors…"), parent=self.page,
                            on_done=lambda rows: self._exported(path, rows),
                            on_error=lambda exc: self.ctx.explain(exc, self.page))

    def ask_export_path(self, title: str) -> Path | None:
        folder = settings.EXPORT_FOLDER.get() or str(Path.home())
        suggested = str(Path(folder) / f"assessors-{date.today().isoformat()}.xlsx")
        kinds = self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)")
        name, chosen = QFileDialog.getSaveFileName(self.page, title, suggested, kinds)
        if not name:
            return None
        path = Path(name)
        if path.suffix.casefold() not in (".xlsx", ".csv"):
            path = path.with_suffix(".csv" if "csv" in chosen.casefold() else ".xlsx")
        return path

    def _exported(self, path: Path, rows: int) -> None:
        self.ctx.status_message.emit(self.tr(
            "Exported {n} rows (one per accreditation) to {path}").format(n=rows, path=path))

    # Delete -------------------------------------------------------------------------------------

    def delete_selection(self) -> bool:
        rows = self.page.selected_rows()
        own = [r.id for r in rows if not r.read_only]
        if not own:
            return False
        text = (self.tr("Delete this assessor and their accreditations?") if len(own) == 1 else
                self.tr("Delete {n} assessors and their accreditations?").format(n=len(own)))
        text += "\n\n" + self.tr("They disappear from your register and, after the next sync, "
                                 "from your partners' copies. Edit ▸ Undo brings them back.")
        skipped = len(rows) - len(own)
        if skipped:
            text += "\n\n" + self.tr(
                "{n} partner records in the selection are read-only and stay.").format(n=skipped)
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(self.page, self.tr("Delete assessors"), text,
                                      buttons.Yes | buttons.No, buttons.No)
        if answer != buttons.Yes:
            return False
        from ..operations import assessors as ops  # (the ORM's writes: not needed to show the page)

        self.ctx.run_op(ops.remove_assessors(assessor_ids=own), parent=self.page)
        return True
