"""Revoke a certificate: a required reason, a last confirmation, then the revocation on the worker.

Designed in ui/certificate_revoke.ui. The step can be undone from the Edit menu in this session
(before a bundle carries it to partners, that undo is the whole story; after, partners receive
the undo as a further change).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

from ...domain.changes import Changes
from ...domain.errors import FieldError
from ...domain.fields import Checker
from ...services.certificate_queries import CertificateRow
from ..context import AppContext
from ..forms.ui_certificate_revoke import Ui_CertificateRevoke
from ..operations import certificates as ops
from .form_check import FormCheck


def tr(text: str) -> str:
    return QCoreApplication.translate("RevokeDialog", text)


def describe(row: CertificateRow) -> str:
    holder = f"{row.holder} ({row.holder_native})" if row.holder_native else row.holder
    return tr("{number} — {holder}; {occupation}, AQRF level {level}").format(
        number=row.number, holder=holder, occupation=row.occupation_title or row.occupation_code,
        level=row.aqrf_level)


class RevokeDialog(QDialog):
    """Stays open and shows the service's refusal under the reason (e.g. already revoked)."""

    def __init__(self, ctx: AppContext, row: CertificateRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.changes: Changes | None = None
        self.ui = Ui_CertificateRevoke()
        self.ui.setupUi(self)
        self.ui.certificate.setText(describe(row))
        self.ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("Revoke…"))
        self.check = FormCheck(self.problems, self.ok, self.ui.general_error,
                               {"reason": tr("reason")})
        self.check.bind_form(self.ui, ("reason",))
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        self.check.run()

    def problems(self) -> list[FieldError]:
        chk = Checker()  # the service's own rule for the reason
        chk.text("reason", self.ui.reason.text(), required=True, max_len=500)
        return chk.errors

    def confirmed(self) -> bool:
        text = tr("Revoke certificate {number}, held by {holder}?\n\nReason: {reason}").format(
            number=self.row.number, holder=self.row.holder, reason=self.ui.reason.text().strip())
        answer = QMessageBox.question(self, tr("Revoke certificate"), text,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def save(self) -> None:
        if not self.check.run() or not self.confirmed():
            return
        operation = ops.revoke_certificate(number=self.row.number,
                                           reason=self.ui.reason.text().strip())
        self.ok.setEnabled(False)
        self.ctx.run_op(operation, parent=self, on_success=self._saved, on_failure=self._refused)

    def _saved(self, changes: Changes) -> None:
        self.changes = changes
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.check.show_refusal(exc)
        self.ok.setEnabled(True)
