"""A date entry with a calendar picker that may also be left empty ("not set")."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

_EMPTY = QDate(1900, 1, 1)  # shown as the special value text, read back as None


class DateField(QDateEdit):
    def __init__(self, parent: QWidget | None = None, *, optional: bool = True):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.optional = optional
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
