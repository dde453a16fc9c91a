"""Draws a percentage (PERCENT_ROLE) as a slim bar with its number beside it, inside a table cell.

A slim bar and a separate label read better than a full-height progress bar whose text the
filled part cuts in two, and stay quiet in a table of many rows.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

PERCENT_ROLE = Qt.ItemDataRole.UserRole + 1  # an int 0–100 (None: draw the cell as usual)
BAR_HEIGHT = 6
GAP = 6


class PercentBarDelegate(QStyledItemDelegate):
    """Cells whose model gives an int under PERCENT_ROLE; other cells are drawn as usual."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(PERCENT_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        percent = max(0, min(100, int(value)))
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        text = cell.text or f"{percent} %"
        cell.text = ""  # the background and selection only; the number is drawn beside the bar
        style = cell.widget.style() if cell.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, cell.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        label_width = option.fontMetrics.horizontalAdvance("100 %")
        rect = option.rect.adjusted(GAP, 0, -GAP, 0)
        bar = QRectF(rect.left(), rect.center().y() - BAR_HEIGHT / 2 + 1,
                     max(10, rect.width() - label_width - GAP), BAR_HEIGHT)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        track = palette.color(QPalette.ColorRole.Midlight)
        if selected:  # a faint track on the selection colour, so the white filled part stands out
            track = QColor(palette.color(QPalette.ColorRole.HighlightedText))
            track.setAlphaF(0.3)
        painter.setBrush(track)
        painter.drawRoundedRect(bar, BAR_HEIGHT / 2, BAR_HEIGHT / 2)
        if percent:
            width = max(BAR_HEIGHT, bar.width() * percent / 100)
            filled = QRectF(bar.left(), bar.top(), width, BAR_HEIGHT)
            colour = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
            painter.setBrush(palette.color(colour))
            painter.drawRoundedRect(filled, BAR_HEIGHT / 2, BAR_HEIGHT / 2)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(text_role))
        painter.setFont(option.font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()
