"""Dates as the user prefers to read them: ISO, the system's format, or the Thai Buddhist Era."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

from . import settings

BUDDHIST_ERA_OFFSET = 543


def format_date(value: date | None, style: str | None = None) -> str:
    if value is None:
        return ""
    style = style or settings.DATE_DISPLAY.get()
    if style == "local":
        return QLocale().toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)
    if style == "buddhist":  # day/month/BE year, as Thai officials write it
        return f"{value.day:02d}/{value.month:02d}/{value.year + BUDDHIST_ERA_OFFSET}"
    return value.isoformat()
