"""Peer cards on screen: a partner's card before trusting it, and this node's own card, each with
its fingerprint large enough to read out by phone; and the question before revoking a peer."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QPushButton, QWidget

from ...domain.reference import countries
from ...sync.cards import Card
from ..forms.ui_sync_card import Ui_CardDialog

TRUST_PEER, TRUST_HUB = 10, 11  # dialog results besides Rejected


def fingerprint_lines(fingerprint: str) -> str:
    """The fingerprint in two lines of four groups, to read out group by group."""
    groups = fingerprint.split()
    return " ".join(groups[:4]) + "\n" + " ".join(groups[4:])


def _country(code: str) -> str:
    known = countries().get(code)
    return f"{known.name} ({code})" if known else code


class CardDialog(QDialog):
    """Shows a card. `trusting`: buttons Trust as peer / Trust as hub / Cancel, and the dialog's
    result is TRUST_PEER or TRUST_HUB; otherwise (this node's own card) Save card… and Close.
    Designed in ui/sync_card.ui (the fingerprint's big monospaced font is set there)."""

    def __init__(self, card: Card, parent: QWidget | None = None, *, trusting: bool = True):
        super().__init__(parent)
        self.card = card
        self.ui = ui = Ui_CardDialog()
        ui.setupUi(self)
        self.fingerprint, self.buttons = ui.fingerprint, ui.buttons
        self._show(card)
        if trusting:
            self._add(self.tr("Trust as &peer"), TRUST_PEER, "trust_peer")
            self._add(self.tr("Trust as &hub"), TRUST_HUB, "trust_hub")
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            self.setWindowTitle(self.tr("This computer's card"))
            ui.intro.setText(self.tr("Your card, to send to partners:"))
            ui.advice.setText(self.tr("When a partner trusts your card, they read these characters to you by "
                                      "phone; they must match."))
            self.save_button = self.buttons.addButton(self.tr("&Save card…"),
                                                      QDialogButtonBox.ButtonRole.ActionRole)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

    def _show(self, card: Card) -> None:
        ui = self.ui
        ui.country.setText(_country(card.country))
        ui.organisation.setText(card.organisation)
        ui.focal_point.setText(card.focal_point or "")
        ui.card_form.setRowVisible(ui.focal_point, bool(card.focal_point))
        ui.node.setText(card.node_id)
        ui.fingerprint.setText(fingerprint_lines(card.fingerprint))
        # "Monospace" is a family only fontconfig knows; elsewhere the hint picks the fixed font.
        font = ui.fingerprint.font()
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        ui.fingerprint.setFont(font)

    def _add(self, text: str, result: int, name: str) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter must not trust a card by accident
        button.clicked.connect(lambda: self.done(result))
        return button


def ask_revoke_reason(parent: QWidget | None, country: str, organisation: str) -> str | None:
    """The reason for revoking a peer (kept with the peer and shown when its bundles are refused)."""
    text, ok = QInputDialog.getText(
        parent, QDialog.tr("Revoke a peer"),
        QDialog.tr("Stop trusting {organisation} ({country})? Its bundles will be refused and no bundle "
                   "will be made for it; its records stay.\n\nReason:").format(
            organisation=organisation, country=country))
    text = text.strip()
    return text if ok and text else None
