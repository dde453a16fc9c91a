"""The equivalence editor: which occupation of country A matches which of country B, at which
AQRF level, and how far the two countries have got (proposed → under comparison → agreed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from ...domain import equivalences as rules
from ...domain.errors import FieldError
from ...domain.fields import Checker
from ...services.catalogue import list_occupations
from ...services.equivalences import EquivalenceRow
from ..context import AppContext
from ..forms.ui_equivalence_editor import Ui_EquivalenceEditor
from ..models.equivalences import status_names
from ..operations import Op, registers
from ..widgets import choices
from ..widgets.occupation_picker import OccupationPicker
from .record_editor import RecordEditor


class EquivalenceEditor(RecordEditor):
    """New (`equivalence` None) or existing; only its level, status and notes change later."""

    def __init__(self, ctx: AppContext, equivalence: EquivalenceRow | None = None,
                 parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.ui = Ui_EquivalenceEditor()
        self.ui.setupUi(self)
        self.equivalence = equivalence
        self.home = ctx.store.node.country if ctx.store.node else None
        self.setWindowTitle(self.tr("Edit equivalence") if equivalence else self.tr("New equivalence"))
        self.setup_common(self.ui.note, self.ui.problems, self.ui.buttons)
        self._fill_choices()
        self._load(equivalence)
        self._bind_fields()
        self.ui.fixed_note.setVisible(equivalence is not None)
        if equivalence is not None and self.home not in (equivalence.country_a, equivalence.country_b):
            self.make_read_only(self.tr(
                "Between {a} and {b}: {home} is not party to this equivalence, so it is read-only "
                "here.").format(a=choices.country_name(equivalence.country_a),
                                b=choices.country_name(equivalence.country_b),
                                home=choices.country_name(self.home)))

    def _fill_choices(self) -> None:
        ui = self.ui
        choices.fill_countries(ui.country_a)
        choices.fill_countries(ui.country_b, blank=self.tr("Choose the other country"))
        choices.fill_levels(ui.aqrf_level, blank=self.tr("Choose the level"))
        choices.fill(ui.status, ((name, code) for code, name in status_names().items()))
        ui.fixed_note.setText(self.tr(
            "The two occupations are what this equivalence is: to compare other occupations, "
            "record a new equivalence."))
        ui.fixed_note.setStyleSheet("color: palette(placeholder-text);")
        ui.country_a.currentIndexChanged.connect(lambda: self._fill_occupations(ui.country_a, ui.occupation_a))
        ui.country_b.currentIndexChanged.connect(lambda: self._fill_occupations(ui.country_b, ui.occupation_b))

    def _fill_occupations(self, combo: QComboBox, picker: OccupationPicker) -> None:
        country = choices.current(combo)
        rows = list_occupations(self.ctx.store, country) if country else []
        picker.set_occupations((o.code, o.title) for o in rows)
        picker.setEnabled(bool(country) and self.equivalence is None)

    def _load(self, e: EquivalenceRow | None) -> None:
        ui = self.ui
        choices.select(ui.country_a, e.country_a if e else self.home)
        choices.select(ui.country_b, e.country_b if e else None)
        for side in ("a", "b"):  # selecting the first item again changes nothing: fill anyway
            self._fill_occupations(getattr(ui, f"country_{side}"), getattr(ui, f"occupation_{side}"))
        if e is None:
            return
        ui.occupation_a.set_value(e.occupation_a_code, e.occupation_a_title)
        ui.occupation_b.set_value(e.occupation_b_code, e.occupation_b_title)
        for widget in (ui.country_a, ui.country_b, ui.occupation_a, ui.occupation_b):
            widget.setEnabled(False)
        choices.select(ui.aqrf_level, e.aqrf_level)
        choices.select(ui.status, e.status)
        ui.notes.setPlainText(e.notes or "")

    def _bind_fields(self) -> None:
        ui = self.ui
        for side in ("a", "b"):
            combo, picker = getattr(ui, f"country_{side}"), getattr(ui, f"occupation_{side}")
            self.bind(f"country_{side}", combo, getattr(ui, f"country_{side}_error"), combo.currentIndexChanged)
            self.bind(f"occupation_{side}", picker.combo, getattr(ui, f"occupation_{side}_error"))
            self.bind(f"occupation_{side}_title", picker.title, getattr(ui, f"occupation_{side}_title_error"))
            picker.changed.connect(lambda s=side: self.touch(f"occupation_{s}", f"occupation_{s}_title"))
        ui.country_b.currentIndexChanged.connect(lambda: self.touch("country_a"))  # "one must be ours"
        self.bind("aqrf_level", ui.aqrf_level, ui.aqrf_level_error, ui.aqrf_level.currentIndexChanged)
        self.bind("status", ui.status, ui.status_error, ui.status.currentIndexChanged)
        self.bind("notes", ui.notes, ui.notes_error, ui.notes.textChanged)

    # RecordEditor ------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        ui = self.ui
        terms = {"aqrf_level": choices.current(ui.aqrf_level), "status": choices.current(ui.status),
                 "notes": ui.notes.toPlainText()}
        if self.equivalence is not None:
            return terms
        code_a, title_a = ui.occupation_a.value()
        code_b, title_b = ui.occupation_b.value()
        return {"country_a": choices.current(ui.country_a), "occupation_a": code_a,
                "occupation_a_title": title_a, "country_b": choices.current(ui.country_b),
                "occupation_b": code_b, "occupation_b_title": title_b, **terms}

    def check(self, values: dict[str, Any]) -> list[FieldError]:
        chk = Checker()
        if self.equivalence is not None:
            rules.check_terms(values, chk)
            return chk.errors
        rules.check_equivalence(values, chk, home_country=self.home or "")
        for side in ("a", "b"):
            picker: OccupationPicker = getattr(self.ui, f"occupation_{side}")
            if picker.is_new() and not values[f"occupation_{side}_title"]:
                chk.fail(f"occupation_{side}_title", self.tr(
                    "{code} is not in this country's catalogue: give its title to add it").format(
                    code=picker.code()))
        return chk.errors

    def operation(self, values: dict[str, Any]) -> Op:
        if self.equivalence is None:
            return registers.add_equivalence(values=values)
        return registers.update_equivalence(equivalence_id=self.equivalence.id, values=values)
