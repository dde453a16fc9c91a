"""Certificate identity: the ministry's name in the national language and its logo, as this
node's certificates print them, with a live sample certificate beside the fields.

The logo is read and checked when chosen, then saved into the database with the name on OK (so
it travels with a backup; the file picked may go away afterwards).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from ...db.store import Store
from ...db.uow import UnitOfWork
from ...domain.errors import MrsError
from ...services.certificate_identity import (CertificateIdentity, certificate_identity, read_logo,
                                              sample_view, set_certificate_identity)

LOGO_BOX = 96      # preview pixels
SAMPLE_WIDTH = 420  # sample certificate thumbnail pixels (A4 landscape)


def tr(text: str) -> str:
    return QCoreApplication.translate("CertificateIdentityDialog", text)


class CertificateIdentityDialog(QDialog):
    """Edits the identity; OK saves both parts at once, Cancel leaves them as they were."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(tr("Certificate identity"))
        saved = certificate_identity(store)
        self.organisation, self.logo = saved.organisation, saved.logo
        self.country = store.node.country if store.node else ""
        self._folder = tempfile.TemporaryDirectory(prefix="mrs-sample-")
        self._build(saved)
        self._sample_timer = QTimer(self, singleShot=True, interval=250)
        self._sample_timer.timeout.connect(self.draw_sample)
        self.native.textChanged.connect(self._sample_timer.start)
        self.show_logo()
        self.draw_sample()

    def _build(self, saved: CertificateIdentity) -> None:
        intro = QLabel(tr("How this node's certificates show the issuing ministry. Partners' "
                          "certificates keep their own."), wordWrap=True)
        self.english = QLabel(saved.organisation, textInteractionFlags=Qt.TextSelectableByMouse)
        self.native = QLineEdit(saved.organisation_native or "", maxLength=300,
                                placeholderText=tr("e.g. the ministry's name in Khmer, Lao or Thai"))
        self.logo_preview = QLabel(alignment=Qt.AlignCenter)
        self.logo_preview.setFixedSize(LOGO_BOX, LOGO_BOX)
        self.logo_preview.setStyleSheet("border: 1px solid palette(mid);")
        self.logo_about = QLabel(wordWrap=True)
        self.choose = QPushButton(tr("Choose logo…"))
        self.remove = QPushButton(tr("Remove logo"))
        self.choose.clicked.connect(self.choose_logo)
        self.remove.clicked.connect(lambda: self.set_logo(None))
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.sample = QLabel(alignment=Qt.AlignCenter)
        self.sample.setMinimumSize(SAMPLE_WIDTH, int(SAMPLE_WIDTH * 595 / 842))
        self.sample.setAccessibleName(tr("Sample certificate"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        logo_buttons = QVBoxLayout()
        for widget in (self.logo_about, self.choose, self.remove):
            logo_buttons.addWidget(widget)
        logo_buttons.addStretch()
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addLayout(logo_buttons, 1)
        form = QFormLayout()
        form.addRow(tr("Ministry (English):"), self.english)
        form.addRow(tr("Ministry (national language):"), self.native)
        form.addRow(tr("Logo:"), logo_row)
        fields = QVBoxLayout()
        fields.addWidget(intro)
        fields.addLayout(form)
        fields.addWidget(self.error)
        fields.addStretch()
        body = QHBoxLayout()
        body.addLayout(fields, 1)
        body.addWidget(self.sample)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.buttons)

    # The logo ------------------------------------------------------------------------------------

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("The ministry's logo"), str(Path.home()),
                                              tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.take_logo_file(Path(path))

    def take_logo_file(self, path: Path) -> bool:
        """Read and check the file; a refusal is shown and the logo stays as it was."""
        try:
            data = read_logo(path)
        except MrsError as exc:
            self.show_error(str(exc))
            return False
        self.set_logo(data)
        return True

    def set_logo(self, data: bytes | None) -> None:
        self.logo = data
        self.show_error(None)
        self.show_logo()
        self._sample_timer.start()

    def show_logo(self) -> None:
        self.remove.setEnabled(self.logo is not None)
        if self.logo is None:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(tr("no logo"))
            self.logo_about.setText(tr("PNG or JPEG, at most 2 MB; printed 2.3 cm wide."))
            return
        image = QImage.fromData(self.logo)
        self.logo_preview.setPixmap(QPixmap.fromImage(image).scaled(
            LOGO_BOX - 4, LOGO_BOX - 4, Qt.KeepAspectRatio, Qt.SmoothTransformation))
        info = CertificateIdentity("", None, self.logo).logo_info
        self.logo_about.setText(info.describe() if info else "")

    def show_error(self, text: str | None) -> None:
        self.error.setText(text or "")
        self.error.setVisible(bool(text))

    # The sample ----------------------------------------------------------------------------------

    def identity(self) -> CertificateIdentity:
        return CertificateIdentity(self.organisation, self.native.text().strip() or None, self.logo)

    def draw_sample(self) -> None:
        """Render a one-page sample PDF and show it small (about 0.1 s; after typing pauses)."""
        from PySide6.QtPdf import QPdfDocument

        from ...documents import render_certificates

        path = Path(self._folder.name) / "sample.pdf"
        try:
            render_certificates([sample_view(self.identity(), self.country)], path)
        except MrsError as exc:
            self.sample.setText(str(exc))
            return
        document = QPdfDocument(self)
        document.load(str(path))
        size = document.pagePointSize(0)
        height = round(SAMPLE_WIDTH * size.height() / size.width()) if size.width() else SAMPLE_WIDTH
        self.sample.setPixmap(QPixmap.fromImage(document.render(0, QSize(SAMPLE_WIDTH, height))))
        document.close()
        document.deleteLater()

    # Saving --------------------------------------------------------------------------------------

    def save(self) -> None:
        identity = self.identity()
        try:
            set_certificate_identity(UnitOfWork(self.store),
                                     organisation_native=identity.organisation_native,
                                     logo=identity.logo)
        except MrsError as exc:
            self.show_error(str(exc))
            return
        self.accept()

    def done(self, result: int) -> None:
        self._sample_timer.stop()
        self._folder.cleanup()
        super().done(result)
