"""Checks a form as the user types, with the domain's own rules, and shows the services' verdict.

Messages appear under the fields she has touched (an empty form is not scolded) and Save stays
disabled while any rule fails; a refusal from the service after Save goes under its field too,
or in the form's general line when no field here can show it.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QComboBox, QDateEdit, QLabel, QLineEdit, QPlainTextEdit, QSpinBox,
    QWidget,
)

from ...domain.errors import FieldError, MrsError, ValidationError
from ..widgets.field_errors import ERROR_STYLE, FieldErrors

_FIELD_PREFIX = re.compile(r"^([a-z_]+): (.+)$", re.DOTALL)


class FormCheck:
    """Binds `err_<field>` labels to fields; `check()` returns the current problems."""

    def __init__(self, check: Callable[[], list[FieldError]], save: QAbstractButton | None,
                 general: QLabel, names: dict[str, str]):
        self._check = check
        self._save = save
        self._general = general
        self._names = names  # field key -> the label the user sees, for messages naming a field
        self._errors = FieldErrors()
        self._pairs: dict[str, tuple[QWidget, QLabel]] = {}
        self._touched: set[str] = set()
        self.problems: list[FieldError] = []
        general.setStyleSheet(ERROR_STYLE)
        general.setWordWrap(True)
        general.hide()

    def bind_form(self, ui: object, fields: Iterable[str],
                  shared: dict[str, str] | None = None) -> None:
        """Bind each field's widget (`ui.<field>`) and its error label (`ui.err_<field>`);
        `shared` names fields that show their messages under another field's label."""
        shared = shared or {}
        for field in fields:
            self.bind(field, getattr(ui, field), getattr(ui, "err_" + shared.get(field, field)))

    def bind(self, field: str, widget: QWidget, label: QLabel) -> None:
        self._errors.bind(field, widget, label)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._pairs[field] = (widget, label)
        _on_edit(widget, lambda *_a, f=field: self.touched(f))

    def touched(self, field: str) -> None:
        self._touched.add(field)
        self.run()

    def run(self) -> bool:
        """Re-check now; shows messages of touched fields only; True when all is well."""
        self.problems = [self._humane(p) for p in self._check()]
        self._general.hide()
        touched = [p for p in self.problems if p.field in self._touched]
        self._errors.show(ValidationError(touched), focus=False)  # the cursor stays where she types
        _make_room(self._general.window())
        if self._save is not None:
            self._save.setEnabled(not self.problems)
        return not self.problems

    def show_refusal(self, exc: BaseException) -> None:
        """The service said no after Save: messages under their fields, the rest on one line."""
        if isinstance(exc, ValidationError):
            errors = [self._humane(e) for e in exc.errors]
        elif isinstance(exc, MrsError):
            errors = [_field_error(str(exc), self._pairs)]
        else:
            errors = [FieldError("", f"{type(exc).__name__}: {exc}")]
        unplaced = self._errors.show(ValidationError(errors))
        if unplaced:
            self._general.setText("\n".join(str(e) if e.field else e.message for e in unplaced))
            self._general.show()
        _make_room(self._general.window())

    def _humane(self, error: FieldError) -> FieldError:
        message = error.message
        for key, name in self._names.items():
            message = re.sub(rf"\b{key}\b", name, message)
        return FieldError(error.field, message, error.row)


def _field_error(text: str, fields: dict) -> FieldError:
    # Some refusals name their field as a prefix ("assessor_ref: KHM already has ...").
    match = _FIELD_PREFIX.match(text)
    if match and match.group(1) in fields:
        return FieldError(match.group(1), match.group(2))
    return FieldError("", text)


def _make_room(window: QWidget) -> None:
    """Grow the form when a message wraps onto more lines than it has room for.

    Qt does not grow a window for a word-wrapped label (its height depends on its width), so a
    long message would be cut off. The form only grows, never shrinks, so it stays still as
    she types.
    """
    layout = window.layout()
    if layout is None or not window.isVisible():
        return
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the new texts' heights
    layout.activate()
    if layout.hasHeightForWidth():
        needed = layout.totalMinimumHeightForWidth(window.width())
    else:
        needed = layout.totalMinimumSize().height()
    if needed > window.height():
        window.resize(window.width(), needed)


def _on_edit(widget: QWidget, slot) -> None:
    if isinstance(widget, QLineEdit):
        widget.textEdited.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(slot)
        if widget.isEditable():
            widget.editTextChanged.connect(slot)
    elif isinstance(widget, QDateEdit):
        widget.dateChanged.connect(slot)
    elif isinstance(widget, QSpinBox):
        widget.valueChanged.connect(slot)
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(slot)
