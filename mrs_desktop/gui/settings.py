"""User preferences and window state, each in one home: an INI file per user (QSettings).

Settings that belong to the data (organisation name, numbering, sync identity) live in the
database instead; these are the person's and the screen's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QSettings

# Called with an Option's key after it is written: readers that keep a value (dates.py's date
# style) drop it. Writes that bypass Option.set are not seen.
_written: list[Callable[[str], None]] = []


def on_written(callback: Callable[[str], None]) -> None:
    _written.append(callback)


def qsettings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "ILO-MRS", "MRS Desktop")


@dataclass(frozen=True)
class Option:
    """A preference declared once, with its type and default (Picard's model)."""

    key: str
    default: Any

    def get(self, settings: QSettings | None = None) -> Any:
        settings = settings or qsettings()
        value = settings.value(self.key, self.default)
        if isinstance(self.default, bool):
            return value in (True, "true", "1", 1)
        if isinstance(self.default, int):
            try:
                return int(value)
            except (TypeError, ValueError):
                return self.default
        return value

    def set(self, value: Any, settings: QSettings | None = None) -> None:
        (settings or qsettings()).setValue(self.key, value)
        for callback in _written:
            callback(self.key)


LANGUAGE = Option("preferences/language", "")  # "" = the system's
DATE_DISPLAY = Option("preferences/date_display", "iso")  # iso | local | buddhist
EXPORT_FOLDER = Option("preferences/export_folder", "")
BACKUP_ON_EXIT = Option("preferences/backup_on_exit", False)
BACKUPS_KEPT = Option("preferences/backups_kept", 10)
LAST_PAGE = Option("window/last_page", "dashboard")
