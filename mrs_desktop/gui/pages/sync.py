"""The Sync page: what has not been sent or acknowledged, the trusted peers and their cards,
bundles in and out, and the conflicts left for a person to decide."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QTableView, QWidget

from ...db.models import REGISTERS
from ...domain.errors import MrsError
from ...services import peers
from ...services.sync.conflicts import ConflictInfo, list_conflicts
from ...services.sync.status import SyncStatus, sync_status
from ...sync.cards import read_card
from ..context import AppContext
from ..dialogs.sync_cards import TRUST_HUB, TRUST_PEER, CardDialog, ask_revoke_reason
from ..dialogs.sync_flow import BundleExport, BundleImport, dropped_bundle, undo_import
from ..dialogs.sync_preview import enlarge, show_rows
from ..export import export_folder
from ..forms.ui_sync_page import Ui_SyncPage
from ..operations import sync as ops
from .base import Page
from .sync_models import when
from .sync_tables import conflicts_model, field_name, history_model, peers_model


class SyncPage(Page):
    name = "sync"
    registers = frozenset(REGISTERS) | {ops.SYNC, "conflict"}  # any edit is an unsent change

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setAcceptDrops(True)
        self.status: SyncStatus | None = None
        self.last_import: BundleImport | None = None
        self.last_export: BundleExport | None = None
        self.card_dialog: CardDialog | None = None
        self.ui = ui = Ui_SyncPage()
        ui.setupUi(self)
        self.tabs, self.unsent, self.counts, self.warnings = ui.sync_tabs, ui.unsent, ui.counts, ui.sync_warnings
        enlarge(ui.unsent, 1.3)
        self._show_tables()
        self._connect_buttons()
        self.refresh()

    # Layout (ui/sync_page.ui) -----------------------------------------------------------------------

    def _show_tables(self) -> None:
        ui = self.ui
        self.peers_model, self.peers_table = peers_model(self), ui.peers
        show_rows(ui.peers, self.peers_model, [8, 34, 7, 42, 9, 17, 17])
        self.conflicts_model, self.conflicts_table = conflicts_model(self), ui.conflicts
        show_rows(ui.conflicts, self.conflicts_model, [13, 44, 12, 34])
        self.history_model, self.history_table = history_model(self), ui.history
        show_rows(ui.history, self.history_model, [9, 12, 34, 16, 16, 11])
        for view in (ui.peers, ui.conflicts):
            view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

    def _connect_buttons(self) -> None:
        ui = self.ui
        self.import_button, self.export_button = ui.import_bundle, ui.export_bundle
        self.trust_button, self.my_card_button, self.revoke_button = ui.trust_card, ui.my_card, ui.revoke
        self.keep_button, self.restore_button, self.edit_button = ui.keep, ui.restore, ui.edit
        self.undo_button = ui.undo_import
        slots = {ui.import_bundle: self.import_bundle, ui.export_bundle: self.export_bundle,
                 ui.trust_card: self.trust_card, ui.my_card: self.show_my_card, ui.revoke: self.revoke,
                 ui.keep: lambda: self.resolve("keep"), ui.restore: lambda: self.resolve("restore"),
                 ui.edit: lambda: self.resolve("edit"), ui.undo_import: self.undo_import}
        for button, slot in slots.items():
            button.clicked.connect(lambda _checked=False, slot=slot: slot())  # `checked` is not a path

    # Reading ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        store = self.ctx.store
        if store.node is None:
            return
        self.status = status = sync_status(store)
        self.peers_model.set_rows(status.peers)
        self.conflicts_model.set_rows(list_conflicts(store))
        self.history_model.set_rows(status.history)
        self.unsent.setText(self.tr("1 unsent change") if status.unsent == 1
                            else self.tr("{n} unsent changes").format(n=status.unsent))
        self.counts.setText(self.tr("{conflicts} open conflicts · {held} records held").format(
            conflicts=status.open_conflicts, held=status.held))
        self.tabs.setTabText(1, self.tr("Conflicts ({n})").format(n=status.open_conflicts))
        lines = self.warning_lines(status)
        self.warnings.setText("\n".join("⚠ " + line for line in lines))
        self.warnings.setVisible(bool(lines))
        self._update_buttons()

    def warning_lines(self, status: SyncStatus) -> list[str]:
        lines = [self.tr("{country} has not acknowledged {n} of your changes (last bundle in {when})").format(
            country=p.country, n=p.unacknowledged, when=when(p.last_in_at) or self.tr("never"))
            for p in status.not_acknowledged_by]
        lines += [self.tr("A bundle from {country} is missing in the sequence: ask for a full export").format(
            country=g.country) for g in status.gaps]
        return lines

    def _selected(self, view: QTableView) -> Any:
        rows = view.selectionModel().selectedRows()
        return view.model().row_at(rows[0].row()) if rows else None

    def selected_conflict(self) -> ConflictInfo | None:
        return self._selected(self.conflicts_table)

    def _update_buttons(self) -> None:
        peer = self._selected(self.peers_table)
        self.revoke_button.setEnabled(peer is not None and not peer.revoked)
        conflict = self.selected_conflict()
        for button in (self.keep_button, self.restore_button, self.edit_button):
            button.setEnabled(conflict is not None)
        mine = conflict is not None and conflict.lost_is_mine
        theirs = conflict is not None and not conflict.lost_is_mine and conflict.kept_by == _home(self.ctx)
        self.keep_button.setText(self.tr("&Keep theirs") if mine else self.tr("&Keep mine") if theirs
                                 else self.tr("&Keep applied"))
        self.restore_button.setText(self.tr("Restore &mine") if mine else self.tr("Take &theirs") if theirs
                                    else self.tr("Restore &overwritten"))
        history = self.status.history if self.status else []
        newest_in = next((h for h in history if h.direction == "in"), None)
        self.undo_button.setEnabled(newest_in is not None and newest_in.undoable)

    # Peers -----------------------------------------------------------------------------------------

    def trust_card(self, path: Path | None = None) -> CardDialog | None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Trust a card"), str(export_folder()),
                                                  self.tr("Peer cards (*.mrscard)"))
            if not name:
                return None
            path = Path(name)
        try:
            card = read_card(path)
        except MrsError as exc:
            QMessageBox.warning(self, self.tr("Not a card"), str(exc))
            return None
        dialog = self.card_dialog = CardDialog(card, self)
        dialog.finished.connect(lambda result: self._trust(card, result))
        dialog.open()
        return dialog

    def _trust(self, card, result: int) -> None:
        if result in (TRUST_PEER, TRUST_HUB):
            role = "hub" if result == TRUST_HUB else "peer"
            self.ctx.run_op(ops.trust_card(card=card, role=role), parent=self)

    def show_my_card(self) -> CardDialog | None:
        try:
            card = peers.my_card(self.ctx.store)
        except MrsError as exc:
            QMessageBox.warning(self, self.tr("No card"), str(exc))
            return None
        dialog = self.card_dialog = CardDialog(card, self, trusting=False)
        dialog.save_button.clicked.connect(lambda: self.save_my_card())
        dialog.open()
        return dialog

    def save_my_card(self, path: Path | None = None) -> None:
        if path is None:
            node = self.ctx.store.node
            suggested = export_folder() / f"{node.country}-{node.organisation.split()[0]}.mrscard"
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save my card"), str(suggested),
                                                  self.tr("Peer cards (*.mrscard)"))
            if not name:
                return
            path = Path(name) if name.endswith(".mrscard") else Path(name + ".mrscard")
        store = self.ctx.store
        self.ctx.runner.run(lambda _progress: peers.export_card(store, path), on_error=lambda exc: self.ctx.explain(
            exc, self), on_done=lambda _card: self.ctx.status_message.emit(
            self.tr("Your card was saved to {path}").format(path=path)))

    def revoke(self) -> None:
        peer = self._selected(self.peers_table)
        if peer is None or peer.revoked:
            return
        reason = ask_revoke_reason(self, peer.country, peer.organisation)
        if reason:
            self.ctx.run_op(ops.revoke_peer(node_id=peer.node_id, country=peer.country, reason=reason),
                            parent=self)

    # Conflicts -------------------------------------------------------------------------------------

    def resolve(self, choice: str, value: Any = None) -> None:
        conflict = self.selected_conflict()
        if conflict is None:
            return
        if choice == "edit" and value is None:
            field = field_name(conflict.register, conflict.field)
            text, ok = QInputDialog.getText(self, self.tr("Edit the value"), self.tr(
                "New value of {field} of {record}:").format(field=field, record=conflict.label),
                text="" if conflict.kept_value is None else str(conflict.kept_value))
            if not ok:
                return
            value = typed_like(text, conflict.kept_value)
        self.ctx.run_op(ops.resolve_conflict(conflict_id=conflict.id, choice=choice, value=value), parent=self)

    # Bundles ---------------------------------------------------------------------------------------

    def import_bundle(self, path: Path | None = None) -> BundleImport:
        self.last_import = BundleImport(self.ctx, self.window())
        self.last_import.start(path) if path is not None else self.last_import.choose()
        return self.last_import

    def export_bundle(self) -> BundleExport:
        self.last_export = BundleExport(self.ctx, self.window())
        self.last_export.ask()
        return self.last_export

    def undo_import(self) -> None:
        undo_import(self.ctx, self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_bundle(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_bundle(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.import_bundle(path)


def _home(ctx: AppContext) -> str | None:
    return ctx.store.node.country if ctx.store.node else None


def typed_like(text: str, example: Any) -> Any:
    """The typed text as the kind of value the field holds (a number stays a number)."""
    text = text.strip()
    if isinstance(example, bool):
        return text.casefold() in ("yes", "true", "1")
    for kind in (int, float):
        if isinstance(example, kind):
            try:
                return kind(text)
            except ValueError:
                return text  # the service says what is wrong with it
    return text or None
