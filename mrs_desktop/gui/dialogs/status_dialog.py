"""Suspend, revoke or reinstate accreditations, with a reason and the date it takes effect.

The dialog lists every accreditation the action applies to (of one assessor or of several),
all ticked; she unticks the ones to leave alone. Designed in ui/status_change.ui.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from ...domain.changes import Changes
from ...domain.errors import FieldError, ValidationError
from ...domain.fields import Checker
from ...services.search import AccreditationDetail
from ..context import AppContext
from ..dates import format_date
from ..forms.ui_status_change import Ui_StatusChange
from ..operations import assessors as ops
from .form_check import FormCheck

STATUSES = ("suspended", "revoked", "active")


def tr(text: str) -> str:
    return QCoreApplication.translate("StatusDialog", text)


@dataclass(frozen=True)
class Candidate:
    """An accreditation the action may apply to, with its holder's name for the list."""

    holder: str
    accreditation: AccreditationDetail


def applies_to(status: str, acc: AccreditationDetail) -> bool:
    """Suspend what is in force; revoke anything not yet revoked; reinstate what is suspended."""
    if status == "suspended":
        return acc.status == "active"
    if status == "revoked":
        return acc.status != "revoked"
    return acc.status == "suspended"


def action_title(status: str) -> str:
    return {"suspended": tr("Suspend accreditations"), "revoked": tr("Revoke accreditations"),
            "active": tr("Reinstate accreditations")}[status]


def nothing_to_do(status: str) -> str:
    return {"suspended": tr("No accreditation here is active, so there is nothing to suspend."),
            "revoked": tr("Every accreditation here is already revoked."),
            "active": tr("No accreditation here is suspended, so there is nothing to reinstate."),
            }[status]


class StatusDialog(QDialog):
    """Runs the status change on the worker; stays open and explains when the service refuses."""

    def __init__(self, ctx: AppContext, status: str, candidates: list[Candidate],
                 parent: QWidget | None = None, *, selected: int = 1):
        super().__init__(parent)
        assert status in STATUSES
        self.ctx, self.status = ctx, status
        self.changes: Changes | None = None
        self.ui = Ui_StatusChange()
        self.ui.setupUi(self)
        self.setWindowTitle(action_title(status))
        self.ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText({"suspended": tr("Suspend"), "revoked": tr("Revoke"),
                         "active": tr("Reinstate")}[status])
        self.ui.on_date.set_value(date.today())
        self.ui.reason_label.setText(tr("Reason *") if status != "active" else tr("Reason"))
        self._fill(candidates, selected)
        self.check = FormCheck(self.problems, self.ok, self.ui.general_error,
                               {"status_reason": tr("reason")})
        self.check.bind_form(self.ui, ("reason", "on_date"))
        self.ui.accreditations.itemChanged.connect(lambda _item: self.check.run())
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        self.check.run()

    def _fill(self, candidates: list[Candidate], selected: int) -> None:
        """`selected`: how many assessors she chose (some may have nothing this applies to)."""
        holders = {c.holder for c in candidates}
        named = selected > 1 or len(holders) > 1
        intro = {
            "suspended": tr("Suspend these accreditations. A suspended accreditation can be "
                            "reinstated later."),
            "revoked": tr("Revoke these accreditations. A revocation is final: a revoked "
                          "accreditation cannot be reinstated or renewed."),
            "active": tr("Reinstate these suspended accreditations."),
        }[self.status]
        if selected > len(holders):
            if len(holders) == 1:
                note = tr("Only one of the {n} assessors selected has any it applies to.")
            else:
                note = tr("{m} of the {n} assessors selected have any it applies to.")
            intro += " " + note.format(n=selected, m=len(holders))
        self.ui.intro.setText(intro)
        for candidate in candidates:
            acc = candidate.accreditation
            parts = (acc.accreditation_no, acc.occupation or acc.sector,
                     tr("level {n}").format(n=acc.aqrf_level),
                     tr("valid until {date}").format(date=format_date(acc.valid_until)))
            scope = " · ".join(p for p in parts if p)
            item = QListWidgetItem(f"{candidate.holder} — {scope}" if named else scope)
            item.setToolTip(item.text())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, acc.id)
            self.ui.accreditations.addItem(item)

    def chosen_ids(self) -> list[str]:
        items = (self.ui.accreditations.item(r) for r in range(self.ui.accreditations.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items
                if i.checkState() == Qt.CheckState.Checked]

    def problems(self) -> list[FieldError]:
        # The same checks set_accreditation_status makes, with the dialog's field names.
        chk = Checker()
        chk.text("reason", self.ui.reason.text(), required=self.status != "active", max_len=500)
        if self.ui.on_date.value() is None:
            chk.fail("on_date", "is required")
        if not self.chosen_ids():
            chk.fail("accreditations", "tick at least one accreditation")
        return chk.errors

    def save(self) -> None:
        if not self.check.run():
            return
        operation = ops.set_accreditation_status(
            accreditation_ids=self.chosen_ids(), status=self.status,
            reason=self.ui.reason.text().strip() or None, on_date=self.ui.on_date.value())
        self.ok.setEnabled(False)
        self.ctx.run_op(operation, parent=self, on_success=self._saved, on_failure=self._refused)

    def _saved(self, changes: Changes) -> None:
        self.changes = changes
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        # The service names status_reason / status_date; show them under this dialog's fields.
        self.check.show_refusal(_renamed(exc))
        self.ok.setEnabled(True)


def _renamed(exc: BaseException) -> BaseException:
    if isinstance(exc, ValidationError):
        names = {"status_reason": "reason", "status_date": "on_date"}
        return ValidationError([FieldError(names.get(e.field, e.field), e.message, e.row)
                                for e in exc.errors])
    return exc
