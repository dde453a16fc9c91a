"""A date entry with a calendar picker that may also be left empty ("not set").

`RequiredDateField` is the same field that always holds a date (today to begin with); both can
be placed in ui/*.ui files as custom widgets (header mrs_desktop.gui.widgets.date_field).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QWidget

_EMPTY = QDate(1900, 1, 1)  # shown as the special value text, read back as None
# Input that may open the calendar popup: the popup is built then, not with every form.
_MAY_OPEN = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.KeyPress)


class DateField(QDateEdit):
    """An empty field's calendar opens on today's month, not on its "not set" date (1900)."""

    def __init__(self, parent: QWidget | None = None, *, optional: bool = True):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.optional = optional
        self._watching_calendar = False
        if optional:
            self.setMinimumDate(_EMPTY)
            self.setSpecialValueText(self.tr("not set"))
        self.set_value(None if optional else date.today())

    def value(self) -> date | None:
        qdate = self.date()
        if self.optional and qdate == self.minimumDate():
            return None
        return date(qdate.year(), qdate.month(), qdate.day())

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.setDate(self.minimumDate() if self.optional else QDate.currentDate())
        else:
            self.setDate(QDate(value.year, value.month, value.day))

    def clear_value(self) -> None:
        self.set_value(None)

    # The calendar popup ------------------------------------------------------------------------

    def calendarWidget(self) -> QCalendarWidget:
        calendar = super().calendarWidget()
        if not self._watching_calendar:
            self._watching_calendar = True
            calendar.installEventFilter(self)
        return calendar

    def event(self, event: QEvent) -> bool:
        if event.type() in _MAY_OPEN and not self._watching_calendar:
            self.calendarWidget()  # before Qt shows the popup, so its first showing is seen too
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.value() is None:
            today = date.today()
            self.calendarWidget().setCurrentPage(today.year, today.month)
        return super().eventFilter(watched, event)


class RequiredDateField(DateField):
    """A date that cannot be left empty (a training's start and end, a progress update's day)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, optional=False)
