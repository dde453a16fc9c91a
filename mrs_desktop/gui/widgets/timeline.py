"""An action item's progress updates drawn as a timeline: a line of dots, newest at the top.

Each entry shows its date and author, what it moved (status, percent) and its text, wrapped to
the width of the view; the entry heights follow the width when the view is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ..models.action_plans import RECORD_ROLE, change_text, update_heading
from .hint_view import paint_hint

GUTTER = 28  # room for the line and the dots, left of the text
PAD = 6
DOT = 5


class TimelineDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView):
        super().__init__(view)
        self._view = view

    def _text_width(self) -> int:
        return max(120, self._view.viewport().width() - GUTTER - 2 * PAD)

    @staticmethod
    def _bold(font: QFont) -> QFont:
        bold = QFont(font)
        bold.setBold(True)
        return bold

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        row = index.data(RECORD_ROLE)
        if row is None:
            return super().sizeHint(option, index)
        heading = QFontMetrics(self._bold(option.font)).height()
        body = QFontMetrics(option.font).boundingRect(
            QRect(0, 0, self._text_width(), 100_000), Qt.TextFlag.TextWordWrap, row.text).height()
        return QSize(self._text_width() + GUTTER, PAD + heading + 2 + body + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        row = index.data(RECORD_ROLE)
        if row is None:
            return
        palette = option.palette
        rect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold = self._bold(option.font)
        heading_height = QFontMetrics(bold).height()
        self._paint_line(painter, rect, index, palette, rect.top() + PAD + heading_height // 2 + 1)
        left = rect.left() + GUTTER
        heading = QRect(left, rect.top() + PAD, rect.width() - GUTTER - PAD, heading_height)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        title = update_heading(row)
        painter.drawText(heading, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        change = change_text(row)
        if change:
            offset = QFontMetrics(bold).horizontalAdvance(title + "   ")
            painter.setPen(palette.color(QPalette.ColorRole.Link))
            painter.drawText(heading.adjusted(offset, 0, 0, 0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, change)
        painter.setFont(option.font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        body = QRect(left, heading.bottom() + 2, self._text_width(), rect.bottom() - heading.bottom())
        wrapped = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(body, wrapped, row.text)
        painter.restore()

    def _paint_line(self, painter: QPainter, rect: QRect, index, palette: QPalette, dot_y: int) -> None:
        """The line joins the dots: from the first dot down, to the last dot from above."""
        x = rect.left() + GUTTER // 2
        last = index.row() == index.model().rowCount() - 1
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 2))
        top = dot_y if index.row() == 0 else rect.top()
        bottom = dot_y if last else rect.bottom() + 1
        if bottom > top:
            painter.drawLine(x, top, x, bottom)
        row = index.data(RECORD_ROLE)
        moved = row.new_status is not None or row.new_percent is not None
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(accent, 2))
        # A filled dot marks an update that moved the item; an open one, a note only.
        painter.setBrush(accent if moved else palette.color(QPalette.ColorRole.Base))
        painter.drawEllipse(QPointF(x, dot_y), DOT, DOT)


class TimelineView(QListView):
    """Read-only list of progress updates; says so when there are none."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setItemDelegate(TimelineDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # entries re-wrap when the width changes
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self._hint = ""

    def hint(self) -> str:
        return self._hint

    def set_hint(self, text: str) -> None:
        self._hint = text
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        paint_hint(self, self._hint)
