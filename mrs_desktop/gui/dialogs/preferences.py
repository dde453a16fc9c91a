"""Preferences: language, how dates read, the default export folder, and automatic backups.

Each value is a `gui.settings` Option, saved to the user's INI file when the dialog is accepted.
A new language shows at the next start (the pages are built once, in the language of the start).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from ...domain.errors import FieldError, ValidationError
from .. import settings
from ..dates import format_date
from ..export import export_folder
from ..forms.ui_preferences import Ui_PreferencesDialog
from ..look import LANGUAGES
from ..widgets.field_errors import FieldErrors

DATE_STYLES = ("iso", "local", "buddhist")


class PreferencesDialog(QDialog):
    """Edits the person's preferences; `backups_folder` (if known) is named under the backup options."""

    def __init__(self, parent: QWidget | None = None, *, backups_folder: Path | None = None):
        super().__init__(parent)
        self.ui = Ui_PreferencesDialog()
        self.ui.setupUi(self)
        self._fill_choices()
        self.ui.export_folder.setPlaceholderText(str(export_folder()) if not settings.EXPORT_FOLDER.get()
                                                 else "")
        if backups_folder is not None:
            self.ui.backups_note.setText(self.tr("Automatic backups are kept in {folder}").format(
                folder=backups_folder))
        else:
            self.ui.backups_note.hide()
        self.errors = FieldErrors()
        self.errors.bind("export_folder", self.ui.export_folder, self.ui.export_folder_error)
        self.ui.browse.clicked.connect(self.browse_export_folder)
        self.ui.backup_on_exit.toggled.connect(self._enable_backup_count)
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self.load()

    def _fill_choices(self) -> None:
        combo = self.ui.language
        combo.addItem(self.tr("The system's language"), "")
        for code, name in LANGUAGES:
            combo.addItem(name, code)
        example = date.today()
        names = {"iso": self.tr("ISO"), "local": self.tr("As the system writes them"),
                 "buddhist": self.tr("Buddhist Era")}
        for style in DATE_STYLES:
            self.ui.date_display.addItem(f"{names[style]} — {format_date(example, style)}", style)

    def _enable_backup_count(self, on: bool) -> None:
        for widget in (self.ui.backups_kept_label, self.ui.backups_kept, self.ui.backups_kept_unit):
            widget.setEnabled(on)

    # Values -----------------------------------------------------------------------------------

    def load(self) -> None:
        """Shows the saved preferences."""
        _select(self.ui.language, settings.LANGUAGE.get())
        _select(self.ui.date_display, settings.DATE_DISPLAY.get())
        self.ui.export_folder.setText(settings.EXPORT_FOLDER.get())
        self.ui.backup_on_exit.setChecked(settings.BACKUP_ON_EXIT.get())
        self.ui.backups_kept.setValue(settings.BACKUPS_KEPT.get())
        self._enable_backup_count(self.ui.backup_on_exit.isChecked())

    def save(self) -> None:
        store = settings.qsettings()
        settings.LANGUAGE.set(self.ui.language.currentData(), store)
        settings.DATE_DISPLAY.set(self.ui.date_display.currentData(), store)
        settings.EXPORT_FOLDER.set(self.ui.export_folder.text().strip(), store)
        settings.BACKUP_ON_EXIT.set(self.ui.backup_on_exit.isChecked(), store)
        settings.BACKUPS_KEPT.set(self.ui.backups_kept.value(), store)
        store.sync()

    def accept(self) -> None:
        folder = self.ui.export_folder.text().strip()
        if folder and not Path(folder).expanduser().is_dir():
            self.errors.show(ValidationError(FieldError(
                "export_folder", self.tr("This folder does not exist: choose another one."))))
            return
        self.save()
        super().accept()

    def browse_export_folder(self) -> None:
        start = self.ui.export_folder.text().strip() or str(export_folder())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Default export folder"), start)
        if folder:
            self.ui.export_folder.setText(folder)


def _select(combo, value) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(0, index))
