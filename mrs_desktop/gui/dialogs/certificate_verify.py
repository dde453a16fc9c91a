"""Verify certificate…: she types a certificate number or pastes the text of its QR code, and
sees at once whether it is valid, revoked, tampered, untrusted or unknown here, and why.

Verification is offline and takes about a millisecond (services.certificate_verify), so it runs
on the GUI thread: as soon as the text looks whole (a full number, or a pause after pasting or
scanning a QR text), and whenever she presses Verify.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import MrsError
from ...services.certificate_verify import Verification, verify
from ...sync import qr_payload
from ..context import AppContext
from ..dates import format_date
from ..widgets.choices import country_name
from .certificate_verdict import Verdict, verdict

NUMBER = re.compile(r"^[A-Za-z]{3}-\d{4}-\d{6,}$")
SETTLE_MS = 300  # a scanner or a paste delivers the text in bursts: check once it has settled
BANNER = {  # background, border, text: readable in light and dark themes alike
    "good": ("#e3f4e8", "#1e7b3c", "#145a2b"),
    "bad": ("#fbe4e4", "#b3261e", "#8c1d18"),
    "doubt": ("#fdf1d8", "#b26a00", "#7a4a00"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("VerifyDialog", text)


def looks_whole(text: str) -> bool:
    text = text.strip()
    return bool(NUMBER.match(text)) or qr_payload.is_payload_text(text)


class VerifyDialog(QDialog):
    """Non-modal: she may keep it open beside the list and check one certificate after another."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.answer: Verification | None = None
        self.shown: Verdict | None = None
        self.setWindowTitle(tr("Verify certificate"))
        self.resize(720, 520)
        self._build()
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._verify_if_whole)
        self.text.textChanged.connect(self._typed)
        self.verify_button.clicked.connect(self.verify_now)
        self.paste_button.clicked.connect(self.paste_and_verify)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.verify_now)
        self._show_nothing()

    def _build(self) -> None:
        intro = QLabel(tr("Type the certificate number (e.g. KHM-2026-000123), or paste the text "
                          "of its QR code. Nothing leaves this computer: the answer comes from the "
                          "keys and the bundles this node holds."))
        intro.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("verify_text")
        self.text.setPlaceholderText(tr("KHM-2026-000123, or MRS1:…"))
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 4 + 14)
        self.verify_button = QPushButton(tr("&Verify"))
        self.verify_button.setDefault(True)
        self.paste_button = QPushButton(tr("&Paste and verify"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.paste_button)
        row.addWidget(self.verify_button)
        self.banner = QFrame()
        self.banner.setObjectName("verdict_banner")
        self.word = QLabel()
        self.word.setObjectName("verdict_word")
        font = QFont(self.word.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.word.setFont(font)
        self.sentence = QLabel()
        self.sentence.setObjectName("verdict_sentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        banner = QVBoxLayout(self.banner)
        banner.addWidget(self.word)
        banner.addWidget(self.sentence)
        self.details = QWidget()
        self.form = QFormLayout(self.details)
        self.fields: dict[str, QLabel] = {}
        for key, label in (("number", tr("Number")), ("holder", tr("Holder")),
                           ("holder_native", tr("Name in own script")),
                           ("occupation", tr("Occupation")), ("units", tr("Units")),
                           ("issuer", tr("Issued by")), ("recognised", tr("Recognised here as"))):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            self.form.addRow(label, value)
        native = QFont(self.fields["holder_native"].font())
        native.setPointSizeF(native.pointSizeF() * 1.4)
        self.fields["holder_native"].setFont(native)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addWidget(self.banner)
        layout.addWidget(self.details)
        layout.addStretch(1)  # the answer stays under the text whether or not details follow
        layout.addWidget(buttons)

    # Verifying ------------------------------------------------------------------------------------

    def verify_text(self, text: str) -> Verdict | None:
        """Put `text` in the box and verify it now (the page's "Verify" on a row, tests)."""
        self.text.blockSignals(True)
        self.text.setPlainText(text)
        self.text.blockSignals(False)
        return self.verify_now()

    def verify_now(self) -> Verdict | None:
        self._settle.stop()
        text = self.text.toPlainText().strip()
        if not text:
            self._show_nothing()
            return None
        try:
            answer = verify(self.ctx.store, text)
        except MrsError as exc:  # no node yet: nothing to verify against
            self._show_nothing(str(exc))
            return None
        self._show(answer)
        return self.shown

    def paste_and_verify(self) -> None:
        self.verify_text(QGuiApplication.clipboard().text())

    def _typed(self) -> None:
        if looks_whole(self.text.toPlainText()):
            self._settle.start()
        else:
            self._settle.stop()
            if self.answer is not None:
                self._show_nothing()  # the last answer is not about this text any more

    def _verify_if_whole(self) -> None:
        if looks_whole(self.text.toPlainText()):
            self.verify_now()

    # Showing --------------------------------------------------------------------------------------

    def _show_nothing(self, message: str = "") -> None:
        self.answer = self.shown = None
        self.banner.setStyleSheet("")
        self.word.setText("")
        self.sentence.setText(message or tr("The answer appears here."))
        self.details.hide()

    def _show(self, answer: Verification) -> None:
        here = self.ctx.store.node.country if self.ctx.store.node else None
        self.answer, self.shown = answer, verdict(answer, here)
        background, border, ink = BANNER[self.shown.tone]
        self.banner.setStyleSheet(
            f"QFrame#verdict_banner {{ background: {background}; border: 2px solid {border};"
            f" border-radius: 6px; }} QFrame#verdict_banner QLabel {{ color: {ink}; }}")
        self.word.setText(self.shown.word)
        self.sentence.setText(self.shown.sentence)
        self._fill_details(answer)

    def _fill_details(self, answer: Verification) -> None:
        # A forged or unverifiable text's claims are not repeated as if they were facts.
        if answer.status in ("tampered", "untrusted") or answer.holder is None:
            self.details.hide()
            return
        occupation = answer.occupation_title or answer.occupation_code or ""
        values = {
            "number": answer.number or "",
            "holder": answer.holder or "",
            "holder_native": answer.holder_native or "",
            "occupation": tr("{occupation} ({code}), AQRF level {level}").format(
                occupation=occupation, code=answer.occupation_code, level=answer.aqrf_level),
            "units": ", ".join(answer.units),
            "issuer": tr("{organisation}, {country}, on {date}").format(
                organisation=answer.issuer_organisation or "",
                country=country_name(answer.issuer_country),
                date=format_date(answer.issued_on)),
            "recognised": "\n".join(answer.recognised_as),
        }
        for key, value in values.items():
            self.fields[key].setText(value)
            self.form.setRowVisible(self.fields[key], bool(value))
        self.details.show()
