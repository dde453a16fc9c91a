"""The lower half of the trainings page: the selected training in brief, and its participants."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ...services.search import assessor_rows
from ...services.trainings_queries import ParticipantRow, TrainingDetail
from ..context import AppContext
from ..dialogs.participant_editor import ParticipantEditor
from ..models.trainings import ParticipantTableModel, dates_text, host_text, kind_names
from ..operations import registers
from ..widgets.choices import country_name
from .register_view import add_row_actions, fit_columns, register_table, select_id, selected_id


class ParticipantsPanel(QWidget):
    """Add, edit and remove the participants of one training (none while a partner's is shown)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.training: TrainingDetail | None = None
        self.read_only = True
        self.summary = QLabel()
        self.summary.setObjectName("training_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading = QLabel()
        self.heading.setObjectName("participants_heading")
        self.add_button = QPushButton(self.tr("&Add participant…"))
        self.edit_button = QPushButton(self.tr("Edit participant…"))
        self.remove_button = QPushButton(self.tr("Remove participant"))
        self.model = ParticipantTableModel(self)
        self.table = register_table(self.model, self, name="participants")
        fit_columns(self.table, {"name": 26, "native": 22, "country": 14, "attendance": 10, "outcome": 16})
        self._layout()
        self._connect()
        self.show_training(None, read_only=True)

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.heading)
        bar.addStretch(1)
        for button in (self.add_button, self.edit_button, self.remove_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        add_row_actions(self.table, ((self.tr("Edit participant…"), Qt.Key.Key_Return, self.edit),
                                (self.tr("Remove participant"), QKeySequence.StandardKey.Delete, self.remove)))

    # Showing a training --------------------------------------------------------------------------

    def show_training(self, training: TrainingDetail | None, *, read_only: bool) -> None:
        kept = selected_id(self.table) if self.training and training and self.training.id == training.id else None
        self.training, self.read_only = training, read_only
        people = training.participants if training else ()
        linked = [p.assessor_id for p in people if p.assessor_id]
        names = {r.id: r.assessor_ref or r.family_name
                 for r in assessor_rows(self.ctx.store, linked)} if linked else {}
        self.model.set_participants(people, names)
        select_id(self.table, kept, scroll=False)
        self.summary.setText(self._summary(training))
        self.heading.setText(self.tr("<b>Participants</b> ({n})").format(n=len(people)) if training
                             else self.tr("<b>Participants</b>"))
        self._update_buttons()

    def _summary(self, t: TrainingDetail | None) -> str:
        if t is None:
            return self.tr("Select a training to see its participants.")
        facts = [kind_names().get(t.kind, t.kind), self.tr("hosted by {host}").format(host=host_text(t)),
                 t.venue, dates_text(t)]
        more = [(self.tr("Reference"), t.training_ref), (self.tr("Sector"), t.sector),
                (self.tr("Occupation"), f"{t.occupation_code} {t.occupation}" if t.occupation_code else None),
                (self.tr("Funder"), t.funder), (self.tr("Facilitators"), t.facilitators)]
        lines = [f"<b>{escape(t.title)}</b>", escape(" · ".join(f for f in facts if f)),
                 escape(" · ".join(f"{label}: {value}" for label, value in more if value))]
        if self.read_only:
            lines.append("<i>" + escape(self.tr("Recorded by {country}: read-only here.").format(
                country=country_name(t.country))) + "</i>")
        return "<br>".join(line for line in lines if line)

    def _update_buttons(self) -> None:
        writable = self.training is not None and not self.read_only
        chosen = selected_id(self.table) is not None
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(chosen)  # a partner's participant opens read-only
        self.remove_button.setEnabled(writable and chosen)

    def selected(self) -> ParticipantRow | None:
        chosen = selected_id(self.table)
        return self.model.row_by_id(chosen) if chosen else None

    # Actions ---------------------------------------------------------------------------------------

    def add(self) -> None:
        if self.training is None or self.read_only:
            return
        self._open_editor(None)

    def edit(self) -> None:
        person = self.selected()
        if person is not None and self.training is not None:
            self._open_editor(person)

    def _open_editor(self, person: ParticipantRow | None) -> None:
        editor = ParticipantEditor(self.ctx, self.training, person, self.window())
        if self.read_only:
            editor.make_read_only(self.tr("Recorded by {country}: read-only here.").format(
                country=country_name(self.training.country)))
        editor.saved.connect(lambda changes: select_id(self.table, changes.primary))
        self.editor = editor
        editor.open()

    def remove(self) -> None:
        person = self.selected()
        if person is None or self.read_only:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove participant"),
            self.tr("Remove {name} from this training's participants?").format(name=person.full_name))
        if answer == QMessageBox.StandardButton.Yes:
            self.ctx.run_op(registers.remove_participant(participant_id=person.id), parent=self)
