"""Dates shown in the user's style, read from the settings once rather than for every cell."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings

from mrs_desktop.gui import dates, settings
from mrs_desktop.gui.dates import format_date
from mrs_desktop.gui.dialogs.preferences import PreferencesDialog

DAY = date(2026, 11, 23)


def count_reads(monkeypatch) -> list[int]:
    made = []
    real = settings.qsettings

    def counted():
        made.append(1)
        return real()

    monkeypatch.setattr(settings, "qsettings", counted)
    return made


def test_a_table_of_dates_reads_the_preference_once(monkeypatch):
    made = count_reads(monkeypatch)
    texts = {format_date(DAY) for _ in range(500)}
    assert texts == {"2026-11-23"}
    assert len(made) == 1


def test_writing_the_preference_takes_effect_at_the_next_date(monkeypatch):
    assert format_date(DAY) == "2026-11-23"
    settings.DATE_DISPLAY.set("buddhist")
    assert format_date(DAY) == "23/11/2569"
    settings.DATE_DISPLAY.set("iso")
    assert format_date(DAY) == "2026-11-23"
    assert format_date(DAY, "buddhist") == "23/11/2569"  # a style asked for wins


def test_the_preferences_dialog_changes_the_dates_shown(qtbot):
    assert format_date(DAY) == "2026-11-23"
    dialog = PreferencesDialog(None)
    qtbot.addWidget(dialog)
    dialog.ui.date_display.setCurrentIndex(dialog.ui.date_display.findData("buddhist"))
    dialog.accept()
    assert format_date(DAY) == "23/11/2569"


def test_settings_in_another_folder_are_read_after_forget_style(tmp_path):
    assert format_date(DAY) == "2026-11-23"
    other = QSettings(str(tmp_path / "ILO-MRS" / "MRS Desktop.ini"), QSettings.Format.IniFormat)
    other.setValue(settings.DATE_DISPLAY.key, "buddhist")
    other.sync()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    dates.forget_style()  # as tests/gui/conftest.py does for every test
    assert format_date(DAY) == "23/11/2569"
