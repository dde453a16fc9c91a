"""The participant editor: an assessor picked from the register, or a person not in it yet,
with their attendance and the training's outcome for them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QWidget

from ...domain import trainings as rules
from ...domain.errors import FieldError
from ...domain.fields import Checker
from ...services.search import AssessorQuery, AssessorRow, assessor_rows, search_assessors
from ...services.trainings_queries import ParticipantRow, TrainingDetail
from ..context import AppContext
from ..forms.ui_participant_editor import Ui_ParticipantEditor
from ..models.trainings import outcome_names
from ..operations import Op, registers
from ..widgets import choices
from .record_editor import RecordEditor

MATCHES = 20  # enough to pick from while typing; more means "type a little more"
REGISTER, PERSON = 0, 1


def assessor_label(row: AssessorRow) -> str:
    name = " ".join(p for p in (row.family_name, row.given_names) if p)
    native = f" · {row.name_native}" if row.name_native else ""
    ref = f", {row.assessor_ref}" if row.assessor_ref else ""
    return f"{name}{native} ({row.country}{ref})"


class ParticipantEditor(RecordEditor):
    """Adds a participant to `training`, or edits `participant` of it."""

    def __init__(self, ctx: AppContext, training: TrainingDetail,
                 participant: ParticipantRow | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.ui = Ui_ParticipantEditor()
        self.ui.setupUi(self)
        self.training = training
        self.participant = participant
        self.setWindowTitle(self.tr("Edit participant") if participant else self.tr("Add participant"))
        self.setup_common(self.ui.note, self.ui.problems, self.ui.buttons)
        self._picked: dict[str, AssessorRow] = {}  # assessor id → row, for the list's items
        self._fill_choices()
        self._load(participant)
        self._bind_fields()
        self.ui.from_register.toggled.connect(self._show_mode)
        self.ui.search.textEdited.connect(self._search)
        self._show_mode()

    def _fill_choices(self) -> None:
        choices.fill_countries(self.ui.country)
        choices.fill(self.ui.outcome, ((name, code) for code, name in outcome_names().items()),
                     blank=self.tr("not recorded"))
        choices.select(self.ui.country, self.training.country)

    def _load(self, p: ParticipantRow | None) -> None:
        ui = self.ui
        if p is None:
            return
        ui.attendance.setValue(-1 if p.attendance is None else p.attendance)
        choices.select(ui.outcome, p.outcome)
        ui.full_name.setText(p.full_name)
        ui.name_native.setText(p.name_native or "")
        choices.select(ui.country, p.country)
        linked = assessor_rows(self.ctx.store, [p.assessor_id]) if p.assessor_id else []
        if linked:
            self._list([linked[0]])
            ui.matches.setCurrentRow(0)
        else:
            ui.new_person.setChecked(True)

    def _bind_fields(self) -> None:
        ui = self.ui
        self.bind("assessor_id", ui.matches, ui.assessor_id_error, ui.matches.currentRowChanged)
        self.bind("participant_name", ui.full_name, ui.participant_name_error, ui.full_name.textEdited)
        self.bind("participant_name_native", ui.name_native, ui.participant_name_native_error,
                  ui.name_native.textEdited)
        self.bind("participant_country", ui.country, ui.participant_country_error,
                  ui.country.currentIndexChanged)
        self.bind("attendance_percent", ui.attendance, ui.attendance_percent_error, ui.attendance.valueChanged)
        self.bind("outcome", ui.outcome, ui.outcome_error, ui.outcome.currentIndexChanged)

    def _show_mode(self) -> None:
        register = self.ui.from_register.isChecked()
        self.ui.who_stack.setCurrentIndex(REGISTER if register else PERSON)
        (self.ui.search if register else self.ui.full_name).setFocus()
        self.revalidate()

    # The register search -------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        """Names in any script, as the user types (the register's index answers in well under 1 ms)."""
        chosen = self.chosen_assessor()
        found = search_assessors(self.ctx.store, AssessorQuery(text=text, limit=MATCHES)) if text.strip() else []
        if chosen is not None and all(r.id != chosen.id for r in found):
            found = [chosen, *found[:MATCHES - 1]]  # the pick stays until another is made
        self._list(found)
        if chosen is not None:
            self.ui.matches.setCurrentRow(next(i for i, r in enumerate(found) if r.id == chosen.id))

    def _list(self, rows: list[AssessorRow]) -> None:
        matches = self.ui.matches
        matches.blockSignals(True)
        matches.clear()
        self._picked = {r.id: r for r in rows}
        listed = {p.assessor_id for p in self.training.participants if p.assessor_id}
        own = self.participant.assessor_id if self.participant else None
        for row in rows:
            text = assessor_label(row)
            item = QListWidgetItem(text, matches)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            if row.id in listed and row.id != own:  # one row per person per training
                item.setText(text + " — " + self.tr("already a participant"))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        matches.setCurrentRow(-1)
        matches.blockSignals(False)

    def chosen_assessor(self) -> AssessorRow | None:
        item = self.ui.matches.currentItem()
        return self._picked.get(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    # RecordEditor ----------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        ui = self.ui
        values: dict[str, Any] = {"attendance": None if ui.attendance.value() < 0 else ui.attendance.value(),
                                  "outcome": choices.current(ui.outcome)}
        if ui.new_person.isChecked():
            return {**values, "assessor_id": None, "full_name": ui.full_name.text(),
                    "name_native": ui.name_native.text(), "country": choices.current(ui.country)}
        chosen = self.chosen_assessor()
        values["assessor_id"] = chosen.id if chosen else None
        if chosen is not None and (self.participant is None or chosen.id != self.participant.assessor_id):
            # Blank: the service copies the register's name and country for a new link.
            values.update(full_name="", name_native="", country="")
        return values

    def check(self, values: dict[str, Any]) -> list[FieldError]:
        chk = Checker()
        checked = dict(values)
        if self.ui.from_register.isChecked():
            chosen = self.chosen_assessor()
            if chosen is None:
                chk.fail("assessor_id", self.tr("choose the assessor from the list (type part of a name "
                                                "above), or choose “A person not in the register”"))
                checked["full_name"] = "?"
            else:
                checked.update(full_name=chosen.family_name, country=chosen.country)
        rules.check_participant(checked, chk, default_country=self.training.country)
        return chk.errors

    def operation(self, values: dict[str, Any]) -> Op:
        if self.participant is None:
            return registers.add_participant(training_id=self.training.id, values=values)
        return registers.update_participant(participant_id=self.participant.id, values=values)
