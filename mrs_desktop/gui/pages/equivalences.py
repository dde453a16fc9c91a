"""The occupation equivalences page: which partner occupations this country recognises (or is
comparing), at which AQRF level, and how far each agreement has got."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from ...services.equivalences import EquivalenceRow, list_equivalences
from ..context import AppContext
from ..dialogs.equivalence_editor import EquivalenceEditor
from ..models.equivalences import EquivalenceTableModel, occupation_text, status_names
from ..operations import registers
from ..widgets import choices
from .base import Page
from .register_view import (add_row_actions, column_widths, fit_columns, register_table, select_id, selected_id,
                            set_column_widths)


class EquivalencesPage(Page):
    name = "equivalences"
    registers = frozenset({"equivalence", "occupation"})  # occupation: a renamed title shows

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Equivalences"))
        self.home = ctx.store.node.country if ctx.store.node else None
        self.editor: EquivalenceEditor | None = None
        self.country = QComboBox()
        self.country.setObjectName("country_filter")
        choices.fill_countries(self.country, blank=self.tr("All countries"))
        self.country.setToolTip(self.tr("Equivalences the country is party to, on either side"))
        self.status = QComboBox()
        self.status.setObjectName("status_filter")
        choices.fill(self.status, ((name, code) for code, name in status_names().items()),
                     blank=self.tr("Any status"))
        self.count = QLabel()
        self.count.setObjectName("count")
        self.new_button = QPushButton(self.tr("&New equivalence…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.model = EquivalenceTableModel(self.home, self)
        self.table = register_table(self.model, self, name="equivalences")
        fit_columns(self.table, {"country_a": 14, "occupation_a": 32, "country_b": 14,
                                 "occupation_b": 32, "level": 10, "status": 17})
        self._layout()
        self._connect()
        self.refresh()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        for label, widget in ((self.tr("&Country:"), self.country), (self.tr("&Status:"), self.status)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            bar.addWidget(caption)
            bar.addWidget(widget)
        bar.addWidget(self.count)
        bar.addStretch(1)
        for button in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def _connect(self) -> None:
        self.country.currentIndexChanged.connect(lambda _i: self.refresh())
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(self.create)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        add_row_actions(self.table, ((self.tr("Edit…"), Qt.Key.Key_Return, self.edit),
                                (self.tr("Delete"), QKeySequence.StandardKey.Delete, self.delete)))

    # Reading ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = selected_id(self.table)
        scroll = self.table.verticalScrollBar().value()
        rows = list_equivalences(self.ctx.store, country=choices.current(self.country),
                                 status=choices.current(self.status))
        self.model.set_rows(rows)
        self.count.setText(self.tr("1 equivalence") if len(rows) == 1
                           else self.tr("{n} equivalences").format(n=len(rows)))
        self.table.verticalScrollBar().setValue(scroll)
        select_id(self.table, chosen, scroll=False)
        self._update_buttons()

    def selected(self) -> EquivalenceRow | None:
        chosen = selected_id(self.table)
        return self.model.row_by_id(chosen) if chosen else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.edit_button.setEnabled(chosen is not None)
        self.delete_button.setEnabled(chosen is not None and not self.model.is_read_only(chosen))

    # Editing ---------------------------------------------------------------------------------------

    def can_create(self) -> bool:
        return self.home is not None

    def create(self) -> None:
        self._open_editor(EquivalenceEditor(self.ctx, None, self.window()))

    def edit(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._open_editor(EquivalenceEditor(self.ctx, chosen, self.window()))

    def _open_editor(self, editor: EquivalenceEditor) -> None:
        editor.saved.connect(lambda changes: select_id(self.table, changes.primary))
        self.editor = editor
        editor.open()

    def delete(self) -> None:
        chosen = self.selected()
        if chosen is None or self.model.is_read_only(chosen):
            return
        text = self.tr("Delete the equivalence of {a} “{occ_a}” and {b} “{occ_b}” at AQRF level {level}?").format(
            a=chosen.country_a, occ_a=occupation_text(chosen.occupation_a_code, chosen.occupation_a_title),
            b=chosen.country_b, occ_b=occupation_text(chosen.occupation_b_code, chosen.occupation_b_title),
            level=chosen.aqrf_level)
        text += "\n\n" + self.tr("The partner country receives the deletion with the next sync. "
                                 "Edit ▸ Undo brings it back.")
        if QMessageBox.question(self, self.tr("Delete equivalence"), text) == QMessageBox.StandardButton.Yes:
            self.ctx.run_op(registers.remove_equivalence(equivalence_id=chosen.id), parent=self)

    # Filters and layout ----------------------------------------------------------------------------

    def apply_filter(self, filters: dict) -> None:
        """Keys: country (ISO3, party on either side), status (proposed|under_comparison|agreed)."""
        for widget in (self.country, self.status):
            widget.blockSignals(True)
        choices.select(self.country, filters.get("country"))
        choices.select(self.status, filters.get("status"))
        for widget in (self.country, self.status):
            widget.blockSignals(False)
        self.refresh()
        if filters.get("equivalence"):
            select_id(self.table, filters["equivalence"])

    def save_state(self) -> dict:
        return {"columns": column_widths(self.table), "country": choices.current(self.country) or "",
                "status": choices.current(self.status) or ""}

    def restore_state(self, state: dict) -> None:
        set_column_widths(self.table, state.get("columns"))
        self.apply_filter({"country": state.get("country") or None, "status": state.get("status") or None})
