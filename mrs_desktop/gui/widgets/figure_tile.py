"""A dashboard figure: a big number, what it counts, and a click (or Enter) to see those records."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from .charts import number_text

# A quiet card; an orange edge (with the word in the caption, never colour alone) marks a figure
# that asks for action when it is not zero.
STYLE = """
QFrame#figure_tile { background: palette(base); border: 1px solid #d5dbe2; border-radius: 6px; }
QFrame#figure_tile:hover { border-color: #2f6fb3; }
QFrame#figure_tile:focus { border: 2px solid #2f6fb3; }
QFrame#figure_tile[attention="true"] { border-left: 5px solid #d55e00; }
QLabel#figure_value { font-size: 17pt; font-weight: bold; }
QLabel#figure_caption { color: #52606d; }
"""


class FigureTile(QFrame):
    """Clickable; `clicked` opens the register filtered to what the figure counts."""

    clicked = Signal()

    def __init__(self, title: str, parent: QWidget | None = None, *, asks_action: bool = False):
        super().__init__(parent)
        self.setObjectName("figure_tile")
        self.setStyleSheet(STYLE)
        self.asks_action = asks_action
        self.value_label = QLabel("–")
        self.value_label.setObjectName("figure_value")
        self.title_label = QLabel(title)
        self.title_label.setObjectName("figure_title")
        self.title_label.setWordWrap(True)
        self.caption_label = QLabel()
        self.caption_label.setObjectName("figure_caption")
        self.caption_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 6)
        layout.setSpacing(0)
        layout.addWidget(self.value_label)
        layout.addWidget(self.title_label)
        layout.addWidget(self.caption_label)
        layout.addStretch(1)
        self.value = 0
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(118)

    def set_figure(self, value: int, caption: str = "") -> None:
        self.value = value
        self.value_label.setText(number_text(value))
        self.caption_label.setText(caption)
        self.caption_label.setVisible(bool(caption))
        attention = self.asks_action and value > 0
        if self.property("attention") != attention:
            self.setProperty("attention", attention)
            self.style().unpolish(self)
            self.style().polish(self)
        self.setAccessibleName(f"{self.title_label.text()}: {self.value_label.text()}")

    def title(self) -> str:
        return self.title_label.text()

    def set_title(self, title: str) -> None:
        self.title_label.setText(title)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
        else:
            super().keyPressEvent(event)
