"""Recording one assessment by hand: the candidate (matched to a person already on record by
document number and nationality), occupation and level, centre and date, the assessors, and an
outcome per unit. Assessors not accredited for it are warned about as they are picked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QListWidgetItem, QWidget

from ...domain.errors import FieldError
from ...domain.fields import Checker
from ...services import assessment_queries as queries
from ...services import catalogue
from ...services.assessments import check_assessment, check_candidate, check_outcome, roll_up
from ...services.search import AssessorQuery, search_assessors
from ..context import AppContext
from ..forms.ui_assessment_editor import Ui_AssessmentEditor
from ..models.assessments import result_names
from ..operations import Op
from ..operations import assessments as ops
from ..widgets import choices
from .assessment_units import UnitGrid
from .record_editor import NOTE_STYLE, RecordEditor

CANDIDATE_TEXT = ("family_name", "given_names", "name_native", "id_document_no")
MATCHES = 15  # assessors offered as she types


class AssessmentEditor(RecordEditor):
    """A new assessment of this node's country (results are never edited: a new one supersedes)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.ui = ui = Ui_AssessmentEditor()
        ui.setupUi(self)
        self.home = ctx.store.node.country if ctx.store.node else None
        self.outcome = ops.RecordOutcome()
        self.known: queries.KnownCandidate | None = None
        self._offered: dict[str, str] = {}  # completer text → assessor id
        self.setWindowTitle(self.tr("Record an assessment"))
        self.setup_common(ui.note, ui.problems, ui.buttons)
        self.grid = UnitGrid(ui.units, self)
        self._fill_choices()
        self._bind_fields()
        self._connect()
        for label in (ui.candidate_note, ui.assessors_warning):
            label.setStyleSheet(NOTE_STYLE)
            label.hide()
        ui.outcome_codes.setStyleSheet("color: palette(placeholder-text);")
        self._show_result()
        ui.nationality.setFocus()

    def _fill_choices(self) -> None:
        ui = self.ui
        choices.fill_countries(ui.nationality)
        choices.select(ui.nationality, self.home)
        choices.fill(ui.sex, ((self.tr("not recorded"), None), (self.tr("Female"), "female"),
                              (self.tr("Male"), "male"), (self.tr("Other"), "other")))
        choices.fill_levels(ui.aqrf_level, blank=self.tr("Choose a level"))
        occupations = catalogue.list_occupations(self.ctx.store, self.home) if self.home else []
        ui.occupation.set_occupations((o.code, o.title) for o in occupations)
        self.completer = QCompleter(QStringListModel(self), self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        ui.assessor_search.setCompleter(self.completer)

    def _bind_fields(self) -> None:
        ui = self.ui
        for name in (*CANDIDATE_TEXT, "centre", "sheet_ref"):
            widget = getattr(ui, name)
            self.bind(name, widget, getattr(ui, f"{name}_error"), widget.textEdited)
        self.bind("nationality", ui.nationality, ui.nationality_error, ui.nationality.currentIndexChanged)
        self.bind("sex", ui.sex, ui.sex_error, ui.sex.currentIndexChanged)
        self.bind("date_of_birth", ui.date_of_birth, ui.date_of_birth_error, ui.date_of_birth.dateChanged)
        self.bind(("occupation_code", "occupation_title"), ui.occupation, ui.occupation_error,
                  ui.occupation.changed)
        self.bind("aqrf_level", ui.aqrf_level, ui.aqrf_level_error, ui.aqrf_level.currentIndexChanged)
        self.bind("assessed_on", ui.assessed_on, ui.assessed_on_error, ui.assessed_on.dateChanged)
        # The grid's problems show under it, the grid itself unmarked: a red border set on the
        # table would reach every outcome box inside it. Shown once she saves (not while she
        # works down the rows, each still "choose…").
        self._units_anchor = QWidget(self)
        self._units_anchor.hide()
        self.bind(("unit_results", "unit_code", "outcome"), self._units_anchor, ui.unit_results_error)
        self.bind("assessor_ids", ui.assessors, ui.assessor_ids_error)

    def _connect(self) -> None:
        ui = self.ui
        ui.nationality.currentIndexChanged.connect(lambda _i: self._match_candidate())
        ui.id_document_no.editingFinished.connect(self._match_candidate)
        ui.id_document_no.textEdited.connect(lambda _t: self._forget_match())
        ui.occupation.changed.connect(self._occupation_changed)
        ui.aqrf_level.currentIndexChanged.connect(lambda _i: self._check_assessors())
        ui.assessed_on.dateChanged.connect(lambda _d: self._check_assessors())
        ui.assessor_search.textEdited.connect(self._offer_assessors)
        self.completer.activated.connect(self._add_offered)
        ui.add_assessor.clicked.connect(lambda: self._add_offered(ui.assessor_search.text()))
        ui.remove_assessor.clicked.connect(self._remove_assessor)
        ui.add_unit.clicked.connect(self.grid.add_blank)
        ui.remove_unit.clicked.connect(self.grid.remove_current)
        self.grid.changed.connect(self._show_result)

    # The candidate -------------------------------------------------------------------------------

    def _forget_match(self) -> None:
        if self.known is not None:
            self.known = None
            self.ui.candidate_note.hide()

    def _match_candidate(self) -> None:
        """A person already on record is the same person: say so and fill what is blank."""
        ui = self.ui
        self.known = queries.find_candidate(self.ctx.store, choices.current(ui.nationality),
                                            ui.id_document_no.text())
        if self.known is None:
            ui.candidate_note.hide()
            return
        k = self.known
        for name, value in (("family_name", k.family_name), ("given_names", k.given_names),
                            ("name_native", k.name_native)):
            widget = getattr(ui, name)
            if value and not widget.text().strip():
                widget.setText(value)
        if k.sex and ui.sex.currentData() is None:
            choices.select(ui.sex, k.sex)
        if k.date_of_birth and ui.date_of_birth.value() is None:
            ui.date_of_birth.set_value(k.date_of_birth)
        name = " ".join(p for p in (k.family_name, k.given_names) if p)
        before = self.tr("assessed once before") if k.assessments == 1 else \
            self.tr("assessed {n} times before").format(n=k.assessments)
        ui.candidate_note.setText(self.tr(
            "Already on record: {name}, {before}. This assessment is added to the same person; a "
            "name changed here corrects the stored one.").format(name=name, before=before))
        ui.candidate_note.show()
        self.revalidate()

    # Occupation, assessors -----------------------------------------------------------------------

    def _occupation_changed(self) -> None:
        code = self.ui.occupation.code() if not self.ui.occupation.is_new() else None
        self.grid.offer(queries.occupation_units(self.ctx.store, code))
        self._check_assessors()

    def _offer_assessors(self, text: str) -> None:
        if not text.strip() or self.home is None:
            self._offered = {}
        else:
            found = search_assessors(self.ctx.store, AssessorQuery(
                text=text, country=self.home, include_partners=False, limit=MATCHES))
            # The name index holds each assessor's reference too ("KH-A-12" finds them).
            self._offered = {_assessor_text(r): r.id for r in found}
        self.completer.model().setStringList(list(self._offered))

    def _add_offered(self, text: str) -> None:
        """The assessor the text names, else the first one offered for it."""
        if text not in self._offered:
            self._offer_assessors(text)
        assessor_id = self._offered.get(text) or next(iter(self._offered.values()), None)
        if assessor_id is None:
            return
        shown = next(t for t, i in self._offered.items() if i == assessor_id)
        self.add_assessor(assessor_id, shown)
        self.ui.assessor_search.clear()

    def add_assessor(self, assessor_id: str, text: str) -> None:
        if assessor_id in self.assessor_ids():
            return
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, assessor_id)
        self.ui.assessors.addItem(item)
        self._check_assessors()

    def _remove_assessor(self) -> None:
        row = self.ui.assessors.currentRow()
        if row >= 0:
            self.ui.assessors.takeItem(row)
            self._check_assessors()

    def assessor_ids(self) -> list[str]:
        items = (self.ui.assessors.item(i) for i in range(self.ui.assessors.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items]

    def _check_assessors(self) -> None:
        """Recording warns, not refuses: say so before she saves."""
        ui = self.ui
        code = ui.occupation.code()
        names = queries.uncovered_assessors(self.ctx.store, self.assessor_ids(), code,
                                            choices.current(ui.aqrf_level), ui.assessed_on.value())
        if names:
            ui.assessors_warning.setText(self.tr(
                "Not accredited for {occupation} at this level on this date: {names}. The assessment "
                "can still be recorded; the warning stays with it.").format(
                occupation=code, names=", ".join(names)))
        ui.assessors_warning.setVisible(bool(names))

    def _show_result(self) -> None:
        outcomes = [o for _c, o in self.grid.units() if o]
        if not outcomes:
            self.ui.result_preview.setText(self.tr("Choose an outcome for each unit."))
            return
        achieved = sum(o in ("C", "RPL_G", "CT") for o in outcomes)
        self.ui.result_preview.setText(self.tr("Overall: {result} ({n} of {total} units achieved)").format(
            result=result_names()[roll_up(outcomes)], n=achieved, total=len(outcomes)))

    # RecordEditor ----------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        ui = self.ui
        code, title = ui.occupation.value()
        return {
            "family_name": ui.family_name.text(), "given_names": ui.given_names.text(),
            "name_native": ui.name_native.text(), "sex": ui.sex.currentData(),
            "date_of_birth": ui.date_of_birth.value(), "nationality": choices.current(ui.nationality),
            "id_document_no": ui.id_document_no.text(), "occupation_code": code,
            "occupation_title": title, "aqrf_level": choices.current(ui.aqrf_level),
            "centre": ui.centre.text(), "assessed_on": ui.assessed_on.value(),
            "sheet_ref": ui.sheet_ref.text(), "units": self.grid.units(),
            "assessor_ids": self.assessor_ids(),
        }

    def check(self, values: dict[str, Any]) -> list[FieldError]:
        """services.assessments' own checks, with each unit's problem naming its row."""
        chk = Checker()
        check_candidate(values, chk)
        check_assessment(values, chk)
        if values["occupation_code"] and not values["occupation_title"]:
            chk.fail("occupation_title", self.tr("a new occupation: give its title"))
        units = values["units"]
        if not units:
            chk.fail("unit_results", self.tr("add at least one unit and its outcome"))
        seen: set[str] = set()
        for number, (code, outcome) in enumerate(units, start=1):
            unit_chk = Checker()
            clean = unit_chk.text("unit_code", code, required=True, max_len=60)
            if outcome:
                check_outcome(unit_chk, "outcome", outcome)
            else:
                unit_chk.fail("outcome", self.tr("choose an outcome"))
            for error in unit_chk.errors:
                what = self.tr("unit code") if error.field == "unit_code" else self.tr("outcome")
                chk.fail("unit_results", self.tr("row {n}, {what}: {message}").format(
                    n=number, what=what, message=error.message))
            if clean and clean.casefold() in seen:
                chk.fail("unit_results", self.tr("row {n}: unit {code} is listed twice").format(
                    n=number, code=clean))
            seen.add((clean or "").casefold())
        return chk.errors

    def operation(self, values: dict[str, Any]) -> Op:
        values = dict(values)
        units, assessor_ids = values.pop("units"), values.pop("assessor_ids")
        return ops.record_assessment(values=values, units=units, assessor_ids=assessor_ids,
                                     outcome=self.outcome)


def _assessor_text(row) -> str:
    return _person_text(row.family_name, row.given_names, row.assessor_ref)


def _person_text(family: str, given: str | None, ref: str | None) -> str:
    name = " ".join(p for p in (family, given) if p)
    return f"{name} — {ref}" if ref else name
