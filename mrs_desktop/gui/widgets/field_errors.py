"""Shows a service's validation errors next to the fields they name, before anything is saved."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ...domain.errors import FieldError, ValidationError

ERROR_STYLE = "color: #b00020;"
FIELD_STYLE = "border: 1px solid #b00020;"


class FieldErrors:
    """Pairs each field name with its widget and an error label placed under it in the form."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def bind(self, field: str, widget: QWidget, label: QLabel) -> None:
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        self._fields[field] = (widget, label)

    def clear(self) -> None:
        for widget, label in self._fields.values():
            label.hide()
            label.clear()
            widget.setStyleSheet("")

    def show(self, error: ValidationError) -> list[FieldError]:
        """Put each error beside its field; returns the errors no field here could show."""
        self.clear()
        unplaced = []
        first: QWidget | None = None
        for problem in error.errors:
            bound = self._fields.get(problem.field)
            if bound is None:
                unplaced.append(problem)
                continue
            widget, label = bound
            label.setText((label.text() + "\n" if label.text() else "") + problem.message)
            label.show()
            widget.setStyleSheet(FIELD_STYLE)
            first = first or widget
        if first is not None:
            first.setFocus()
        return unplaced

    def message_for(self, field: str) -> str:
        bound = self._fields.get(field)
        return bound[1].text() if bound and not bound[1].isHidden() else ""
