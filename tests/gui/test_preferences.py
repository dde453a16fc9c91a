"""Preferences: saved to the INI file, read back by the dialog, and followed by the date display."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog

from mrs_desktop.gui import settings
from mrs_desktop.gui.dates import format_date
from mrs_desktop.gui.dialogs.preferences import PreferencesDialog


@pytest.fixture(autouse=True)
def own_settings(tmp_path):
    """QSettings keeps the first user folder it saw for the whole process: point it here."""
    before = Path(settings.qsettings().fileName()).parent.parent
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield tmp_path / "config"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(before))


@pytest.fixture
def dialog(qtbot, tmp_path):
    shown = PreferencesDialog(None, backups_folder=tmp_path / "backups")
    qtbot.addWidget(shown)
    shown.show()
    return shown


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_preferences_are_saved_to_the_ini_file_and_shown_again(qtbot, dialog, tmp_path, own_settings):
    folder = tmp_path / "exports"
    folder.mkdir()
    choose(dialog.ui.language, "th")
    choose(dialog.ui.date_display, "buddhist")
    dialog.ui.export_folder.setText(str(folder))
    dialog.ui.backup_on_exit.setChecked(True)
    dialog.ui.backups_kept.setValue(4)
    dialog.ui.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted

    ini = QSettings(str(own_settings / "ILO-MRS" / "MRS Desktop.ini"), QSettings.Format.IniFormat)
    assert ini.value("preferences/language") == "th"
    assert ini.value("preferences/date_display") == "buddhist"
    assert ini.value("preferences/export_folder") == str(folder)
    assert settings.BACKUP_ON_EXIT.get() is True and settings.BACKUPS_KEPT.get() == 4
    assert format_date(date(2026, 11, 23)) == "23/11/2569"  # the Buddhist Era, as Thai officials write it

    again = PreferencesDialog(None)
    qtbot.addWidget(again)
    assert again.ui.language.currentData() == "th"
    assert again.ui.date_display.currentData() == "buddhist"
    assert again.ui.export_folder.text() == str(folder)
    assert again.ui.backup_on_exit.isChecked() and again.ui.backups_kept.value() == 4
    assert again.ui.backups_note.isHidden()  # no database named: no folder to show


def test_cancel_keeps_the_saved_preferences(dialog):
    choose(dialog.ui.date_display, "buddhist")
    dialog.ui.buttons.rejected.emit()
    assert settings.DATE_DISPLAY.get() == "iso"
    assert format_date(date(2026, 11, 23)) == "2026-11-23"


def test_a_missing_export_folder_is_refused_beside_its_field(dialog, tmp_path):
    dialog.ui.export_folder.setText(str(tmp_path / "no-such-folder"))
    dialog.ui.buttons.accepted.emit()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "does not exist" in dialog.errors.message_for("export_folder")
    assert settings.EXPORT_FOLDER.get() == ""


def test_every_language_is_offered_in_its_own_script(dialog):
    names = [dialog.ui.language.itemText(i) for i in range(dialog.ui.language.count())]
    assert names[1:] == ["English", "ភាសាខ្មែរ", "ລາວ", "မြန်မာ", "ไทย", "Tiếng Việt", "Bahasa Indonesia"]
    assert dialog.ui.language.itemData(0) == ""  # the system's language


def test_dates_are_offered_with_an_example_of_each(dialog):
    texts = [dialog.ui.date_display.itemText(i) for i in range(dialog.ui.date_display.count())]
    today = date.today()
    assert texts[0].endswith(today.isoformat())
    assert texts[2].endswith(f"/{today.year + 543}")


def test_browse_fills_the_export_folder(dialog, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(tmp_path))
    dialog.ui.browse.click()
    assert dialog.ui.export_folder.text() == str(tmp_path)


def test_the_backup_count_follows_the_backup_switch(dialog):
    dialog.ui.backup_on_exit.setChecked(False)
    assert not dialog.ui.backups_kept.isEnabled()
    dialog.ui.backup_on_exit.setChecked(True)
    assert dialog.ui.backups_kept.isEnabled()
