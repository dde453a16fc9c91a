"""The training editor: what the training was, where and when, who funded and facilitated it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ...domain import trainings as rules
from ...domain.errors import FieldError
from ...domain.fields import Checker
from ...services import catalogue
from ...services.trainings_queries import TrainingDetail
from ..context import AppContext
from ..forms.ui_training_editor import Ui_TrainingEditor
from ..models.trainings import kind_names
from ..operations import Op, registers
from ..widgets import choices
from .record_editor import RecordEditor


class TrainingEditor(RecordEditor):
    """New (`training` None) or existing training; a partner's training opens read-only."""

    def __init__(self, ctx: AppContext, training: TrainingDetail | None = None,
                 parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.ui = Ui_TrainingEditor()
        self.ui.setupUi(self)
        self.training = training
        self.home = ctx.store.node.country if ctx.store.node else None
        self.setWindowTitle(self.tr("Edit training") if training else self.tr("New training"))
        self.setup_common(self.ui.note, self.ui.problems, self.ui.buttons)
        self._fill_choices(training.country if training else self.home)
        if training is not None:
            self._load(training)
        else:
            choices.select(self.ui.host_country, self.home)
        self._bind_fields()
        self.ui.occupation.changed.connect(self._sector_from_occupation)
        if training is not None and training.country != self.home:
            self.make_read_only(self.tr(
                "Recorded by {country}: a partner's training is read-only here. Changes to it "
                "arrive from {country}'s focal point by sync.").format(
                country=choices.country_name(training.country)))
        self.ui.title.setFocus()

    def _fill_choices(self, country: str | None) -> None:
        ui = self.ui
        choices.fill(ui.kind, ((name, code) for code, name in kind_names().items()),
                     blank=self.tr("Choose the kind of training"))
        choices.fill_countries(ui.host_country)
        with self.ctx.store.session() as session:
            sectors = [(s.name, s.code) for s in catalogue.sectors(session)]
        choices.fill(ui.sector, sectors, blank="")
        ui.sector.lineEdit().setPlaceholderText(self.tr("Pick or type a sector"))
        self._occupations = catalogue.list_occupations(self.ctx.store, country) if country else []
        ui.occupation.set_occupations((o.code, o.title) for o in self._occupations)

    def _load(self, t: TrainingDetail) -> None:
        ui = self.ui
        ui.title.setText(t.title)
        choices.select(ui.kind, t.kind)
        ui.training_ref.setText(t.training_ref or "")
        ui.sector.setEditText(t.sector or "")
        ui.occupation.set_value(t.occupation_code, t.occupation)
        ui.host_institution.setText(t.host_institution or "")
        choices.select(ui.host_country, t.host_country)
        ui.venue.setText(t.venue or "")
        ui.start_date.set_value(t.start_date)
        ui.end_date.set_value(t.end_date)
        ui.funder.setText(t.funder or "")
        # Stored on one line ("A, B"), edited one per line.
        text = t.facilitators or ""
        names = text.split(";") if ";" in text else text.split(",")
        ui.facilitators.setPlainText("\n".join(name.strip() for name in names if name.strip()))

    def _bind_fields(self) -> None:
        ui = self.ui
        for name in ("title", "training_ref", "host_institution", "venue", "funder"):
            widget = getattr(ui, name)
            self.bind(name, widget, getattr(ui, f"{name}_error"), widget.textEdited)
        self.bind("kind", ui.kind, ui.kind_error, ui.kind.currentIndexChanged)
        self.bind("sector", ui.sector, ui.sector_error, ui.sector.editTextChanged)
        self.bind("occupation_code", ui.occupation.combo, ui.occupation_code_error)
        self.bind("occupation_title", ui.occupation.title, ui.occupation_title_error)
        ui.occupation.changed.connect(lambda: self.touch("occupation_code", "occupation_title"))
        self.bind("host_country", ui.host_country, ui.host_country_error, ui.host_country.currentIndexChanged)
        self.bind("start_date", ui.start_date, ui.start_date_error)
        self.bind("end_date", ui.end_date, ui.end_date_error)
        for field in (ui.start_date, ui.end_date):
            field.dateChanged.connect(lambda _d: self.touch("start_date", "end_date"))
        self.bind("facilitators", ui.facilitators, ui.facilitators_error, ui.facilitators.textChanged)

    def _sector_from_occupation(self) -> None:
        """Picking a catalogue occupation fills a blank sector with the occupation's own."""
        code = self.ui.occupation.code()
        found = next((o for o in self._occupations if code and o.code.casefold() == code.casefold()), None)
        if found is not None and found.sector and not self.ui.sector.currentText().strip():
            self.ui.sector.setEditText(found.sector)

    # RecordEditor ------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        ui = self.ui
        code, title = ui.occupation.value()
        lines = [line.strip() for line in ui.facilitators.toPlainText().splitlines()]
        return {
            "title": ui.title.text(), "kind": choices.current(ui.kind),
            "training_ref": ui.training_ref.text(), "sector": ui.sector.currentText().strip() or None,
            "occupation_code": code, "occupation_title": title,
            "host_institution": ui.host_institution.text(),
            "host_country": choices.current(ui.host_country), "venue": ui.venue.text(),
            "start_date": ui.start_date.value(), "end_date": ui.end_date.value(),
            "funder": ui.funder.text(), "facilitators": ", ".join(line for line in lines if line),
        }

    def check(self, values: dict[str, Any]) -> list[FieldError]:
        chk = Checker()
        rules.check_training(values, chk, home_country=self.home or "")
        # The catalogue fields, as services.trainings checks them.
        chk.text("sector", values["sector"], max_len=200)
        chk.text("occupation_code", values["occupation_code"], max_len=60)
        chk.text("occupation_title", values["occupation_title"], max_len=300)
        if values["occupation_code"] and not values["occupation_title"]:
            chk.fail("occupation_title", self.tr("a new occupation: give its title"))
        return chk.errors

    def operation(self, values: dict[str, Any]) -> Op:
        if self.training is None:
            return registers.add_training(values=values)
        return registers.update_training(training_id=self.training.id, values=values)
