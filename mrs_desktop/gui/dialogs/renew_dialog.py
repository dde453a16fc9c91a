"""Renew an accreditation: a new one continues it, and the old one keeps its dates (history).

Designed in ui/renew_accreditation.ui. The new period starts when the old one ends (or today,
if it already ended) and lasts as long as the old one did; she may change both.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ...domain import assessors as rules
from ...domain.changes import Changes
from ...domain.errors import FieldError
from ...domain.fields import Checker
from ...services.search import AccreditationDetail
from ..context import AppContext
from ..dates import format_date
from ..forms.ui_renew_accreditation import Ui_RenewAccreditation
from ..operations import assessors as ops
from .accreditation_fields import field_names
from .form_check import FormCheck


class RenewDialog(QDialog):
    def __init__(self, ctx: AppContext, old: AccreditationDetail, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.old = ctx, old
        self.changes: Changes | None = None
        self.ui = Ui_RenewAccreditation()
        self.ui.setupUi(self)
        intro = self.tr("Renew {number} ({scope}, level {level}), valid until {end}.")
        self.ui.intro.setText(intro.format(
            number=old.accreditation_no, level=old.aqrf_level, end=format_date(old.valid_until),
            scope=old.occupation or old.sector or self.tr("no occupation")))
        self.ui.accreditation_no.setPlaceholderText(f"{old.accreditation_no}-R")
        start = max(old.valid_until, date.today())
        self.ui.accredited_on.set_value(start)
        self.ui.valid_until.set_value(start + (old.valid_until - old.accredited_on))
        self.save_button = self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Renew"))
        self.check = FormCheck(self.problems, self.save_button, self.ui.general_error,
                               field_names())
        self.check.bind_form(self.ui, ("accreditation_no", "accredited_on", "valid_until"))
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        self.check.run()
        self.adjustSize()  # as tall as its fields

    def number(self) -> str:
        return self.ui.accreditation_no.text().strip() or f"{self.old.accreditation_no}-R"

    def problems(self) -> list[FieldError]:
        chk = Checker()
        rules.check_accreditation({"aqrf_level": self.old.aqrf_level,
                                   "accreditation_no": self.number(),
                                   "accredited_on": self.ui.accredited_on.value(),
                                   "valid_until": self.ui.valid_until.value()}, chk)
        return chk.errors

    def save(self) -> None:
        if not self.check.run():
            return
        operation = ops.renew_accreditation(
            accreditation_id=self.old.id, valid_until=self.ui.valid_until.value(),
            accreditation_no=self.ui.accreditation_no.text().strip() or None,
            accredited_on=self.ui.accredited_on.value())
        self.save_button.setEnabled(False)
        self.ctx.run_op(operation, parent=self, on_success=self._saved, on_failure=self._refused)

    def _saved(self, changes: Changes) -> None:
        self.changes = changes
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.check.show_refusal(exc)
        self.save_button.setEnabled(True)
