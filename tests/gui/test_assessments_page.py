"""The Assessments page: what the services recorded, filters, the details pane (the document
number masked), recording by hand with undo, result sheets through the import wizard, and
issuing certificates, offscreen on a Cambodian node."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QWizard
from sqlalchemy import func, select

from mrs_desktop.db.models import Assessment, Assessor, Candidate, Certificate
from mrs_desktop.db.uow import UnitOfWork
from mrs_desktop.domain.ids import uuid7
from mrs_desktop.gui import settings
from mrs_desktop.gui.context import AppContext
from mrs_desktop.gui.dialogs.import_wizard import ImportWizard
from mrs_desktop.gui.pages.assessments import AssessmentsPage
from mrs_desktop.gui.pages.assessments_details import masked
from mrs_desktop.services import assessment_queries as queries
from mrs_desktop.services import certificates
from mrs_desktop.services.assessments import record_assessment
from mrs_desktop.services.assessors import add_assessor
from mrs_desktop.services.spreadsheets.templates import template_columns

TILER = {"occupation_code": "CON-TIL-2", "occupation_title": "Tiler", "aqrf_level": 2,
         "centre": "Phnom Penh Tiling Centre", "assessed_on": "2026-05-03"}
SOK = {"family_name": "Sok", "given_names": "Dara", "name_native": "សុខ ដារា", "sex": "male",
       "nationality": "KHM", "id_document_no": "N0012345", **TILER}
CHAN = {"family_name": "Chan", "given_names": "Sophea", "name_native": "ចាន់ សុភា", "sex": "female",
        "nationality": "KHM", "id_document_no": "N0022222", **TILER}
KEO = {"family_name": "Keo", "given_names": "Vanna", "nationality": "KHM", "id_document_no": "N0033333",
       **TILER, "assessed_on": "2026-04-20"}
ACCREDITATION = {"aqrf_level": 2, "accreditation_no": "ACC-1", "accredited_on": "2025-01-01",
                 "valid_until": "2027-12-31", "occupation_code": "CON-TIL-2", "occupation_title": "Tiler"}


@pytest.fixture(autouse=True)
def own_settings(tmp_path):
    """QSettings keeps the first user folder it saw (the import wizard remembers mappings)."""
    before = Path(settings.qsettings().fileName()).parent.parent
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(before))


@pytest.fixture
def recorded(store):
    """Three assessments: Sok competent (by an accredited assessor), Chan partly competent (by
    one whose accreditation had ended), Keo not yet competent."""
    add_assessor(UnitOfWork(store), {"assessor_ref": "KH-A-1", "family_name": "Chea", "given_names": "Sophal"},
                 [ACCREDITATION])
    add_assessor(UnitOfWork(store), {"assessor_ref": "KH-A-2", "family_name": "Prak", "given_names": "Bopha"},
                 [{**ACCREDITATION, "accreditation_no": "ACC-2", "valid_until": "2026-01-31"}])
    with store.session() as s:
        refs = dict(s.execute(select(Assessor.assessor_ref, Assessor.id)).all())
    units = {"CON-TIL-2-01": "C", "CON-TIL-2-02": "RPL_G"}
    ids = {
        "Sok": record_assessment(UnitOfWork(store), SOK, units, [refs["KH-A-1"]]).assessment_id,
        "Chan": record_assessment(UnitOfWork(store), CHAN, {**units, "CON-TIL-2-02": "NYC"},
                                  [refs["KH-A-2"]]).assessment_id,
        "Keo": record_assessment(UnitOfWork(store), KEO, {"CON-TIL-2-01": "NYC"}).assessment_id,
    }
    return ids, refs


@pytest.fixture
def ctx(store):
    context = AppContext(store)
    yield context
    context.runner.wait()


@pytest.fixture
def page(qtbot, ctx, recorded):
    shown = AssessmentsPage(ctx)
    qtbot.addWidget(shown)
    shown.resize(1300, 700)
    shown.show()
    yield shown
    ctx.runner.wait()


def idle(qtbot, ctx):
    qtbot.waitUntil(lambda: not ctx.runner.busy)


def names(page) -> list[str]:
    return [page.model.row(r).family_name for r in range(page.model.rowCount())]


def cells(page, row: int) -> list[str]:
    return [page.model.index(row, c).data() for c in range(page.model.columnCount())]


def select_name(page, family_name: str) -> None:
    page.table.selectRow(names(page).index(family_name))


def answer_yes(monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kw: asked.append(args[2]) or QMessageBox.StandardButton.Yes)
    return asked


# Listing and filtering ---------------------------------------------------------------------------

def test_the_page_lists_what_the_services_recorded(page):
    assert names(page) == ["Chan", "Sok", "Keo"]  # newest first, then by name
    sok = cells(page, 1)
    assert sok[:8] == ["Sok Dara", "សុខ ដារា", "Cambodia", "Tiler", "2", "Phnom Penh Tiling Centre",
                       "2026-05-03", "Competent"]
    assert sok[8] == "eligible"  # no certificate yet
    assert cells(page, 2)[7] == "Not yet competent" and cells(page, 2)[8] == ""
    assert page.count.text() == "3 assessments"
    every_cell = {c for r in range(3) for c in cells(page, r)}
    assert not any("N00" in (c or "") for c in every_cell)  # no document numbers in the table


def test_the_model_passes_the_model_tester(page, qtmodeltester):
    qtmodeltester.check(page.model)
    select_name(page, "Sok")
    qtmodeltester.check(page.details.units)


def test_search_and_filters_narrow_the_list(qtbot, page):
    page.search.setText("សុខ")  # typed in Khmer
    assert names(page) == ["Sok"]
    page.search.setText("chan tiler")
    assert names(page) == ["Chan"]
    page.search.clear()
    page.result.setCurrentIndex(page.result.findData("not_yet_competent"))
    assert names(page) == ["Keo"]
    page.result.setCurrentIndex(0)
    page.eligible.setChecked(True)
    assert names(page) == ["Chan", "Sok"] and page.count.text() == "2 assessments"
    page.apply_filter({"result": "partly_competent"})
    assert names(page) == ["Chan"] and not page.eligible.isChecked()


def test_sorting_by_a_column_keeps_the_selection(page):
    select_name(page, "Keo")
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert names(page) == ["Chan", "Keo", "Sok"]
    assert page.selected_rows()[0].family_name == "Keo"


# Details -------------------------------------------------------------------------------------------

def test_the_details_show_units_assessors_and_a_masked_document(qtbot, page):
    select_name(page, "Sok")
    details = page.details
    assert "Sok Dara" in details.heading.text() and "សុខ ដារា" in details.heading.text()
    assert "Chea Sophal" in details.facts.text() and "AQRF level 2" in details.facts.text()
    assert details.document.text() == "Identity document: •••••345"
    assert "N0012345" not in details.facts.text() + details.heading.text()
    qtbot.mouseClick(details.show_document, Qt.MouseButton.LeftButton)
    assert details.document.text() == "Identity document: N0012345"
    assert [details.units.index(r, 2).data() for r in range(details.units.rowCount())] == [
        "Competent (C)", "RPL granted (RPL_G)"]
    assert details.warning.isHidden()
    select_name(page, "Chan")  # another person: masked again
    assert details.document.text() == "Identity document: •••••222"
    assert not details.warning.isHidden()
    assert "Prak Bopha had no active accreditation for CON-TIL-2 at AQRF level 2 on 2026-05-03" \
        in details.warning.text()
    assert "Eligible for a certificate (units achieved)" in details.certificates.text()


def test_several_selected_say_how_many(page):
    page.select_ids(list(page.model.ids()))
    assert page.details.heading.text() == "3 assessments selected."
    assert page.details.units_box.isHidden()


def test_masking_keeps_only_the_last_three_characters():
    assert masked("N0012345") == "•••••345"
    assert masked("1234") == "••••"
    assert masked(None) == ""


# Recording by hand -----------------------------------------------------------------------------------

def test_an_assessment_recorded_in_the_dialog_is_listed_selected_and_can_be_undone(qtbot, ctx, page, store,
                                                                                   recorded):
    page.create()
    editor = page.editor
    ui = editor.ui
    ui.id_document_no.setText("N0012345")  # Sok again: the same person
    ui.id_document_no.editingFinished.emit()
    assert ui.family_name.text() == "Sok" and ui.name_native.text() == "សុខ ដារា"
    assert "Already on record: Sok Dara" in ui.candidate_note.text()
    ui.occupation.set_value("CON-TIL-2")
    assert editor.grid.units() == [("CON-TIL-2-01", None), ("CON-TIL-2-02", None)]  # from the catalogue
    ui.aqrf_level.setCurrentIndex(ui.aqrf_level.findData(2))
    ui.assessed_on.set_value(date(2026, 8, 1))
    ui.centre.setText("Siem Reap")
    editor._offer_assessors("Prak")
    editor._add_offered("Prak")
    assert editor.assessor_ids() == [recorded[1]["KH-A-2"]]
    assert "Prak Bopha" in ui.assessors_warning.text()  # warned before saving
    editor.save()
    assert "row 1, outcome: choose an outcome" in ui.unit_results_error.text()  # nothing sent
    editor.grid.set_outcome(0, "C")
    editor.grid.set_outcome(1, "NYC")
    assert ui.result_preview.text() == "Overall: Partly competent (1 of 2 units achieved)"
    with qtbot.waitSignal(ctx.changes_applied, timeout=10_000):
        editor.save()
    idle(qtbot, ctx)
    assert editor.outcome.warnings and "Prak Bopha" in editor.outcome.warnings[0]
    new_id = editor.outcome.assessment_id
    assert page.selected_ids() == [new_id]
    assert names(page).count("Sok") == 2
    assert "assessed 2 times" in page.details.facts.text()
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Candidate)) == 3  # matched, not added
    assert ctx.undo.undo_label == "Record assessment"
    with qtbot.waitSignal(ctx.changes_applied, timeout=10_000):
        ctx.undo_last(page)
    idle(qtbot, ctx)
    assert names(page).count("Sok") == 1


def test_the_dialog_refuses_a_form_without_units_or_a_document(qtbot, ctx, page):
    page.create()
    editor = page.editor
    editor.ui.family_name.setText("Nou")
    editor.save()
    assert "required" in editor.ui.id_document_no_error.text()
    assert "at least one unit" in editor.ui.unit_results_error.text()
    assert not ctx.runner.busy and editor.isVisible()
    editor.reject()


# Result sheets through the import wizard -------------------------------------------------------------

def write_sheet(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, template_columns("assessments"))
        writer.writeheader()
        writer.writerows(rows)
    return path


def sheet_row(family: str, doc: str, unit: str, outcome: str, **more) -> dict:
    return {"family_name": family, "nationality": "KHM", "id_document_no": doc,
            "occupation_code": "CON-TIL-2", "occupation_title": "Tiler", "aqrf_level": "2",
            "assessed_on": "2026-06-10", "centre": "Battambang", "unit_code": unit, "outcome": outcome,
            **more}


def run_wizard_to_preview(qtbot, ctx, path: Path) -> ImportWizard:
    wizard = ImportWizard(ctx, None, kind="assessments", path=path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    assert wizard.kind == "assessments" and wizard.source.ui.kind_assessments.isChecked()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.columns)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview and not ctx.runner.busy and not wizard.busy)
    return wizard


def test_a_result_sheet_imported_through_the_wizard_appears_on_the_page(qtbot, ctx, page, tmp_path):
    sheet = write_sheet(tmp_path / "battambang.csv", [
        sheet_row("Lim", "N0044444", "CON-TIL-2-01", "C", given_names="Srey", assessor_refs="KH-A-1"),
        sheet_row("Lim", "N0044444", "CON-TIL-2-02", "C"),
        sheet_row("Ros", "N0055555", "CON-TIL-2-01", "W"),
    ])
    wizard = run_wizard_to_preview(qtbot, ctx, sheet)
    assert "2 assessments added" in wizard.preview.ui.summary.text()
    with qtbot.waitSignal(ctx.changes_applied, timeout=10_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page)
    assert "3 unit results added" in wizard.done_page.ui.summary.text()
    assert {"Lim", "Ros"} <= set(names(page))
    lim = names(page).index("Lim")
    assert cells(page, lim)[5:8] == ["Battambang", "2026-06-10", "Competent"]


def test_a_bad_result_sheet_writes_nothing_and_names_the_row_and_column(qtbot, ctx, page, store, tmp_path):
    sheet = write_sheet(tmp_path / "bad.csv", [
        sheet_row("Lim", "N0044444", "CON-TIL-2-01", "C"),
        sheet_row("Ros", "N0055555", "CON-TIL-2-01", "maybe"),
    ])
    with store.session() as s:
        before = s.scalar(select(func.count()).select_from(Assessment))
    wizard = run_wizard_to_preview(qtbot, ctx, sheet)
    model = wizard.preview.errors_model
    shown = [tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())]
    assert [(row, column) for row, column, _problem in shown] == [("3", "outcome")]
    assert "'maybe' is not an outcome code" in shown[0][2]
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Assessment)) == before
    assert "Lim" not in names(page)


# Certificates ----------------------------------------------------------------------------------------

def test_issuing_for_every_eligible_assessment_shows_the_numbers(qtbot, ctx, page, monkeypatch):
    asked = answer_yes(monkeypatch)
    page._name_issue_actions()
    assert page.issue_all_action.text() == "For every eligible assessment (2)"
    with qtbot.waitSignal(ctx.changes_applied, timeout=20_000):
        page.issue_all_eligible()
    idle(qtbot, ctx)
    assert "Issue 2 certificates?" in asked[0]
    year = date.today().year
    numbers = {cells(page, r)[0]: cells(page, r)[8] for r in range(page.model.rowCount())}
    assert numbers == {"Sok Dara": f"KHM-{year}-000001", "Chan Sophea": f"KHM-{year}-000002",
                       "Keo Vanna": ""}  # issued in order of assessment date, then id
    assert f"KHM-{year}-000001 to KHM-{year}-000002" in page.report.text()
    page.eligible.setChecked(True)
    assert names(page) == []
    assert ctx.undo.undo_label is None  # issuing is not undone: a certificate is revoked instead


def test_issuing_for_the_selection_takes_only_what_can_be_certified(qtbot, ctx, page, store, monkeypatch):
    asked = answer_yes(monkeypatch)
    page.select_ids(page.model.ids())  # Keo is not yet competent: left out
    with qtbot.waitSignal(ctx.changes_applied, timeout=20_000):
        page.issue_selected()
    idle(qtbot, ctx)
    assert "Issue 2 certificates?" in asked[0] and "1 of the selected are left out" in asked[0]
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Certificate)) == 2
    select_name(page, "Sok")
    assert "Certificate <b>KHM-" in page.details.certificates.text()


def test_a_revoked_certificate_shows_in_the_list(qtbot, page, store, recorded):
    numbers = certificates.issue_certificates(UnitOfWork(store), [recorded[0]["Sok"]])
    certificates.revoke_certificate(UnitOfWork(store), numbers[0], "issued with a misspelt name")
    page.refresh()
    sok = names(page).index("Sok")
    assert cells(page, sok)[8] == f"{numbers[0]} (revoked)"
    select_name(page, "Sok")
    assert "revoked: issued with a misspelt name" in page.details.certificates.text()


# The read service ----------------------------------------------------------------------------------

def test_a_partners_assessment_is_listed_read_only_without_a_document(store, recorded):
    with store.session() as s:
        sok = s.get(Assessment, recorded[0]["Sok"])
        person = Candidate(id=uuid7(), origin=uuid7(), country="THA", family_name="Somchai",
                           nationality="THA", id_document_no=None)
        s.add(person)
        s.flush()
        s.add(Assessment(id=uuid7(), origin=person.origin, country="THA", candidate_id=person.id,
                         occupation_id=sok.occupation_id, aqrf_level=2, assessed_on=date(2026, 3, 1),
                         result="competent"))
        s.commit()
    rows = queries.list_assessments(store)
    partner = next(r for r in rows if r.country == "THA")
    assert not partner.eligible  # only its own country certifies it
    detail = queries.get_assessment(store, partner.id)
    assert detail.id_document_no is None and detail.units == ()


def test_certified_results_match_the_certificate_service():
    assert set(queries.CERTIFIED) == set(certificates.CERTIFIED)
