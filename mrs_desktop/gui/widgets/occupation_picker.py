"""Picks an occupation from one country's catalogue, or names a new one by code and title.

Catalogues differ per country (codes are per country), so the picker is filled for one country
at a time. Typing a code the catalogue lacks makes the title field ask for the new title.
"""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLineEdit, QSizePolicy, QWidget

SEPARATOR = " — "


class OccupationPicker(QWidget):
    """An editable combo of "code — title"; a title field appears beside it for a new code."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setObjectName("occupation_combo")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMinimumContentsLength(18)
        self.combo.lineEdit().setPlaceholderText(self.tr("Code, or pick from the catalogue"))
        completer = self.combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.title = QLineEdit()
        self.title.setObjectName("occupation_title")
        self.title.setPlaceholderText(self.tr("Title of a new occupation"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 3)
        layout.addWidget(self.title, 2)
        self.setFocusProxy(self.combo)  # a form label's buddy shortcut lands in the combo
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.editTextChanged.connect(self._on_text)
        self.title.textEdited.connect(lambda _text: self.changed.emit())
        self._known: dict[str, str] = {}
        self._on_text("")

    def set_occupations(self, occupations: Iterable[tuple[str, str]]) -> None:
        """(code, title) pairs of one country's catalogue; what was typed stays."""
        text = self.combo.currentText()
        self._known = {code: title for code, title in occupations}
        self.combo.blockSignals(True)
        self.combo.clear()
        for code, title in self._known.items():
            self.combo.addItem(f"{code}{SEPARATOR}{title}", code)
        self.combo.setCurrentIndex(-1)
        self.combo.setEditText(text)
        self.combo.blockSignals(False)
        self._on_text(text)

    def code(self) -> str | None:
        text = self.combo.currentText().strip()
        if SEPARATOR in text:
            text = text.split(SEPARATOR, 1)[0].strip()
        return text or None

    def is_new(self) -> bool:
        code = self.code()
        return bool(code) and self._known_code(code) is None

    def value(self) -> tuple[str | None, str | None]:
        """(code, title): the catalogue's title for a known code, the typed one for a new code."""
        code = self.code()
        known = self._known_code(code) if code else None
        if known is not None:
            return known, self._known[known]
        return code, self.title.text().strip() or None

    def set_value(self, code: str | None, title: str | None = None) -> None:
        index = self.combo.findData(code) if code else -1
        if index >= 0:
            self.combo.setCurrentIndex(index)
        else:
            self.combo.setEditText(code or "")
            self.title.setText(title or "")
        self._on_text(self.combo.currentText())
        self.combo.lineEdit().setCursorPosition(0)  # the code shows, not the title's tail

    def _known_code(self, code: str) -> str | None:
        wanted = code.casefold()
        return next((c for c in self._known if c.casefold() == wanted), None)

    def _on_text(self, _text: str) -> None:
        code = self.code()
        known = self._known_code(code) if code else None
        if known is not None:
            self.title.setText(self._known[known])
        elif not self.title.isEnabled() and self.title.text():
            self.title.clear()  # a catalogue title must not pass for a new occupation's
        self.title.setEnabled(bool(code) and known is None)
        self.title.setVisible(self.title.isEnabled())
        self.changed.emit()
