"""Add an accreditation to an assessor: scope, number, dates (ui/accreditation_editor.ui)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ...domain.changes import Changes
from ..context import AppContext
from ..forms.ui_accreditation_editor import Ui_AccreditationEditor
from ..operations import assessors as ops
from .accreditation_fields import FIELDS, SHARED_LABELS, field_names
from .form_check import FormCheck


class AccreditationEditor(QDialog):
    """Saves on the worker; a refusal is shown beside its field and the dialog stays open."""

    def __init__(self, ctx: AppContext, assessor_id: str, holder: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.assessor_id = ctx, assessor_id
        self.changes: Changes | None = None
        self.ui = Ui_AccreditationEditor()
        self.ui.setupUi(self)
        self.ui.intro.setText(self.tr("New accreditation for {name}.").format(name=holder))
        node = ctx.store.node
        self.ui.fields.load_catalogue(ctx.store, node.country if node else None)
        self.save_button = self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.check = FormCheck(self.ui.fields.problems, self.save_button, self.ui.general_error,
                               field_names())
        self.check.bind_form(self.ui.fields.ui, FIELDS, SHARED_LABELS)
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        self.check.run()
        self.adjustSize()  # as tall as its fields

    def save(self) -> None:
        if not self.check.run():
            return
        self.save_button.setEnabled(False)
        operation = ops.add_accreditation(assessor_id=self.assessor_id,
                                          values=self.ui.fields.values())
        self.ctx.run_op(operation, parent=self, on_success=self._saved, on_failure=self._refused)

    def _saved(self, changes: Changes) -> None:
        self.changes = changes
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.check.show_refusal(exc)
        self.save_button.setEnabled(True)
