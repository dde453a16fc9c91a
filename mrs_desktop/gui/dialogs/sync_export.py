"""Export bundle: which trusted peers it is for, only what they lack or everything, encrypted or
not, and the file to write (named after the countries and the day by default)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QListWidgetItem, QWidget

from ...services.sync.status import PeerStatus
from ..export import export_folder
from ..forms.ui_sync_export import Ui_ExportDialog

SUFFIX = ".mrsbundle"


def default_name(me: str, countries: list[str], today: date | None = None) -> str:
    """`KHM-to-THA-2026-11-23.mrsbundle`; several recipients joined with '-'."""
    to = "-".join(sorted(set(countries))) or "all"
    return f"{me}-to-{to}-{(today or date.today()).isoformat()}{SUFFIX}"


class ExportDialog(QDialog):
    """Accepting it leaves the choices in `recipients()`, `full`, `encrypted` and `path()`.
    Designed in ui/sync_export.ui."""

    def __init__(self, me: str, peers: list[PeerStatus], parent: QWidget | None = None):
        super().__init__(parent)
        self.me = me
        self._named_by_hand = False
        self.ui = ui = Ui_ExportDialog()
        ui.setupUi(self)
        self.peers, self.everything, self.encrypt, self.file = ui.recipients, ui.everything, ui.encrypt, ui.file
        self._list(peers)
        self.export_button = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("E&xport"))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.browse.clicked.connect(self._browse)
        self.peers.itemChanged.connect(lambda _item: self._update())
        self.file.textEdited.connect(self._typed)
        self._update()

    def _list(self, peers: list[PeerStatus]) -> None:
        """Every trusted peer, ticked: a bundle is usually for all of them."""
        for peer in peers:
            if peer.revoked:
                continue
            item = QListWidgetItem(self.tr("{country} — {organisation} ({n} changes not acknowledged)").format(
                country=peer.country, organisation=peer.organisation, n=peer.unacknowledged))
            item.setData(Qt.ItemDataRole.UserRole, (peer.node_id, peer.country))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.peers.addItem(item)

    @property
    def full(self) -> bool:
        return self.everything.isChecked()

    @property
    def encrypted(self) -> bool:
        return self.encrypt.isChecked()

    def _checked(self) -> list[tuple[str, str]]:
        items = (self.peers.item(row) for row in range(self.peers.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def recipients(self) -> list[str]:
        """Node ids of the checked peers."""
        return [node_id for node_id, _country in self._checked()]

    def path(self) -> Path:
        path = Path(self.file.text().strip())
        return path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)

    def _typed(self, _text: str) -> None:
        self._named_by_hand = True
        self._update()

    def _update(self) -> None:
        if not self._named_by_hand:
            countries = [country for _node, country in self._checked()]
            self.file.setText(str(export_folder() / default_name(self.me, countries)))
        self.export_button.setEnabled(bool(self._checked()) and bool(self.file.text().strip()))

    def _browse(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Export bundle"), self.file.text(),
                                                    self.tr("MRS bundles (*.mrsbundle)"))
        if name:
            self._named_by_hand = True
            self.file.setText(name)
            self._update()
