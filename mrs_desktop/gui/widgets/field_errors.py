"""Shows a service's validation errors next to the fields they name, before anything is saved."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ...domain.errors import FieldError, ValidationError

ERROR_STYLE = "color: #b00020;"
FIELD_STYLE = "border: 1px solid #b00020;"


class FieldErrors:
    """Pairs each field name with its widget and an error label placed under it in the form.

    Only what changed is touched, so a form checked on every keystroke stays still.
    """

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def bind(self, field: str, widget: QWidget, label: QLabel) -> None:
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        self._fields[field] = (widget, label)

    def clear(self) -> None:
        self.show(ValidationError([]), focus=False)

    def show(self, error: ValidationError, *, focus: bool = True) -> list[FieldError]:
        """Put each error beside its field (and only those); returns the errors no field here
        could show. `focus` moves the cursor to the first wrong field: right after Save, never
        while she types (the message would pull the cursor out of the field she is in)."""
        messages: dict[int, list[str]] = {}  # by id(label): two fields may share a label
        wrong: set[int] = set()
        unplaced: list[FieldError] = []
        first: QWidget | None = None
        for problem in error.errors:
            bound = self._fields.get(problem.field)
            if bound is None:
                unplaced.append(problem)
                continue
            widget, label = bound
            messages.setdefault(id(label), []).append(problem.message)
            wrong.add(id(widget))
            first = first or widget
        for widget, label in self._fields.values():
            _set_style(widget, FIELD_STYLE if id(widget) in wrong else "")
            _set_text(label, "\n".join(messages.get(id(label), [])))
        if focus and first is not None:
            first.setFocus()
        return unplaced

    def message_for(self, field: str) -> str:
        bound = self._fields.get(field)
        return bound[1].text() if bound and not bound[1].isHidden() else ""


def _set_style(widget: QWidget, style: str) -> None:
    if widget.styleSheet() != style:  # a new style sheet re-polishes the widget: only when needed
        widget.setStyleSheet(style)


def _set_text(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)
    label.setVisible(bool(text))
