"""The trainings page: ToT, ToA and other capacity building, filtered as the user types, with
the selected training's participants below. A dashboard click may also narrow it to the
trainings starting in one year, shown as a removable chip."""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QSplitter,
    QVBoxLayout, QWidget,
)

from ...services.trainings_queries import get_training, list_trainings
from ..context import AppContext
from ..dialogs.training_editor import TrainingEditor
from ..export import export_records
from ..models.trainings import TrainingTableModel, kind_names
from ..operations import registers
from ..widgets import choices
from ..widgets.filter_chip import FilterChip
from .base import Page
from .register_view import (add_row_actions, column_widths, fit_columns, register_table, select_id, selected_id,
                            set_column_widths)
from .training_participants import ParticipantsPanel


class TrainingsPage(Page):
    name = "trainings"
    # Assessors too: a participant's link names the register entry.
    registers = frozenset({"training", "participant", "assessor"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Trainings"))
        self.home = ctx.store.node.country if ctx.store.node else None
        self.editor: TrainingEditor | None = None
        self._year: int | None = None  # set only by a click-through, cleared by its chip
        self._build_filters()
        self._build_actions()
        self.model = TrainingTableModel(self.home, self)
        self.table = register_table(self.model, self, name="trainings")
        fit_columns(self.table, {"title": 46, "kind": 6, "host": 30, "dates": 24, "participants": 11})
        self.participants = ParticipantsPanel(ctx, self)
        self._layout()
        self._connect()
        self.refresh()

    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search title, host, venue, funder…"))
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.setObjectName("kind_filter")
        choices.fill(self.kind, ((name, code) for code, name in kind_names().items()),
                     blank=self.tr("All kinds"))
        self.country = QComboBox()
        self.country.setObjectName("country_filter")
        choices.fill_countries(self.country, blank=self.tr("All countries"))
        self.country.setToolTip(self.tr("Trainings the country recorded, hosted or sent participants to"))
        self.count = QLabel()
        self.count.setObjectName("count")
        self.year_filter = FilterChip()

    def _build_actions(self) -> None:
        self.new_button = QPushButton(self.tr("&New training…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.kind, 2)
        bar.addWidget(self.country, 2)
        bar.addWidget(self.count)
        bar.addWidget(self.year_filter)
        bar.addStretch(1)
        for button in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("trainings_splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.participants)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.country.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year_filter.cleared.connect(self._clear_year)
        self.new_button.clicked.connect(self.create)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        add_row_actions(self.table, ((self.tr("Edit…"), Qt.Key.Key_Return, self.edit),
                                (self.tr("Delete"), QKeySequence.StandardKey.Delete, self.delete)))

    # Reading ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read with the filters; the selected training stays selected, the table stays put."""
        chosen = selected_id(self.table)
        scroll = self.table.verticalScrollBar().value()
        rows = list_trainings(self.ctx.store, kind=choices.current(self.kind),
                              country=choices.current(self.country), text=self.search.text(),
                              year=self._year)
        self.model.set_rows(rows)
        self.count.setText(self.tr("1 training") if len(rows) == 1
                           else self.tr("{n} trainings").format(n=len(rows)))
        self.year_filter.show_filter(None if self._year is None else self.tr(
            "starting in {year}").format(year=self._year))
        self.table.verticalScrollBar().setValue(scroll)
        if not select_id(self.table, chosen, scroll=False):
            self._show_selected()

    def _show_selected(self) -> None:
        chosen = self.selected()
        detail = get_training(self.ctx.store, chosen.id) if chosen else None
        self.participants.show_training(detail, read_only=chosen is None or self.model.is_partners(chosen))
        self.edit_button.setEnabled(chosen is not None)
        self.delete_button.setEnabled(chosen is not None and not self.model.is_partners(chosen))

    def _clear_year(self) -> None:
        self._year = None
        self.refresh()

    def selected(self):
        chosen = selected_id(self.table)
        return self.model.row_by_id(chosen) if chosen else None

    # Editing ---------------------------------------------------------------------------------------

    def can_create(self) -> bool:
        return self.home is not None

    def create(self) -> None:
        self._open_editor(TrainingEditor(self.ctx, None, self.window()))

    def edit(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._open_editor(TrainingEditor(self.ctx, get_training(self.ctx.store, chosen.id), self.window()))

    def _open_editor(self, editor: TrainingEditor) -> None:
        editor.saved.connect(lambda changes: select_id(self.table, changes.primary))
        self.editor = editor
        editor.open()

    def delete(self) -> None:
        chosen = self.selected()
        if chosen is None or self.model.is_partners(chosen):
            return
        text = self.tr("Delete the training “{title}”?").format(title=chosen.title)
        if chosen.participant_count:
            text += "\n" + (self.tr("Its participant is removed with it.") if chosen.participant_count == 1
                            else self.tr("Its {n} participants are removed with it.").format(
                                n=chosen.participant_count))
        text += "\n\n" + self.tr("Edit ▸ Undo brings it back.")
        if QMessageBox.question(self, self.tr("Delete training"), text) == QMessageBox.StandardButton.Yes:
            self.ctx.run_op(registers.remove_training(training_id=chosen.id), parent=self)

    # Search, filters, export ---------------------------------------------------------------------

    def can_search(self) -> bool:
        return True

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def apply_filter(self, filters: dict) -> None:
        """Keys: kind (tot|toa|other), country (ISO3), text, year (starting in), training (an id
        to select)."""
        self._year = _year(filters.get("year"))
        for widget in (self.search, self.kind, self.country):
            widget.blockSignals(True)
        self.search.setText(str(filters.get("text") or ""))
        choices.select(self.kind, filters.get("kind"))
        choices.select(self.country, filters.get("country"))
        for widget in (self.search, self.kind, self.country):
            widget.blockSignals(False)
        self.refresh()
        if filters.get("training"):
            select_id(self.table, filters["training"])

    def can_export(self) -> bool:
        return True

    def export_view(self) -> None:
        """The trainings shown (filters applied), one row per participant, as the import template."""
        export_records(self.ctx, self, "trainings", self.model.ids())

    def save_state(self) -> dict:
        return {"columns": column_widths(self.table), "participant_columns": column_widths(self.participants.table),
                "splitter": self.splitter.sizes(), "kind": choices.current(self.kind) or "",
                "country": choices.current(self.country) or ""}

    def restore_state(self, state: dict) -> None:
        set_column_widths(self.table, state.get("columns"))
        set_column_widths(self.participants.table, state.get("participant_columns"))
        sizes = state.get("splitter")
        if isinstance(sizes, (list, tuple)) and len(sizes) == 2:
            with suppress(TypeError, ValueError):  # a hand-edited settings file: keep the default
                self.splitter.setSizes([int(s) for s in sizes])
        self.apply_filter({"kind": state.get("kind") or None, "country": state.get("country") or None})


def _year(value) -> int | None:
    try:
        year = int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
    return year if year is None or 1 <= year <= 9999 else None
