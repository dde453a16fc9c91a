"""A removable note that a list is filtered by something no control on the page shows.

A dashboard figure may open a register with a filter the page has no box for ("due within 30
days", "starting in 2026"); the chip says so, or the user would wonder why the list is short,
and its Clear button shows the whole list again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

STYLE = """
QFrame#filter_chip { background: #e8f0fa; border: 1px solid #9dbbe0; border-radius: 10px; }
QFrame#filter_chip QLabel { color: #1f4f85; }
QFrame#filter_chip QToolButton {
    border: none; color: #1f4f85; text-decoration: underline; padding: 0 2px;
}
QFrame#filter_chip QToolButton:hover { color: #0b2e57; }
"""


class FilterChip(QFrame):
    """Hidden until `show_filter(text)`; `cleared` is emitted when the user removes the filter."""

    cleared = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("filter_chip")
        self.setStyleSheet(STYLE)
        self.label = QLabel()
        self.label.setObjectName("filter_chip_text")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("filter_chip_clear")
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove this filter and show the whole list"))
        self.clear_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clear_button.clicked.connect(self._clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 1, 4, 1)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.clear_button)
        self.hide()

    def show_filter(self, text: str | None) -> None:
        """Show "Filtered: <text>", or hide the chip when `text` is None."""
        self.label.setText(self.tr("Filtered: {what}").format(what=text) if text else "")
        self.setVisible(bool(text))

    def text(self) -> str:
        return self.label.text() if not self.isHidden() else ""

    def _clear(self) -> None:
        self.hide()
        self.cleared.emit()
