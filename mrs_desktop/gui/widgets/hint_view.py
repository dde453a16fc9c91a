"""A table that says why it is empty ("No items match the filters") instead of showing nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


def paint_hint(view: QAbstractItemView, text: str) -> None:
    """Draw `text` in the middle of an empty view's viewport, in the placeholder colour."""
    if not text or (view.model() is not None and view.model().rowCount() > 0):
        return
    painter = QPainter(view.viewport())
    painter.setPen(view.palette().color(QPalette.ColorRole.PlaceholderText))
    rect = view.viewport().rect().adjusted(16, 8, -16, -8)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
    painter.end()


class HintTableView(QTableView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._hint = ""

    def hint(self) -> str:
        return self._hint

    def set_hint(self, text: str) -> None:
        self._hint = text
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        paint_hint(self, self._hint)
