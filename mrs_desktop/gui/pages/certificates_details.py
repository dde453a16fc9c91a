"""The selected certificate in full, below the list: holder, what it certifies, its revocation,
and the text of its QR code with a Copy button (to send to someone who wants to verify it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.certificate_queries import CertificateRow
from ..dates import format_date
from ..models.certificates import kind_names, occupation_text, status_names
from ..widgets.choices import country_name


class CertificateDetails(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.row: CertificateRow | None = None
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in (("number", self.tr("Number")), ("holder", self.tr("Holder")),
                           ("occupation", self.tr("Occupation")), ("kind", self.tr("Certifies")),
                           ("units", self.tr("Units achieved")), ("issued", self.tr("Issued")),
                           ("revoked", self.tr("Revoked"))):
            value = QLabel()
            value.setObjectName(f"detail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(label, value)
        self.form = form
        self.payload = QPlainTextEdit()
        self.payload.setObjectName("payload")
        self.payload.setReadOnly(True)
        self.payload.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.payload.setToolTip(self.tr("The text of the QR code, signed by its issuer"))
        self.copy_button = QPushButton(self.tr("&Copy QR text"))
        self.copy_button.clicked.connect(self.copy_payload)
        qr_head = QHBoxLayout()
        qr_head.addWidget(QLabel(self.tr("QR code text")))
        qr_head.addStretch(1)
        qr_head.addWidget(self.copy_button)
        qr = QVBoxLayout()
        qr.addLayout(qr_head)
        qr.addWidget(self.payload, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(form, 3)
        layout.addLayout(qr, 2)
        self.show_certificate(None)

    def show_certificate(self, row: CertificateRow | None) -> None:
        self.row = row
        self.copy_button.setEnabled(row is not None)
        self.payload.setPlainText(row.payload if row else "")
        if row is None:
            for value in self.fields.values():
                value.setText("")
            self.fields["number"].setText(self.tr("Select a certificate to see it in full."))
            self._show_rows({"number"})
            return
        holder = f"{row.holder}\n{row.holder_native}" if row.holder_native else row.holder
        status = status_names().get(row.status, row.status)
        values = {
            "number": f"{row.number} · {status}",
            "holder": holder,
            "occupation": self.tr("{occupation}, AQRF level {level}").format(
                occupation=occupation_text(row), level=row.aqrf_level),
            "kind": kind_names().get(row.kind, row.kind),
            "units": ", ".join(row.units),
            "issued": self.tr("{date} by {country}").format(date=format_date(row.issued_on),
                                                           country=country_name(row.country)),
            "revoked": self.tr("{date}: {reason}").format(date=format_date(row.revoked_on),
                                                         reason=row.revoked_reason or "")
            if row.status == "revoked" else "",
        }
        for key, text in values.items():
            self.fields[key].setText(text)
        self._show_rows({key for key, text in values.items() if text})

    def _show_rows(self, keys: set[str]) -> None:
        for key, value in self.fields.items():
            self.form.setRowVisible(value, key in keys)

    def copy_payload(self) -> None:
        if self.row is not None:
            QGuiApplication.clipboard().setText(self.row.payload)
