"""Dates as the user prefers to read them: ISO, the system's format, or the Thai Buddhist Era.

The preference is read once and kept (a QSettings read costs more than the formatting, and a
table formats a date per cell); writing it through `settings.DATE_DISPLAY.set` drops the kept
value, and so does `forget_style()` (tests call it when they point QSettings at a new folder).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

from . import settings

BUDDHIST_ERA_OFFSET = 543

_style: str | None = None  # the kept preference; None: read it at the next use


def date_style() -> str:
    """The user's date style (iso | local | buddhist), read from the settings once."""
    global _style
    style = _style
    if style is None:
        style = _style = settings.DATE_DISPLAY.get()
    return style


def forget_style() -> None:
    """Read the preference again at the next date shown."""
    global _style
    _style = None


def _written(key: str) -> None:
    if key == settings.DATE_DISPLAY.key:
        forget_style()


settings.on_written(_written)


def format_date(value: date | None, style: str | None = None) -> str:
    if value is None:
        return ""
    style = style or date_style()
    if style == "local":
        return QLocale().toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)
    if style == "buddhist":  # day/month/BE year, as Thai officials write it
        return f"{value.day:02d}/{value.month:02d}/{value.year + BUDDHIST_ERA_OFFSET}"
    return value.isoformat()
