"""What every register editor does alike: check as the user types, save on the worker, and keep
the dialog open with each problem beside its field when the save is refused.

A field's messages appear once the user has changed it (a blank new form is not scolded);
after a first Save every message shows. The checks are the domain's own, so what the form says
before saving is what the service would say.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractSpinBox, QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit,
    QPlainTextEdit, QWidget,
)

from ...domain.changes import Changes
from ...domain.errors import FieldError, MrsError, ValidationError
from ..context import AppContext
from ..operations import Op
from ..widgets.field_errors import ERROR_STYLE, FieldErrors

NOTE_STYLE = "background: #fff4d6; border: 1px solid #e0c27a; border-radius: 3px; padding: 6px;"
# Services name the field an AlreadyExists is about: "training_ref: KHM already has …".
_FIELD_PREFIX = re.compile(r"^([a-z_]+): (.+)$", re.DOTALL)


class RecordEditor(QDialog):
    """Subclasses build their form, bind fields with `bind`, and give values/check/operation."""

    saved = Signal(object)  # Changes, before the dialog closes

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.errors = FieldErrors()
        self._touched: set[str] = set()
        self._tried = False
        self._saving = False
        self.read_only = False
        self._shown: list[tuple[str, str]] = []

    # For subclasses: every editor defines these three (Qt's metaclass rules out abc.ABC here;
    # tests/gui cover each editor, so a missing one fails there) ------------------------------

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def check(self, values: dict[str, Any]) -> list[FieldError]:
        """The domain's checks of `values`; every problem, none raised."""
        raise NotImplementedError

    def operation(self, values: dict[str, Any]) -> Op:
        raise NotImplementedError

    def setup_common(self, note: QLabel, problems: QLabel, buttons: QDialogButtonBox) -> None:
        self._note, self._problems, self._buttons = note, problems, buttons
        note.setStyleSheet(NOTE_STYLE)
        note.hide()
        problems.setStyleSheet(ERROR_STYLE)
        problems.setWordWrap(True)
        problems.hide()
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def bind(self, fields: str | tuple[str, ...], widget: QWidget, label: QLabel, changed=None) -> None:
        """Show `fields`' messages in `label`; `changed` (a signal) marks them touched."""
        names = (fields,) if isinstance(fields, str) else fields
        for name in names:
            self.errors.bind(name, widget, label)
        if changed is not None:
            changed.connect(lambda *_args: self.touch(*names))

    def touch(self, *fields: str) -> None:
        self._touched.update(fields)
        self.revalidate()

    def show_note(self, text: str) -> None:
        self._note.setText(text)
        self._note.show()

    # Read-only (a partner's record) ----------------------------------------------------------

    def make_read_only(self, note: str) -> None:
        """Fields can be read and copied but not changed; only Close remains."""
        self.read_only = True
        self.show_note(note)
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QComboBox):
                widget.setEnabled(False)
            elif isinstance(widget, (QLineEdit, QPlainTextEdit)) and not isinstance(widget.parent(), QComboBox):
                widget.setReadOnly(True)
                widget.setPlaceholderText("")  # "type a code…" invites an edit that cannot be made
            elif isinstance(widget, (QAbstractSpinBox, QAbstractButton)) and \
                    widget.parent() is not self._buttons:
                widget.setEnabled(False)
        self._buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    # Checking and saving ---------------------------------------------------------------------

    def revalidate(self) -> list[FieldError]:
        problems = self.check(self.values())
        shown = problems if self._tried else [p for p in problems if p.field in self._touched]
        self._show(shown, keep_focus=True)
        return problems

    def save(self) -> None:
        if self.read_only or self._saving:
            return
        self._tried = True
        values = self.values()
        problems = self.check(values)
        if problems:
            self._show(problems, keep_focus=False)
            return
        self._set_saving(True)
        self.ctx.run_op(self.operation(values), parent=self, on_success=self._saved,
                        on_failure=self._refused)

    def reject(self) -> None:
        if not self._saving:  # the worker will call back into this dialog
            super().reject()

    def _saved(self, changes: Changes) -> None:
        self._set_saving(False)
        self.saved.emit(changes)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._set_saving(False)
        if isinstance(exc, ValidationError):
            self._show(exc.errors, keep_focus=False)
        elif isinstance(exc, MrsError):
            found = _FIELD_PREFIX.match(str(exc))
            self._show([FieldError(found[1], found[2])] if found else [FieldError("", str(exc))],
                       keep_focus=False)
        else:
            self.ctx.explain(exc, self)

    def _show(self, problems: list[FieldError], *, keep_focus: bool) -> None:
        shown = [(p.field, p.message) for p in problems]
        if keep_focus and shown == self._shown:
            return  # nothing new to say: leave the form still while she types
        self._shown = shown
        # While she types, a message appearing elsewhere must not pull the cursor away.
        unplaced = self.errors.show(ValidationError(problems), focus=not keep_focus)
        text = "\n".join(f"{p.field.replace('_', ' ')}: {p.message}" if p.field else p.message
                         for p in unplaced)
        self._problems.setText(text)
        self._problems.setVisible(bool(text))

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for button in self._buttons.buttons():
            button.setEnabled(not saving)
