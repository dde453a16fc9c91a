"""The assessor form (ui/assessor_editor.ui): the person, and either the first accreditation (a new
assessor) or the list of accreditations with add, renew, suspend, revoke and reinstate.

It checks the services' rules as she types, saves on the worker, and when the service still
refuses, shows why beside the field and stays open. A partner's record opens read-only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QMessageBox, QWidget

from ...domain import assessors as rules
from ...domain.changes import Changes
from ...domain.errors import FieldError, NotFound
from ...domain.fields import Checker
from ...services.search import AccreditationDetail, AssessorDetail, get_assessor
from ..context import AppContext
from ..forms.ui_assessor_editor import Ui_AssessorEditor
from ..models.assessors import AccreditationsModel, owner_note, setup_accreditation_table
from ..operations import assessors as ops
from .accreditation_editor import AccreditationEditor
from .accreditation_fields import FIELDS as ACCREDITATION_FIELDS, SHARED_LABELS, field_names
from .form_check import FormCheck
from .renew_dialog import RenewDialog
from .status_dialog import Candidate, StatusDialog, applies_to

PERSON_FIELDS = ("family_name", "given_names", "name_native", "sex", "date_of_birth", "email",
                 "phone", "organisation", "assessor_ref")
NEW_FORM_WIDTH = 860  # wide enough for a message under each field on one line
TEXT_FIELDS = ("family_name", "given_names", "name_native", "email", "phone", "organisation",
               "assessor_ref")


def tr(text: str) -> str:
    return QCoreApplication.translate("AssessorEditor", text)


class AssessorEditor(QDialog):
    """`assessor_id` None: a new assessor. `saved_id` holds the record saved, once it is."""

    def __init__(self, ctx: AppContext, assessor_id: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.assessor_id = ctx, assessor_id
        self.saved_id: str | None = None
        self.detail: AssessorDetail | None = None
        self.ui = ui = Ui_AssessorEditor()
        ui.setupUi(self)
        for text, value in ((tr("not recorded"), None), (tr("Female"), "female"),
                            (tr("Male"), "male"), (tr("Other"), "other")):
            ui.sex.addItem(text, value)
        self.save_button = ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.check = FormCheck(self.problems, self.save_button, ui.general_error, field_names())
        self.check.bind_form(ui, PERSON_FIELDS)
        self.check.bind_form(ui.first_accreditation.ui, ACCREDITATION_FIELDS, SHARED_LABELS)
        ui.first_accreditation_group.toggled.connect(lambda _on: self.check.run())
        ui.buttons.accepted.connect(self.save)
        ui.buttons.rejected.connect(self.reject)
        self.accreditations = AccreditationsModel(self)
        setup_accreditation_table(ui.accreditations, self.accreditations)
        if assessor_id is None:
            self._start_new()
        else:
            self._load(assessor_id)
        self._loaded = self.values()
        self.check.run()
        if assessor_id is None:
            self.adjustSize()  # no accreditation list: only as tall as the form
            self.resize(max(self.width(), NEW_FORM_WIDTH), self.height())

    # Setting up ---------------------------------------------------------------------------------

    def _start_new(self) -> None:
        self.setWindowTitle(tr("New assessor"))
        self.ui.owner_note.hide()
        self.ui.accreditations_group.hide()
        node = self.ctx.store.node
        self.ui.first_accreditation.load_catalogue(self.ctx.store, node.country if node else None)

    def _load(self, assessor_id: str) -> None:
        self.ui.first_accreditation_group.hide()
        detail = get_assessor(self.ctx.store, assessor_id)
        self.detail = detail
        self.setWindowTitle(" ".join(p for p in (detail.family_name, detail.given_names) if p))
        for field in TEXT_FIELDS:
            getattr(self.ui, field).setText(getattr(detail, field) or "")
        self.ui.sex.setCurrentIndex(max(0, self.ui.sex.findData(detail.sex)))
        self.ui.date_of_birth.set_value(detail.date_of_birth)
        self.accreditations.set_accreditations(detail.accreditations)
        self.ui.accreditations.selectionModel().selectionChanged.connect(self._update_buttons)
        if detail.accreditations:
            self.ui.accreditations.selectRow(0)
        self._connect_accreditation_buttons()
        self.ctx.changes_applied.connect(self._on_changes)
        if detail.read_only:
            self._make_read_only(detail.country)
        else:
            self.ui.owner_note.hide()
        self._update_buttons()

    def _make_read_only(self, country: str) -> None:
        self.ui.owner_note.setText(owner_note(country))
        self.ui.owner_note.setStyleSheet("font-weight: bold;")
        for field in PERSON_FIELDS:
            widget = getattr(self.ui, field)
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(True)
            else:
                widget.setEnabled(False)
        self.ui.required_note.hide()
        self.save_button.hide()
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Close"))
        for button in self._accreditation_buttons():
            button.hide()

    def is_read_only(self) -> bool:
        return self.detail is not None and self.detail.read_only

    # Values and rules ---------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {f: getattr(self.ui, f).text().strip() or None
                                  for f in TEXT_FIELDS}
        values["sex"] = self.ui.sex.currentData()
        values["date_of_birth"] = self.ui.date_of_birth.value()
        return values

    def first_accreditation(self) -> dict[str, Any] | None:
        if self.assessor_id is not None or not self.ui.first_accreditation_group.isChecked():
            return None
        return self.ui.first_accreditation.values()

    def problems(self) -> list[FieldError]:
        """The rules the services apply (domain.assessors), so she learns them before saving."""
        chk = Checker()
        node = self.ctx.store.node
        home = self.detail.country if self.detail else (node.country if node else "")
        rules.check_assessor(self.values(), chk, home_country=home)
        errors = list(chk.errors)
        if self.first_accreditation() is not None:
            errors += self.ui.first_accreditation.problems()
        return errors

    # Saving -------------------------------------------------------------------------------------

    def save(self) -> None:
        if self.is_read_only() or not self.check.run():
            return
        if self.assessor_id is None:
            first = self.first_accreditation()
            operation = ops.add_assessor(values=self.values(),
                                         accreditations=[first] if first else [])
        elif self.values() == self._loaded:
            self.accept()
            return
        else:
            operation = ops.update_assessor(assessor_id=self.assessor_id, values=self.values())
        self.save_button.setEnabled(False)
        self.ctx.run_op(operation, parent=self, on_success=self._saved, on_failure=self._refused)

    def _saved(self, changes: Changes) -> None:
        self.saved_id = self.assessor_id or changes.primary
        self._loaded = self.values()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.check.show_refusal(exc)
        self.save_button.setEnabled(True)

    def reject(self) -> None:
        """Closing with unsaved edits asks first: nothing she typed is lost silently."""
        if not self.is_read_only() and self.values() != self._loaded and QMessageBox.question(
                self, tr("Discard changes?"), tr("Close the form and discard your changes?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Discard:
            return
        super().reject()

    # Accreditations of an existing assessor -----------------------------------------------------

    def _accreditation_buttons(self):
        ui = self.ui
        return (ui.add_accreditation, ui.renew_accreditation, ui.suspend_accreditation,
                ui.revoke_accreditation, ui.reinstate_accreditation)

    def _connect_accreditation_buttons(self) -> None:
        ui = self.ui
        ui.add_accreditation.clicked.connect(self.add_accreditation)
        ui.renew_accreditation.clicked.connect(self.renew_accreditation)
        ui.suspend_accreditation.clicked.connect(lambda: self.change_status("suspended"))
        ui.revoke_accreditation.clicked.connect(lambda: self.change_status("revoked"))
        ui.reinstate_accreditation.clicked.connect(lambda: self.change_status("active"))
        ui.accreditations.doubleClicked.connect(lambda _index: self.renew_accreditation())

    def selected_accreditation(self) -> AccreditationDetail | None:
        rows = self.ui.accreditations.selectionModel().selectedRows()
        return self.accreditations.accreditation(rows[0].row()) if rows else None

    def _update_buttons(self, *_args) -> None:
        acc = self.selected_accreditation()
        ui = self.ui
        ui.renew_accreditation.setEnabled(acc is not None and acc.status != "revoked")
        ui.suspend_accreditation.setEnabled(acc is not None and applies_to("suspended", acc))
        ui.revoke_accreditation.setEnabled(acc is not None and applies_to("revoked", acc))
        ui.reinstate_accreditation.setEnabled(acc is not None and applies_to("active", acc))

    def holder(self) -> str:
        return " ".join(p for p in (self.ui.family_name.text(), self.ui.given_names.text()) if p)

    def add_accreditation(self) -> AccreditationEditor:
        dialog = AccreditationEditor(self.ctx, self.assessor_id, self.holder(), self)
        dialog.open()
        return dialog

    def renew_accreditation(self) -> RenewDialog | None:
        acc = self.selected_accreditation()
        if acc is None or acc.status == "revoked" or self.is_read_only():
            return None
        dialog = RenewDialog(self.ctx, acc, self)
        dialog.open()
        return dialog

    def change_status(self, status: str) -> StatusDialog | None:
        acc = self.selected_accreditation()
        if acc is None or not applies_to(status, acc):
            return None
        dialog = StatusDialog(self.ctx, status, [Candidate(self.holder(), acc)], self)
        dialog.open()
        return dialog

    def _on_changes(self, changes: Changes) -> None:
        if self.assessor_id is None or not changes.registers & {"accreditation", "assessor"}:
            return
        selected = self.selected_accreditation()
        try:
            detail = get_assessor(self.ctx.store, self.assessor_id)
        except NotFound:  # removed meanwhile (another window, an undo): nothing left to edit
            self.ui.general_error.setText(tr("This assessor was removed."))
            self.ui.general_error.show()
            self.save_button.setEnabled(False)
            return
        self.detail = detail
        self.accreditations.set_accreditations(detail.accreditations)
        ids = [a.id for a in detail.accreditations]
        wanted = changes.primary if changes.primary in ids else None  # the one just added
        if wanted is None and selected is not None and selected.id in ids:
            wanted = selected.id
        if wanted is not None:
            self.ui.accreditations.selectRow(ids.index(wanted))
        self._update_buttons()
