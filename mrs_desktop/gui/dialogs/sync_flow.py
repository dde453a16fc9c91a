"""Importing and exporting bundles step by step, from the Sync page, the File menu or a file
dropped on the window: preview on the worker → preview dialog → import → summary with
"Undo import"; and export choices → export on the worker → what was written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...domain.changes import Changes
from ...domain.errors import InputRejected
from ...services.sync.export import Exported
from ...services.sync.inbound import Preview
from ...services.sync.labels import REGISTER_NAMES
from ...services.sync.status import sync_status
from ..context import AppContext
from ..operations import sync as ops
from .sync_export import ExportDialog
from .sync_preview import PreviewDialog, totals_text

BUNDLE_FILTER = "MRS bundles (*.mrsbundle)"


def is_bundle(path: str | Path) -> bool:
    return Path(path).suffix.casefold() == ".mrsbundle"


def dropped_bundle(mime: QMimeData) -> Path | None:
    """The .mrsbundle file being dragged or dropped, if that is what it is (one local file)."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) == 1 and urls[0].isLocalFile() and is_bundle(urls[0].toLocalFile()):
        return Path(urls[0].toLocalFile())
    return None


def _message(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, detail: str = "") -> QMessageBox:
    """A non-blocking message box (tests and screenshots can read it)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if detail:
        box.setInformativeText(detail)
    box.open()
    return box


class BundleImport(QObject):
    """One import, from choosing the file to the summary. Its dialogs stay reachable as
    attributes (`preview_dialog`, `done_box`, `error_box`) until the next step replaces them."""

    def __init__(self, ctx: AppContext, parent: QWidget):
        super().__init__(parent)
        self.ctx, self.parent_widget = ctx, parent
        self.path: Path | None = None
        self.preview_dialog: PreviewDialog | None = None
        self.done_box: QMessageBox | None = None
        self.error_box: QMessageBox | None = None
        self.outcome = ops.ImportOutcome()

    def choose(self) -> None:
        from ..export import export_folder

        name, _filter = QFileDialog.getOpenFileName(self.parent_widget, self.tr("Import bundle"),
                                                    str(export_folder()), self.tr(BUNDLE_FILTER))
        if name:
            self.start(Path(name))

    def start(self, path: Path) -> None:
        """Check and preview `path` on the worker, then show the preview."""
        self.path = Path(path)
        self.ctx.runner.run(ops.preview_job(self.ctx.store, self.path), on_done=self._show_preview,
                            on_error=self._refused, parent=self.parent_widget,
                            label=self.tr("Checking {file}…").format(file=self.path.name))

    def _show_preview(self, preview: Preview) -> None:
        self.preview_dialog = PreviewDialog(preview, self.parent_widget)
        self.preview_dialog.accepted.connect(self.apply)
        self.preview_dialog.open()

    def apply(self) -> None:
        self.ctx.run_op(ops.import_bundle(path=self.path, outcome=self.outcome), parent=self.parent_widget,
                        on_success=lambda _changes: self._imported(), on_failure=self._refused)

    def _imported(self) -> None:
        preview = self.outcome.preview
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Bundle imported"),
                          self.tr("{file} from {country} was imported: {totals}.").format(
                              file=preview.file, country=preview.sender_country,
                              totals=totals_text(preview.totals)),
                          QMessageBox.StandardButton.Ok, self.parent_widget)
        if preview.restore_point:
            self.undo_button = box.addButton(self.tr("&Undo import"), QMessageBox.ButtonRole.DestructiveRole)
            self.undo_button.clicked.connect(lambda: undo_import(self.ctx, self.parent_widget, ask=False))
        if preview.conflicts:
            box.setInformativeText(self.tr("{n} conflicts wait for you on the Sync page.").format(
                n=len(preview.conflicts)))
        self.done_box = box
        box.open()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, InputRejected):  # refused: the reason is the message
            self.error_box = _message(self.parent_widget, QMessageBox.Icon.Warning,
                                      self.tr("Bundle not imported"),
                                      self.tr("The bundle was refused; nothing was changed."), str(exc))
        else:
            self.ctx.explain(exc, self.parent_widget)


def undo_import(ctx: AppContext, parent: QWidget, *, ask: bool = True) -> None:
    """Put the database back as before the last import (after asking), then every page re-reads."""
    if ask and QMessageBox.question(
            parent, parent.tr("Undo last import"),
            parent.tr("Put the database back as it was before the last bundle was imported? The records "
                      "it brought are removed; the bundle can be imported again later.")) \
            != QMessageBox.StandardButton.Yes:
        return
    outcome = ops.ImportOutcome()
    ctx.run_op(ops.undo_last_import(outcome=outcome), parent=parent, on_success=lambda _c: ctx.status_message.emit(
        parent.tr("The import of {file} was undone.").format(file=outcome.undone.file)))


class BundleExport(QObject):
    """Export choices, then the export on the worker, then what was written (`done_box`)."""

    def __init__(self, ctx: AppContext, parent: QWidget):
        super().__init__(parent)
        self.ctx, self.parent_widget = ctx, parent
        self.dialog: ExportDialog | None = None
        self.done_box: QMessageBox | None = None
        self.exported: Exported | None = None

    def ask(self) -> ExportDialog | None:
        store = self.ctx.store
        if store.node is None:
            return None
        peers = [p for p in sync_status(store).peers if not p.revoked]
        if not peers:
            _message(self.parent_widget, QMessageBox.Icon.Information, self.tr("Export bundle"),
                     self.tr("This computer trusts no partner yet: trust a partner's card on the Sync page "
                             "first."))
            return None
        self.dialog = ExportDialog(store.node.country, peers, self.parent_widget)
        self.dialog.accepted.connect(lambda: self.run(self.dialog.path(), self.dialog.recipients(),
                                                      full=self.dialog.full, encrypt=self.dialog.encrypted))
        self.dialog.open()
        return self.dialog

    def run(self, path: Path, to: list[str], *, full: bool = False, encrypt: bool = False) -> None:
        job = ops.export_job(self.ctx.store, path, to=to, full=full, encrypt=encrypt)
        self.ctx.runner.run(job, on_done=self._written, on_error=lambda exc: self.ctx.explain(exc, self.parent_widget),
                            parent=self.parent_widget, label=self.tr("Writing {file}…").format(file=path.name))

    def _written(self, exported: Exported) -> None:
        self.exported = exported
        counts = ", ".join(f"{n} {self.tr(REGISTER_NAMES.get(r, r)).lower()}" for r, n in exported.counts.items())
        text = self.tr("{file} was written for {countries}: {n} records, {size}.").format(
            file=exported.path.name, countries=", ".join(exported.recipients) or self.tr("any trusted peer"),
            n=exported.total, size=_size(exported.size))
        if exported.encrypted:
            text += " " + self.tr("It is encrypted.")
        self.done_box = _message(self.parent_widget, QMessageBox.Icon.Information, self.tr("Bundle written"),
                                 text, counts)
        self.ctx.changes_applied.emit(Changes(registers={ops.SYNC}))  # counters and history move on


def _size(n: int) -> str:
    for unit in ("bytes", "kB", "MB"):
        if n < 1024 or unit == "MB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)
