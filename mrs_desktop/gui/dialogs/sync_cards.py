"""Peer cards on screen: a partner's card before trusting it, and this node's own card, each with
its fingerprint large enough to read out by phone; and the question before revoking a peer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QInputDialog, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from ...domain.reference import countries
from ...sync.cards import Card

TRUST_PEER, TRUST_HUB = 10, 11  # dialog results besides Rejected


def fingerprint_label(fingerprint: str) -> QLabel:
    """The fingerprint in two lines of four groups, big and monospaced: 0 and O, 1 and I differ."""
    groups = fingerprint.split()
    label = QLabel(" ".join(groups[:4]) + "\n" + " ".join(groups[4:]))
    label.setObjectName("fingerprint")
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(22)
    font.setBold(True)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet("QLabel { background: #f4f6f9; border: 1px solid #c9d1dc; border-radius: 6px;"
                        " padding: 14px 22px; }")
    return label


def _country(code: str) -> str:
    known = countries().get(code)
    return f"{known.name} ({code})" if known else code


class CardDialog(QDialog):
    """Shows a card. `trusting`: buttons Trust as peer / Trust as hub / Cancel, and the dialog's
    result is TRUST_PEER or TRUST_HUB; otherwise (this node's own card) Save card… and Close."""

    def __init__(self, card: Card, parent: QWidget | None = None, *, trusting: bool = True):
        super().__init__(parent)
        self.card = card
        self.setWindowTitle(self.tr("Trust a partner's card") if trusting else self.tr("This computer's card"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("A partner's card:") if trusting else self.tr("Your card, to send to partners:"))
        layout.addWidget(intro)
        form = QFormLayout()
        form.addRow(self.tr("Country:"), QLabel(_country(card.country)))
        form.addRow(self.tr("Organisation:"), QLabel(card.organisation))
        if card.focal_point:
            form.addRow(self.tr("Focal point:"), QLabel(card.focal_point))
        node = QLabel(card.node_id)
        node.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Node:"), node)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Fingerprint:")))
        self.fingerprint = fingerprint_label(card.fingerprint)
        layout.addWidget(self.fingerprint)
        advice = QLabel(self.tr("Read these characters to the sender by phone; trust only if they match.")
                        if trusting else
                        self.tr("When a partner trusts your card, they read these characters to you by "
                                "phone; they must match."))
        advice.setObjectName("advice")
        advice.setWordWrap(True)
        layout.addWidget(advice)
        self.buttons = QDialogButtonBox()
        if trusting:
            self._add(self.tr("Trust as &peer"), TRUST_PEER, "trust_peer")
            self._add(self.tr("Trust as &hub"), TRUST_HUB, "trust_hub")
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            self.save_button = self.buttons.addButton(self.tr("&Save card…"),
                                                      QDialogButtonBox.ButtonRole.ActionRole)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

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
