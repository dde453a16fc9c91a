"""A horizontal stacked bar chart drawn with QPainter, whose every segment clicks through.

QtCharts is not part of PySide6-Essentials, which the app ships; a few bars need no more than
this. Each bar is a row (a sector, a country), each segment a series (a level, a status); the
numbers are written on the segments that have room and beside each bar, and every segment
names itself in a tooltip, so colour is never the only way to read the chart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush, QColor, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

MARGIN = 4
ROW = 23  # one bar's line
BAR = 16  # the bar's thickness within it
SWATCH = 12
GAP = 8
OUTLINE = "#7b8794"
HATCH = "#b8c0c9"  # light enough for the number drawn over it


@dataclass(frozen=True)
class Series:
    """One kind of segment (AQRF level 2, status "blocked"): its legend text and colours."""

    key: Any
    label: str
    color: str
    text_color: str = "#1f2933"  # the number written on the segment; dark on light fills
    hatched: bool = False  # diagonal lines and an outline: a pale fill still reads as a segment


@dataclass(frozen=True)
class Bar:
    """One row of the chart: its label and a value per series key."""

    key: Any
    label: str
    values: Mapping[Any, int] = field(default_factory=dict)
    clickable: bool = True
    tooltip: str = ""  # what the row stands for, when the label alone does not say

    @property
    def total(self) -> int:
        return sum(self.values.values())


@dataclass(frozen=True)
class Hit:
    """What a click landed on: a bar, and one of its segments (None: the label or the total)."""

    bar: Any
    series: Any = None


@dataclass(frozen=True)
class Segment:
    hit: Hit
    rect: QRectF
    value: int
    bar_label: str
    series_label: str


class StackedBarChart(QWidget):
    """Emits `segment_clicked(bar key, series key or None)` for a click or Enter on a segment."""

    segment_clicked = Signal(object, object)

    def __init__(self, parent: QWidget | None = None, *, empty_text: str = ""):
        super().__init__(parent)
        self.empty_text = empty_text
        self._series: list[Series] = []
        self._bars: list[Bar] = []
        self._segments: list[Segment] = []  # laid out for the current size
        self._labels: list[tuple[QRectF, Bar]] = []  # label and total areas
        self._legend: list[tuple[QRectF, Series]] = []
        self._current = -1  # the segment chosen with the keyboard
        self._hover: Hit | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # Data --------------------------------------------------------------------------------------

    def set_data(self, series: list[Series], bars: list[Bar]) -> None:
        self._series, self._bars = list(series), list(bars)
        self._current = -1
        self._hover = None
        self._layout()
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def segments(self) -> list[Segment]:
        """Every drawn segment with its rectangle, in the order of bars then series."""
        return list(self._segments)

    def segment_rect(self, bar: Any, series: Any) -> QRectF | None:
        for segment in self._segments:
            if segment.hit == Hit(bar, series):
                return QRectF(segment.rect)
        return None

    # Geometry ----------------------------------------------------------------------------------

    def _legend_height(self, width: float) -> float:
        return self._lay_legend(width)[1]

    def _lay_legend(self, width: float) -> tuple[list[tuple[QRectF, Series]], float]:
        fm = QFontMetrics(self.font())
        line = max(fm.height(), SWATCH) + 4
        x, y, placed = float(MARGIN), float(MARGIN), []
        for series in self._series:
            needed = SWATCH + 4 + fm.horizontalAdvance(series.label)
            if x > MARGIN and x + needed > width - MARGIN:
                x, y = float(MARGIN), y + line
            placed.append((QRectF(x, y, needed, line), series))
            x += needed + 2 * GAP
        return placed, (y + line + GAP if self._series else MARGIN)

    def _label_width(self, width: float) -> float:
        fm = QFontMetrics(self.font())
        widest = max((fm.horizontalAdvance(b.label) for b in self._bars), default=0)
        return min(widest + 2, width * 0.38)

    def _total_width(self) -> float:
        fm = QFontMetrics(self.font())
        return max((fm.horizontalAdvance(number_text(b.total)) for b in self._bars), default=0) + GAP

    def _layout(self) -> None:
        width = float(max(self.width(), 200))
        self._legend, top = self._lay_legend(width)
        label_w = self._label_width(width)
        x0 = MARGIN + label_w + GAP
        x1 = width - MARGIN - self._total_width()
        biggest = max((b.total for b in self._bars), default=0)
        scale = (x1 - x0) / biggest if biggest else 0.0
        self._segments, self._labels = [], []
        labels = {s.key: s.label for s in self._series}
        for row, bar in enumerate(self._bars):
            y = top + row * ROW
            x = x0
            for series in self._series:
                value = bar.values.get(series.key, 0)
                if value <= 0:
                    continue
                w = max(3.0, value * scale)  # a segment of one stays visible and clickable
                rect = QRectF(x, y + (ROW - BAR) / 2, w, BAR)
                self._segments.append(Segment(Hit(bar.key, series.key), rect, value, bar.label,
                                              labels[series.key]))
                x += w
            self._labels.append((QRectF(MARGIN, y, label_w, ROW), bar))
            self._labels.append((QRectF(x, y, width - MARGIN - x, ROW), bar))

    def _content_height(self, width: float) -> int:
        return int(self._legend_height(width) + max(1, len(self._bars)) * ROW + MARGIN)

    def sizeHint(self) -> QSize:
        return QSize(420, self._content_height(max(self.width(), 420)))

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self._content_height(max(self.width(), 240)))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._content_height(width)

    def resizeEvent(self, event) -> None:
        self._layout()
        needed = self._content_height(self.width())
        if self.minimumHeight() != needed:  # the legend may wrap onto another line
            self.setMinimumHeight(needed)
        super().resizeEvent(event)

    # Hit-testing -------------------------------------------------------------------------------

    def hit(self, pos: QPointF) -> Hit | None:
        """The clickable segment (or bar label / total) under `pos`, in widget coordinates."""
        for segment in self._segments:
            if segment.rect.adjusted(0, -2, 0, 2).contains(pos) and self._clickable(segment.hit.bar):
                return segment.hit
        for rect, bar in self._labels:  # names and totals, with the gaps beside them
            if rect.adjusted(-MARGIN, 0, GAP, 0).contains(pos) and bar.clickable:
                return Hit(bar.key)
        return None

    def _clickable(self, key: Any) -> bool:
        return any(b.key == key and b.clickable for b in self._bars)

    def describe(self, hit: Hit) -> str:
        """A segment in words: "Construction, AQRF level 2: 1,234" (tooltips, accessibility)."""
        bar = next(b for b in self._bars if b.key == hit.bar)
        if hit.series is None:
            text = f"{bar.label}: {number_text(bar.total)}"
        else:
            label = next(s.label for s in self._series if s.key == hit.series)
            text = f"{bar.label}, {label}: {number_text(bar.values.get(hit.series, 0))}"
        return text + (f"\n{bar.tooltip}" if bar.tooltip else "")

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self.hit(event.position())
        if hit != self._hover:
            self._hover = hit
            self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
            self.update()
        under = hit or self._any_hit(event.position())
        if under is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self.describe(under), self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def _any_hit(self, pos: QPointF) -> Hit | None:
        """Also the bars that cannot be clicked: their tooltip still tells their numbers."""
        for segment in self._segments:
            if segment.rect.contains(pos):
                return segment.hit
        return None

    def leaveEvent(self, event) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        hit = self.hit(event.position()) if event.button() == Qt.MouseButton.LeftButton else None
        if hit is not None:
            self.segment_clicked.emit(hit.bar, hit.series)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrows move between segments, Enter opens the one chosen: the chart works without a mouse."""
        choices = [i for i, s in enumerate(self._segments) if self._clickable(s.hit.bar)]
        key = event.key()
        if choices and key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
            step = 1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
            at = choices.index(self._current) if self._current in choices else (-1 if step > 0 else 0)
            self._current = choices[(at + step) % len(choices)]
            chosen = self._segments[self._current]
            pos = self.mapToGlobal(chosen.rect.center().toPoint())
            QToolTip.showText(pos, self.describe(chosen.hit), self)
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._current in choices:
            hit = self._segments[self._current].hit
            self.segment_clicked.emit(hit.bar, hit.series)
        else:
            super().keyPressEvent(event)

    # Painting ----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        if not self._bars:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        self._paint_legend(painter, text)
        self._paint_labels(painter, text)
        for index, segment in enumerate(self._segments):
            self._paint_segment(painter, segment, index)

    def _paint_legend(self, painter: QPainter, text: QColor) -> None:
        for rect, series in self._legend:
            swatch = QRectF(rect.x(), rect.center().y() - SWATCH / 2, SWATCH, SWATCH)
            _fill(painter, swatch, series, QColor(series.color))
            painter.setPen(QPen(QColor(OUTLINE), 0.6))
            painter.drawRect(swatch)
            painter.setPen(text)
            painter.drawText(rect.adjusted(SWATCH + 4, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, series.label)

    def _paint_labels(self, painter: QPainter, text: QColor) -> None:
        fm = QFontMetrics(self.font())
        for n, (rect, bar) in enumerate(self._labels):
            painter.setPen(text)
            if n % 2 == 0:  # the bar's name, right-aligned against its bar
                label = fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(rect.width()))
                painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label)
            else:  # the bar's total, just after it
                painter.drawText(rect.adjusted(4, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, number_text(bar.total))

    def _paint_segment(self, painter: QPainter, segment: Segment, index: int) -> None:
        series = next(s for s in self._series if s.key == segment.hit.series)
        fill = QColor(series.color)
        if self._hover == segment.hit:
            fill = fill.darker(115)
        _fill(painter, segment.rect, series, fill)
        if series.hatched:
            painter.setPen(QPen(QColor(OUTLINE), 1))
            painter.drawRect(segment.rect.adjusted(0.5, 0.5, -0.5, -0.5))
        else:
            painter.setPen(QPen(QColor("#ffffff"), 1))  # a hairline keeps neighbouring segments apart
            painter.drawLine(segment.rect.topRight(), segment.rect.bottomRight())
        label = number_text(segment.value)
        if QFontMetrics(self.font()).horizontalAdvance(label) + 6 <= segment.rect.width():
            painter.setPen(QColor(series.text_color))
            painter.drawText(segment.rect, Qt.AlignmentFlag.AlignCenter, label)
        if index == self._current and self.hasFocus():
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(segment.rect.adjusted(-1, -1, 1, 1))


def _fill(painter: QPainter, rect: QRectF, series: Series, colour: QColor) -> None:
    painter.fillRect(rect, colour)
    if series.hatched:
        painter.fillRect(rect, QBrush(QColor(HATCH), Qt.BrushStyle.BDiagPattern))


def number_text(value: int) -> str:
    """1,234 as the user's locale writes it (digit groups even where Qt's C locale omits them)."""
    locale = QLocale()
    if locale.numberOptions() & QLocale.NumberOption.OmitGroupSeparator:
        return f"{int(value):,}"
    return locale.toString(int(value))
